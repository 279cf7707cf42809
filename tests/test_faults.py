"""Each LocalExchange fault knob: the exact exception, no hang past the deadline, nothing re-sent."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

import pytest

from binance_wsapi import (
    BackendTimeout,
    Client,
    ConnectionLost,
    ExecutionStatusUnknown,
    InvalidTimestamp,
    RateLimited,
    RequestTimeout,
    ServerError,
    StatusUnknownBackendTimeout,
    StatusUnknownConnectionLost,
    StatusUnknownServerError,
    StatusUnknownTimeout,
)
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import LogWatcher, client_kwargs

pytestmark = pytest.mark.both_schemes

ORDER = {
    "symbol": "BTCUSDT",
    "side": "BUY",
    "type": "LIMIT",
    "timeInForce": "GTC",
    "price": "45000.00",
    "quantity": "0.01",
    "newClientOrderId": "my-order-1",
}


class Elapsed:
    """Times a block, for asserting that a failure came by its deadline."""

    def __enter__(self) -> Elapsed:
        self.start = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.monotonic() - self.start


def test_unanswered_query_times_out_at_its_deadline(client: Client, exchange: LocalExchange) -> None:
    """A query that gets no answer raises RequestTimeout (not "unknown") at the call's timeout."""
    client.connect()
    exchange.never_answer("depth")
    with Elapsed() as elapsed, pytest.raises(RequestTimeout) as info:
        client.request("depth", {"symbol": "BTCUSDT"}, timeout=0.3)
    assert 0.3 <= elapsed.seconds < 1.5
    assert not isinstance(info.value, ExecutionStatusUnknown) and info.value.sent
    assert client.ping() == {}  # the connection is still good


def test_unanswered_order_is_execution_status_unknown(client: Client, exchange: LocalExchange) -> None:
    """An order sent without answer is StatusUnknownTimeout, carrying params and client order id."""
    client.connect()
    exchange.never_answer("order.place", execute=True)
    with pytest.raises(StatusUnknownTimeout) as info:
        client.request("order.place", ORDER, timeout=0.3)
    error = info.value
    assert isinstance(error, RequestTimeout) and isinstance(error, ExecutionStatusUnknown)
    assert error.method == "order.place" and error.client_order_id == "my-order-1"
    assert error.params["price"] == "45000.00" and "signature" not in error.params and "apiKey" not in error.params
    # The order did reach the engine: looking it up by its client order id finds it.
    found = client.request("order.status", {"symbol": "BTCUSDT", "origClientOrderId": "my-order-1"}).result
    assert found["status"] == "NEW"


def test_late_response_is_logged_with_id_and_method(client: Client, exchange: LocalExchange, logs: LogWatcher) -> None:
    """A response arriving after its timeout is logged at WARNING and kept in late_responses."""
    client.connect()
    exchange.delay("time", 0.4)
    with pytest.raises(RequestTimeout) as info:
        client.time(timeout=0.1)
    record = logs.wait_for(lambda r: "late response" in r.getMessage())
    assert record.levelname == "WARNING"
    assert f"id={info.value.request_id}" in record.getMessage() and "time" in record.getMessage()
    late = client.late_responses[-1]
    assert late.request_id == info.value.request_id and late.method == "time" and late.late_by > 0


def test_future_fails_at_its_deadline_without_a_waiter(client: Client, exchange: LocalExchange) -> None:
    """A Future nobody waits on still fails with RequestTimeout at its deadline."""
    client.connect()
    exchange.never_answer("ping")
    done = threading.Event()
    future = client.futures.ping(timeout=0.2)
    future.add_done_callback(lambda f: done.set())
    assert done.wait(3)
    assert isinstance(future.exception(), RequestTimeout)
    assert future.cancel() is False  # it was sent: too late to cancel


def test_no_timeout_waits_for_a_slow_answer(client: Client, exchange: LocalExchange) -> None:
    """timeout=None waits as long as the answer takes."""
    exchange.delay("time", 0.3)
    assert client.time(timeout=None)["serverTime"] > 0


