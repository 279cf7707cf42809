"""Keeping one client connected and correct: the supervisor thread and its queues.

This is the runtime: it sits between the `Client` facade above and, below it, one module
per concern that does no waiting of its own: `connection` (a socket and its I/O thread),
`builder` (requests and the handshake's phases), `ratelimit` (the governor and its line of
held requests), `clock` (when to re-measure). Dependencies point down only; nothing below
imports this module.

The supervisor thread (one per client, started by the first call or `connect()`) opens
connections, measures the clock and logs them on, and makes one of them *active*: the one
callers write to. It reconnects with exponential backoff and jitter when the active
connection is lost; it replaces the connection, without failing anything, on
`serverShutdown` and when it reaches its configured lifetime (the old one drains); it pings
a silent connection and declares it dead when nothing comes back; it re-measures the server
clock periodically and after a -1021; and it fails `request_future` calls whose deadline
passes. Blocking calls enforce their own deadlines in the caller's thread.

A request that is not written at once waits in one of three places, none of which has sent
it: the FIFO *queue* (no connection is ready; flushed in order onto the next one before it
is published, so requests from one thread keep their order), the *held* list (the rate-limit
governor said wait; released in order when the window resets), or the *resync* list (it was
refused with -1021 and goes again, once, after the clock is re-measured; see clock.py).
Nothing that may have executed is ever put back in any of them.

None of these threads holds a reference to the `Client`, so an abandoned client is garbage
collected and its finalizer closes all of this down.

Fork: a child process inherits the parent's sockets, but they stay the parent's. In the
child every inherited client is marked closed ("create a new Client after fork") without
touching a socket, so neither a call in the child nor the child's exit-time cleanup can
write on, read from or close the parent's connection.
"""

from __future__ import annotations

import collections
import itertools
import logging
import os
import threading
import time
import weakref
from functools import partial
from typing import Any, Callable, Deque, Mapping, Optional

from .builder import RequestBuilder
from .callbacks import CallbackDispatcher
from .clock import ClockKeeper
from .config import Backoff, Heartbeat, Timeout
from .deadlines import LONGEST_WAIT, DeadlineTimer
from .connection import Connection
from .request import Pending
from .exceptions import (
    APIError,
    BinanceWSAPIError,
    ClientClosed,
    ConnectFailed,
    ConnectionLost,
    IOThreadDied,
    RequestTimeout,
    describe as _describe,
    fresh_copy,
)
from .models import ConnectionEvent
from .ratelimit import HeldRequests, Hold, RateGovernor
from .stats import StatsRecorder
from .userdata import Subscriptions

# Every supervisor alive in this process, for the fork hook.
_LIVE: weakref.WeakSet[Supervisor] = weakref.WeakSet()

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


