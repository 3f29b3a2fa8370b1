"""The errors of the libraries an import goes through (pydantic, expat, PyYAML, json, base64)
and of the article reader, as problem kinds of our own.

Their own messages are English sentences ("Input should be a valid integer", "mismatched
tag", "Expecting ',' delimiter"); put inside a problem, a French page showed them half in
English. Each error is read by its code or type (never by its wording where a code exists),
and becomes a `Message` whose template is an msgid of the app's catalogue, like every other
problem (problems.py). An error none of these names gets a plain "not accepted" in the page's
language; the command line, in English, still prints the library's words after it.
"""
from __future__ import annotations

import json
from typing import Any
from xml.parsers import expat

from pydantic import ValidationError

from ..errors import ArticleError, ArticleTooLarge, ArticleTooShort, BinaryData, NotUtf8, UnsupportedLanguage
from ..models import InvalidValue
from .problems import INVALID, INVALID_FIELD, N_, Kind, Message

# --- pydantic: one message per error of a field -------------------------------------------------

FIELD_MISSING = Kind("field_missing", N_("this field is missing"))
FIELD_UNKNOWN = Kind("field_unknown", N_("this field is not part of the format"))
FIELD_TOO_SHORT = Kind("field_too_short", N_("this is too short (at least %(least)s)"))
FIELD_TOO_LONG = Kind("field_too_long", N_("this is too long (at most %(most)s)"))
FIELD_NOT_ALLOWED = Kind("field_not_allowed", N_("this value is not allowed (expected %(expected)s)"))
FIELD_WRONG_TYPE = Kind("field_wrong_type", N_("this should be %(expected)s"))
FIELD_TOO_SMALL = Kind("field_too_small", N_("this number is too small (at least %(least)s)"))
FIELD_TOO_LARGE = Kind("field_too_large", N_("this number is too large (at most %(most)s)"))
FIELD_REFUSED = Kind("field_refused", N_("this value is not accepted"))

EXPECTED = {
    "string": Kind("expected_text", N_("text"))(),
    "int": Kind("expected_whole_number", N_("a whole number"))(),
    "float": Kind("expected_number", N_("a number"))(),
    "bool": Kind("expected_true_false", N_("true or false"))(),
    "list": Kind("expected_list", N_("a list"))(),
    "tuple": Kind("expected_list", N_("a list"))(),
    "dict": Kind("expected_mapping", N_("a set of named fields"))(),
    "model": Kind("expected_mapping", N_("a set of named fields"))(),
}

# Our own models' rules (question_bank/models.py raises InvalidValue with one of these codes).
MODEL_RULES = {
    "span_mismatch": Kind("span_mismatch", N_("a span does not match the text at its offsets")),
    "citation_mismatch": Kind("citation_mismatch", N_("the citation's offsets do not match its quote")),
    "citation_not_in_article": Kind("citation_not_in_article", N_(
        "the citation's quote is not in the article at its offsets")),
    "written_with_choices": Kind("written_with_choices", N_(
        "a written-answer question takes accepted answers, not choices")),
    "written_with_feedback": Kind("written_with_feedback", N_(
        "a written-answer question has no choices to give feedback on")),
    "feedback_count": Kind("feedback_count", N_("%(feedbacks)s feedbacks for %(choices)s choices")),
    "answer_not_a_choice": Kind("answer_not_a_choice", N_("answer %(answer)s is not the number of one of its choices")),
    "too_many_right": Kind("too_many_right", N_(
        "it has %(count)s right answers: a one-answer question needs exactly one")),
    "duplicate_choices": Kind("duplicate_choices", N_("two of its choices are the same")),
    "approved_without_citation": Kind("approved_without_citation", N_(
        "an approved question cites at least one passage of its article")),
}


def validation_messages(error: ValidationError) -> list[tuple[tuple, Message]]:
    """(location, message) for each error pydantic found, in our words."""
    return [(tuple(item["loc"]), _pydantic_message(item)) for item in error.errors()]


