"""The futures fault matrix: each way a futures connection or server can misbehave, and what the
USDⓈ-M (and, where marked, COIN-M) client then does. The futures companion of test_fault_matrix.py.

    fault                                   expected outcome
    connection dropped before a send        the request waits for the new connection, sent once  (UM, CM)
    connection dropped after a send         in flight: ConnectionLost at once; orders unknown,
                                            resolve_order finds them, none placed twice          (UM, CM)
    connection dropped while idle           stays idle; the next call reconnects and logs on     (UM, CM)
    server never answers one method         that call times out at its deadline; others unaffected (UM, CM)
    server stops answering pings            the watchdog replaces the silent connection
    serverShutdown with requests in flight  nothing fails: in-flight finish, new ones use a new link
    lifetime rotation, 16 threads calling   nothing fails, nothing is lost or sent twice
    clock skewed by +/- 2 s                 measured on connect with session.status; a jump later
                                            costs one -1021 retry
    429, then recovery                      later calls wait for retryAfter, then succeed
    418 ban                                 IPBanned at once, nothing sent, until the ban lifts
    malformed JSON / unknown id / binary    logged and ignored; the connection stays
    oversized frame                         the connection is dropped (in flight: ConnectionLost)
    server restart on the same port         calls made while it is down succeed once it is back  (UM, CM)
    server gone for good                    an idle client stops dialling; a call tries until its deadline
    close() while 16 calls are pending      every call fails at once with ClientClosed (or unknown) (UM, CM)
    user data stream, server restart        a StreamGap, then the account's events again        (UM, CM)
    an event while the reader waits         get() returns it at once, not at its deadline

Each test asserts its outcome through the public API against LocalExchange's fault knobs.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterator, NamedTuple

import pytest

from binance_wsapi import (
    ClientClosed,
    ConnectionLost,
    Heartbeat,
    IPBanned,
    RateLimited,
    RequestTimeout,
    StatusUnknownClientClosed,
    StatusUnknownConnectionLost,
    StreamGap,
)
from binance_wsapi.futures_events import OrderTradeUpdate
from binance_wsapi.listenkey import ListenKeyStream
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Hammer, Kinds, LogWatcher

pytestmark = pytest.mark.both_schemes

UM = "BTCUSDT"


class Market(NamedTuple):
    """What a test needs to know of one futures market to place an order and read something."""

    name: str
    symbol: str
    quantity: str  # notional >= 100 USDT on UM; whole contracts (100 USD each) on CM
    read_method: str  # the wire name of `read`
    read: Callable[[Any, dict[str, Any]], Any]  # a read-only call: (client or client.futures, kwargs)


MARKETS = {
    "usdm": Market("usdm", "BTCUSDT", "0.01", "depth", lambda c, kw: c.depth(symbol="BTCUSDT", limit=5, **kw)),
    "coinm": Market("coinm", "BTCUSD_PERP", "1", "account.balance", lambda c, kw: c.account_balance(**kw)),
}


def place(client: Any, market: Market, price: str = "40000", **extra: Any) -> Any:
    """A resting LIMIT BUY (below the mark: it never fills) on `client` or `client.futures`."""
    return client.order_place(symbol=market.symbol, side="BUY", type="LIMIT", time_in_force="GTC", price=price,
                              quantity=market.quantity, **extra)


def futures_duplicates(exchange: LocalExchange, account: LocalAccount, market: str) -> dict[str, int]:
    """Client order ids the futures engine accepted as more than one order (should be none).

    `exchange.duplicate_orders()` reads the Spot engine only, so the futures books are read here.
    """
    orders = exchange.futures_account(account, market).by_client_id
    return {cid: len(ids) for (_, cid), ids in orders.items() if len(ids) > 1}


def open_client_ids(exchange: LocalExchange, account: LocalAccount, market: Market) -> list[str]:
    return sorted(o.client_order_id for o in exchange.futures_account(account, market.name).open_orders(market.symbol))


@pytest.fixture(params=["usdm", "coinm"])
def market(request: pytest.FixtureRequest) -> Market:
    return MARKETS[str(request.param)]


@pytest.fixture
def account(exchange: LocalExchange) -> LocalAccount:
    """An Ed25519 account: each futures connection logs on with session.logon."""
    return exchange.create_account()


@pytest.fixture
def client(exchange: LocalExchange, account: LocalAccount, market: Market) -> Iterator[Any]:
    """A futures client of `market` (UMFuturesClient or CMFuturesClient)."""
    with exchange.client(account, market.name, timeout=5) as c:
        yield c


@pytest.fixture
def um(exchange: LocalExchange, account: LocalAccount) -> Iterator[Any]:
    with exchange.client(account, "usdm", timeout=5) as c:
        yield c


# -- connection lost ------------------------------------------------------------------------


def test_dropped_before_send_waits_for_the_new_connection(client: Any, exchange: LocalExchange, account: LocalAccount,
                                                          market: Market) -> None:
    """Calls made while the link is down are queued, sent once on the new connection, and succeed."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    exchange.drop_connections()
    kinds.wait_for("disconnected")  # before this, a call may still go out on the dead socket
    order = place(client.futures, market)
    reads = [market.read(client.futures, {}) for _ in range(5)]
    assert order.result(5)["status"] == "NEW" and all(r.result(5) for r in reads)
    assert exchange.request_count("order.place") == 1 and exchange.request_count(market.read_method) == 5
    assert exchange.connections_accepted == 2 and exchange.request_count("session.logon") == 2
    assert futures_duplicates(exchange, account, market.name) == {} and exchange.duplicate_orders() == {}


