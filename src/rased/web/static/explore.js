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

// The alerts page: new alerts arrive by Server-Sent Events and are put at the top of the list, without a reload.
document.addEventListener("DOMContentLoaded", function () {
  var list = document.getElementById("alerts");
  if (!list || !window.EventSource) { return; }
  var state = document.getElementById("live-state");
  var source = new EventSource(list.getAttribute("data-stream"));
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text) { node.textContent = text; }
    return node;
  }
  source.addEventListener("open", function () { if (state) { state.textContent = "live"; } });
  source.addEventListener("error", function () { if (state) { state.textContent = "reconnecting"; } });
  source.addEventListener("alert", function (event) {
    var a = JSON.parse(event.data);
    if (list.querySelector('li[data-n="' + a.n + '"]')) { return; }
    var item = el("li", "alert new");
    item.setAttribute("data-n", a.n);
    var link = el("a", "alert-title", a.title || a.article_id);
    link.href = a.link;
    var rule = el("span", "rule", a.rule);
    rule.title = a.rule_kind;
    item.append(link, " ", rule, " ", el("span", "source", a.source || ""));
    if (a.evidence && a.evidence.length) { item.append(el("blockquote", "evidence", a.evidence[0].text)); }
    if (a.note) { item.append(el("p", "note", a.note)); }
    list.insertBefore(item, list.firstChild);
    var empty = document.getElementById("no-alerts");
    if (empty) { empty.remove(); }
  });
});
