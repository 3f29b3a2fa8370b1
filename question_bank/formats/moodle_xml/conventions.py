"""How our articles and questions are named and tagged in a Moodle file, and which types we read."""
from __future__ import annotations

KIND_TAG, DIFFICULTY_TAG, ARTICLE_TAG = "mlquiz-kind:", "mlquiz-difficulty:", "mlquiz-article:"
# The question's status in its bank: a retired question comes back retired, any other as a
# draft (an imported question is reviewed before a class sees it).
STATUS_TAG = "mlquiz-status:"
ARTICLE_NAME = "mlquiz-article "
CATEGORY_ROOT = "$course$/top/mlquiz"
SUPPORTED_TYPES = ("multichoice", "truefalse", "shortanswer", "description")
# Moodle's truefalse type has no labels of its own: a true_false question whose choices
# are not these (in this order) goes out as a multichoice so its labels are kept.
TRUE_FALSE_LABELS = {"fr": ["Vrai", "Faux"], "en": ["True", "False"]}
DEFAULT_KIND = {"multichoice": "multiple_choice", "truefalse": "true_false", "shortanswer": "short_answer"}
