"""What can be wrong with an imported file, as data rather than sentences.

A problem is *what* is wrong (a `Kind` with its fields: `NOT_A_WORD(choice="banana")`)
and *where* (a line, a question, an article, also a `Kind` with fields). Its value as a
string is the English sentence ("line 3: « banana » is not a word of the sentence"), which
the command line prints; the web app renders the same kinds and fields in the page's
language (quiz/import_messages.py) and never reads the English text.

Every template is an English msgid marked with `N_` so that pybabel extracts it into the
app's catalogue (babel.cfg), with `%(name)s` placeholders for its fields (a literal percent
sign is `%%`). A kind marked `skip=True` is a question this project cannot represent (an
essay, a matching question…): the question is left out with that reason and the rest of the
file is imported, where any other problem refuses the whole file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

Translate = Callable[[str], str]


def N_(message: str) -> str:
    """Marks a message for translation (pybabel's default keyword); the app translates it when shown."""
    return message


def _same(message: str) -> str:
    return message


@dataclass(frozen=True)
class Kind:
    code: str
    template: str
    skip: bool = False                    # the question is left out, the rest of the file imported

    def __call__(self, **fields: Any) -> "Message":
        return Message(self, fields)


@dataclass(frozen=True, eq=False)
class Message:
    kind: Kind
    fields: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translate = _same) -> str:
        return translate(self.kind.template) % {name: _value(v, translate) for name, v in self.fields.items()}

    def __str__(self) -> str:
        return self.render()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.kind, self.fields) == (other.kind, other.fields)


def _value(value: Any, translate: Translate) -> Any:
    if isinstance(value, Message):
        return value.render(translate)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, Message) for v in value):
        return "; ".join(v.render(translate) for v in value)
    return value


PLACED = N_("%(place)s: %(problem)s")


class Problem(str):
    """One problem of a file. A `str` whose value is the English sentence (for the command
    line, logs and plain comparisons); `what`, `at` and `render(translate)` are what a page
    shows it from, in its own language."""

    what: Message
    at: Message | None

    def __new__(cls, what: Message, at: Message | None = None) -> "Problem":
        self = super().__new__(cls, _placed(what, at, _same))
        self.what, self.at = what, at
        return self

    def render(self, translate: Translate = _same) -> str:
        return _placed(self.what, self.at, translate)

    @property
    def kind(self) -> Kind:
        return self.what.kind

    @property
    def skips(self) -> bool:
        return self.what.kind.skip

    @property
    def line(self) -> int:
        """The file's line the problem is on (0: the file as a whole), for sorting."""
        return int(self.at.fields.get("line", 0)) if self.at is not None else 0

    def __reduce__(self):                 # kept whole when copied or pickled
        return (Problem, (self.what, self.at))


def _placed(what: Message, at: Message | None, translate: Translate) -> str:
    if at is None:
        return what.render(translate)
    return translate(PLACED) % {"place": at.render(translate), "problem": what.render(translate)}


def problem(what: Message, at: Message | None = None) -> Problem:
    return Problem(what, at)


def skipped_of(problems: Iterable[str]) -> list[Problem]:
    return [p for p in problems if isinstance(p, Problem) and p.skips]


# --- where ------------------------------------------------------------------------------------------

AT_LINE = Kind("at_line", N_("line %(line)s"))
AT_LINE_COLUMN = Kind("at_line_column", N_("line %(line)s, column %(column)s"))
AT_QUESTION = Kind("at_question", N_("question %(number)s"))
AT_QUESTION_NAMED = Kind("at_question_named", N_("question %(number)s (%(name)s)"))
AT_QUESTION_UNNAMED = Kind("at_question_unnamed", N_("question %(number)s (no name)"))
AT_ARTICLE = Kind("at_article", N_("article %(number)s"))
AT_ARTICLE_NAMED = Kind("at_article_named", N_("article %(number)s (%(name)s)"))
AT_TOP_LEVEL = Kind("at_top_level", N_("top level"))
AT_THE_QUESTION = Kind("at_the_question", N_("the question"))


