"""Deadlines of requests that nobody may be waiting on, enforced on a thread of their own.

A blocking caller watches its own deadline. A `request_future` (or a request the library
sends for itself: a clock probe, a subscription) may have no waiter at all, yet must fail
with RequestTimeout at its deadline, whatever else the client is doing: connecting, logging
on, or re-signing a queue. So those deadlines live here, in one heap served by one named
daemon thread per client, started with the first such request.

Entries are not removed when their request completes early (that would cost a search on the
response path). The I/O thread only counts completions (`finished`); once half the heap is
dead, this thread rebuilds it without them, so a completed request (and the result its
Future holds) leaves within a bounded number of completions, not at its deadline.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from .request import Pending

log = logging.getLogger("binance_wsapi")

__all__ = ["LONGEST_WAIT", "DeadlineTimer"]

# Below this many dead entries the heap is left alone: rebuilding it would cost more.
_MIN_COMPACTION = 64
# The longest single wait of a library thread (threading.TIMEOUT_MAX is the limit): a
# far-off wake-up (a ban of days, a hostile retryAfter) must not overflow it. It then looks again.
LONGEST_WAIT = 3600.0


class DeadlineTimer:
    """Calls ``expire(pending)`` for each added request still pending at its deadline."""

    def __init__(self, name: str, expire: Callable[[Pending], object]) -> None:
        self.name = name
        self._expire = expire
        self._cond = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, Pending]] = []
        self._seq = itertools.count()
        self._thread: Optional[threading.Thread] = None
        self._closed = False
        # The deadline the thread sleeps until; inf while it is awake.
        self._wake_at = float("inf")
        #: Added requests completed since the last rebuild (their entries are dead).
        self.finished = 0

    @property
    def thread(self) -> Optional[threading.Thread]:
        return self._thread

    def __len__(self) -> int:
        return len(self._heap)

    def add(self, pending: Pending) -> None:
        """Fail `pending` at its deadline unless it completes first."""
        deadline = pending.deadline
        assert deadline is not None
        with self._cond:
            if self._closed:
                return
            pending.timer = self
            heapq.heappush(self._heap, (deadline, next(self._seq), pending))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
            elif deadline < self._wake_at:
                self._cond.notify()

    def note_finished(self) -> None:
        """An added request completed (any thread; no lock on the common path)."""
        self.finished += 1  # a lost increment under a race only delays a rebuild
        if self._due_for_compaction():
            with self._cond:
                self._cond.notify()

    def _due_for_compaction(self) -> bool:
        # Half the heap dead, at least: rebuilding costs one pass over it, paid for by as many
        # completions, and what is kept stays within twice what is live.
        finished = self.finished
        return finished >= _MIN_COMPACTION and finished * 2 >= len(self._heap)

    def close(self, timeout: Optional[float]) -> bool:
        """Stop the thread (what is still pending is the closer's to fail); True if it ended."""
        with self._cond:
            self._closed = True
            self._heap = []
            self._cond.notify()
            thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                heap = self._heap
                if self._due_for_compaction():
                    self._compact()
                    heap = self._heap
                now = time.monotonic()
                due = []
                while heap and heap[0][0] <= now:
                    due.append(heapq.heappop(heap)[2])
                if due:
                    self._cond.release()
                    try:
                        for pending in due:
                            if not pending.done():
                                try:
                                    self._expire(pending)
                                except Exception:  # one bad entry must not stop every later deadline
                                    log.exception("%s: failing a request at its deadline raised", self.name)
                    finally:
                        self._cond.acquire()
                    continue
                wake = heap[0][0] if heap else float("inf")
                self._wake_at = wake
                self._cond.wait(None if not heap else min(wake - now, LONGEST_WAIT))
                self._wake_at = float("inf")

    def _compact(self) -> None:
        """Drop completed entries (lock held)."""
        live = [entry for entry in self._heap if not entry[2].done()]
        heapq.heapify(live)
        self._heap = live
        self.finished = 0
