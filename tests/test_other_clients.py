"""Clients this project did not write, against LocalExchange: python-binance and binance-sdk-spot.

LocalExchange is meant for anyone's bot, so two popular clients (pinned in the `test` extra)
run the everyday flows against it: market data, an order placed, queried and canceled with
each key type they support, user data events, and python-binance's REST client for the
same over REST. They run over ws:// and http:// (they have no one-line way to trust a
private CA; the TLS path itself is covered by the rest of the suite).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from binance_wsapi.testing import LocalAccount, LocalExchange

binance_client = pytest.importorskip("binance.client", reason="python-binance is in the test extra")
spot = pytest.importorskip("binance_sdk_spot.spot", reason="binance-sdk-spot is in the test extra")

KEY_TYPES = ["hmac", "ed25519", "rsa"]

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:binance_common")


def python_binance(exchange: LocalExchange, account: LocalAccount) -> Any:
    """python-binance's Client, pointed at the exchange the way its own class attributes allow."""

    class Local(binance_client.Client):  # type: ignore[misc,name-defined]
        API_URL = exchange.rest_url + "/api"
        WS_API_URL = exchange.url

    if account.key_type == "hmac":
        client = Local(account.api_key, account.api_secret)
    else:
        client = Local(account.api_key, private_key=account.api_secret)
    client.ws_api.TIMEOUT = 0.1  # see close_python_binance
    return client


def close_python_binance(client: Any) -> None:
    """Its close_connection() ends the REST session only: close the WebSocket API connection on its own loop.

    Its read loop looks for the request to exit between reads of up to `TIMEOUT` (10 s), set short at creation.
    """
    client.loop.run_until_complete(client.ws_api.close())
    client.close_connection()


@pytest.mark.parametrize("key_type", KEY_TYPES)
def test_python_binance_over_the_websocket_api(exchange: LocalExchange, key_type: str) -> None:
    """python-binance's ws_* methods: order book, then an order placed, queried and canceled."""
    account = exchange.create_account({"USDT": "10000", "BTC": "1"}, key_type=key_type)
    client = python_binance(exchange, account)
    try:
        assert len(client.ws_get_order_book(symbol="BTCUSDT", limit=5)["bids"]) == 5
        order = client.ws_create_order(
            symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC", price="40000", quantity="0.001"
        )
        assert order["status"] == "NEW" and order["clientOrderId"].startswith("x-")
        assert client.ws_get_order(symbol="BTCUSDT", orderId=order["orderId"])["status"] == "NEW"
        assert client.ws_cancel_order(symbol="BTCUSDT", orderId=order["orderId"])["status"] == "CANCELED"
    finally:
        close_python_binance(client)


@pytest.mark.parametrize("key_type", KEY_TYPES)
def test_python_binance_over_rest(exchange: LocalExchange, key_type: str) -> None:
    """python-binance's REST Client: depth, account, and an order placed, queried and canceled over /api/v3."""
    account = exchange.create_account({"USDT": "10000", "BTC": "1"}, key_type=key_type)
    client = python_binance(exchange, account)
    try:
        assert len(client.get_order_book(symbol="BTCUSDT", limit=5)["bids"]) == 5
        order = client.create_order(symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC", price="40000",
                                    quantity="0.001")
        assert client.get_order(symbol="BTCUSDT", orderId=order["orderId"])["status"] == "NEW"
        assert client.cancel_order(symbol="BTCUSDT", orderId=order["orderId"])["status"] == "CANCELED"
        balances = {b["asset"]: b["free"] for b in client.get_account()["balances"]}
        assert balances["USDT"] == "10000.00000000"
        assert client.get_symbol_ticker(symbol="BTCUSDT")["symbol"] == "BTCUSDT"
    finally:
        close_python_binance(client)


def sdk_connection_config(exchange: LocalExchange, account: LocalAccount) -> Any:
    kwargs: dict[str, Any] = {"api_key": account.api_key, "stream_url": exchange.url}
    if account.key_type == "hmac":
        kwargs["api_secret"] = account.api_secret
    else:
        kwargs["private_key"] = account.api_secret
    return spot.ConfigurationWebSocketAPI(**kwargs)


@pytest.mark.parametrize("key_type", KEY_TYPES)
def test_binance_sdk_spot_over_the_websocket_api(exchange: LocalExchange, key_type: str) -> None:
    """binance-sdk-spot's WebSocket API: depth, a ticker for a symbol list, an order placed, queried and canceled."""
    account = exchange.create_account({"USDT": "10000", "BTC": "1"}, key_type=key_type)

    async def flow() -> None:
        connection = await spot.Spot(config_ws_api=sdk_connection_config(exchange, account)).websocket_api.create_connection()
        try:
            assert len((await connection.depth(symbol="BTCUSDT", limit=5)).data().result.bids) == 5
            tickers = (await connection.ticker_price(symbols=["BTCUSDT", "ETHUSDT"])).data().actual_instance.result
            assert sorted(t.symbol for t in tickers) == ["BTCUSDT", "ETHUSDT"]
            order = (await connection.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                                                  price=40000.0, quantity=0.001)).data().result
            assert order.status == "NEW"
            status = (await connection.order_status(symbol="BTCUSDT", order_id=order.order_id)).data().result
            assert status.status == "NEW"
            canceled = (await connection.order_cancel(symbol="BTCUSDT", order_id=order.order_id)).data().result
            assert canceled.status == "CANCELED"
        finally:
            await connection.close_connection()

    asyncio.run(flow())


def test_binance_sdk_spot_receives_user_data_events(exchange: LocalExchange) -> None:
    """binance-sdk-spot logs on with Ed25519, subscribes, and gets the executionReport of its own order."""
    account = exchange.create_account({"USDT": "10000", "BTC": "1"}, key_type="ed25519")
    got = threading.Event()
    events: list[Any] = []

    def on_message(event: Any) -> None:
        events.append(event)
        got.set()

    async def flow() -> None:
        connection = await spot.Spot(config_ws_api=sdk_connection_config(exchange, account)).websocket_api.create_connection()
        try:
            await connection.session_logon()
            subscribed = await connection.user_data_stream_subscribe()
            subscribed.stream.on("message", on_message)
            await connection.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                                         price=40000.0, quantity=0.001)
            # The SDK delivers events on this loop: wait for one in a worker thread, leaving the loop free.
            await asyncio.get_running_loop().run_in_executor(None, got.wait, 5)
        finally:
            await connection.close_connection()

    asyncio.run(flow())
    assert events, "no user data event reached binance-sdk-spot"
    assert type(events[0].actual_instance).__name__ == "ExecutionReport"
