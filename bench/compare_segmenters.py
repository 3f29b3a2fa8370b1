"""Sentence boundaries on the corpus: the parser's own, pysbd's, and ours (the parser's,
repaired where news typography misleads it), measured against the gold passages.

usage: python bench/compare_segmenters.py [CORPUS_DIR]

A gold evidence passage or source quote is "cut" when a sentence boundary falls strictly
inside it: the claim lost its subject or its attribution. Fewer cuts is better; the number
of sentences is printed too (a segmenter that never cuts would make one sentence per text).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_corpus import DEFAULT_CORPUS, _scorer  # noqa: E402

from question_bank.analysis import parse  # noqa: E402
from question_bank.article import read_article  # noqa: E402
from question_bank.sentences import sentence_spans  # noqa: E402


def parser_boundaries(article, parsed) -> list[int]:
    """The model's own parser, without our component."""
    nlp = _plain(article.language)
    starts = []
    for passage in article.passages:
        doc = nlp(article.text[passage.start:passage.end])
        starts += [passage.start + sent.start_char for sent in doc.sents]
    return starts


_PLAIN = {}


def _plain(language: str):
    import spacy

    from question_bank.nlp import model_name

    if language not in _PLAIN:
        _PLAIN[language] = spacy.load(model_name(language))
    return _PLAIN[language]


def ours(article, parsed) -> list[int]:
    return [start for pp in parsed for start, _end in sentence_spans(pp.doc, pp.passage.start)]


def pysbd_boundaries(article, parsed) -> list[int]:
    import pysbd

    segmenter = pysbd.Segmenter(language=article.language, clean=False, char_span=True)
    starts = []
    for passage in article.passages:
        for span in segmenter.segment(article.text[passage.start:passage.end]):
            starts.append(passage.start + span.start)
    return starts


SEGMENTERS = {"parser (spaCy)": parser_boundaries, "pysbd": pysbd_boundaries, "ours": ours}


def gold_passages(scorer, text: str, gold: dict) -> list[tuple[int, int]]:
    _cues, claims, sources, _ = scorer.gold_spans(text, gold)
    return [span for spans, _ in claims for span in spans] + [span for span, _ in sources]


def main(corpus: Path) -> None:
    scorer = _scorer(corpus)
    totals = {name: {"cut": 0, "sentences": 0, "seconds": 0.0} for name in SEGMENTERS}
    passages = 0
    for gold_path in sorted(corpus.glob("*.gold.yaml")):
        article = read_article(gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt")))
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        spans = gold_passages(scorer, article.text, gold)
        passages += len(spans)
        parsed = parse(article)
        for name, segment in SEGMENTERS.items():
            began = time.perf_counter()
            starts = sorted(set(segment(article, parsed)))
            totals[name]["seconds"] += time.perf_counter() - began
            totals[name]["sentences"] += len(starts)
            totals[name]["cut"] += sum(any(s < b < e for b in starts) for s, e in spans)
    print(f"{passages} gold passages (claim evidence and source quotes) in {len(list(corpus.glob('*.gold.yaml')))} articles")
    for name, row in totals.items():
        print(f"{name:16} cut {row['cut']:3} ({100 * row['cut'] / passages:.1f} %)  sentences {row['sentences']:4}  "
              f"{1000 * row['seconds']:.0f} ms beyond the parse")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
