"""Line-level findings: publisher disclosures and what the page says about the author.

These live in page furniture (a bio, an "AI helps us write" notice, a
correction), so they are matched on whole lines with the pack's regex rules.
"""
from __future__ import annotations

import re

from .article import Article
from .models import Author, Disclosure


def find_disclosures(article: Article, pack) -> list[Disclosure]:
    found = []
    for rule in pack.of("disclosure"):
        pattern = re.compile(rule.match.regex)
        for passage in article.passages:
            if passage.kind != "furniture":
                continue
            line = article.text[passage.start:passage.end]
            match = pattern.search(line)
            if match:
                start, end = _sentence_around(line, match.start(), match.end())
                found.append(Disclosure(start=passage.start + start, end=passage.start + end,
                                        text=line[start:end], kind=rule.type, rule=rule.id))
    return sorted(found, key=lambda d: d.start)


def find_author(article: Article, parsed, pack) -> Author | None:
    """The byline if there is one, else a bio line in the page furniture."""
    for role in ("byline", "bio"):
        for rule in (r for r in pack.of("author") if r.type == role):
            pattern = re.compile(rule.match.regex)
            for passage in article.passages:
                if passage.kind == "title" or (role == "bio" and passage.kind != "furniture"):
                    continue
                line = article.text[passage.start:passage.end]
                if pattern.search(line):
                    name = _person_in(parsed, passage)
                    return Author(start=passage.start, end=passage.end, text=line, named=name is not None,
                                  name=name, role=role)
    return None


def _person_in(parsed, passage) -> str | None:
    for pp in parsed:
        if pp.passage == passage:
            for ent in pp.doc.ents:
                if ent.label_ in ("PER", "PERSON") and len(ent.text.split()) >= 2:
                    return ent.text
    return None


def _sentence_around(line: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to the sentence of the line that holds it."""
    left = max(line.rfind(". ", 0, start), line.rfind("! ", 0, start), line.rfind("? ", 0, start))
    left = 0 if left < 0 else left + 2
    stops = [i for i in (line.find(". ", end), line.find("! ", end), line.find("? ", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(line.rstrip())
    return left, right
