"""Searches in one process take turns, in the order they arrive.

Why: the Python part of a search holds the GIL, and the GIL is not fair.  A thread coming back
from tantivy or SQLite takes it if it is free, ahead of threads already waiting, and a waiting
thread asks for it only when no switch at all happened for 5 ms, which never holds while other
searches run.  With eight threads searching at once some waited 50-130 ms while others finished
their share, and together they made no more queries per second than one thread (docs/library.md,
latency).  Taken in turns, the same searches keep their queries per second and the slowest wait
is the queue ahead of them.
"""

from __future__ import annotations

import threading
from collections import deque
from types import TracebackType


class Turns:
    """A lock granted in arrival order (``threading.Lock`` is not: whoever releases it, or any
    newcomer, can take it ahead of the threads already waiting)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._waiting: deque[threading.Lock] = deque()
        self._busy = False

    def __enter__(self) -> None:
        with self._guard:
            if not self._busy:
                self._busy = True
                return
            mine = threading.Lock()
            mine.acquire()
            self._waiting.append(mine)
        try:
            mine.acquire()  # released by the turn before, which hands its turn over
        except BaseException:  # interrupted (Ctrl-C): leave the queue, or pass on the turn
            with self._guard:
                if mine in self._waiting:
                    self._waiting.remove(mine)
                    raise
            self.__exit__(None, None, None)
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with self._guard:
            if self._waiting:
                self._waiting.popleft().release()
            else:
                self._busy = False