def test_dropped_after_send_fails_in_flight_at_once(client: Any, exchange: LocalExchange, account: LocalAccount,
                                                    market: Market) -> None:
    """In-flight requests fail the moment the link drops: the order as unknown, which resolve_order finds."""
    client.connect()
    exchange.never_answer("order.place", execute=True, times=1)
    exchange.never_answer(market.read_method, times=1)
    order = place(client.futures, market, timeout=30)
    read = market.read(client.futures, {"timeout": 30})
    assert exchange.wait_until(lambda ex: ex.request_count(market.read_method) == 1
                               and ex.request_count("order.place") == 1)
    started = time.monotonic()
    exchange.drop_connections()
    order_error, read_error = order.exception(5), read.exception(5)
    assert time.monotonic() - started < 2  # not at the 30 s deadline
    assert type(order_error) is StatusUnknownConnectionLost and order_error.client_order_id
    assert type(read_error) is ConnectionLost  # a twin's read is not sent again
    (listed,) = client.unknown_outcomes  # a copy of the raised error, kept for resolve_order
    assert type(listed) is StatusUnknownConnectionLost and listed.client_order_id == order_error.client_order_id
    found = client.resolve_order(listed)
    assert found is not None and found["status"] == "NEW" and found["clientOrderId"] == order_error.client_order_id
    assert open_client_ids(exchange, account, market) == [order_error.client_order_id]
    assert exchange.request_count("order.place") == 1
    assert futures_duplicates(exchange, account, market.name) == {} and exchange.duplicate_orders() == {}


