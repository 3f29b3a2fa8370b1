"""The live class view, shared for a moment between the teachers who watch one quiz.

Thirty teachers (or one projector and a few colleagues) polling a room of a thousand
students every three seconds each ask the database the same question ten times a second
(make bench-load measured PostgreSQL saturating there). Within one worker process, a quiz's
snapshot is computed once and served to every poll in the next LIVE_CACHE_SECONDS (2 by
default, MLQUIZ_LIVE_CACHE_SECONDS): the view shows minutes left and counts that a student's
next save changes anyway. The key holds the language, since the snapshot's words are
translated. Each worker keeps its own copy, so the database answers at most once per quiz,
language and worker in that time. 0 turns the sharing off (the test suite, whose clock only
moves when a test moves it).

Pure of Flask: the clock is an argument and the computation a callable.
"""
from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any, Callable, Hashable

MAX_ENTRIES = 512   # quizzes × languages watched at once in one process; older ones are dropped


class SnapshotCache:
    def __init__(self, seconds: float):
        self.ttl = timedelta(seconds=seconds)
        self._entries: dict[Hashable, tuple[datetime, Any]] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: Hashable, now: datetime, compute: Callable[[], Any]) -> Any:
        """The value computed for `key` less than the time-to-live before `now`, or a fresh one.
        Polls that arrive together wait for one computation rather than each running it."""
        if self.ttl <= timedelta(0):
            return compute()
        fresh = self._fresh(key, now)
        if fresh is not None:
            return fresh[1]
        with self._lock_for(key):
            fresh = self._fresh(key, now)   # computed by the poll we waited for
            if fresh is not None:
                return fresh[1]
            value = compute()
            with self._guard:
                if len(self._entries) >= MAX_ENTRIES:
                    self._entries.pop(min(self._entries, key=lambda k: self._entries[k][0]))
                self._entries[key] = (now, value)
            return value

    def _fresh(self, key: Hashable, now: datetime) -> tuple[datetime, Any] | None:
        with self._guard:
            entry = self._entries.get(key)
        if entry is not None and timedelta(0) <= now - entry[0] < self.ttl:
            return entry
        return None

    def _lock_for(self, key: Hashable) -> threading.Lock:
        with self._guard:
            if len(self._locks) >= MAX_ENTRIES and key not in self._locks:
                self._locks = {k: lock for k, lock in self._locks.items() if k in self._entries}
            return self._locks.setdefault(key, threading.Lock())