def _pydantic_message(item: dict[str, Any]) -> Message:
    kind, ctx = item["type"], item.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, InvalidValue) and cause.code in MODEL_RULES:
        return MODEL_RULES[cause.code](**cause.fields)
    if kind == "missing":
        return FIELD_MISSING()
    if kind == "extra_forbidden":
        return FIELD_UNKNOWN()
    if kind in ("too_short", "string_too_short"):
        return FIELD_TOO_SHORT(least=ctx.get("min_length", 1))
    if kind in ("too_long", "string_too_long"):
        return FIELD_TOO_LONG(most=ctx.get("max_length", "?"))
    if kind in ("literal_error", "enum"):
        # pydantic lists the values in English ("'fr' or 'en'"): the values alone, by commas
        return FIELD_NOT_ALLOWED(expected=str(ctx.get("expected", "?")).replace(" or ", ", "))
    if kind in ("greater_than_equal", "greater_than"):
        return FIELD_TOO_SMALL(least=ctx.get("ge", ctx.get("gt", "?")))
    if kind in ("less_than_equal", "less_than"):
        return FIELD_TOO_LARGE(most=ctx.get("le", ctx.get("lt", "?")))
    expected = EXPECTED.get(kind.split("_")[0]) if kind.endswith(("_type", "_parsing")) else None
    if expected is not None:
        return FIELD_WRONG_TYPE(expected=expected)
    return FIELD_REFUSED()


# --- expat (Moodle XML) ---------------------------------------------------------------------------

XML_PROBLEMS = {
    expat.errors.XML_ERROR_SYNTAX: Kind("xml_syntax", N_("a syntax error")),
    expat.errors.XML_ERROR_NO_ELEMENTS: Kind("xml_no_elements", N_("the file ends before its first element closes")),
    expat.errors.XML_ERROR_INVALID_TOKEN: Kind("xml_invalid_token", N_("a character that cannot be there")),
    expat.errors.XML_ERROR_UNCLOSED_TOKEN: Kind("xml_unclosed_token", N_("a tag that is not closed")),
    expat.errors.XML_ERROR_PARTIAL_CHAR: Kind("xml_partial_char", N_("a character cut in the middle")),
    expat.errors.XML_ERROR_TAG_MISMATCH: Kind("xml_tag_mismatch", N_(
        "a closing tag that does not match its opening tag")),
    expat.errors.XML_ERROR_DUPLICATE_ATTRIBUTE: Kind("xml_duplicate_attribute", N_("an attribute given twice")),
    expat.errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: Kind("xml_junk_after", N_("text after the end of the document")),
    expat.errors.XML_ERROR_UNDEFINED_ENTITY: Kind("xml_undefined_entity", N_(
        "an unknown entity (write & as &amp;amp;)")),
    expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION: Kind("xml_unclosed_cdata", N_("a CDATA section that is not closed")),
}
XML_OTHER = Kind("xml_other", N_("a construction XML does not allow"))
_EXPAT_CODES = {expat.errors.codes[message]: message for message in XML_PROBLEMS}


def xml_message(code: int) -> Message:
    """What expat's error code says, in our words."""
    message = _EXPAT_CODES.get(code)
    return XML_PROBLEMS[message]() if message is not None else XML_OTHER()


# --- PyYAML and json (our own YAML and JSON files) -----------------------------------------------