def at_line(line: int, column: int | None = None) -> Message:
    return AT_LINE_COLUMN(line=line, column=column) if column is not None else AT_LINE(line=line)


def at_question(number: int, name: str = "") -> Message:
    return AT_QUESTION_NAMED(number=number, name=name) if name else AT_QUESTION(number=number)


# --- the file as a whole -----------------------------------------------------------------------------

FILE_TOO_LARGE = Kind("file_too_large", N_("the file is larger than %(size)s MB"))
FILE_EMPTY = Kind("file_empty", N_("the file is empty"))
FILE_BINARY = Kind("file_binary", N_("this looks like a binary file, not a file of questions"))
FILE_NOT_UTF8 = Kind("file_not_utf8", N_("the file is not UTF-8 text (invalid byte at position %(position)s)"))
UNKNOWN_FILE_TYPE = Kind("unknown_file_type", N_("unknown file type %(name)s: import %(formats)s"))
MORE_PROBLEMS = Kind("more_problems", N_("… and %(count)s more problems"))
NOTHING_TO_IMPORT = Kind("nothing_to_import", N_("the file has no question that can be imported here"))
# A plain Moodle file (written by Moodle or by hand): questions with no article and no citation.
NO_ARTICLE_IN_FILE = Kind("no_article_in_file", N_(
    "these questions have no article (%(count)s in the file): import them into one of your articles, "
    "where they arrive as drafts waiting for you to pick the passage each one cites"))

# --- our own YAML and JSON ---------------------------------------------------------------------------

NOT_YAML = Kind("not_yaml", N_("this is not valid YAML (%(detail)s)"))
NOT_JSON = Kind("not_json", N_("this is not valid JSON (%(detail)s)"))
YAML_ALIASES = Kind("yaml_aliases", N_("the file uses YAML aliases (&anchor, *alias); write every item out in full"))
TOO_NESTED = Kind("too_nested", N_("the file is nested too deeply to be a bank file"))
NOT_A_MAPPING = Kind("not_a_mapping", N_(
    "the file must be a %(syntax)s mapping with `format: %(format)s`, `articles` and `questions`; this one is %(found)s"))
FOUND_LIST = Kind("found_list", N_("a list"))
FOUND_TEXT = Kind("found_text", N_("a piece of text"))
FOUND_TYPE = Kind("found_type", N_("a %(type)s"))
NO_FORMAT_ENTRY = Kind("no_format_entry", N_("this is not an mlquiz bank file: it has no `format: %(format)s` entry at the top"))
WRONG_FORMAT = Kind("wrong_format", N_("this is not an mlquiz bank file: its format is %(found)s, not %(format)s"))
WRONG_VERSION = Kind("wrong_version", N_(
    "version %(found)s of the bank format is not supported (this mlquiz reads version %(version)s)"))
# What pydantic says of a value (its own words, in English) after the field it is about.
INVALID_FIELD = Kind("invalid_field", N_("%(field)s: %(detail)s"))
INVALID = Kind("invalid", N_("%(detail)s"))

# --- GIFT ----------------------------------------------------------------------------------------------

UNKNOWN_ESCAPE = Kind("unknown_escape", N_("unknown escape \\%(char)s (GIFT escapes only \\~ \\= \\# \\{ \\} \\: \\n and \\\\)"))
BACKSLASH_AT_END = Kind("backslash_at_end", N_(
    "a backslash at the end of a line (GIFT escapes only \\~ \\= \\# \\{ \\} \\: \\n and \\\\)"))
