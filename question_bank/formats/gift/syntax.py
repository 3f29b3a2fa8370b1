"""GIFT's marks and patterns that the writer and the reader share."""
from __future__ import annotations

import re

ARTICLE_TITLE = "mlquiz-article"
CATEGORY_ROOT = "mlquiz"
# PHP's trim(), which Moodle applies: Unicode spaces such as U+202F are text, not padding.
TRIM = " \t\n\r\0\x0b"
FORMAT_TAG = re.compile(r"\[(html|moodle|plain|markdown)\]")
WEIGHT = re.compile(r"%(-?\d+\.?\d*)%")     # what Moodle reads as a weight: %50%, %-33.3%, %5.%
