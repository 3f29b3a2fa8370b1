"""Score analyze/generate output against the gold annotations in ../shared/corpus.

usage: python bench/score_corpus.py [CORPUS_DIR]   (default: ../shared/corpus)
Prints one JSON line per article, plus totals. The corpus is for measuring only.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from question_bank.service import analysis_json, findings_for, quiz_for, quiz_json, read_article


def main(corpus: Path) -> None:
    totals = {"tp_p": 0, "n_sys": 0, "tp_r": 0, "n_gold": 0}
    for gold in sorted(corpus.glob("*.gold.yaml")):
        article_path = gold.with_name(gold.name.replace(".gold.yaml", ".txt"))
        article = read_article(article_path)
        findings = findings_for(article)
        with tempfile.TemporaryDirectory() as tmp:
            ana, gen = Path(tmp, "a.json"), Path(tmp, "g.json")
            ana.write_text(json.dumps(analysis_json(findings)), encoding="utf-8")
            gen.write_text(json.dumps(quiz_json(quiz_for(article, findings=findings))), encoding="utf-8")
            out = subprocess.run([sys.executable, str(corpus / "score.py"), "score", str(article_path), str(gold),
                                  str(ana), str(gen)], capture_output=True, text=True, check=True).stdout
        result = json.loads(out)
        for key in totals:
            totals[key] += result["cues"][key]
        print(article_path.name, out.strip())
    p = totals["tp_p"] / max(totals["n_sys"], 1)
    r = totals["tp_r"] / max(totals["n_gold"], 1)
    print("micro cues: p=%.3f r=%.3f f1=%.3f" % (p, r, 2 * p * r / max(p + r, 1e-9)))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus")
