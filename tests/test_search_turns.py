"""Searches take turns in arrival order, whoever releases the turn."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from sixfold.search.turns import Turns


def test_turns_are_granted_in_arrival_order() -> None:
    turns = Turns()
    order: list[int] = []
    threads = [threading.Thread(target=lambda i=i: _take(turns, order, i)) for i in range(6)]
    with turns:
        for count, thread in enumerate(threads, start=1):
            thread.start()
            while len(turns._waiting) < count:  # queued behind the turn held here
                threading.Event().wait(0.001)
        order.append(-1)
    for thread in threads:
        thread.join()
    assert order == [-1, 0, 1, 2, 3, 4, 5]


def test_a_turn_is_given_back_after_an_error() -> None:
    turns = Turns()
    try:
        with turns:
            raise ValueError
    except ValueError:
        pass
    with turns:  # not left taken
        pass


def _take(turns: Turns, order: list[int], i: int) -> None:
    with turns:
        order.append(i)


def test_a_waiter_interrupted_leaves_the_queue() -> None:
    """Ctrl-C while waiting for a turn must not leave the turns stuck for everyone else."""
    turns = Turns()
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with turns:
            holding.set()
            release.wait()

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait()
    previous = signal.signal(signal.SIGUSR1, _interrupt)
    try:
        threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGUSR1)).start()
        with pytest.raises(_Interrupted), turns:
            pass
    finally:
        signal.signal(signal.SIGUSR1, previous)
    release.set()
    holder.join()
    assert not turns._busy and not turns._waiting  # free again, nobody stale in the queue


class _Interrupted(Exception):
    pass


def _interrupt(signum: int, frame: object) -> None:
    raise _Interrupted
