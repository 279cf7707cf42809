"""User data streams against LocalExchange: events, reconnects, rotations, slow consumers, endings."""

from __future__ import annotations

import json
import threading
from decimal import Decimal
from typing import Any

import pytest

from binance_wsapi import (
    AccountSnapshot,
    BalanceUpdate,
    Client,
    EventStreamTerminated,
    ExecutionReport,
    ExternalLockUpdate,
    InvalidRequest,
    OutboundAccountPosition,
    SessionRevoked,
    StreamClosed,
    StreamGap,
    StreamOverflow,
    StreamTerminated,
    StreamTimeout,
    Timeout,
    UnknownEvent,
    UserDataEvent,
    UserDataStream,
)
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Kinds, Recorder, client_kwargs, ctrl_c_when

pytestmark = [pytest.mark.both_schemes, pytest.mark.event_orders]


def take(stream: UserDataStream, count: int, timeout: float = 5.0) -> list[UserDataEvent]:
    return [stream.get(timeout) for _ in range(count)]


def take_until(stream: UserDataStream, predicate: Any, timeout: float = 5.0) -> list[UserDataEvent]:
    events: list[UserDataEvent] = []
    while not events or not predicate(events[-1]):
        events.append(stream.get(timeout))
    return events


def reconnect(client: Client, exchange: LocalExchange) -> None:
    """Cut the client's connection and wait until it has reconnected (and re-subscribed)."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    exchange.drop_connections()
    kinds.wait_for("reconnected")
    client.remove_connection_handler(kinds)


def buy(client: Client, qty: str = "0.001") -> dict[str, Any]:
    return client.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity=qty)  # type: ignore[no-any-return]


def test_fill_gives_execution_reports_then_account_position(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """A market buy streams NEW, then TRADE with the fill's numbers, then the balances it left."""
    stream = client.user_data.subscribe()
    order = buy(client, "0.002")
    new, trade, position = take(stream, 3)
    assert isinstance(new, ExecutionReport) and new.execution_type == "NEW" and new.order_id == order["orderId"]
    assert isinstance(trade, ExecutionReport) and trade.execution_type == "TRADE" and trade.order_status == "FILLED"
    assert trade.client_order_id == order["clientOrderId"]
    assert trade.last_filled_qty == Decimal("0.002") == trade.cumulative_filled_qty
    assert trade.cumulative_quote_qty == Decimal(order["cummulativeQuoteQty"])
    assert trade.commission == Decimal(order["fills"][0]["commission"])
    assert trade.raw["l"] == "0.00200000"
    assert isinstance(position, OutboundAccountPosition)
    balances = {b.asset: (b.free, b.locked) for b in position.balances}
    assert balances == {asset: exchange.balances(account)[asset] for asset in ("BTC", "USDT")}


def test_order_from_a_second_client_reaches_the_first_clients_stream(exchange: LocalExchange, account: LocalAccount) -> None:
    """Events follow the account, not the connection that placed the order."""
    with exchange.client(account, timeout=5) as watcher, exchange.client(account, timeout=5) as trader:
        stream = watcher.user_data.subscribe()
        order = buy(trader)
        events = take_until(stream, lambda e: isinstance(e, OutboundAccountPosition))
        assert [e.order_id for e in events if isinstance(e, ExecutionReport)] == [order["orderId"]] * 2


@pytest.mark.parametrize("key_type", ["hmac", "rsa", "ed25519"])
def test_every_key_type_streams(exchange: LocalExchange, key_type: str) -> None:
    """HMAC and RSA subscribe by signature, Ed25519 through the session logon; all get events."""
    account = exchange.create_account({"USDT": "1000"}, key_type=key_type)
    with exchange.client(account, timeout=5) as client:
        stream = client.user_data.subscribe()
        exchange.deposit(account, "USDT", "5")
        update, position = take(stream, 2)
        assert isinstance(update, BalanceUpdate) and (update.asset, update.delta) == ("USDT", Decimal("5"))
        assert isinstance(position, OutboundAccountPosition)
    expected = "userDataStream.subscribe" if key_type == "ed25519" else "userDataStream.subscribe.signature"
    assert exchange.request_count(expected) == 1


