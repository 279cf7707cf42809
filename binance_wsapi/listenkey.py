"""Futures user data: a listenKey from the WebSocket API, its events on a connection of their own.

The futures WebSocket APIs have no in-band subscription (FUTURES-NOTES §6.1): the client asks
for a listenKey with ``userDataStream.start`` on its API connection, reads the account's
events from the stream host's ``<stream_url>/<listenKey>``, keeps the key alive with
``userDataStream.ping`` well inside its 60-minute life, and ends it with ``userDataStream.stop``.

A `ListenKeyStream` owns that stream connection (a `Connection`, with its own I/O thread,
TLS and frame checks like the API's) and a *keeper* thread that does everything that waits:
starting the key, (re)opening the connection with backoff, the keepalive, the heartbeat of a
silent connection, and the change of key after ``listenKeyExpired`` or a ``-1125`` keepalive.
Each time events may have been missed (a lost stream connection, an expired key) the consumer
gets a `StreamGap` before the next event. The I/O thread only queues wire events (see
`userdata.EventQueue`); the consumer parses them into `futures_events` objects.

The keeper holds the client's supervisor and request builder, never the client, so an
abandoned client is still collected; the supervisor ends the stream when the client closes.
"""

from __future__ import annotations

import collections
import itertools
import logging
import threading
import time
from typing import TYPE_CHECKING, Any, Optional

from .config import Backoff, Heartbeat, check_timeout
from .connection import Connection
from .events import StreamGap
from .exceptions import (
    APIError,
    AuthenticationError,
    BinanceWSAPIError,
    ClientClosed,
    ConnectionLost,
    InvalidRequest,
    RequestTimeout,
    SessionRevoked,
    StreamClosed,
    StreamEnded,
    describe as _describe,
)
from .futures_events import parse_futures_event
from .userdata import EventQueue, OnOverflow

if TYPE_CHECKING:
    from .builder import RequestBuilder
    from .supervisor import Supervisor

log = logging.getLogger("binance_wsapi")

__all__ = ["FuturesUserData", "ListenKeyStream"]

#: A listenKey lives 60 minutes after its start or last keepalive; Binance suggests a ping
#: about every 60 minutes; well inside that, a lost keepalive still leaves time for another.
DEFAULT_KEEPALIVE = 30 * 60.0
# A stream connection that lasted this long resets the reconnect backoff (as the API connection's).
_STABLE_AFTER = 10.0
_stream_numbers = itertools.count(1)


