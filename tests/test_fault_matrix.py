"""The fault matrix: each way a connection or server can misbehave, and what the client then does.

    fault                                   expected outcome
    connection dropped before a send        the request waits for the new connection, sent once
    connection dropped after a send         in flight: ConnectionLost at once (orders: also unknown)
    connection dropped while idle           stays idle; the next call reconnects (stay_connected: at once)
    server never answers one method         that call times out at its deadline; others unaffected
    server stops answering pings            the watchdog replaces the silent connection
    serverShutdown with requests in flight  nothing fails: in-flight finish, new ones use a new link
    lifetime rotation, 16 threads calling   nothing fails, nothing is lost or sent twice
    clock skewed by +/- 2 s                 measured on connect; a jump later costs one -1021 retry
    429, then recovery                      later calls wait for retryAfter, then succeed
    418 ban                                 IPBanned at once, nothing sent, until the ban lifts
    malformed JSON frame                    logged and ignored; the connection stays
    response with an unknown id             logged and ignored; the connection stays
    binary frame                            logged and ignored; the connection stays
    oversized frame                         the connection is dropped (in flight: ConnectionLost)
    server restart on the same port         calls made while it is down succeed once it is back
    server gone for good                    an idle client stops dialling; a call tries until its deadline
    close() while 16 calls are pending      every call fails at once with ClientClosed (or unknown)

Each test asserts its outcome through the public API against LocalExchange's fault knobs.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

import pytest

from binance_wsapi import (
    Backoff,
    Client,
    ClientClosed,
    ConnectionLost,
    Heartbeat,
    IPBanned,
    RateLimited,
    RequestTimeout,
    StatusUnknownClientClosed,
    StatusUnknownConnectionLost,
)
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Hammer, Kinds, LogWatcher, client_kwargs

pytestmark = pytest.mark.both_schemes

S = "BTCUSDT"


def buy(client: Client, price: str = "40000", **extra: Any) -> Any:
    return client.order_place(
        symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price=price, quantity="0.01", **extra
    )


def test_dropped_before_send_waits_for_the_new_connection(client: Client, exchange: LocalExchange) -> None:
    """Calls made while the link is down are queued, sent once on the new connection, and succeed."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    exchange.drop_connections()
    kinds.wait_for("disconnected")  # before this, a call may still go out on the dead socket
    order = client.futures.order_place(
        symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.01")
    pings = [client.futures.ping() for _ in range(10)]
    assert order.result(5)["status"] == "NEW" and [p.result(5) for p in pings] == [{}] * 10
    assert exchange.request_count("order.place") == 1 and exchange.request_count("ping") == 10


def test_dropped_after_send_fails_in_flight_at_once(client: Client, exchange: LocalExchange) -> None:
    """In-flight requests fail the moment the link drops: orders as unknown; nothing is re-sent."""
    client.connect()
    exchange.never_answer("order.place", execute=True, times=1)
    exchange.never_answer("depth", times=1)
    order = client.futures.order_place(
        symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.01", timeout=30)
    book = client.futures.depth(symbol=S, timeout=30)
    assert exchange.wait_until(lambda ex: ex.request_count("depth") == 1 and ex.request_count("order.place") == 1)
    started = time.monotonic()
    exchange.drop_connections()
    order_error, book_error = order.exception(5), book.exception(5)
    assert time.monotonic() - started < 2  # not at the 30 s deadline
    assert type(order_error) is StatusUnknownConnectionLost and order_error.client_order_id
    assert type(book_error) is ConnectionLost
    assert client.resolve_order(order_error)["status"] == "NEW"  # type: ignore[arg-type,index]
    assert exchange.request_count("order.place") == 1


def test_dropped_while_idle_reconnects_on_the_next_call(client: Client, exchange: LocalExchange) -> None:
    """An idle client notices the drop and stays idle, dialling nothing; its next call reconnects and logs on."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    exchange.drop_connections()
    kinds.wait_for("idle")
    assert exchange.connections_accepted == 1 and "connecting" not in repr(client)
    assert client.account_status()["balances"]
    assert exchange.connections_accepted == 2 and exchange.request_count("session.logon") == 2
    # The new connection carries the queued call before it is counted and announced as a reconnect.
    kinds.wait_for("reconnected")
    assert client.stats.errors == 0 and client.stats.reconnects == 1
    assert [e.kind for e in kinds.items] == ["connected", "disconnected", "idle", "reconnecting", "reconnected"]


def test_an_idle_clients_next_call_waits_out_the_backoff(exchange: LocalExchange, account: LocalAccount) -> None:
    """The backoff after a loss holds for the idle client's next call too: a flapping server is not redialled at call rate."""
    kinds = Kinds()
    with exchange.client(account, backoff=Backoff(initial=0.5, jitter=0.0)) as client:
        client.add_connection_handler(kinds)
        client.connect()
        dropped_at = exchange.now_ms()
        exchange.drop_connections()
        kinds.wait_for("idle")
        assert client.ping() == {}
        assert exchange.connection_times[1] - dropped_at >= 450


def test_dropped_while_idle_with_stay_connected_reconnects_in_the_background(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """With stay_connected, an idle client reconnects and logs on again by itself; no call fails."""
    kinds = Kinds()
    with exchange.client(account, stay_connected=True) as client:
        client.add_connection_handler(kinds)
        client.connect()
        exchange.drop_connections()
        kinds.wait_for("reconnected")
        assert exchange.request_count("session.logon") == 2
        assert client.account_status()["balances"]
        assert client.stats.errors == 0 and client.stats.reconnects == 1 and exchange.connections_accepted == 2


def test_one_method_never_answered_times_out_alone(client: Client, exchange: LocalExchange) -> None:
    """A method the server never answers times out at its deadline; other calls meanwhile succeed."""
    client.connect()
    exchange.never_answer("depth")
    started = time.monotonic()
    stuck = client.futures.depth(symbol=S, timeout=0.5)
    for _ in range(20):
        assert client.ping() == {}
    error = stuck.exception(5)
    assert type(error) is RequestTimeout and error.sent
    assert 0.5 <= time.monotonic() - started < 2.0
    assert exchange.connections_accepted == 1


def test_server_that_stops_answering_pings_is_replaced(exchange: LocalExchange, logs: LogWatcher) -> None:
    """A silent link (no pongs, no frames) is declared dead after idle + timeout and replaced."""
    kinds = Kinds()
    with Client(heartbeat=Heartbeat(idle=0.2, timeout=0.3), **client_kwargs(exchange)) as client:
        client.add_connection_handler(kinds)
        client.connect()
        exchange.answer_pings = False
        kinds.wait_for("disconnected")
        assert "after a ping" in logs.wait_for(lambda r: "lost" in r.getMessage()).getMessage()
        exchange.answer_pings = True
        assert client.ping() == {}
        kinds.wait_for("reconnected")


def test_server_shutdown_with_sixteen_callers_fails_nothing(client: Client, exchange: LocalExchange) -> None:
    """serverShutdown while 16 threads call: in-flight calls finish, new ones move; none fails."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    exchange.delay("depth", 0.3, times=1)
    slow = client.futures.depth(symbol=S, limit=5)
    hammer = Hammer(lambda i: client.ping())
    assert exchange.wait_until(lambda ex: ex.request_count("ping") >= 50)
    exchange.send_server_shutdown(close_after=2.0)
    kinds.wait_for("rotated")
    assert exchange.wait_until(lambda ex: ex.request_count("ping") >= 50 + 200)
    done = hammer.stop()
    assert not hammer.errors, hammer.errors[:3]
    assert len(slow.result(5)["bids"]) == 5
    assert exchange.request_count("ping") == done  # each call answered once, nothing re-sent
    assert client.stats.rotations == 1 and client.stats.reconnects == 0 and "disconnected" not in kinds.kinds
    assert exchange.wait_until(lambda ex: ex.connection_count == 1)  # the old link closed once drained


def test_lifetime_rotation_with_sixteen_callers(make_exchange: Callable[..., LocalExchange]) -> None:
    """Connections rotated every 0.25 s under 16 calling threads: no call fails, none is lost or doubled."""
    # 16 threads of pings pass 6000 weight in well under a second; a rotation then rightly
    # waits for the minute to end (tests/test_reconnect_limits.py), which is not this test.
    exchange = make_exchange(book_levels=50, orders_per_10s=100_000, weight_limit=10**9)
    account = exchange.create_account({"USDT": "10000", "BTC": "1"})
    kinds = Kinds()
    with exchange.client(account, max_connection_age=0.25) as client:
        client.add_connection_handler(kinds)
        client.connect()
        ids: list[str] = []

        def call(i: int) -> None:
            if i == 0 and len(ids) < 150:  # MAX_NUM_ORDERS is 200
                ids.append(buy(client, str(1000 + len(ids)))["clientOrderId"])
            else:
                client.ping()

        hammer = Hammer(call)
        kinds.wait_for("rotated", count=3)
        done = hammer.stop()
        assert not hammer.errors, hammer.errors[:3]
        assert exchange.request_count("ping") + exchange.request_count("order.place") == done
        open_ids = [o["clientOrderId"] for o in client.open_orders_status(symbol=S)]
        assert sorted(open_ids) == sorted(ids)  # every order placed exactly once
        assert client.stats.rotations >= 3 and client.stats.reconnects == 0
        assert "disconnected" not in kinds.kinds and exchange.connections_accepted >= 4
        assert exchange.status_counts[429] == 0 and exchange.status_counts[418] == 0


@pytest.mark.parametrize("skew", [2.0, -2.0])
def test_clock_skew_of_two_seconds(exchange: LocalExchange, skew: float) -> None:
    """A skew present on connect is measured away; a jump later costs one -1021 and one retry, no duplicate."""
    account = exchange.create_account({"USDT": "10000"}, key_type="rsa")
    exchange.clock_skew = skew
    with exchange.client(account, clock_sync_interval=None) as client:
        buy(client, "40000")
        assert client.clock_offset == pytest.approx(skew, abs=0.2)
        assert exchange.status_counts[400] == 0
        exchange.clock_skew = 0.0  # a 2 s jump: our stamps are now 2 s ahead or 2 s stale
        buy(client, "40001", recv_window=1000, timeout=3)  # the resync must not wait for anything slower
        assert client.clock_offset == pytest.approx(0.0, abs=0.2)
        assert len(client.open_orders_status(symbol=S)) == 2
    assert exchange.request_count("order.place") == 3  # one was refused with -1021, then re-sent
    assert exchange.status_counts[400] == 1


def test_429_then_recovery(client: Client, exchange: LocalExchange) -> None:
    """After a 429, calls wait until its retryAfter and then succeed; nothing is sent before it."""
    client.connect()
    retry_at = exchange.now_ms() + 300
    exchange.fail("depth", 429, -1003, "Too much request weight used.", data={"retryAfter": retry_at}, times=1)
    with pytest.raises(RateLimited):
        client.depth(symbol=S)
    results = [client.futures.ping() for _ in range(5)]
    assert [r.result(5) for r in results] == [{}] * 5
    assert exchange.now_ms() >= retry_at and exchange.request_count("ping") == 5


def test_418_ban_sends_nothing_until_it_lifts(client: Client, exchange: LocalExchange) -> None:
    """A 418: IPBanned at once for every call, nothing sent, no reconnection until retryAfter; then calls succeed."""
    client.connect()
    lifts_at = exchange.now_ms() + 400
    exchange.fail("depth", 418, -1003, "IP banned.", data={"retryAfter": lifts_at}, times=1)
    with pytest.raises(IPBanned):
        client.depth(symbol=S)  # and the server hangs up, as Binance does
    with pytest.raises(IPBanned) as info:
        client.ping()
    assert info.value.sent is False and exchange.request_count("ping") == 0
    assert exchange.wait_until(lambda ex: ex.now_ms() >= lifts_at)
    assert client.ping() == {}  # the idle client reconnects on this call
    assert exchange.connections_accepted == 2 and exchange.connection_times[1] >= lifts_at


@pytest.mark.parametrize(
    "frame, logged",
    [
        ("{not json", "not JSON"),
        ('{"id": 987654321, "status": 200, "result": {}}', "unknown id 987654321"),
        (b"\x00\x01\x02", "binary frame"),
        ('["an", "array"]', "not an object"),
        ('{"neither": "status nor event"}', "neither status nor event"),
    ],
)
def test_unexpected_frames_are_logged_and_ignored(
    client: Client, exchange: LocalExchange, logs: LogWatcher, frame: Any, logged: str
) -> None:
    """Malformed JSON, an unknown id, a binary frame: logged, ignored; the connection and calls go on."""
    client.connect()
    exchange.delay("depth", 0.2, times=1)
    pending = client.futures.depth(symbol=S, limit=5)
    exchange.send_raw(frame)
    record = logs.wait_for(lambda r: logged in r.getMessage())
    assert record.levelname in ("WARNING", "ERROR")
    assert len(pending.result(5)["bids"]) == 5 and client.ping() == {}
    assert exchange.connections_accepted == 1 and client.stats.errors == 0


def test_oversized_frame_drops_the_connection(exchange: LocalExchange, account: LocalAccount, logs: LogWatcher) -> None:
    """A frame over max_message_size ends the connection: in-flight calls fail, the client reconnects."""
    with exchange.client(account, max_message_size=64 * 1024) as client:
        client.connect()
        exchange.never_answer("depth", times=1)
        stuck = client.futures.depth(symbol=S, timeout=30)
        assert exchange.wait_until(lambda ex: ex.request_count("depth") == 1)
        exchange.send_raw('{"pad": "' + "x" * 100_000 + '"}')
        assert type(stuck.exception(5)) is ConnectionLost
        assert "exceeds max_message_size=65536" in logs.wait_for(lambda r: "lost" in r.getMessage()).getMessage()
        assert client.ping() == {}
        assert exchange.connections_accepted == 2


def test_server_restart_on_the_same_port(client: Client, exchange: LocalExchange) -> None:
    """The server crashes and comes back on its port: calls made meanwhile succeed once it is back."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    port = exchange.port
    exchange.restart(down_for=0.5)
    kinds.wait_for("disconnected")
    started = time.monotonic()
    assert client.account_status(timeout=5)["balances"]  # waits through the downtime
    assert time.monotonic() - started >= 0.2
    assert exchange.port == port and exchange.connections_accepted == 2
    assert kinds.kinds.count("reconnecting") >= 2  # at least one attempt found nothing listening


def test_server_gone_for_good_leaves_an_idle_client_quiet(client: Client, exchange: LocalExchange) -> None:
    """The server goes away for good: the idle client stops dialling; a call retries until its deadline, then it is idle again."""
    kinds = Kinds()
    client.add_connection_handler(kinds)
    client.connect()
    exchange.close()
    kinds.wait_for("idle")
    assert kinds.kinds == ["connected", "disconnected", "idle"] and repr(client).endswith(" idle>")
    with pytest.raises(RequestTimeout) as info:
        client.ping(timeout=0.5)
    assert info.value.sent is False
    kinds.wait_for("idle", count=2)
    assert kinds.kinds.count("reconnecting") >= 1 and "reconnected" not in kinds.kinds
    assert repr(client).endswith(" idle>") and client.stats.reconnects == 0


def test_close_from_another_thread_with_sixteen_pending_calls(exchange: LocalExchange, account: LocalAccount) -> None:
    """close() while 16 calls wait: all fail at once, orders as unknown, queries as ClientClosed."""
    client = exchange.client(account, timeout=None)
    client.connect()
    exchange.never_answer("depth")
    exchange.never_answer("order.place", execute=True)
    errors: list[BaseException] = []

    def call(i: int) -> None:
        try:
            if i % 2:
                client.depth(symbol=S)
            else:
                buy(client, str(40000 + i))
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    callers = [threading.Thread(target=call, args=(i,)) for i in range(16)]
    for caller in callers:
        caller.start()
    assert exchange.wait_until(lambda ex: ex.request_count("depth") + ex.request_count("order.place") == 16)
    closer = threading.Thread(target=client.close)
    started = time.monotonic()
    closer.start()
    for caller in callers:
        caller.join(5)
    closer.join(5)
    assert time.monotonic() - started < 3 and not closer.is_alive()
    assert sorted(type(e).__name__ for e in errors) == ["ClientClosed"] * 8 + ["StatusUnknownClientClosed"] * 8
    assert all(isinstance(e, ClientClosed) for e in errors)
    assert all(e.client_order_id for e in errors if isinstance(e, StatusUnknownClientClosed))
