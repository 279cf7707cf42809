"""User data streams: an account's events, kept flowing across reconnects and rotations.

A `UserDataStream` is one account's subscription. The I/O thread only appends the wire
event to the stream's bounded queue (never blocking: when it is full, the oldest event is
dropped and a `StreamGap` counts it, or the stream ends with `StreamOverflow`); the
consumer turns it into an event object, in its own thread or in the stream's dispatcher
thread. So a slow consumer cannot stall the socket, the pings or other calls.

`Subscriptions` is what the supervisor does for every stream of a client:

* A new connection subscribes every stream (`attach_all`) before it is published.
* On a rotation the old connection keeps delivering while the new one subscribes. The new
  connection's events are held back until the old subscription has ended (its
  unsubscribe was answered, or `eventStreamTerminated` came). The new subscription's
  first events repeat the old one's last: those are dropped (also when they come in
  after the switch), up to the first event the old one never delivered; the rest follow
  in order. Nothing is missed and nothing is delivered twice.
* A lost connection leaves its streams *orphaned*; the next connection subscribes them and
  each delivers a `StreamGap` covering the outage before its first new event.
"""

from __future__ import annotations

import collections
import itertools
import logging
import threading
import time
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Deque, Iterator, Literal, Optional, Union

from .builder import RequestBuilder
from .config import USE_CLIENT_DEFAULT, UseClientDefault, check_timeout
from .connection import Connection
from .request import Pending
from .signing import Password, Signer, load_credentials
from .events import AccountSnapshot, StreamGap, UserDataEvent, parse_event
from .exceptions import (
    APIError,
    BinanceWSAPIError,
    ConnectFailed,
    InvalidRequest,
    SessionRevoked,
    StreamClosed,
    StreamEnded,
    StreamOverflow,
    StreamTerminated,
    StreamTimeout,
    fresh_copy,
)

if TYPE_CHECKING:
    from .supervisor import Supervisor

log = logging.getLogger("binance_wsapi")

__all__ = ["EventQueue", "Subscriptions", "UserData", "UserDataStream"]

Handler = Callable[[UserDataEvent], None]
EndHandler = Callable[[Optional[StreamEnded]], None]
OnOverflow = Literal["drop_oldest", "raise"]

_stream_numbers = itertools.count(1)
_SUBSCRIBE, _SUBSCRIBE_SIGNED, _UNSUBSCRIBE = (
    "userDataStream.subscribe",
    "userDataStream.subscribe.signature",
    "userDataStream.unsubscribe",
)
# An item in a stream's queue that is already an event object (a gap, a snapshot).
_MADE = object()