class ListenKeyStream(EventQueue):
    """The futures user data events of the client's account, in order, off the I/O thread.

    Read it like a Spot `UserDataStream`: iterate, ``get(timeout)``, or handlers with
    ``on("ORDER_TRADE_UPDATE", fn)``. Events are `OrderTradeUpdate`, `TradeLite`,
    `AccountUpdate`, `MarginCall`, `AccountConfigUpdate`, `AlgoUpdate`, `ListenKeyExpired`,
    `UnknownEvent`, and the library's `StreamGap`. `listen_key` is the key in use.

    It ends after `close()` (iteration stops), when its client closes, or with the exception
    that made it impossible (`SessionRevoked` when the API key is refused).
    """

    _parse = staticmethod(parse_futures_event)

    def __init__(
        self,
        supervisor: Supervisor,
        builder: RequestBuilder,
        stream_url: str,
        *,
        queue_size: int,
        on_overflow: OnOverflow,
        keepalive: float,
        request_timeout: Optional[float],
        connect_timeout: float,
        heartbeat: Heartbeat,
        backoff: Backoff,
        max_message_size: int,
        ws_options: Any,
    ) -> None:
        super().__init__(f"{supervisor.name}-listen-key-{next(_stream_numbers)}", queue_size=queue_size,
                         on_overflow=on_overflow)
        # One lock, two conditions: readers wait on `_cond` (an event's notify wakes one of them),
        # the keeper on `_wake`. Sharing one condition, an event's notify could wake the keeper
        # instead of the reader waiting for it, and the event would sit until the reader's deadline.
        self._cond, self._wake = _conditions()
        self._supervisor = supervisor
        self._builder = builder
        self._stream_url = stream_url.rstrip("/") + "/"
        self._keepalive = keepalive
        self._request_timeout = request_timeout
        self._connect_timeout = connect_timeout
        self._heartbeat = heartbeat
        self._backoff = backoff
        self._max_message_size = max_message_size
        self._ws_options = ws_options
        #: The listenKey in use (None until started, and between an expiry and the next start).
        self.listen_key: Optional[str] = None
        self._conn: Optional[Connection] = None
        self._conn_numbers = itertools.count(1)
        # Set on an I/O thread, acted on by the keeper: the key expired; the connection ended.
        self._expired = False
        self._lost: Optional[Connection] = None
        self._gap_since: Optional[float] = None
        self._gap_reason = ""
        #: Connections the stream opened, and keepalives sent, so far.
        self.connections = 0
        self.keepalives = 0
        self._keeper = threading.Thread(target=self._keep, name=f"{self.name}-keeper", daemon=True)
        self._started = threading.Event()
        self._start_error: Optional[BaseException] = None

    def __repr__(self) -> str:
        state = "ended" if self._end is not None else "live" if self._conn is not None else "waiting"
        key = self.listen_key
        return f"<ListenKeyStream {self.name} {state} listen_key={key[:4] + '…' if key else None!r} queued={len(self._items)}>"

    def _begin(self, timeout: Optional[float]) -> None:
        """Start the key and the connection (the keeper does), and wait for the first to be up.

        On a failure the keeper has ended (having stopped a key it started) before this raises,
        so a retry cannot race a late stop. On a timeout it is told to end, and does once its
        request in flight is answered or times out.
        """
        self._keeper.start()
        if not self._started.wait(timeout):
            self.close(0)
            raise RequestTimeout(f"{self.name}: the user data stream was not up within {timeout:g} s")
        if self._start_error is not None:
            self.close()
            raise self._start_error

    def close(self, timeout: Optional[float] = None) -> None:
        """End the stream and its listenKey (``userDataStream.stop``); idempotent. Events already
        queued are still delivered. Waits up to `timeout` seconds (default: the client's close
        timeout) for the threads.

        Binance has one listenKey per account: another stream of this client reading it keeps it
        (no stop is sent); a stream of another client or process on the same account loses it, and
        starts a new one (its consumer gets a `StreamGap`)."""
        seconds = check_timeout(timeout, zero=True, none="for the client's close timeout")
        wait = self._supervisor.close_timeout if seconds is None else seconds
        deadline = time.monotonic() + wait
        with self._cond:
            self._closing = True
            self._wake.notify_all()
        self._supervisor.companions.discard(self)
        keeper = self._keeper
        if keeper.is_alive() and keeper is not threading.current_thread():
            keeper.join(max(0.0, deadline - time.monotonic()))
        self._finish(StreamClosed(f"{self.name} was closed"), clean=True)
        dispatcher = self._dispatcher
        if dispatcher is not None and dispatcher is not threading.current_thread():
            dispatcher.join(max(0.0, deadline - time.monotonic()))

    # -- what the supervisor asks of a companion -------------------------------------------

    def end_with_client(self, cause: BaseException, clean: bool) -> list[threading.Thread]:
        """The client is closing: end the stream now (no stop request: the API is going away)."""
        with self._cond:
            self._closing = True
            conn = self._conn
            # Taken before the keeper wakes: winding down, it lets go of the connection.
            threads = self.threads()
            self._wake.notify_all()
        if conn is not None:
            conn.close(StreamClosed, "client closed", 1000, "client closed")
        error = StreamClosed(f"{self.name} ended: its client was closed") if clean else StreamClosed(str(cause))
        self._finish(error, clean=clean)
        return threads

    def threads(self) -> list[threading.Thread]:
        conn = self._conn
        found = [self._keeper, self._dispatcher, conn.thread if conn is not None else None]
        return [t for t in found if t is not None and t.ident is not None]

    def after_fork_in_child(self) -> None:
        """In a forked child: end without touching the parent's socket."""
        self._cond, self._wake = _conditions()
        self._conn = None
        self._end = StreamClosed(f"{self.name} belongs to the process that created it; subscribe again after fork")

    # -- the I/O thread's side --------------------------------------------------------------

    def on_event(self, conn: Connection, msg: dict[str, Any]) -> None:
        with self._cond:
            if conn is not self._conn or self._end is not None:
                return  # a connection being replaced: its late events are not this key's
            if self._gap_since is not None:
                self._put_gap_locked()
            self._put(msg)
            if msg.get("e") == "listenKeyExpired":
                # "the stream sends listenKeyExpired and then nothing more until a valid key
                # is used": a new key, a new connection, and a gap for what falls in between.
                self._expired = True
                self._wake.notify_all()

    def on_finished(self, conn: Connection) -> None:
        with self._cond:
            if conn is self._conn:
                self._lost = conn
                self._wake.notify_all()

    # -- the keeper thread ----------------------------------------------------------------

    def _keep(self) -> None:
        failures = 0
        next_ping = 0.0
        verify = False  # ask whether the key still lives before opening the next connection
        try:
            while True:
                if self._stopping():
                    break
                try:
                    if self.listen_key is None:
                        self.listen_key = self._call("userDataStream.start")["listenKey"]
                        next_ping = time.monotonic() + self._keepalive
                        verify = False
                        if self._stopping():  # closed meanwhile: _wind_down stops the key just started
                            break
                    elif verify:
                        verify = False
                        if not self._still_alive():
                            self.listen_key = None  # stopped or expired elsewhere: start a new one
                            continue
                        next_ping = time.monotonic() + self._keepalive
                    if self._conn is None:
                        self._open(self.listen_key)
                        self._started.set()
                except (AuthenticationError, ClientClosed, InvalidRequest) as exc:
                    self._fail(exc)
                    break
                except (BinanceWSAPIError, KeyError, TypeError) as exc:
                    if not self._started.is_set() and self._gap_since is None:
                        self._fail(exc)  # the first start: the caller hears of it
                        break
                    failures = self._back_off(failures, _describe(exc))
                    continue
                opened = time.monotonic()
                try:
                    next_ping = self._run_until_change(next_ping)
                except AuthenticationError as exc:  # the key was refused at a keepalive
                    self._fail(exc)
                    break
                if time.monotonic() - opened >= _STABLE_AFTER:
                    failures = 0
                elif not self._stopping():
                    # Closed soon after it opened (a host refusing the key closes at once): back
                    # off, and ask whether the key still lives before opening another.
                    failures = self._back_off(failures, "the stream connection did not last")
                    verify = True
        finally:
            self._wind_down()

    def _still_alive(self) -> bool:
        """A keepalive now: False if the key is gone (-1125); other failures raise."""
        try:
            self._call("userDataStream.ping")
        except APIError as exc:
            if exc.code == -1125:
                return False
            raise
        self.keepalives += 1
        return True

    def _stopping(self) -> bool:
        with self._cond:
            return self._closing or self._end is not None

    def _back_off(self, failures: int, why: str) -> int:
        """Wait the backoff of attempt `failures` (unless closed meanwhile); the next count."""
        delay = self._backoff.delay(failures)
        log.warning("%s: %s; trying again in %.2f s", self.name, why, delay)
        self._pause(time.monotonic() + delay)  # no connection meanwhile: only a close cuts it short
        return failures + 1

    def _run_until_change(self, next_ping: float) -> float:
        """Keep the key alive and the connection checked until either must be replaced."""
        beat = self._heartbeat
        while True:
            now = time.monotonic()
            conn = self._conn
            with self._cond:
                if self._closing or self._end is not None:
                    return next_ping
                if self._expired:
                    self._expired = False
                    self._replace_key("the listenKey expired (listenKeyExpired)")
                    return next_ping
                if self._lost is not None or conn is None:
                    self._lost = None
                    self._drop_connection("the stream connection was lost")
                    return next_ping
            assert conn is not None
            if now >= next_ping:
                try:
                    if not self._still_alive():  # "This listenKey does not exist." -> start again
                        with self._cond:
                            self._replace_key("the listenKey was gone at its keepalive (-1125)")
                        return next_ping
                    next_ping = now + self._keepalive
                except AuthenticationError:
                    raise
                except (APIError, ConnectionLost, RequestTimeout) as exc:
                    next_ping = now + min(60.0, self._keepalive / 4)
                    log.warning("%s: keepalive failed (%s); trying again", self.name, _describe(exc))
                continue
            # The heartbeat: a connection silent for `idle` gets a ping; no frame in `timeout` more kills it.
            silent_for = now - conn.last_rx
            if conn.ping_sent_at is not None and conn.last_rx >= conn.ping_sent_at:
                conn.ping_sent_at = None
            if conn.ping_sent_at is None:
                if silent_for >= beat.idle:
                    conn.ping_sent_at = now
                    conn.send_ping()
                    wake = now + beat.timeout
                else:
                    wake = conn.last_rx + beat.idle
            elif now - conn.ping_sent_at >= beat.timeout:
                conn.abort(ConnectionLost(f"no frame on the user data stream for {silent_for:.1f} s, "
                                          f"including {beat.timeout:g} s after a ping"))
                wake = now + 0.05
            else:
                wake = conn.ping_sent_at + beat.timeout
            self._pause(min(wake, next_ping))

    def _pause(self, until: float) -> None:
        with self._cond:
            while not (self._closing or self._end is not None or self._expired or self._lost is not None):
                remaining = until - time.monotonic()
                if remaining <= 0:
                    return
                self._wake.wait(remaining)

    def _replace_key(self, why: str) -> None:
        """The key is no longer good: drop the connection; the keeper starts a new key (lock held)."""
        self.listen_key = None
        self._drop_connection(why)

    def _drop_connection(self, why: str) -> None:
        """Forget the current connection, marking a gap from its last frame (lock held).

        What its I/O thread reported (lost, or its key expired) goes with it: a new connection
        starts with neither, so it is not dropped in turn for the old one's news.
        """
        conn, self._conn = self._conn, None
        self._expired = False
        self._lost = None
        if conn is not None:
            if self._gap_since is None:
                self._gap_since = time.time() - max(0.0, time.monotonic() - conn.last_rx)
                self._gap_reason = why
            if not conn.dead:
                conn.close(ConnectionLost, why, 1000, "replaced")
        log.info("%s: %s; reconnecting", self.name, why)

    def _open(self, key: str) -> None:
        conn = Connection(
            self._stream_url + key,
            name=f"{self.name}-io-{next(self._conn_numbers)}",
            max_message_size=self._max_message_size,
            ws_options=self._ws_options,
            listener=_StreamListener(self),
            shown_url=self._stream_url + key[:4] + "…",  # a listenKey reads the account's events: not in logs
        )
        with self._cond:
            self._conn = conn  # events may come as soon as it is open
        try:
            conn.open(self._connect_timeout, self._heartbeat.timeout)
        except BaseException:
            with self._cond:
                if self._conn is conn:
                    self._conn = None
                if self._lost is conn:  # it ended as it failed: no news for the next one
                    self._lost = None
            raise
        self.connections += 1
        with self._cond:
            if self._gap_since is not None:
                self._put_gap_locked()

    def _put_gap_locked(self) -> None:
        """The gap since the last connection's last frame, before the new one's first event."""
        since, self._gap_since = self._gap_since, None
        assert since is not None
        self._put(StreamGap(since, time.time(), f"{self._gap_reason}; events in between may be missing"), True)

    def _call(self, method: str) -> Any:
        """One listenKey request on the client's API connection, with the client's request timeout."""
        supervisor = self._supervisor
        if supervisor.closed is not None:
            raise supervisor.closed_error()
        timeout = self._request_timeout
        pending = self._builder.build(method, None, timeout, unwrap=True)
        supervisor.submit(pending)
        if not pending.wait(timeout):
            supervisor.expire(pending, timeout)
            if not pending.wait(self._supervisor.close_timeout):
                raise RequestTimeout(f"{method} timed out", method=method, request_id=pending.id)
        return pending.result()

    def _fail(self, exc: BaseException) -> None:
        if isinstance(exc, AuthenticationError):
            ended: StreamEnded = SessionRevoked(f"{self.name}: the API key was refused ({_describe(exc)})")
        elif isinstance(exc, StreamEnded):
            ended = exc
        else:
            ended = StreamClosed(f"{self.name} could not start: {_describe(exc)}")
        ended.__cause__ = exc
        if not self._started.is_set():
            self._start_error = exc
            self._started.set()
        self._finish(ended, clean=False)

    def _wind_down(self) -> None:
        """The keeper is leaving: close the connection, and end the key unless the client is gone."""
        with self._cond:
            conn, self._conn = self._conn, None
            key = self.listen_key
        if conn is not None:
            if not conn.dead:
                conn.close(StreamClosed, "user data stream closed", 1000, "closed")
            # The keeper ends after its connection's I/O thread: whoever joins the keeper
            # (close(), the client's close) has joined both.
            if conn.thread is not None:
                conn.thread.join(self._supervisor.close_timeout)
        # One listenKey per account: another stream of this client reading it keeps it alive.
        shared = any(other is not self and getattr(other, "listen_key", None) == key
                     for other in list(self._supervisor.companions))
        if key is not None and self._supervisor.closed is None and not shared:
            try:
                self._call("userDataStream.stop")
            except BinanceWSAPIError as exc:
                log.info("%s: userDataStream.stop failed: %s", self.name, _describe(exc))
        self._started.set()

    def _release_locked(self) -> None:
        self._wake.notify_all()


