"""What a student reads when a join is refused, for each reason (errors are types: the view
never matches a message's text). Plain words, in the page's language."""
from __future__ import annotations

from flask_babel import gettext as _

from .. import attempts, joining
from ..names import BadName


def refusal_message(error: Exception) -> tuple[str, int]:
    """The plain message and status for each reason a join is refused (errors are types)."""
    if isinstance(error, BadName):
        return {
            "invisible": _("This name contains invisible or unusual characters. Type it again with ordinary letters."),
            "mixed_scripts": _("This name mixes letters of different alphabets (a Cyrillic or Greek letter that "
                               "looks Latin, for example). Type it with the letters of one alphabet."),
        }.get(error.reason, _("Type your name (at most 80 characters).")), 400
    if isinstance(error, joining.NameTaken):
        return _("Someone has already joined with this name. If it is you on another device, type the resume code "
                 "shown on your first device, or ask your teacher to let you in again. If it is not you, add your "
                 "initial or your class to your name."), 409
    if isinstance(error, joining.NotOnRoster):
        return _("This name is not on the class list. Choose your name in the list."), 400
    if isinstance(error, joining.WrongCode):
        return (_("This personal code does not go with this name. Check the code your teacher gave you.")
                if str(error) == "personal" else
                _("This resume code does not match. It is shown under your name on your first device, and it "
                  "changes each time it is used.")), 403
    if isinstance(error, joining.TooManyJoins):
        return _("Too many tries from this connection. Wait a minute, then try again."), 429
    if isinstance(error, joining.AlreadyJoined):
        return _("This browser is already taking the quiz as %(name)s: continue as them, or hand in first.",
                 name=error.attempt.student_name), 409
    return _("This quiz is closed: it no longer accepts new students."), 409


JOIN_REFUSED = (BadName, joining.NameTaken, joining.NotOnRoster, joining.WrongCode, joining.TooManyJoins,
                joining.AlreadyJoined, attempts.TooLate)
