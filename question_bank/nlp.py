"""spaCy pipelines, one per language, loaded once per process.

The model name comes from the rule pack and can be overridden with
MLQUIZ_SPACY_MODEL_FR / MLQUIZ_SPACY_MODEL_EN. An entity ruler placed before
the statistical NER adds what the small models miss (money amounts, camel-case
company names), using patterns from the rule pack; `news_sentences` (sentences.py), before
the parser, keeps it from cutting sentences inside quotations and after abbreviations.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .errors import ArticleError
from .rules.loader import load_pack


def model_name(language: str) -> str:
    return os.environ.get(f"MLQUIZ_SPACY_MODEL_{language.upper()}") or load_pack(language).spacy_model


@lru_cache(maxsize=None)
def pipeline(language: str):
    import spacy

    name = model_name(language)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ArticleError(f"the spaCy model {name!r} for {language!r} is not installed "
                           f"(run `make install`)") from None
    pack = load_pack(language)
    patterns = [{"label": "MONEY", "pattern": p} for p in pack.amount_patterns]
    patterns += [{"label": "ORG", "pattern": p} for p in pack.org_patterns]
    ruler = nlp.add_pipe("entity_ruler", before="ner" if "ner" in nlp.pipe_names else None,
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(patterns)
    _split_glued_quotes(nlp)
    from . import sentences  # noqa: F401  (registers the news_sentences component)

    if "parser" in nlp.pipe_names:
        nlp.add_pipe("news_sentences", before="parser")
    return nlp


# Web news often loses the space between a comma and an opening quotation mark
# (`Cependant,"pourquoi`, `he said,"We`); the default tokenizer keeps that as one word, so
# the quotation's opening mark is never seen and every quotation after it is paired wrongly.
GLUED_QUOTES = (r'(?<=[^\W\d_])[,;:](?=["«“])', r'(?<=[,;:])["«“](?=[^\W\d_])')


def _split_glued_quotes(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(GLUED_QUOTES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
