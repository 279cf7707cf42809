"""One request on its way, from the thread that built it to whoever completes it.

A `Pending` is what the in-flight registry holds (see protocol.py), what the queues of the
runtime hold while no connection is ready, and what a blocking caller waits on. It knows
nothing of sockets: a connection it was sent on (`conn`) may let its waiting owner read the
answer itself (`Connection.wait_for`).
"""

from __future__ import annotations

import time
from _thread import allocate_lock as _allocate_lock
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional, Union

from .exceptions import (
    SPOT_ERROR_CODES,
    APIError,
    BinanceWSAPIError,
    ExecutionStatusUnknown,
    RequestTimeout,
    status_unknown,
)

if TYPE_CHECKING:
    from .callbacks import RequestFuture
    from .connection import Connection
    from .deadlines import DeadlineTimer
    from .ratelimit import RateGovernor
    from .stats import StatsRecorder

__all__ = ["Pending", "RequestId"]

RequestId = Union[int, str]


class Pending:
    """One request on its way: what to send, where its answer goes, and what to say if it is lost.

    It completes exactly once, in one of two ways. A blocking caller waits on a bare lock, the
    cheapest hand-off between threads (a `concurrent.futures.Future` costs a Condition, an
    RLock and a fresh lock per wait, all on the round trip's critical path). A
    `request_future` caller gets a `RequestFuture`. Whoever completes a request calls
    `set_result` / `set_exception` and need not know which.
    """

    __slots__ = (
        "id",
        "method",
        "frame",
        "future",
        "deadline",
        "state_changing",
        "params",
        "client_order_id",
        "sent_at",
        "conn",
        "unwrap",
        "started",
        "timeout",
        "stamped_at",
        "offset_ms",
        "outcome",
        "failed",
        "weight",
        "orders",
        "admitted",
        "position",
        "stats",
        "resynced",
        "signed_with",
        "timer",
        "waiting",
        "following",
        "lead",
        "on_unknown",
        "error_codes",
        "_lock",
        "_done",
    )

    def __init__(
        self,
        id: RequestId,
        method: str,
        frame: bytes,
        future: Optional[RequestFuture[Any]],
        timeout: Optional[float],
        state_changing: bool,
        params: Mapping[str, Any],
        client_order_id: Optional[str],
        unwrap: bool = False,
    ) -> None:
        self.id = id
        self.method = method
        self.frame = frame
        self.future = future
        #: Seconds the caller allowed (None: forever) and the monotonic deadline they give.
        self.timeout = timeout
        self.deadline = None if timeout is None else time.monotonic() + timeout
        self.state_changing = state_changing
        self.params = params
        self.client_order_id = client_order_id
        self.sent_at = 0.0
        self.conn: Optional[Connection] = None
        #: Complete with the response's `result` instead of the whole Response.
        self.unwrap = unwrap
        #: start() was called: from here on a future cannot be cancelled.
        self.started = False
        #: For blocking callers: the result, or the exception when `failed`.
        self.outcome: Any = None
        self.failed = False
        self._done = False
        if future is None:
            self._lock = _allocate_lock()
            self._lock.acquire()
        #: For requests the client timestamped: the local call time and the clock offset used.
        self.stamped_at: Optional[float] = None
        self.offset_ms = 0.0
        #: Request weight and unfilled-order-count charge, for the rate-limit governor.
        self.weight = 1
        self.orders = 0
        #: The rate-limit governor that reserved this request's cost, and the request's place
        #: in the order of writes (running totals of weight and orders) once written.
        self.admitted: Optional[RateGovernor] = None
        self.position: Optional[tuple[int, int]] = None
        self.stats: Optional[StatsRecorder] = None
        #: Already re-sent once after a -1021 and a clock resync.
        self.resynced = False
        #: The builder that signed it, when not the client's own (another account's key).
        self.signed_with: Any = None
        #: The DeadlineTimer enforcing its deadline, if one does (futures nobody waits on).
        self.timer: Optional[DeadlineTimer] = None
        #: A caller's blocking request: it waits for it at once, and may read the answer
        #: itself (Connection.wait_for). Otherwise a connection sending it makes sure that
        #: someone reads (the library's own requests never make the I/O thread step aside).
        self.lead = False
        #: Its owner is in wait(), reading or not (see Connection.send).
        self.waiting = False
        #: Its owner found another thread reading and waits for a hand-off (wait_for).
        self.following = False
        #: For a future's request that may have changed state: told of an ExecutionStatusUnknown
        #: before the future completes (a blocking caller's _wait records its own).
        self.on_unknown: Optional[Callable[[ExecutionStatusUnknown], None]] = None
        #: The API's error-code table, that its error answers are mapped with.
        self.error_codes: Mapping[int, type[APIError]] = SPOT_ERROR_CODES

    def fail(self, cause: type[BinanceWSAPIError], message: str, *, sent: bool) -> None:
        """Complete with `cause`, as ExecutionStatusUnknown too if it may have executed."""
        exc: BinanceWSAPIError
        if sent and self.state_changing:
            exc = status_unknown(
                cause,
                message,
                params=self.params,
                client_order_id=self.client_order_id,
                method=self.method,
                request_id=self.id,
            )
        else:
            exc = cause(message, method=self.method, request_id=self.id)
        if isinstance(exc, RequestTimeout):
            exc.sent = sent
        self.set_exception(exc)

    def start(self) -> bool:
        """Called before the first write; False if its owner cancelled the future meanwhile."""
        if self.started:
            return True
        self.started = True
        if self.future is None or self.future.set_running_or_notify_cancel():
            return True
        self._release_reservation()  # never to be written
        return False

    def _release_reservation(self) -> None:
        """Give back the rate-limit cost reserved for it, unless it was written."""
        if self.admitted is not None and self.position is None:
            self.admitted.write_off(self)

    def written(self) -> None:
        """Called as it is queued for the socket, in the order of writes (under the write lock)."""
        if self.admitted is not None:
            self.admitted.written(self)

    def set_result(self, value: Any) -> None:
        if self._done:
            return
        self._done = True
        if self.timer is not None:
            self.timer.note_finished()
        if self.future is not None:
            self.future.set_result(value)
        else:
            self.outcome = value
            self._lock.release()

    def set_exception(self, exc: BaseException) -> None:
        if self._done:
            return
        self._done = True
        if self.timer is not None:
            self.timer.note_finished()
        if self.stats is not None:
            self.stats.failed(exc)
        self._release_reservation()  # a no-op if it failed after it was written
        if self.future is not None:
            if self.on_unknown is not None and isinstance(exc, ExecutionStatusUnknown):
                self.on_unknown(exc)
            try:
                self.future.set_exception(exc)
            except Exception:  # InvalidStateError: cancelled by its owner while it was queued
                pass
        else:
            self.outcome = exc
            self.failed = True
            self._lock.release()

    def done(self) -> bool:
        return self._done or (self.future is not None and self.future.done())

    def wait(self, timeout: Optional[float]) -> bool:
        """Block until completed (blocking callers only); False if `timeout` passed first.

        Where the request is in flight, the waiting thread may read the answer itself
        (`Connection.wait_for`).
        """
        self.waiting = True  # before looking at conn: see Connection.send
        conn = self.conn
        if conn is not None and self.lead and not self._done:
            return conn.wait_for(self, timeout)
        return self.wait_completed(timeout)

    def wait_completed(self, timeout: Optional[float]) -> bool:
        """Block until someone else completes it; False if `timeout` passed first."""
        return self._lock.acquire(True, -1 if timeout is None else max(0.0, timeout))

    def result(self) -> Any:
        """The outcome of a completed blocking request: its value, or raise its exception."""
        if self.failed:
            raise self.outcome
        return self.outcome
