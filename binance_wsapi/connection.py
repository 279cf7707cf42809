"""One WebSocket connection and its I/O thread: the I/O side of protocol.py.

Whoever holds the connection's read token reads the socket: its I/O thread, or a blocking
caller waiting for its own answer when nobody else is reading (leader/follower, see
`Connection.wait_for`), which saves the hand-off between threads on every round trip. The
reader feeds what it reads to the connection's `ClientProtocol`, which parses frames and
matches each response to its request by `id` through the in-flight registry, and acts on
the events that come out: it writes the pongs and the close reply, completes each matched
request (`settle`), and tells its listener. It never runs user code: events and
done-callbacks go to the callback thread. Callers write their own requests, so a request
costs no thread hand-off on the way out either.

The registry lives in the protocol, and so does the statement of its invariant (see
protocol.py): registered before written, marked dead before drained, and whoever pops an
entry completes it. This module keeps its side of it: `send` re-checks `dead` after
registering, `abort` and `close` set `dead` before draining, and an `Answered` event whose
handling fails puts its request back for the teardown to fail. Only the I/O thread fails
what is in flight when the connection is lost, and only it closes the socket; a caller that
finds the connection broken while reading aborts it, and the I/O thread does the rest.
"""

from __future__ import annotations

import collections
import email.utils
import logging
import threading
import time
from typing import Any, Iterable, Mapping, Optional, Protocol

import websocket

from .exceptions import (
    APIError,
    BinanceWSAPIError,
    ConnectFailed,
    ConnectionLost,
    describe as _describe,
)
from .protocol import (
    Answered,
    ClientProtocol,
    CloseReceived,
    Event,
    PingReceived,
    ProtocolError,
    Refused,
    ServerEvent,
    Unmatched,
    settle,
)
from .request import Pending
from .transport import Dialer, Transport, transport_for

log = logging.getLogger("binance_wsapi")

__all__ = ["Connection", "Listener"]


class _ServerClosed(Exception):
    pass


# How long the I/O thread leaves the socket to blocking callers after it read an answer for
# one (see Connection.wait_for). While nobody reads, a server ping or close, or a late
# response, waits this long at most.
_LINGER = 0.25
_INTERRUPTED = BaseException("interrupted")  # a marker, never raised
# How long the I/O thread waits for the read token before it looks whether the connection died.
_TOKEN_WAIT = 1.0


class Listener(Protocol):
    """What a connection tells its owner (the supervisor); every method runs on the I/O thread."""

    latencies: collections.deque[float]

    def on_event(self, conn: Connection, msg: dict[str, Any]) -> None: ...

    def on_answered(self, pending: Optional[Pending], rate_limits: Any, rtt: float) -> None: ...

    def on_refused(self, status: int, error: Mapping[str, Any]) -> None: ...

    def on_stale_clock(self, pending: Pending, error: APIError) -> bool: ...

    def on_unmatched(self, conn: Connection, msg: dict[str, Any]) -> None: ...

    def on_lost(self, conn: Connection, reason: BaseException) -> None: ...

    def on_died(self, exc: BaseException) -> None: ...

    def on_finished(self, conn: Connection) -> None: ...

    def wants_events(self, conn: Connection) -> bool:
        """Events on `conn` have somewhere to go (a stream, an event handler): read them at once."""
        ...