# PyYAML has no error codes: its problems are read by how they begin (its scanner's and
# parser's fixed phrases), the rest is a syntax error at its line and column.
YAML_PROBLEMS = (
    ("mapping values are not allowed", Kind("yaml_colon", N_(
        "a colon inside a value: put the whole value in quotation marks"))),
    ("could not find expected ':'", Kind("yaml_missing_colon", N_("a field without its colon"))),
    ("found character '\\t'", Kind("yaml_tab", N_("a tab character: YAML indents with spaces only"))),
    ("found a tab character", Kind("yaml_tab", N_("a tab character: YAML indents with spaces only"))),
    ("found character", Kind("yaml_character", N_("a character that cannot start a value here"))),
    ("found unexpected end of stream", Kind("yaml_unclosed_quote", N_("a quotation mark that is never closed"))),
    ("expected <block end>", Kind("yaml_indentation", N_("the indentation is not consistent"))),
    ("did not find expected ',' or", Kind("yaml_unclosed_bracket", N_(
        "a list [ ] or a group { } that is not closed, or a missing comma"))),
    ("did not find expected", Kind("yaml_indentation", N_("the indentation is not consistent"))),
    ("found undefined alias", Kind("yaml_alias", N_("an alias (*name) that refers to nothing"))),
)
YAML_OTHER = Kind("yaml_syntax", N_("a syntax error"))

JSON_PROBLEMS = {
    "Expecting value": Kind("json_value", N_("a value is missing")),
    "Expecting ',' delimiter": Kind("json_comma", N_("a comma is missing")),
    "Expecting ':' delimiter": Kind("json_colon", N_("a colon is missing")),
    "Expecting property name enclosed in double quotes": Kind("json_key", N_(
        "a field name must be in double quotation marks, or a comma is one too many")),
    "Unterminated string starting at": Kind("json_unclosed_string", N_("a text that is never closed")),
    "Invalid control character at": Kind("json_control", N_("a line break or control character inside a text")),
    "Extra data": Kind("json_extra", N_("more data after the end of the document")),
    "Invalid \\escape": Kind("json_escape", N_("a backslash that starts no valid escape")),
}
JSON_OTHER = Kind("json_syntax", N_("a syntax error"))


YAML_CONTEXTS = (
    ("while parsing a flow", "did not find expected ',' or"),      # a [ or { never closed
    ("while scanning a quoted scalar", "found unexpected end of stream"),
)


def yaml_message(problem: str | None, context: str | None = None) -> Message:
    """By the context PyYAML (or libyaml, whose words differ) was in, then by the problem."""
    text = problem or ""
    for opening, same_as in YAML_CONTEXTS:
        if (context or "").startswith(opening):
            text = same_as
    return next((kind() for start, kind in YAML_PROBLEMS if text.startswith(start)), YAML_OTHER())


def json_message(error: json.JSONDecodeError) -> Message:
    kind = JSON_PROBLEMS.get(error.msg) or next((k for start, k in JSON_PROBLEMS.items() if error.msg.startswith(start)),
                                                JSON_OTHER)
    return kind()


# --- an article inside an import file --------------------------------------------------------------

PAYLOAD_NOT_BASE64 = Kind("payload_not_base64", N_("it is not valid base64"))
PAYLOAD_NOT_UTF8 = Kind("payload_not_utf8", N_("it is not UTF-8 text"))
PAYLOAD_NOT_JSON = Kind("payload_not_json", N_("it is not a JSON object with the article's text"))

ARTICLE_REASONS = {
    ArticleTooShort: Kind("article_too_short", N_("it is empty or too short")),
    ArticleTooLarge: Kind("article_too_large", N_("it is too long")),
    BinaryData: Kind("article_binary", N_("it contains binary data")),
    NotUtf8: Kind("article_not_utf8", N_("it is not UTF-8 text")),
    UnsupportedLanguage: Kind("article_language", N_("it is neither in French nor in English")),
}
ARTICLE_OTHER = Kind("article_other", N_("%(text)s"))


def article_reason(error: ArticleError | ValueError) -> Message:
    """Why an article could not be read, by the error's type (errors.py)."""
    for kind in type(error).__mro__:
        if kind in ARTICLE_REASONS:
            return ARTICLE_REASONS[kind]()
    return ARTICLE_OTHER(text=str(error))


def invalid(error: ValidationError) -> Message:
    """Every error of a validation as one problem: "field: what is wrong; …"."""
    parts = [INVALID_FIELD(field=".".join(map(str, loc)), detail=message) if loc else message
             for loc, message in validation_messages(error)]
    return INVALID(detail=parts)
