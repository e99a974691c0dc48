/* Netral workspace: keyboard shortcuts for the common moves, as progressive enhancement (every
   page works without it; no inline script, so it runs under the site's CSP).

   Inbox ([data-case-list]): j or n next case, k or p previous, o or Enter open it.
   Case page ([data-case-page]): j or n next case of the list it came from, k or p previous,
   u or Esc back to that list (its filters, sort and page kept).
   Single-key shortcuts can be turned off (WCAG 2.1.4): the choice is kept in localStorage. */
(function () {
  "use strict";

  var OFF_KEY = "netral.shortcuts";
  var LIST_KEY = "netral.caseList";

  function store(kind) {
    try { return window[kind]; } catch (e) { return null; }
  }
  function enabled() {
    var s = store("localStorage");
    return !s || s.getItem(OFF_KEY) !== "off";
  }
  function savedList() {
    var s = store("sessionStorage");
    if (!s) { return null; }
    try { return JSON.parse(s.getItem(LIST_KEY) || "null"); } catch (e) { return null; }
  }
  function saveList(list) {
    var s = store("sessionStorage");
    if (s) { try { s.setItem(LIST_KEY, JSON.stringify(list)); } catch (e) { /* full */ } }
  }
  function typing(el) {
    return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function here() { return window.location.pathname + window.location.search; }

  function hint() {
    var box = document.querySelector("[data-shortcuts]");
    if (!box) { return; }
    var button = box.querySelector("button");
    function paint() {
      var on = enabled();
      button.textContent = on ? box.getAttribute("data-off-label") : box.getAttribute("data-on-label");
      button.setAttribute("aria-pressed", on ? "false" : "true");
    }
    button.addEventListener("click", function () {
      var s = store("localStorage");
      if (s) { s.setItem(OFF_KEY, enabled() ? "off" : "on"); }
      paint();
    });
    box.hidden = false;
    paint();
  }

  function listPage(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-case-url]"));
    var urls = rows.map(function (row) { return row.getAttribute("data-case-url"); });
    var previous = savedList();
    saveList({ url: here(), cases: urls, current: previous && previous.url === here() ? previous.current : null });
    var current = -1;

    function select(index, focus) {
      if (!rows.length) { return; }
      index = Math.max(0, Math.min(rows.length - 1, index));
      if (current >= 0) { rows[current].classList.remove("is-current"); }
      current = index;
      var row = rows[current];
      row.classList.add("is-current");
      var link = row.querySelector("a[href]");
      if (focus && link) { link.focus({ preventScroll: true }); }
      row.scrollIntoView({ block: "nearest" });
    }
    // Back from a case: the row of the case last seen is the current one again.
    var last = previous && previous.url === here() ? previous.current : null;
    if (last && urls.indexOf(last) >= 0) { select(urls.indexOf(last), true); }

    rows.forEach(function (row, index) {
      row.addEventListener("focusin", function () { select(index, false); });
    });

    return function (key) {
      if (key === "j" || key === "n") { select(current + 1, true); return true; }
      if (key === "k" || key === "p") { select(current < 0 ? 0 : current - 1, true); return true; }
      if ((key === "o" || key === "Enter") && current >= 0) {
        window.location.assign(urls[current]);
        return true;
      }
      return false;
    };
  }

  function casePage(page) {
    var list = savedList();
    var back = page.getAttribute("data-list-url");
    var path = window.location.pathname;
    var index = list ? list.cases.indexOf(path) : -1;
    if (list && index >= 0) {
      back = list.url;
      list.current = path;
      saveList(list);
      var link = document.querySelector("[data-back-to-list]");
      if (link) { link.setAttribute("href", back); }
    }
    function go(offset) {
      if (index < 0) { return; }
      var target = list.cases[index + offset];
      if (target) { window.location.assign(target); }
    }
    return function (key) {
      if (key === "j" || key === "n") { go(1); return true; }
      if (key === "k" || key === "p") { go(-1); return true; }
      if (key === "u" || key === "Escape") { window.location.assign(back); return true; }
      return false;
    };
  }

  // On a phone the filter panel starts folded unless a filter is set: the list comes first.
  function foldFilter() {
    var panel = document.querySelector("details.filter");
    if (!panel || !window.matchMedia || !window.matchMedia("(max-width: 51.99em)").matches) { return; }
    if (!panel.hasAttribute("data-filtered")) { panel.open = false; }
  }

  function start() {
    foldFilter();
    var table = document.querySelector("[data-case-list]");
    var page = document.querySelector("[data-case-page]");
    var handle = table ? listPage(table) : page ? casePage(page) : null;
    if (!handle) { return; }
    hint();
    document.addEventListener("keydown", function (event) {
      if (!enabled() || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (typing(event.target)) { return; }
      // Enter on a link or a button does what it always does.
      if (event.key === "Enter" && event.target.closest && event.target.closest("a, button, summary")) { return; }
      if (handle(event.key)) { event.preventDefault(); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
