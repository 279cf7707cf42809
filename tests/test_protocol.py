"""ClientProtocol and settle, fed bytes by hand: no sockets, no threads.

Server frames are built here, unmasked, as a server sends them; frames the protocol gives
back to send (pongs, close replies) are masked, as a client's must be, and unmasked here to
check them.
"""

from __future__ import annotations

import gc
import json
import struct
import sys
from typing import Any, Callable, Optional

import pytest

from binance_wsapi.callbacks import CallbackDispatcher, RequestFuture
from binance_wsapi.request import Pending
from binance_wsapi.exceptions import (
    ExecutionStatusUnknown,
    InvalidTimestamp,
    IPBanned,
    RateLimited,
    RequestRejected,
    StatusUnknownServerError,
)
from binance_wsapi.frames import OP_CLOSE, OP_PING, OP_PONG, OP_TEXT
from binance_wsapi.models import RateLimit, Response
from binance_wsapi.protocol import (
    FAST_LOADS,
    Answered,
    ClientProtocol,
    CloseReceived,
    PingReceived,
    ProtocolError,
    Refused,
    ServerEvent,
    StaleClock,
    Unmatched,
    settle,
)

OP_CONTINUATION = 0x0
ORDER = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "price": "1", "quantity": "1"}
WEIGHT = {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": 6000, "count": 3}


def server_frame(opcode: int, payload: bytes, *, fin: bool = True) -> bytes:
    """One unmasked frame, as the server sends it."""
    b0 = (0x80 if fin else 0) | opcode
    n = len(payload)
    if n < 126:
        return bytes((b0, n)) + payload
    if n < 65536:
        return struct.pack("!BBH", b0, 126, n) + payload
    return struct.pack("!BBQ", b0, 127, n) + payload


def text(msg: Any) -> bytes:
    return server_frame(OP_TEXT, json.dumps(msg).encode())


def unmask(frame: bytes) -> tuple[int, bytes]:
    """The opcode and payload of one client frame, checking it is final and masked."""
    assert frame[0] & 0x80 and frame[1] & 0x80
    n, at = frame[1] & 0x7F, 2
    if n >= 126:
        size = 2 if n == 126 else 8
        n, at = int.from_bytes(frame[2 : 2 + size], "big"), 2 + size
    key, body = frame[at : at + 4], frame[at + 4 :]
    assert len(body) == n
    return frame[0] & 0x0F, bytes(b ^ key[i % 4] for i, b in enumerate(body))


def request(
    id: Any = 1,
    method: str = "ping",
    *,
    future: Optional[RequestFuture[Any]] = None,
    unwrap: bool = False,
    state_changing: bool = False,
    params: Optional[dict[str, Any]] = None,
    client_order_id: Optional[str] = None,
) -> Pending:
    pending = Pending(id, method, b"", future, None, state_changing, params or {}, client_order_id, unwrap)
    assert pending.start()
    return pending


def answered(proto: ClientProtocol[Pending], msg: dict[str, Any]) -> Answered[Pending]:
    [event] = proto.receive_data(text(msg))
    assert type(event) is Answered
    return event


def failure(msg: dict[str, Any], **kwargs: Any) -> BaseException:
    """What `settle` fails a registered request with, given its error response `msg`."""
    proto: ClientProtocol[Pending] = ClientProtocol(1 << 20)
    pending = request(msg["id"], **kwargs)
    proto.register(pending)
    event = answered(proto, msg)
    assert settle(event.pending, event.msg, event.status) is None
    assert pending.wait(0)
    with pytest.raises(BaseException) as raised:
        pending.result()
    return raised.value


# Every test taking `proto` runs with the standard parser and, where it is installed, with
# orjson (binance-wsapi[fast]): the outcome must not depend on which one is in use.
PARSERS = {"stdlib": None}
if FAST_LOADS is not None:
    PARSERS["orjson"] = FAST_LOADS


@pytest.fixture(params=list(PARSERS))
def proto(request: pytest.FixtureRequest) -> ClientProtocol[Pending]:
    return ClientProtocol(1 << 20, "test", fast_loads=PARSERS[request.param])


def test_response_completes_blocking_request(proto: ClientProtocol[Pending]) -> None:
    """A response takes its blocking request out of the registry and settles it with a Response."""
    pending = request(7)
    proto.register(pending)
    event = answered(proto, {"id": 7, "status": 200, "result": {"serverTime": 1}, "rateLimits": [WEIGHT]})
    assert event.pending is pending and event.status == 200 and not proto.inflight
    assert settle(event.pending, event.msg, event.status) is None
    assert pending.wait(0)
    assert pending.result() == Response(7, 200, {"serverTime": 1}, (RateLimit.from_wire(WEIGHT),))
    assert proto.responses_received == 1


def test_response_completes_future_request_with_its_result(proto: ClientProtocol[Pending]) -> None:
    """A response settles a future request, unwrapped to its `result`, and a string id matches too."""
    future: RequestFuture[Any] = RequestFuture(CallbackDispatcher("unused", 1))
    pending = request("abc", future=future, unwrap=True)
    proto.register(pending)
    event = answered(proto, {"id": "abc", "status": 200, "result": {"ok": True}})
    assert settle(event.pending, event.msg, event.status) is None
    assert future.result(0) == {"ok": True}


@pytest.mark.parametrize("wire_id", ["true", "1.0"])
def test_id_of_another_type_matches_nothing(proto: ClientProtocol[Pending], wire_id: str) -> None:
    """An id of `true` or `1.0` is Unmatched and leaves request 1 in flight (True == 1.0 == 1 in Python)."""
    pending = request(1)
    proto.register(pending)
    frame = server_frame(OP_TEXT, b'{"id": %s, "status": 200, "result": {}}' % wire_id.encode())
    [event] = proto.receive_data(frame)
    assert type(event) is Unmatched and event.msg["status"] == 200
    assert proto.inflight == {1: pending} and not pending.done()
    assert proto.responses_received == 1


def test_event_frame_is_a_server_event(proto: ClientProtocol[Pending]) -> None:
    """A message with no status and an `event` key is a ServerEvent, counted as no response."""
    msg = {"subscriptionId": 0, "event": {"e": "outboundAccountPosition"}}
    [event] = proto.receive_data(text(msg))
    assert type(event) is ServerEvent and event.msg == msg
    assert proto.responses_received == 0


def test_ping_yields_its_pong(proto: ClientProtocol[Pending]) -> None:
    """A ping comes out as PingReceived carrying the masked pong that echoes its payload."""
    [event] = proto.receive_data(server_frame(OP_PING, b"hello"))
    assert type(event) is PingReceived and event.payload == b"hello"
    assert unmask(event.pong) == (OP_PONG, b"hello")


@pytest.mark.parametrize(
    "frame",
    [
        server_frame(OP_PING, b"x" * 126),
        server_frame(OP_TEXT, b'{"id": 1, "status": 200, "result": "\xff"}'),
        server_frame(OP_TEXT, b"[" * 100_000 + b"]" * 100_000),
    ],
    ids=["ping-over-125-bytes", "invalid-utf8", "json-nested-100k-deep"],
)
def test_violations_raise_protocol_error(proto: ClientProtocol[Pending], frame: bytes) -> None:
    """A ping over 125 bytes, invalid UTF-8 and JSON nested 100k deep each raise ProtocolError."""
    with pytest.raises(ProtocolError):
        proto.receive_data(frame)


@pytest.mark.parametrize(
    "body, result",
    [
        (b'{"id": 1, "status": 200, "result": NaN}', "nan"),
        (b'{"id": 1, "status": 200, "result": "\\ud800"}', "\ud800"),
        (b'{"id": 1, "status": 200, "result": 1e999}', "inf"),
        (b'{"id": 1, "status": 200, "result": ' + b"[" * 500 + b"]" * 500 + b"}", "deep"),
    ],
    ids=["nan", "lone-surrogate", "overflowing-float", "nested-500-deep"],
)
def test_both_parsers_read_what_the_standard_one_reads(proto: ClientProtocol[Pending], body: bytes, result: str) -> None:
    """Values orjson refuses but the standard parser takes come out the same whichever parser is in use."""
    proto.register(request(1))
    [event] = proto.receive_data(server_frame(OP_TEXT, body))
    assert type(event) is Answered
    value = event.msg["result"]
    if result == "deep":
        for _ in range(500):
            assert type(value) is list
            value = value[0] if value else None
        assert value is None
    else:
        assert repr(value) == repr(float(result)) if result in ("nan", "inf") else value == result


def test_a_frame_that_is_not_json_is_ignored(proto: ClientProtocol[Pending]) -> None:
    """Text that is not JSON is logged and skipped; the frames around it still come out."""
    proto.register(request(1))
    events = proto.receive_data(server_frame(OP_TEXT, b"{not json") + text({"id": 1, "status": 200, "result": {}}))
    assert [type(e) for e in events] == [Answered]


def test_violation_hands_over_requests_answered_before_it(proto: ClientProtocol[Pending]) -> None:
    """A response ahead of a violation in the same data rides out on the ProtocolError, already popped."""
    pending = request(1)
    proto.register(pending)
    bad = server_frame(OP_TEXT, b"\xff")
    with pytest.raises(ProtocolError) as raised:
        proto.receive_data(text({"id": 1, "status": 200, "result": {}}) + bad)
    [event] = raised.value.events
    assert type(event) is Answered and event.pending is pending and not proto.inflight


def test_fragmented_message_reassembles(proto: ClientProtocol[Pending]) -> None:
    """A message in three fragments, a ping between them, fed a byte at a time, comes out whole."""
    pending = request(3)
    proto.register(pending)
    body = json.dumps({"id": 3, "status": 200, "result": {"n": 12345}}).encode()
    data = (
        server_frame(OP_TEXT, body[:5], fin=False)
        + server_frame(OP_CONTINUATION, body[5:20], fin=False)
        + server_frame(OP_PING, b"p")
        + server_frame(OP_CONTINUATION, body[20:])
    )
    events = [e for i in range(len(data)) for e in proto.receive_data(data[i : i + 1])]
    assert [type(e) for e in events] == [PingReceived, Answered]
    event = events[1]
    assert type(event) is Answered and event.pending is pending and event.msg["result"] == {"n": 12345}


@pytest.mark.parametrize("chunk", [1, 7, 4096, 65536, 100_003, 1 << 30])
def test_large_messages_come_out_whole_however_the_bytes_arrive(proto: ClientProtocol[Pending], chunk: int) -> None:
    """Large answers (one frame, and one in two fragments) between small frames survive any split of the stream."""
    book = {"bids": [[f"{i}.00000000", "1.00000000"] for i in range(5000)]}
    first, second, third = request(1), request(2), request(3)
    for pending in (first, second, third):
        proto.register(pending)
    body = json.dumps({"id": 2, "status": 200, "result": book}).encode()
    assert len(body) > 2 * 65536
    data = (
        text({"id": 1, "status": 200, "result": book})
        + server_frame(OP_PING, b"p")
        + server_frame(OP_TEXT, body[:70000], fin=False)
        + server_frame(OP_CONTINUATION, body[70000:])
        + text({"id": 3, "status": 200, "result": {}})
    )
    events = [e for i in range(0, len(data), chunk) for e in proto.receive_data(data[i : i + chunk])]
    assert [type(e) for e in events] == [Answered, PingReceived, Answered, Answered]
    assert [e.pending for e in events if type(e) is Answered] == [first, second, third]
    assert events[0].msg["result"] == book and events[2].msg["result"] == book  # type: ignore[union-attr]
    assert events[3].msg == {"id": 3, "status": 200, "result": {}}  # type: ignore[union-attr]


@pytest.mark.parametrize("enabled", [True, False])
def test_a_large_message_leaves_the_garbage_collector_as_it_was(proto: ClientProtocol[Pending], enabled: bool) -> None:
    """Parsing a large message pauses the cyclic collector only if it was on, and leaves it as the application had it."""
    proto.register(request(1))
    big = text({"id": 1, "status": 200, "result": [[str(i), "1"] for i in range(20000)]})
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        [event] = proto.receive_data(big)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert type(event) is Answered and len(event.msg["result"]) == 20000


def test_large_frame_over_the_size_limit_is_refused_at_its_header() -> None:
    """A frame announcing more than max_message_size is a protocol error before its payload arrives."""
    proto: ClientProtocol[Pending] = ClientProtocol(100_000)
    with pytest.raises(ProtocolError, match="exceeds max_message_size=100000"):
        proto.receive_data(struct.pack("!BBQ", 0x81, 127, 100_001) + b"{")


def test_close_frame_yields_close_received(proto: ClientProtocol[Pending]) -> None:
    """A close frame gives its code and reason and the reply echoing the code; what follows is ignored."""
    close = server_frame(OP_CLOSE, struct.pack("!H", 1001) + b"going away")
    events = proto.receive_data(close + text({"event": {"e": "late"}}))
    [event] = events
    assert type(event) is CloseReceived and (event.code, event.reason) == (1001, "going away")
    assert unmask(event.reply) == (OP_CLOSE, struct.pack("!H", 1001))
    assert proto.closed and proto.receive_data(text({"event": {}})) == []


def test_close_frame_without_a_code(proto: ClientProtocol[Pending]) -> None:
    """An empty close frame reads as code 1005 (no status received), with an empty reason."""
    [event] = proto.receive_data(server_frame(OP_CLOSE, b""))
    assert type(event) is CloseReceived and (event.code, event.reason) == (1005, "")


def test_rejected_request_raises_request_rejected() -> None:
    """A 400 with code -1013 fails the request with RequestRejected, its code and message."""
    error = failure({"id": 5, "status": 400, "error": {"code": -1013, "msg": "Filter failure: LOT_SIZE"}})
    assert type(error) is RequestRejected
    assert (error.status, error.code, error.request_id) == (400, -1013, 5)


def test_state_changing_503_is_status_unknown() -> None:
    """A 503 to a state-changing request is StatusUnknownServerError, carrying its params and order id."""
    msg = {"id": 6, "status": 503, "error": {"code": -1008, "msg": "Server is currently overloaded"}}
    error = failure(msg, method="order.place", state_changing=True, params=ORDER, client_order_id="c1")
    assert type(error) is StatusUnknownServerError and isinstance(error, ExecutionStatusUnknown)
    assert error.params == ORDER and error.client_order_id == "c1"


def test_error_that_is_not_an_object_still_fails_the_request() -> None:
    """An error response whose status and error are malformed still fails its request, never hangs."""
    error = failure({"id": 8, "status": "bad", "error": "oops"})
    assert type(error).__name__ == "APIError" and "oops" in str(error)


@pytest.mark.parametrize(("status", "cls"), [(429, RateLimited), (418, IPBanned)])
def test_refusals_are_returned_for_the_governor(proto: ClientProtocol[Pending], status: int, cls: type) -> None:
    """A 429 or 418 is returned as Refused, with what on_refused needs, and the request left to complete."""
    pending = request(9)
    proto.register(pending)
    wire = {"code": -1003, "msg": "Too many requests", "data": {"retryAfter": 1}}
    event = answered(proto, {"id": 9, "status": status, "error": wire})
    outcome = settle(event.pending, event.msg, event.status)
    assert type(outcome) is Refused
    assert (outcome.status, outcome.error) == (status, wire) and type(outcome.exc) is cls
    assert not pending.done()


def test_stale_clock_is_returned_for_a_resend(proto: ClientProtocol[Pending]) -> None:
    """A -1021 is returned as StaleClock with its InvalidTimestamp, leaving the request to resend or fail."""
    pending = request(10)
    proto.register(pending)
    msg = {"id": 10, "status": 400, "error": {"code": -1021, "msg": "Timestamp outside of the recvWindow."}}
    event = answered(proto, msg)
    outcome = settle(event.pending, event.msg, event.status)
    assert type(outcome) is StaleClock and type(outcome.exc) is InvalidTimestamp
    assert not pending.done()


def test_registry_take_back_and_pop_all(proto: ClientProtocol[Pending]) -> None:
    """take_back is True only while the request is still registered; pop_all empties the registry."""
    first, second = request(1), request(2)
    proto.register(first)
    proto.register(second)
    assert proto.take_back(first) is True
    assert proto.take_back(first) is False  # popped already: not the caller's to complete
    assert list(proto.pop_all()) == [second] and not proto.inflight


def test_put_back_unhandled_registers_what_was_handed_over_and_not_completed(proto: ClientProtocol[Pending]) -> None:
    """Requests handed over and not completed go back to the registry; completed ones and those passed on do not."""
    done, left, resent = request(4), request(5), request(6)
    for pending in (done, left, resent):
        proto.register(pending)
    data = b"".join(text({"id": i, "status": 200, "result": {}}) for i in (4, 5, 6))
    events = proto.receive_data(server_frame(OP_PING, b"") + data)
    assert not proto.inflight and len(events) == 4
    assert settle(done, events[1].msg, 200) is None  # type: ignore[union-attr]
    proto.passed_on(resent)
    proto.put_back_unhandled()
    assert proto.inflight == {5: left}
    proto.put_back_unhandled()  # nothing is handed over twice
    assert proto.inflight == {5: left}


def test_handled_forgets_what_was_handed_over(proto: ClientProtocol[Pending]) -> None:
    """Once the consumer says the events were handled, nothing is put back later."""
    pending = request(7)
    proto.register(pending)
    proto.receive_data(text({"id": 7, "status": 200, "result": {}}))
    proto.handled()
    proto.put_back_unhandled()
    assert not proto.inflight


def interrupt_at_line(n: int, codes: set[Any]) -> tuple[Callable[..., Any], list[int]]:
    """A trace function raising KeyboardInterrupt at the n-th line run in any of `codes` (this thread only)."""
    count = [0]

    def local(frame: Any, event: str, arg: Any) -> Any:
        if event == "line":
            count[0] += 1
            if count[0] == n:
                raise KeyboardInterrupt
        return local

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code in codes else None

    return tracer, count


def test_an_interrupt_at_any_line_of_receive_data_loses_no_request(proto: ClientProtocol[Pending]) -> None:
    """Wherever KeyboardInterrupt lands in receive_data, each request is still registered, or handed over and put back."""
    codes = {ClientProtocol.receive_data.__code__, ClientProtocol._on_text.__code__, ClientProtocol._parse.__code__}
    data = b"".join(text({"id": i, "status": 200, "result": {}}) for i in (1, 2, 3))
    n = 1
    while True:
        pending = [request(i) for i in (1, 2, 3)]
        for p in pending:
            proto.register(p)
        tracer, count = interrupt_at_line(n, codes)
        sys.settrace(tracer)
        try:
            events = proto.receive_data(data)
        except KeyboardInterrupt:
            events = None
        finally:
            sys.settrace(None)
        proto.put_back_unhandled()
        assert {p.id for p in pending} == set(proto.inflight), f"interrupted at line event {n}"
        proto.inflight.clear()
        if events is not None:  # ran to its end without reaching line event n
            assert count[0] < n and len(events) == 3
            break
        n += 1
    assert n > 20  # the interrupt did land on every line on the way


def test_ignored_frames_produce_no_events(proto: ClientProtocol[Pending]) -> None:
    """Pongs, binary frames, non-JSON, non-objects and messages with neither status nor event yield nothing."""
    data = (
        server_frame(OP_PONG, b"")
        + server_frame(0x2, b"\x00\x01")
        + server_frame(OP_TEXT, b"not json")
        + text([1, 2])
        + text({"id": 1})
    )
    assert proto.receive_data(data) == []
    assert proto.responses_received == 0


def test_unknown_opcode_raises_protocol_error(proto: ClientProtocol[Pending]) -> None:
    """A frame with a reserved opcode raises ProtocolError."""
    with pytest.raises(ProtocolError, match="unknown opcode 3"):
        proto.receive_data(server_frame(0x3, b""))
