"""Score Findings against a gold annotation (the corpus GUIDE.md format).

The same measures as ../shared/corpus/score.py, kept here so the project's
golden tests do not depend on files outside the repository.
"""
from __future__ import annotations

from pathlib import Path

import yaml


def locate(text: str, quote: str, inside: str | None = None) -> tuple[int, int]:
    if inside:
        i = text.index(inside)
        j = inside.index(quote)
        return i + j, i + j + len(quote)
    i = text.index(quote)
    return i, i + len(quote)


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(text: str, gold: dict, analysis: dict) -> dict:
    cues = [(locate(text, c["text"], c.get("in")), c) for c in gold.get("cues", [])]
    required = [s for s, c in cues if not c.get("optional")]
    system = [(c["start"], c["end"]) for c in analysis["cues"]]
    tp_p = sum(any(overlaps(s, g) for g, _ in cues) for s in system)
    tp_r = sum(any(overlaps(s, g) for s in system) for g in required)
    p = tp_p / len(system) if system else 0.0
    r = tp_r / len(required) if required else 1.0
    claims_ok = 0
    for claim in gold.get("claims", []):
        spans = [locate(text, e) for e in claim["evidence"]]
        hits = [c for c in analysis["claims"] if any(overlaps((ct["start"], ct["end"]), g)
                                                   for ct in c["citations"] for g in spans)]
        claims_ok += any(h["status"] == claim["status"] for h in hits)
    sources_ok = 0
    for source in gold.get("sources", []):
        span = locate(text, source["quote"], source.get("in"))
        sources_ok += any(overlaps((s["start"], s["end"]), span) and s["kind"] == source["kind"]
                          for s in analysis["sources"])
    disclosures_ok = sum(any(overlaps((d["start"], d["end"]), locate(text, g["quote"])) and d["kind"] == g["kind"]
                             for d in analysis["disclosures"]) for g in gold.get("disclosures", []))
    if not system and not required:
        p = r = 1.0  # nothing to find and nothing found: a factual article read right
    return {"cue_p": p, "cue_r": r, "cue_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "claims_ok": claims_ok, "n_claims": len(gold.get("claims", [])),
            "sources_ok": sources_ok, "n_sources": len(gold.get("sources", [])),
            "disclosures_ok": disclosures_ok, "n_disclosures": len(gold.get("disclosures", [])),
            "headline_ok": analysis["headline_is_question"] == bool(gold.get("headline_is_question")),
            "genre_ok": analysis["genre"] == gold.get("genre", "report"),
            "overstates_ok": analysis["headline_overstates"] == bool(gold.get("headline_overstates"))}


def load_gold(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))
