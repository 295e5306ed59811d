// Forms that help: focus the error summary after a refused submit (as GOV.UK does), and send a form
// once — a second press while the first is on its way is ignored, so nothing is posted twice.
(function () {
  "use strict";

  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
    if (form.dataset.submitting === "true") {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "true";
    form.setAttribute("aria-busy", "true");
    // A form that stays on the page (a download, a failed network) can be sent again after a while.
    window.setTimeout(function () { delete form.dataset.submitting; form.removeAttribute("aria-busy"); }, 5000);
  });

  // Copy buttons only where copying works; without them the link stays selectable in its field.
  if (navigator.clipboard) {
    document.querySelectorAll("[data-copy][hidden]").forEach(function (button) { button.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
    if (!button || !navigator.clipboard) return;
    navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
      var status = document.getElementById("live-status");
      if (status) status.textContent = "Link gekopieerd";
      button.textContent = "Gekopieerd";
    });
  });
})();
