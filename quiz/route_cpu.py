"""CPU per request by route, for `make bench-load` (opt-in: MLQUIZ_ROUTE_CPU_LOG=<folder>).

Each request's thread CPU (time.thread_time, so other threads of a gthread worker do not count)
from the first before_request hook to the response, appended per worker process to
<folder>/<pid>.tsv as "endpoint<TAB>milliseconds". The file is written after the measurement,
so writing it is not counted. Off, it costs nothing: no hook is registered."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from flask import Flask, g, request

_lock = threading.Lock()


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
        with _lock, open(target / f"{os.getpid()}.tsv", "a", encoding="utf-8") as log:
            log.write(f"{request.endpoint or '-'}\t{spent:.3f}\n")


def summary(folder: str) -> dict[str, tuple[int, float]]:
    """endpoint → (requests, mean CPU ms), over every worker's file."""
    totals: dict[str, list[float]] = {}
    for path in Path(folder).glob("*.tsv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            endpoint, _, ms = line.partition("\t")
            totals.setdefault(endpoint, []).append(float(ms))
    return {endpoint: (len(values), sum(values) / len(values)) for endpoint, values in sorted(totals.items())}
