"""How long a quiz takes, against the floor set by spaCy itself.

usage: python bench/bench_generate.py [--runs N]   (run by `make bench`)

For one ~4.5 kB French article it prints, in one run:
  (a) cold start: a fresh `python -c` that imports the package, reads the article and
      generates a quiz (model loading included), as the CLI does;
  (b) warm analyze+generate: median over N runs in this process after warm-up
      (text → Article → Findings → Quiz);
  (c) warm bare spaCy parse of the same text with the same model: nlp(text), median of N
      (b and c are timed alternately, so load from other processes hits both alike);
  (d) the ratio b / c, with the target ≤ 1.5× and PASS/FAIL.
All times use time.perf_counter.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT.parent / "shared" / "corpus" / "openai-nvidia.fr.txt"
SAMPLE_ARTICLE = ROOT / "question_bank" / "samples" / "rumeur-rachat.fr.txt"
TARGET_BYTES = 4500
TARGET_RATIO = 1.5


def pick_article() -> tuple[str, str]:
    """(text, description): the seed article when present, else the French sample fitted
    to ~4.5 kB: its body paragraphs repeated (or cut) at a paragraph boundary, then its
    page furniture (bio, AI notice) at the end, where a real page has it."""
    if SEED_ARTICLE.exists():
        return SEED_ARTICLE.read_text(encoding="utf-8"), f"{SEED_ARTICLE} (seed article)"
    from question_bank.article import article_from_text

    sample = article_from_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    lines = {kind: [sample.text[p.start:p.end] + "\n" for p in sample.passages if p.kind in kinds]
             for kind, kinds in (("title", ("title",)), ("body", ("paragraph", "heading")),
                                 ("furniture", ("furniture",)))}
    budget = TARGET_BYTES - len("".join(lines["title"] + lines["furniture"]).encode())
    body: list[str] = []
    for line in lines["body"] * 10:
        if len("".join(body + [line]).encode()) > budget:
            break
        body.append(line)
    while body and not body[-1].rstrip().endswith((".", "»", "!", "?")):  # never end on a heading
        body.pop()
    text = "".join(lines["title"] + body + lines["furniture"])
    return text, f"{SAMPLE_ARTICLE} (sample, fitted to ~{TARGET_BYTES} B at a paragraph boundary)"


def median_seconds(work, runs: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


COLD_CODE = """
import sys
from question_bank.article import article_from_text
from question_bank.analysis import analyze
from question_bank.generate import generate_quiz
text = open(sys.argv[1], encoding="utf-8", newline="").read()
article = article_from_text(text)
quiz = generate_quiz(article, analyze(article), seed=0)
assert quiz.questions
"""


def interleaved_medians(first, second, runs: int, warmup: int = 2) -> tuple[float, float]:
    """Medians of two workloads timed alternately, so a busy machine slows both alike."""
    for _ in range(warmup):
        first(), second()
    a, b = [], []
    for _ in range(runs):
        for work, times in ((first, a), (second, b)):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def cold_start(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", COLD_CODE, str(path)], check=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs for the warm figures (≥ 10)")
    runs = max(parser.parse_args().runs, 10)

    import tempfile

    import spacy

    from question_bank.analysis import analyze
    from question_bank.article import article_from_text
    from question_bank.generate import generate_quiz
    from question_bank.nlp import model_name

    text, where = pick_article()
    print(f"article: {where}")
    print(f"         {len(text.encode('utf-8'))} bytes, {len(text)} characters")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "article.txt")
        path.write_bytes(text.encode("utf-8"))
        cold = cold_start(path)

    article = article_from_text(text)
    findings = analyze(article)
    quiz = generate_quiz(article, findings, seed=0)
    steps = {
        "read (Article)": lambda: article_from_text(text),
        "analyze": lambda: analyze(article),
        "generate": lambda: generate_quiz(article, findings, seed=0),
    }
    parts = {name: median_seconds(work, runs) for name, work in steps.items()}
    name = model_name("fr")
    nlp = spacy.load(name)  # the same model, fresh: no entity ruler, no project code
    warm, bare = interleaved_medians(
        lambda: generate_quiz(a := article_from_text(text), analyze(a), seed=0), lambda: nlp(text), runs)
    ratio = warm / bare

    print(f"model:   {name} {nlp.meta.get('version', '')}, pipes {nlp.pipe_names}")
    print(f"quiz:    {len(quiz.questions)} questions, {len(findings.cues)} cues, {len(findings.claims)} claims")
    print()
    print(f"(a) cold start, fresh `python -c` (imports + models + quiz): {cold * 1000:8.0f} ms")
    print(f"(b) warm analyze+generate, median of {runs}:                 {warm * 1000:8.1f} ms")
    for step, seconds in parts.items():
        print(f"      {step:<16} {seconds * 1000:8.1f} ms")
    print(f"(c) warm bare spaCy parse nlp(text), median of {runs}:        {bare * 1000:8.1f} ms")
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(f"(d) ratio b / c = {ratio:.2f}x   (target <= {TARGET_RATIO}x)   {verdict}")


if __name__ == "__main__":
    main()
