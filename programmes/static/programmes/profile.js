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
// Once a swap has settled (htmx restores focus before that), put the cursor in the field in
// error, or in the first field of a row just opened for editing.
document.body.addEventListener("htmx:afterSettle", () => {
  const field =
    document.querySelector(".profile-edit-row .is-invalid, .profile-add .is-invalid") ||
    document.querySelector(".profile-edit-row input");
  if (field) field.focus();
});