NONCHARACTER = Kind("noncharacter", N_("a Unicode noncharacter (U+FDD0…U+FDEF) has no place in a GIFT file"))
ESSAY = Kind("essay", N_("an empty answer block {} (a Moodle essay question) is not supported"), skip=True)
NUMERICAL = Kind("numerical", N_("numerical questions ({#…}) are not supported"), skip=True)
MATCHING = Kind("matching", N_("matching questions (=item -> match) are not supported"), skip=True)
TEXT_BEFORE_ANSWER = Kind("text_before_answer", N_("text before the first answer (every answer starts with = or ~)"))
NO_RIGHT_ANSWER_WRITTEN = Kind("no_right_answer_written", N_(
    "the answer block has no =right answer (write {=answer} or {=right ~wrong})"))
NO_ACCEPTED_ANSWER = Kind("no_accepted_answer", N_("no accepted answer (every answer has a zero weight)"))
EMPTY_CHOICE = Kind("empty_choice", N_("an empty choice (%(mark)s with no text)"))
NO_RIGHT_CHOICE = Kind("no_right_choice", N_("the answer block has no =right answer (mark the right choice with =)"))
TITLE_NOT_CLOSED = Kind("title_not_closed", N_("the title is not closed (write ::title:: before the question)"))
LONE_CLOSING_BRACE = Kind("lone_closing_brace", N_("} without an opening { (write \\} for a brace in the text)"))
BLOCK_NOT_CLOSED = Kind("block_not_closed", N_("the answer block opened here is never closed with }"))
BRACE_INSIDE_BLOCK = Kind("brace_inside_block", N_("{ inside an answer block (write \\{ for a brace in the text)"))
SECOND_BLOCK = Kind("second_block", N_("a second answer block, or a brace not escaped (write \\{ or \\})"))
GIFT_DESCRIPTION = Kind("gift_description", N_(
    "text with no answer block (a Moodle description) is not a question: it was left out "
    "(only an item titled ::%(title)s <ref>:: is read, as an article)"), skip=True)
ARTICLE_ITEM_EMPTY = Kind("article_item_empty", N_("the article item has no text"))
ARTICLE_ITEM_ANSWERS = Kind("article_item_answers", N_("an %(title)s item is the article's text: it has no answer block"))
NO_QUESTION_TEXT = Kind("no_question_text", N_("the question has no text"))
NO_QUESTIONS_GIFT = Kind("no_questions_gift", N_("the file has no questions (only blank lines and // comments)"))
ARTICLE_UNREADABLE = Kind("article_unreadable", N_("the article cannot be read: %(reason)s"))
EMPTY_QUOTE = Kind("empty_quote", N_("the citation %(label)s quotes nothing (put the passage between the quotation marks)"))
QUOTE_NOT_IN_ARTICLE = Kind("quote_not_in_article", N_("the citation %(label)s %(quote)s is not in the article"))
QUOTE_NO_SUCH_PASSAGE = Kind("quote_no_such_passage", N_(
    "the citation %(label)s %(quote)s is not in the article (it has no passage %(label)s)"))
NO_CITATION_LINE = Kind("no_citation_line", N_("no citation (add a line such as %(example)s to the general feedback)"))
ANSWER_BLOCK_SHAPE = Kind("answer_block_shape", N_("a %(kind)s question needs an answer block like %(block)s"))
NOT_A_WORD_FIRST_CITATION = Kind("not_a_word_first_citation", N_(
    "« %(choice)s » is not a word of the sentence (the first citation must be the sentence to mark a word in)"))
ARTICLE_NOT_FOUND = Kind("article_not_found", N_(
    "the article %(ref)s of this question is neither in the file nor in your bank"))

# --- Moodle XML ----------------------------------------------------------------------------------------

XML_DTD = Kind("xml_dtd", N_("the file declares a DTD or entities (%(error)s); Moodle XML never needs them, so it is refused"))
XML_NOT_WELL_FORMED = Kind("xml_not_well_formed", N_("the XML is not well-formed (%(detail)s)"))
XML_NOT_MOODLE = Kind("xml_not_moodle", N_("the root element is <%(tag)s>, not <quiz>: this is not a Moodle XML file"))
TYPE_NOT_SUPPORTED = Kind("type_not_supported", N_("type %(type)s is not supported (%(supported)s)"), skip=True)
XML_DESCRIPTION = Kind("xml_description", N_(
    "a description is not a question: it was left out (only a description named '%(name)s<ref>' is read, "
    "as an mlquiz article)"), skip=True)