class Supervisor:
    """The connection state of one client, and the thread that maintains it.

    It is also every connection's `Listener`: the ``on_*`` methods run on I/O threads.
    """

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
        builder: RequestBuilder,
        stats: StatsRecorder,
        on_rate_limit: str = "wait",
        clock_sync_interval: Optional[float] = None,
        max_connection_age: Optional[float] = None,
        stay_connected: bool = False,
    ) -> None:
        self.url = url
        self.name = name
        self.dispatcher = dispatcher
        self.stats = stats
        self.latencies = stats.latencies
        self._timeout = timeout
        self._backoff = backoff
        self._heartbeat = heartbeat
        self._max_message_size = max_message_size
        self._ws_options = ws_options
        self._builder = builder
        # Only a client with credentials timestamps requests, so only it keeps a clock.
        self._timed = builder.signer is not None
        self._wait_for_limits = on_rate_limit == "wait"
        self._max_age = max_connection_age
        # Reconnect when idle too: the handshake is paid before the next call, not during it.
        self._stay_connected = stay_connected
        # A retryAfter or a window's reset has passed only once it has on the server's clock at
        # its earliest: sending on the estimate alone can be a millisecond early, and a 429 again.
        self.governor = RateGovernor(builder.server_ms_earliest, police=on_rate_limit != "off")
        #: The client's user data streams, re-subscribed on every new connection.
        self.subscriptions = Subscriptions()
        #: Streams with connections of their own (futures listenKey streams): ended with the client.
        self.companions: set[Any] = set()
        self._cond = threading.Condition(threading.Lock())
        self._thread: Optional[threading.Thread] = None
        #: The connection callers write to; None while (re)connecting.
        self.active: Optional[Connection] = None
        #: Replaced connections finishing their in-flight requests.
        self._draining: list[Connection] = []
        #: The connection being opened and prepared, not yet active.
        self._opening: Optional[Connection] = None
        self._queue: Deque[Pending] = collections.deque()
        # Requests the governor holds back, in order, until their limit's window resets.
        self._held = HeldRequests()
        # When to re-measure the clock, and the requests refused with -1021 waiting for it.
        self._clock = ClockKeeper(name, clock_sync_interval)
        # Deadlines of futures (and the library's own requests); blocking callers watch theirs.
        self._timer = DeadlineTimer(f"{name}-deadlines", self._expire_pending)
        self._wake_at = float("inf")
        self._poked = False
        self._wanted = False
        self._connect_waiters = 0  # callers blocked in wait_connected
        self._rotate: Optional[str] = None  # why the active connection is to be replaced
        self._connected_once = False
        self._retry_at = 0.0
        self._failures = 0
        # Bumped each time a first connection attempt fails, so its waiters can tell.
        self._generation = 0
        self._last_error: Optional[BaseException] = None
        self._closed: Optional[ClientClosed] = None
        self._conn_numbers = itertools.count(1)
        self._handlers: tuple[Callable[[dict[str, Any]], None], ...] = ()
        self._connection_handlers: tuple[Callable[[ConnectionEvent], None], ...] = ()
        self._expired: collections.OrderedDict[Any, tuple[str, float]] = collections.OrderedDict()
        self.late_responses: Deque[LateResponse] = collections.deque(maxlen=100)
        self._pid = os.getpid()
        _LIVE.add(self)

    # -- state seen by the client ----------------------------------------------------------

    @property
    def builder(self) -> RequestBuilder:
        return self._builder

    @property
    def close_timeout(self) -> float:
        return self._timeout.close

    @property
    def request_timeout(self) -> Optional[float]:
        return self._timeout.request

    @property
    def connect_timeout(self) -> float:
        return self._timeout.connect

    # What a companion's own connection is opened with: the client's settings.
    @property
    def heartbeat(self) -> Heartbeat:
        return self._heartbeat

    @property
    def backoff(self) -> Backoff:
        return self._backoff

    @property
    def max_message_size(self) -> int:
        return self._max_message_size

    @property
    def ws_options(self) -> dict[str, Any]:
        return self._ws_options

    def _keeps_clock(self) -> bool:
        """Requests get timestamps: the client has credentials, or streams other accounts."""
        return self._timed or bool(self.subscriptions.streams)

    @property
    def closed(self) -> Optional[ClientClosed]:
        """The error later calls raise, once closed (or dead)."""
        return self._closed

    def closed_error(self) -> ClientClosed:
        """A fresh copy of the closing error, so each raise gets its own traceback."""
        closed = self._closed
        assert closed is not None
        return fresh_copy(closed)

    @property
    def threads(self) -> list[threading.Thread]:
        """Every thread this client started that may still be alive."""
        conns = [c for c in [self._opening, self.active, *self._draining] if c is not None]
        streams = [s._dispatcher for s in self.subscriptions.streams]
        companions = [t for companion in list(self.companions) for t in companion.threads()]
        found = [self._thread, self.dispatcher.thread, self._timer.thread, *(c.thread for c in conns), *streams,
                 *companions]
        return [t for t in found if t is not None]

    def state(self) -> str:
        with self._cond:  # a connection being published is flushed under the lock: wait for it
            if self._closed is not None:
                return "closed"
            if self.active is not None:
                return "connected"
            return "connecting" if self._wanted else "idle"

    # -- callers ---------------------------------------------------------------------------

    def submit(self, pending: Pending) -> None:
        """Send now on the active connection, or queue or hold it. Never blocks long.

        Requests the rate-limit governor refuses complete with its error; nothing is sent.
        """
        if (self.governor.engaged or self._held) and not self._admit(pending):
            return
        conn = self.active
        if conn is not None and conn.send(pending):
            return
        self._send(pending)

    def _send(self, pending: Pending) -> None:
        """Write an admitted request on the active connection, or queue it for the next one."""
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

    def _admit(self, pending: Pending) -> bool:
        """True if `pending` may be written now (the governor has counted it in); else it was
        held or failed."""
        if self._held:
            with self._cond:
                ahead = self._held.ahead(pending)
                if ahead is not None:  # others wait for the same limit: queue behind them, in order
                    return self._hold(pending, ahead, behind=True)
        hold = self.governor.admit(pending)
        if hold is None:
            return True
        with self._cond:
            return self._hold(pending, hold)

    def _hold(self, pending: Pending, hold: Hold, behind: bool = False) -> bool:
        """Hold `pending` until `hold` lifts, or fail it now (lock held); always False."""
        now_ms = self.governor.now_ms()
        ready_at = self._held.ready_at(hold, time.monotonic(), now_ms, behind=behind)
        if (
            hold.banned
            or not self._wait_for_limits
            or self._closed is not None
            or (pending.deadline is not None and ready_at > pending.deadline)
        ):
            pending.set_exception(hold.exception(pending.method, now_ms))
            return False
        self._held.add(pending, hold, ready_at)
        self._want_thread()
        if ready_at < self._wake_at:
            self._notify()
        return False

    def track_deadline(self, pending: Pending) -> None:
        """Fail `pending` at its deadline, whoever waits (for futures nobody may wait on)."""
        self._timer.add(pending)

    def _expire_pending(self, pending: Pending) -> None:
        self.expire(pending, pending.timeout)

    def expire(self, pending: Pending, timeout: Optional[float]) -> bool:
        """Take back a request whose deadline passed and fail it with RequestTimeout.

        False if it was already completed (or is being completed) by someone else.
        """
        sent = True
        where = "a connection"
        if pending.conn is None:
            with self._cond:
                where = self._take_unsent(pending)
                if where:
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
            message = f"{pending.method} timed out{waited} waiting for {where}; it was not sent{last}"
        pending.fail(RequestTimeout, message, sent=sent)
        return True

    def _take_unsent(self, pending: Pending) -> str:
        """Remove `pending` from whichever waiting place holds it (lock held); what it waited for."""
        if pending in self._queue:  # identity scans; these lists are short
            self._queue.remove(pending)
            return "a connection"
        if self._held.take(pending):
            return "the rate limit window to reset"
        if self._clock.take(pending):
            return "the server clock to be re-measured after a -1021"
        return ""

    def wait_connected(self, timeout: float) -> None:
        """Block until a connection is active; ConnectFailed if the first attempt fails."""
        deadline = time.monotonic() + timeout
        with self._cond:
            generation = self._generation
            self._connect_waiters += 1
            try:
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
            finally:
                self._connect_waiters -= 1

    def add_handler(self, handler: Callable[[dict[str, Any]], None]) -> None:
        with self._cond:
            self._handlers = (*self._handlers, handler)

    def remove_handler(self, handler: Callable[[dict[str, Any]], None]) -> None:
        with self._cond:
            handlers = list(self._handlers)
            handlers.remove(handler)
            self._handlers = tuple(handlers)

    def add_connection_handler(self, handler: Callable[[ConnectionEvent], None]) -> None:
        with self._cond:
            self._connection_handlers = (*self._connection_handlers, handler)

    def remove_connection_handler(self, handler: Callable[[ConnectionEvent], None]) -> None:
        with self._cond:
            handlers = list(self._connection_handlers)
            handlers.remove(handler)
            self._connection_handlers = tuple(handlers)

    def _emit(self, kind: str, conn: Optional[Connection], reason: Optional[str] = None, attempt: int = 0) -> None:
        handlers = self._connection_handlers
        if handlers:
            event = ConnectionEvent(kind, conn.name if conn is not None else "", reason, attempt)
            self.dispatcher.submit(_deliver, handlers, event)

    # -- closing ---------------------------------------------------------------------------

    def close(self, timeout: float, reason: Optional[ClientClosed] = None, *, wake: bool = True) -> bool:
        """Fail everything pending, hang up, and join the threads (never the current one).

        Idempotent. True if every thread this client started has ended. `wake=False` (at
        interpreter exit) hangs up without completing what is pending: the threads waiting
        on it are daemon threads about to vanish, and waking them only prints a traceback
        each while the interpreter is torn down.
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            first = self._closed is None
            if first:
                self._closed = reason or ClientClosed("the client was closed; a closed client cannot reopen: create a new Client")
            waiting = [*self._queue, *self._held.clear(), *self._clock.take_all()]
            self._queue.clear()
            conns = [c for c in [self._opening, self.active, *self._draining] if c is not None]
            active = self.active
            self.active = None
            self._draining.clear()
            self._notify()
        closed = self._closed
        assert closed is not None
        why = str(closed)
        cause = type(closed)
        dispatchers = self.subscriptions.close_all(closed, clean=type(closed) is ClientClosed)
        companions, self.companions = list(self.companions), set()
        for companion in companions:
            dispatchers += companion.end_with_client(closed, type(closed) is ClientClosed)
        for pending in waiting if wake else ():
            pending.fail(cause, f"{pending.method} was not sent: {why}", sent=False)
        for conn in conns:
            conn.close(cause, f"{why} while the request was in flight", 1000, "client closed", fail=wake)
        if first:
            log.debug("%s closed: %s", self.name, why)
            if active is not None:
                self._emit("disconnected", active, why)
        current = threading.current_thread()
        self._timer.close(0)  # what it held is failed above or by the connections' close
        threads = [t for t in [self._thread, self._timer.thread, *(c.thread for c in conns), *dispatchers] if t is not None]
        for thread in threads:
            if thread is not current:
                thread.join(max(0.0, deadline - time.monotonic()))
        dispatcher_done = self.dispatcher.close(max(0.0, deadline - time.monotonic()))
        alive = [t.name for t in threads if t is not current and t.is_alive()]
        if alive or not dispatcher_done:
            log.warning("%s: threads still running after close(timeout=%g): %s", self.name, timeout, alive)
        return not alive and dispatcher_done

    def after_fork_in_child(self) -> None:
        """In a forked child: refuse every call, and never touch the parent's connections.

        Any lock may have been held at the fork by a thread that does not exist here, so the
        state that calls and close() use is replaced rather than cleaned up.
        """
        self._closed = ClientClosed(
            f"this client was created in process {self._pid} and its connection belongs to that "
            "process; create a new Client after fork"
        )
        self._cond = threading.Condition(threading.Lock())
        self.active = self._opening = None
        self._draining = []
        self._queue = collections.deque()
        self._held = HeldRequests()
        self._clock.take_all()  # dropped like the queues: they were the parent's to send
        self._thread = None
        self._timer = DeadlineTimer(f"{self.name}-deadlines", self._expire_pending)
        self._timer.close(0)
        self.subscriptions = Subscriptions()
        for companion in self.companions:
            companion.after_fork_in_child()
        self.companions = set()
        self.dispatcher.after_fork_in_child()
        self.governor.after_fork_in_child()  # client.rate_limits and client.stats still work
        self.stats.after_fork_in_child()

    def on_died(self, exc: BaseException) -> None:
        """A library thread failed: record why, wake every waiter with it, refuse later calls."""
        log.critical("%s: a library thread died; the client is closed", self.name, exc_info=exc)
        error = IOThreadDied(f"{threading.current_thread().name} died: {_describe(exc)}")
        error.__cause__ = exc
        self.close(self._timeout.close, error)  # close() never joins the thread it runs on

    # -- the connections' listener (I/O threads) -------------------------------------------

    def on_event(self, conn: Connection, msg: dict[str, Any]) -> None:
        event = msg.get("event")
        sub = msg.get("subscriptionId")
        consumed = False
        if sub is not None:
            try:
                stream = conn.streams.get(sub)
            except TypeError:  # unhashable: not one of ours
                stream = None
            if stream is not None and isinstance(event, dict):
                stream._feed(conn, sub, event)
                consumed = True
        elif isinstance(event, dict) and event.get("e") == "serverShutdown":
            log.warning("%s: serverShutdown on %s; moving to a new connection", self.name, conn.name)
            with self._cond:
                if conn is self.active and self._rotate is None:
                    self._rotate = "serverShutdown"
                    self._notify()
        handlers = self._handlers
        if handlers:
            self.dispatcher.submit(_deliver, handlers, msg)
        elif not consumed and log.isEnabledFor(logging.DEBUG):
            log.debug("%s: event with no handler: %.200r", self.name, msg)

    def on_answered(self, pending: Optional[Pending], rate_limits: Any, rtt: float) -> None:
        if rate_limits:
            self.governor.on_response(pending, rate_limits, rtt)

    def on_refused(self, status: int, error: Mapping[str, Any]) -> None:
        code = error.get("code")
        hold = self.governor.on_refused(status, code if isinstance(code, int) else None, error.get("data"))
        log.warning("%s: %s", self.name, hold.summary(self.governor.now_ms()))
        if not hold.banned:
            return
        # Banned: nothing may be sent until the ban lifts, so nothing should wait for that.
        with self._cond:
            waiting = [*self._queue, *self._held.clear()]
            self._queue.clear()
            self._notify()
        now_ms = self.governor.now_ms()
        for pending in waiting:
            pending.set_exception(hold.exception(pending.method, now_ms))

    def on_stale_clock(self, pending: Pending, error: APIError) -> bool:
        """A request was refused with -1021: re-measure the clock and send it again, once."""
        if not self._keeps_clock():
            return False
        with self._cond:
            if self._closed is not None or not self._clock.keep(pending, error):
                return False
            self._want()  # the measurement needs a connection, even if this one is draining
        log.info("%s: %s (id=%s) got -1021; re-measuring the clock to send it again", self.name, pending.method, pending.id)
        return True

    def on_unmatched(self, conn: Connection, msg: dict[str, Any]) -> None:
        request_id = msg.get("id")
        status = msg.get("status")
        error = msg.get("error") or {}
        expired = self._expired.pop(request_id, None) if isinstance(request_id, (int, str)) else None
        if expired is not None:
            method, at = expired
            late = LateResponse(request_id, method, time.monotonic() - at, msg)
            self.late_responses.append(late)
            self.stats.late_responses += 1
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
            if isinstance(error, dict) and (status == 401 or error.get("code") == -2015):
                self.subscriptions.on_revoked(conn, error)
        else:
            log.warning("%s: response with unknown id %r on %s ignored: %.300r", self.name, request_id, conn.name, msg)

    def _remember_expired(self, pending: Pending) -> None:
        expired = self._expired
        expired[pending.id] = (pending.method, time.monotonic())
        while len(expired) > _EXPIRED_MEMORY:
            expired.popitem(last=False)

    def on_lost(self, conn: Connection, reason: BaseException) -> None:
        with self._cond:
            if conn in self._draining:
                self._draining.remove(conn)
                return
            if conn is not self.active:
                return
            self.active = None
            self._rotate = None
            if time.monotonic() - conn.connected_at >= _STABLE_AFTER:
                self._failures = 0
            self._retry_at = time.monotonic() + self._backoff.delay(self._failures)
            self._failures += 1
            self._notify()
            then = "reconnecting" if self._has_work() else "reconnecting when next needed"
            # Queued under the lock, so that handlers see it before the "idle" that may follow.
            self._emit("disconnected", conn, _describe(reason))
        log.warning("%s: connection %s lost (%s); %s", self.name, conn.name, _describe(reason), then)

    def wants_events(self, conn: Connection) -> bool:
        return bool(conn.streams or self._handlers)

    def on_finished(self, conn: Connection) -> None:
        self.stats.retire(conn)
        if self.subscriptions.streams:
            self.subscriptions.on_closed(conn)
            with self._cond:
                self._notify()  # its streams may need the active connection now

    # -- the supervisor thread -------------------------------------------------------------

    def _notify(self) -> None:
        """Wake the supervisor thread (and waiters) to look at the state again (lock held).

        `_poked` covers changes made while the supervisor thread itself had the lock released
        (see `_unlocked`): it would not be waiting, so the notification alone would be lost.
        """
        self._poked = True
        self._cond.notify_all()

    def _want(self) -> None:
        """Ask for a connection (call with the lock held)."""
        # _retry_at stays: the backoff (or Retry-After) of the last loss holds for an idle
        # client's next call too, or a server that drops every connection is redialled at call rate.
        self._wanted = True
        self._want_thread()
        self._notify()

    def _want_thread(self) -> None:
        if self._thread is None and self._closed is None:
            self._thread = threading.Thread(target=self._run, name=f"{self.name}-supervisor", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            while self._wait_for_work():
                self._connect()
        except BaseException as exc:
            self.on_died(exc)

    def _wait_for_work(self) -> bool:
        """Do the periodic work until a connection should be opened (True) or the client is
        closed (False).

        Each pass decides with the lock held what is due (the checks below append actions
        and return when they are next due), then lets go of the lock once to act: actions
        touch sockets and take other locks, and a stuck socket must not hold up callers or
        I/O threads waiting for this one.
        """
        with self._cond:
            while True:
                if self._closed is not None:
                    return False
                self._poked = False
                now = time.monotonic()
                actions: list[Callable[[], object]] = []
                # Before the checks below take held and re-measured requests out to send them.
                if self._wanted and self.active is None and not self._has_work():
                    # Nothing waits for a connection: reconnecting now would only cost weight
                    # (and, with the server gone, warn forever). The next call connects.
                    self._wanted = False
                    if self._connected_once:
                        log.info("%s: idle; reconnecting on the next call", self.name)
                        actions.append(partial(self._emit, "idle", None, "nothing needs a connection"))
                wake = min(
                    self._check_heartbeats(now, actions), self._release_held(now, actions), self._keep_clock(now, actions)
                )
                conn = self.active
                if conn is not None and self.subscriptions.streams and self.subscriptions.orphans():
                    actions.append(partial(self._attach_orphans, conn))
                connect = False
                if conn is not None and self._max_age is not None and self._rotate is None:
                    if now - conn.connected_at >= self._max_age:
                        self._rotate = "the connection lifetime"
                        log.info("%s: %s reached its lifetime of %g s; rotating", self.name, conn.name, self._max_age)
                    else:
                        wake = min(wake, conn.connected_at + self._max_age)
                if self._wanted and (self.active is None or self._rotate is not None):
                    # Connecting costs weight: not during a ban or a 429's retryAfter, nor
                    # into a window without room for the handshake.
                    hold = self.governor.connect_hold(self._handshake_weight())
                    if hold is not None:
                        wait = max(0.001, (hold.until_ms - self.governor.now_ms()) / 1000)
                        self._retry_at = max(self._retry_at, now + wait)
                    connect = now >= self._retry_at
                    wake = min(wake, self._retry_at)
                if actions:
                    self._unlocked(partial(_each_call, actions))
                if connect:
                    return True
                if self._poked:  # something changed while the lock was released: look again
                    continue
                self._wake_at = wake
                # A far-off wake-up (a ban of days, a hostile retryAfter) must not overflow the wait.
                self._cond.wait(None if wake == float("inf") else min(max(0.0, wake - now), LONGEST_WAIT))
                self._wake_at = float("inf")

    def _has_work(self) -> bool:
        """Something needs a connection: a request waiting for one, or a stream (lock held)."""
        return bool(
            self._queue
            or self._held
            or self._connect_waiters
            or self.subscriptions.streams
            or self._clock.holding
            or self._stay_connected
        )

    def _handshake_weight(self) -> int:
        """What opening a connection costs: the connection itself, the clock method, `session.logon`."""
        venue = self._builder.venue
        weight = venue.connect_weight
        if self._keeps_clock():
            weight += venue.methods[venue.clock_method].weight_for({})
            if self._builder.session_logon:
                weight += venue.methods["session.logon"].weight_for({})
        return weight

    def _unlocked(self, action: Callable[[], object]) -> None:
        """Run `action` with the lock released (it may take the lock, or touch sockets)."""
        self._cond.release()
        try:
            action()
        finally:
            self._cond.acquire()

    def _attach_orphans(self, conn: Connection) -> None:
        for pending in self.subscriptions.attach_orphans(conn, self._timeout.connect):
            if not pending.done():
                self.track_deadline(pending)

    def _release_held(self, now: float, actions: list[Callable[[], object]]) -> float:
        """Send the held requests whose limit has reset, in order; when to look again."""
        now_ms = self.governor.now_ms()
        ready, refused = self._held.release(now, now_ms, self.governor.admit)
        for pending, hold in refused:
            actions.append(partial(pending.set_exception, hold.exception(pending.method, now_ms)))
        actions.extend(partial(self._send, pending) for pending in ready)
        return self._held.wake

    def _keep_clock(self, now: float, actions: list[Callable[[], object]]) -> float:
        """Start a clock measurement when one is due or a -1021 asks, and send again what a
        finished one released; when the next is due."""
        clock = self._clock
        released = clock.take_remeasured()
        if released is not None:
            actions.append(partial(self._resend_after_resync, *released))
        conn = self.active
        start, wake = clock.poll(now, keeps_clock=self._keeps_clock(), connected=conn is not None)
        if not start or conn is None:
            return wake
        probe = self._builder.clock_probe(self._timeout.connect, self._on_clock_measured)
        self._timer.add(probe)

        def send() -> None:
            if not conn.send(probe):
                probe.fail(ConnectionLost, f"{probe.method} could not be sent: the connection closed", sent=False)

        actions.append(send)
        return wake

    def _resend_after_resync(self, waiting: list[tuple[Pending, APIError]], error: Optional[BaseException]) -> None:
        """Send again, once, the requests refused with -1021, now that the clock was re-measured."""
        for pending, refusal in waiting:
            if pending.done():
                continue
            if error is not None:  # no fresh clock: the -1021 stands
                pending.set_exception(refusal)
                continue
            self._builder.renew(pending)
            self.submit(pending)

    def _on_clock_measured(self, error: Optional[BaseException]) -> None:
        """A clock measurement ended (any thread): schedule the next, release the -1021s."""
        with self._cond:
            self._clock.measured(error, time.monotonic(), self._builder.clock_offset_ms)
            self._notify()

    def _check_heartbeats(self, now: float, actions: list[Callable[[], object]]) -> float:
        """Ping silent connections, kill unresponsive ones, close drained ones; next check time."""
        beat = self._heartbeat
        wake = float("inf")
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
        return wake

    def _connect(self) -> None:
        conn = Connection(
            self.url,
            name=f"{self.name}-io-{next(self._conn_numbers)}",
            max_message_size=self._max_message_size,
            ws_options=self._ws_options,
            listener=self,
        )
        with self._cond:
            if self._closed is not None:
                return
            rotating = self._rotate
            attempt = self._failures  # counts the loss too: 1 on the first attempt after one
            # Visible to close() from here on, which aborts it wherever it is.
            self._opening = conn
        try:
            self._open(conn, rotating, attempt)
        finally:
            with self._cond:
                self._opening = None

    def _open(self, conn: Connection, rotating: Optional[str], attempt: int) -> None:
        """Open, prepare and publish `conn`, or record why not."""
        if self._connected_once and rotating is None:
            self._emit("reconnecting", conn, _describe(self._last_error) if self._last_error else None, attempt)
        try:
            started = time.monotonic()
            conn.open(self._timeout.connect, self._heartbeat.timeout)
            self.governor.charge(self._builder.venue.connect_weight)
            self.stats.attach(conn)
            subscriptions = self.subscriptions
            if self._keeps_clock():
                self._prepare(conn, started + self._timeout.connect)
            if subscriptions.streams:
                subscriptions.attach_all(conn, started + self._timeout.connect)
                old = self.active
                if rotating is not None and old is not None and not old.dead:
                    subscriptions.leave(old, self._timeout.connect)
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
            rotated = self._rotate is not None and old is not None
            self._rotate = None
            kind = "rotated" if rotated else "reconnected" if self._connected_once else "connected"
            if kind == "reconnected":
                self.stats.reconnects += 1
            elif kind == "rotated":
                self.stats.rotations += 1
            self._connected_once = True
            self._last_error = None
            if self._keeps_clock():
                self._clock.connected(time.monotonic())
            if old is not None and not old.dead:
                old.draining = True
                self._draining.append(old)
            self._notify()
        log.info("%s: %s %s%s", self.name, "rotated to" if rotated else "connected", conn.name,
                 f" ({rotating})" if rotated else "")
        self._emit(kind, conn, rotating if rotated else None)
        if self.subscriptions.streams:
            self.subscriptions.after_connect()

    def _prepare(self, conn: Connection, deadline: float) -> None:
        """Run the handshake's requests (builder.handshake) on `conn`; ConnectFailed if one fails."""
        phases = self._builder.handshake()
        answer: Any = None
        try:
            while True:
                method = phases.send(answer)
                before = self._builder.wall_clock()
                result = self._roundtrip(conn, method, deadline)
                answer = (result, before, self._builder.wall_clock())
                if method == "session.logon":
                    conn.logged_on = True
        except StopIteration:
            return
        except (KeyError, TypeError, ValueError) as exc:
            raise ConnectFailed(f"a new connection could not be prepared: {_describe(exc)}") from exc

    def _roundtrip(self, conn: Connection, method: str, deadline: float) -> Any:
        """Send one handshake request on `conn` and wait for its result."""
        timeout = max(0.0, deadline - time.monotonic())
        pending = self._builder.build(method, None, timeout, unwrap=True)
        # A refusal fails this connection attempt, which the supervisor retries; it must not
        # take the client-wide -1021 path (re-measure, re-send later) meanwhile.
        pending.resynced = True
        hold = self.governor.admit(pending)
        if hold is not None:
            raise ConnectFailed(f"{method} was not sent on a new connection: {hold.reason}")
        if not conn.send(pending):
            if pending.admitted is not None:
                pending.admitted.write_off(pending)
            raise ConnectFailed(f"{method} could not be sent: the new connection closed")
        if not pending.wait(timeout):
            conn.inflight.pop(pending.id, None)
            raise ConnectFailed(f"{method} got no answer within {timeout:.3g} s on a new connection")
        try:
            return pending.result()
        except APIError as exc:
            raise ConnectFailed(f"{method} was refused on a new connection: {exc}") from exc
        except Exception as exc:
            raise ConnectFailed(f"{method} failed on a new connection: {exc}") from exc

    def _flush(self, conn: Connection) -> None:
        """Send the queued requests in order (lock held, connection not yet public)."""
        queue = self._queue
        builder = self._builder
        # Re-signing takes long (an RSA signature costs about 0.6 ms): do it with the lock
        # released, so callers are not held up meanwhile. A request queued in the meantime is
        # stamped with the new offset already; one expired meanwhile is skipped below.
        for _ in range(2):  # what is still stale after that is re-signed below, under the lock
            stale = [
                p for p in queue
                if p.stamped_at is not None and not p.done()
                and p.offset_ms != (p.signed_with or builder).clock_offset_ms
            ]
            if not stale:
                break
            self._unlocked(partial(_each, builder.restamp, stale))
        now = time.monotonic()
        while queue:
            pending = queue.popleft()
            if pending.done():
                continue
            if pending.deadline is not None and pending.deadline <= now:
                queue.appendleft(pending)
                self._unlocked(partial(self.expire, pending, pending.timeout))
                continue
            self._builder.restamp(pending)
            if not conn.send(pending):
                queue.appendleft(pending)
                return

    def _connect_failed(self, exc: ConnectFailed) -> None:
        retry_after = exc.retry_after  # capped at a day where it is parsed (connection.retry_after_seconds)
        if exc.status in (418, 429):
            # The upgrade itself was refused for the rate limit: hold requests as a 429 or
            # 418 answer would, which also keeps the next attempt back until then.
            data = None
            if retry_after is not None:
                data = {"retryAfter": int(self.governor.now_ms() + retry_after * 1000)}
            self.on_refused(exc.status, {"data": data})
        with self._cond:
            self._last_error = exc
            if self._connected_once:
                delay = max(self._backoff.delay(self._failures), retry_after or 0.0)
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
            self._notify()
        log.warning("%s: could not connect: %s", self.name, _describe(exc))
        for pending in queued:
            error = ConnectFailed(str(exc), method=pending.method)
            error.__cause__ = exc.__cause__ or exc
            pending.set_exception(error)


def _after_fork_in_child() -> None:
    for supervisor in list(_LIVE):
        supervisor.after_fork_in_child()


if hasattr(os, "register_at_fork"):  # not on Windows, which cannot fork
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _each(action: Callable[[Pending], None], items: list[Pending]) -> None:
    for item in items:
        action(item)


def _each_call(actions: list[Callable[[], object]]) -> None:
    for action in actions:
        action()


def _deliver(handlers: tuple[Callable[[Any], None], ...], msg: Any) -> None:
    for handler in handlers:
        try:
            handler(msg)
        except Exception:
            log.exception("handler %s raised", getattr(handler, "__qualname__", handler))
