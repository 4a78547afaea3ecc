// Buttons marked data-print print the page (no inline onclick: the Content-Security-Policy
// allows only scripts served from the platform itself).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});
