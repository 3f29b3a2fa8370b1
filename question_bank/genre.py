"""What kind of text an article is: a news report, an opinion piece, an interview, a
fact-check or satire — and how sure the analysis is.

Newsrooms say it in the page's furniture (a "Tribune" or "Opinion" label, "Propos recueillis
par", "Fact check", a satire notice), and the writing shows it: a report keeps its writer
out (no "I" outside quotations, no "we must"), an interview is turns of questions and
answers, a fact-check ends on a verdict. The markers are data (rules/<lang>.yaml, `genre`).
A report is the default, and it is what the analysis says when nothing else is clear.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .article import Article
from .rules.schema import GenreMarkers

QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
# A straight " opens after a space, a bracket or a dash and before a letter; any other closes.
STRAIGHT_OPENING = re.compile(r'(?:^|(?<=[\s(\[{—–-]))"(?=\S)')


def without_quotations(text: str) -> str:
    """The writer's own words: every quotation blanked. Straight quotes are paired by their
    direction, not two by two: a quotation that runs on into a new sentence or paragraph is
    opened again without being closed (the convention of English and French newspapers), and
    pairing by twos would turn the quoted words after it into the writer's ("problems. "He has
    talked to me…")."""
    text = QUOTED.sub(" ", text)
    out, inside, last = [], False, 0
    for match in re.finditer('"', text):
        opening = STRAIGHT_OPENING.match(text, match.start()) is not None
        if not inside and opening:
            out.append(text[last:match.start()])
            inside = True
        elif inside and not opening:
            inside, last = False, match.end()
            out.append(" ")
    out.append(" " if inside else text[last:])
    return "".join(out)
WORD = re.compile(r"[\w’'-]+")
# The headline and the first lines are where a page labels its genre ("Tribune", "Opinion").
HEAD_PASSAGES = 2
HEAD_CHARS = 400


@dataclass(frozen=True)
class GenreGuess:
    genre: str
    confidence: float
    reason: str          # which marker decided (for explanations and for debugging)
    passage: int | None = None   # the passage holding the label that decided, if one did


def classify(article: Article, markers: GenreMarkers) -> GenreGuess:
    head = _head_text(article)
    body = _body_text(article)
    outside = without_quotations(body)
    words = [w.casefold() for w in WORD.findall(outside)]
    n_words = max(len(words), 1)
    if _has_any(head, markers.satire_labels) or _has_any(_tail_text(article), markers.satire_labels):
        return GenreGuess("satire", 0.8, "label", _labelled(article, markers.satire_labels))
    if _has_any(head, markers.fact_check_labels) or _verdict_line(article, markers):
        return GenreGuess("fact_check", 0.8, "label", _labelled(article, markers.fact_check_labels))
    questions = _question_turns(article)
    if _has_any(head, markers.interview_labels) and questions >= 2 or questions >= 4:
        return GenreGuess("interview", 0.8 if questions >= 4 else 0.7, "turns",
                          _labelled(article, markers.interview_labels))
    first_person = sum(words.count(p.casefold()) for p in markers.first_person if " " not in p)
    stance = sum(_count(outside, phrase) for phrase in markers.stance_words)
    labelled = _label_placed(article, markers.opinion_labels) or _column_title(article.title)
    voice = first_person >= 3 and first_person / n_words >= 0.004
    if labelled and (voice or stance):
        return GenreGuess("opinion", 0.9, "label and voice", _labelled(article, markers.opinion_labels))
    if labelled:
        return GenreGuess("opinion", 0.75, "label", _labelled(article, markers.opinion_labels))
    if voice and stance:
        return GenreGuess("opinion", 0.7, "voice")
    confidence = 0.8 if first_person == 0 and stance == 0 else 0.6
    return GenreGuess("report", confidence, "default")


LABEL_WORDS = 8
LABEL_OPENING = 3      # "Dans une tribune", "In an op-ed": the piece says what it is as it opens
LABEL_END = re.compile(r"\s*(?:[:|–—-]|$)")


def _label_placed(article: Article, labels: list[str]) -> bool:
    """A label where a page puts one: a short line of its own ("Opinion", "Tribune"), or at the
    head of the title or of a line, before a colon, a bar or a dash ("Opinion | …", "Éditorial :").
    The same word in a sentence is not a label: "declined to comment", "une tribune publiée"."""
    for passage in article.passages[:HEAD_PASSAGES + 1]:
        text = article.text[passage.start:passage.end].strip()
        if len(text.split()) <= LABEL_WORDS and _has_any(text, labels):
            return True
        if any(text.casefold().startswith(label.casefold()) and LABEL_END.match(text[len(label):])
               for label in labels):
            return True
        if passage.kind != "title" and _has_any(" ".join(text.split()[:LABEL_OPENING]), labels):
            return True     # a standfirst that opens on it: "Dans une tribune au « Monde », …"
    return False


def _labelled(article: Article, labels: list[str]) -> int | None:
    """The first of the head passages (after the headline) holding one of the labels."""
    for index, passage in enumerate(article.passages[:HEAD_PASSAGES + 1]):
        if index and _has_any(article.text[passage.start:passage.end], labels):
            return index
    return None


def _head_text(article: Article) -> str:
    parts = [article.text[p.start:p.end] for p in article.passages[:HEAD_PASSAGES]]
    return " ".join(parts)[:HEAD_CHARS]


def _tail_text(article: Article) -> str:
    last = article.passages[-1] if article.passages else None
    return article.text[last.start:last.end][-HEAD_CHARS:] if last else ""


def _body_text(article: Article) -> str:
    return "\n".join(article.text[p.start:p.end] for p in article.passages if p.kind == "paragraph")


def _has_any(text: str, phrases: list[str]) -> bool:
    return any(_count(text, phrase) for phrase in phrases)


def _count(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<![\w’']){re.escape(phrase)}(?![\w’'])", text, flags=re.IGNORECASE))


def _verdict_line(article: Article, markers: GenreMarkers) -> bool:
    """A passage that is only a verdict ("Faux.", "Misleading"): a fact-check's conclusion."""
    verdicts = {v.casefold() for v in markers.verdict_words}
    for passage in article.passages:
        text = article.text[passage.start:passage.end].strip().rstrip(".!:").strip().casefold()
        if text in verdicts:
            return True
    return False


def _question_turns(article: Article) -> int:
    """Paragraphs that are only a question, followed by a paragraph that answers: interview turns."""
    paragraphs = [article.text[p.start:p.end].strip() for p in article.passages if p.kind == "paragraph"]
    turns = 0
    for current, following in zip(paragraphs, paragraphs[1:]):
        if current.endswith("?") and len(current) < 300 and not following.endswith("?"):
            turns += 1
    return turns


def _column_title(title: str) -> bool:
    """"… | Firstname Lastname": a headline signed by its columnist."""
    if "|" not in title:
        return False
    signature = title.rsplit("|", 1)[1].split()
    return 2 <= len(signature) <= 4 and all(w[:1].isupper() for w in signature)
