"""The quiz as a whole: deterministic, deduplicated, capped, shuffled with answers kept right."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from quiz_builders import bare_findings, en_article, en_findings, fr_article, fr_findings

from question_bank.generate import MAX_QUESTIONS, cap, generate_quiz, select
from question_bank.kinds import KINDS
from question_bank.models import Citation, Claim, Question

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fr():
    return fr_article()


def right(question: Question) -> list[str]:
    return [question.choices[i] for i in question.answer]


def make_question(kind: str, prompt: str, citation: Citation) -> Question:
    return Question(id="x", kind=kind, language="fr", prompt=prompt, choices=["a", "b"], answer=[0],
                    explanation="e", citations=[citation])


def test_same_article_and_seed_give_the_same_quiz(fr):
    first = generate_quiz(fr, fr_findings(fr), seed=3).model_dump()
    again = generate_quiz(fr_article(), fr_findings(fr_article()), seed=3).model_dump()
    assert first == again


def test_the_quiz_does_not_depend_on_python_hash_randomisation():
    script = ("import json, sys; sys.path.insert(0, 'tests'); from quiz_builders import *; "
              "from question_bank.generate import generate_quiz; a = fr_article(); "
              "print(json.dumps(generate_quiz(a, fr_findings(a), seed=5).model_dump(), sort_keys=True))")
    outputs = []
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                             text=True, check=True)
        outputs.append(json.loads(run.stdout))
    assert outputs[0] == outputs[1]


def test_other_seeds_reorder_choices_but_keep_the_same_questions_and_answers(fr):
    quizzes = [generate_quiz(fr, fr_findings(fr), seed=s) for s in range(6)]
    assert len({tuple(tuple(q.choices) for q in quiz.questions) for quiz in quizzes}) > 1
    base = {q.id: q for q in quizzes[0].questions}
    for quiz in quizzes[1:]:
        for question in quiz.questions:
            if question.kind in base and question.id in base and question.kind != "rumour_cue":
                assert sorted(question.choices) == sorted(base[question.id].choices)
                assert right(question) == right(base[question.id])


def test_shuffling_keeps_each_answer_on_the_right_choice(fr):
    findings = fr_findings(fr)
    quiz = generate_quiz(fr, findings, seed=11)
    statuses = {"denied": "Démentie", "unconfirmed": "Seulement rapportée", "asserted": "Affirmée"}
    for question in quiz.questions:
        if question.kind == "claim_status":
            assert right(question)[0].startswith(statuses[question.status])
        if question.kind == "rumour_cue":
            cue_words = [word for c in findings.cues for word in c.text.split()]   # a cue's main word
            assert right(question)[0] in cue_words
            words = question.display["words"]
            for choice, indexes in zip(question.choices, question.display["choice_words"]):
                assert fr.text[words[indexes[0]]["start"]:words[indexes[-1]]["end"]] == choice


def test_questions_with_the_same_choices_share_one_order(fr):
    quiz = generate_quiz(fr, fr_findings(fr), seed=4)
    orders = {tuple(q.choices) for q in quiz.questions if q.kind == "claim_status"}
    assert len(orders) == 1


def test_ids_are_unique_and_name_the_question_not_the_seed(fr):
    quizzes = [generate_quiz(fr, fr_findings(fr), seed=s) for s in range(4)]
    by_id: dict[str, tuple] = {}
    for quiz in quizzes:
        ids = [q.id for q in quiz.questions]
        assert len(set(ids)) == len(ids)
        for q in quiz.questions:
            assert q.id.startswith(q.kind + "-")
            cited = (q.kind, tuple((c.start, c.end) for c in q.citations))
            assert by_id.setdefault(q.id, cited) == cited  # one id, one question, whatever the seed
    # The questions fixed by the findings (not picked at random) keep their id across seeds.
    fixed = [{q.id for q in quiz.questions if q.kind in ("claim_status", "headline")} for quiz in quizzes]
    assert all(ids == fixed[0] for ids in fixed)


def test_the_quiz_is_capped_and_asks_once_about_each_sentence(fr):
    findings = fr_findings(fr)
    many_claims = findings.claims * 3  # same claims again: also exercises deduplication
    quiz = generate_quiz(fr, fr_findings(fr, claims=many_claims))
    kinds = [q.kind for q in quiz.questions]
    assert len(kinds) <= MAX_QUESTIONS
    assert {"claim_status", "rumour_cue", "author", "disclosure"} <= set(kinds)
    order = list(KINDS)
    assert kinds == sorted(kinds, key=order.index)      # the registry's order
    title = fr.passages[0]
    focus = [(c.start, c.end) for q in quiz.questions for c in q.citations
             if not (c.start >= title.start and c.end <= title.end)]
    assert all(not (a[0] < b[1] and b[0] < a[1]) for i, a in enumerate(focus) for b in focus[i + 1:]), focus


def test_a_kind_asks_only_about_findings_it_is_sure_of(fr):
    findings = fr_findings(fr)
    unsure = [c.model_copy(update={"confidence": 0.4}) for c in findings.claims]
    quiz = generate_quiz(fr, fr_findings(fr, claims=unsure))
    assert "claim_status" not in [q.kind for q in quiz.questions]


def test_a_teacher_can_keep_only_some_kinds_and_fewer_questions(fr):
    quiz = generate_quiz(fr, fr_findings(fr), kinds=["rumour_cue", "claim_status"], max_questions=3)
    assert {q.kind for q in quiz.questions} <= {"rumour_cue", "claim_status"} and len(quiz.questions) <= 3


def test_cap_keeps_one_of_each_kind_first_then_priority_kinds(fr):
    c = fr.cite(49, 60)
    questions = [make_question("author", f"a{i}", c) for i in range(5)] + \
                [make_question("claim_status", f"c{i}", c) for i in range(5)]
    kept = cap(questions, 4)
    assert [q.prompt for q in kept] == ["a0", "c0", "c1", "c2"]


def test_select_drops_same_prompt_and_any_second_question_on_a_sentence(fr):
    first, other = fr.cite(49, 60), fr.cite(265, 280)
    questions = [make_question("source_kind", "Autre chose encore ?", first),  # less important kind, same words
                 make_question("rumour_cue", "Quel mot ?", first),
                 make_question("source_kind", "quel MOT", other),          # same prompt, other words
                 make_question("rumour_cue", "Autre chose ?", fr.cite(50, 70)),  # overlapping the first
                 make_question("claim_status", "Et ceci ?", other)]
    assert [q.prompt for q in select(questions, fr)] == ["Quel mot ?", "Et ceci ?"]


def test_same_claim_twice_gives_one_question(fr):
    findings = fr_findings(fr)
    claim = findings.claims[0]
    twin = Claim(text=claim.text + " ", status=claim.status, citations=claim.citations)
    quiz = generate_quiz(fr, fr_findings(fr, claims=[claim, twin]))
    assert [q.kind for q in quiz.questions].count("claim_status") == 1


def test_nothing_found_gives_an_empty_quiz(fr):
    quiz = generate_quiz(fr, bare_findings(fr))
    assert quiz.questions == [] and quiz.title == fr.title and quiz.language == "fr"


def test_every_generated_citation_satisfies_the_invariant():
    for article, findings in [(fr_article(), None), (en_article(), None)]:
        findings = fr_findings(article) if article.language == "fr" else en_findings(article)
        for seed in range(3):
            for question in generate_quiz(article, findings, seed).questions:
                Question.model_validate(question.model_dump())
                for c in question.citations:
                    assert article.text[c.start:c.end] == c.quote


def test_the_lead_that_restates_the_headline_is_not_asked_about_again():
    """A question on what the headline states is also about the lead sentence that repeats it;
    a question on how the headline is written (its question mark, its quotation marks) is not."""
    from question_bank.analysis import analyze
    from question_bank.article import article_from_text
    from question_bank.generate import focus
    article = article_from_text(
        "Harbour chief denies rift with mayor\n\n"
        "Harbour chief executive Lena Moss has denied that a rift with mayor Tom Hale led to the ferry plan "
        "being dropped.\n\n\"The plan was dropped because the money ran out,\" Moss told the Coast Gazette on Monday.\n")
    quiz = generate_quiz(article, analyze(article))
    headline_or_lead = article.passages[1].end
    on_the_statement = [q for q in quiz.questions if not KINDS[q.kind].cites_examples and
                        not KINDS[q.kind].headline_form and all(c.end <= headline_or_lead for c in q.citations)]
    assert len(on_the_statement) == 1, [(q.kind, [c.passage for c in q.citations]) for q in quiz.questions]
    lead = article.passages[1]
    assert any(lead.start <= c.start < lead.end for c in focus(on_the_statement[0], article))
