"""Small text helpers shared by the question kinds: shortening quotes, splitting words."""
from __future__ import annotations

import re

from ..models import Word

ELLIPSIS = "…"
# A word, hyphenated compounds included; a French elision (l', qu', d'…) is its own word
# so that "l'aurait" offers "aurait" as a separate, clickable word.
# A word: a figure with its currency, decimals and unit ("£1.3bn", "9,5 %", "25%") is one;
# an elided article ("l'", "qu'") is a word of its own; hyphenated words stay whole.
_WORD = re.compile(r"(?:US\$|[£$€¥])?\d+(?:[.,]\d+)*(?:\u00a0?%|[^\W\d_]{1,3}(?!\w))?"
                   r"|(?:(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w))|\w+(?:[-'’]\w+)*", re.IGNORECASE)
_TRAILING = " \t\r\n.;:,"

# Function words (and common adverbs) long enough to pass the length test but useless as
# "which word?" distractors: the brief asks for nouns, verbs and adjectives.
FUNCTION_WORDS = {
    "fr": frozenset("""
        afin ainsi alors après assez auprès aussi autour autre autres aux avant avec avaient
        avait avoir beaucoup bien cela celle celles celui certains certaines ceci cette ceux
        chaque chez comme comment contre dans depuis déjà désormais donc dont durant elle elles
        encore enfin ensuite entre envers étaient était être eux leur leurs lors lorsque malgré
        même mêmes moins notamment notre nous parce parmi pendant peut plus plusieurs pour
        pourquoi puis quand quant quel quelle quelles quels quelque quelques sans selon sera
        seront sont souvent sous surtout tandis tant toujours tous tout toute toutes très trop
        vers votre vous également aucun aucune lequel laquelle lesquels lesquelles""".split()),
    "en": frozenset("""
        about above across after against along also among around because been before behind
        being below beneath beside between beyond both could does doing down during each
        either every except from have having here inside into just many more most much only
        other over outside said same several should since some such than that their them then
        there these they this those through toward towards under until upon very were what
        when where which while whom whose will with within without would your""".split()),
}


RESTATES = 2 / 3      # share of a text's words another repeats to restate it


def content_stems(text: str, language: str) -> set[str]:
    """The words that carry a statement (`content_words`), by their first five letters
    ("denies" and "denied", "buyer" and "buyers" match): to tell whether one text restates another."""
    return {w[:5] for w in content_words(text, language)}


# Quotation marks inside a quoted passage become the nested kind, so the wording's own
# quotes stay unambiguous: « … “ … ” … » in French, "… '…' …" in English.
_NESTED = {"fr": str.maketrans({"«": "“", "»": "”"}),
           "en": str.maketrans({'"': "'", "“": "‘", "”": "’"})}
_STRAIGHT_PAIR = re.compile(r'"([^"]*)"')
_INSIDE_SPACE = re.compile(r"(?<=“)\s+|\s+(?=”)")


def mentions_any(text: str, words) -> bool:
    """Does `text` hold one of `words` (or phrases) as whole words, whatever the letter case?
    A hyphen joins words: "sous-directeur" holds no "directeur"."""
    folded = text.casefold()
    return any(re.search(rf"(?<![\w-]){re.escape(w.casefold())}(?![\w-])", folded) for w in words)


def unique(items: list, key=lambda item: item.casefold(), limit: int | None = None) -> list:
    """Each item once (by `key`: its wording, whatever its letter case), in order, at most `limit`."""
    seen: set = set()
    kept = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept[:limit]


def inline(text: str, language: str, limit: int | None = None) -> str:
    """Article text ready to quote inside a question: one line, nested quotes, maybe shortened."""
    text = shorten(text, limit) if limit else " ".join(text.split())
    if language == "fr":
        # Straight quotes in a French article nest as “ ” inside « », like its own « ».
        text = _STRAIGHT_PAIR.sub(r"“\1”", text)
    return _INSIDE_SPACE.sub("", text.translate(_NESTED.get(language, {})))


def shorten(text: str, limit: int = 160) -> str:
    """One line, no final full stop, cut at a word boundary with "…" if longer than `limit`."""
    text = " ".join(text.split()).rstrip(_TRAILING)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(_TRAILING) + ELLIPSIS


def cloze(text: str, start: int, end: int, blank: str = "_____", limit: int = 220) -> str:
    """`text` with [start, end) replaced by a blank, trimmed around it to about `limit` chars."""
    before, after = " ".join(text[:start].split()), " ".join(text[end:].split())
    room = max(limit - len(blank), 40) // 2
    if len(before) > room:
        before = ELLIPSIS + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + ELLIPSIS
    gap_before = " " if text[:start][-1:].isspace() else ""
    gap_after = " " if text[end:][:1].isspace() else ""
    return f"{before}{gap_before}{blank}{gap_after}{after}".strip()


def words_in(text: str, start: int, end: int) -> list[Word]:
    """Every word of text[start:end], with absolute offsets into `text`."""
    return [Word(start=start + m.start(), end=start + m.end(), text=m.group())
            for m in _WORD.finditer(text[start:end])]


def is_content_word(word: str, language: str) -> bool:
    """Long enough, alphabetic, not a function word: a plausible "which word?" distractor."""
    bare = word.split("'")[-1].split("’")[-1]
    return (len(bare) >= 4 and not any(ch.isdigit() for ch in word)
            and bare.casefold() not in FUNCTION_WORDS.get(language, frozenset()))


CONTENT_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def content_words(text: str, language: str) -> set[str]:
    """The words that carry a text's matter (longer than three letters, not function words)."""
    stop = FUNCTION_WORDS.get(language, frozenset())
    return {w.casefold() for w in CONTENT_WORD.findall(text) if len(w) > 3 and w.casefold() not in stop}


# The quotation marks that say someone else's words are in a sentence (French, English, straight).
QUOTE_MARKS = ("«", "»", "“", "”", '"')
