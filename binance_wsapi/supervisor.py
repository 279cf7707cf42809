"""Keeping one client connected: the supervisor thread and the queue of unsent requests.

The supervisor thread (one per client, started by the first call or `connect()`) opens
connections, logs them on, and makes one of them *active*: the one callers write to. It
reconnects with exponential backoff and jitter when the active connection is lost, replaces
it on `serverShutdown` without failing anything (the old one drains), pings a silent
connection and declares it dead when nothing comes back, and fails `request_future` calls
whose deadline passes. Blocking calls enforce their own deadlines in the caller's thread.

Requests made while no connection is active wait in a FIFO queue, flushed in order onto the
next connection before it is published, so requests from one thread keep their order.
Nothing in the queue has been sent; nothing that was sent is ever put back in it.

None of these threads holds a reference to the `Client`, so an abandoned client is garbage
collected and its finalizer closes all of this down.
"""

from __future__ import annotations

import collections
import heapq
from functools import partial
import itertools
import logging
import threading
import time
from typing import Any, Callable, Deque, Optional

from .callbacks import CallbackDispatcher
from .config import Backoff, Heartbeat, Timeout
from .connection import Connection, Pending, _describe
from .exceptions import BinanceWSAPIError, ClientClosed, ConnectFailed, ConnectionLost, IOThreadDied, RequestTimeout

log = logging.getLogger("binance_wsapi")

__all__ = ["LateResponse", "Supervisor"]

# A connection that stays up this long resets the reconnect backoff.
_STABLE_AFTER = 10.0
_EXPIRED_MEMORY = 2048


class LateResponse:
    """A response that arrived after its request had already timed out."""

    __slots__ = ("request_id", "method", "late_by", "message")

    def __init__(self, request_id: Any, method: str, late_by: float, message: dict[str, Any]) -> None:
        self.request_id = request_id
        self.method = method
        self.late_by = late_by
        self.message = message

    def __repr__(self) -> str:
        return (
            f"LateResponse(request_id={self.request_id!r}, method={self.method!r}, "
            f"late_by={self.late_by:.3f}, status={self.message.get('status')!r})"
        )


Prepare = Callable[[Connection, float], None]


