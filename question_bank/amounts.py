"""Normalise written amounts so that "100 milliards de dollars" and "100 milliards"
(or "$4.2bn" and "4.2 billion dollars") are recognised as the same figure."""
from __future__ import annotations

import re

SCALES = {"milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "billion": 1e9,
          "billions": 1e9, "bn": 1e9, "million": 1e6, "millions": 1e6, "m": 1e6, "trillion": 1e12,
          "k": 1e3, "thousand": 1e3}
NUMBER = re.compile(r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*([a-zA-Z]+)?")


def amount_key(text: str) -> str | None:
    """A canonical key for an amount, or None when the text holds no figure."""
    match = NUMBER.search(text)
    if not match:
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", match.group(1))
    # "1,6" is a French decimal; "11,300" (three digits after) is an English thousands group.
    if "," in digits:
        whole, _, tail = digits.partition(",")
        digits = whole + tail if len(tail) == 3 and "." not in digits else f"{whole}.{tail}"
    value = float(digits)
    if "%" in text or "pour cent" in text.lower() or "percent" in text.lower():
        return f"pct:{value:g}"
    words = re.findall(r"[a-zA-Zé]+", text[match.start(1):].lower())
    scale = next((SCALES[w] for w in words if w in SCALES), 1.0)
    return f"money:{value * scale:g}"
