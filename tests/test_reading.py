"""Who reads the socket: a blocking caller reads its own answer when nobody else is reading.

The I/O thread steps aside for a while after a caller had to wait for a hand-off (see
`Connection.wait_for`). These tests make that while infinite (`long_linger`), so that a path
which leaves a request without a reader hangs and fails, instead of costing a quarter second.
Which thread read an answer shows in the DEBUG log line it writes ("response id=...").
"""

from __future__ import annotations

import collections
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterator

import pytest

from binance_wsapi import Backoff, Client, ConnectionLost, RequestTimeout
from binance_wsapi import connection as connection_module
from binance_wsapi.connection import Connection
from binance_wsapi.frames import OP_TEXT
from binance_wsapi.protocol import ClientProtocol, settle
from binance_wsapi.request import Pending
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Kinds, LogWatcher, Recorder, client_kwargs
from .test_protocol import interrupt_at_line, server_frame

pytestmark = pytest.mark.both_schemes


@pytest.fixture(autouse=True)
def long_linger(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(connection_module, "_LINGER", 3600.0)
    yield


def readers(logs: LogWatcher, method: str) -> list[str]:
    """The names of the threads that read the answers to `method`, in order."""
    return [r.threadName for r in list(logs.records) if r.getMessage().startswith("response id=") and f" {method} " in r.getMessage()]


def test_a_caller_making_call_after_call_reads_its_own_answers(client: Client, logs: LogWatcher) -> None:
    """After one hand-off from the I/O thread, a thread calling in a loop reads its answers itself."""
    client.ping()
    for _ in range(10):
        assert client.ping() == {}
    assert threading.current_thread().name in readers(logs, "ping")[1:]


def test_a_future_sent_while_the_io_thread_stands_aside_is_answered(client: Client, logs: LogWatcher) -> None:
    """A request_future after blocking calls wakes the I/O thread, since its owner will not read."""
    for _ in range(5):
        client.ping()
    assert client.request_future("time").result(timeout=5).result["serverTime"] > 0
    assert readers(logs, "time")[-1] != threading.current_thread().name


def test_other_threads_are_answered_while_one_caller_reads(client: Client, exchange: LocalExchange) -> None:
    """While one caller reads for a slow answer, others' calls (blocking and futures) complete around it."""
    for _ in range(3):
        client.ping()
    exchange.delay("depth", 1.0, times=1)
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(client.depth, symbol="BTCUSDT", limit=5)
        others = [client.request_future("ping") for _ in range(5)]
        for _ in range(20):
            assert client.ping() == {}
        assert [f.result(timeout=5).result for f in others] == [{}] * 5
        assert slow.result(timeout=5)["bids"]


def test_concurrent_callers_all_get_their_own_answers(client: Client) -> None:
    """Eight threads calling in loops, leading and following in turn, each get the answer to their own request."""

    def work(n: int) -> list[Any]:
        return [client.request("time", timeout=5).id for _ in range(50)]

    with ThreadPoolExecutor(8) as pool:
        ids = [i for batch in pool.map(work, range(8)) for i in batch]
    assert len(set(ids)) == 400


def test_a_late_answer_after_a_reading_caller_timed_out_is_still_read(
    client: Client, exchange: LocalExchange, logs: LogWatcher
) -> None:
    """A caller that gives up while reading leaves its request to the I/O thread, which logs the late answer."""
    for _ in range(3):
        client.ping()
    exchange.delay("ping", 0.5, times=1)
    with pytest.raises(RequestTimeout):
        client.ping(timeout=0.2)
    logs.wait_for(lambda r: "late response to ping" in r.getMessage())
    assert client.ping() == {}


def test_the_server_closing_while_a_caller_reads_fails_the_call_and_reconnects(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """A caller reading when the connection drops gets ConnectionLost; the client reconnects and goes on.

    (retry_reads=False: otherwise the ping would be sent again, see test_faults.)
    """
    kinds = Kinds()
    with exchange.client(account, timeout=5, retry_reads=False) as client:
        client.add_connection_handler(kinds)
        for _ in range(3):
            client.ping()
        exchange.never_answer("ping", times=1)
        with ThreadPoolExecutor(1) as pool:
            call = pool.submit(client.ping)
            assert exchange.wait_until(lambda ex: ex.request_count("ping") >= 4)
            exchange.drop_connections()
            with pytest.raises(ConnectionLost):
                call.result(timeout=5)
        assert client.ping() == {}
        kinds.wait_for("reconnected")


def test_a_reading_caller_sees_the_server_close_while_the_io_thread_stands_aside(
    exchange: LocalExchange, logs: LogWatcher
) -> None:
    """With the I/O thread aside and no caller reading, the next call still learns of a closed connection."""
    account = exchange.create_account({"USDT": "100"})
    kinds = Kinds()
    with Client(**client_kwargs(exchange), api_key=account.api_key, api_secret=account.api_secret, timeout=5,
                retry_reads=False) as client:
        client.add_connection_handler(kinds)
        for _ in range(3):
            client.ping()
        assert readers(logs, "ping")[-1] == threading.current_thread().name  # the I/O thread is aside
        exchange.drop_connections()
        # Nobody reads now; the next call writes on the dead socket, reads the end and reconnects.
        with pytest.raises(ConnectionLost):
            for _ in range(3):
                client.ping()
        assert client.ping() == {}
        kinds.wait_for("reconnected")


@pytest.mark.event_orders
def test_events_for_an_event_handler_are_read_after_the_call_that_caused_them(client: Client) -> None:
    """With an event handler, the I/O thread never stands aside: events after a call's answer arrive without another call."""
    events = Recorder()
    client.add_event_handler(events)
    client.user_data_stream_subscribe_signature()
    for _ in range(3):
        client.ping()
    client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.01")
    assert events.wait_until(lambda got: any(m["event"].get("e") == "executionReport" for m in got))


def test_an_interrupt_at_any_line_of_a_reading_call_leaves_the_client_working(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """Wherever Ctrl-C lands while a call reads for itself, the next call (blocking or a future) works."""
    # Many of these interrupts cost the connection: reconnect without a growing backoff.
    with exchange.client(account, timeout=5, backoff=Backoff(initial=0.01, maximum=0.02)) as client:
        interrupt_everywhere(client)


def interrupt_everywhere(client: Client) -> None:
    codes = {
        Connection.wait_for.__code__, Connection._lead.__code__, Connection._consume.__code__,
        Connection._handle.__code__, ClientProtocol.receive_data.__code__, ClientProtocol._on_text.__code__,
    }
    client.ping()
    n = 1
    while True:
        client.ping()  # a hand-off at most: the I/O thread then stands aside for the call below
        tracer, count = interrupt_at_line(n, codes)
        sys.settrace(tracer)
        try:
            client.ping()
            interrupted = False
        except KeyboardInterrupt:
            interrupted = True
        finally:
            sys.settrace(None)
        # The next call works: no token left held, no reader missing, no stream left corrupt.
        assert client.ping(timeout=5) == {}, f"interrupted at line event {n}"
        assert client.request_future("time", timeout=5).result(timeout=5).status == 200
        if not interrupted:
            assert count[0] < n
            break
        n += 1
    assert n > 5  # it landed on the way (a call that waits for a hand-off runs fewer lines than one that reads)


class _Listener:
    """What a Connection tells its owner, recorded as nothing: these tests only feed it bytes."""

    latencies: Any = collections.deque(maxlen=10)

    def __getattr__(self, name: str) -> Any:
        return lambda *args: False


def test_an_interrupt_at_any_line_of_handling_answers_loses_no_request() -> None:
    """Wherever KeyboardInterrupt lands while a reader handles a batch of answers, each request is completed or put back."""
    conn = Connection("ws://127.0.0.1:9/", name="unopened", max_message_size=1 << 20, ws_options={}, listener=_Listener())  # type: ignore[arg-type]
    protocol = conn._protocol
    codes = {Connection._consume.__code__, Connection._handle.__code__, ClientProtocol.receive_data.__code__,
             ClientProtocol._on_text.__code__, settle.__code__}
    data = b"".join(
        server_frame(OP_TEXT, json.dumps({"id": i, "status": 200, "result": {}}).encode()) for i in (1, 2, 3)
    )
    n = 1
    while True:
        pending = [Pending(i, "ping", b"", None, None, False, {}, None) for i in (1, 2, 3)]
        for p in pending:
            p.start()
            protocol.register(p)
        tracer, count = interrupt_at_line(n, codes)
        sys.settrace(tracer)
        try:
            conn._consume(data)
            interrupted = False
        except KeyboardInterrupt:
            interrupted = True
        finally:
            sys.settrace(None)
            protocol.put_back_unhandled()
        assert all(p.done() != (p.id in conn.inflight) for p in pending), f"interrupted at line event {n}"
        conn.inflight.clear()
        if not interrupted:
            assert count[0] < n and all(p.done() for p in pending)
            break
        n += 1
    assert n > 30
