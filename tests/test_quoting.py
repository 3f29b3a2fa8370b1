"""Quoting a cited passage for display: the language's marks around it, its own marks nested."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from question_bank.quoting import marks_for_script, quote_passage

NBSP = "\u00a0"


def test_a_french_passage_is_wrapped_in_guillemets_with_no_break_spaces():
    assert quote_passage("Le groupe emploie 4 500 salariés.", "fr") == f"«{NBSP}Le groupe emploie 4 500 salariés.{NBSP}»"


def test_an_english_passage_is_wrapped_in_curly_double_quotes():
    assert quote_passage("The council would vote.", "en") == "“The council would vote.”"


def test_french_guillemets_inside_become_english_style_marks_without_inner_spaces():
    shown = quote_passage("« Nous ne vendons pas », a déclaré la directrice.", "fr")
    assert shown == f"«{NBSP}“Nous ne vendons pas”, a déclaré la directrice.{NBSP}»"


def test_french_guillemets_with_no_break_spaces_inside_are_nested_too():
    shown = quote_passage(f"Il parle d'un «{NBSP}malentendu\u202f» et s'en va.", "fr")
    assert shown == f"«{NBSP}Il parle d'un “malentendu” et s'en va.{NBSP}»"


def test_a_french_passage_ending_on_a_guillemet_never_prints_two_closing_ones():
    shown = quote_passage("Elle a répondu : « Jamais ».", "fr")
    assert "»" not in shown[:-1] and shown.endswith(f"“Jamais”.{NBSP}»")


def test_french_straight_quotes_inside_become_curly_second_level_marks():
    assert quote_passage('Le "plan B" est prêt.', "fr") == f"«{NBSP}Le “plan B” est prêt.{NBSP}»"


def test_english_straight_quotes_inside_become_single_curly_quotes():
    shown = quote_passage('"Any bid would fail," said the analyst, calling it "absurd".', "en")
    assert shown == "“‘Any bid would fail,’ said the analyst, calling it ‘absurd’.”"


def test_english_curly_double_quotes_inside_become_single_ones():
    assert quote_passage("He called it “a mistake” twice.", "en") == "“He called it ‘a mistake’ twice.”"


def test_apostrophes_are_left_alone():
    assert quote_passage("The city's engineer didn't say.", "en") == "“The city's engineer didn't say.”"
    assert quote_passage("L’usine n’a pas fermé.", "fr") == f"«{NBSP}L’usine n’a pas fermé.{NBSP}»"


def test_the_passage_goes_on_one_line():
    assert quote_passage("Two lines\n  of text.", "en") == "“Two lines of text.”"


def test_other_outer_marks_can_be_given_and_the_inner_ones_still_nest():
    assert quote_passage('He said "no".', "en", marks=('"', '"')) == '"He said ‘no’."'


def test_a_long_passage_is_shortened_at_a_word_before_it_is_quoted():
    shown = quote_passage("« Nous ne sommes pas à vendre », a déclaré Marie Dupont.", "fr", limit=36)
    assert shown == f"«{NBSP}“Nous ne sommes pas à vendre”, a…{NBSP}»"


def test_a_passage_cut_inside_a_speakers_words_closes_them_before_the_outer_mark():
    shown = quote_passage("« Nous ne sommes pas à vendre », a déclaré Marie Dupont.", "fr", limit=30)
    assert shown == f"«{NBSP}“Nous ne sommes pas à…”{NBSP}»"


def test_an_unknown_language_is_an_error_not_a_guess():
    with pytest.raises(KeyError):
        quote_passage("Hallo", "de")


def test_the_browser_gets_the_same_table():
    assert marks_for_script("fr") == {"outer": [f"«{NBSP}", f"{NBSP}»"], "first": ["«", "»"], "second": ["“", "”"]}


@given(st.text(alphabet=st.sampled_from(list("ab ,.«»“”\"'’\n")), max_size=40), st.sampled_from(["fr", "en"]))
def test_no_mark_is_doubled_and_the_words_are_kept(text, language):
    """Whatever the passage holds, the quote never opens or closes with two marks of the
    first level, and its letters are the passage's, in order."""
    shown = quote_passage(text, language)
    first = {"fr": "«»", "en": "“”"}[language]
    inside = shown[2:-2] if language == "fr" else shown[1:-1]
    assert not any(mark in inside for mark in first)
    assert [ch for ch in inside if ch.isalpha()] == [ch for ch in text if ch.isalpha()]