class Connection:
    """A connected WebSocket with a running I/O thread.

    `open()` runs on the supervisor thread; `send()` on any caller thread; everything named
    ``_on_*`` runs on this connection's I/O thread, and so do all calls to the `listener`.
    """

    def __init__(
        self,
        url: str,
        *,
        name: str,
        max_message_size: int,
        ws_options: Mapping[str, Any],
        listener: Listener,
        shown_url: Optional[str] = None,
    ) -> None:
        self.url = url
        #: The URL as messages and logs show it (a stream URL ends in a listenKey: shortened).
        self.shown_url = shown_url or url
        self.name = name
        self._protocol: ClientProtocol[Pending] = ClientProtocol(max_message_size, name)
        #: The protocol's in-flight registry, the very dict: other modules pop from it
        #: (a caller giving up, a subscription ended), under the invariant in protocol.py.
        self.inflight = self._protocol.inflight
        self.dead = False
        self.draining = False
        self.logged_on = False
        #: User data subscriptions on this connection: subscriptionId -> stream (see userdata).
        self.streams: dict[Any, Any] = {}
        self.connected_at = 0.0
        self.last_rx = 0.0
        self.ping_sent_at: Optional[float] = None
        self.thread: Optional[threading.Thread] = None
        #: Requests written (counted under the write lock); responses_received is the protocol's.
        self.requests_sent = 0
        self._closing = False
        self._lost_reason: Optional[BaseException] = None
        self._ws_options = ws_options
        self._io: Optional[Transport] = None
        self._dialer = Dialer()
        self._opened = threading.Event()
        self._open_error: Optional[ConnectFailed] = None
        # Frames waiting for the thread that is writing (see _write), and whether one is.
        self._out: list[bytes] = []
        self._out_lock = threading.Lock()
        self._writing = False
        self._listener = listener
        # The read token: whoever holds it reads the socket and feeds the protocol, the I/O
        # thread or a blocking caller waiting for its own answer (see wait_for).
        # Re-entrant only so that a thread can tell it holds it (see wait_for).
        self._read_lock = threading.RLock()
        # A caller found the I/O thread reading and had to wait for a hand-off: the I/O
        # thread then steps aside for a while, so that the next caller reads for itself.
        self._lead_wanted = False
        self._parked = False
        self._resume = threading.Event()
        # Answers the I/O thread read for blocking callers, completed once it lets go of the
        # token (see _consume).
        self._later: list[Answered[Pending]] = []

    def __repr__(self) -> str:
        state = "dead" if self.dead else "draining" if self.draining else "open"
        return f"<Connection {self.name} {state} in_flight={len(self.inflight)}>"

    @property
    def responses_received(self) -> int:
        """Responses read, matched or not (counted by the protocol on the I/O thread)."""
        return self._protocol.responses_received

    # -- opening ---------------------------------------------------------------------------

    def open(self, timeout: float, io_timeout: float) -> None:
        """Connect and handshake within `timeout`; ConnectFailed on any failure.

        The connection's own thread dials, then stays on as its I/O thread, so that a stuck
        attempt never holds the caller past `timeout`, and `close()` from any thread ends it
        at once. `io_timeout` bounds every later write: one that makes no progress that long
        (the peer stopped reading) kills the connection instead of blocking its caller
        forever. Reads have no timeout: the supervisor's heartbeat decides when silence
        means death.
        """
        self.thread = threading.Thread(target=self._run, args=(timeout, io_timeout), name=self.name, daemon=True)
        self.thread.start()
        if not self._opened.wait(timeout):
            # The dial may end just now, successfully: shut the socket down whichever it is.
            # The attempt fails at its next socket operation; only a name lookup cannot be cut.
            self._shutdown()
            self._dialer.abort()
            self._opened.wait(1.0)
            failed = ConnectFailed(f"could not connect to {self.shown_url} within {timeout:g} s")
            raise failed from self._open_error
        if self._open_error is not None:
            raise self._open_error

    def _dial(self, timeout: float, io_timeout: float) -> bool:
        """The opening half of the I/O thread: True once connected and published."""
        try:
            sock = self._dialer.dial(self.url, timeout, self._ws_options)
        except BaseException as exc:
            self._open_error = _connect_error(self.shown_url, exc, aborted=self._dialer.aborted)
            self._opened.set()
            return False
        self._io = transport_for(sock, io_timeout)
        if self._dialer.aborted or self._closing:  # close() or the deadline won the race
            self._io.close()
            self._open_error = ConnectFailed(f"the connection attempt to {self.shown_url} was aborted")
            self._opened.set()
            return False
        self.connected_at = self.last_rx = time.monotonic()
        self._opened.set()
        return True

    # -- caller side -----------------------------------------------------------------------

    def send(self, pending: Pending, *, even_draining: bool = False) -> bool:
        """Register and write `pending`. False means nothing was sent: use another connection.

        True means the request is now this connection's to complete, even if the write failed
        after the I/O thread had already failed it as lost. A draining connection takes no new
        requests unless `even_draining` (the library ending a subscription on it).
        """
        if not pending.start():
            return True  # its owner cancelled it while it waited: nothing to send
        pending.conn = self
        self._protocol.register(pending)
        if self.dead or (self.draining and not even_draining):
            return self._take_back(pending)
        pending.sent_at = time.perf_counter()
        if self._write(pending.frame, 1, pending):
            # Only this frame was in the failed write: at most part of it left, which the server
            # cannot execute, so it may go out on another connection.
            return self._take_back(pending)
        if self._parked and (not pending.lead or pending.waiting):
            # Nobody will read this answer in its own thread: the I/O thread must. (A
            # caller about to wait reads it itself, or finds a reader: see wait_for.)
            self._resume.set()
        if log.isEnabledFor(logging.DEBUG):
            log.debug("request id=%s %s sent on %s", pending.id, pending.method, self.name)
        return True

    def _take_back(self, pending: Pending) -> bool:
        """Undo a registration that sent nothing; True if the I/O thread completed it first."""
        if not self._protocol.take_back(pending):
            return True
        pending.conn = None  # not sent, so not this connection's: expire() looks in the queue
        return False

    def send_ping(self) -> None:
        """Send a ping frame (heartbeat); any frame back proves the link is alive."""
        self._write(self._protocol.ping_frame())
        self.wake_reader()

    def wake_reader(self) -> None:
        """Make the I/O thread read again now if it stepped aside (see wait_for)."""
        if self._parked:
            self._resume.set()

    # -- reading in the caller's thread ----------------------------------------------------

    def wait_for(self, pending: Pending, timeout: Optional[float]) -> bool:
        """Wait for `pending`, sent on this connection; False if `timeout` passed first.

        Leader/follower: if no other thread is reading the socket, the caller reads it
        itself, handling whatever arrives (other requests' answers, events) exactly as the I/O
        thread would, until its own answer has come. That saves the hand-off from the I/O
        thread to the caller, the largest part of a round trip's cost in the client. If the
        I/O thread is reading, the caller waits for the hand-off. Whenever the I/O thread has
        read a blocking caller's answer, or a caller had to wait for it, it then steps aside
        for up to `_LINGER` seconds, while what is in flight is callers' own to read (not
        while events have somewhere to go: a user data stream, an event handler), so that a
        caller making call after call reads its own answers.

        Nobody is left waiting without a reader: a caller that leaves with others' requests
        in flight wakes the I/O thread, and so does a send whose owner will not read. A
        failure while reading (the server closed, a protocol error, an interrupt after bytes
        were consumed) aborts the connection; its I/O thread then fails what was in flight.
        """
        token = self._read_lock
        # An interrupt (KeyboardInterrupt lands between any two bytecodes) can leave this
        # thread holding the token past the code that would release it: whether it holds the
        # token is therefore asked of the token, never kept in a variable.
        while token._is_owned():  # type: ignore[attr-defined]
            token.release()  # left by an interrupt in an earlier call: nobody reads under it
        deadline = None
        try:
            if not token.acquire(False):
                pending.following = True  # before the wish: see _callers_read_all
                self._lead_wanted = True
                return pending.wait_completed(timeout)
            deadline = None if timeout is None else time.monotonic() + timeout
            self._lead(pending, deadline)
        finally:
            if token._is_owned():  # type: ignore[attr-defined]
                self._hand_back()
                token.release()
                # Again after the release: a caller that failed to take the token before it
                # registered its request is seen only now.
                self._hand_back()
        return pending.wait_completed(None if deadline is None else deadline - time.monotonic())

    def _hand_back(self) -> None:
        """Wake the I/O thread if it stands aside while requests are in flight."""
        if self.inflight and self._parked:
            self._resume.set()

    def _lead(self, pending: Pending, deadline: Optional[float]) -> None:
        """Read until `pending` leaves the registry, the deadline passes, or the connection dies."""
        io = self._io
        assert io is not None
        inflight = self.inflight
        key = pending.id
        monotonic = time.monotonic
        more = False  # the last read got data: read again before polling (a large answer takes many)
        while inflight.get(key) is pending and not self.dead:
            wait = None
            if deadline is not None:
                wait = deadline - monotonic()
                if wait <= 0:
                    return
            if not more and not io.wait_readable(wait):  # nothing consumed: an interrupt here loses nothing
                continue
            lost: Optional[BaseException] = _INTERRUPTED
            try:
                data = io.read_nowait()
                more = data is not None
                if more:
                    self._consume(data)  # type: ignore[arg-type]
                lost = None
            except _ServerClosed as exc:
                lost = ConnectionLost(str(exc))
            except (OSError, ProtocolError, ValueError) as exc:
                lost = exc
            finally:
                # Anything else (an interrupt, a bug) may have consumed bytes and left events
                # unhandled: the stream is lost too. Whatever was handed over and not completed
                # goes back to the registry, for the I/O thread's teardown to fail.
                if lost is not None:
                    self._protocol.put_back_unhandled()
                    if lost is _INTERRUPTED:
                        lost = ConnectionLost("interrupted while reading a response")
                    self.abort(lost)

    def _write(self, frame: bytes, requests: int = 0, pending: Optional[Pending] = None) -> bool:
        """Write `frame`, combined with whatever other threads queue meanwhile.

        If another thread is writing, queue the frame and return at once: that thread writes
        it along with its own. Under contention this turns many small writes (each a syscall
        and a GIL hand-off) into one. A write that fails kills the connection; its frames may
        have partly left, so they are failed as lost, except that True is returned when the
        failed write held only `frame`. Anything else leaving the write (KeyboardInterrupt in
        a notebook, a bug) kills the connection too: a connection is usable or dead, never
        left with a writer flag that nobody will clear.
        """
        out: list[bytes] = []
        failure: Optional[BaseException] = None
        # From the moment this thread may hold the writer flag, any exit other than a clean
        # one (an interrupt can land between any two bytecodes) must clear it.
        owner = False
        try:
            with self._out_lock:
                self._out.append(frame)
                self.requests_sent += requests
                if pending is not None:
                    # Binance counts requests in the order they reach it, which is this order,
                    # not the order in which threads were admitted.
                    pending.written()
                if self._writing:
                    return False
                owner = True
                self._writing = True
            io = self._io
            assert io is not None
            while True:
                with self._out_lock:
                    out = self._out
                    if not out:
                        self._writing = False
                        return False
                    self._out = []
                try:
                    io.send(out[0] if len(out) == 1 else b"".join(out))
                except OSError as exc:
                    failure = exc
                    return len(out) == 1 and out[0] is frame
        except BaseException as exc:
            failure = exc
            raise
        finally:
            if failure is not None and owner:  # a thread that never took the flag has none to clear
                with self._out_lock:
                    self._out.clear()
                    self._writing = False
                self.abort(ConnectionLost(f"write failed: {_describe(failure)}"))

    # -- closing ---------------------------------------------------------------------------

    def abort(self, reason: BaseException) -> None:
        """Declare the connection dead now; the I/O thread fails what is in flight with `reason`."""
        if self.dead:
            return
        self.dead = True
        self._lost_reason = reason
        self._shutdown()

    def close(
        self, cause: type[BinanceWSAPIError], message: str, code: int = 1000, reason: str = "", *, fail: bool = True
    ) -> None:
        """Close on purpose (no reconnect follows): fail what is in flight with `cause`, then hang up.

        `dead` is set before the registry is drained, so a caller registering concurrently
        either sees it and takes its request back, or is drained here. `fail=False` leaves
        what is in flight pending (interpreter exit: see Supervisor.close).
        """
        if self._closing:
            return
        self._closing = True
        self.dead = True
        if fail:
            self.fail_all(cause, message)
        io = self._io
        with self._out_lock:
            polite = io is not None and not self._writing
            self._writing = True  # no more writes after this
        if polite:
            assert io is not None
            # A close frame, but never wait long for it: the peer may have stopped reading.
            try:
                io.send(self._protocol.close_frame(code, reason), timeout=0.5)
            except OSError:
                pass
        self._shutdown()

    def fail_all(self, cause: type[BinanceWSAPIError], message: str) -> None:
        """Complete every in-flight request with `cause` (ExecutionStatusUnknown where it applies)."""
        for pending in self._protocol.pop_all():
            pending.fail(cause, message, sent=True)

    def _shutdown(self) -> None:
        """Stop all traffic and wake the I/O thread; only the I/O thread closes the socket.

        Closing a socket from another thread frees its file descriptor while the I/O thread
        may be about to poll it; the number is then reused by the next socket opened in this
        process, and the I/O thread ends up waiting on someone else's connection.
        """
        if self._io is not None:
            self._io.shutdown()
        else:
            self._dialer.abort()
        self._resume.set()  # a parked I/O thread reads the end and fails what is in flight

    # -- the I/O thread --------------------------------------------------------------------

    def _run(self, timeout: float, io_timeout: float) -> None:
        if not self._dial(timeout, io_timeout):
            return
        try:
            self._read_loop()
        except _ServerClosed as exc:
            self._finish(ConnectionLost(str(exc)))
        except (OSError, ProtocolError, ValueError) as exc:
            self._finish(exc)
        except BaseException as exc:  # a bug or an interpreter shutdown: record it, wake everyone
            self.dead = True
            self._shutdown()
            self._listener.on_died(exc)
        else:  # pragma: no cover - the loop only ends by raising
            self._finish(ConnectionLost("connection closed"))
        finally:
            # Never under a caller polling it (see wait_for). A caller that still holds the token
            # after a second was interrupted holding it: a live reader of a dead connection
            # lets go at once.
            held = self._read_lock.acquire(timeout=_TOKEN_WAIT)
            try:
                assert self._io is not None
                self._io.close()  # here and only here (see _shutdown)
            except OSError:
                pass
            finally:
                if held:
                    self._read_lock.release()
            self._listener.on_finished(self)

    def _finish(self, exc: BaseException) -> None:
        self.dead = True
        if self._closing:
            return
        reason = self._lost_reason or exc
        self._shutdown()
        self.fail_all(ConnectionLost, f"connection lost: {_describe(reason)}")
        self._listener.on_lost(self, reason)

    def _read_loop(self) -> None:
        assert self._io is not None
        recv = self._io.recv
        consume = self._consume
        token = self._read_lock
        later = self._later
        while True:
            if not token.acquire(timeout=_TOKEN_WAIT):
                if self.dead:  # aborted (the heartbeat, close) while an interrupted caller holds it
                    raise _ServerClosed("the connection was aborted")
                continue
            read = False
            try:
                consume(recv(), later)
                read = True
            except BaseException:
                self._protocol.put_back_unhandled()
                self.dead = True  # before the token is free: no caller reads after this
                raise
            finally:
                token.release()
                if later and not read:  # answered, so theirs even if the connection is lost now
                    self._answer_later()
            # A blocking caller whose answer this thread read, or who found it reading, is
            # likely to call again: let it read for itself then.
            if (later or self._lead_wanted) and self._callers_read_all():
                self._step_aside()
            elif later:
                self._answer_later()

    def _answer_later(self) -> None:
        """Complete the blocking callers' requests whose answers `_handle` put aside."""
        later = self._later
        try:
            while later:
                self._answer(later[0])
                del later[0]
        except BaseException:
            # Not completed, so not answered as far as anyone knows: back to the registry, for
            # the teardown to fail them.
            self._protocol.put_back(event.pending for event in later)
            later.clear()
            raise

    def _step_aside(self) -> None:
        """Leave the socket to blocking callers for up to `_LINGER` s, or until woken.

        Only while what is in flight is blocking callers' own to read (`_callers_read_all`): a
        follower's answer that arrives in many reads (a large one) is read to its end first,
        and the wish to read stands until then.
        """
        self._lead_wanted = False
        if self._listener.wants_events(self):
            self._answer_later()
            return
        self._resume.clear()
        self._parked = True  # before looking at the registry: see send() and wait_for()
        try:
            # Only now do the callers whose answers were just read wake: the token is free
            # and this thread out of the way, so their next calls read for themselves.
            self._answer_later()
            if self._callers_read_all() and not self.dead:
                self._resume.wait(_LINGER)
        finally:
            self._parked = False

    def _callers_read_all(self) -> bool:
        """Whatever is in flight belongs to blocking callers who will read it themselves.

        A caller woken by `_answer_later` may have sent its next request already, or be
        reading for it: that is no reason to stay at the socket. A future's request, the
        library's own, or one whose owner waits for a hand-off is.
        """
        # list() copies in one step under the GIL: no other thread's change lands mid-way.
        return all(p.lead and not p.following for p in list(self.inflight.values()))

    def _consume(self, data: bytes, later: Optional[list[Answered[Pending]]] = None) -> None:
        """Feed what was read to the protocol and act on the events (read token held).

        With `later` (the I/O thread), answers to blocking callers go there, to be completed
        once the token is released: a caller woken while this thread still holds it finds
        it taken, waits for a hand-off again, and never gets to read its own answers.
        """
        if not data:
            raise _ServerClosed("the server closed the TCP connection")
        self.last_rx = time.monotonic()
        protocol = self._protocol
        try:
            events = protocol.receive_data(data)
        except ProtocolError as exc:
            # They came before the violation, some with requests popped. The exception
            # outlives this thread (the reason the connection was lost): let them go.
            before, exc.events = exc.events, ()
            self._handle(before, later)
            protocol.handled()
            raise
        if events:
            self._handle(events, later)
            protocol.handled()

    def _handle(self, events: Iterable[Event[Pending]], later: Optional[list[Answered[Pending]]] = None) -> None:
        """Act on `events` in order; every Answered one is this thread's to complete.

        If this raises part way, what it had not completed is still listed by the protocol:
        the caller puts it back (`put_back_unhandled`) for the teardown to fail. Answers put
        in `later` are the caller's to complete (see _consume).
        """
        listener = self._listener
        answered = False
        for event in events:
            if type(event) is Answered:
                answered = True
                if later is not None and event.pending.lead:
                    self._protocol.passed_on(event.pending)
                    later.append(event)
                else:
                    self._answer(event)
            elif type(event) is ServerEvent:
                listener.on_event(self, event.msg)
            elif type(event) is Unmatched:
                listener.on_answered(None, event.msg.get("rateLimits"), 0.0)
                listener.on_unmatched(self, event.msg)
            elif type(event) is PingReceived:
                self._write(event.pong)
            elif type(event) is CloseReceived:
                if not self._closing:
                    self._write(event.reply)
                reason = f": {event.reason}" if event.reason else ""
                raise _ServerClosed(f"the server closed the connection (code {event.code}{reason})")
        # Once per batch: every response in it has been settled (or put aside, to be settled
        # before this thread reads again) before a rotated connection closes.
        if answered and self.draining and not self.inflight:
            self.close(ConnectionLost, "connection rotated", 1000, "rotated")

    def _answer(self, event: Answered[Pending]) -> None:
        """Complete the request `event` answers, unless a clock resync sends it again."""
        listener = self._listener
        pending = event.pending
        msg = event.msg
        rtt = time.perf_counter() - pending.sent_at
        listener.latencies.append(rtt)
        listener.on_answered(pending, msg.get("rateLimits"), rtt)
        outcome = settle(pending, msg, event.status)
        if outcome is not None:
            if type(outcome) is Refused:
                listener.on_refused(outcome.status, outcome.error)
            elif listener.on_stale_clock(pending, outcome.exc):
                self._protocol.passed_on(pending)
                return  # re-sent after a clock resync; it completes then
            pending.set_exception(outcome.exc)
        if log.isEnabledFor(logging.DEBUG):
            status = event.status if type(event.status) is int else 0
            log.debug("response id=%s %s status=%s in %.3f ms", pending.id, pending.method, status, rtt * 1e3)


