/* Data entry on top of htmx: the keyboard, focus after a save, and errors told plainly.
   Loaded with <script defer>; the pages hold no inline script (a strict CSP comes later). */
(function () {
  "use strict";

  var alertBox = function () { return document.getElementById("entry-alert"); };

  function tell(text) {
    var box = alertBox();
    if (!box) { return; }
    box.textContent = text;
    box.hidden = !text;
  }

  // Enter on a select saves its line, as it does in a text input.
  document.addEventListener("keydown", function (event) {
    var select = event.target;
    if (event.key !== "Enter" || !(select instanceof HTMLSelectElement) || !select.form) { return; }
    if (!select.form.hasAttribute("hx-post")) { return; }
    event.preventDefault();
    select.form.requestSubmit();
  });

  document.addEventListener("htmx:beforeRequest", function () { tell(""); });

  // A line that comes back with messages: focus its first marked input.
  document.addEventListener("htmx:afterSettle", function (event) {
    var id = event.detail.target && event.detail.target.id;
    var block = id ? document.getElementById(id) : null;
    if (!block || event.detail.xhr.status !== 422) { return; }
    var invalid = block.querySelector("[aria-invalid='true']");
    if (invalid) { invalid.focus(); }
  });

  // Refused or failed: say so above the page; the line keeps what was typed.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var type = xhr.getResponseHeader("Content-Type") || "";
    if (type.indexOf("text/plain") === 0 && xhr.responseText) {
      tell("Not saved: " + xhr.responseText);
    } else {
      tell("Not saved: the server answered " + xhr.status + ". Try again, or reload the page.");
    }
  });

  document.addEventListener("htmx:sendError", function () {
    tell("Not saved: the server cannot be reached. Check the connection and try again.");
  });
})();
