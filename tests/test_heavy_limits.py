"""The per-teacher heavy-work rules as pure functions of a clock reading."""
from __future__ import annotations

from datetime import datetime, timedelta

from quiz.heavy_limits import STALE_AFTER, HeavyLimits, seconds_to_wait, stale_before

NOW = datetime(2026, 12, 1, 10, 0, 0)
LIMITS = HeavyLimits(at_once=1, per_minute=3)


def ago(seconds: float) -> datetime:
    return NOW - timedelta(seconds=seconds)


def test_below_the_limit_nothing_waits():
    assert seconds_to_wait([], NOW, LIMITS) is None
    assert seconds_to_wait([ago(5), ago(10)], NOW, LIMITS) is None


def test_at_the_limit_the_wait_lasts_until_the_oldest_start_leaves_the_minute():
    assert seconds_to_wait([ago(10), ago(20), ago(50)], NOW, LIMITS) == 10


def test_starts_older_than_a_minute_do_not_count():
    assert seconds_to_wait([ago(61), ago(90), ago(5), ago(2)], NOW, LIMITS) is None


def test_with_more_starts_than_the_limit_the_one_that_matters_is_the_limits_worth_back():
    # Five starts (a limit raised then lowered): three must leave before a new one.
    starts = [ago(55), ago(40), ago(30), ago(20), ago(10)]
    assert seconds_to_wait(starts, NOW, LIMITS) == 30


def test_the_wait_is_whole_seconds_and_never_zero():
    assert seconds_to_wait([ago(59.9), ago(1), ago(2)], NOW, LIMITS) == 1
    assert seconds_to_wait([ago(30.2), ago(1), ago(2)], NOW, LIMITS) == 30


def test_the_order_of_the_starts_does_not_matter():
    assert seconds_to_wait([ago(50), ago(10), ago(20)], NOW, LIMITS) == 10


def test_a_job_older_than_the_stale_delay_no_longer_holds_its_slot():
    assert stale_before(NOW) == NOW - STALE_AFTER
    assert STALE_AFTER > timedelta(seconds=60)   # longer than gunicorn's --timeout: only dead workers' jobs