def test_dropped_while_idle_reconnects_on_the_next_call(client: Any, exchange: LocalExchange, market: Market) -> None:
    """An idle client notices the drop and stays idle, dialling nothing; its next call reconnects and logs on."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    exchange.drop_connections()
    kinds.wait_for("idle")
    assert exchange.connections_accepted == 1 and "connecting" not in repr(client)
    assert market.read(client, {})
    assert exchange.connections_accepted == 2 and exchange.request_count("session.logon") == 2
    kinds.wait_for("reconnected")
    assert client.stats.errors == 0 and client.stats.reconnects == 1
    assert [e.kind for e in kinds.items] == ["connected", "disconnected", "idle", "reconnecting", "reconnected"]


def test_dropped_while_idle_with_stay_connected_reconnects_in_the_background(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """With stay_connected, an idle futures client reconnects and logs on again by itself; no call fails."""
    kinds = Kinds()
    with exchange.client(account, "usdm", timeout=5, stay_connected=True) as client:
        client.add_connection_handler(kinds)
        client.connect()
        exchange.drop_connections()
        kinds.wait_for("reconnected")
        assert exchange.request_count("session.logon") == 2
        assert client.account_balance_v2()
        assert client.stats.errors == 0 and client.stats.reconnects == 1 and exchange.connections_accepted == 2


# -- unanswered -----------------------------------------------------------------------------


def test_one_method_never_answered_times_out_alone(client: Any, exchange: LocalExchange, market: Market) -> None:
    """A method the server never answers times out at its deadline; other calls meanwhile succeed."""
    client.connect()
    exchange.never_answer(market.read_method)
    started = time.monotonic()
    stuck = market.read(client.futures, {"timeout": 0.5})
    for _ in range(10):
        assert client.session_status()["serverTime"]
    error = stuck.exception(5)  # waits out the 0.5 s deadline: the time must pass for it to fire
    assert type(error) is RequestTimeout and error.sent
    assert 0.5 <= time.monotonic() - started < 2.0
    assert exchange.connections_accepted == 1


def test_server_that_stops_answering_pings_is_replaced(exchange: LocalExchange, account: LocalAccount,
                                                       logs: LogWatcher) -> None:
    """A silent futures link (no pongs, no frames) is declared dead after idle + timeout and replaced."""
    kinds = Kinds()
    with exchange.client(account, "usdm", timeout=5, heartbeat=Heartbeat(idle=0.2, timeout=0.3)) as client:
        client.add_connection_handler(kinds)
        client.connect()
        exchange.answer_pings = False
        kinds.wait_for("disconnected")
        assert "after a ping" in logs.wait_for(lambda r: "lost" in r.getMessage()).getMessage()
        exchange.answer_pings = True
        assert client.ticker_price(symbol=UM)["price"]
        kinds.wait_for("reconnected")
        assert exchange.connections_accepted == 2 and exchange.request_count("session.logon") == 2


# -- the server moves us on -----------------------------------------------------------------


@pytest.fixture
def roomy(make_exchange: Callable[..., LocalExchange]) -> LocalExchange:
    """An exchange whose futures weight and order limits stay out of the way of 16 hammering threads."""
    return make_exchange(book_levels=50, orders_per_10s=100_000, futures_weight_limit=10**9,
                         futures_orders_per_10s=100_000, futures_orders_per_minute=100_000)


def test_server_shutdown_with_sixteen_callers_fails_nothing(roomy: LocalExchange) -> None:
    """serverShutdown while 16 threads call: in-flight calls finish, new ones move; none fails."""
    exchange = roomy
    account = exchange.create_account()
    kinds = Kinds()
    with exchange.client(account, "usdm", timeout=5) as client:
        client.add_connection_handler(kinds)
        client.connect()
        exchange.delay("depth", 0.3, times=1)
        slow = client.futures.depth(symbol=UM, limit=5)
        hammer = Hammer(lambda i: client.ticker_price(symbol=UM))
        assert exchange.wait_until(lambda ex: ex.request_count("ticker.price") >= 50)
        exchange.send_server_shutdown(close_after=2.0)
        kinds.wait_for("rotated")
        assert exchange.wait_until(lambda ex: ex.request_count("ticker.price") >= 50 + 200)
        done = hammer.stop()
        assert not hammer.errors, hammer.errors[:3]
        assert len(slow.result(5)["bids"]) == 5
        assert exchange.request_count("ticker.price") == done  # each call answered once, nothing re-sent
        assert client.stats.rotations == 1 and client.stats.reconnects == 0 and "disconnected" not in kinds.kinds
        assert exchange.wait_until(lambda ex: ex.connection_count == 1)  # the old link closed once drained
        assert exchange.request_count("session.logon") == 2  # the new link logged on before taking calls


def test_lifetime_rotation_with_sixteen_callers(roomy: LocalExchange) -> None:
    """Connections rotated every 0.25 s under 16 calling threads: no call fails, no order is lost or doubled."""
    exchange = roomy
    account = exchange.create_account()
    market = MARKETS["usdm"]
    kinds = Kinds()
    with exchange.client(account, "usdm", timeout=5, max_connection_age=0.25) as client:
        client.add_connection_handler(kinds)
        client.connect()
        ids: list[str] = []

        def call(i: int) -> None:
            if i == 0 and len(ids) < 100:
                ids.append(place(client, market, str(30000 + len(ids)))["clientOrderId"])
            else:
                client.ticker_price(symbol=UM)

        hammer = Hammer(call)
        kinds.wait_for("rotated", count=3)
        done = hammer.stop()
        assert not hammer.errors, hammer.errors[:3]
        assert exchange.request_count("ticker.price") + exchange.request_count("order.place") == done
        assert open_client_ids(exchange, account, market) == sorted(ids)  # every order placed exactly once
        assert futures_duplicates(exchange, account, "usdm") == {}
        assert client.stats.rotations >= 3 and client.stats.reconnects == 0
        assert "disconnected" not in kinds.kinds and exchange.connections_accepted >= 4
        assert exchange.status_counts[429] == 0 and exchange.status_counts[418] == 0


# -- the clock and the limits ---------------------------------------------------------------


@pytest.mark.parametrize("skew", [2.0, -2.0])
def test_clock_skew_of_two_seconds(exchange: LocalExchange, skew: float) -> None:
    """A skew present on connect is measured with session.status; a later jump costs one -1021 and one retry."""
    account = exchange.create_account(key_type="hmac")  # signed per request: every order carries a timestamp
    market = MARKETS["usdm"]
    exchange.clock_skew = skew
    with exchange.client(account, "usdm", timeout=5, clock_sync_interval=None) as client:
        place(client, market, "40000")
        assert client.clock_offset == pytest.approx(skew, abs=0.2)
        assert exchange.request_count("session.status") == 1 and exchange.request_count("time") == 0
        assert exchange.status_counts[400] == 0
        exchange.clock_skew = 0.0  # a 2 s jump: our stamps are now 2 s ahead or 2 s stale
        place(client, market, "40001", recv_window=1000, timeout=3)
        assert client.clock_offset == pytest.approx(0.0, abs=0.2)
        assert len(open_client_ids(exchange, account, market)) == 2
    assert exchange.request_count("order.place") == 3  # one was refused with -1021, then re-sent
    assert exchange.status_counts[400] == 1
    assert futures_duplicates(exchange, account, "usdm") == {}


def test_429_then_recovery(um: Any, exchange: LocalExchange) -> None:
    """After a 429, calls wait until its retryAfter and then succeed; nothing is sent before it."""
    um.connect()
    retry_at = exchange.now_ms() + 300
    exchange.fail("depth", 429, -1003, "Too many requests.", data={"retryAfter": retry_at}, times=1)
    with pytest.raises(RateLimited):
        um.depth(symbol=UM, limit=5)
    results = [um.futures.ticker_price(symbol=UM) for _ in range(5)]
    assert all(r.result(5)["price"] for r in results)
    assert exchange.now_ms() >= retry_at and exchange.request_count("ticker.price") == 5


def test_418_ban_sends_nothing_until_it_lifts(um: Any, exchange: LocalExchange) -> None:
    """A 418: IPBanned at once for every call, nothing sent, no reconnection until retryAfter; then calls succeed."""
    um.connect()
    lifts_at = exchange.now_ms() + 400
    exchange.fail("depth", 418, -1003, "IP banned.", data={"retryAfter": lifts_at}, times=1)
    with pytest.raises(IPBanned):
        um.depth(symbol=UM, limit=5)  # and the server hangs up, as Binance does
    with pytest.raises(IPBanned) as info:
        um.ticker_price(symbol=UM)
    assert info.value.sent is False and exchange.request_count("ticker.price") == 0
    # The ban must run out: nothing happens on the exchange meanwhile that a condition could wait on.
    time.sleep(max(0.0, (lifts_at - exchange.now_ms()) / 1000) + 0.01)
    assert um.ticker_price(symbol=UM)["price"]  # the idle client reconnects on this call
    assert exchange.connections_accepted == 2 and exchange.connection_times[1] >= lifts_at


# -- frames no server should send -----------------------------------------------------------


@pytest.mark.parametrize(
    "frame, logged",
    [
        ("{not json", "not JSON"),
        ('{"id": 987654321, "status": 200, "result": {}}', "unknown id 987654321"),
        (b"\x00\x01\x02", "binary frame"),
    ],
)
def test_unexpected_frames_are_logged_and_ignored(
    um: Any, exchange: LocalExchange, logs: LogWatcher, frame: Any, logged: str
) -> None:
    """Malformed JSON, an unknown id, a binary frame: logged, ignored; the connection and calls go on."""
    um.connect()
    exchange.delay("depth", 0.2, times=1)
    pending = um.futures.depth(symbol=UM, limit=5)
    exchange.send_raw(frame)
    record = logs.wait_for(lambda r: logged in r.getMessage())
    assert record.levelname in ("WARNING", "ERROR")
    assert len(pending.result(5)["bids"]) == 5 and um.ticker_price(symbol=UM)["price"]
    assert exchange.connections_accepted == 1 and um.stats.errors == 0


def test_oversized_frame_drops_the_connection(exchange: LocalExchange, account: LocalAccount, logs: LogWatcher) -> None:
    """A frame over max_message_size ends the connection: in-flight calls fail, the client reconnects."""
    with exchange.client(account, "usdm", timeout=5, max_message_size=64 * 1024) as client:
        client.connect()
        exchange.never_answer("depth", times=1)
        stuck = client.futures.depth(symbol=UM, limit=5, timeout=30)
        assert exchange.wait_until(lambda ex: ex.request_count("depth") == 1)
        exchange.send_raw('{"pad": "' + "x" * 100_000 + '"}')
        assert type(stuck.exception(5)) is ConnectionLost
        assert "exceeds max_message_size=65536" in logs.wait_for(lambda r: "lost" in r.getMessage()).getMessage()
        assert client.ticker_price(symbol=UM)["price"]
        assert exchange.connections_accepted == 2


# -- the server goes away -------------------------------------------------------------------


def test_server_restart_on_the_same_port(client: Any, exchange: LocalExchange, market: Market) -> None:
    """The server crashes and comes back on its port: calls made meanwhile succeed once it is back."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    port = exchange.port
    exchange.restart(down_for=0.5)
    kinds.wait_for("disconnected")
    started = time.monotonic()
    assert client.account_balance(timeout=5)  # waits through the downtime
    assert time.monotonic() - started >= 0.2
    assert exchange.port == port and exchange.connections_accepted == 2
    assert exchange.request_count("session.logon") == 2
    assert kinds.kinds.count("reconnecting") >= 2  # at least one attempt found nothing listening


