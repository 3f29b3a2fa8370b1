"""Analyse an article once: its findings are kept in the database for a day, so the preview,
its updates (kinds, counts, a replaced question) and publishing reuse them on any worker.
Long texts are refused before analysis: the web's limit is far below the CLI's."""
from __future__ import annotations

import hashlib
import threading
from contextlib import nullcontext
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, ContextManager

from sqlalchemy.exc import IntegrityError

from question_bank.article import Article
from question_bank.errors import ArticleError
from question_bank.models import Findings
from question_bank.service import findings_for

from .extensions import db
from .models import AnalysisCache

KEEP = timedelta(days=1)
# A long feature is ~60,000 characters; 200,000 is analysed in ~10 s on one core (make bench).
MAX_WEB_ARTICLE_CHARS = 200_000


class ArticleTooLong(ArticleError):
    """Longer than the web analyses (the CLI reads up to 1 MB)."""


# One analysis at a time in a process. A worker's threads share its spaCy pipelines and rule
# matchers, which are not safe to run from two threads at once: two teachers' analyses in one
# gunicorn worker failed with a KeyError in spaCy's StringStore (tests/test_heavy_concurrency.py).
# Under the GIL, two CPU-bound analyses side by side would not finish sooner anyway.
_ONE_ANALYSIS = threading.Lock()


def analyse_alone(article: Article) -> Findings:
    with _ONE_ANALYSIS:
        return findings_for(article)


def cached_findings(article: Article, now: datetime, heavy: Callable[[], ContextManager] = nullcontext) -> Findings:
    """The article's findings, from the cache or analysed now inside `heavy()` (the teacher's
    heavy-work limit, quiz/heavy_jobs.py: only a real analysis counts, never a cache hit)."""
    if len(article.text) > MAX_WEB_ARTICLE_CHARS:
        raise ArticleTooLong(f"the article is longer than {MAX_WEB_ARTICLE_CHARS:,} characters")
    digest = _digest(article)
    found = db.session.get(AnalysisCache, digest)
    if found is not None and found.created_at > now - KEEP:
        return Findings.model_validate_json(found.findings)
    with heavy():
        findings = analyse_alone(article)
    db.session.execute(db.delete(AnalysisCache).where(AnalysisCache.created_at <= now - KEEP))
    if found is not None:
        db.session.delete(found)
        db.session.flush()
    db.session.add(AnalysisCache(digest=digest, findings=findings.model_dump_json(), created_at=now))
    try:
        db.session.commit()
    except IntegrityError:   # another worker stored the same article at the same instant
        db.session.rollback()
    return findings


def _digest(article: Article) -> str:
    return hashlib.sha256(f"{analysis_version()}\n{article.language}\n{article.text}".encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """The rule packs' and the analysis code's own bytes: a change to either analyses again."""
    import question_bank

    root = Path(question_bank.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(list(root.glob("*.py")) + list(root.glob("rules/*"))):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