class EventQueue:
    """The consumer's side of a stream of events: a bounded queue, read by iteration,
    `get(timeout)` or handlers on a dispatcher thread of its own.

    The producer (an I/O thread) only calls `_put` with the wire event (never blocking); the
    consumer's thread turns it into an event object with `_parse`. Subclasses feed it:
    `UserDataStream` (Spot, subscribed on the API connection) and `listenkey.ListenKeyStream`
    (futures, on a stream connection of its own).
    """

    #: Turns a queued wire event into an event object.
    _parse: Callable[[dict[str, Any]], UserDataEvent] = staticmethod(parse_event)

    def __init__(self, name: str, *, queue_size: int, on_overflow: OnOverflow) -> None:
        self.name = name
        self._maxsize = queue_size
        self._raise_on_overflow = on_overflow == "raise"
        self._cond = threading.Condition(threading.Lock())
        self._items: Deque[Any] = collections.deque()
        #: Events dropped because the queue was full (drop_oldest).
        self.dropped = 0
        self._drop_gap: Optional[list[Any]] = None  # [start, count] of a gap not yet delivered
        self._closing = False
        self._end: Optional[StreamEnded] = None
        self._clean_end = False
        self._handlers: dict[str, tuple[Handler, ...]] = {}
        self._end_handlers: tuple[EndHandler, ...] = ()
        self._dispatcher: Optional[threading.Thread] = None

    @property
    def closed(self) -> bool:
        """True once the stream has ended (its queued events may still be read)."""
        return self._end is not None

    @property
    def error(self) -> Optional[StreamEnded]:
        """Why the stream ended, if it did."""
        return self._end

    def get(self, timeout: Optional[float] = None) -> UserDataEvent:
        """The next event; wait up to `timeout` seconds (None: until one comes or the stream ends).

        Raises `StreamTimeout` if none came in time, and once the queued events are read,
        the `StreamEnded` that ended the stream (`StreamClosed` after `close()`).
        """
        if self._dispatcher is not None and threading.current_thread() is not self._dispatcher:
            raise InvalidRequest(f"{self.name} delivers its events to handlers (stream.on); do not also read it")
        return self._take(check_timeout(timeout, zero=True))

    def __iter__(self) -> Iterator[UserDataEvent]:
        return self

    def __next__(self) -> UserDataEvent:
        try:
            return self.get(None)
        except StreamEnded as exc:
            if self._clean_end and isinstance(exc, StreamClosed):
                raise StopIteration from None
            raise

    def on(self, event_type: Union[str, type[UserDataEvent]], handler: Handler) -> None:
        """Call ``handler(event)`` for each event of `event_type` (``"*"``: every event).

        `event_type` is a wire name (``"executionReport"``, ``"ORDER_TRADE_UPDATE"``),
        ``"streamGap"``, ``"accountSnapshot"``, or an event class. Handlers run on this
        stream's dispatcher thread, in order; one that raises is logged and the others still
        run. Once a handler is registered, the stream is read by that thread only.
        """
        name = event_type if isinstance(event_type, str) else event_type.TYPE
        if not name:
            raise InvalidRequest(f"{event_type!r} is not an event type; pass a wire name such as 'executionReport'")
        with self._cond:
            self._handlers[name] = (*self._handlers.get(name, ()), handler)
            start = self._dispatcher is None
            if start:
                self._dispatcher = threading.Thread(target=self._dispatch, name=self.name, daemon=True)
        if start:
            assert self._dispatcher is not None
            self._dispatcher.start()

    def on_end(self, handler: EndHandler) -> None:
        """Call ``handler(error)`` on the dispatcher thread once the stream ends (None: closed)."""
        with self._cond:
            self._end_handlers = (*self._end_handlers, handler)

    # -- the queue -----------------------------------------------------------------------

    def _put(self, item: Any, made: bool = False) -> None:
        """Queue a wire event (or an event object, `made`) for the consumer (lock held)."""
        items = self._items
        if len(items) >= self._maxsize:
            if self._raise_on_overflow:
                self._end_locked(StreamOverflow(
                    f"{self.name}: {len(items)} events were waiting, the queue is full; the stream "
                    "ended (consume faster, raise queue_size, or use on_overflow='drop_oldest')"
                ))
                return
            dropped = items.popleft()
            now = time.time()
            gap = self._drop_gap
            if gap is None:
                gap = self._drop_gap = [now, 0]
                log.error(
                    "%s: the consumer fell behind (%d events waiting); dropping the oldest, a StreamGap will say how many",
                    self.name,
                    len(items) + 1,
                )
            if type(dropped) is tuple and isinstance(dropped[1], StreamGap):
                gap[0] = min(gap[0], dropped[1].start)
            else:
                gap[1] += 1
                self.dropped += 1
        items.append((_MADE, item) if made else item)
        self._cond.notify()

    def _take(self, timeout: Optional[float]) -> UserDataEvent:
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            while True:
                gap = self._drop_gap
                if gap is not None:
                    self._drop_gap = None
                    return StreamGap(gap[0], time.time(), "the consumer fell behind; the oldest events were dropped", gap[1])
                if self._items:
                    item = self._items.popleft()
                    break
                end = self._end
                if end is not None:
                    raise fresh_copy(end)
                if deadline is None:
                    self._cond.wait()
                else:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise StreamTimeout(f"no event on {self.name} within {timeout:g} s")
                    self._cond.wait(remaining)
        if type(item) is tuple and item[0] is _MADE:
            return item[1]  # type: ignore[no-any-return]
        return self._parse(item)

    def _dispatch(self) -> None:
        while True:
            try:
                event = self._take(None)
            except StreamEnded as exc:
                error = None if self._clean_end else exc
                if error is not None and not self._end_handlers:
                    log.error("%s ended: %s", self.name, error)
                for end_handler in self._end_handlers:
                    try:
                        end_handler(error)
                    except Exception:
                        log.exception("%s: end handler %s raised", self.name, getattr(end_handler, "__qualname__", end_handler))
                return
            handlers = self._handlers
            for handler in (*handlers.get(event.type, ()), *handlers.get("*", ())):
                try:
                    handler(event)
                except Exception:
                    log.exception("%s: handler %s raised", self.name, getattr(handler, "__qualname__", handler))

    def _finish(self, error: StreamEnded, *, clean: bool = False) -> None:
        with self._cond:
            self._end_locked(error, clean)

    def _end_locked(self, error: StreamEnded, clean: bool = False) -> None:
        if self._end is not None:
            return
        self._end = error
        self._clean_end = clean
        self._release_locked()
        self._cond.notify_all()
        if not clean:
            log.warning("%s ended: %s", self.name, error)

    def _release_locked(self) -> None:
        """Let go of what delivered the events, now that the stream has ended (lock held)."""


