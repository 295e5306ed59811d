// Only the field the chosen format needs is shown; without script both stay visible, each saying when it is needed.
(function () {
  var form = document.querySelector(".session-form");
  if (!form) return;
  function show() {
    var chosen = form.querySelector("input[name=Format]:checked");
    form.querySelectorAll("[data-needed-for]").forEach(function (field) {
      field.hidden = !!chosen && field.getAttribute("data-needed-for").split(" ").indexOf(chosen.value) < 0;
    });
  }
  form.addEventListener("change", function (event) { if (event.target.name === "Format") show(); });
  show();
})();