@pytest.mark.parametrize(
    "method, params, status, code, expected, unknown",
    [
        ("order.place", ORDER, 503, -1001, StatusUnknownServerError, True),
        ("order.place", ORDER, 400, -1007, StatusUnknownBackendTimeout, True),
        ("depth", {"symbol": "BTCUSDT"}, 503, -1001, ServerError, False),
        ("depth", {"symbol": "BTCUSDT"}, 400, -1007, BackendTimeout, False),
    ],
)
def test_injected_errors_map_to_exceptions(
    client: Client, exchange: LocalExchange, method: str, params: dict, status: int, code: int, expected: type, unknown: bool
) -> None:
    """fail(method, status, code) answers with that error; open outcomes of orders are unknown."""
    exchange.fail(method, status, code, "Injected.", times=1)
    with pytest.raises(expected) as info:
        client.request(method, params)
    assert type(info.value) is expected and info.value.status == status and info.value.code == code
    assert isinstance(info.value, ExecutionStatusUnknown) is unknown
    client.request(method, params)  # the fault was for one call only


def test_429_carries_retry_after(client: Client, exchange: LocalExchange) -> None:
    """A 429 answer is RateLimited with the server's retryAfter."""
    retry_at = exchange.now_ms() + 60_000
    exchange.fail("depth", 429, -1003, "Too much request weight used.", data={"retryAfter": retry_at}, times=1)
    with pytest.raises(RateLimited) as info:
        client.request("depth", {"symbol": "BTCUSDT"})
    assert info.value.retry_after == retry_at


def test_reconnects_and_logs_on_again_without_resending(client: Client, exchange: LocalExchange) -> None:
    """After a drop the client reconnects, logs on again, and never re-sends what was in flight."""
    client.connect()
    exchange.never_answer("order.place", execute=True, times=1)
    pending = client.request_future("order.place", ORDER, timeout=10)
    assert exchange.wait_until(lambda ex: ex.request_count("order.place") == 1)
    exchange.drop_connections()
    assert isinstance(pending.exception(5), StatusUnknownConnectionLost)
    assert client.ping() == {}  # waits for the new connection
    assert exchange.connections_accepted == 2
    assert exchange.request_count("session.logon") == 2
    assert client.request("account.status").status == 200  # signed on the new session
    assert exchange.request_count("order.place") == 1


def test_server_pings_are_answered(make_exchange: Callable[..., LocalExchange]) -> None:
    """The client answers server pings, so a pinging server keeps the connection."""
    with make_exchange(book_levels=5, ping_interval=0.05, pong_timeout=0.5) as pinging:
        with Client(**client_kwargs(pinging)) as client:
            client.connect()
            assert pinging.wait_until(lambda ex: ex.pongs_received >= 5)
            assert pinging.connections_accepted == 1 and client.ping() == {}


@pytest.mark.parametrize("skew", [10.0, -2.0])
def test_clock_skew_is_measured_on_connect(exchange: LocalExchange, skew: float) -> None:
    """The offset measured on connect keeps signed requests inside recvWindow."""
    account = exchange.create_account({"USDT": "1"}, key_type="ed25519")
    exchange.clock_skew = skew
    with exchange.client(account) as client:
        assert client.request("account.status").status == 200
        assert client.clock_offset == pytest.approx(skew, abs=0.2)


@pytest.mark.parametrize("skew", [-2.0, 2.0, 10.0])
def test_clock_jump_after_connect_is_resynced_and_retried_once(exchange: LocalExchange, skew: float) -> None:
    """A clock jump after connecting: the -1021 makes the client re-measure and re-send, once."""
    account = exchange.create_account({"USDT": "10000"}, key_type="hmac")
    with exchange.client(account, clock_sync_interval=None) as client:
        client.connect()
        assert exchange.request_count("time") == 1
        exchange.clock_skew = skew
        order = client.order_place(
            symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="1000", quantity="0.01",
            recv_window=1000, timeout=3,  # the resync must not wait for anything slower
        )
        assert order["status"] == "NEW"
        assert exchange.request_count("order.place") == 2  # refused with -1021, then accepted
        assert exchange.request_count("time") == 2
        assert client.clock_offset == pytest.approx(skew, abs=0.2)
        assert len(client.open_orders_status(symbol="BTCUSDT")) == 1


def test_second_invalid_timestamp_is_raised(client: Client, exchange: LocalExchange) -> None:
    """Only one retry: a request refused with -1021 again after the resync raises InvalidTimestamp."""
    client.connect()
    exchange.fail("account.status", 400, -1021, "Timestamp for this request is outside of the recvWindow.", times=2)
    with pytest.raises(InvalidTimestamp, match="outside of the recvWindow"):
        client.account_status()
    assert exchange.request_count("account.status") == 2
    assert exchange.request_count("time") == 2
    assert client.account_status()["balances"]


