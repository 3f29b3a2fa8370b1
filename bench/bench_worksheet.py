"""How long printing takes, against WeasyPrint rendering the same HTML alone.

usage: python bench/bench_worksheet.py [--runs N]   (run by `make bench`)

The quiz is generated once (see bench_generate.py for that cost); then, in one run,
medians of N alternating runs (time.perf_counter):
  (a) one worksheet: `worksheet_pdf` (sheet + key)            vs  WeasyPrint alone on the same
      HTML (`worksheet_html`, sheet then key, one document → PDF);
  (b) a 30-copy class set, 2 versions A/B dealt alternately, keys at the end: `worksheet_pdf`
      vs WeasyPrint alone on the same content as one HTML document (30 sheets then 2 keys).
  (c) the floor for (b): WeasyPrint alone on the three distinct documents only (sheet A,
      sheet B, keys), no copies; printed for transparency, not a target.
Targets: (b) under 10 s, and (a) and (b) at most 1.3× WeasyPrint alone.
"""
from __future__ import annotations

import argparse
import statistics
import time

from bench_generate import pick_article

TARGET_SECONDS = 10.0
TARGET_RATIO = 1.3
COPIES, VERSIONS = 30, 2


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def alternate(ours, alone, runs: int) -> tuple[float, float]:
    ours(), alone()  # warm-up: fonts, caches
    a, b = [], []
    for _ in range(runs):
        a.append(timed(ours))
        b.append(timed(alone))
    return statistics.median(a), statistics.median(b)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from markupsafe import Markup
    from weasyprint import HTML

    from question_bank.article import article_from_text
    from question_bank.service import quiz_for
    from question_bank.worksheet import PrintOptions, make_variants, worksheet_html, worksheet_pdf
    from question_bank.worksheet.html import Sheet, document, key_body, sheet_body

    text, description = pick_article()
    article = article_from_text(text)
    quiz = quiz_for(article)
    print(f"article: {description}; {len(quiz.questions)} questions")

    one = PrintOptions()
    one_html = worksheet_html(article, quiz, one)
    ours_one, alone_one = alternate(lambda: worksheet_pdf(article, quiz, one),
                                    lambda: HTML(string=one_html).write_pdf(), args.runs)

    class_set = PrintOptions(variants=VERSIONS, copies=COPIES)
    sheet = Sheet.of(article, quiz.title)
    variants = make_variants(quiz, VERSIONS)
    sheets = [sheet_body(sheet, v, True) for v in variants]
    keys = key_body(sheet, variants, True)
    full_html = document(sheet, Markup("").join(sheets[n % VERSIONS] for n in range(COPIES)) + keys)
    distinct = [document(sheet, body) for body in (*sheets, keys)]
    pages = len(worksheet_pdf(article, quiz, class_set).pdf)  # warm
    ours_set, alone_set = alternate(lambda: worksheet_pdf(article, quiz, class_set),
                                    lambda: HTML(string=full_html).write_pdf(), max(2, args.runs // 2))
    floor = statistics.median(timed(lambda: [HTML(string=h).write_pdf() for h in distinct]) for _ in range(3))
    del pages

    rows = [("one worksheet (sheet + key)", ours_one, alone_one),
            (f"class set: {COPIES} copies, versions A/B, keys", ours_set, alone_set)]
    print(f"{'':44} {'mlquiz':>9} {'WeasyPrint alone':>17} {'ratio':>6}")
    ok = True
    for name, ours, alone in rows:
        ratio = ours / alone
        ok &= ratio <= TARGET_RATIO
        print(f"{name:44} {ours:8.2f}s {alone:16.2f}s {ratio:5.2f}×")
    print(f"floor for the class set (3 distinct documents, no copies): {floor:.2f}s "
          f"→ the class set costs {ours_set / floor:.2f}× the floor")
    in_time = ours_set < TARGET_SECONDS
    print(f"targets: class set < {TARGET_SECONDS:.0f} s: {'PASS' if in_time else 'FAIL'} ({ours_set:.2f} s); "
          f"ratios ≤ {TARGET_RATIO}×: {'PASS' if ok else 'FAIL'}")
    return 0 if ok and in_time else 1


if __name__ == "__main__":
    raise SystemExit(main())
