"""Golden tests: our own sample articles (question_bank/samples/) against their gold
annotations, written by hand following the corpus GUIDE. The thresholds are the
floor the analysis reached when they were written; a rule change that lowers
them is a regression to look at, not a number to edit."""
from pathlib import Path

import pytest

from question_bank.service import analysis_json, findings_for, quiz_for, read_article
from scoring import load_gold, score

SAMPLES = Path(__file__).resolve().parents[1] / "question_bank" / "samples"
# name: (min cue F1, min claims with the right status, min sources with the right kind)
FLOORS = {
    "rumeur-rachat.fr": (0.95, 5, 10),
    "takeover-talk.en": (0.9, 5, 16),
    "vaccin-confirme.fr": (1.0, 3, 6),
    "bridge-report.en": (1.0, 4, 8),
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request):
    name = request.param
    path = SAMPLES / f"{name}.txt"
    article = read_article(path)
    findings = findings_for(article)
    text = path.read_bytes().decode("utf-8")
    return name, article, findings, score(text, load_gold(SAMPLES / f"{name}.gold.yaml"), analysis_json(findings))


def test_sample_analysis_meets_its_floor(scored):
    name, _, _, result = scored
    min_f1, min_claims, min_sources = FLOORS[name]
    assert result["cue_f1"] >= min_f1, result
    assert result["claims_ok"] >= min_claims, result
    assert result["sources_ok"] >= min_sources, result
    assert result["disclosures_ok"] == result["n_disclosures"], result
    assert result["headline_ok"] and result["genre_ok"] and result["overstates_ok"], result


def test_sample_quiz_cites_the_article_exactly(scored):
    _, article, findings, _ = scored
    quiz = quiz_for(article, seed=3, findings=findings)
    assert quiz.questions
    for question in quiz.questions:
        for citation in question.citations:
            assert article.text[citation.start:citation.end] == citation.quote


def test_french_sample_has_a_claim_question_on_the_disputed_price():
    article = read_article(SAMPLES / "rumeur-rachat.fr.txt")
    quiz = quiz_for(article, seed=0)
    disputed = [q for q in quiz.questions if q.kind == "claim_status" and q.status in ("disputed", "unconfirmed")
                and any("2,8 milliards" in c.quote for c in q.citations)]
    assert disputed, [q.prompt for q in quiz.questions if q.kind == "claim_status"]


def test_factual_samples_have_no_cues():
    for name in ("vaccin-confirme.fr", "bridge-report.en"):
        findings = findings_for(read_article(SAMPLES / f"{name}.txt"))
        assert findings.cues == [], [(c.text, c.rule) for c in findings.cues]
