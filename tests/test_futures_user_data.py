"""Futures user data by listenKey, against LocalExchange over ws:// and wss://: events on a stream
connection of their own, the keepalive, and a stream that survives a lost connection and an expired key."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from binance_wsapi import (
    ConnectFailed,
    InvalidRequest,
    StreamClosed,
    StreamGap,
    UMFuturesClient,
)
from binance_wsapi.futures_events import AccountUpdate, ListenKeyExpired, OrderTradeUpdate
from binance_wsapi.listenkey import ListenKeyStream
from binance_wsapi.testing import LocalAccount, LocalExchange

pytestmark = pytest.mark.both_schemes


@pytest.fixture
def um(exchange: LocalExchange, account: LocalAccount) -> Iterator[UMFuturesClient]:
    with exchange.client(account, "usdm", timeout=5) as client:
        yield client


def _buy(client: UMFuturesClient) -> str:
    placed = client.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.01")
    return str(placed["clientOrderId"])


def _next_of(stream: ListenKeyStream, kind: type, timeout: float = 5.0) -> object:
    """The next event of `kind`, skipping others (each read has a deadline)."""
    while True:
        event = stream.get(timeout)
        if isinstance(event, kind):
            return event


def test_an_order_arrives_as_typed_events(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """A MARKET order's ORDER_TRADE_UPDATE (NEW, then TRADE) and ACCOUNT_UPDATE come on the listenKey stream."""
    stream = um.user_data.subscribe()
    assert stream.listen_key == exchange.listen_key(exchange_account(exchange, um), "usdm")
    client_id = _buy(um)
    new = _next_of(stream, OrderTradeUpdate)
    assert isinstance(new, OrderTradeUpdate) and new.client_order_id == client_id and new.execution_type == "NEW"
    trade = _next_of(stream, OrderTradeUpdate)
    assert isinstance(trade, OrderTradeUpdate) and trade.execution_type == "TRADE" and trade.order_status == "FILLED"
    update = _next_of(stream, AccountUpdate)
    assert isinstance(update, AccountUpdate) and update.reason == "ORDER"
    stream.close()
    assert exchange.wait_until(lambda ex: ex.request_count("userDataStream.stop") == 1)


def exchange_account(exchange: LocalExchange, client: UMFuturesClient) -> LocalAccount:
    """The LocalAccount of the client's key (for the exchange's own views)."""
    key = client._builder.api_key
    assert key is not None
    return LocalAccount(key, "", "", 0)


