"""What a client tells about itself: connection events, `client.stats`, late responses."""

from __future__ import annotations

import threading
from typing import Callable

import pytest

from binance_wsapi import Client, ClientStats, ConnectionEvent, ConnectionLost, RequestTimeout
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Kinds, LogWatcher, client_kwargs

pytestmark = pytest.mark.both_schemes


class Events:
    """Collects connection events from the callback thread and lets a test wait for them."""

    def __init__(self) -> None:
        self.items: list[ConnectionEvent] = []
        self.threads: set[str] = set()
        self._cond = threading.Condition()

    def __call__(self, event: ConnectionEvent) -> None:
        with self._cond:
            self.items.append(event)
            self.threads.add(threading.current_thread().name)
            self._cond.notify_all()

    def kinds(self) -> list[str]:
        with self._cond:
            return [e.kind for e in self.items]

    def wait_for(self, predicate: Callable[[list[str]], bool], timeout: float = 5.0) -> list[str]:
        with self._cond:
            assert self._cond.wait_for(lambda: predicate([e.kind for e in self.items]), timeout), self.items
            return [e.kind for e in self.items]


def test_connection_events_tell_the_story_of_a_drop(exchange: LocalExchange, account: LocalAccount) -> None:
    """connected, then on a drop: disconnected (with the reason), idle; the next call: reconnecting, reconnected."""
    events = Events()
    with exchange.client(account) as client:
        client.add_connection_handler(events)
        client.connect()
        events.wait_for(lambda k: k == ["connected"])
        exchange.drop_connections()
        assert events.wait_for(lambda k: "idle" in k) == ["connected", "disconnected", "idle"]
        assert client.ping() == {}
        kinds = events.wait_for(lambda k: "reconnected" in k)
        assert kinds == ["connected", "disconnected", "idle", "reconnecting", "reconnected"]
        lost, retry = events.items[1], events.items[3]
        assert lost.reason is not None and "closed" in lost.reason and retry.attempt == 1
    assert events.kinds()[-1] == "disconnected" and "closed" in (events.items[-1].reason or "")
    assert events.threads == {f"{client.name}-callbacks"}  # never the I/O thread


def test_a_raising_connection_handler_does_not_stop_the_others(exchange: LocalExchange) -> None:
    """A handler that raises is logged; it and the handler after it still get every event."""
    events = Events()
    calls: list[str] = []

    def broken(event: ConnectionEvent) -> None:
        calls.append(event.kind)
        raise RuntimeError("user bug")

    with Client(**client_kwargs(exchange)) as client:
        client.add_connection_handler(broken)
        client.add_connection_handler(events)
        client.connect()
        exchange.drop_connections()
        events.wait_for(lambda k: "idle" in k)
        assert client.ping() == {}
        events.wait_for(lambda k: "reconnected" in k)
        client.remove_connection_handler(events)
        assert client.ping() == {}
    assert calls == ["connected", "disconnected", "idle", "reconnecting", "reconnected", "disconnected"]
    assert events.kinds() == ["connected", "disconnected", "idle", "reconnecting", "reconnected"]


def test_stats_count_requests_errors_reconnects_and_latency(client: Client, exchange: LocalExchange) -> None:
    """client.stats counts what happened: requests, responses, errors by class, reconnects, latencies."""
    empty = client.stats
    assert isinstance(empty, ClientStats) and empty.requests == 0 and empty.latency_p50 is None
    kinds = Kinds()
    client.add_connection_handler(kinds)
    for _ in range(10):
        client.ping()
    exchange.never_answer("depth", times=1)
    with pytest.raises(RequestTimeout):
        client.depth(symbol="BTCUSDT", timeout=0.2)
    exchange.never_answer("ticker.price", times=1)
    slow = client.futures.ticker_price(symbol="BTCUSDT")
    assert exchange.wait_until(lambda ex: ex.request_count("ticker.price") == 1)
    exchange.drop_connections()
    with pytest.raises(ConnectionLost):
        slow.result(5)
    assert client.ping() == {}
    # The ping may be answered on the new connection before the client has finished publishing
    # it (and counting the reconnect); the event comes after both.
    kinds.wait_for("reconnected")
    stats = client.stats
    # 11 pings, the depth and the ticker, plus the clock measurement and logon on each connection.
    assert stats.requests == 11 + 2 + 4
    assert stats.responses == 11 + 4
    assert stats.errors == 2 and dict(stats.errors_by_type) == {"RequestTimeout": 1, "ConnectionLost": 1}
    assert stats.reconnects == 1 and stats.rotations == 0
    assert stats.latency_p50 is not None and stats.latency_max is not None
    assert 0 < stats.latency_p50 <= stats.latency_p90 <= stats.latency_p99 <= stats.latency_max  # type: ignore[operator]