def test_server_gone_for_good_leaves_an_idle_client_quiet(um: Any, exchange: LocalExchange) -> None:
    """The server goes away for good: the idle client stops dialling; a call retries until its deadline, unsent."""
    kinds = Kinds()
    um.add_connection_handler(kinds)
    um.connect()
    exchange.close()
    kinds.wait_for("idle")
    assert kinds.kinds == ["connected", "disconnected", "idle"] and repr(um).endswith(" idle>")
    with pytest.raises(RequestTimeout) as info:
        um.ticker_price(symbol=UM, timeout=0.5)
    assert info.value.sent is False
    kinds.wait_for("idle", count=2)
    assert kinds.kinds.count("reconnecting") >= 1 and "reconnected" not in kinds.kinds
    assert repr(um).endswith(" idle>") and um.stats.reconnects == 0


def test_close_from_another_thread_with_sixteen_pending_calls(exchange: LocalExchange, account: LocalAccount,
                                                              market: Market) -> None:
    """close() while 16 calls wait: all fail at once, orders as unknown, reads as ClientClosed."""
    client = exchange.client(account, market.name, timeout=None)
    client.connect()
    exchange.never_answer(market.read_method)
    exchange.never_answer("order.place", execute=True)
    errors: list[BaseException] = []

    def call(i: int) -> None:
        try:
            if i % 2:
                market.read(client, {})
            else:
                place(client, market, str(40000 + i))
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    callers = [threading.Thread(target=call, args=(i,)) for i in range(16)]
    for caller in callers:
        caller.start()
    assert exchange.wait_until(lambda ex: ex.request_count(market.read_method) + ex.request_count("order.place") == 16)
    closer = threading.Thread(target=client.close)
    started = time.monotonic()
    closer.start()
    for caller in callers:
        caller.join(5)
    closer.join(5)
    assert time.monotonic() - started < 3 and not closer.is_alive()
    assert sorted(type(e).__name__ for e in errors) == ["ClientClosed"] * 8 + ["StatusUnknownClientClosed"] * 8
    assert all(isinstance(e, ClientClosed) for e in errors)
    unknown = [e for e in errors if isinstance(e, StatusUnknownClientClosed)]
    ids = [e.client_order_id for e in unknown]
    assert all(ids)
    assert sorted(str(cid) for cid in ids) == open_client_ids(exchange, account, market)  # each executed once


