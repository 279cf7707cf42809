"""The ClockKeeper alone: when the clock is re-measured, and the -1021 refusals it keeps."""

from __future__ import annotations

from typing import Optional

from binance_wsapi.clock import _CLOCK_RETRY, ClockKeeper
from binance_wsapi.request import Pending
from binance_wsapi.exceptions import APIError, ConnectionLost

INF = float("inf")


def _request(request_id: int = 1, *, stamped: bool = True) -> Pending:
    pending = Pending(request_id, "account.status", b"{}", None, None, False, {}, None)
    if stamped:
        pending.stamped_at = 1000.0
    return pending


def _stale(request_id: int = 1) -> APIError:
    return APIError(400, -1021, "Timestamp for this request is outside of the recvWindow.", request_id=request_id)


def _poll(clock: ClockKeeper, now: float, connected: bool = True) -> tuple[bool, float]:
    return clock.poll(now, keeps_clock=True, connected=connected)


def _measure(clock: ClockKeeper, now: float, error: Optional[BaseException] = None) -> None:
    assert _poll(clock, now) == (True, INF)
    clock.measured(error, now, 12.5)


def test_a_measurement_is_due_at_the_interval() -> None:
    """After connecting, the next measurement starts once the interval has passed, not before."""
    clock = ClockKeeper("test", 60.0)
    clock.connected(100.0)
    assert _poll(clock, 159.9) == (False, 160.0)
    assert _poll(clock, 160.0) == (True, INF)
    assert _poll(clock, 500.0) == (False, INF)  # one in flight: never two at once
    clock.measured(None, 161.0, 12.5)
    assert _poll(clock, 161.0) == (False, 221.0)


def test_no_measurement_without_a_clock_or_a_connection() -> None:
    """A client that stamps nothing, or has no connection, starts no measurement."""
    clock = ClockKeeper("test", 60.0)
    clock.connected(100.0)
    assert clock.poll(200.0, keeps_clock=False, connected=True) == (False, 160.0)
    assert _poll(clock, 200.0, connected=False) == (False, INF)
    assert not clock.probe_out


def test_a_failed_measurement_retries_after_the_retry_delay() -> None:
    """A failed measurement is tried again after _CLOCK_RETRY rather than a whole interval."""
    clock = ClockKeeper("test", 60.0)
    clock.connected(100.0)
    _measure(clock, 160.0, ConnectionLost("gone"))
    assert _poll(clock, 160.0) == (False, 160.0 + _CLOCK_RETRY)
    assert _poll(clock, 160.0 + _CLOCK_RETRY) == (True, INF)


def test_a_failed_measurement_without_an_interval_still_retries() -> None:
    """With no periodic interval, a failed measurement is still retried after _CLOCK_RETRY."""
    clock = ClockKeeper("test", None)
    clock.connected(100.0)
    assert _poll(clock, 1e9) == (False, INF)
    clock.keep(_request(), _stale())
    _measure(clock, 100.0, ConnectionLost("gone"))
    assert _poll(clock, 100.0) == (False, 100.0 + _CLOCK_RETRY)


def test_a_stale_request_is_kept_once_and_released_after_the_next_measurement() -> None:
    """A -1021 request is kept, asks for a measurement at once, and is released when it ends."""
    clock = ClockKeeper("test", 60.0)
    clock.connected(100.0)
    pending, error = _request(), _stale()
    pending.conn = object()  # type: ignore[assignment]
    assert clock.keep(pending, error)
    assert pending.conn is None  # no longer in flight anywhere
    assert clock.take_remeasured() is None  # not before the measurement ends
    _measure(clock, 101.0)  # long before the interval: the -1021 asks now
    released = clock.take_remeasured()
    assert released is not None
    assert released.waiting == [(pending, error)] and released.error is None
    assert clock.take_remeasured() is None  # handed out once
    assert _poll(clock, 102.0) == (False, 161.0)  # nothing left asking for another


def test_a_failed_measurement_releases_the_stale_requests_with_its_error() -> None:
    """When the measurement fails, the kept requests are released with that error."""
    clock = ClockKeeper("test", 60.0)
    pending, error, failure = _request(), _stale(), ConnectionLost("gone")
    clock.keep(pending, error)
    _measure(clock, 100.0, failure)
    assert clock.take_remeasured() == ([(pending, error)], failure)


def test_a_request_already_resynced_or_presigned_is_not_kept() -> None:
    """A request that already went again, or that the caller signed, is not kept."""
    clock = ClockKeeper("test", 60.0)
    resynced, presigned = _request(1), _request(2, stamped=False)
    resynced.resynced = True
    assert not clock.keep(resynced, _stale(1))
    assert not clock.keep(presigned, _stale(2))
    assert clock.take_all() == []
    clock.connected(100.0)
    assert _poll(clock, 101.0) == (False, 160.0)  # nothing asks for a measurement


def test_take_gives_back_only_a_kept_request() -> None:
    """An expiring request is taken out of the kept ones, and only if it is there."""
    clock = ClockKeeper("test", 60.0)
    first, second = _request(1), _request(2)
    clock.keep(first, _stale(1))
    clock.keep(second, _stale(2))
    assert clock.take(first)
    assert not clock.take(first)
    assert clock.take_all() == [second]


def test_close_or_fork_hands_back_every_kept_request() -> None:
    """take_all returns the requests still waiting and those released but not yet re-sent."""
    clock = ClockKeeper("test", 60.0)
    released, waiting = _request(1), _request(2)
    clock.keep(released, _stale(1))
    _measure(clock, 100.0)
    clock.keep(waiting, _stale(2))
    assert clock.take_all() == [waiting, released]
    assert clock.take_all() == []
    assert clock.take_remeasured() is None
