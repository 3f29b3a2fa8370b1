"""Load: N students join a 10-question quiz, answer with autosave and submit, against
`mlquiz run --workers W --threads T` (gunicorn) on loopback — on SQLite and on PostgreSQL.

usage: python bench/bench_load.py [--students 300 1000] [--backends sqlite postgresql]
                                  [--workers 2] [--threads 4] [--ramp 60] [--think 0.5 3.0] [--teachers 30]
(run by `make bench-load`)

Students arrive spread over --ramp seconds (a class does not click at the same instant),
and wait --think seconds (uniform) before each answer, as when reading a question. Each
student: GET join page, POST name, GET quiz page, 10 × POST answer, POST submit.
Meanwhile --teachers teachers (30 by default; sessions of the quiz's owner) keep its live class
view open, which asks for the room's state every 3 s as the page does (quiz/static/live.js).
Printed per backend and N: throughput, p50/p95/p99 latency of all requests and of the
answer saves, answers acknowledged vs stored (must be equal), and the same arrival and
request pattern against a bare endpoint of the same server (/healthz: no database, no
template) as an upper bound, with the ratio. Then autosaves alone: the same number of students
join first, outside the measure, and answer with the same arrivals and think times; the
server's CPU over those saves alone (whole process group, as for the bare run) divided by
their number is the CPU per autosave, printed against the bare request's. The client is an asyncio aiohttp client in
this process, on the same machine as the server: the bare run pays the same client cost.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MLQUIZ = str(Path(sys.executable).with_name("mlquiz"))
QUESTIONS = 10
LIVE_POLL_SECONDS = 3   # the live view's default (templates' data-poll, quiz/static/live.js)
TEACHER_EMAIL, TEACHER_PASSWORD = "bench@example.org", "bench-load-password"
TARGET_P95_MS = 150
TARGET_SAVE_CPU_RATIO = 2   # server CPU per autosave against a bare request's (issue 14)
KEEP_ALIVE_SECONDS = 5   # mlquiz run's default
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


@dataclass
class Run:
    latencies: list[float] = field(default_factory=list)      # seconds, every request
    saves: list[float] = field(default_factory=list)          # seconds, answer saves only
    live: list[float] = field(default_factory=list)           # seconds, the teachers' live view polls
    acknowledged: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    lag: list[float] = field(default_factory=list)            # seconds, the client's event loop late
    elapsed: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float = 0.0
    database_cpu: float | None = None

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(belongs) -> float:
    """User + system CPU so far of the processes for which belongs(pid, group, parent) (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:   # the process ended meanwhile
            continue
        if belongs(int(stat.parent.name), int(fields[2]), int(fields[1])):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


# --- databases -------------------------------------------------------------------------------

class Postgres:
    """A throwaway cluster, as .ci/run starts one (initdb refuses root: run as postgres)."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="mlquiz-bench-pg-"))
        self.port = free_port()
        self.as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_pg:
            shutil.chown(self.dir, "postgres")

    def __enter__(self) -> "Postgres":
        subprocess.run([*self.as_pg, str(PG_BIN / "initdb"), "-D", str(self.dir / "data"), "-A", "trust",
                        "-U", "postgres"], check=True, capture_output=True)
        subprocess.run([*self.as_pg, str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-l",
                        str(self.dir / "log"), "-w", "start", "-o",
                        f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200"],
                       check=True, capture_output=True)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        return self

    def cpu_seconds(self) -> float:
        """The postmaster and its backends: the database's share of the machine."""
        postmaster = int((self.dir / "data" / "postmaster.pid").read_text().split()[0])
        return cpu_seconds(lambda pid, group, parent: postmaster in (pid, parent))

    def __exit__(self, *exc) -> None:
        subprocess.run([*self.as_pg, str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


def prepare(url: str) -> tuple[str, int]:
    """Schema, a teacher and a published quiz of up to QUESTIONS questions: its join code and
    how many questions it has."""
    env = {**os.environ, "MLQUIZ_DATABASE_URL": url}
    subprocess.run([MLQUIZ, "db", "upgrade"], env=env, check=True, capture_output=True)
    from question_bank.service import sample_path
    from quiz import create_app
    from quiz.config import utc_now
    from quiz.extensions import db
    from quiz.models import Teacher
    from quiz.publishing import preview, publish
    from werkzeug.security import generate_password_hash

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        teacher = Teacher(email=TEACHER_EMAIL, password_hash=generate_password_hash(TEACHER_PASSWORD),
                          created_at=utc_now())
        db.session.add(teacher)
        db.session.commit()
        article, quiz = preview(sample_path("fr").read_bytes())
        keep = [q.id for q in quiz.questions[:QUESTIONS]]
        code = publish(teacher, article, quiz, keep, utc_now(), time_limit_seconds=3 * 3600).code
        db.session.remove()
    return code, len(keep)   # the sample may support fewer than QUESTIONS sound questions


def stored_answers(url: str, code: str) -> int:
    from quiz import create_app
    from quiz.extensions import db
    from quiz.models import Answer, Attempt
    from quiz.publishing import by_code

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        quiz = by_code(code)
        count = db.session.execute(db.select(db.func.count(Answer.id)).join(Attempt, Answer.attempt_id == Attempt.id)
                                   .filter(Attempt.quiz_id == quiz.id)).scalar()
        db.session.remove()
        return count


# --- the server ------------------------------------------------------------------------------------

class Server:
    def __init__(self, url: str, workers: int, threads: int) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # Every simulated student comes from 127.0.0.1: the per-address join limit (made for one
        # school router, 60 a minute) would stop them, so the bench lifts it.
        self.route_cpu = tempfile.mkdtemp(prefix="mlquiz-route-cpu-")
        env = {**os.environ, "MLQUIZ_DATABASE_URL": url, "MLQUIZ_SECRET_KEY": "bench-secret-" + str(self.port),
               "MLQUIZ_JOINS_PER_MINUTE": "1000000", "MLQUIZ_ROUTE_CPU_LOG": self.route_cpu,
               "MLQUIZ_PRELOAD_MODELS": "0"}   # students' requests only: no model loading in the measured CPU
        self.process = subprocess.Popen([MLQUIZ, "run", "--workers", str(workers), "--threads", str(threads),
                                         "--port", str(self.port)],
                                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)

    def __enter__(self) -> "Server":
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/healthz", timeout=5).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def cpu_seconds(self) -> float:
        """gunicorn's master and workers: the process group it leads."""
        return cpu_seconds(lambda pid, group, parent: group == self.process.pid)

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


# --- students -------------------------------------------------------------------------------------

def student_session(connector):
    """One session per student: its own cookie jar (the attempt lives in the session cookie);
    the connector is shared, as browsers share a machine's network stack. unsafe=True:
    aiohttp otherwise keeps no cookie from a bare IP address such as 127.0.0.1."""
    import aiohttp

    return aiohttp.ClientSession(connector=connector, connector_owner=False,
                                 cookie_jar=aiohttp.CookieJar(unsafe=True),
                                 timeout=aiohttp.ClientTimeout(total=60))


async def timed(client, run: Run, method: str, url: str, save: bool = False, **kwargs):
    """(status, body) of one request, its latency kept in run; None if it failed."""
    began = time.perf_counter()
    try:
        async with client.request(method, url, allow_redirects=False, **kwargs) as response:
            body = await response.read()
    except Exception as error:   # a refused or dropped connection counts, it does not stop the run
        run.error(type(error).__name__)
        return None
    took = time.perf_counter() - began
    run.latencies.append(took)
    if save:
        run.saves.append(took)
    if response.status >= 400:
        run.error(f"HTTP {response.status}")
    return response.status, body.decode()


async def join(client, run: Run, base: str, code: str, n: int):
    """Join page, name, quiz page: (the page's CSRF token, its question ids), or None."""
    page = await timed(client, run, "GET", f"{base}/join/{code}")
    if page is None or page[0] != 200:
        return None
    form_token = re.search(r'name="csrf_token" value="([^"]+)"', page[1])[1]
    joined = await timed(client, run, "POST", f"{base}/join/{code}", data={"name": f"Élève {n}", "csrf_token": form_token})
    if joined is None or joined[0] not in (302, 303):
        return None
    quiz_page = await timed(client, run, "GET", f"{base}/quiz/{code}")
    if quiz_page is None or quiz_page[0] != 200:
        return None
    return (re.search(r'name="csrf-token" content="([^"]+)"', quiz_page[1])[1],
            re.findall(r'data-question-id="([^"]+)"', quiz_page[1]))


async def answer_all(client, run: Run, base: str, code: str, token: str, questions: list[str],
                     think: tuple[float, float], rng: random.Random) -> None:
    for question in questions:
        await asyncio.sleep(rng.uniform(*think))
        saved = await timed(client, run, "POST", f"{base}/quiz/{code}/answer", save=True,
                            json={"question_id": question, "choices": [rng.randrange(2)]},
                            headers={"X-CSRFToken": token})
        if saved is not None and saved[0] == 200 and json.loads(saved[1]).get("saved"):
            run.acknowledged += 1


async def student(connector, base: str, code: str, n: int, start: float, think: tuple[float, float],
                  run: Run, rng: random.Random, bare: bool) -> None:
    await asyncio.sleep(start)
    async with student_session(connector) as client:
        if bare:   # the same pattern of requests, to an endpoint that does nothing
            for _ in range(3):
                await timed(client, run, "GET", f"{base}/healthz")
            for _ in range(QUESTIONS):
                await asyncio.sleep(rng.uniform(*think))
                await timed(client, run, "GET", f"{base}/healthz", save=True)
            await timed(client, run, "GET", f"{base}/healthz")
            return
        page = await join(client, run, base, code, n)
        if page is None:
            return
        token, questions = page
        await answer_all(client, run, base, code, token, questions, think, rng)
        await timed(client, run, "POST", f"{base}/quiz/{code}/submit", data={"csrf_token": token})


async def autosaves_alone(base: str, code: str, students: int, ramp: float, think: tuple[float, float],
                          cpu_now) -> Run:
    """The server's CPU per autosave, whole process group (gunicorn included, as for the bare
    endpoint): every student joins first, outside the measure; then cpu_now() is read, the
    students answer with the quiz run's arrivals and think times (no submit, no teacher), and
    it is read again. run.server_cpu and run.database_cpu are then what the saves alone cost."""
    run, joining = Run(), Run()
    connector = aiohttp_connector()
    clients = [student_session(connector) for _ in range(students)]
    at_once = asyncio.Semaphore(50)   # joined quickly, without a burst of a thousand at once

    async def joined(n: int):
        async with at_once:
            return await join(clients[n], joining, base, code, 10_000 + n)

    async def answers(n: int, page) -> None:
        rng = random.Random(n)
        await asyncio.sleep(rng.uniform(0, ramp))
        if page is not None:
            await answer_all(clients[n], run, base, code, page[0], page[1], think, rng)

    try:
        pages = await asyncio.gather(*(joined(n) for n in range(students)))
        for what, count in joining.errors.items():
            run.error(f"joining: {what} ×{count}")
        cpu, began = cpu_now(), time.perf_counter()
        await asyncio.gather(*(answers(n, page) for n, page in enumerate(pages)))
        run.elapsed = time.perf_counter() - began
        after = cpu_now()
        run.server_cpu, run.database_cpu = after[0] - cpu[0], after[1] - cpu[1]
    finally:
        for client in clients:
            await client.close()
        await connector.close()
    return run


def aiohttp_connector():
    """Idle connections close on the client's side first (server: mlquiz run --keep-alive 5), as
    a browser retries a request whose reused connection the server had just closed."""
    import aiohttp

    return aiohttp.TCPConnector(limit=0, keepalive_timeout=KEEP_ALIVE_SECONDS - 1)


async def teacher(connector, base: str, code: str, start: float, run: Run, stop: asyncio.Event) -> None:
    """A teacher who logs in and keeps the live class view open until the students are done."""
    import aiohttp

    await asyncio.sleep(start)
    async with aiohttp.ClientSession(connector=connector, connector_owner=False,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True),
                                     timeout=aiohttp.ClientTimeout(total=60)) as client:
        try:
            async with client.get(f"{base}/login") as page:
                form_token = re.search(r'name="csrf_token" value="([^"]+)"', await page.text())[1]
            async with client.post(f"{base}/login", allow_redirects=False,
                                   data={"email": TEACHER_EMAIL, "password": TEACHER_PASSWORD,
                                         "csrf_token": form_token}) as logged:
                if logged.status not in (302, 303):
                    run.error(f"login HTTP {logged.status}")
                    return
        except Exception as error:
            run.error(f"login {type(error).__name__}")
            return
        while not stop.is_set():
            began = time.perf_counter()
            try:
                async with client.get(f"{base}/teach/quiz/{code}/live.json", allow_redirects=False,
                                      headers={"Accept": "application/json"}) as response:
                    await response.read()
                    if response.status != 200:   # a redirect to the login page is a lost session
                        run.error(f"live HTTP {response.status}")
            except Exception as error:
                run.error(f"live {type(error).__name__}")
            run.live.append(time.perf_counter() - began)
            try:
                await asyncio.wait_for(stop.wait(), LIVE_POLL_SECONDS)
            except asyncio.TimeoutError:
                pass


async def loop_lag(run: Run, stop: asyncio.Event) -> None:
    """How late the client's own event loop wakes up: if the client is short of CPU, its
    latencies include its own waiting, and this says by how much."""
    while not stop.is_set():
        began = time.perf_counter()
        await asyncio.sleep(0.01)
        run.lag.append(time.perf_counter() - began - 0.01)


async def load(base: str, code: str, students: int, ramp: float, think: tuple[float, float], bare: bool,
               teachers: int = 0) -> Run:
    run = Run()
    rng = random.Random(f"{students}:{bare}")
    stop = asyncio.Event()
    monitor = asyncio.create_task(loop_lag(run, stop))
    done = asyncio.Event()
    connector = aiohttp_connector()
    cpu, began = time.process_time(), time.perf_counter()
    watching = [asyncio.create_task(teacher(connector, base, code, rng.uniform(0, 5), run, done))
                for _ in range(0 if bare else teachers)]
    try:
        await asyncio.gather(*(student(connector, base, code, n, rng.uniform(0, ramp), think, run,
                                       random.Random(n), bare) for n in range(students)))
    finally:
        done.set()
        await asyncio.gather(*watching)
        run.elapsed = time.perf_counter() - began
        run.client_cpu = time.process_time() - cpu
        stop.set()
        await monitor
        await connector.close()
    return run


def line(name: str, run: Run) -> str:
    ms = [x * 1000 for x in run.latencies]
    lag = [x * 1000 for x in run.lag]
    return (f"{name:28} {len(ms) / run.elapsed:7.1f} req/s   p50 {percentile(ms, 50):6.1f}   "
            f"p95 {percentile(ms, 95):6.1f}   p99 {percentile(ms, 99):6.1f} ms"
            + (f"   errors {run.errors}" if run.errors else "")
            + f"\n{'':28} CPU: server {run.server_cpu:5.1f} s, "
              + (f"database {run.database_cpu:5.1f} s, " if run.database_cpu is not None else "")
              + f"client {run.client_cpu:5.1f} s in {run.elapsed:.0f} s;"
              f" client loop late p95 {percentile(lag, 95):.1f} ms, max {max(lag, default=0):.1f} ms")


def measure(backend: str, url: str, students: int, args, database=None) -> bool:
    code, questions = prepare(url)
    ramp, think = args.ramp, tuple(args.think)
    with Server(url, args.workers, args.threads) as server:
        runs = []
        for bare in (False, True):
            server_cpu, database_cpu = server.cpu_seconds(), database.cpu_seconds() if database else 0
            run = asyncio.run(load(server.base, code, students, ramp, think, bare=bare, teachers=args.teachers))
            run.server_cpu = server.cpu_seconds() - server_cpu
            if database:
                run.database_cpu = database.cpu_seconds() - database_cpu
            runs.append(run)
        stored = stored_answers(url, code)
        saves_run = asyncio.run(autosaves_alone(
            server.base, code, students, ramp, think,
            lambda: (server.cpu_seconds(), database.cpu_seconds() if database else 0.0)))
        saves_stored = stored_answers(url, code) - stored
    routes = route_summary(server.route_cpu)   # after the workers exited: each writes what it kept
    app_run, bare_run = runs
    sent = students * questions
    saves_ms = [x * 1000 for x in app_run.saves]
    p95 = percentile([x * 1000 for x in app_run.latencies], 95)
    bare95 = percentile([x * 1000 for x in bare_run.latencies], 95)
    print(f"\n{backend}, {students} students, gunicorn {args.workers} workers × {args.threads} threads, "
          f"arrivals over {ramp:.0f} s, "
          f"think {think[0]}–{think[1]} s, run {app_run.elapsed:.0f} s")
    print(line("quiz (join, page, saves, submit)", app_run))
    print(f"{'  answer saves only':28} p50 {percentile(saves_ms, 50):6.1f}   p95 {percentile(saves_ms, 95):6.1f}   "
          f"p99 {percentile(saves_ms, 99):6.1f} ms")
    if app_run.live:
        live_ms = [x * 1000 for x in app_run.live]
        print(f"{'  live view (' + str(args.teachers) + ' teachers)':28} {len(live_ms)} polls every {LIVE_POLL_SECONDS} s   "
              f"p50 {percentile(live_ms, 50):6.1f}   p95 {percentile(live_ms, 95):6.1f}   "
              f"p99 {percentile(live_ms, 99):6.1f} ms")
    print(line("bare endpoint (/healthz)", bare_run))
    print(f"ratio quiz / bare: throughput {len(app_run.latencies) / app_run.elapsed / (len(bare_run.latencies) / bare_run.elapsed):.2f}, "
          f"p95 {p95 / bare95:.1f}×")
    per_request = 1000 * app_run.server_cpu / max(len(app_run.latencies), 1)
    bare_per_request = 1000 * bare_run.server_cpu / max(len(bare_run.latencies), 1)
    print(f"server CPU per request (whole process group): quiz {per_request:.2f} ms, bare {bare_per_request:.2f} ms "
          f"({per_request / bare_per_request:.1f}×)")
    per_save = 1000 * saves_run.server_cpu / max(len(saves_run.saves), 1)
    saves_alone_ms = [x * 1000 for x in saves_run.saves]
    print(f"autosaves alone ({len(saves_run.saves)} saves, every student joined first): "
          f"p95 {percentile(saves_alone_ms, 95):.1f} ms; server CPU per autosave {per_save:.2f} ms "
          f"({per_save / bare_per_request:.1f}× bare, target ≤ {TARGET_SAVE_CPU_RATIO:g}×)"
          + (f", database {1000 * saves_run.database_cpu / max(len(saves_run.saves), 1):.2f} ms" if database else ""))
    bare_route = routes.get("health.healthz", (0, 0.0))[1]
    print("CPU per request by route, in the app (thread CPU from the first hook to the response):")
    for endpoint, (count, mean) in sorted(routes.items(), key=lambda item: -item[1][0]):
        ratio = f"{mean / bare_route:5.1f}× bare" if bare_route else ""
        print(f"  {endpoint:28} {count:7d} requests  {mean:6.2f} ms  {ratio}")
    print(f"answers sent {sent}, acknowledged {app_run.acknowledged}, stored {stored}"
          f" → {'0 lost' if stored == app_run.acknowledged else f'{app_run.acknowledged - stored} LOST'}"
          f"; autosaves alone: sent {sent}, acknowledged {saves_run.acknowledged}, stored {saves_stored}"
          + (f", errors {saves_run.errors}" if saves_run.errors else ""))
    ok = (p95 < TARGET_P95_MS and stored == app_run.acknowledged == sent and not app_run.errors
          and saves_stored == saves_run.acknowledged == sent and not saves_run.errors)
    print(f"target p95 < {TARGET_P95_MS} ms and 0 lost: {'PASS' if ok else 'FAIL'}; "
          f"autosave CPU ≤ {TARGET_SAVE_CPU_RATIO:g}× bare: "
          f"{'PASS' if per_save <= TARGET_SAVE_CPU_RATIO * bare_per_request else 'FAIL'}")
    return ok


def route_summary(folder: str) -> dict[str, tuple[int, float]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from quiz.route_cpu import summary

    return summary(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[300, 1000])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="per worker (mlquiz run's default)")
    parser.add_argument("--ramp", type=float, default=60.0)
    parser.add_argument("--teachers", type=int, default=30, help="teachers keeping the live class view open")
    parser.add_argument("--think", type=float, nargs=2, default=(0.5, 3.0))
    args = parser.parse_args()
    results = []
    for backend in args.backends:
        for students in args.students:
            if backend == "sqlite":
                with tempfile.TemporaryDirectory(prefix="mlquiz-bench-") as folder:
                    results.append(measure(backend, f"sqlite:///{folder}/bench.sqlite", students, args))
            else:
                with Postgres() as database:
                    results.append(measure(backend, database.url, students, args, database))
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