# -- the user data stream -------------------------------------------------------------------


def _next_order_update(stream: ListenKeyStream, timeout: float = 5.0) -> OrderTradeUpdate:
    """The next ORDER_TRADE_UPDATE, skipping other events, each read within `timeout`."""
    while True:
        event = stream.get(timeout)
        if isinstance(event, OrderTradeUpdate):
            return event


def test_user_data_stream_survives_a_server_restart(client: Any, exchange: LocalExchange, market: Market) -> None:
    """The server restarts under a listenKey stream: a StreamGap comes first, then the account's events again."""
    stream = client.user_data.subscribe()
    key = stream.listen_key
    before = place(client, market, "40000")
    assert _next_order_update(stream).client_order_id == before["clientOrderId"]
    exchange.restart(down_for=0.5)
    gap = stream.get(10)  # the keeper queues it itself, on the new connection: it wakes this reader
    assert isinstance(gap, StreamGap) and gap.start <= gap.end
    assert exchange.wait_until(lambda ex: ex.stream_count == 1)
    after = place(client, market, "40001")
    event = _next_order_update(stream)
    assert event.client_order_id == after["clientOrderId"] and event.execution_type == "NEW"
    assert stream.listen_key == key and stream.connections == 2
    assert exchange.request_count("userDataStream.start") == 1  # the key outlived the restart
    stream.close()


def test_an_event_wakes_a_waiting_reader_at_once(um: Any, exchange: LocalExchange) -> None:
    """An event that arrives while the reader is blocked in get() is returned at once, not at get's deadline."""
    stream = um.user_data.subscribe()
    exchange.delay("order.place", 0.2, times=1)  # its event comes while this thread waits in get()
    placed = um.futures.order_place(symbol=UM, side="BUY", type="LIMIT", time_in_force="GTC", price="40000",
                                    quantity="0.01")
    started = time.monotonic()
    event = stream.get(20)  # a lost wake-up would return it only here, at the deadline
    waited = time.monotonic() - started
    assert isinstance(event, OrderTradeUpdate) and event.client_order_id == placed.result(5)["clientOrderId"]
    assert waited < 10, f"the event came after ~0.2 s, but get() returned only after {waited:.2f} s"
    stream.close()
