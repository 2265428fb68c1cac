"""Searches take turns in arrival order, whoever releases the turn."""

from __future__ import annotations

import threading

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
