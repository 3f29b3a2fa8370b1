"""The two things callers want, in one place: findings for an article, and a quiz.

The CLI and (later) the web views call these; neither knows about spaCy or rules.
"""
from __future__ import annotations

from pathlib import Path

from .analysis import analyze
from .article import Article, read_article
from .models import Findings, Quiz

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
SAMPLES = {"fr": "rumeur-rachat.fr.txt", "en": "takeover-talk.en.txt"}
# Printed as the source of a sample: students must not take the samples for real news.
SAMPLE_SOURCES = {"fr": "Article fictif écrit pour mlquiz (exemple)",
                  "en": "Fictional article written for mlquiz (sample)"}


def sample_path(language: str) -> Path:
    return SAMPLES_DIR / SAMPLES[language]


def findings_for(article: Article) -> Findings:
    return analyze(article)


def quiz_for(article: Article, seed: int = 0, findings: Findings | None = None, **options) -> Quiz:
    """The quiz; `options` are generate_quiz's (counts per kind, ids to exclude…)."""
    from .generate import generate_quiz

    return generate_quiz(article, findings or analyze(article), seed=seed, **options)


def analysis_json(findings: Findings) -> dict:
    """The `mlquiz analyze --json` contract (DESIGN.md)."""
    dump = findings.model_dump(mode="json")
    keep = ("start", "end", "text")
    return {
        "language": findings.language,
        "title": findings.title,
        "genre": findings.genre,
        "genre_confidence": findings.genre_confidence,
        "headline_is_question": findings.headline_is_question,
        "headline_overstates": findings.headline_overstates,
        "headline_overstates_confidence": findings.headline_overstates_confidence,
        "headline": dump["headline"],
        "headline_evidence": dump["headline_evidence"],
        "cues": [{k: c[k] for k in (*keep, "type", "rule", "explanation", "confidence")} for c in dump["cues"]],
        "sources": [_source_json(s) for s in dump["sources"]],
        "claims": [{k: c[k] for k in ("text", "status", "citations", "anchor", "confidence")} for c in dump["claims"]],
        "disclosures": [{k: d[k] for k in (*keep, "kind")} for d in dump["disclosures"]],
        "author": dump["author"],
        "entities": dump["entities"],
        "amounts": dump["amounts"],
    }


def _source_json(source: dict) -> dict:
    shown = {k: source[k] for k in ("start", "end", "text", "kind", "who", "confidence")}
    if source.get("via"):
        shown["via"] = source["via"]        # the source that relays this one: {start, end, text, kind}
    if source.get("about_itself"):
        shown["about_itself"] = True        # a body telling of its own acts: the party concerned
    return shown


def quiz_json(quiz: Quiz) -> dict:
    """The `mlquiz generate --json` contract (DESIGN.md)."""
    return {"article": {"title": quiz.title, "language": quiz.language}, "seed": quiz.seed,
            "questions": [_question_json(q) for q in quiz.questions]}


def _question_json(question) -> dict:
    # `accepted` only exists for written answers; choice questions keep the published shape.
    return question.model_dump(mode="json", exclude_none=True, exclude=None if question.accepted else {"accepted"})


__all__ = ["read_article", "findings_for", "quiz_for", "analysis_json", "quiz_json", "sample_path"]
