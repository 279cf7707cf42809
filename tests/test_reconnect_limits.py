"""Connecting is a request too: reconnects and handshakes obey the rate limits, so the client never bans itself.

    situation                                        expected outcome
    usage near the weight limit, connection dropped  the reconnect waits for the window: no 429, no 418
    a 429's retryAfter pending, connection dropped   no reconnection before retryAfter
    upgrade refused with HTTP 429 + Retry-After      no new attempt before Retry-After; calls hold meanwhile
    upgrade refused with HTTP 418 + Retry-After      calls raise IPBanned at once, nothing dialled before it lifts
    -1021 on the handshake's session.logon           that attempt fails fast; no stray logon is sent later

The reconnecting clients here are made with `stay_connected`, so that they redial in the
background, where the timing of each attempt can be watched.
"""

from __future__ import annotations

import time
from typing import Callable

import pytest

from binance_wsapi import ConnectFailed, IPBanned, RateLimited, RequestTimeout
from binance_wsapi.connection import retry_after_seconds
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Kinds, LogWatcher

pytestmark = pytest.mark.both_schemes

S = "BTCUSDT"


def test_reconnect_near_the_weight_limit_waits_for_the_window(make_exchange: Callable[..., LocalExchange]) -> None:
    """With the window almost used up, a dropped connection is reopened only once there is room: no 429, no 418."""
    exchange = make_exchange(weight_limit=40, weight_window=2, ban_after=2)
    account = exchange.create_account({"USDT": "1000"})
    with exchange.client(account, timeout=10, stay_connected=True) as client:
        kinds = Kinds()
        client.add_connection_handler(kinds)
        client.connect()  # 2 (connection) + 1 (time) + 2 (session.logon)
        for _ in range(31):
            client.ping()
        used = next(r.count for r in client.rate_limits if r.rate_limit_type == "REQUEST_WEIGHT")
        window_ms = 2000
        dropped_at = exchange.now_ms()
        exchange.drop_connections()
        kinds.wait_for("disconnected")
        assert client.ping() == {}
        assert exchange.status_counts[429] == 0 and exchange.status_counts[418] == 0
        if used + 5 > 40:  # the handshake did not fit in the window it was dropped in
            assert exchange.connection_times[1] >= dropped_at - dropped_at % window_ms + window_ms


def test_reconnect_waits_out_a_429_retry_after(exchange: LocalExchange, account: LocalAccount) -> None:
    """After a 429 with retryAfter, a dropped connection is not reopened before retryAfter."""
    with exchange.client(account, timeout=5, stay_connected=True) as client:
        client.connect()
        retry_at = exchange.now_ms() + 500
        exchange.fail("depth", 429, -1003, "Too much request weight used.", data={"retryAfter": retry_at}, times=1)
        with pytest.raises(RateLimited):
            client.depth(symbol=S)
        exchange.drop_connections()
        assert exchange.wait_until(lambda ex: ex.connections_accepted == 2)
        assert exchange.connection_times[1] >= retry_at
        assert client.ping() == {}


@pytest.mark.parametrize("status", [429, 503])
def test_upgrade_refused_with_retry_after_is_not_retried_sooner(
    exchange: LocalExchange, account: LocalAccount, status: int
) -> None:
    """An HTTP 429 or 503 answer to the upgrade with Retry-After: 1 keeps the next attempt back a full second."""
    with exchange.client(account, timeout=10, stay_connected=True) as client:
        kinds = Kinds()
        client.add_connection_handler(kinds)
        client.connect()
        exchange.refuse_upgrades(status, retry_after=1, times=1)
        exchange.drop_connections()
        assert exchange.wait_until(lambda ex: len(ex.upgrades_refused) == 1)
        assert client.ping() == {}
        assert exchange.connections_accepted == 2
        gap_ms = exchange.connection_times[1] - exchange.upgrades_refused[0]
        assert gap_ms >= 1000, gap_ms
        assert exchange.status_counts[429] == 0 and exchange.status_counts[418] == 0


def test_upgrade_refused_with_418_bans_calls_until_it_lifts(
    exchange: LocalExchange, account: LocalAccount, logs: LogWatcher
) -> None:
    """An HTTP 418 answer to the upgrade: calls raise IPBanned unsent, and nothing is dialled until Retry-After."""
    with exchange.client(account, timeout=10, stay_connected=True) as client:
        client.connect()
        exchange.refuse_upgrades(418, retry_after=1, times=1)
        exchange.drop_connections()
        logs.wait_for(lambda r: "HTTP 418" in r.getMessage())
        refused_at = exchange.upgrades_refused[0]
        with pytest.raises(IPBanned) as info:
            client.ping()
        assert info.value.sent is False
        assert exchange.wait_until(lambda ex: ex.connections_accepted == 2, timeout=5)
        assert exchange.connection_times[1] - refused_at >= 1000
        assert len(exchange.upgrades_refused) == 1
        assert client.ping() == {}


def test_invalid_timestamp_on_the_handshake_logon_fails_that_attempt_fast(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """A -1021 answer to the first session.logon fails connect() at once, and that logon is never re-sent."""
    exchange.fail("session.logon", 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.",
                  times=1)
    with exchange.client(account, timeout=10, stay_connected=True) as client:
        started = time.monotonic()
        with pytest.raises(ConnectFailed, match="-1021"):
            client.connect(timeout=5)
        assert time.monotonic() - started < 2.5
        assert client.ping() == {}  # a new attempt, which logs on
        assert client.account_status()["balances"]
        assert exchange.request_count("session.logon") == 2


def test_invalid_timestamp_on_a_reconnect_logon_retries_the_connection(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """A -1021 on a reconnect's session.logon fails that attempt; the next one logs on; nothing else is re-sent."""
    with exchange.client(account, timeout=10, stay_connected=True) as client:
        kinds = Kinds()
        client.add_connection_handler(kinds)
        client.connect()
        exchange.fail("session.logon", 400, -1021, "Timestamp for this request is outside of the recvWindow.",
                      times=1)
        exchange.drop_connections()
        kinds.wait_for("reconnected")
        assert client.account_status()["balances"]
        assert exchange.request_count("session.logon") == 3
        assert exchange.connections_accepted == 3


@pytest.mark.parametrize(
    "header, expected",
    [("2", 2.0), (" 7 ", 7.0), ("²", None), ("1" * 401, 86400.0), ("soon", None), (None, None),
     ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_header_is_read_safely(header: object, expected: object) -> None:
    """Retry-After: seconds or an HTTP date; nonsense is ignored and years are capped at a day."""
    assert retry_after_seconds(header) == expected


def test_an_absurd_retry_after_does_not_kill_the_client(exchange: LocalExchange, account: LocalAccount) -> None:
    """An upgrade refused with Retry-After of 300 years holds calls (they time out); the client stays alive."""
    with exchange.client(account, timeout=10, stay_connected=True) as client:
        client.connect()
        exchange.refuse_upgrades(503, retry_after=10**10, times=1)
        exchange.drop_connections()
        assert exchange.wait_until(lambda ex: len(ex.upgrades_refused) == 1)
        with pytest.raises(RequestTimeout):
            client.ping(timeout=0.5)
        assert not client.closed
        assert client.close(timeout=5) is True
