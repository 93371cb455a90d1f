// Small progressive enhancements; every page works without them.
// data-confirm: ask before a destructive action. data-print: open the print dialog.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
  if (question && !window.confirm(question)) event.preventDefault();
});
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target.closest("[data-print]") : null;
  if (target) {
    event.preventDefault();
    window.print();
  }
});
// Move focus to a notice after an action, so screen readers and keyboard users land on the result.
window.addEventListener("DOMContentLoaded", () => {
  const notice = document.querySelector(".notice");
  if (notice instanceof HTMLElement) {
    notice.tabIndex = -1;
    notice.focus();
  }
});
