// Hovering a quote or relation in the side lists lights up its words in the text.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".ref-item[data-ref]").forEach(function (item) {
    var ref = item.getAttribute("data-ref");
    var marks = document.querySelectorAll('.m[data-refs~="' + ref + '"]');
    function set(on) { marks.forEach(function (m) { m.classList.toggle("lit", on); }); }
    item.addEventListener("mouseenter", function () { set(true); });
    item.addEventListener("mouseleave", function () { set(false); });
    item.addEventListener("focusin", function () { set(true); });
    item.addEventListener("focusout", function () { set(false); });
  });
});
