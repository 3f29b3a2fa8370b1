"""Every generated quiz of the samples and of the reference corpus, checked as a teacher
would first look at it: each question cites the article, quotes it verbatim (never cut
inside a word or a quotation), has balanced quotation marks, is the only question about its
sentence, and the quiz asks about the whole article (its genre, its headline, who is heard)
where the article supports it. The corpus lives beside the repository (../shared/corpus, or
MLQUIZ_CORPUS); CI always has it, so there its absence is a failure."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from question_bank.generate import focus
from question_bank.kinds import KINDS
from question_bank.readable import problems
from question_bank.service import findings_for, quiz_for, read_article

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "question_bank" / "samples").glob("*.txt"))
CORPUS = Path(os.environ.get("MLQUIZ_CORPUS", ROOT.parent / "shared" / "corpus"))
if not CORPUS.exists() and os.environ.get("CI"):
    raise RuntimeError(f"reference corpus missing in CI: {CORPUS}")
ARTICLES = SAMPLES + sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.stem)
def generated(request):
    article = read_article(request.param)
    findings = findings_for(article)
    return article, findings, [quiz_for(article, seed=seed, findings=findings) for seed in (0, 7)]


def test_every_question_cites_and_quotes_the_article_verbatim(generated):
    article, _, quizzes = generated
    for quiz in quizzes:
        for question in quiz.questions:
            assert question.citations, question.id
            for citation in question.citations:
                assert article.text[citation.start:citation.end] == citation.quote
            assert problems(question, article) == [], (question.id, question.prompt)


def test_no_two_questions_are_about_one_sentence(generated):
    article, _, quizzes = generated
    for quiz in quizzes:
        spans = [(q.id, c.start, c.end) for q in quiz.questions for c in focus(q, article)]
        for i, (qid, start, end) in enumerate(spans):
            for other, s, e in spans[i + 1:]:
                assert other == qid or not (start < e and s < end), (qid, other)


def test_the_whole_article_is_asked_about_where_it_supports_it(generated):
    _, findings, quizzes = generated
    supported = findings.genre_confidence >= KINDS["genre"].min_confidence or findings.headline_overstates
    for quiz in quizzes:
        article_level = [q for q in quiz.questions if KINDS[q.kind].scope == "article"]
        assert article_level or not supported, [q.kind for q in quiz.questions]


def test_every_question_is_as_sure_as_its_kind_requires(generated):
    _, _, quizzes = generated
    for quiz in quizzes:
        for question in quiz.questions:
            assert question.confidence >= KINDS[question.kind].min_confidence, (question.id, question.confidence)
