// The citizen's filing and result pages of every section (the case kit's). A file of its own, not inline: the
// Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  // Move focus to the error summary so that screen readers announce it.
  var summary = document.getElementById("form-errors");
  if (summary) { summary.focus(); }
  // Stop double clicks: one press sends the form once (the server also files a repeated token only once).
  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = form.querySelector("button[type=submit]");
      if (button.disabled) { event.preventDefault(); }
      button.disabled = true;
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
