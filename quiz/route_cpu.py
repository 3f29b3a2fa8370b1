"""CPU per request by route, for `make bench-load` (opt-in: MLQUIZ_ROUTE_CPU_LOG=<folder>).

Each request's thread CPU (time.thread_time, so other threads of a gthread worker do not count)
from the first before_request hook to the response, kept in memory and appended per worker
process to <folder>/<pid>.tsv as "endpoint<TAB>milliseconds", every few hundred requests and
when the process exits. Writing is not counted, and is rare: opening the file for every
request used to cost the server more CPU than the autosave's own statements (py-spy, 1,000
students). Off, it costs nothing: no hook is registered."""
from __future__ import annotations

import atexit
import os
import threading
import time
from pathlib import Path

from flask import Flask, g, request

WRITE_EVERY = 500   # requests

_lock = threading.Lock()
_pending: dict[Path, list[str]] = {}


def install(app: Flask, folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)

    def start():
        g.route_cpu_started = time.thread_time()

    app.before_request_funcs.setdefault(None, []).insert(0, start)   # first, before every other hook

    @app.teardown_request
    def record(_error=None):
        started = g.pop("route_cpu_started", None)
        if started is None:
            return
        spent = (time.thread_time() - started) * 1000
        with _lock:
            lines = _pending.setdefault(target, [])
            lines.append(f"{request.endpoint or '-'}\t{spent:.3f}\n")
            if len(lines) >= WRITE_EVERY:
                _write(target)


def _write(target: Path) -> None:
    """Append what this process has kept for target (the caller holds _lock). The file is named
    by the process id read now: a worker forked after install writes its own file."""
    lines = _pending.pop(target, [])
    if lines:
        with open(target / f"{os.getpid()}.tsv", "a", encoding="utf-8") as log:
            log.writelines(lines)


@atexit.register
def flush() -> None:
    """Write everything kept (a worker that exits; summary() in the same process)."""
    with _lock:
        for target in list(_pending):
            _write(target)


def summary(folder: str) -> dict[str, tuple[int, float]]:
    """endpoint → (requests, mean CPU ms), over every worker's file."""
    flush()
    totals: dict[str, list[float]] = {}
    for path in Path(folder).glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            endpoint, _, ms = line.partition("\t")
            totals.setdefault(endpoint, []).append(float(ms))
    return {endpoint: (len(values), sum(values) / len(values)) for endpoint, values in sorted(totals.items())}
