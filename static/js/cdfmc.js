// Page behaviour asked for with data- attributes: the Content-Security-Policy runs no
// inline script or style, so templates say what they need and this file does it.
(function () {
  "use strict";

  // <form data-confirm="ลบรายการนี้หรือไม่">: ask before submitting.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // <div class="progress-bar" data-bar-width="37.5">: the bar's length in percent.
  function drawBars(root) {
    root.querySelectorAll("[data-bar-width]").forEach(function (bar) {
      bar.style.width = bar.getAttribute("data-bar-width") + "%";
    });
  }

  document.addEventListener("DOMContentLoaded", function () { drawBars(document); });
  document.addEventListener("htmx:load", function (event) { drawBars(event.target); });
})();