def test_a_lost_stream_connection_is_replaced_with_a_gap(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """The stream connection dropped: a new one opens on the same key, a StreamGap comes first, events go on."""
    stream = um.user_data.subscribe()
    key = stream.listen_key
    exchange.drop_streams()
    gap = stream.get(5)
    assert isinstance(gap, StreamGap) and gap.start <= gap.end
    assert exchange.wait_until(lambda ex: ex.stream_count == 1)
    client_id = _buy(um)
    event = _next_of(stream, OrderTradeUpdate)
    assert isinstance(event, OrderTradeUpdate) and event.client_order_id == client_id
    assert stream.listen_key == key and stream.connections == 2
    stream.close()


def test_an_expired_key_is_replaced_with_a_gap(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """listenKeyExpired is delivered, then a new key is started and read, with a StreamGap between."""
    stream = um.user_data.subscribe()
    old = stream.listen_key
    exchange.expire_listen_key(exchange_account(exchange, um), "usdm")
    expired = stream.get(5)
    assert isinstance(expired, ListenKeyExpired) and expired.listen_key == old
    gap = stream.get(5)
    assert isinstance(gap, StreamGap)
    assert stream.listen_key is not None and stream.listen_key != old
    assert exchange.request_count("userDataStream.start") == 2
    client_id = _buy(um)
    event = _next_of(stream, OrderTradeUpdate)
    assert isinstance(event, OrderTradeUpdate) and event.client_order_id == client_id
    stream.close()


def test_the_key_is_kept_alive(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """userDataStream.ping goes every `keepalive` seconds while the stream lives."""
    stream = um.user_data.subscribe(keepalive=0.2)
    assert exchange.wait_until(lambda ex: ex.request_count("userDataStream.ping") >= 2)
    assert not stream.closed  # (the exchange counts a ping on arrival, the stream once answered)
    stream.close()


def test_a_key_gone_at_its_keepalive_is_started_again(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """A -1125 keepalive answer starts the key again and reconnects, with a StreamGap."""
    exchange.fail("userDataStream.ping", 400, -1125, "This listenKey does not exist.", times=1)
    stream = um.user_data.subscribe(keepalive=0.2)
    gap = stream.get(5)
    assert isinstance(gap, StreamGap) and "-1125" in gap.reason
    assert exchange.request_count("userDataStream.start") == 2
    stream.close()


def test_closing_the_client_ends_the_stream(exchange: LocalExchange, account: LocalAccount) -> None:
    """A client's close ends its listenKey streams and every thread they started."""
    client = exchange.client(account, "usdm", timeout=5)
    stream = client.user_data.subscribe()
    threads = stream.threads()
    assert client.close()
    with pytest.raises(StreamClosed):
        stream.get(1)
    assert not any(t.is_alive() for t in threads)
    assert exchange.wait_until(lambda ex: ex.stream_count == 0)


def test_iteration_stops_after_close(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """Iterating a closed stream ends cleanly after the queued events."""
    stream = um.user_data.subscribe()
    stream.close()
    assert list(stream) == []


def test_subscribe_refuses_bad_arguments(um: UMFuturesClient) -> None:
    """keepalive beyond the key's life, and a bad queue size, are refused before anything starts."""
    with pytest.raises(InvalidRequest, match="keepalive"):
        um.user_data.subscribe(keepalive=4000)
    with pytest.raises(InvalidRequest, match="queue_size"):
        um.user_data.subscribe(queue_size=0)


def test_a_refused_key_raises_at_subscribe(exchange: LocalExchange, account: LocalAccount) -> None:
    """A revoked API key: subscribe raises the refusal, and leaves nothing running."""
    exchange.revoke_api_key(account)
    with exchange.client(account, "usdm", timeout=5) as client:
        with pytest.raises(Exception) as caught:
            client.user_data.subscribe()
        assert "-2015" in str(caught.value) or "refused" in str(caught.value)
        assert not client._supervisor.companions


def test_streams_of_one_client_share_the_key(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """Two streams of one client read the account's one listenKey; closing one does not stop it under the other."""
    first, second = um.user_data.subscribe(), um.user_data.subscribe()
    assert first.listen_key == second.listen_key
    first.close()
    assert exchange.request_count("userDataStream.stop") == 0
    client_id = _buy(um)
    event = _next_of(second, OrderTradeUpdate)
    assert isinstance(event, OrderTradeUpdate) and event.client_order_id == client_id
    second.close()
    assert exchange.request_count("userDataStream.stop") == 1


def test_a_key_stopped_elsewhere_is_replaced(exchange: LocalExchange, account: LocalAccount) -> None:
    """Another client's stop ends the account's key (the exchange closes its streams): the stream notices at its
    next connection, starts a new key, and goes on after a StreamGap, without a flood of reconnects."""
    with exchange.client(account, "usdm", timeout=5) as mine, exchange.client(account, "usdm", timeout=5) as other:
        stream = mine.user_data.subscribe()
        old = stream.listen_key
        other.user_data_stream_stop()
        gap = stream.get(10)
        assert isinstance(gap, StreamGap)
        assert stream.listen_key not in (None, old)
        client_id = _buy(mine)
        event = _next_of(stream, OrderTradeUpdate)
        assert isinstance(event, OrderTradeUpdate) and event.client_order_id == client_id
        assert exchange.stream_connections_accepted <= 4
        stream.close()


def test_a_key_that_runs_out_is_announced_and_replaced(make_exchange: Any) -> None:
    """A listenKey left without keepalives expires: listenKeyExpired is pushed, and a new key is started."""
    exchange = make_exchange(book_levels=50, listen_key_validity=0.5)
    account = exchange.create_account()
    with exchange.client(account, "usdm", timeout=5) as client:
        stream = client.user_data.subscribe(keepalive=600)
        old = stream.listen_key
        expired = _next_of(stream, ListenKeyExpired)
        assert expired.listen_key == old
        assert isinstance(stream.get(5), StreamGap)
        assert stream.listen_key not in (None, old)
        stream.close()


def test_a_failed_subscribe_leaves_nothing_running_and_shows_no_key(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """The stream host refusing the connection: subscribe raises without the listenKey in its message, its key
    is stopped, and no thread of the stream is left."""
    um.connect()  # the API connection is up: only the stream's upgrade is refused
    exchange.refuse_upgrades(503)
    with pytest.raises(ConnectFailed) as caught:
        um.user_data.subscribe()
    exchange.clear_faults()
    key = exchange.listen_key(exchange_account(exchange, um), "usdm")
    assert exchange.request_count("userDataStream.stop") == 1 and key is None
    assert "listen-key" not in " ".join(t.name for t in um.threads if t.is_alive())
    assert "…" in str(caught.value)