class UserDataStream(EventQueue):
    """The events of one account, in order, delivered off the I/O thread.

    Consume it one of two ways: iterate (``for event in stream``, or ``stream.get(timeout)``)
    or register handlers (``stream.on("executionReport", fn)``; ``"*"`` for every event),
    which a dispatcher thread of the stream runs. Events are `ExecutionReport`,
    `OutboundAccountPosition`, `BalanceUpdate`, `ListStatus`, `ExternalLockUpdate`,
    `EventStreamTerminated`, `UnknownEvent`, and the library's `StreamGap` and
    `AccountSnapshot`.

    The stream ends after `close()` (iteration stops), when its client closes, or with an
    exception the consumer gets after the last event: `StreamTerminated`, `SessionRevoked`,
    `StreamOverflow`.
    """

    def __init__(
        self,
        supervisor: Supervisor,
        builder: RequestBuilder,
        *,
        own: bool,
        queue_size: int,
        on_overflow: OnOverflow,
        resync: bool,
        request_timeout: Optional[float],
    ) -> None:
        super().__init__(f"{supervisor.name}-user-data-{next(_stream_numbers)}", queue_size=queue_size,
                         on_overflow=on_overflow)
        self._supervisor = supervisor
        self._builder = builder
        #: The client's own account (else another account's credentials).
        self.own = own
        self._method = _SUBSCRIBE if own and builder.session_logon else _SUBSCRIBE_SIGNED
        self._resync = resync
        self._request_timeout = request_timeout
        # The subscription delivering events, and the one replacing it during a switch.
        self._conn: Optional[Connection] = None
        self._sub: Any = None
        self._next: Optional[Connection] = None
        self._next_sub: Any = None
        self._buffer: list[dict[str, Any]] = []
        self._overlap: Optional[list[dict[str, Any]]] = None
        # After a switch: events the old subscription delivered that the new one may repeat.
        self._repeats: Optional[list[dict[str, Any]]] = None
        self._switch_started = 0.0
        self._leaving: Optional[Connection] = None
        self._attaching: Optional[Connection] = None
        self._gap_since: Optional[float] = None
        self._snapshot_due = False
        #: Subscribed at least once: from then on every new connection subscribes it again.
        self.established = False

    def __repr__(self) -> str:
        key = self._builder.api_key or ""
        state = "ended" if self._end is not None else "live" if self._conn is not None else "waiting"
        return (
            f"<UserDataStream {self.name} api_key={key[:4] + '…'!r} {state} "
            f"subscription_id={self._sub!r} queued={len(self._items)}>"
        )

    # -- consumer ------------------------------------------------------------------------

    @property
    def subscription_id(self) -> Any:
        """The subscriptionId on the current connection (None while not subscribed)."""
        return self._sub

    def close(self, timeout: Optional[float] = None) -> None:
        """Unsubscribe and end the stream; idempotent. Events already queued are still delivered.

        Waits up to `timeout` seconds (default: the client's close timeout) for the
        unsubscribe answer and the dispatcher thread.
        """
        seconds = check_timeout(timeout, zero=True, none="for the client's close timeout")
        wait = self._supervisor.close_timeout if seconds is None else seconds
        deadline = time.monotonic() + wait
        with self._cond:
            already = self._closing or self._end is not None
            self._closing = True
            subscribed = [(self._conn, self._sub), (self._next, self._next_sub)]
        self._supervisor.subscriptions.remove(self)
        requests = []
        for conn, sub in subscribed:
            if not already and conn is not None and not conn.dead:
                request = self._unsubscribe(conn, sub, wait)
                if conn.send(request, even_draining=True):
                    requests.append(request)
        for request in requests:
            request.wait(max(0.0, deadline - time.monotonic()))
        self._finish(StreamClosed(f"{self.name} was closed"), clean=True)
        if not self.own:
            self._supervisor.builder.forget_account(self._builder)
        dispatcher = self._dispatcher
        if dispatcher is not None and dispatcher is not threading.current_thread():
            dispatcher.join(max(0.0, deadline - time.monotonic()))


    def _release_locked(self) -> None:
        for conn, sub in ((self._conn, self._sub), (self._next, self._next_sub)):
            if conn is not None and conn.streams.get(sub) is self:
                del conn.streams[sub]
        self._conn = self._next = None
        self._buffer = []
        self._overlap = None
        self._supervisor.subscriptions.remove(self)  # an ended stream is not re-subscribed

    # -- the subscription (I/O and supervisor threads) -----------------------------------

    def _subscription(self, timeout: Optional[float]) -> Pending:
        """The subscribe request, freshly stamped; it attaches the stream when answered."""
        pending = self._builder.build(self._method, None, timeout, unwrap=True, kind=_Subscription)
        assert isinstance(pending, _Subscription)
        pending.stream = self
        # No resend after a -1021: it would go to the active connection, not the one being
        # prepared, and a fresh clock measurement has just been made anyway.
        pending.resynced = True
        return pending

    def _unsubscribe(self, conn: Connection, sub: Any, timeout: Optional[float]) -> Pending:
        pending = self._builder.build(_UNSUBSCRIBE, {"subscriptionId": sub}, timeout, unwrap=True, kind=_Unsubscription)
        assert isinstance(pending, _Unsubscription)
        pending.stream = self
        pending.target = conn
        return pending

    def _begin_switch(self, conn: Connection) -> None:
        """A new connection is about to subscribe: record what the current one delivers."""
        with self._cond:
            self._attaching = conn
            if self._conn is not None:
                self._overlap = []
                self._switch_started = time.time()

    def _attached(self, conn: Connection, result: Any) -> None:
        """The subscription on `conn` was confirmed (on `conn`'s I/O thread, before its next frame)."""
        sub = result.get("subscriptionId") if isinstance(result, dict) else None
        with self._cond:
            if self._attaching is conn:
                self._attaching = None
            self.established = True
            if self._end is not None or self._closing:
                orphan = True
            else:
                orphan = False
                conn.streams[sub] = self
                if self._conn is None:
                    since = self._gap_since
                    if since is not None:
                        self._gap_since = None
                        self._put(StreamGap(since, time.time(), "reconnected; events in between may be missing"), True)
                        self._snapshot_due = self._resync
                    self._conn, self._sub = conn, sub
                else:
                    self._next, self._next_sub, self._buffer = conn, sub, []
                    if self._overlap is None:
                        self._overlap = []
                        self._switch_started = time.time()
        if orphan:  # closed while subscribing: end the subscription on the server too
            conn.send(self._unsubscribe(conn, sub, self._request_timeout), even_draining=True)

    def _attach_failed(self, conn: Connection) -> None:
        """A subscription on `conn` did not happen: forget the switch it was for."""
        with self._cond:
            if self._attaching is conn:
                self._attaching = None
            if self._next is None and self._overlap is not None and self._conn is not None:
                self._overlap = None

    def _feed(self, conn: Connection, sub: Any, event: dict[str, Any]) -> None:
        """One wire event for this stream, on `conn`'s I/O thread."""
        with self._cond:
            if conn is self._conn and sub == self._sub:
                if event.get("e") == "eventStreamTerminated":
                    if self._next is not None and self._leaving is conn:
                        self._switch(clean=True)
                    elif self._closing:
                        self._end_locked(StreamClosed(f"{self.name} was closed"), clean=True)
                    else:
                        self._put(event)
                        self._end_locked(StreamTerminated(
                            f"{self.name}: Binance ended the subscription (eventStreamTerminated); "
                            "subscribe again for more events"
                        ))
                    return
                repeats = self._repeats
                if repeats is not None:
                    if event in repeats:
                        repeats.remove(event)
                        if not repeats:
                            self._repeats = None
                        return
                    self._repeats = None
                if self._overlap is not None:
                    self._overlap.append(event)
                self._put(event)
            elif conn is self._next and sub == self._next_sub:
                self._buffer.append(event)

    def _left(self, conn: Connection, *, clean: bool) -> None:
        """The unsubscribe sent on `conn` to switch away from it was answered, or failed
        (then events in between may be missing)."""
        with self._cond:
            if self._conn is conn and self._next is not None:
                self._switch(clean=clean)

    def _switch(self, *, clean: bool) -> None:
        """Make the new subscription the delivering one (lock held): its held-back events
        follow, minus those the old one already delivered."""
        old, new = self._conn, self._next
        assert old is not None and new is not None
        if old.streams.get(self._sub) is self:
            del old.streams[self._sub]
        if not clean:
            self._put(StreamGap(self._switch_started, time.time(), "the old connection closed while switching"), True)
            self._snapshot_due = self._resync
        # The new subscription's first events repeat the old one's last (those after it
        # started); the first event the old one did not deliver ends the repetition.
        seen: Optional[list[dict[str, Any]]] = self._overlap or None
        for event in self._buffer:
            if seen is not None:
                if event in seen:
                    seen.remove(event)
                    continue
                seen = None
            self._put(event)
        self._repeats = seen or None  # more may still be on their way from the new connection
        self._conn, self._sub = new, self._next_sub
        self._next = self._next_sub = None
        self._buffer = []
        self._overlap = None
        self._leaving = None

    def _conn_closed(self, conn: Connection) -> None:
        """`conn` is gone (its I/O thread ended, or it was abandoned before being used)."""
        with self._cond:
            if self._attaching is conn:
                self._attaching = None
                if self._next is None:
                    self._overlap = None
            if conn is self._next:
                self._next = self._next_sub = None
                self._buffer = []
                self._overlap = None
            if conn is self._conn:
                if self._next is not None:
                    self._switch(clean=False)
                else:
                    self._conn = self._sub = None
                    self._overlap = None
                    if self._end is None and not self._closing:
                        # Everything up to the last frame read arrived; after that, who knows.
                        self._gap_since = time.time() - max(0.0, time.monotonic() - conn.last_rx)

    def _needs_connection(self) -> bool:
        with self._cond:
            return (
                self.established
                and self._end is None
                and not self._closing
                and self._conn is None
                and self._attaching is None
            )

    # -- snapshots -----------------------------------------------------------------------

    def _fetch_snapshot_if_due(self) -> None:
        with self._cond:
            due, self._snapshot_due = self._snapshot_due, False
        if due:
            self.fetch_snapshot()

    def fetch_snapshot(self) -> None:
        """Read balances and open orders now; an `AccountSnapshot` follows in the stream.

        Without waiting: the snapshot is queued when the three answers are in (a failure is
        logged, and no snapshot comes).
        """
        supervisor = self._supervisor
        calls = [
            self._builder.build(method, None, self._request_timeout, unwrap=True, future=True)
            for method in ("account.status", "openOrders.status", "openOrderLists.status")
        ]
        results: list[Any] = [None] * len(calls)
        left = [len(calls)]
        lock = threading.Lock()

        def done(index: int, future: Any) -> None:
            error = future.exception()
            with lock:
                results[index] = error if error is not None else future.result()
                left[0] -= 1
                if left[0]:
                    return
            failed = [r for r in results if isinstance(r, BaseException)]
            if failed:
                log.error("%s: could not read the account snapshot: %s", self.name, failed[0])
                return
            with self._cond:
                if self._end is None:
                    self._put(AccountSnapshot.from_results(results[0], results[1], results[2]), True)

        for index, pending in enumerate(calls):
            supervisor.submit(pending)
            if pending.deadline is not None and not pending.done():
                supervisor.track_deadline(pending)
            assert pending.future is not None
            pending.future.add_done_callback(partial(done, index))


