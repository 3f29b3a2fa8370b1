"""Sentence boundaries that respect how news is typed.

The parsers of the small models cut sentences where news typography misleads them: inside
a quotation (« … » with its own full stops), before an incise (« … », a précisé X), after
an abbreviation (M., Mme, Dr), at a dash or a comma. A cut there loses a claim's subject or
its attribution. A pipeline component placed before the parser says where a sentence may
NOT start, and the parser keeps to it (spaCy honours boundaries set before it runs):

- only after terminal punctuation (. ! ? …, possibly followed by closing quotes or brackets);
- never inside a quotation that opened in the same paragraph and has not closed;
- never on a word in lower case, nor after an abbreviation or an initial.

The typographic rules are those of the Lexique des règles typographiques de l'Imprimerie
nationale (2002) and of the Chicago Manual of Style (17th ed., §6.9–6.11, 6.119) for
quotations: a closing quotation mark followed by an incise continues the sentence.
"""
from __future__ import annotations

from spacy.language import Language

TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSERS = {"»", "”", "\"", "’", ")", "]"}
OPENING_QUOTES = {"«": "»", "“": "”"}
# Titles and abbreviations after which a full stop does not end a sentence (both languages).
ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "mgr", "gén", "col", "cdt",
                 "mr", "mrs", "ms", "prof", "gen", "gov", "sen", "rep", "lt", "sgt", "capt", "jr", "sr", "no",
                 "vs", "etc", "env", "cf", "p", "pp", "vol", "av", "apr", "j.-c", "inc", "corp", "co", "ltd"}
# A quotation longer than this is not held together (a whole interview answer, an excerpt).
MAX_QUOTED_TOKENS = 120


@Language.component("news_sentences")
def news_sentences(doc):
    """Mark the tokens that cannot start a sentence, before the parser decides the rest."""
    open_quote, opened_at, straight_open = None, 0, False
    for token in doc:
        if token.i > 0 and not _may_start(doc, token, open_quote is not None or straight_open):
            token.is_sent_start = False
        text = token.text
        if open_quote is None and text in OPENING_QUOTES:
            open_quote, opened_at = OPENING_QUOTES[text], token.i
        elif open_quote is not None and text == open_quote:
            open_quote = None
        elif text == "\"":
            straight_open = not straight_open
        if open_quote is not None and token.i - opened_at > MAX_QUOTED_TOKENS:
            open_quote = None
    return doc


def _may_start(doc, token, inside_quote: bool) -> bool:
    if inside_quote:
        return False
    previous = doc[token.i - 1]
    back = token.i - 1
    while back > 0 and doc[back].text in CLOSERS:
        back -= 1
    if doc[back].text not in TERMINAL and not doc[back].text.endswith((".", "!", "?", "…")):
        return False
    if token.text[:1].islower() or token.text in (",", ";", ":", "»", "”", ")"):
        return False
    if previous.text == "." and back > 0 and _abbreviation(doc[back - 1]):
        return False
    if previous.text.endswith(".") and previous.text != "." and _abbreviation_with_dot(previous.text):
        return False
    return True


def _abbreviation(token) -> bool:
    word = token.text.casefold()
    return word in ABBREVIATIONS or (len(token.text) == 1 and token.text.isupper())


def _abbreviation_with_dot(text: str) -> bool:
    """"M." or "Dr." written as one token, or an initial such as "J."."""
    word = text[:-1].casefold()
    return word in ABBREVIATIONS or (len(text) == 2 and text[0].isupper())


def sentence_spans(doc, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence with text, offsets shifted by `base`, spaces trimmed."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if not any(ch.isalpha() for ch in stripped):
            continue
        start = base + sent.start_char + (len(text) - len(text.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans
