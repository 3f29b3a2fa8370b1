"""html_input.feature: a saved HTML page is read as the article it contains.

Offsets of findings from a page point into the extracted article text, not into
the HTML, so these steps check quotes against the page's article sentences.
"""
from __future__ import annotations

import json
import re

from pytest_bdd import scenarios, then, when

scenarios("html_input.feature")

# Words that only appear in the page's furniture (menu, comments box, share buttons, footer).
PAGE_FURNITURE = ("Actualités", "Agenda des sorties", "Abonnez-vous", "Se connecter", "Commentaires",
                  "Connectez-vous", "Partager sur", "Envoyer par e-mail", "Mentions légales", "Le Courrier du Val")


def _quoted_strings(data) -> list[str]:
    """Every `text` or `quote` value anywhere in the JSON output."""
    if isinstance(data, dict):
        return [v for k, v in data.items() if k in ("text", "quote") and isinstance(v, str)] + \
            [s for v in data.values() for s in _quoted_strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _quoted_strings(v)]
    return []


def _article_paragraphs(html: str) -> list[str]:
    """The <h1> and <p> texts inside <article>…</article>: what a reader sees as the article."""
    article = re.search(r"<article>(.*?)</article>", html, re.S)[1]
    return [re.sub(r"\s+", " ", m) for m in re.findall(r"<(?:h1|p)[^>]*>(.*?)</(?:h1|p)>", article, re.S)]


@when("the teacher runs mlquiz generate on it with --json", target_fixture="cli_result")
def generate_json(run_cli, article_file):
    return run_cli("generate", article_file, "--json")


@then("no finding quotes the menu, the comment box or the share buttons")
def no_furniture_quoted(cli_result):
    output = cli_result.json()
    quoted = _quoted_strings(output)
    assert quoted, "nothing quoted at all"
    for text in quoted:
        for words in PAGE_FURNITURE:
            assert words not in text, f"{words!r} quoted in {text!r}"
    # Nor anywhere else in the output (prompts, choices, explanations).
    dumped = json.dumps(output, ensure_ascii=False)
    assert not [w for w in PAGE_FURNITURE if w in dumped]


@then("every quoted passage is a sentence of the article in the page")
def quotes_from_article(cli_result, article_file):
    paragraphs = _article_paragraphs(article_file.read_text(encoding="utf-8"))
    citations = [c for q in cli_result.json()["questions"] for c in q["citations"]]
    assert citations
    for citation in citations:
        assert any(citation["quote"] in p for p in paragraphs), citation
