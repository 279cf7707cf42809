"""Counters of one client's traffic, and the `ClientStats` snapshot `client.stats` returns.

The hot counters are kept where they are already single-writer, so counting costs no lock:
each connection counts the requests it wrote (under its write lock) and the responses its
I/O thread read. A connection's counts move into the totals here when its thread ends.
Failures are rare, so they take a lock.
"""

from __future__ import annotations

import collections
import threading
from typing import TYPE_CHECKING, Mapping, Optional

from attrs import field, frozen

if TYPE_CHECKING:
    from .connection import Connection

__all__ = ["ClientStats", "StatsRecorder"]

_LATENCY_SAMPLES = 1024


@frozen
class ClientStats:
    """A snapshot of one client's traffic since it was created.

    `requests`: requests written to a connection. `responses`: answers received (success or
    error). `errors`: requests that ended in an exception of any kind, by class name in
    `errors_by_type`. `reconnects`: connections replaced after a loss; `rotations`:
    planned replacements (lifetime, serverShutdown). Latencies are seconds from write to
    answer over the last 1024 responses, `None` before the first.
    """

    requests: int
    responses: int
    errors: int
    errors_by_type: Mapping[str, int] = field(repr=False)
    reconnects: int
    rotations: int
    late_responses: int
    dropped_callbacks: int
    latency_p50: Optional[float]
    latency_p90: Optional[float]
    latency_p99: Optional[float]
    latency_max: Optional[float]


class StatsRecorder:
    """The mutable counters behind `ClientStats`, shared by a client's threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: Write-to-answer seconds, appended by I/O threads (deque.append is atomic).
        self.latencies: collections.deque[float] = collections.deque(maxlen=_LATENCY_SAMPLES)
        self.errors: collections.Counter[str] = collections.Counter()
        self.reconnects = 0
        self.rotations = 0
        self.late_responses = 0
        self._live: set[Connection] = set()
        self._retired_requests = 0
        self._retired_responses = 0

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            self.errors[type(exc).__name__] += 1

    def after_fork_in_child(self) -> None:
        """A fresh lock: the parent's may have been held at the fork by a thread not copied here."""
        self._lock = threading.Lock()

    def attach(self, conn: Connection) -> None:
        """Count `conn`'s traffic from now on."""
        with self._lock:
            self._live.add(conn)

    def retire(self, conn: Connection) -> None:
        """Fold a finished connection's counts into the totals (its I/O thread has ended)."""
        with self._lock:
            if conn in self._live:
                self._live.remove(conn)
                self._retired_requests += conn.requests_sent
                self._retired_responses += conn.responses_received

    def snapshot(self, dropped_callbacks: int) -> ClientStats:
        with self._lock:
            requests = self._retired_requests + sum(c.requests_sent for c in self._live)
            responses = self._retired_responses + sum(c.responses_received for c in self._live)
            errors = dict(self.errors)
        samples = sorted(list(self.latencies))  # list() of a deque is one C call: no torn read
        return ClientStats(
            requests=requests,
            responses=responses,
            errors=sum(errors.values()),
            errors_by_type=errors,
            reconnects=self.reconnects,
            rotations=self.rotations,
            late_responses=self.late_responses,
            dropped_callbacks=dropped_callbacks,
            latency_p50=_percentile(samples, 0.50),
            latency_p90=_percentile(samples, 0.90),
            latency_p99=_percentile(samples, 0.99),
            latency_max=samples[-1] if samples else None,
        )


def _percentile(samples: list[float], q: float) -> Optional[float]:
    """The nearest-rank percentile of sorted `samples`."""
    if not samples:
        return None
    return samples[min(len(samples) - 1, int(q * len(samples)))]