ARTICLE_PAYLOAD_DAMAGED = Kind("article_payload_damaged", N_(
    "the article's exact text (data-mlquiz-article) is missing or damaged (%(detail)s)"))
ARTICLE_NOT_READ = Kind("article_not_read", N_("the article cannot be read (%(reason)s)"))
LANGUAGE_UNKNOWN = Kind("language_unknown", N_("its language is unknown (no lang attribute and no article in the file)"))
CITATION_UNREADABLE = Kind("citation_unreadable", N_("citation %(number)s cannot be read (%(detail)s)"))
NO_CITATION_PARAGRAPH = Kind("no_citation_paragraph", N_(
    "no citation (a <p class=\"mlquiz-citation\" data-passage data-start data-end> in the general feedback): "
    "every mlquiz question cites the passage that proves its answer"))
NOT_A_WORD = Kind("not_a_word", N_("« %(choice)s » is not a word of the sentence"))
FRACTION_NOT_NUMBER = Kind("fraction_not_number", N_("answer %(number)s has the fraction %(fraction)s, not a number"))
PARTIAL_CREDIT = Kind("partial_credit", N_(
    "answer %(number)s gives %(fraction)s%% (partial credit), which is not supported: "
    "an answer is right (100) or wrong (0)"), skip=True)
SEVERAL_RIGHT_XML = Kind("several_right_xml", N_(
    "a multichoice question with several right answers (single=false) is not supported"), skip=True)
NOT_ONE_RIGHT = Kind("not_one_right", N_("a multichoice question needs exactly one 100%% answer, this one has %(count)s"))
TF_NOT_TWO = Kind("tf_not_two", N_("a true/false question has two answers, this one has %(count)s"))
TF_NOT_TRUE_FALSE = Kind("tf_not_true_false", N_("a true/false question needs a 'true' and a 'false' answer"))
TF_NOT_ONE_RIGHT = Kind("tf_not_one_right", N_("exactly one of 'true' and 'false' must be the 100%% answer"))
WILDCARD = Kind("wildcard", N_("the answer %(answer)s uses Moodle's * wildcard, which is not supported"), skip=True)

# --- what a question must be to enter a bank (bank/checks.py) -------------------------------------------

UNKNOWN_KIND = Kind("unknown_kind", N_("unknown kind %(kind)s (known: %(known)s)"))
ARTICLE_MISSING = Kind("article_missing", N_("its article %(ref)s is not in the file or the bank"))
LANGUAGE_MISMATCH = Kind("language_mismatch", N_("the question is in %(question)s but its article in %(article)s"))
CITATION_NOT_FOUND = Kind("citation_not_found", N_("the citation %(passage)s « %(quote)s » is not found in its article"))
NO_SUCH_PASSAGE = Kind("no_such_passage", N_("the citation names passage %(passage)s, which its article does not have"))
TF_TWO_CHOICES = Kind("tf_two_choices", N_("a true/false question has exactly two choices"))
SHORT_ANSWER_CHOICES = Kind("short_answer_choices", N_("a short-answer question has accepted answers, not choices"))
MARK_WORD_NO_SENTENCE = Kind("mark_word_no_sentence", N_("a mark-the-word question needs the sentence it is about"))
FEEDBACK_COUNT = Kind("feedback_count", N_("choice feedback must have one entry per choice"))
REF_TWICE = Kind("ref_twice", N_("the ref %(ref)s is used twice"))
NEEDS_CITATION = Kind("needs_citation", N_(
    "it cites no passage of its article yet. Edit it, select the passage that proves its answer, "
    "and approve it then"))