def test_late_responses_are_kept_in_a_bounded_log(client: Client, exchange: LocalExchange) -> None:
    """A response that comes after its request timed out is kept (id, method, how late) and counted."""
    client.connect()
    exchange.delay("depth", 0.4, times=1)
    with pytest.raises(RequestTimeout) as info:
        client.depth(symbol="BTCUSDT", timeout=0.1)
    assert exchange.wait_until(lambda ex: len(client.late_responses) == 1)
    late = client.late_responses[0]
    assert (late.request_id, late.method) == (info.value.request_id, "depth")
    assert late.late_by > 0.1 and late.message["status"] == 200
    assert client.stats.late_responses == 1


def test_resolve_orders_own_lookups_are_not_counted_as_errors(client: Client, exchange: LocalExchange) -> None:
    """resolve_order asks order.status until it is sure; its "not found" answers are not the caller's errors."""
    from binance_wsapi import ExecutionStatusUnknown

    exchange.never_answer("order.place", execute=False, times=1)
    with pytest.raises(ExecutionStatusUnknown) as lost:
        client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="40000",
                           quantity="0.001", timeout=0.2, recv_window=300)
    before = client.stats.errors
    assert client.resolve_order(lost.value, settle=0.4) is None
    assert exchange.request_count("order.status") >= 2
    assert client.stats.errors == before


def test_events_a_stream_consumes_are_not_logged_as_unhandled(client: Client, exchange: LocalExchange, logs: LogWatcher) -> None:
    """An executionReport delivered to a subscribed stream is not also logged as "event with no handler"."""
    stream = client.user_data.subscribe()
    client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.001")
    stream.get(timeout=5)
    client.ping()
    assert not [r for r in list(logs.records) if "event with no handler" in r.getMessage()]


def test_a_429_warning_reads_as_a_sentence(make_exchange: Callable[..., LocalExchange], logs: LogWatcher) -> None:
    """The WARNING after a 429 says what happens next, not "later requests was not sent"."""
    exchange = make_exchange(weight_limit=10)
    account = exchange.create_account({"USDT": "100"})
    with exchange.client(account, on_rate_limit="raise", timeout=5) as client:
        with pytest.raises(Exception):
            for _ in range(6):
                client.depth(symbol="BTCUSDT", limit=5)
    warnings = [r.getMessage() for r in list(logs.records) if r.levelname == "WARNING"]
    assert any("nothing it covers is sent before" in w for w in warnings), warnings
    assert not any("later requests was not sent" in w for w in warnings)


def test_reprs_are_short_and_readable(client: Client) -> None:
    """Client, Response and event reprs fit on a line, hide the key, and write decimals plainly."""
    import json
    import pathlib

    from binance_wsapi.events import parse_event

    client.ping()
    text = repr(client)
    assert len(text) < 200 and "connected" in text and client._builder.api_key not in text
    html = client._repr_html_()
    assert "<table>" in html and "connected" in html and client._builder.api_key not in html
    book = client.request("depth", {"symbol": "BTCUSDT", "limit": 5000})
    assert len(repr(book)) < 300 and "status=200" in repr(book) and "REQUEST_WEIGHT=" in repr(book)
    docs = json.loads((pathlib.Path(__file__).parent / "data" / "ws_api_docs.json").read_text())
    report = parse_event(docs["events"]["executionReport"])
    shown = repr(report)
    assert len(shown) < 250 and "0E-8" not in shown and "Decimal(" not in shown
    assert "NEW->NEW" in shown and f"order_id={report.order_id}" in shown and "filled=0" in shown
    for raw in docs["events"].values():
        assert "Decimal(" not in repr(parse_event(raw))
