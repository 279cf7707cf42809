"""The client side of the WebSocket API as a protocol with no I/O: bytes in, events out.

The split follows python-websockets (``protocol.py`` under ``sync/connection.py``) and h11.
`ClientProtocol` makes every decision about what the server sent: it parses frames, checks
UTF-8, decodes JSON (refusing hostile nesting), tells events from responses, and matches
each response to its request by `id`. `settle` then turns a matched response into the
request's result or exception. Neither touches a socket, starts a thread or reads a clock,
so all of it can be tested by feeding bytes (tests/test_protocol.py). `Connection`
(connection.py) is the I/O side: it reads the socket, feeds `receive_data`, writes the
frames the events carry (pongs, the close reply), times round trips and tells its listener.

`ClientProtocol` also holds the in-flight registry (``inflight``: request id -> request),
the one piece of it that several threads share: callers register and take back their own
requests while the I/O thread matches responses. Each registry operation is a single dict
operation, atomic under the GIL; everything else here belongs to the thread that feeds it.

Registry invariant, which is what makes "every request ends in a result or an exception"
hold without a lock on the hot path: a request is registered *before* it is written; the
connection is marked dead *before* the registry is drained; a caller re-checks `dead` after
registering. Whoever pops an entry from the registry (`receive_data` matching a response,
`pop_all` draining it on disconnect, or a caller's `take_back`) is the one that completes
it. `receive_data` pops on behalf of its caller: an `Answered` event hands the request over,
and whoever receives that event must settle it. Until the caller says it has (`handled`),
the protocol keeps a list of what it handed over, so that a caller interrupted anywhere
(KeyboardInterrupt can land between any two bytecodes of a thread reading for itself) can
register again whatever it had not completed (`put_back_unhandled`) for the teardown to fail.
"""

from __future__ import annotations

import gc
import json
import logging
from typing import Any, Callable, Generic, Iterable, Iterator, Mapping, Optional, Protocol, TypeVar, Union

from .exceptions import APIError, error_from_response
from .frames import OP_BINARY, OP_CLOSE, OP_PING, OP_PONG, OP_TEXT, FrameReader, ProtocolError, close_payload, encode_frame
from .models import Response, rate_limits_from_wire

__all__ = [
    "Answered",
    "ClientProtocol",
    "CloseReceived",
    "Event",
    "PingReceived",
    "ProtocolError",
    "Refused",
    "Request",
    "ServerEvent",
    "StaleClock",
    "Unmatched",
    "settle",
]

log = logging.getLogger("binance_wsapi")

_decode = json.JSONDecoder().decode  # json.loads(bytes) would sniff the encoding in Python, per frame
RequestId = Union[int, str]
Loads = Callable[[bytes], Any]

try:  # the optional extra binance-wsapi[fast]
    from orjson import loads as _orjson_loads
except ImportError:  # pragma: no cover - depends on the environment
    FAST_LOADS: Optional[Loads] = None
else:
    FAST_LOADS = _orjson_loads

_NOT_JSON: Any = object()
_USE_INSTALLED: Any = object()


class Request(Protocol):
    """What the protocol needs of an in-flight request (the client's is `connection.Pending`)."""

    @property
    def id(self) -> RequestId: ...

    @property
    def method(self) -> str: ...

    @property
    def unwrap(self) -> bool: ...

    @property
    def state_changing(self) -> bool: ...

    @property
    def params(self) -> Mapping[str, Any]: ...

    @property
    def client_order_id(self) -> Optional[str]: ...

    @property
    def error_codes(self) -> Mapping[int, type[APIError]]: ...

    def set_result(self, value: Any) -> None: ...

    def set_exception(self, exc: BaseException) -> None: ...

    def done(self) -> bool: ...


R = TypeVar("R", bound=Request)


