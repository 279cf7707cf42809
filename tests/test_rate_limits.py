"""The rate-limit governor: nothing is sent past a reported limit, 429s are honoured, bans respected.

LocalExchange's windows are shortened to one second here (Binance's are 60 s for weight and
10 s for orders), so that waiting for a window to reset takes at most a second.
"""

from __future__ import annotations

import threading
import time
from typing import Callable

import pytest

from binance_wsapi import Client, IPBanned, RateLimited, TooManyOrders
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import client_kwargs

pytestmark = pytest.mark.both_schemes

S = "BTCUSDT"


@pytest.fixture
def fast(make_exchange: Callable[..., LocalExchange]) -> LocalExchange:
    """An exchange with one-second windows: 30 weight and 3 new orders per second."""
    return make_exchange(book_levels=5, weight_limit=30, weight_window=1, orders_per_10s=3, orders_window=1)


def place(client: Client, price: str = "40000") -> object:
    return client.order_place(symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price=price, quantity="0.01")


def test_reported_limits_are_kept_without_a_single_429(fast: LocalExchange) -> None:
    """Calls past the weight limit wait for the next window: every call succeeds, none is refused."""
    with Client(timeout=5, **client_kwargs(fast)) as client:
        for _ in range(12):  # 5 weight each, 60 in all: at least two windows' worth
            assert len(client.depth(symbol=S)["bids"]) == 5
    assert fast.status_counts[429] == 0 and fast.status_counts[418] == 0
    assert fast.request_count("depth") == 12


def test_order_limit_is_kept_too(fast: LocalExchange) -> None:
    """New orders past the per-window order count wait for the next window instead of getting -1015."""
    account = fast.create_account({"USDT": "10000"}, key_type="hmac")
    with fast.client(account, timeout=5) as client:
        for i in range(7):
            place(client, str(40000 + i))
    assert fast.status_counts[429] == 0
    assert fast.request_count("order.place") == 7


def test_sixteen_threads_stay_inside_the_limit(fast: LocalExchange) -> None:
    """Many threads at once: the check and the count are one step, so none of them overshoots."""
    errors: list[BaseException] = []
    with Client(timeout=10, **client_kwargs(fast)) as client:
        client.ping()

        def work() -> None:
            try:
                for _ in range(4):
                    client.ping()
            except BaseException as exc:  # noqa: BLE001 - asserted below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    assert not errors
    assert fast.status_counts[429] == 0 and fast.request_count("ping") == 65


def test_raise_mode_refuses_without_sending(fast: LocalExchange) -> None:
    """With on_rate_limit="raise" a call that would cross the limit raises RateLimited, unsent."""
    with Client(on_rate_limit="raise", **client_kwargs(fast)) as client:
        client.connect()
        with pytest.raises(RateLimited) as info:
            for _ in range(7):
                client.depth(symbol=S)
        error = info.value
        assert error.sent is False and error.request_id is None
        assert error.retry_after is not None and error.retry_after % 1000 == 0  # the next window
        assert "REQUEST_WEIGHT per 1 SECOND" in str(error)
    assert fast.request_count("depth") < 7 and fast.status_counts[429] == 0


def test_wait_that_would_pass_the_deadline_raises_at_once(make_exchange: Callable[..., LocalExchange]) -> None:
    """Waiting mode raises RateLimited at once when the window resets after the call's deadline."""
    with make_exchange(book_levels=0, orders_per_day=2) as ex:
        account = ex.create_account({"USDT": "10000"}, key_type="hmac")
        with ex.client(account, timeout=2) as client:
            place(client, "40000")
            place(client, "40001")
            started = time.monotonic()
            with pytest.raises(TooManyOrders) as info:
                place(client, "40002")
            assert time.monotonic() - started < 1.0  # refused at once, not at the deadline
            assert info.value.sent is False and "ORDERS per 1 DAY" in str(info.value)
            assert client.ping() == {}  # only orders are held back
        assert ex.request_count("order.place") == 2


def test_429_retry_after_holds_every_later_request(client: Client, exchange: LocalExchange) -> None:
    """After a 429, later requests wait until its retryAfter; the 429 itself raises RateLimited."""
    client.connect()
    retry_at = exchange.now_ms() + 400
    exchange.fail("depth", 429, -1003, "Too much request weight used.", data={"retryAfter": retry_at}, times=1)
    with pytest.raises(RateLimited) as info:
        client.depth(symbol=S)
    assert info.value.sent is True and info.value.retry_after == retry_at
    assert client.ping() == {}
    assert exchange.now_ms() >= retry_at  # the ping waited for retryAfter
    assert exchange.request_count("ping") == 1