def test_reconnect_delivers_a_gap_then_events_resume(client: Client, exchange: LocalExchange) -> None:
    """After a dropped connection the stream says events may be missing, then carries on."""
    stream = client.user_data.subscribe()
    buy(client)
    take(stream, 3)
    reconnect(client, exchange)
    order = buy(client)
    gap, *rest = take(stream, 4)
    assert isinstance(gap, StreamGap) and gap.start <= gap.end and gap.dropped == 0
    assert [e.order_id for e in rest if isinstance(e, ExecutionReport)] == [order["orderId"]] * 2
    assert client.stats.reconnects == 1


def test_resync_delivers_a_snapshot_after_the_gap(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """With resync=True the library reads balances and open orders itself after a gap."""
    stream = client.user_data.subscribe(resync=True)
    first = stream.get(5)
    assert isinstance(first, AccountSnapshot) and first.open_orders == ()
    client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity="0.01", price="1000")
    take_until(stream, lambda e: isinstance(e, OutboundAccountPosition))
    reconnect(client, exchange)
    gap = stream.get(5)
    snapshot = stream.get(5)
    assert isinstance(gap, StreamGap) and isinstance(snapshot, AccountSnapshot)
    assert [o["price"] for o in snapshot.open_orders] == ["1000.00000000"]
    usdt = next(b for b in snapshot.balances if b.asset == "USDT")
    assert (usdt.free, usdt.locked) == exchange.balances(account)["USDT"]


@pytest.mark.parametrize("how", ["serverShutdown", "lifetime"])
def test_rotation_loses_and_repeats_nothing(exchange: LocalExchange, account: LocalAccount, how: str) -> None:
    """While orders stream, a planned rotation delivers every execution exactly once, with no gap."""
    age = 0.2 if how == "lifetime" else None
    with exchange.client(account, timeout=5, max_connection_age=age) as client:
        stream = client.user_data.subscribe()
        rotated = threading.Event()
        client.add_connection_handler(lambda event: event.kind == "rotated" and rotated.set())
        orders = []
        if how == "serverShutdown":
            exchange.send_server_shutdown(close_after=None)
        while not rotated.is_set() or len(orders) < 5:
            side = ("BUY", "SELL")[len(orders) % 2]  # keeps the balances up however long it takes
            orders.append(client.order_place(symbol="BTCUSDT", side=side, type="MARKET", quantity="0.001")["orderId"])
        orders.append(buy(client)["orderId"])
        events = take_until(stream, lambda e: isinstance(e, ExecutionReport) and e.order_id == orders[-1] and e.execution_type == "TRADE")
    assert not [e for e in events if isinstance(e, StreamGap)]
    reports = [e for e in events if isinstance(e, ExecutionReport)]
    executions = [e.execution_id for e in reports]
    assert executions == list(range(executions[0], executions[0] + len(executions)))
    assert [e.order_id for e in reports if e.execution_type == "NEW"] == orders
    assert all(e.order_id in orders for e in reports)


