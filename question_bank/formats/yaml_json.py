"""Our own formats: the whole `BankFile` as YAML or JSON, nothing lost.

Export is `BankFile.model_dump(mode="json")` written out; load parses it back and
validates it with the same model, so `load(export(bank)) == bank`. Every problem a
reader can fix is named: the line and column of a syntax error, the item and field of
a wrong value ("question 3 (mc-1): citations[0].start: …").
"""
from __future__ import annotations

import json
from typing import Any, Callable

import yaml
from pydantic import ValidationError

from ..bank.items import FORMAT_NAME, FORMAT_VERSION, BankFile
from . import MAX_IMPORT_BYTES, Format, ImportProblems, register

# A file with thousands of bad items would give thousands of lines; the first ones are enough to act on.
MAX_PROBLEMS = 50
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def decode_text(data: bytes, what: str = "file") -> str:
    """The uploaded bytes as text, or ImportProblems saying plainly why not (shared by the text formats)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblems([f"the {what} is larger than {MAX_IMPORT_BYTES // 1_000_000} MB"])
    if not data.strip():
        raise ImportProblems([f"the {what} is empty"])
    if b"\x00" in data:
        raise ImportProblems([f"this looks like a binary file, not a {what} of questions"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblems([f"the {what} is not UTF-8 text (invalid byte at position {error.start})"]) from None


def export_yaml(bank: BankFile) -> bytes:
    return yaml.dump(bank.model_dump(mode="json"), Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
                     default_flow_style=False).encode("utf-8")


def export_json(bank: BankFile) -> bytes:
    return (json.dumps(bank.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _parse_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ImportProblems([f"{where}this is not valid YAML ({error.problem or error.context})"]) from None
    except yaml.YAMLError as error:
        raise ImportProblems([f"this is not valid YAML ({error})"]) from None


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblems([f"line {error.lineno}, column {error.colno}: this is not valid JSON ({error.msg})"]) from None


def _shares_nodes(value: Any) -> bool:
    """True when a container appears twice in the tree: YAML aliases. Refused because a few
    bytes of `*alias` can stand for gigabytes once validation walks every copy."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            if id(node) in seen:
                return True
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return False


def _shape_problems(raw: Any, syntax: str) -> list[str]:
    """What is wrong with the file as a whole, before looking at its items."""
    if raw is None:
        return ["the file is empty"]
    if not isinstance(raw, dict):
        found = {list: "a list", str: "a piece of text"}.get(type(raw), f"a {type(raw).__name__}")
        return [f"the file must be a {syntax} mapping with `format: {FORMAT_NAME}`, `articles` and `questions`; "
                f"this one is {found}"]
    if "format" not in raw:
        return [f"this is not an mlquiz bank file: it has no `format: {FORMAT_NAME}` entry at the top"]
    if raw["format"] != FORMAT_NAME:
        return [f"this is not an mlquiz bank file: its format is {raw['format']!r}, not {FORMAT_NAME!r}"]
    if raw.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        return [f"version {raw['version']!r} of the bank format is not supported (this mlquiz reads version "
                f"{FORMAT_VERSION})"]
    return []


def _where(raw: dict, loc: tuple) -> tuple[str, tuple]:
    """"question 3 (mc-1)" / "article 1 (article-…)" and the rest of the location."""
    if len(loc) >= 2 and loc[0] in ("questions", "articles") and isinstance(loc[1], int):
        items = raw.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ref = item.get("ref") if isinstance(item, dict) else None
        name = f"{loc[0][:-1]} {loc[1] + 1}" + (f" ({ref})" if isinstance(ref, str) and ref else "")
        return name, loc[2:]
    return "top level", loc


def _field(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _validation_problems(raw: dict, error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors():
        where, rest = _where(raw, tuple(item["loc"]))
        message = item["msg"].removeprefix("Value error, ")
        problems.append(f"{where}: {_field(rest)}: {message}" if rest else f"{where}: {message}")
    return problems


def limited(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return problems[:MAX_PROBLEMS] + [f"… and {len(problems) - MAX_PROBLEMS} more problems"]


def _loader(parse: Callable[[str], Any], syntax: str) -> Callable[[bytes], BankFile]:
    def load(data: bytes, known_articles=None) -> BankFile:  # our files carry their articles
        text = decode_text(data)
        try:
            raw = parse(text)
            if _shares_nodes(raw):
                raise ImportProblems(["the file uses YAML aliases (&anchor, *alias); write every item out in full"])
        except RecursionError:
            raise ImportProblems(["the file is nested too deeply to be a bank file"]) from None
        problems = _shape_problems(raw, syntax)
        if problems:
            raise ImportProblems(problems)
        try:
            return BankFile.model_validate(raw)
        except ValidationError as error:
            raise ImportProblems(limited(_validation_problems(raw, error))) from None
    return load


load_yaml = _loader(_parse_yaml, "YAML")
load_json = _loader(_parse_json, "JSON")

YAML = register(Format(name="yaml", label="mlquiz YAML", suffixes=(".yaml", ".yml"), mimetype="application/yaml",
                       export=export_yaml, load=load_yaml))
JSON = register(Format(name="json", label="mlquiz JSON", suffixes=(".json",), mimetype="application/json",
                       export=export_json, load=load_json))
