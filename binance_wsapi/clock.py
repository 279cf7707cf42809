"""Keeping the server clock: when to re-measure it, and the requests waiting for it.

A client that timestamps requests measures the offset between its clock and the server's
on every connection (`RequestBuilder.prepare`). The `ClockKeeper` decides when to measure
it again on the active connection: every `clock_sync_interval` seconds, sooner after a
failed measurement, and at once when a request was refused with -1021 (its timestamp was
outside the server's window). Such a request is *kept* here, unsent, until that measurement
ends; it then goes again once, re-stamped, or fails with its -1021 if no fresh clock could
be had.

Locking: the keeper has no lock of its own. Its state belongs to the `Supervisor` and is
guarded by the supervisor's lock; every method marked "(lock held)" is called with that lock
held. So the keeper never takes a lock, never waits, and never touches a socket or
completes a request: it says what is to be done (start a measurement, re-send a batch, look
again at a time), and the supervisor does it with its lock released.
"""

from __future__ import annotations

import logging
from typing import NamedTuple, Optional

from .exceptions import describe as _describe
from .request import Pending
from .exceptions import APIError

log = logging.getLogger("binance_wsapi")

__all__ = ["ClockKeeper", "Remeasured"]

# After a failed clock measurement, try again this soon (seconds) rather than a full interval.
_CLOCK_RETRY = 5.0


class Remeasured(NamedTuple):
    """Requests refused with -1021, released by the measurement that ended with `error`.

    With `error` None each goes again, re-stamped; otherwise its own refusal stands.
    """

    waiting: list[tuple[Pending, APIError]]
    error: Optional[BaseException]


class ClockKeeper:
    """When the server clock is next measured, and the -1021 refusals waiting for it."""

    def __init__(self, name: str, interval: Optional[float]) -> None:
        self.name = name
        #: Seconds between measurements on a connection; None or 0: only when connecting.
        self.interval = interval
        #: Monotonic time the next measurement is due.
        self.next_sync = float("inf")
        #: A measurement is in flight: never two at once, and none is due until it ends.
        self.probe_out = False
        # Kept -1021 refusals waiting for the next measurement, and those it has released
        # that the supervisor has not yet re-sent.
        self._waiting: list[tuple[Pending, APIError]] = []
        self._released: Optional[Remeasured] = None

    def connected(self, now: float) -> None:
        """A connection was just published with a fresh measurement (lock held)."""
        if self.interval:
            self.next_sync = now + self.interval

    def poll(self, now: float, *, keeps_clock: bool, connected: bool) -> tuple[bool, float]:
        """Whether to start a measurement now, and when to look again (lock held).

        When it says start, the measurement counts as in flight from here on: the caller
        must send a probe, and call `measured` when it ends however it ends.
        """
        if not keeps_clock or not connected or self.probe_out:
            return False, float("inf") if self.probe_out or not connected else self.next_sync
        if not self._waiting and now < self.next_sync:
            return False, self.next_sync
        self.probe_out = True
        return True, float("inf")

    def measured(self, error: Optional[BaseException], now: float, offset_ms: float) -> None:
        """A measurement ended, with `error` or with the new `offset_ms` (lock held)."""
        self.probe_out = False
        interval = self.interval
        if error is None:
            log.debug("%s: clock offset %.1f ms", self.name, offset_ms)
            self.next_sync = now + interval if interval else float("inf")
        else:
            log.warning("%s: could not measure the server clock: %s", self.name, _describe(error))
            self.next_sync = now + min(interval or _CLOCK_RETRY, _CLOCK_RETRY)
        if self._waiting:
            self._released, self._waiting = Remeasured(self._waiting, error), []

    @property
    def holding(self) -> bool:
        """Requests refused with -1021 wait for a measurement, which needs a connection."""
        return bool(self._waiting)

    def keep(self, pending: Pending, error: APIError) -> bool:
        """Keep a request refused with -1021 until the next measurement (lock held).

        False if it may not go again: it already did once, or the caller signed it (we
        cannot re-stamp what we did not stamp).
        """
        if pending.resynced or pending.stamped_at is None:
            return False
        pending.conn = None  # not in flight any more: expire() finds it here instead
        self._waiting.append((pending, error))
        return True

    def take(self, pending: Pending) -> bool:
        """Give `pending` back if it is kept waiting for a measurement (lock held)."""
        for i, (kept, _) in enumerate(self._waiting):  # identity scan; the list is short
            if kept is pending:
                del self._waiting[i]
                return True
        return False

    def take_remeasured(self) -> Optional[Remeasured]:
        """The batch a measurement released, for the caller to re-send; once (lock held)."""
        released, self._released = self._released, None
        return released

    def take_all(self) -> list[Pending]:
        """Give back every kept request, released or not, none of them sent (lock held)."""
        kept = [p for p, _ in self._waiting]
        if self._released is not None:  # re-measured, not yet re-sent
            kept += [p for p, _ in self._released.waiting]
        self._waiting, self._released = [], None
        return kept
