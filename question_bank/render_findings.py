"""A readable text rendering of Findings, for `mlquiz analyze` without --json."""
from __future__ import annotations

from .models import Findings


def render_findings_text(findings: Findings, article) -> str:
    lines = [f"{findings.title}  [{findings.language}]", ""]
    if findings.headline_is_question:
        lines.append("Headline is a question.")
    lines.append(f"Cues ({len(findings.cues)}):")
    lines += [f"  {article.passage_at(c.start).label:>5}  {c.type:<15} {c.text}" for c in findings.cues]
    lines.append(f"Sources ({len(findings.sources)}):")
    lines += [f"  {article.passage_at(s.start).label:>5}  {s.kind:<19} {s.text}" for s in findings.sources]
    lines.append(f"Claims ({len(findings.claims)}):")
    for claim in findings.claims:
        where = ", ".join(c.passage for c in claim.citations)
        lines.append(f"  [{claim.status}] {claim.text}  ({where})")
    lines.append(f"Disclosures ({len(findings.disclosures)}):")
    lines += [f"  {d.kind}: {d.text}" for d in findings.disclosures]
    if findings.author:
        who = findings.author.name or "not named"
        lines.append(f"Author ({who}): {findings.author.text}")
    else:
        lines.append("Author: nothing on the page.")
    return "\n".join(lines)
