"""Timeouts, required values and non-finite numbers are refused before anything is sent."""

from __future__ import annotations

import re
import threading
from decimal import Decimal
from typing import Any

import pytest

from binance_wsapi import Client, ExecutionStatusUnknown, Heartbeat, InvalidRequest, Timeout
from binance_wsapi.testing import LocalExchange

LIMIT = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "time_in_force": "GTC", "quantity": "0.01", "price": "40000"}
INF, NAN = float("inf"), float("nan")
BAD_TIMEOUTS = [INF, threading.TIMEOUT_MAX * 2, NAN, "3", True, 0, -1, -INF]
SECONDS = r"pass a positive number of seconds up to \d+, or None to wait forever"


def nothing_placed(exchange: LocalExchange) -> bool:
    return exchange.request_count("order.place") == 0 and exchange.orders_accepted() == 0


@pytest.mark.parametrize("timeout", BAD_TIMEOUTS, ids=repr)
def test_bad_timeout_places_no_order(client: Client, exchange: LocalExchange, timeout: Any) -> None:
    """A timeout that is not a positive finite number of seconds is refused and no order is placed."""
    client.connect()
    with pytest.raises(InvalidRequest, match=re.escape(f"timeout={timeout!r}: ") + SECONDS):
        client.order_place(**LIMIT, timeout=timeout)
    with pytest.raises(InvalidRequest, match=SECONDS):
        client.futures.order_place(**LIMIT, timeout=timeout)
    with pytest.raises(InvalidRequest, match=SECONDS):
        client.request("order.place", {"symbol": "BTCUSDT"}, timeout=timeout)
    assert nothing_placed(exchange)


@pytest.mark.parametrize("timeout", [None, threading.TIMEOUT_MAX, 5])
def test_good_timeouts_are_accepted(client: Client, timeout: Any) -> None:
    """None, an int and threading.TIMEOUT_MAX itself are valid per-call timeouts."""
    assert client.order_place(**LIMIT, timeout=timeout)["status"] == "NEW"


@pytest.mark.parametrize("timeout", [INF, NAN, "3", True, -1])
def test_connect_and_close_check_their_timeout(client: Client, exchange: LocalExchange, timeout: Any) -> None:
    """connect() and close() refuse a bad timeout without connecting or closing."""
    with pytest.raises(InvalidRequest, match="or None for the connect timeout"):
        client.connect(timeout)
    assert exchange.connection_count == 0
    with pytest.raises(InvalidRequest, match="or None for the close timeout"):
        client.close(timeout)
    assert not client.closed
    client.close(0)  # do not wait for the threads: allowed
    assert client.closed


def test_resolve_order_checks_timeout_and_settle(client: Client, exchange: LocalExchange) -> None:
    """resolve_order refuses an infinite timeout or settle before looking anything up."""
    client.connect()  # the short deadline below is for the order, not for connecting too
    exchange.never_answer("order.place", execute=True, times=1)
    with pytest.raises(ExecutionStatusUnknown) as info:
        client.order_place(**LIMIT, timeout=0.2)
    with pytest.raises(InvalidRequest, match=SECONDS):
        client.resolve_order(info.value, timeout=INF)
    with pytest.raises(InvalidRequest, match="settle=inf: pass a number of seconds from 0"):
        client.resolve_order(info.value, settle=INF)
    assert exchange.request_count("order.status") == 0