class Answered(Generic[R]):
    """A response matched to its request, which it took from the registry: `settle` it."""

    __slots__ = ("pending", "msg", "status")

    def __init__(self, pending: R, msg: dict[str, Any], status: Any) -> None:
        self.pending = pending
        self.msg = msg
        #: As sent: not None, but not necessarily an int.
        self.status = status


class Unmatched:
    """A response whose id matches nothing in flight: late, unknown, null, or not an int or str."""

    __slots__ = ("msg",)

    def __init__(self, msg: dict[str, Any]) -> None:
        self.msg = msg


class ServerEvent:
    """A message with no status and an ``event`` key (user data, serverShutdown), or an ``e``
    key (an event on a futures user data stream)."""

    __slots__ = ("msg",)

    def __init__(self, msg: dict[str, Any]) -> None:
        self.msg = msg


class PingReceived:
    """A ping from the server; `pong` is the frame to write back."""

    __slots__ = ("payload", "pong")

    def __init__(self, payload: bytes, pong: bytes) -> None:
        self.payload = payload
        self.pong = pong


class CloseReceived:
    """The server's close frame; `reply` echoes its code, for a client that has not sent one.

    It is always the last event: RFC 6455 allows nothing after a close frame, and whatever
    follows it is ignored.
    """

    __slots__ = ("code", "reason", "reply")

    def __init__(self, code: int, reason: str, reply: bytes) -> None:
        self.code = code
        self.reason = reason
        self.reply = reply


Event = Union[Answered[R], Unmatched, ServerEvent, PingReceived, CloseReceived]


class Refused:
    """A 429 or 418: tell the rate-limit governor (`on_refused`) before failing the request."""

    __slots__ = ("status", "error", "exc")

    def __init__(self, status: int, error: dict[str, Any], exc: APIError) -> None:
        self.status = status
        self.error = error
        self.exc = exc


class StaleClock:
    """A -1021 (timestamp outside recvWindow): the client may resync its clock and resend."""

    __slots__ = ("exc",)

    def __init__(self, exc: APIError) -> None:
        self.exc = exc


