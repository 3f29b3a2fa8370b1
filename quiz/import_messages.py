"""Import and bank problems in the page's language. A problem is data (question_bank.bank.problems:
a kind with its fields, and where it is); its templates are msgids of the app's catalogue, so the
French page gets "ligne 3 : …" from the same kind and fields the command line prints in English."""
from __future__ import annotations

from flask_babel import gettext

from question_bank.bank.problems import Problem


def shown(problem: str) -> str:
    """One problem as the teacher reads it. A plain string (a message with no kind) is shown as is."""
    return problem.render(gettext) if isinstance(problem, Problem) else problem


def all_shown(problems: list[str]) -> list[str]:
    return [shown(p) for p in problems]