def test_user_data_checks_its_timeouts(client: Client, exchange: LocalExchange) -> None:
    """subscribe(), stream.get() and stream.close() refuse bad timeouts, leaving nothing half done."""
    with pytest.raises(InvalidRequest, match=SECONDS):
        client.user_data.subscribe(timeout=INF)
    assert exchange.request_count("userDataStream.subscribe") == 0
    stream = client.user_data.subscribe()  # the refused call registered no stream for the account
    with pytest.raises(InvalidRequest, match="timeout=inf: pass a number of seconds from 0 up to"):
        stream.get(INF)
    with pytest.raises(InvalidRequest, match=r"timeout='3': pass a number of seconds from 0"):
        stream.get("3")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequest, match="or None for the client's close timeout"):
        stream.close(NAN)
    assert not stream.closed and exchange.request_count("userDataStream.unsubscribe") == 0
    stream.close(0)
    assert stream.closed


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: Timeout(request=INF), "request=inf: pass a positive number of seconds up to"),
        (lambda: Timeout(request=True), "request=True"),
        (lambda: Timeout(connect=INF), "connect=inf"),
        (lambda: Timeout(connect=None), "connect=None"),
        (lambda: Timeout(close=NAN), "close=nan"),
        (lambda: Heartbeat(idle=INF), "idle=inf"),
        (lambda: Client(timeout=INF), "timeout=inf: pass a positive number of seconds up to"),
        (lambda: Client(timeout="3"), "timeout='3'"),
    ],
    ids=lambda v: v.partition(":")[0] if isinstance(v, str) else "",
)
def test_config_timeouts_must_be_finite(make: Any, message: str) -> None:
    """Timeout(), Heartbeat() and Client(timeout=) refuse non-finite or non-numeric seconds."""
    with pytest.raises(InvalidRequest, match=message):
        make()


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda c: c.order_place(**{**LIMIT, "symbol": None}), r"symbol \('symbol' on the wire\) is required"),
        (lambda c: c.order_place(**{**LIMIT, "type": None}), r"type \('type' on the wire\) is required"),
        (lambda c: c.futures.order_place(**{**LIMIT, "side": None}), r"side \('side' on the wire\) is required"),
        (
            lambda c: c.order_list_place_oco(symbol="BTCUSDT", side="SELL", quantity="1", above_type=None, below_type="LIMIT_MAKER", below_price="1"),
            r"above_type \('aboveType' on the wire\) is required; pass a value, not None",
        ),
    ],
    ids=["symbol", "type", "futures side", "above_type"],
)
def test_required_none_is_refused(client: Client, exchange: LocalExchange, call: Any, message: str) -> None:
    """None for a required parameter is refused, naming it, instead of sending the request without it."""
    client.connect()
    with pytest.raises(InvalidRequest, match=message):
        call(client)
    assert nothing_placed(exchange) and exchange.request_count("orderList.place.oco") == 0


def test_required_none_is_refused_by_request(client: Client, exchange: LocalExchange) -> None:
    """client.request() with a known method refuses None for a required wire param."""
    with pytest.raises(InvalidRequest, match=r"order.place: symbol \('symbol' on the wire\) is required"):
        client.request("order.place", {"symbol": None, "side": "BUY", "type": "MARKET", "quantity": "0.01"})
    assert nothing_placed(exchange)


@pytest.mark.parametrize(
    "value",
    [NAN, INF, -INF, Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("sNaN"), "NaN", "Infinity", "-inf"],
    ids=repr,
)
def test_non_finite_quantity_is_refused(client: Client, exchange: LocalExchange, value: Any) -> None:
    """NaN and infinities, as float, Decimal or str, are refused with a message naming quantity."""
    client.connect()
    with pytest.raises(InvalidRequest, match=r"order_place\(\): quantity=.* is not a finite number; pass a plain decimal"):
        client.order_place(**{**LIMIT, "quantity": value})
    assert nothing_placed(exchange)


def _ed25519_pem(private: bool = True) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519

    key = ed25519.Ed25519PrivateKey.generate()
    if private:
        return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption()).decode()
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


KEY = "K" * 64


@pytest.mark.parametrize(
    "api_key, api_secret, hint",
    [
        (KEY, 12345, "api_secret must be a str or bytes"),
        (KEY, "secret\n", "api_secret has leading or trailing whitespace"),
        (KEY, " secret", "strip it"),
        (KEY + "\n", "secret", "api_key has leading or trailing whitespace"),
        (12345, "secret", "api_key must be a str"),
        ("my key", "secret", "api_key has characters Binance's keys never have"),
        (KEY, "keys/ed25519.pem", "api_secret is the path of a file; pass the key itself"),
        (KEY, _ed25519_pem(private=False), "api_secret is a public key; pass the private key"),
    ],
)
def test_credential_mistakes_get_a_hint_before_anything_is_sent(api_key: Any, api_secret: Any, hint: str) -> None:
    """Mistakes Binance would answer with -1022 / -2014 (or that raised a bare TypeError) say what to do instead."""
    with pytest.raises(InvalidRequest, match=re.escape(hint)):
        Client(api_key, api_secret, url="ws://127.0.0.1:9/never")


def test_a_key_file_path_that_exists_is_recognised(tmp_path: Any) -> None:
    """A path to an existing key file, whatever its name, is recognised as a path."""
    path = tmp_path / "binance_key"
    path.write_text(_ed25519_pem())
    with pytest.raises(InvalidRequest, match="path of a file"):
        Client(KEY, str(path), url="ws://127.0.0.1:9/never")


def test_a_pem_with_trailing_whitespace_still_loads() -> None:
    """A PEM key read from a file with a trailing newline and spaces is fine: PEM allows them."""
    with Client(KEY, _ed25519_pem() + "  \n\n", url="ws://127.0.0.1:9/never") as client:
        assert "ed25519" in repr(client)