class ClientProtocol(Generic[R]):
    """The decisions of one connection: frames, messages, and the in-flight registry.

    `name` only labels log lines about frames that are ignored.
    """

    __slots__ = ("inflight", "responses_received", "closed", "name", "_feed", "_last_text", "_fast_loads", "_handed")

    def __init__(self, max_message_size: int, name: str = "", fast_loads: Optional[Loads] = _USE_INSTALLED) -> None:
        #: The in-flight registry: see the module docstring for who may pop from it.
        self.inflight: dict[RequestId, R] = {}
        #: Messages with a status, matched or not (read by other threads for stats).
        self.responses_received = 0
        #: A close frame was received: nothing after it is parsed.
        self.closed = False
        self.name = name
        self._feed = FrameReader(max_message_size).feed
        # The last text payload, kept until the next one replaces it. Freed at once, a large
        # message's buffer lets glibc trim the heap, and the next large message faults its
        # pages back in: measured on depth(limit=5000) round trips, 2-3x the page faults and
        # ~20% slower. (The read loop used to keep it by accident, as a loop variable.)
        self._last_text = b""
        # orjson, when installed (binance-wsapi[fast]): about twice as fast as the standard
        # parser. Where it refuses what the standard parser takes (NaN, a lone surrogate,
        # nesting beyond 1024, bad UTF-8), the standard parser decides, so the outcome is
        # the same either way; only integers beyond 64 bits differ (orjson reads them as floats).
        self._fast_loads = FAST_LOADS if fast_loads is _USE_INSTALLED else fast_loads
        # Requests handed over in Answered events and not yet known to be handled (see the
        # module docstring): each is in the registry, in this list, or both, at every step.
        self._handed: list[R] = []

    # -- the registry ----------------------------------------------------------------------

    def register(self, pending: R) -> None:
        """Enter `pending` before writing it, so its response can never arrive unmatched."""
        self.inflight[pending.id] = pending

    def take_back(self, pending: R) -> bool:
        """Remove `pending`; False if something else popped it first, and so completes it."""
        return self.inflight.pop(pending.id, None) is not None

    def handled(self) -> None:
        """Every Answered event received so far has been acted on (its request completed,
        or passed on to whoever will complete it)."""
        self._handed.clear()

    def passed_on(self, pending: R) -> None:
        """`pending`, handed over, will be completed elsewhere (sent again after a -1021)."""
        handed = self._handed
        for i, item in enumerate(handed):  # an identity scan of a list of one or two
            if item is pending:
                del handed[i]
                return

    def put_back_unhandled(self) -> None:
        """Register again every request handed over since `handled` that is not complete.

        For a consumer that fails part way (an interrupt, a bug): the teardown then fails
        them, as it would have if their responses had never come.
        """
        self.put_back(self._handed)
        self._handed.clear()

    def put_back(self, pendings: Iterable[R]) -> None:
        """Register again each of `pendings` that is not complete (its consumer failed before completing it)."""
        inflight = self.inflight
        for pending in pendings:
            if not pending.done():
                inflight.setdefault(pending.id, pending)

    def pop_all(self) -> Iterator[R]:
        """Pop every entry, one at a time, for the caller to complete as it goes."""
        inflight = self.inflight
        while inflight:
            try:
                _, pending = inflight.popitem()
            except KeyError:  # emptied concurrently
                return
            yield pending

    # -- frames to send --------------------------------------------------------------------

    @staticmethod
    def ping_frame() -> bytes:
        """A heartbeat ping; any frame back proves the link is alive."""
        return encode_frame(OP_PING, b"")

    @staticmethod
    def close_frame(code: int = 1000, reason: str = "") -> bytes:
        """The frame that starts a close handshake from this side."""
        return encode_frame(OP_CLOSE, close_payload(code, reason))

    # -- bytes received --------------------------------------------------------------------

    def receive_data(self, data: bytes) -> list[Event[R]]:
        """The events that `data` completes, in the order the server sent them.

        A protocol violation raises ProtocolError, the connection's end. Its `events` are
        those completed ahead of it in `data`: they were already popped from the registry
        (see the invariant), so the caller must still handle them.
        """
        if self.closed:
            return []
        events: list[Event[R]] = []
        try:
            for opcode, payload in self._feed(data):
                if opcode == OP_TEXT:
                    self._last_text = payload
                    event = self._on_text(payload)
                    if event is not None:
                        events.append(event)
                elif opcode == OP_PING:
                    events.append(PingReceived(payload, encode_frame(OP_PONG, payload)))
                elif opcode == OP_CLOSE:
                    self.closed = True
                    events.append(_close_received(payload))
                    break
                elif opcode == OP_BINARY:
                    log.warning("%s: ignored a binary frame of %d bytes (JSON session)", self.name, len(payload))
                elif opcode != OP_PONG:
                    raise ProtocolError(f"unknown opcode {opcode}")
        except ProtocolError as exc:
            exc.events = events
            raise
        return events

    def _parse(self, payload: bytes) -> Any:
        """The JSON value of a text frame; _NOT_JSON (logged) if it is none."""
        fast = self._fast_loads
        if fast is not None:
            try:
                return fast(payload) if len(payload) < _QUIET_PARSE else _quietly(fast, payload)
            except ValueError:
                pass  # stricter than the standard parser: let that one decide
        try:
            text = payload.decode("utf-8")  # validates UTF-8, in C
        except UnicodeDecodeError as exc:
            # RFC 6455 (close code 1007): the stream can no longer be trusted.
            raise ProtocolError(f"a text frame is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
        try:
            return _decode(text) if len(payload) < _QUIET_PARSE else _quietly(_decode, text)
        except RecursionError:
            # Nesting deeper than the interpreter's stack: hostile, and a bug waiting in any
            # code that walks the value. Costs this connection, never the I/O thread.
            raise ProtocolError(f"a JSON frame of {len(payload)} bytes is nested too deeply to decode") from None
        except ValueError:
            log.error("%s: ignored a frame that is not JSON: %r", self.name, payload[:200])
            return _NOT_JSON

    def _on_text(self, payload: bytes) -> Optional[Event[R]]:
        msg = self._parse(payload)
        if msg is _NOT_JSON:
            return None
        if type(msg) is not dict:
            log.error("%s: ignored a JSON frame that is not an object: %r", self.name, payload[:200])
            return None
        status = msg.get("status")
        if status is None:
            # Spot wraps a user data event in {"subscriptionId", "event"}; a futures stream
            # connection sends the event object itself ({"e": ..., "E": ...}).
            if "event" in msg or "e" in msg:
                return ServerEvent(msg)
            log.warning("%s: ignored a frame with neither status nor event: %r", self.name, payload[:200])
            return None
        self.responses_received += 1
        request_id: Any = msg.get("id")
        # Only an id of the exact type sent can be ours: True == 1 and 7.0 == 7 in Python.
        kind = type(request_id)
        inflight = self.inflight
        pending = inflight.get(request_id) if kind is int or kind is str else None
        if pending is None:
            return Unmatched(msg)
        self._handed.append(pending)  # before it leaves the registry: never in neither place
        if inflight.pop(request_id, None) is not pending:  # taken meanwhile, by whoever completes it
            self._handed.pop()
            return Unmatched(msg)
        return Answered(pending, msg, status)


# Messages this large (an order book of a few hundred levels and up) are parsed with the
# cyclic garbage collector paused. A parse allocates thousands of lists, every few hundred of
# which start a collection, and none of those collections can free anything: all that the
# parse made is still in use, and every pass over the older generations is wasted. Measured
# on depth(limit=5000), 320 kB: 1.9 ms to parse with collections, 0.9 ms without.
_QUIET_PARSE = 1 << 16


def _quietly(loads: Callable[[Any], Any], data: Any) -> Any:
    if not gc.isenabled():  # disabled by the application (or by another parse): leave it so
        return loads(data)
    gc.disable()
    try:
        return loads(data)
    finally:
        # Another thread that disables it meanwhile is overruled here; a collection that is
        # due simply runs at the next allocation.
        gc.enable()


def _close_received(payload: bytes) -> CloseReceived:
    code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
    reason = payload[2:].decode("utf-8", "replace")
    return CloseReceived(code, reason, encode_frame(OP_CLOSE, payload[:2]))


def settle(pending: Request, msg: Mapping[str, Any], status: Any) -> Union[None, Refused, StaleClock]:
    """Complete `pending` from its response `msg`, unless its owner must act first.

    Success completes it with the ``result`` (`unwrap`) or a Response; an error completes it
    with the exception `error_from_response` picks. The two exceptions are returned instead,
    uncompleted: a `Refused` (429, 418), which the rate-limit governor must hear of before
    the caller does, and a `StaleClock` (-1021), which the client may answer by resending.
    """
    if type(status) is int and 200 <= status < 300:
        if pending.unwrap:
            pending.set_result(msg.get("result"))
        else:
            rate_limits = rate_limits_from_wire(msg.get("rateLimits") or ())
            pending.set_result(Response(pending.id, status, msg.get("result"), rate_limits))
        return None
    error = msg.get("error")
    if not isinstance(error, dict):
        error = {"msg": repr(error)}
    status = status if type(status) is int else 0
    exc = error_from_response(
        status,
        error,
        request_id=pending.id,
        method=pending.method,
        state_changing=pending.state_changing,
        params=pending.params,
        client_order_id=pending.client_order_id,
        codes=pending.error_codes,
    )
    if status == 429 or status == 418:
        return Refused(status, error, exc)
    if exc.code == -1021:
        return StaleClock(exc)
    pending.set_exception(exc)
    return None
