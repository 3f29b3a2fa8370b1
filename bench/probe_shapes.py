"""How the analysis reads sentences written for the purpose, in the shapes news writing uses.

Each line of bench/probes/*.txt is `language | expected | sentence`: a source kind
(sources_*.txt: one of the sentence's sources has that kind, "none" for no source), a claim
status (claims.txt: one of its claims has it) or a cue word (cues.txt: a cue holds it, "none"
for no cue). The sentences are our own, never a corpus article's; the figures measure shapes,
not articles, and sit beside the corpus scores in the README.

    python bench/probe_shapes.py [--misses]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from question_bank.analysis import analyze  # noqa: E402
from question_bank.article import article_from_text  # noqa: E402

PROBES = Path(__file__).resolve().parent / "probes"
HEADLINE = {"en": "A plain headline for a test article", "fr": "Un titre ordinaire pour un article de test"}


def _right(kind: str, expected: str, findings) -> bool:
    if kind == "claims":
        return expected in [c.status for c in findings.claims]
    if kind == "cues":
        texts = [c.text.casefold() for c in findings.cues]
        return not texts if expected == "none" else any(expected.casefold() in t for t in texts)
    kinds = [s.kind for s in findings.sources]
    return not kinds if expected == "none" else expected in kinds


def main(show_misses: bool) -> None:
    total = right = 0
    for path in sorted(PROBES.glob("*.txt")):
        kind = path.stem.split("_")[0]
        lines = [line.split(" | ") for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")]
        good = 0
        for language, expected, sentence in lines:
            findings = analyze(article_from_text(f"{HEADLINE[language]}\n\n{sentence}\n"))
            if _right(kind, expected, findings):
                good += 1
            elif show_misses:
                print(f"  miss {path.stem}: {language} expected {expected}: {sentence}")
        print(f"{path.stem:24} {good:3} of {len(lines):3} right")
        total, right = total + len(lines), right + good
    print(f"{'all probes':24} {right:3} of {total:3} right")


if __name__ == "__main__":
    main("--misses" in sys.argv[1:])
