/* The question form: the passage the teacher selects in the article becomes the citation.
 * Each paragraph carries data-start, its offset in the article text, and holds exactly
 * that text, so a selection inside it is text[start + a, start + b]. The server checks
 * the offsets against the article again; without this script the teacher pastes the quote.
 * Switching the kind of question re-displays the form with that kind's fields. */
(function () {
  "use strict";

  var article = document.getElementById("citable-article");
  var start = document.getElementById("cite_start");
  var end = document.getElementById("cite_end");
  var quote = document.getElementById("quote");
  var preview = document.getElementById("cited-preview");
  var kind = document.getElementById("kind");
  var switchKind = document.getElementById("switch-kind");
  if (!article || !start || !end || !quote) { return; }

  function paragraphOf(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return element ? element.closest("p.citable") : null;
  }

  function offsetIn(paragraph, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(paragraph);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  // The article's quotation marks, as question_bank/quoting.py nests them: the passage's own
  // first-level marks become the second level, so a speaker's words never print « « … » ».
  var marks = preview && preview.dataset.quoteMarks ? JSON.parse(preview.dataset.quoteMarks)
    : {outer: ["« ", " »"], first: ["«", "»"], second: ["“", "”"]};
  var spaces = "[ \u00a0\u202f]*";

  function escaped(mark) { return mark.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function quoted(text) {
    var nested = text.replace(/[ \t\r\n]+/g, " ")
      .replace(new RegExp(escaped(marks.first[0]) + spaces, "g"), marks.second[0])
      .replace(new RegExp(spaces + escaped(marks.first[1]), "g"), marks.second[1])
      .replace(/(^|[\s(\[{—–-])"/g, "$1" + marks.second[0])
      .replace(/"/g, marks.second[1]);
    return marks.outer[0] + nested + marks.outer[1];
  }

  function show(label, text) {
    if (preview) { preview.textContent = label + " — " + quoted(text); }
  }

  function onSelect() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    var first = paragraphOf(range.startContainer);
    var last = paragraphOf(range.endContainer);
    if (!first || !article.contains(first)) { return; }
    if (first !== last) {
      if (preview) { preview.textContent = preview.dataset.oneParagraph || "Select within one paragraph."; }
      return;
    }
    var base = Number(first.dataset.start);
    var a = offsetIn(first, range.startContainer, range.startOffset);
    var b = offsetIn(first, range.endContainer, range.endOffset);
    var text = first.textContent.slice(a, b);
    var trimmedStart = text.length - text.replace(/^\s+/, "").length;
    var trimmedEnd = text.length - text.replace(/\s+$/, "").length;
    text = text.trim();
    if (!text) { return; }
    start.value = String(base + a + trimmedStart);
    end.value = String(base + b - trimmedEnd);
    quote.value = text;
    show(first.dataset.label, text);
  }

  article.addEventListener("mouseup", onSelect);
  article.addEventListener("keyup", onSelect);
  // Typing a quote by hand replaces the selection: the server finds the typed text.
  quote.addEventListener("input", function () {
    start.value = "";
    end.value = "";
    if (preview) { preview.textContent = ""; }
  });
  if (kind && switchKind) {
    switchKind.hidden = true;
    kind.addEventListener("change", function () { switchKind.hidden = false; switchKind.click(); });
  }
}());