def _conditions() -> tuple[threading.Condition, threading.Condition]:
    lock = threading.Lock()
    return threading.Condition(lock), threading.Condition(lock)


class _StreamListener:
    """A stream connection's listener: events go to the stream; it sends no requests."""

    def __init__(self, stream: ListenKeyStream) -> None:
        self._stream = stream
        self.latencies: collections.deque[float] = collections.deque(maxlen=1)

    def on_event(self, conn: Connection, msg: dict[str, Any]) -> None:
        self._stream.on_event(conn, msg)

    def on_answered(self, pending: Any, rate_limits: Any, rtt: float) -> None:
        pass

    def on_refused(self, status: int, error: Any) -> None:
        pass

    def on_stale_clock(self, pending: Any, error: APIError) -> bool:
        return False

    def on_unmatched(self, conn: Connection, msg: dict[str, Any]) -> None:
        log.warning("%s: ignored a frame with a status on a user data stream: %.200r", conn.name, msg)

    def on_lost(self, conn: Connection, reason: BaseException) -> None:
        log.info("%s: lost (%s)", conn.name, _describe(reason))

    def on_died(self, exc: BaseException) -> None:
        log.error("%s: its I/O thread failed: %s", self._stream.name, _describe(exc))

    def on_finished(self, conn: Connection) -> None:
        self._stream.on_finished(conn)

    def wants_events(self, conn: Connection) -> bool:
        return True


