"""Moodle XML (https://docs.moodle.org/en/Moodle_XML_format): export and import.

How a bank travels in a Moodle file, so that our own import gives it back exactly:

- Each article is a `type="description"` question named ``mlquiz-article <ref>`` in the
  category ``$course$/top/mlquiz/<title>``. Its HTML shows the article one `<p>` per
  passage (¶ labels in bold, as on a worksheet); the authoritative copy is the
  ``data-mlquiz-article`` attribute of the wrapping `<div>`: base64 of a JSON object
  {ref, title, language, source, text}. Base64 because XML and HTML parsers normalise
  carriage returns, attribute whitespace and control characters, and citation offsets
  need the text byte for byte. Passages are rebuilt with the language's rule pack
  (`split_passages`, as `article_from_text` does).
- A question's prompt is a `<p lang="..">` (the lang attribute carries its language);
  its general feedback is the explanation in a `<p>`, then one
  ``<p class="mlquiz-citation" data-passage data-start data-end>¶3 — « <span
  class="mlquiz-quote">quote</span> »</p>`` per citation; the one a mark-the-word
  question is about also has the class ``mlquiz-sentence``. Moodle stores HTML as given.
- What Moodle has no field for travels as tags: ``mlquiz-kind:<kind>``,
  ``mlquiz-difficulty:<d>``, ``mlquiz-article:<ref>``; every other tag is the teacher's.
- Imported questions are ``origin="imported"``, ``status="draft"``: workflow belongs to
  the bank that receives them, not to the file.

What the importer takes from other Moodle files: multichoice with one 100% answer (answers
at 0% or below are wrong ones), truefalse, shortanswer whose answers are all right ones
(Moodle's backslash-asterisk is a literal asterisk; a bare "*" wildcard is refused), and descriptions
only as mlquiz articles. Partial credit, several right answers, wildcards, other types and
other descriptions are left out, each reported with the question's position (categories
not counted) and name. Every question needs a citation paragraph; a question without a
``mlquiz-article:`` tag belongs to the file's article when there is exactly one. A plain
Moodle file (no article at all) is imported only into an article the teacher chooses
(``into``): its questions take that article's language and may cite nothing yet (drafts). A mark-the-word question's display is rebuilt
from its article, so that article must be in the file.

Export uses the standard library's ElementTree (lxml is only a test dependency); text is
escaped, not put in CDATA, which cannot hold "]]>" and loses carriage returns.
Import parses with defusedxml (no DTD, no entities) and the HTML inside with the
standard library's HTMLParser, which expands nothing but HTML's own character references.
"""
from __future__ import annotations

from .. import Format, register
from .conventions import (ARTICLE_NAME, ARTICLE_TAG, CATEGORY_ROOT, DEFAULT_KIND, DIFFICULTY_TAG, KIND_TAG,
                          SUPPORTED_TYPES, TRUE_FALSE_LABELS)
from .read import load
from .write import export

__all__ = ["KIND_TAG", "DIFFICULTY_TAG", "ARTICLE_TAG", "ARTICLE_NAME", "CATEGORY_ROOT", "SUPPORTED_TYPES",
           "TRUE_FALSE_LABELS", "DEFAULT_KIND", "export", "load"]


register(Format(name="moodle-xml", label="Moodle XML", suffixes=(".xml",), mimetype="application/xml",
                export=export, load=load))
