"""Teacher forms read into plain values, with a message per field the teacher must fix.
Views pass the messages back to the same page, next to the field, with what was typed."""
from __future__ import annotations

import re

from flask_babel import gettext as _

MAX_LIMIT_MINUTES = 600
MAX_GRACE_MINUTES = 60


def whole_number(raw: str, low: int, high: int) -> int | None:
    """A whole number in [low, high] as typed, or None if it is not one."""
    raw = (raw or "").strip()
    if not re.fullmatch(r"\d{1,5}", raw):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def quiz_settings(form) -> tuple[dict, dict[str, str]]:
    """Time limit, what happens when time runs out, and when students see the answers:
    the keyword arguments of `publishing.publish`, or the errors by field name."""
    errors: dict[str, str] = {}
    limit_raw = (form.get("time_limit_minutes") or "").strip()
    limit = None
    if limit_raw:
        limit = whole_number(limit_raw, 1, MAX_LIMIT_MINUTES)
        if limit is None:
            errors["time_limit_minutes"] = _("Type a whole number of minutes from 1 to %(max)s, or leave it empty for no limit.",
                                             max=MAX_LIMIT_MINUTES)
    on_expiry = form.get("on_expiry", "autosubmit")
    if on_expiry not in ("autosubmit", "grace"):
        errors["on_expiry"] = _("Choose what happens when time runs out.")
    grace = 0
    if on_expiry == "grace":
        grace = whole_number(form.get("grace_minutes") or "", 1, MAX_GRACE_MINUTES)
        if grace is None:
            errors["grace_minutes"] = _("Type a grace period from 1 to %(max)s minutes.", max=MAX_GRACE_MINUTES)
    review = form.get("review_policy", "after_close")
    if review not in ("after_submit", "after_close"):
        errors["review_policy"] = _("Choose when students see the answers.")
    settings = {"time_limit_seconds": None if limit is None else limit * 60, "on_expiry": on_expiry,
                "grace_seconds": (grace or 0) * 60, "review_policy": review}
    return settings, errors


def settings_shown(form=None) -> dict[str, str]:
    """The settings fields as the page shows them: defaults, or what the teacher typed."""
    if form is None:
        return {"time_limit_minutes": "", "on_expiry": "autosubmit", "grace_minutes": "2",
                "review_policy": "after_close"}
    return {"time_limit_minutes": form.get("time_limit_minutes", ""), "on_expiry": form.get("on_expiry", "autosubmit"),
            "grace_minutes": form.get("grace_minutes", ""), "review_policy": form.get("review_policy", "after_close")}
