/* The teacher's live room and projector page: asks the server for the room's state every few
   seconds (live.json, read from the database so any worker answers) and updates the counts
   and, on the live page, the table. Names are set as text, never as HTML. */
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-live-url");
  var every = 1000 * (parseInt(root.getAttribute("data-poll"), 10) || 3);
  var labels = root.hasAttribute("data-labels") ? JSON.parse(root.getAttribute("data-labels")) : {};
  var resultUrl = root.getAttribute("data-result-url") || "";
  var body = root.querySelector("[data-students]");
  var status = root.querySelector("[data-live-status]");

  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function timeLeft(student) {
    if (student.phase === "submitted") { return "—"; }
    if (student.seconds_left === null) { return labels.no_limit; }
    return Math.floor(student.seconds_left / 60) + " " + labels.min;
  }

  function showClosed(closed) {
    root.querySelectorAll("[data-closed-only]").forEach(function (el) { el.hidden = !closed; });
    root.querySelectorAll("[data-open-only]").forEach(function (el) { el.hidden = closed; });
  }

  function render(state) {
    showClosed(Boolean(state.closed));
    Object.keys(state.counts).forEach(function (key) {
      var el = root.querySelector('[data-count="' + key + '"]');
      if (el) { el.textContent = String(state.counts[key]); }
    });
    if (!body) { return; }
    var rows = document.createDocumentFragment();
    state.students.forEach(function (student) {
      var tr = document.createElement("tr");
      var name = document.createElement("td");
      var link = document.createElement("a");
      link.href = resultUrl.replace(/\/0$/, "/" + student.id);
      link.textContent = student.name;
      name.appendChild(link);
      tr.appendChild(name);
      cell(tr, student.answered + "/" + state.total);
      cell(tr, timeLeft(student));
      cell(tr, labels[student.phase] || student.phase);
      cell(tr, student.extra || labels.empty || "");
      rows.appendChild(tr);
    });
    if (!state.students.length) {
      var empty = document.createElement("tr");
      cell(empty, labels.none).colSpan = 5;
      rows.appendChild(empty);
    }
    body.replaceChildren(rows);
  }

  function poll() {
    if (document.hidden) { return; }
    fetch(url, {credentials: "same-origin", cache: "no-store", headers: {"Accept": "application/json"}})
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (state) { render(state); if (status) { status.textContent = ""; } })
      .catch(function () { if (status) { status.textContent = "⚠"; } });
  }

  window.setInterval(poll, every);
  document.addEventListener("visibilitychange", poll);
})();
