"""Score the analysis against the gold annotations of ../shared/corpus, in two halves.

usage: python bench/score_corpus.py [--half dev|check|both] [--detail] [CORPUS_DIR]

The corpus is for measuring, never for fitting. It is split once, by position in each
language's sorted file list (every other article), not by content: rules are developed on
the `dev` half; the `check` half is only looked at to see that a change helps there too.
Prints one line per article and the totals of each half: cue precision/recall/F1, claims
found and with the right status, sources found and with the right kind, genre,
headline_overstates, bad citations. `--detail` (dev half only) lists what was missed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import yaml

from question_bank.service import analysis_json, findings_for, quiz_for, quiz_json, read_article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def halves(corpus: Path) -> dict[str, list[Path]]:
    """Every other gold file of each language, in sorted order: dev gets the 1st, 3rd…"""
    split: dict[str, list[Path]] = {"dev": [], "check": []}
    for language in ("fr", "en"):
        golds = sorted(g for g in corpus.glob("*.gold.yaml") if _language(g) == language)
        for index, gold in enumerate(golds):
            split["dev" if index % 2 == 0 else "check"].append(gold)
    return split


def _language(gold: Path) -> str:
    name = gold.name
    return "fr" if name.startswith("fr_") or ".fr." in name else "en"


def _scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location("corpus_score", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_article(scorer, gold_path: Path) -> tuple[dict, dict, dict, str]:
    article_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
    article = read_article(article_path)
    findings = findings_for(article)
    analysis = analysis_json(findings)
    generated = quiz_json(quiz_for(article, findings=findings))
    text = article_path.read_bytes().decode("utf-8")
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    return scorer.score(text, gold, analysis, generated), analysis, gold, text


FIELDS = ("tp_p", "n_sys", "tp_r", "n_gold_cues", "claims", "claims_found", "claims_ok", "sources", "sources_found",
          "sources_ok", "genre", "genre_ok", "overstates", "overstates_ok", "bad_citations", "questions")


def add(totals: dict, result: dict) -> None:
    totals["tp_p"] += result["cues"]["tp_p"]
    totals["n_sys"] += result["cues"]["n_sys"]
    totals["tp_r"] += result["cues"]["tp_r"]
    totals["n_gold_cues"] += result["cues"]["n_gold"]
    totals["claims"] += result["claims"]["n_gold"]
    totals["claims_found"] += result["claims"]["found"]
    totals["claims_ok"] += result["claims"]["status_ok"]
    totals["sources"] += result["sources"]["n_gold"]
    totals["sources_found"] += result["sources"]["found"]
    totals["sources_ok"] += result["sources"]["kind_ok"]
    if "genre_ok" in result:
        totals["genre"] += 1
        totals["genre_ok"] += result["genre_ok"]
    if "headline_overstates_ok" in result:
        totals["overstates"] += 1
        totals["overstates_ok"] += result["headline_overstates_ok"]
    totals["bad_citations"] += result["questions"]["bad_citations"]
    totals["questions"] += result["questions"]["n"]


def summary(totals: dict) -> str:
    p = totals["tp_p"] / max(totals["n_sys"], 1)
    r = totals["tp_r"] / max(totals["n_gold_cues"], 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    def pct(ok: str, n: str) -> str:
        return f"{100 * totals[ok] / max(totals[n], 1):.0f} % ({totals[ok]}/{totals[n]})"

    return (f"cues P {p:.2f} R {r:.2f} F1 {f1:.2f} | claims right {pct('claims_ok', 'claims')} "
            f"(found {pct('claims_found', 'claims')}) | sources right {pct('sources_ok', 'sources')} "
            f"(found {pct('sources_found', 'sources')}) | genre {pct('genre_ok', 'genre')} | "
            f"headline_overstates {pct('overstates_ok', 'overstates')} | bad citations {totals['bad_citations']} "
            f"| questions {totals['questions']}")


def detail(scorer, result: dict, analysis: dict, gold: dict, text: str) -> list[str]:
    """What the analysis missed or got wrong in one article (dev half only)."""
    lines = []
    cues, claims, sources, _ = scorer.gold_spans(text, gold)
    system = [(c["start"], c["end"], c["type"], c["text"]) for c in analysis["cues"]]
    for span, cue in cues:
        if not cue.get("optional") and not any(scorer.overlaps((s, e), span) for s, e, *_ in system):
            lines.append(f"  cue missed   {cue['type']:15} {cue['text']!r}")
    every = [span for span, _ in cues]
    for s, e, kind, words in system:
        if not any(scorer.overlaps((s, e), g) for g in every):
            lines.append(f"  cue extra    {kind:15} {words!r}")
    for spans, claim in claims:
        hits = [c for c in analysis["claims"]
                if any(scorer.overlaps((ct["start"], ct["end"]), g) for ct in c["citations"] for g in spans)]
        got = sorted({h["status"] for h in hits}) or ["not found"]
        if claim["status"] not in got:
            lines.append(f"  claim        gold {claim['status']:11} got {','.join(got):24} {claim['evidence'][0][:70]!r}")
    for span, source in sources:
        hits = [x for x in analysis["sources"] if scorer.overlaps((x["start"], x["end"]), span)]
        got = sorted({h["kind"] for h in hits}) or ["not found"]
        if source["kind"] not in got:
            lines.append(f"  source       gold {source['kind']:18} got {','.join(got):20} {source['quote'][:60]!r}")
    for key in ("genre", "headline_overstates"):
        if gold.get(key) is not None and analysis.get(key) != gold[key]:
            lines.append(f"  {key:12} gold {gold[key]} got {analysis.get(key)}")
    return lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--half", choices=("dev", "check", "both"), default="both")
    parser.add_argument("--detail", action="store_true", help="what was missed (dev half only)")
    parser.add_argument("--json", action="store_true", help="one JSON line per article")
    args = parser.parse_args(argv)
    scorer = _scorer(args.corpus)
    split = halves(args.corpus)
    for half in ("dev", "check"):
        if args.half not in (half, "both"):
            continue
        totals = dict.fromkeys(FIELDS, 0)
        print(f"== {half} half ({len(split[half])} articles)")
        for gold_path in split[half]:
            result, analysis, gold, text = score_article(scorer, gold_path)
            add(totals, result)
            one = dict.fromkeys(FIELDS, 0)
            add(one, result)
            name = gold_path.name.replace(".gold.yaml", "")
            print(f"{name:18} {json.dumps(result) if args.json else summary(one)}")
            if args.detail and half == "dev":
                print("\n".join(detail(scorer, result, analysis, gold, text)))
        print(f"TOTAL {half}: {summary(totals)}")


if __name__ == "__main__":
    main(sys.argv[1:])


def source_confusion(half: str = "dev", corpus: Path = DEFAULT_CORPUS) -> dict:
    """Counts of (gold kind, found kind) over a half: where the kinds go wrong, without the words."""
    from collections import Counter

    scorer = _scorer(corpus)
    counts: Counter = Counter()
    for gold_path in halves(corpus)[half]:
        _result, analysis, gold, text = score_article(scorer, gold_path)
        _c, _cl, sources, _d = scorer.gold_spans(text, gold)
        for span, source in sources:
            hits = [x["kind"] for x in analysis["sources"] if scorer.overlaps((x["start"], x["end"]), span)]
            got = source["kind"] if source["kind"] in hits else (hits[0] if hits else "not found")
            counts[(source["kind"], got)] += 1
    return dict(counts)


def claim_confusion(half: str = "dev", corpus: Path = DEFAULT_CORPUS) -> dict:
    """Counts of (gold status, found statuses) over a half, without the words."""
    from collections import Counter

    scorer = _scorer(corpus)
    counts: Counter = Counter()
    for gold_path in halves(corpus)[half]:
        _result, analysis, gold, text = score_article(scorer, gold_path)
        _c, claims, _s, _d = scorer.gold_spans(text, gold)
        for spans, claim in claims:
            hits = sorted({c["status"] for c in analysis["claims"]
                           if any(scorer.overlaps((ct["start"], ct["end"]), g) for ct in c["citations"] for g in spans)})
            got = claim["status"] if claim["status"] in hits else ("/".join(hits) or "not found")
            counts[(claim["status"], got)] += 1
    return dict(counts)
