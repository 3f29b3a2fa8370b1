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

from ..bank import library_errors as L
from ..bank import problems as P
from ..bank.items import FORMAT_NAME, FORMAT_VERSION, BankFile
from . import MAX_IMPORT_BYTES, Format, ImportProblems, register

# A file with thousands of bad items would give thousands of lines; the first ones are enough to act on.
MAX_PROBLEMS = 50
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def decode_text(data: bytes) -> str:
    """The uploaded bytes as text, or ImportProblems saying plainly why not (shared by the text formats)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportProblems([P.problem(P.FILE_TOO_LARGE(size=MAX_IMPORT_BYTES // 1_000_000))])
    if not data.strip():
        raise ImportProblems([P.problem(P.FILE_EMPTY())])
    if b"\x00" in data:
        raise ImportProblems([P.problem(P.FILE_BINARY())])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblems([P.problem(P.FILE_NOT_UTF8(position=error.start))]) from None


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
        if error.context_mark is not None and mark is not None and mark.index >= len(text.rstrip()):
            # At the end of the file ("a quotation mark never closed", "a [ never closed"): the
            # line where the unclosed thing began says more than the file's last line.
            mark = error.context_mark
        where = P.at_line(mark.line + 1, mark.column + 1) if mark else None
        raise ImportProblems([P.problem(P.NOT_YAML(detail=L.yaml_message(error.problem, error.context)), where)]) \
            from None
    except yaml.YAMLError:
        raise ImportProblems([P.problem(P.NOT_YAML(detail=L.YAML_OTHER()))]) from None


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblems([P.problem(P.NOT_JSON(detail=L.json_message(error)),
                                        P.at_line(error.lineno, error.colno))]) from None


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


def _shape_problems(raw: Any, syntax: str) -> list[P.Problem]:
    """What is wrong with the file as a whole, before looking at its items."""
    if raw is None:
        return [P.problem(P.FILE_EMPTY())]
    if not isinstance(raw, dict):
        found = {list: P.FOUND_LIST(), str: P.FOUND_TEXT()}.get(type(raw)) or P.FOUND_TYPE(type=type(raw).__name__)
        return [P.problem(P.NOT_A_MAPPING(syntax=syntax, format=FORMAT_NAME, found=found))]
    if "format" not in raw:
        return [P.problem(P.NO_FORMAT_ENTRY(format=FORMAT_NAME))]
    if raw["format"] != FORMAT_NAME:
        return [P.problem(P.WRONG_FORMAT(found=repr(raw["format"]), format=repr(FORMAT_NAME)))]
    if raw.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        return [P.problem(P.WRONG_VERSION(found=repr(raw["version"]), version=FORMAT_VERSION))]
    return []


def _where(raw: dict, loc: tuple) -> tuple[P.Message, tuple]:
    """"question 3 (mc-1)" / "article 1 (article-…)" and the rest of the location."""
    if len(loc) >= 2 and loc[0] in ("questions", "articles") and isinstance(loc[1], int):
        items = raw.get(loc[0])
        item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
        ref = item.get("ref") if isinstance(item, dict) else None
        ref = ref if isinstance(ref, str) else ""
        if loc[0] == "questions":
            return P.at_question(loc[1] + 1, ref), loc[2:]
        number = loc[1] + 1
        return (P.AT_ARTICLE_NAMED(number=number, name=ref) if ref else P.AT_ARTICLE(number=number)), loc[2:]
    return P.AT_TOP_LEVEL(), loc


def _field(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _validation_problems(raw: dict, error: ValidationError) -> list[P.Problem]:
    problems = []
    for loc, message in L.validation_messages(error):
        where, rest = _where(raw, loc)
        what = P.INVALID_FIELD(field=_field(rest), detail=message) if rest else P.INVALID(detail=message)
        problems.append(P.problem(what, where))
    return problems


def limited(problems: list[P.Problem]) -> list[P.Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return problems[:MAX_PROBLEMS] + [P.problem(P.MORE_PROBLEMS(count=len(problems) - MAX_PROBLEMS))]


def _loader(parse: Callable[[str], Any], syntax: str) -> Callable[[bytes], BankFile]:
    def load(data: bytes, known_articles=None, into=None, skipped=None) -> BankFile:
        # Our files carry their articles, and every kind they hold is one we represent.
        text = decode_text(data)
        try:
            raw = parse(text)
            if _shares_nodes(raw):
                raise ImportProblems([P.problem(P.YAML_ALIASES())])
        except RecursionError:
            raise ImportProblems([P.problem(P.TOO_NESTED())]) from None
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
