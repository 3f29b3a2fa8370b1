"""The heavy-job slots in the database: taken once, freed only by their own job, taken over
only when stale, and a kind of job must say what it is."""
from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.heavy_jobs import HeavyWorkRefused, claim, heavy_job, release
from quiz.heavy_limits import STALE_AFTER, HeavyLimits
from web_support import START, create_teacher, make_app

ONE = HeavyLimits(at_once=1, per_minute=100)


@pytest.fixture
def app_and_teacher(tmp_path):
    app = make_app(tmp_path)
    return app, create_teacher(app)


def test_a_held_slot_refuses_a_second_job_and_names_the_running_kind(app_and_teacher):
    app, teacher = app_and_teacher
    with app.app_context(), heavy_job(teacher, "print", START, ONE):
        with pytest.raises(HeavyWorkRefused) as refused:
            claim(teacher, "analysis", START, ONE)
        assert refused.value.running == "print" and refused.value.retry_after == 5


def test_two_slots_hold_two_jobs_and_refuse_a_third(app_and_teacher):
    app, teacher = app_and_teacher
    two = HeavyLimits(at_once=2, per_minute=100)
    with app.app_context():
        first, second = claim(teacher, "analysis", START, two), claim(teacher, "print", START, two)
        assert {first.number, second.number} == {0, 1}
        with pytest.raises(HeavyWorkRefused):
            claim(teacher, "analysis", START, two)


def test_a_slot_is_freed_by_its_own_job_only(app_and_teacher):
    app, teacher = app_and_teacher
    with app.app_context():
        stale = claim(teacher, "analysis", START, ONE)
        later = START + STALE_AFTER + timedelta(seconds=1)
        taker = claim(teacher, "analysis", later, ONE)     # the first worker died: taken over
        release(stale)                                     # the dead job's late release frees nothing
        with pytest.raises(HeavyWorkRefused):
            claim(teacher, "analysis", later, ONE)
        release(taker)
        release(claim(teacher, "analysis", later, ONE))


def test_a_slot_is_freed_when_the_job_fails(app_and_teacher):
    app, teacher = app_and_teacher
    with app.app_context():
        with pytest.raises(RuntimeError), heavy_job(teacher, "analysis", START, ONE):
            raise RuntimeError("the analysis broke")
        release(claim(teacher, "analysis", START, ONE))


def test_an_unknown_kind_of_job_is_a_programming_error(app_and_teacher):
    app, teacher = app_and_teacher
    with app.app_context(), pytest.raises(ValueError):
        claim(teacher, "export", START, ONE)
