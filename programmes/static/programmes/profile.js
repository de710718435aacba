// The profile editor: Enter saves the row being edited, Escape cancels it.
document.addEventListener("keydown", (event) => {
  const row = event.target.closest && event.target.closest(".profile-edit-row");
  if (!row || event.target.tagName !== "INPUT") return;
  if (event.key === "Enter") {
    event.preventDefault();
    row.querySelector(".profile-save").click();
  } else if (event.key === "Escape") {
    event.preventDefault();
    row.querySelector(".profile-cancel").click();
  }
});
// After a swap, put the cursor in the first field of a row opened for editing (or with an error).
document.body.addEventListener("htmx:afterSwap", () => {
  const field =
    document.querySelector(".profile-edit-row .is-invalid, .profile-add .is-invalid") ||
    document.querySelector(".profile-edit-row input");
  if (field) field.focus();
});
