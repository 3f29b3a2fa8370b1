"""Deadlines are pure functions of the attempt's start, the settings and `now`."""
from datetime import datetime, timedelta

from quiz.timing import LATENCY_GRACE, Accommodation, Settings, deadline, phase, seconds_left, submit_until

START = datetime(2026, 3, 2, 9, 0, 0)
TEN_MIN = Settings(time_limit_seconds=600)


def test_deadline_is_start_plus_limit():
    assert deadline(START, TEN_MIN) == START + timedelta(minutes=10)


def test_no_limit_means_no_deadline():
    assert deadline(START, Settings(time_limit_seconds=None)) is None


def test_extra_time_as_multiplier_and_minutes():
    assert deadline(START, TEN_MIN, Accommodation(multiplier=1.5)) == START + timedelta(minutes=15)
    assert deadline(START, TEN_MIN, Accommodation(extra_seconds=300)) == START + timedelta(minutes=15)


def test_unlimited_accommodation_still_stops_at_the_close():
    closes = START + timedelta(hours=1)
    settings = Settings(time_limit_seconds=600, closes_at=closes)
    assert deadline(START, settings, Accommodation(unlimited=True)) == closes
    assert deadline(START, Settings(time_limit_seconds=600), Accommodation(unlimited=True)) is None


def test_close_time_caps_the_deadline():
    settings = Settings(time_limit_seconds=600, closes_at=START + timedelta(minutes=4))
    assert deadline(START, settings) == START + timedelta(minutes=4)


def test_phases_with_autosubmit():
    end = deadline(START, TEN_MIN)
    assert phase(end, TEN_MIN, end) == "open"
    assert phase(end, TEN_MIN, end + LATENCY_GRACE) == "open"
    assert phase(end, TEN_MIN, end + LATENCY_GRACE + timedelta(seconds=1)) == "closed"


def test_phases_with_a_grace_period():
    settings = Settings(time_limit_seconds=600, on_expiry="grace", grace_seconds=120)
    end = deadline(START, settings)
    assert submit_until(end, settings) == end + timedelta(minutes=2)
    assert phase(end, settings, end + timedelta(seconds=30)) == "grace"
    assert phase(end, settings, end + timedelta(minutes=3)) == "closed"


def test_the_teachers_close_has_no_grace():
    closes = START + timedelta(minutes=5)
    settings = Settings(time_limit_seconds=600, on_expiry="grace", grace_seconds=120, closes_at=closes)
    end = deadline(START, settings)
    assert submit_until(end, settings) == closes


def test_seconds_left_never_negative():
    end = START + timedelta(seconds=90)
    assert seconds_left(end, START) == 90
    assert seconds_left(end, end + timedelta(minutes=1)) == 0
    assert seconds_left(None, START) is None