def test_a_blocked_consumer_does_not_delay_calls(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """A handler stuck on its first event leaves the socket free: pings and orders still answer."""
    stream = client.user_data.subscribe()
    release = threading.Event()
    seen = Recorder()
    stream.on("*", lambda event: (seen(event), release.wait(10)))
    exchange.deposit(account, "USDT", "1")
    orders = []
    for _ in range(20):
        client.ping(timeout=1)
        orders.append(buy(client)["orderId"])
    assert len(seen.items) == 1
    release.set()
    assert seen.wait_until(lambda events: orders[-1] in [getattr(e, "order_id", None) for e in events]
                         and isinstance(events[-1], OutboundAccountPosition))
    assert [e.order_id for e in seen.items if isinstance(e, ExecutionReport) and e.execution_type == "NEW"] == orders
    stream.close()


def test_a_raising_handler_does_not_stop_the_dispatcher(client: Client, exchange: LocalExchange, account: LocalAccount, logs: Any) -> None:
    """An exception in user code is logged and the next events are still handled."""
    stream = client.user_data.subscribe()
    updates = Recorder()

    def handler(event: UserDataEvent) -> None:
        updates(event)
        raise RuntimeError("user bug")

    stream.on(BalanceUpdate, handler)
    exchange.deposit(account, "USDT", "1")
    exchange.deposit(account, "USDT", "2")
    assert updates.wait_until(lambda events: len(events) == 2)
    assert [u.delta for u in updates.items] == [Decimal(1), Decimal(2)]  # type: ignore[attr-defined]
    logs.wait_for(lambda r: "user bug" in (r.exc_text or "") or (r.exc_info is not None and "user bug" in str(r.exc_info[1])))
    stream.close()


def test_drop_oldest_counts_the_dropped_events_in_a_gap(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """A full queue drops its oldest events and says how many before the rest."""
    stream = client.user_data.subscribe(queue_size=4)
    for amount in range(1, 6):
        exchange.deposit(account, "USDT", str(amount))  # two events each
    client.ping()
    gap = stream.get(5)
    assert isinstance(gap, StreamGap) and gap.dropped == 6 and stream.dropped == 6
    rest = take(stream, 4)
    assert [e.delta for e in rest if isinstance(e, BalanceUpdate)] == [Decimal(4), Decimal(5)]


def test_raise_on_overflow_ends_the_stream_after_what_fit(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """With on_overflow='raise' the consumer reads the queued events, then StreamOverflow."""
    stream = client.user_data.subscribe(queue_size=3, on_overflow="raise")
    exchange.deposit(account, "USDT", "1")
    exchange.deposit(account, "USDT", "2")
    client.ping()
    take(stream, 3)
    with pytest.raises(StreamOverflow, match="queue is full"):
        stream.get(5)


def test_unexpected_termination_ends_the_stream_with_an_exception(client: Client) -> None:
    """A session.logout ends a logon subscription: the event, then StreamTerminated, not silence."""
    stream = client.user_data.subscribe()
    client.session_logout()
    assert isinstance(stream.get(5), EventStreamTerminated)
    with pytest.raises(StreamTerminated):
        stream.get(5)
    with pytest.raises(StreamTerminated):
        next(iter(stream))


def test_session_revocation_ends_the_stream(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """The documented id-null 401/-2015 frame ends the account's stream with SessionRevoked."""
    stream = client.user_data.subscribe()
    exchange.revoke_api_key(account)
    with pytest.raises(SessionRevoked, match="-2015"):
        stream.get(5)


def test_unknown_events_and_extra_fields_are_delivered(client: Client, exchange: LocalExchange) -> None:
    """A new event type arrives as UnknownEvent; a known one with extra fields is still parsed."""
    stream = client.user_data.subscribe()
    sub = stream.subscription_id
    exchange.send_raw(json.dumps({"subscriptionId": sub, "event": {"e": "futureThing", "E": 7, "x": 1}}))
    exchange.send_raw(json.dumps({"subscriptionId": sub, "event": {"e": "balanceUpdate", "E": 8, "a": "BTC", "d": "1", "T": 8, "new": 2}}))
    exchange.send_raw(json.dumps({"subscriptionId": sub, "event": {"e": "balanceUpdate", "E": 9}}))
    unknown, update, broken = take(stream, 3)
    assert isinstance(unknown, UnknownEvent) and unknown.type == "futureThing" and unknown.raw["x"] == 1
    assert isinstance(update, BalanceUpdate) and update.raw["new"] == 2
    assert isinstance(broken, UnknownEvent) and broken.type == "balanceUpdate" and broken.event_time == 9


def test_external_lock_update(client: Client, exchange: LocalExchange, account: LocalAccount) -> None:
    """An external lock streams externalLockUpdate, then the balance it moved to locked."""
    stream = client.user_data.subscribe()
    exchange.external_lock(account, "BTC", "0.25")
    lock, position = take(stream, 2)
    assert isinstance(lock, ExternalLockUpdate) and lock.delta == Decimal("0.25")
    assert isinstance(position, OutboundAccountPosition)
    assert position.balances[0].locked == Decimal("0.25")


def test_other_accounts_stream_on_the_same_connection(exchange: LocalExchange, account: LocalAccount) -> None:
    """A client subscribes other accounts by signature, each to its own stream, on one connection."""
    other = exchange.create_account({"USDT": "100"}, key_type="rsa")
    third = exchange.create_account({"USDT": "100"}, key_type="hmac")
    with exchange.client(account, timeout=5) as client:
        mine = client.user_data.subscribe()
        theirs = client.user_data.subscribe(other.api_key, other.api_secret)
        third_stream = client.user_data.subscribe(third.api_key, third.api_secret)
        exchange.deposit(other, "USDT", "7")
        exchange.deposit(third, "USDT", "8")
        assert take(theirs, 2)[0].delta == Decimal(7)  # type: ignore[attr-defined]
        assert take(third_stream, 2)[0].delta == Decimal(8)  # type: ignore[attr-defined]
        with pytest.raises(StreamTimeout):
            mine.get(0.2)
        assert len(client.session_subscriptions()) == 3
        reconnect(client, exchange)
        exchange.deposit(other, "USDT", "9")
        gap, update = take(theirs, 2)
        assert isinstance(gap, StreamGap) and update.delta == Decimal(9)  # type: ignore[attr-defined]
        assert exchange.connection_count == 1


def test_one_stream_per_account(client: Client, exchange: LocalExchange) -> None:
    """Subscribing an account twice is refused before sending, naming the stream that has it."""
    stream = client.user_data.subscribe()
    sent = exchange.request_count("userDataStream.subscribe")
    with pytest.raises(InvalidRequest, match=stream.name):
        client.user_data.subscribe()
    assert exchange.request_count("userDataStream.subscribe") == sent


def test_close_unsubscribes_and_ends_iteration(client: Client) -> None:
    """stream.close() ends the subscription on the server and a for loop in another thread."""
    stream = client.user_data.subscribe()
    ended = threading.Event()

    def consume() -> None:
        for _ in stream:
            pass
        ended.set()

    thread = threading.Thread(target=consume)
    thread.start()
    stream.close()
    thread.join(5)
    assert ended.is_set()
    assert client.session_subscriptions() == []
    with pytest.raises(StreamClosed):
        stream.get(0)


def test_closing_the_client_closes_its_streams(exchange: LocalExchange, account: LocalAccount) -> None:
    """client.close() ends every stream: iteration stops, handlers hear the end."""
    client = exchange.client(account, timeout=5)
    stream = client.user_data.subscribe()
    ends: list[Any] = []
    done = threading.Event()
    stream.on("*", lambda event: None)
    stream.on_end(lambda error: (ends.append(error), done.set()))
    assert stream.name in [t.name for t in client.threads]
    client.close()
    assert done.wait(5) and ends == [None]
    assert stream.closed


def test_no_credentials_is_a_clear_error(exchange: LocalExchange) -> None:
    """A client without keys needs an account's keys to subscribe."""
    with Client(**client_kwargs(exchange)) as client:
        with pytest.raises(InvalidRequest, match="no credentials"):
            client.user_data.subscribe()


def test_subscribe_for_another_account_interrupted_while_queued_does_not_wedge_the_reconnect(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """Ctrl-C in subscribe() for another account while reconnects fail: the next connection still opens."""
    other = exchange.create_account({"USDT": "1000"})
    with exchange.client(account, timeout=Timeout(request=3, connect=2, close=2), stay_connected=True) as client:
        client.connect()
        exchange.refuse_upgrades(503)  # reconnects fail, so the subscription waits in the queue
        exchange.drop_connections()
        assert exchange.wait_until(lambda ex: len(ex.upgrades_refused) >= 1)
        with pytest.raises(KeyboardInterrupt), ctrl_c_when(lambda: True):
            client.user_data.subscribe(other.api_key, other.api_secret, timeout=20)
        exchange.clear_faults()
        exchange.clock_skew = 3.0  # the next connection measures a new offset, so queued requests are re-signed
        assert client.ping(timeout=10) == {}
        assert client.account_status()["balances"]