def test_presigned_request_is_not_retried_after_invalid_timestamp(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """A request the caller signed carries their timestamp: a -1021 is raised, not re-signed."""
    from binance_wsapi import HmacSigner, signature_payload

    hmac = exchange.create_account({"USDT": "1"}, key_type="hmac")
    with Client(**client_kwargs(exchange)) as client:
        params = {"apiKey": hmac.api_key, "timestamp": int(time.time() * 1000) - 60_000}
        params["signature"] = HmacSigner(hmac.api_secret).sign(signature_payload(params))
        with pytest.raises(InvalidTimestamp):
            client.request("account.status", params)
    assert exchange.request_count("account.status") == 1


def test_clock_is_re_measured_periodically(exchange: LocalExchange, account: LocalAccount) -> None:
    """With clock_sync_interval set, the offset follows the server clock without any -1021."""
    with exchange.client(account, clock_sync_interval=0.1) as client:
        client.connect()
        exchange.clock_skew = 3.0
        assert exchange.wait_until(lambda ex: ex.request_count("time") >= 3)
        assert exchange.wait_until(lambda ex: abs(client.clock_offset - 3.0) < 0.2)
        assert client.account_status()["balances"]
    assert exchange.request_count("account.status") == 1


def test_request_that_timed_out_while_queued_is_never_sent(
    exchange: LocalExchange, account: LocalAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request bounced off a dead connection, queued, then timed out is dropped, not sent later."""
    from binance_wsapi.supervisor import Supervisor

    noticed, resume = threading.Event(), threading.Event()
    original = Supervisor.on_lost

    def slow_to_notice(self: Supervisor, conn: Any, reason: BaseException) -> None:
        noticed.set()
        resume.wait(5)  # keeps the dead connection "active" while the test makes its calls
        original(self, conn, reason)

    monkeypatch.setattr(Supervisor, "on_lost", slow_to_notice)
    with exchange.client(account) as client:
        client.connect()
        exchange.drop_connections()
        assert noticed.wait(5)
        queued = client.request_future("order.place", ORDER, timeout=0.2)
        with pytest.raises(RequestTimeout) as blocking:
            client.request("order.place", {**ORDER, "newClientOrderId": "my-order-2"}, timeout=0.2)
        error = queued.exception(5)
        assert type(error) is RequestTimeout and error.sent is False
        assert type(blocking.value) is RequestTimeout and blocking.value.sent is False
        resume.set()
        assert client.ping() == {}  # reconnected, and the queue was flushed
    assert exchange.request_count("order.place") == 0


def _lose_the_answer_to(exchange: LocalExchange, method: str, call: Callable[[], Any]) -> Any:
    """Run `call` in a thread, cut the connection once `method` reached the exchange unanswered; its outcome."""
    from concurrent.futures import ThreadPoolExecutor

    exchange.never_answer(method, times=1)
    before = exchange.request_count(method)
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(call)
        assert exchange.wait_until(lambda ex: ex.request_count(method) > before)
        exchange.drop_connections()
        try:
            return running.result(timeout=10)
        except Exception as exc:  # the test looks at what came back
            return exc


def test_a_read_lost_with_its_connection_is_sent_once_more(exchange: LocalExchange, account: LocalAccount) -> None:
    """account.status (USER_DATA) whose answer was lost with the connection is asked again on the next one."""
    with exchange.client(account, timeout=5) as client:
        client.ping()
        outcome = _lose_the_answer_to(exchange, "account.status", client.account_status)
        assert isinstance(outcome, dict) and "balances" in outcome
        assert exchange.request_count("account.status") == 2


def test_an_order_lost_with_its_connection_is_never_sent_again(exchange: LocalExchange, account: LocalAccount) -> None:
    """order.place (TRADE) whose answer was lost: ExecutionStatusUnknown, and the exchange saw it once."""
    with exchange.client(account, timeout=5) as client:
        client.ping()
        outcome = _lose_the_answer_to(exchange, "order.place", lambda: client.order_place(
            symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.001"))
        assert isinstance(outcome, ExecutionStatusUnknown)
        assert exchange.request_count("order.place") == 1


def test_retry_reads_false_reports_the_loss(exchange: LocalExchange, account: LocalAccount) -> None:
    """With retry_reads=False a read whose connection was lost raises ConnectionLost, sent once."""
    with exchange.client(account, timeout=5, retry_reads=False) as client:
        client.ping()
        outcome = _lose_the_answer_to(exchange, "depth", lambda: client.depth(symbol="BTCUSDT", limit=5))
        assert isinstance(outcome, ConnectionLost)
        assert exchange.request_count("depth") == 1
