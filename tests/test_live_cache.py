"""The live class view shared between the teachers who poll it: computed once per quiz and
language for LIVE_CACHE_SECONDS, by the clock the app is given, and never shown to someone
who may not see the quiz."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

from test_teach import OTHER_EMAIL, OTHER_PASSWORD, build_app, join, login, publish_sample
from web_support import FakeClock

from quiz.live_cache import SnapshotCache

T0 = datetime(2026, 3, 2, 9, 0, 0)


def counting(values):
    calls = []

    def compute():
        calls.append(1)
        return values[len(calls) - 1]
    return compute, calls


def test_a_snapshot_is_shared_until_its_time_to_live_is_over():
    cache = SnapshotCache(2)
    compute, calls = counting(["first", "second", "third"])
    assert cache.get("quiz-1", T0, compute) == "first"
    assert cache.get("quiz-1", T0 + timedelta(seconds=1.9), compute) == "first"
    assert cache.get("quiz-1", T0 + timedelta(seconds=2), compute) == "second"
    assert cache.get("quiz-1", T0 + timedelta(seconds=1), compute) == "third"   # a clock set back: never trusted
    assert len(calls) == 3


def test_each_key_has_its_own_snapshot_and_zero_shares_nothing():
    cache = SnapshotCache(2)
    compute, calls = counting(["fr", "en"])
    assert cache.get((1, "fr"), T0, compute) == "fr"
    assert cache.get((1, "en"), T0, compute) == "en"
    off = SnapshotCache(0)
    again, counted = counting(["a", "b"])
    assert [off.get("k", T0, again), off.get("k", T0, again)] == ["a", "b"] and len(counted) == 2


def test_polls_arriving_together_wait_for_one_computation():
    cache = SnapshotCache(2)
    release, started, calls = threading.Event(), threading.Event(), []

    def compute():
        calls.append(1)
        started.set()
        release.wait(5)
        return "room"

    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("quiz", T0, compute))) for _ in range(8)]
    for thread in threads:
        thread.start()
    started.wait(5)
    release.set()
    for thread in threads:
        thread.join(5)
    assert results == ["room"] * 8 and len(calls) == 1


def test_the_live_view_is_shared_for_two_seconds_of_the_app_clock(tmp_path):
    clock = FakeClock()
    app = build_app(tmp_path, clock, LIVE_CACHE_SECONDS=2)
    code = publish_sample(app)
    teacher = login(app)
    assert teacher.get(f"/teach/quiz/{code}/live.json").get_json()["counts"]["joined"] == 0
    join(app, code, "Léa Martin")
    assert teacher.get(f"/teach/quiz/{code}/live.json").get_json()["counts"]["joined"] == 0   # shared
    clock.advance(seconds=2)
    assert teacher.get(f"/teach/quiz/{code}/live.json").get_json()["counts"]["joined"] == 1
    # Another teacher is refused before anything shared is read.
    assert login(app, OTHER_EMAIL, OTHER_PASSWORD).get(f"/teach/quiz/{code}/live.json").status_code == 404
