/* Keyboard navigation in the indicator grid, finding jumps and download progress. No dependencies. */
(function () {
  "use strict";
  function cellInputs(row) { return Array.prototype.slice.call(row.querySelectorAll("input:not([type=hidden]), textarea")); }
  function move(input, dRow, dCol) {
    var td = input.closest("td"); var tr = input.closest("tr"); var table = input.closest("table[data-grid]");
    if (!td || !tr || !table) return false;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var r = rows.indexOf(tr); var inputs = cellInputs(tr); var c = inputs.indexOf(input);
    if (dCol !== 0) {
      var next = inputs[c + dCol];
      if (next) { next.focus(); if (next.select) next.select(); return true; }
      return false;
    }
    var target = rows[r + dRow];
    if (!target) return false;
    var there = cellInputs(target)[c];
    if (there) { there.focus(); if (there.select) there.select(); return true; }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (!(el instanceof HTMLElement) || !el.closest("table[data-grid]")) return;
    if (el.tagName !== "INPUT" && el.tagName !== "TEXTAREA") return;
    var atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    var atEnd = el.selectionStart === el.value.length;
    var handled = false;
    if (event.key === "ArrowDown" && el.tagName === "INPUT") handled = move(el, 1, 0);
    else if (event.key === "ArrowUp" && el.tagName === "INPUT") handled = move(el, -1, 0);
    else if (event.key === "Enter" && el.tagName === "INPUT") handled = move(el, event.shiftKey ? -1 : 1, 0) || true;
    else if (event.key === "ArrowRight" && atEnd) handled = move(el, 0, 1);
    else if (event.key === "ArrowLeft" && atStart) handled = move(el, 0, -1);
    if (handled) {
      event.preventDefault();
    }
  });
  /* Download progress: the indicator stays until the server's answer sets the cookie naming this click's
     token (documents such as a PDF through LibreOffice take seconds); two minutes at most. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.download") : null;
    if (!link) return;
    var token = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("progress", token);
    link.href = url.toString();
    var box = link.parentElement; box.classList.add("busy");
    var started = Date.now();
    var timer = setInterval(function () {
      var done = document.cookie.split("; ").indexOf("jixiao_download=" + token) >= 0;
      if (done || Date.now() - started > 120000) {
        clearInterval(timer); box.classList.remove("busy");
        document.cookie = "jixiao_download=; max-age=0; path=/; SameSite=Lax";
      }
    }, 250);
  });
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-jump]") : null;
    if (!link) return;
    var field = document.getElementById(link.getAttribute("data-jump"));
    if (field) { event.preventDefault(); field.scrollIntoView({ block: "center" }); field.focus(); history.replaceState(null, "", "#" + field.id); }
  });
})();
