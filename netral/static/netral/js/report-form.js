// Progressive enhancement of the report form; the form works fully without it.
(function () {
  "use strict";
  var province = document.getElementById("id_province");
  var regency = document.getElementById("id_regency");
  if (province && regency) {
    var groups = Array.prototype.slice.call(regency.querySelectorAll("optgroup"));
    var filter = function () {
      groups.forEach(function (group) {
        var show = !province.value || group.getAttribute("data-province") === province.value;
        group.hidden = !show;
        group.disabled = !show;
      });
      var chosen = regency.selectedOptions[0];
      if (chosen && chosen.parentNode.disabled) { regency.value = ""; }
    };
    province.addEventListener("change", filter);
    filter();
  }
  var anonymous = document.getElementById("id_anonymous");
  var reporter = document.getElementById("reporter-fields");
  if (anonymous && reporter) {
    var toggle = function () { reporter.hidden = anonymous.checked; };
    anonymous.addEventListener("change", toggle);
    toggle();
  }
})();