class _Subscription(Pending):
    """A subscribe request that attaches its stream when answered, on the I/O thread."""

    __slots__ = ("stream",)
    stream: UserDataStream

    def set_result(self, value: Any) -> None:
        if not self.done() and self.conn is not None:
            self.stream._attached(self.conn, value)
        super().set_result(value)

    def set_exception(self, exc: BaseException) -> None:
        if not self.done() and self.conn is not None:
            self.stream._attach_failed(self.conn)
        super().set_exception(exc)


class _Unsubscription(Pending):
    """An unsubscribe that, answered either way, ends the stream's switch away from `target`."""

    __slots__ = ("stream", "target")
    stream: UserDataStream
    target: Connection

    def set_result(self, value: Any) -> None:
        if not self.done():
            self.stream._left(self.target, clean=True)
        super().set_result(value)

    def set_exception(self, exc: BaseException) -> None:
        if not self.done():
            # -2036: the subscription had already ended, so it delivered everything it had.
            self.stream._left(self.target, clean=getattr(exc, "code", None) == -2036)
        super().set_exception(exc)


class Subscriptions:
    """Every live stream of one client, and what the supervisor does for them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.streams: tuple[UserDataStream, ...] = ()

    def add(self, stream: UserDataStream) -> None:
        with self._lock:
            self.streams = (*self.streams, stream)

    def remove(self, stream: UserDataStream) -> None:
        with self._lock:
            self.streams = tuple(s for s in self.streams if s is not stream)

    def attach_all(self, conn: Connection, deadline: float) -> None:
        """Subscribe every established stream on the new `conn` and wait for the answers.

        A stream the server refuses (e.g. its API key was revoked) ends with that error; a
        subscription that gets no answer fails the connection (ConnectFailed).
        """
        requests: list[Pending] = []
        for stream in self.streams:
            if not stream.established or stream.closed:
                continue
            stream._begin_switch(conn)
            pending = stream._subscription(max(0.0, deadline - time.monotonic()))
            if not conn.send(pending):
                raise ConnectFailed("the new connection closed while re-subscribing user data streams")
            requests.append(pending)
        for pending in requests:
            if not pending.wait(max(0.0, deadline - time.monotonic())):
                conn.inflight.pop(pending.id, None)
                raise ConnectFailed(f"{pending.method} got no answer on a new connection")
            try:
                pending.result()
            except APIError as exc:
                stream = pending.stream  # type: ignore[attr-defined]
                stream._finish(_ended_by(exc, stream))
            except BinanceWSAPIError as exc:
                raise ConnectFailed(f"{pending.method} failed on a new connection: {exc}") from exc

    def leave(self, old: Connection, timeout: Optional[float]) -> None:
        """Unsubscribe on `old` every stream now subscribed on its replacement too."""
        for stream in self.streams:
            with stream._cond:
                if stream._conn is not old or stream._next is None:
                    continue
                stream._leaving = old
                sub = stream._sub
            if not old.send(stream._unsubscribe(old, sub, timeout), even_draining=True):
                stream._left(old, clean=False)

    def attach_orphans(self, conn: Connection, timeout: Optional[float]) -> list[Pending]:
        """Subscribe, on the active `conn`, streams that lost theirs, without waiting (the
        answer attaches them); the requests sent, whose deadlines the caller enforces."""
        sent = []
        for stream in self.streams:
            if stream._needs_connection():
                stream._begin_switch(conn)
                pending = stream._subscription(timeout)
                if conn.send(pending):
                    sent.append(pending)
                else:
                    stream._attach_failed(conn)
        return sent

    def orphans(self) -> bool:
        return any(stream._needs_connection() for stream in self.streams)

    def after_connect(self) -> None:
        """Start the snapshots due after gaps (supervisor thread, connection published)."""
        for stream in self.streams:
            stream._fetch_snapshot_if_due()

    def on_closed(self, conn: Connection) -> None:
        """`conn` is finished (any thread): its subscriptions are gone."""
        for stream in self.streams:
            stream._conn_closed(conn)

    def on_revoked(self, conn: Connection, error: dict[str, Any]) -> None:
        """Binance revoked `conn`'s session: end the client's own streams on it."""
        for stream in list(conn.streams.values()):
            if stream.own:
                stream._finish(SessionRevoked(
                    f"{stream.name}: Binance revoked the session (code {error.get('code')}: {error.get('msg')}); "
                    "check the API key's validity, IP whitelist and permissions"
                ))

    def close_all(self, cause: BaseException, clean: bool) -> list[threading.Thread]:
        """End every stream (the client is closing); their dispatcher threads, to join."""
        with self._lock:
            streams, self.streams = self.streams, ()
        for stream in streams:
            error = StreamClosed(f"{stream.name} ended: {cause}")
            if not clean:
                error.__cause__ = cause
            stream._finish(error, clean=clean)
        return [s._dispatcher for s in streams if s._dispatcher is not None]


class UserData:
    """`client.user_data`: subscribe to accounts' user data streams on the client's connection."""

    __slots__ = ("_supervisor", "_timeout")

    def __init__(self, supervisor: Supervisor, request_timeout: Optional[float]) -> None:
        self._supervisor = supervisor
        self._timeout = request_timeout

    def subscribe(
        self,
        api_key: Optional[str] = None,
        api_secret: Union[str, bytes, None] = None,
        *,
        signer: Optional[Signer] = None,
        private_key_password: Password = None,
        queue_size: int = 10_000,
        on_overflow: OnOverflow = "drop_oldest",
        resync: bool = False,
        timeout: Union[float, None, UseClientDefault] = USE_CLIENT_DEFAULT,
    ) -> UserDataStream:
        """Subscribe to an account's events and return its `UserDataStream`.

        Without credentials, the client's own account: with ``userDataStream.subscribe`` on a
        session logged on with an Ed25519 key, ``userDataStream.subscribe.signature``
        otherwise. With `api_key` and `api_secret` (or `signer`), another account, by
        signature, on the same connection (one stream per account).

        `queue_size` events wait for the consumer at most; when full, ``on_overflow=
        "drop_oldest"`` drops the oldest and delivers a `StreamGap` counting them,
        ``"raise"`` ends the stream with `StreamOverflow`. With `resync`, an
        `AccountSnapshot` follows the subscription and every gap.
        """
        supervisor = self._supervisor
        if supervisor.closed is not None:
            raise supervisor.closed_error()
        if not isinstance(queue_size, int) or isinstance(queue_size, bool) or queue_size < 1:
            raise InvalidRequest(f"queue_size={queue_size!r}: pass a positive number of events")
        if on_overflow not in ("drop_oldest", "raise"):
            raise InvalidRequest(f"on_overflow={on_overflow!r}: pass 'drop_oldest' or 'raise'")
        seconds = self._timeout if isinstance(timeout, UseClientDefault) else check_timeout(timeout)
        own_builder = supervisor.builder
        signer = load_credentials(api_key, api_secret, signer, private_key_password)
        own = api_key is None or api_key == own_builder.api_key
        if own:
            if own_builder.signer is None:
                raise InvalidRequest(
                    "this client has no credentials: create it with api_key and api_secret, or pass "
                    "the account's api_key and api_secret to subscribe()"
                )
            builder = own_builder
        else:
            assert api_key is not None and signer is not None  # load_credentials: they come together
            builder = own_builder.for_account(api_key, signer)
        for other in supervisor.subscriptions.streams:
            if other._builder.api_key == builder.api_key and not other.closed:
                raise InvalidRequest(
                    f"{other.name} already streams this account: Binance allows one subscription per "
                    "account on a connection; read that stream, or close() it first"
                )
        stream = UserDataStream(
            supervisor,
            builder,
            own=own,
            queue_size=queue_size,
            on_overflow=on_overflow,
            resync=resync,
            request_timeout=self._timeout,
        )
        supervisor.subscriptions.add(stream)
        try:
            pending = stream._subscription(seconds)
            supervisor.submit(pending)
            if not pending.wait(seconds):
                supervisor.expire(pending, seconds)
                pending.wait(supervisor.close_timeout)
            pending.result()
        except BaseException as exc:
            if not own:
                if not pending.done():  # interrupted while queued: it must not go out signed by a forgotten builder
                    supervisor.expire(pending, seconds)
                own_builder.forget_account(builder)
            stream._finish(StreamClosed(f"{stream.name} could not subscribe: {exc}"))
            raise
        log.info("%s: subscribed (%s, subscriptionId=%s)", stream.name, stream._method, stream.subscription_id)
        if resync:
            stream.fetch_snapshot()
        return stream


def _ended_by(error: APIError, stream: UserDataStream) -> StreamEnded:
    if error.code == -2015 or error.status == 401:
        ended: StreamEnded = SessionRevoked(f"{stream.name}: re-subscribing was refused: {error}")
    else:
        ended = StreamTerminated(f"{stream.name}: re-subscribing was refused: {error}")
    ended.__cause__ = error
    return ended