class Supervisor:
    """The connection state of one client, and the thread that maintains it."""

    def __init__(
        self,
        *,
        url: str,
        name: str,
        timeout: Timeout,
        backoff: Backoff,
        heartbeat: Heartbeat,
        max_message_size: int,
        ws_options: dict[str, Any],
        dispatcher: CallbackDispatcher,
        prepare: Optional[Prepare],
        restamp: Optional[Callable[[Pending], None]] = None,
    ) -> None:
        self.url = url
        self.name = name
        self.dispatcher = dispatcher
        self._timeout = timeout
        self._backoff = backoff
        self._heartbeat = heartbeat
        self._max_message_size = max_message_size
        self._ws_options = ws_options
        # Readies each new connection (clock, session logon) before it is published.
        self._prepare = prepare
        # Re-times queued requests once the new connection's clock offset is known.
        self._restamp = restamp
        self._cond = threading.Condition(threading.Lock())
        self._thread: Optional[threading.Thread] = None
        #: The connection callers write to; None while (re)connecting.
        self.active: Optional[Connection] = None
        #: Replaced connections finishing their in-flight requests.
        self._draining: list[Connection] = []
        self._queue: Deque[Pending] = collections.deque()
        # (deadline, seq, pending) for futures; blocking callers watch their own deadline.
        self._deadlines: list[tuple[float, int, Pending]] = []
        self._seq = itertools.count()
        self._wake_at = float("inf")
        self._wanted = False
        self._rotate = False
        self._connected_once = False
        self._retry_at = 0.0
        self._failures = 0
        # Bumped each time a first connection attempt fails, so its waiters can tell.
        self._generation = 0
        self._last_error: Optional[BaseException] = None
        self._closed: Optional[ClientClosed] = None
        self._conn_numbers = itertools.count(1)
        self._handlers: tuple[Callable[[dict[str, Any]], None], ...] = ()
        self._expired: collections.OrderedDict[Any, tuple[str, float]] = collections.OrderedDict()
        self.late_responses: Deque[LateResponse] = collections.deque(maxlen=100)
        #: Latest rateLimits item per (type, interval, intervalNum), as received.
        self.rate_limits: dict[tuple[Any, Any, Any], dict[str, Any]] = {}
        self.reconnects = 0

    # -- state seen by the client ----------------------------------------------------------

    @property
    def closed(self) -> Optional[ClientClosed]:
        """The error later calls raise, once closed (or dead)."""
        return self._closed

    def closed_error(self) -> ClientClosed:
        """A fresh copy of the closing error, so each raise gets its own traceback."""
        closed = self._closed
        assert closed is not None
        copy = type(closed)(str(closed))
        copy.__cause__ = closed.__cause__
        return copy

    @property
    def threads(self) -> list[threading.Thread]:
        """Every thread this client started that may still be alive."""
        conns = [c for c in [self.active, *self._draining] if c is not None]
        found = [self._thread, self.dispatcher.thread, *(c.thread for c in conns)]
        return [t for t in found if t is not None]

    def state(self) -> str:
        if self._closed is not None:
            return "closed"
        if self.active is not None:
            return "connected"
        return "connecting" if self._wanted else "idle"

    # -- callers ---------------------------------------------------------------------------

    def submit(self, pending: Pending) -> None:
        """Send now on the active connection, or queue until one is ready. Never blocks long."""
        conn = self.active
        if conn is not None and conn.send(pending):
            return
        while True:
            with self._cond:
                if self._closed is not None:
                    pending.fail(type(self._closed), f"{pending.method} was not sent: {self._closed}", sent=False)
                    return
                conn = self.active
                if conn is None or conn.dead:
                    self._queue.append(pending)
                    self._want()
                    return
            if conn.send(pending):
                return

    def track_deadline(self, pending: Pending) -> None:
        """Have the supervisor fail `pending` at its deadline (for futures nobody waits on)."""
        deadline = pending.deadline
        assert deadline is not None
        with self._cond:
            heapq.heappush(self._deadlines, (deadline, next(self._seq), pending))
            if deadline < self._wake_at:
                self._want_thread()
                self._cond.notify_all()

    def expire(self, pending: Pending, timeout: Optional[float]) -> bool:
        """Take back a request whose deadline passed and fail it with RequestTimeout.

        False if it was already completed (or is being completed) by someone else.
        """
        sent = True
        if pending.conn is None:
            with self._cond:
                if pending in self._queue:  # identity scan; queues are short
                    self._queue.remove(pending)
                    sent = False
        if sent:
            conn = pending.conn
            if conn is None or conn.inflight.pop(pending.id, None) is None:
                return False
            self._remember_expired(pending)
        waited = f" after {timeout:g} s" if timeout is not None else ""
        if sent:
            message = f"{pending.method} timed out{waited} waiting for its response (id={pending.id})"
        else:
            last = f"; last connection error: {_describe(self._last_error)}" if self._last_error else ""
            message = f"{pending.method} timed out{waited} waiting for a connection; it was not sent{last}"
        pending.fail(RequestTimeout, message, sent=sent)
        return True

    def wait_connected(self, timeout: float) -> None:
        """Block until a connection is active; ConnectFailed if the first attempt fails."""
        deadline = time.monotonic() + timeout
        with self._cond:
            generation = self._generation
            self._want()
            while self.active is None:
                if self._closed is not None:
                    raise self.closed_error()
                if self._generation != generation:
                    cause = self._last_error
                    reason = _describe(cause) if cause is not None else "unknown error"
                    raise ConnectFailed(f"could not connect: {reason}") from cause
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    last = f"; last error: {_describe(self._last_error)}" if self._last_error else ""
                    raise ConnectFailed(f"not connected to {self.url} within {timeout:g} s{last}")
                self._cond.wait(remaining)

    def add_handler(self, handler: Callable[[dict[str, Any]], None]) -> None:
        with self._cond:
            self._handlers = (*self._handlers, handler)

    def remove_handler(self, handler: Callable[[dict[str, Any]], None]) -> None:
        with self._cond:
            handlers = list(self._handlers)
            handlers.remove(handler)
            self._handlers = tuple(handlers)

    # -- closing ---------------------------------------------------------------------------

    def close(self, timeout: float, reason: Optional[ClientClosed] = None) -> bool:
        """Fail everything pending, hang up, and join the threads (never the current one).

        Idempotent. True if every thread this client started has ended.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            first = self._closed is None
            if first:
                self._closed = reason or ClientClosed("the client was closed; a closed client cannot reopen: create a new Client")
            queued = list(self._queue)
            self._queue.clear()
            conns = [c for c in [self.active, *self._draining] if c is not None]
            self.active = None
            self._draining.clear()
            self._cond.notify_all()
        closed = self._closed
        assert closed is not None
        why = str(closed)
        cause = type(closed)
        for pending in queued:
            pending.fail(cause, f"{pending.method} was not sent: {why}", sent=False)
        for conn in conns:
            conn.close(cause, f"{why} while the request was in flight", 1000, "client closed")
        if first:
            log.debug("%s closed: %s", self.name, why)
        current = threading.current_thread()
        threads = [t for t in [self._thread, *(c.thread for c in conns)] if t is not None]
        for thread in threads:
            if thread is not current:
                thread.join(max(0.0, deadline - time.monotonic()))
        dispatcher_done = self.dispatcher.close(max(0.0, deadline - time.monotonic()))
        alive = [t.name for t in threads if t is not current and t.is_alive()]
        if alive or not dispatcher_done:
            log.warning("%s: threads still running after close(timeout=%g): %s", self.name, timeout, alive)
        return not alive and dispatcher_done

    def _die(self, exc: BaseException) -> None:
        """A library thread failed: record why, wake every waiter with it, refuse later calls."""
        log.critical("%s: a library thread died; the client is closed", self.name, exc_info=exc)
        error = IOThreadDied(f"{threading.current_thread().name} died: {_describe(exc)}")
        error.__cause__ = exc
        self.close(self._timeout.close, error)  # close() never joins the thread it runs on

    # -- callbacks from connections' I/O threads -------------------------------------------

    def _on_event(self, conn: Connection, msg: dict[str, Any]) -> None:
        event = msg.get("event")
        if isinstance(event, dict) and event.get("e") == "serverShutdown":
            log.warning("%s: serverShutdown on %s; moving to a new connection", self.name, conn.name)
            with self._cond:
                if conn is self.active:
                    self._rotate = True
                    self._cond.notify_all()
        handlers = self._handlers
        if handlers:
            self.dispatcher.submit(_deliver, handlers, msg)
        else:
            log.debug("%s: event with no handler: %.200r", self.name, msg)

    def _on_rate_limits(self, items: list[Any]) -> None:
        table = self.rate_limits
        for item in items:
            if isinstance(item, dict):
                table[(item.get("rateLimitType"), item.get("interval"), item.get("intervalNum"))] = item

    def _on_unmatched(self, conn: Connection, msg: dict[str, Any]) -> None:
        request_id = msg.get("id")
        status = msg.get("status")
        error = msg.get("error") or {}
        expired = self._expired.pop(request_id, None) if isinstance(request_id, (int, str)) else None
        if expired is not None:
            method, at = expired
            late = LateResponse(request_id, method, time.monotonic() - at, msg)
            self.late_responses.append(late)
            log.warning(
                "%s: late response to %s (id=%s), %.3f s after it timed out: status %s%s",
                self.name,
                method,
                request_id,
                late.late_by,
                status,
                f", code {error.get('code')}: {error.get('msg')}" if isinstance(error, dict) and error else "",
            )
        elif request_id is None:
            log.error("%s: server message not tied to a request on %s: %.300r", self.name, conn.name, msg)
        else:
            log.warning("%s: response with unknown id %r on %s ignored: %.300r", self.name, request_id, conn.name, msg)

    def _remember_expired(self, pending: Pending) -> None:
        expired = self._expired
        expired[pending.id] = (pending.method, time.monotonic())
        while len(expired) > _EXPIRED_MEMORY:
            expired.popitem(last=False)

    def _on_lost(self, conn: Connection, reason: BaseException) -> None:
        with self._cond:
            if conn in self._draining:
                self._draining.remove(conn)
                return
            if conn is not self.active:
                return
            self.active = None
            if time.monotonic() - conn.connected_at >= _STABLE_AFTER:
                self._failures = 0
            self._retry_at = time.monotonic() + self._backoff.delay(self._failures)
            self._failures += 1
            self._cond.notify_all()
        log.warning("%s: connection %s lost (%s); reconnecting", self.name, conn.name, _describe(reason))

    # -- the supervisor thread -------------------------------------------------------------

    def _want(self) -> None:
        """Ask for a connection (call with the lock held)."""
        if not self._wanted:
            self._wanted = True
            self._retry_at = 0.0
        self._want_thread()
        self._cond.notify_all()

    def _want_thread(self) -> None:
        if self._thread is None and self._closed is None:
            self._thread = threading.Thread(target=self._run, name=f"{self.name}-supervisor", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            while self._wait_for_work():
                self._connect()
        except BaseException as exc:
            self._die(exc)

    def _wait_for_work(self) -> bool:
        """Sleep until a connection should be opened (True) or the client is closed (False)."""
        with self._cond:
            while True:
                if self._closed is not None:
                    return False
                now = time.monotonic()
                self._expire_due(now)
                wake = self._check_heartbeats(now)
                if self._wanted and (self.active is None or self._rotate):
                    if now >= self._retry_at:
                        return True
                    wake = min(wake, self._retry_at)
                if self._deadlines:
                    wake = min(wake, self._deadlines[0][0])
                self._wake_at = wake
                self._cond.wait(None if wake == float("inf") else max(0.0, wake - now))
                self._wake_at = float("inf")

    def _expire_due(self, now: float) -> None:
        deadlines = self._deadlines
        due = []
        while deadlines and deadlines[0][0] <= now:
            due.append(heapq.heappop(deadlines)[2])
        if not due:
            return
        # expire() takes the lock for queued requests: release it meanwhile.
        self._cond.release()
        try:
            for pending in due:
                if not pending.done():
                    self.expire(pending, pending.timeout)
        finally:
            self._cond.acquire()

    def _check_heartbeats(self, now: float) -> float:
        """Ping silent connections, kill unresponsive ones, close drained ones; next check time.

        Decides with the lock held, acts on the sockets without it: a stuck socket must not
        hold up callers or I/O threads waiting for the lock.
        """
        beat = self._heartbeat
        wake = float("inf")
        actions: list[Callable[[], None]] = []
        for conn in [c for c in [self.active, *self._draining] if c is not None]:
            if conn.dead:
                continue
            if conn.draining and not conn.inflight:
                self._draining.remove(conn)
                actions.append(partial(conn.close, ConnectionLost, "connection rotated", 1000, "rotated"))
                continue
            if conn.ping_sent_at is not None and conn.last_rx >= conn.ping_sent_at:
                conn.ping_sent_at = None
            if conn.ping_sent_at is None:
                if now - conn.last_rx >= beat.idle:
                    conn.ping_sent_at = now
                    actions.append(conn.send_ping)
                    wake = min(wake, now + beat.timeout)
                else:
                    wake = min(wake, conn.last_rx + beat.idle)
            elif now - conn.ping_sent_at >= beat.timeout:
                silence = ConnectionLost(
                    f"no frame from the server for {now - conn.last_rx:.1f} s, including {beat.timeout:g} s after a ping"
                )
                actions.append(partial(conn.abort, silence))
            else:
                wake = min(wake, conn.ping_sent_at + beat.timeout)
        if actions:
            self._cond.release()
            try:
                for action in actions:
                    action()
            finally:
                self._cond.acquire()
        return wake

    def _connect(self) -> None:
        conn = Connection(
            self.url,
            name=f"{self.name}-io-{next(self._conn_numbers)}",
            max_message_size=self._max_message_size,
            ws_options=self._ws_options,
            on_event=self._on_event,
            on_rate_limits=self._on_rate_limits,
            on_unmatched=self._on_unmatched,
            on_lost=self._on_lost,
            on_died=self._die,
        )
        try:
            started = time.monotonic()
            conn.open(self._timeout.connect, self._heartbeat.timeout)
            if self._prepare is not None:
                self._prepare(conn, max(0.0, self._timeout.connect - (time.monotonic() - started)))
        except BinanceWSAPIError as exc:
            conn.close(ConnectionLost, "connection attempt failed")
            if not isinstance(exc, ConnectFailed):
                wrapped = ConnectFailed(f"a new connection failed: {exc}")
                wrapped.__cause__ = exc
                exc = wrapped
            self._connect_failed(exc)
            return
        with self._cond:
            if self._closed is not None:
                conn.close(ClientClosed, "client closed")
                return
            self._flush(conn)
            if conn.dead:  # lost while flushing: what was not sent is back in the queue
                self._retry_at = time.monotonic() + self._backoff.delay(self._failures)
                self._failures += 1
                return
            old, self.active = self.active, conn
            rotated = self._rotate and old is not None
            self._rotate = False
            if self._connected_once and not rotated:
                self.reconnects += 1
            self._connected_once = True
            self._last_error = None
            if old is not None and not old.dead:
                old.draining = True
                self._draining.append(old)
            self._cond.notify_all()
        log.info("%s: %s %s", self.name, "rotated to" if rotated else "connected", conn.name)

    def _flush(self, conn: Connection) -> None:
        """Send the queued requests in order (lock held, connection not yet public)."""
        queue = self._queue
        now = time.monotonic()
        while queue:
            pending = queue.popleft()
            if pending.done():
                continue
            if pending.deadline is not None and pending.deadline <= now:
                queue.appendleft(pending)
                self._cond.release()
                try:
                    self.expire(pending, pending.timeout)
                finally:
                    self._cond.acquire()
                continue
            if self._restamp is not None:
                self._restamp(pending)
            if not conn.send(pending):
                queue.appendleft(pending)
                return

    def _connect_failed(self, exc: ConnectFailed) -> None:
        with self._cond:
            self._last_error = exc
            if self._connected_once:
                delay = self._backoff.delay(self._failures)
                self._failures += 1
                self._retry_at = time.monotonic() + delay
                log.warning("%s: reconnect failed (%s); retrying in %.2f s", self.name, _describe(exc), delay)
                return
            # The very first connection fails fast: retrying a wrong URL or a rejected key until
            # every deadline passes would only hide the reason.
            self._wanted = False
            self._generation += 1
            queued = list(self._queue)
            self._queue.clear()
            self._cond.notify_all()
        log.warning("%s: could not connect: %s", self.name, _describe(exc))
        for pending in queued:
            error = ConnectFailed(str(exc), method=pending.method)
            error.__cause__ = exc.__cause__ or exc
            pending.set_exception(error)


def _deliver(handlers: tuple[Callable[[dict[str, Any]], None], ...], msg: dict[str, Any]) -> None:
    for handler in handlers:
        try:
            handler(msg)
        except Exception:
            log.exception("event handler %s raised", getattr(handler, "__qualname__", handler))
