// Peel's own behaviour, kept out of the HTML so the CSP can forbid inline script.
document.addEventListener("DOMContentLoaded", () => {
  // Focus the first field with an error so keyboard and screen-reader users land on it.
  const invalid = document.querySelector(".is-invalid");
  if (invalid) invalid.focus();
});