def test_429_in_raise_mode_refuses_until_retry_after(exchange: LocalExchange, account: LocalAccount) -> None:
    """In raise mode, calls before a 429's retryAfter raise RateLimited without being sent."""
    with exchange.client(account, on_rate_limit="raise") as client:
        client.connect()
        retry_at = exchange.now_ms() + 60_000
        exchange.fail("depth", 429, -1003, "Too much request weight used.", data={"retryAfter": retry_at}, times=1)
        with pytest.raises(RateLimited):
            client.depth(symbol=S)
        with pytest.raises(RateLimited) as info:
            client.ping()
        assert info.value.sent is False and info.value.retry_after == retry_at
    assert exchange.request_count("ping") == 0


def test_too_many_orders_holds_back_only_orders(exchange: LocalExchange, account: LocalAccount) -> None:
    """A -1015 429 stops new orders until retryAfter; queries go on at once."""
    with exchange.client(account, on_rate_limit="raise") as client:
        client.connect()
        retry_at = exchange.now_ms() + 60_000
        exchange.fail("order.place", 429, -1015, "Too many new orders.", data={"retryAfter": retry_at}, times=1)
        with pytest.raises(TooManyOrders):
            place(client)
        assert client.ping() == {}
        with pytest.raises(TooManyOrders) as info:
            place(client)
        assert info.value.sent is False
    assert exchange.request_count("order.place") == 1


@pytest.mark.parametrize("mode", ["wait", "raise", "off"])
def test_418_ban_refuses_everything_without_touching_the_network(exchange: LocalExchange, mode: str) -> None:
    """During an IP ban every call raises IPBanned at once, and even a client told to stay connected does not reconnect."""
    with Client(on_rate_limit=mode, stay_connected=True, **client_kwargs(exchange)) as client:  # type: ignore[arg-type]
        client.connect()
        banned_until = exchange.now_ms() + 700
        exchange.fail("depth", 418, -1003, "Way too much request weight used; IP banned.",
                      data={"retryAfter": banned_until}, times=1)
        with pytest.raises(IPBanned):
            client.depth(symbol=S)
        exchange.drop_connections()
        started = time.monotonic()
        with pytest.raises(IPBanned) as info:
            client.ping()
        assert time.monotonic() - started < 0.5
        assert info.value.sent is False and info.value.retry_after == banned_until
        assert exchange.request_count("ping") == 0
        assert exchange.wait_until(lambda ex: ex.connections_accepted == 2)
        assert exchange.connection_times[1] >= banned_until  # reconnected only once the ban lifted
        assert client.ping() == {}


def test_real_ban_from_ignoring_429s_stops_the_client(make_exchange: Callable[..., LocalExchange]) -> None:
    """A client that ignores 429s ("off") gets banned by the server; from then on it sends nothing."""
    with make_exchange(book_levels=5, weight_limit=12, ban_after=1, ban_seconds=60) as small:
        with Client(on_rate_limit="off", **client_kwargs(small)) as client:
            client.connect()  # 2
            client.depth(symbol=S)  # 7
            client.depth(symbol=S)  # 12
            with pytest.raises(RateLimited):
                client.depth(symbol=S)
            with pytest.raises(IPBanned):
                client.depth(symbol=S)
            count = small.request_count("depth")
            with pytest.raises(IPBanned) as info:
                client.depth(symbol=S)
            assert info.value.sent is False
        assert small.request_count("depth") == count


def test_a_report_covers_what_was_written_before_its_request_not_what_was_admitted() -> None:
    """Two threads admitted in one order and written in the other: the first answer must not
    seem to cover the request that is still on its way (the 16-thread race, made deterministic)."""
    from binance_wsapi.request import Pending
    from binance_wsapi.ratelimit import RateGovernor

    governor = RateGovernor(lambda: 1_700_000_000_000.0)  # a server clock that stands still
    limits = [{"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": 10, "count": 0}]
    first = Pending(1, "depth", b"", None, None, False, {}, None)
    governor.on_response(first, limits, 0.0)  # learn the limit: 10 per minute, none used
    early, late = (Pending(i, "depth", b"", None, None, False, {}, None) for i in (2, 3))
    early.weight = late.weight = 4
    assert governor.admit(early) is None and governor.admit(late) is None  # 8 reserved
    governor.written(late)  # ...but the later-admitted one reaches the socket first
    governor.on_response(late, [{**limits[0], "count": 4}], 0.0)  # Binance has counted only it
    probe = Pending(4, "depth", b"", None, None, False, {}, None)
    probe.weight = 4
    assert governor.admit(probe) is not None  # 4 counted + 4 still on its way + 4 > 10
