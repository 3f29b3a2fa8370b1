/* The quiz page, progressively enhanced: autosave, the clock, "mark the word".
 * Without this script the page still works: the radios are a plain form that submits.
 * The server's clock decides; this clock only displays it and resyncs from /state.
 * Everything it needs comes from data-* attributes on #quiz-app (no answer key there). */
(function () {
  "use strict";

  var app = document.getElementById("quiz-app");
  var form = document.getElementById("quiz-form");
  if (!app || !form) { return; }

  var d = app.dataset;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var statusEl = document.getElementById("timer-status");
  var clockEl = document.getElementById("clock-time");
  var clockBox = clockEl ? clockEl.closest(".clock") : null;
  var clockLabel = clockBox ? clockBox.querySelector(".clock-label") : null;
  var toggle = document.getElementById("clock-toggle");
  var graceNotice = document.getElementById("grace-notice");
  var answeredEl = document.getElementById("answered-count");
  var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));

  var LATENCY_MS = 2500;      // the server accepts answers up to 2 s after the deadline
  var RESYNC_MS = 15000;
  var THRESHOLDS = [300, 60, 20];

  function numberOrNull(value) {
    return value === undefined || value === "" ? null : Number(value);
  }

  var state = {
    phase: d.phase,
    secondsLeft: numberOrNull(d.secondsLeft),
    submitLeft: numberOrNull(d.submitSecondsLeft),
    syncedAt: performance.now()
  };
  var lastShown = null;       // remaining seconds at the previous tick, for thresholds
  var checking = false;
  var leaving = false;

  /* --- live region ------------------------------------------------------------ */

  function announce(text) {
    if (!statusEl || !text) { return; }
    statusEl.textContent = "";
    window.setTimeout(function () { statusEl.textContent = text; }, 50);
  }

  /* --- the clock ------------------------------------------------------------- */

  function remaining() {
    var base = state.phase === "grace" ? state.submitLeft : state.secondsLeft;
    if (base === null) { return null; }
    var elapsed = (performance.now() - state.syncedAt) / 1000;
    return Math.max(0, Math.ceil(base - elapsed));
  }

  function format(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    var mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(s).padStart(2, "0");
  }

  function thresholdMessage(t) {
    if (t === 300) { return d.msgFiveMin; }
    if (t === 60) { return d.msgOneMin; }
    if (state.phase === "grace") { return d.msgGraceEnd; }
    return d.onExpiry === "grace" ? d.msgLastGrace : d.msgLast;
  }

  function tick() {
    var left = remaining();
    if (left === null || leaving) { return; }
    if (clockEl) { clockEl.textContent = format(left); }
    if (clockBox) { clockBox.classList.toggle("urgent", left <= 60); }
    if (lastShown !== null) {
      THRESHOLDS.forEach(function (t) {
        if (lastShown > t && left <= t && (state.phase === "open" || t === 20)) {
          announce(thresholdMessage(t));
        }
      });
    }
    lastShown = left;
    if (left === 0) { timeUp(); }
  }

  function timeUp() {
    if (checking) { return; }
    checking = true;
    if (state.phase === "open") { setAnswering(false); }
    window.setTimeout(function () {
      resync().then(function () { checking = false; }, function () { checking = false; });
    }, LATENCY_MS);
  }

  function applyState(data) {
    var before = state.phase;
    state.phase = data.phase;
    state.secondsLeft = data.seconds_left;
    state.submitLeft = data.submit_seconds_left;
    state.syncedAt = performance.now();
    if (data.phase === "submitted" || data.phase === "closed") {
      // Time up, or the teacher closed the quiz: said before leaving; handed in from another
      // tab: nothing to announce.
      goToDone(data.phase === "closed" || data.ended_by === "time" ? d.msgOver
               : data.ended_by === "closed" ? d.msgClosed : "");
      return;
    }
    if (data.phase === "grace") {
      setAnswering(false);
      if (graceNotice) { graceNotice.hidden = false; }
      if (clockLabel && d.labelSubmit) { clockLabel.textContent = d.labelSubmit; }
      if (before !== "grace") {
        announce(d.msgGrace);
        lastShown = null;
      }
    } else if (data.phase === "open" && before === "open") {
      setAnswering(true);   // e.g. extra time granted by the teacher
    }
    tick();
  }

  function resync() {
    return fetch(d.stateUrl, { credentials: "same-origin", cache: "no-store",
                               headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { applyState(data); } })
      .catch(function () { /* offline: keep counting, try again later */ });
  }

  function goToDone(message) {
    if (leaving) { return; }
    leaving = true;
    if (message) { announce(message); }
    window.setTimeout(function () { window.location.assign(d.doneUrl); }, message ? 1200 : 0);
  }

  function setAnswering(enabled) {
    fieldsets.forEach(function (fs) { fs.disabled = !enabled; });
  }

  /* --- hide / show the clock ---------------------------------------------------- */

  if (toggle && clockBox) {
    var hidden = false;
    try { hidden = window.localStorage.getItem("mlquiz-hide-clock") === "1"; } catch (e) { /* private mode */ }
    var showHidden = function (on) {
      clockBox.classList.toggle("clock-hidden", on);
      toggle.setAttribute("aria-pressed", on ? "true" : "false");
    };
    toggle.hidden = false;
    showHidden(hidden);
    toggle.addEventListener("click", function () {
      hidden = toggle.getAttribute("aria-pressed") !== "true";
      showHidden(hidden);
      try { window.localStorage.setItem("mlquiz-hide-clock", hidden ? "1" : "0"); } catch (e) { /* ignore */ }
    });
  }

  /* The visible clock is silent; this button says the time left on demand. */
  var say = document.getElementById("clock-say");
  if (say && d.msgTimeLeft) {
    say.hidden = false;
    say.addEventListener("click", function () {
      var left = remaining();
      if (left === null) { return; }
      announce(d.msgTimeLeft.replace("{minutes}", String(Math.floor(left / 60)))
                            .replace("{seconds}", String(left % 60)));
    });
  }

  /* --- autosave -------------------------------------------------------------- */

  var pending = {};   // question id → {busy, next}

  function statusOf(fs) { return fs.querySelector(".save-status"); }

  function setStatus(fs, text, kind) {
    var el = statusOf(fs);
    if (!el) { return; }
    el.textContent = text;
    el.className = "save-status" + (kind ? " " + kind : "");
  }

  // `answer` is {choices: [n]} for a choice, or {text: "…"} for a written answer.
  function send(fs, questionId, answer) {
    var slot = pending[questionId] || (pending[questionId] = { busy: false, next: null });
    if (slot.busy) { slot.next = answer; return; }
    slot.busy = true;
    setStatus(fs, d.msgSaving, "is-saving");
    fetch(d.answerUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(Object.assign({ question_id: questionId }, answer))
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }).then(function (result) {
      if (result.status === 200) {
        setStatus(fs, d.msgSaved, "is-saved");
        if (result.data.seconds_left !== undefined && result.data.phase) {
          state.secondsLeft = result.data.seconds_left;
          state.syncedAt = performance.now();
        }
      } else if (result.status === 409) {
        setStatus(fs, result.data.error || d.msgLate, "is-error");
        setAnswering(false);
        resync();
      } else {
        setStatus(fs, result.data.error || d.msgNotSaved, "is-error");
      }
    }, function () {
      setStatus(fs, d.msgNotSaved, "is-error");
    }).then(function () {
      slot.busy = false;
      if (slot.next !== null) {
        var next = slot.next;
        slot.next = null;
        send(fs, questionId, next);
      }
    });
  }

  function countAnswered() {
    if (!answeredEl || !d.msgAnswered) { return; }
    var n = fieldsets.filter(function (fs) {
      var typed = fs.querySelector("input.written-answer");
      return fs.querySelector("input:checked") || (typed && typed.value.trim());
    }).length;
    answeredEl.textContent = d.msgAnswered.replace("{count}", String(n));
  }

  form.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "radio") { return; }
    var fs = input.closest("fieldset.question");
    if (!fs) { return; }
    send(fs, fs.dataset.questionId, { choices: [Number(input.value)] });
    syncWords(fs);
    countAnswered();
  });

  /* Written answers are saved a moment after the student stops typing, and on leaving the field. */
  var typingTimers = {};
  function saveWritten(input) {
    var fs = input.closest("fieldset.question");
    if (!fs) { return; }
    window.clearTimeout(typingTimers[fs.dataset.questionId]);
    if (input.dataset.sent === input.value) { return; }
    input.dataset.sent = input.value;
    send(fs, fs.dataset.questionId, { text: input.value });
    countAnswered();
  }
  Array.prototype.forEach.call(form.querySelectorAll("input.written-answer"), function (input) {
    input.dataset.sent = input.value;
    input.addEventListener("input", function () {
      var id = input.closest("fieldset.question").dataset.questionId;
      window.clearTimeout(typingTimers[id]);
      typingTimers[id] = window.setTimeout(function () { saveWritten(input); }, 800);
    });
    input.addEventListener("blur", function () { saveWritten(input); });
    // Enter in a text field would submit the whole quiz: save this answer instead.
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); saveWritten(input); }
    });
  });

  /* Enter on a choice never hands anything in (the form's disabled default button already
   * stops the browser's implicit submission; this covers every other path). */
  form.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target && target.tagName === "INPUT" && target.type !== "submit") {
      event.preventDefault();
    }
  });

  /* --- mark the word -------------------------------------------------------------- */

  function syncWords(fs) {
    var checked = fs.querySelector("input[type=radio]:checked");
    var value = checked ? checked.value : null;
    var words = fs.querySelectorAll("button.word");
    var current = null;
    Array.prototype.forEach.call(words, function (button) {
      var on = value !== null && button.dataset.choice === value;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      if (on) { current = button; }
    });
    // One Tab stop per sentence (the marked word, or the first): the arrow keys move within it.
    Array.prototype.forEach.call(words, function (button, i) {
      button.tabIndex = (current ? button === current : i === 0) ? 0 : -1;
    });
  }

  function moveAmongWords(picker, event) {
    var words = Array.prototype.slice.call(picker.querySelectorAll("button.word"));
    var index = words.indexOf(document.activeElement);
    if (index < 0) { return; }
    var next = {ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1,
                Home: 0, End: words.length - 1}[event.key];
    if (next === undefined) { return; }
    event.preventDefault();
    next = Math.max(0, Math.min(words.length - 1, next));
    words[index].tabIndex = -1;
    words[next].tabIndex = 0;
    words[next].focus();
  }

  fieldsets.forEach(function (fs) {
    var picker = fs.querySelector(".word-picker");
    if (!picker) { return; }
    picker.hidden = false;
    syncWords(fs);
    picker.addEventListener("keydown", function (event) { moveAmongWords(picker, event); });
    picker.addEventListener("click", function (event) {
      var button = event.target.closest("button.word");
      if (!button || fs.disabled) { return; }
      var choice = button.dataset.choice;
      if (choice === undefined) {
        setStatus(fs, d.msgNotChoice.replace("{word}", button.textContent), "is-error");
        return;
      }
      var radio = fs.querySelector('input[type=radio][value="' + choice + '"]');
      if (!radio || radio.checked) { syncWords(fs); return; }
      radio.checked = true;
      radio.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });

  /* --- submitting ------------------------------------------------------------- */

  form.addEventListener("submit", function () {
    var button = form.querySelector("button[type=submit]");
    leaving = true;
    if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
  });

  /* --- start ---------------------------------------------------------------- */

  countAnswered();
  if (state.phase === "grace") {
    state.phase = "open";
    applyState({ phase: "grace", seconds_left: state.secondsLeft, submit_seconds_left: state.submitLeft });
  }
  var first = remaining();
  if (first !== null && first <= 20 && first > 0) { announce(thresholdMessage(20)); }
  tick();
  if (state.secondsLeft !== null) {
    window.setInterval(tick, 1000);
  }
  window.setInterval(resync, RESYNC_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { resync(); }
  });
}());
