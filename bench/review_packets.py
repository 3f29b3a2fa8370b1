"""Review packets: one Markdown file per article, for a teacher-reviewer who sees neither the
code nor the gold — the article with its ¶ numbers as the app prints them, then every
generated question with its choices, its key, its explanation and its citations, numbered
so that a review row can name it (../shared/corpus/REVIEW.md is the rubric).

usage: python bench/review_packets.py OUT_DIR ARTICLE... [--seed N]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from question_bank.service import findings_for, quiz_for, read_article


def packet(path: Path, seed: int) -> tuple[str, list[dict]]:
    article = read_article(path)
    quiz = quiz_for(article, seed=seed, findings=findings_for(article))
    lines = [f"# Article `{path.stem}`", "", "## The article, as printed for students", ""]
    for passage in article.passages:
        lines.append(f"**{passage.label}** {article.text[passage.start:passage.end]}")
        lines.append("")
    lines += ["## The generated quiz", ""]
    rows = []
    for number, question in enumerate(quiz.questions, start=1):
        qid = f"{path.stem}#{number}"
        lines.append(f"### Question {qid}")
        lines.append("")
        lines.append(question.prompt)
        lines.append("")
        for index, choice in enumerate(question.choices):
            mark = " **← key**" if index in question.answer else ""
            lines.append(f"- {chr(65 + index)}. {choice}{mark}")
        lines.append("")
        lines.append(f"*Explanation shown after submitting:* {question.explanation}")
        lines.append("")
        lines.append("*Cited passages:*")
        for citation in question.citations:
            lines.append(f"- {citation.passage} — “{' '.join(citation.quote.split())}”")
        lines.append("")
        rows.append({"id": qid, "kind": question.kind, "confidence": question.confidence})
    return "\n".join(lines), rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    index = []
    for path in args.articles:
        text, rows = packet(path, args.seed)
        (args.out / f"{path.stem}.md").write_text(text, encoding="utf-8")
        index += rows
    # Kinds stay out of the packets (a reviewer judges the question, not its label); kept here to tally.
    (args.out / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
    print(f"{len(index)} questions in {len(args.articles)} packets → {args.out}")


if __name__ == "__main__":
    main()