def _connect_error(url: str, exc: BaseException, *, aborted: bool) -> ConnectFailed:
    """The ConnectFailed for a failed attempt; a refused upgrade says its status and Retry-After."""
    if isinstance(exc, websocket.WebSocketBadStatusException):
        headers = {str(k).lower(): v for k, v in (exc.resp_headers or {}).items()}
        retry_after = retry_after_seconds(headers.get("retry-after"))
        wait = f"; it asks to retry after {retry_after:g} s" if retry_after is not None else ""
        failed = ConnectFailed(f"{url} refused the WebSocket upgrade with HTTP {exc.status_code}{wait}")
        failed.status, failed.retry_after = exc.status_code, retry_after
    elif aborted:
        failed = ConnectFailed(f"the connection attempt to {url} was aborted ({_describe(exc)})")
    else:
        failed = ConnectFailed(f"could not connect to {url}: {_describe(exc)}")
    failed.__cause__ = exc
    return failed


def retry_after_seconds(value: Any) -> Optional[float]:
    """An HTTP ``Retry-After`` value (delay-seconds, or an HTTP date) as seconds from now."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit() also takes "²", which float() refuses
        return min(float(value), _MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return min(max(0.0, when.timestamp() - time.time()), _MAX_RETRY_AFTER)


# A Retry-After of years is as good as a day: the client asks again then.
_MAX_RETRY_AFTER = 86400.0