class FuturesUserData:
    """`client.user_data` of a futures client: ``stream = client.user_data.subscribe()``."""

    def __init__(self, supervisor: Supervisor, builder: RequestBuilder, stream_url: str) -> None:
        self._supervisor = supervisor
        self._builder = builder
        self._stream_url = stream_url

    def subscribe(
        self,
        *,
        queue_size: int = 10_000,
        on_overflow: OnOverflow = "drop_oldest",
        keepalive: float = DEFAULT_KEEPALIVE,
        timeout: Optional[float] = None,
    ) -> ListenKeyStream:
        """Start this account's listenKey and open its stream; the events follow in the stream.

        `keepalive`: seconds between ``userDataStream.ping`` requests (the key lives 60 min).
        `timeout`: how long to wait for the stream to be up (default: the client's request
        timeout plus its connect timeout). Raises what stopped it, with nothing left running (after
        a timeout, the keeper ends as soon as its request in flight does, stopping any key it got).
        """
        if on_overflow not in ("drop_oldest", "raise"):
            raise InvalidRequest(f"on_overflow={on_overflow!r}: pass 'drop_oldest' or 'raise'")
        if not isinstance(queue_size, int) or isinstance(queue_size, bool) or queue_size < 1:
            raise InvalidRequest(f"queue_size={queue_size!r}: pass a positive number of events")
        if not isinstance(keepalive, (int, float)) or isinstance(keepalive, bool) or not 0 < keepalive < 3600:
            raise InvalidRequest(f"keepalive={keepalive!r}: pass seconds between keepalives, below the key's 3600 s life")
        if self._builder.api_key is None:
            raise InvalidRequest("user data needs an API key: create the client with api_key and api_secret")
        supervisor = self._supervisor
        if supervisor.closed is not None:
            raise supervisor.closed_error()
        stream = ListenKeyStream(
            supervisor, self._builder, self._stream_url, queue_size=queue_size, on_overflow=on_overflow,
            keepalive=float(keepalive), request_timeout=supervisor.request_timeout,
            connect_timeout=supervisor.connect_timeout, heartbeat=supervisor.heartbeat, backoff=supervisor.backoff,
            max_message_size=supervisor.max_message_size, ws_options=supervisor.ws_options,
        )
        if timeout is not None:
            seconds: Optional[float] = check_timeout(timeout)
        else:
            request = supervisor.request_timeout
            seconds = None if request is None else request + supervisor.connect_timeout
        supervisor.companions.add(stream)
        stream._begin(seconds)
        return stream
