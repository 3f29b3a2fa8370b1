/* The new-quiz forms: while the server reads the article (a few seconds, more for a long one
   or a fetched page), the button says so and cannot be pressed twice. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-busy-label]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]:not([disabled])");
      var status = form.querySelector("[data-busy-status]");
      if (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);   // after the form has been sent
        button.setAttribute("aria-busy", "true");
        button.textContent = form.getAttribute("data-busy-label");
      }
      if (status) { status.textContent = form.getAttribute("data-busy-label"); }
    });
  });
})();
