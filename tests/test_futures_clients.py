"""UMFuturesClient and CMFuturesClient: what they send, how they read the futures APIs' answers,
and what they refuse before sending.

Until LocalExchange serves the futures APIs (issue 12, part 2), the wire tests run against a
scripted peer on a real loopback socket (ws:// and wss://): it verifies signatures with
LocalExchange's own verifier, reads the clock from nothing but its own answers, and records
every request, so the tests assert what the client put on the wire.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from concurrent.futures import Future
from decimal import Decimal
from typing import Any, Callable, Iterator, Optional

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives import serialization
from websockets.asyncio.server import ServerConnection, serve

from binance_wsapi import (
    APIError,
    CMFuturesClient,
    Client,
    InvalidRequest,
    MarginInsufficient,
    OrderNotFound,
    OrderRejected,
    OrderTypeNotSupported,
    PositionSideMismatch,
    ReduceOnlyRejected,
    UMFuturesClient,
)
from binance_wsapi.futures_api import CMMethods, UMMethods
from binance_wsapi.testing.auth import server_payload, verify_signature
from binance_wsapi.testing.tls import Certificates, make_certificates

pytestmark = pytest.mark.both_schemes

API_KEY = "k" * 64
SECRET = "s" * 64
SKEW_MS = 5000  # the peer's clock runs this far ahead of ours


class FuturesPeer:
    """A scripted futures WebSocket API on 127.0.0.1: canned answers in the docs' shapes, a record
    of every request, and a check of every signature it is sent."""

    def __init__(self, scheme: str, path: str = "/ws-fapi/v1") -> None:
        self.requests: list[dict[str, Any]] = []
        self.bad_signatures = 0
        #: order.place answers by symbol: (status, error code, message) for an error.
        self.errors: dict[str, tuple[int, int, str]] = {}
        self.ed25519_key: Optional[ed25519.Ed25519PublicKey] = None
        self._certificates: Optional[Certificates] = make_certificates() if scheme == "wss" else None
        self._ready = threading.Event()
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Future[None]] = None
        self.port = 0
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), name="local-exchange-peer",
                                        daemon=True)
        self._thread.start()
        assert self._ready.wait(10)
        self.url = f"{scheme}://127.0.0.1:{self.port}{path}"

    def client_kwargs(self) -> dict[str, Any]:
        if self._certificates is None:
            return {"url": self.url}
        return {"url": self.url, "ssl_context": self._certificates.client_context()}

    def methods(self) -> list[str]:
        return [r["method"] for r in self.requests]

    def close(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set_result, None)
        self._thread.join(10)
        if self._certificates is not None:
            self._certificates.cleanup()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = self._loop.create_future()
        ssl_context = None if self._certificates is None else self._certificates.server_context()
        async with serve(self._serve, "127.0.0.1", 0, ssl=ssl_context) as server:
            self.port = server.sockets[0].getsockname()[1]
            self._ready.set()
            await self._stop

    async def _serve(self, ws: ServerConnection) -> None:
        logged_on = False
        async for message in ws:
            request = json.loads(message)
            self.requests.append(request)
            method, params = request["method"], request.get("params", {})
            if "signature" in params:
                payload = server_payload(params)
                if method == "session.logon" or params["apiKey"] != API_KEY:
                    ok = self.ed25519_key is not None and verify_signature(
                        "ed25519", self.ed25519_key, payload, params["signature"])
                else:
                    ok = verify_signature("hmac", SECRET.encode(), payload, params["signature"])
                if not ok:
                    self.bad_signatures += 1
            if method == "session.logon":
                logged_on = True
            status, body = self._answer(method, params, logged_on)
            key = "result" if status == 200 else "error"
            await ws.send(json.dumps({"id": request["id"], "status": status, key: body}))

    def _answer(self, method: str, params: dict[str, Any], logged_on: bool) -> tuple[int, Any]:
        now = int(time.time() * 1000) + SKEW_MS
        if method in ("session.status", "session.logon"):
            return 200, {"apiKey": API_KEY if logged_on else None, "authorizedSince": now if logged_on else None,
                         "connectedSince": now, "returnRateLimits": False, "serverTime": now}
        if method == "userDataStream.start":
            return 200, {"listenKey": "xs0mRpdAzKgNbqNZQ4nZd8kTFinDkX2yn9kiqAd7nOcrDOyTeUmcX0Q5g3yjCBnM"}
        if method == "order.place":
            if params["symbol"] in self.errors:
                status, code, msg = self.errors[params["symbol"]]
                return status, {"code": code, "msg": msg}
            return 200, {"orderId": 325078477, "symbol": params["symbol"], "status": "NEW",
                         "clientOrderId": params["newClientOrderId"], "price": params.get("price", "0"),
                         "origQty": params["quantity"], "type": params["type"], "side": params["side"],
                         "positionSide": params.get("positionSide", "BOTH"), "updateTime": now}
        return 400, {"code": -1020, "msg": "This operation is not supported."}


@pytest.fixture
def peer(scheme: str) -> Iterator[FuturesPeer]:
    made = FuturesPeer(scheme)
    yield made
    made.close()


@pytest.fixture
def um(peer: FuturesPeer) -> Iterator[UMFuturesClient]:
    with UMFuturesClient(API_KEY, SECRET, timeout=5, **peer.client_kwargs()) as client:
        yield client


def test_the_clock_is_read_from_session_status_never_time(peer: FuturesPeer, um: UMFuturesClient) -> None:
    """A futures connection measures the clock with session.status (there is no time method) and uses it."""
    um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity="0.002", price="60000")
    assert peer.methods() == ["session.status", "order.place"]
    assert abs(um.clock_offset - SKEW_MS / 1000) < 0.5
    stamped = peer.requests[1]["params"]["timestamp"]
    assert abs(stamped - (time.time() * 1000 + SKEW_MS)) < 2000
    assert um.sync_clock() == pytest.approx(SKEW_MS / 1000, abs=0.5)
    assert peer.methods()[-1] == "session.status"


def test_an_order_goes_signed_with_decimals_as_strings(peer: FuturesPeer, um: UMFuturesClient) -> None:
    """order.place carries apiKey, a whole-millisecond timestamp, a valid signature, and DECIMALs as JSON strings."""
    result = um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                            quantity=Decimal("0.002"), price="60000.10", position_side="BOTH")
    params = peer.requests[-1]["params"]
    assert params["quantity"] == "0.002" and params["price"] == "60000.10"
    assert isinstance(params["timestamp"], int) and params["recvWindow"] == 5000
    assert params["apiKey"] == API_KEY and peer.bad_signatures == 0
    assert params["newClientOrderId"].startswith("bwsapi-") and result["clientOrderId"] == params["newClientOrderId"]


def test_listen_key_methods_carry_the_api_key_unsigned(peer: FuturesPeer, um: UMFuturesClient) -> None:
    """userDataStream.start is USER_STREAM: the API key and nothing signed."""
    assert um.user_data_stream_start()["listenKey"]
    params = peer.requests[-1]["params"]
    assert params == {"apiKey": API_KEY}


def test_a_logged_on_connection_sends_no_api_key(scheme: str, peer: FuturesPeer) -> None:
    """With an Ed25519 key the connection logs on, and USER_STREAM and signed requests leave the key out."""
    private = ed25519.Ed25519PrivateKey.generate()
    peer.ed25519_key = private.public_key()
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption()).decode()
    with UMFuturesClient("e" * 64, pem, timeout=5, **peer.client_kwargs()) as client:
        client.user_data_stream_start()
        client.order_place(symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.002")
    assert peer.methods() == ["session.status", "session.logon", "userDataStream.start", "order.place"]
    assert "params" not in peer.requests[2]  # an empty params object may be left out (the docs)
    assert "apiKey" not in peer.requests[3]["params"] and "signature" not in peer.requests[3]["params"]
    assert peer.bad_signatures == 0


@pytest.mark.parametrize(
    ("code", "msg", "expected"),
    [
        (-2019, "Margin is insufficient.", MarginInsufficient),
        (-2018, "Balance is insufficient.", MarginInsufficient),
        (-4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.",
         OrderTypeNotSupported),
        (-2022, "ReduceOnly Order is rejected.", ReduceOnlyRejected),
        (-4061, "Order's position side does not match user's setting.", PositionSideMismatch),
        (-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected.",
         OrderRejected),
    ],
)
def test_futures_error_codes_map_into_the_exception_tree(
    peer: FuturesPeer, um: UMFuturesClient, code: int, msg: str, expected: type[APIError]
) -> None:
    """Futures error codes map with the futures table, all of them OrderRejected, carrying code and message."""
    peer.errors["ETHUSDT"] = (400, code, msg)
    with pytest.raises(expected) as caught:
        um.order_place(symbol="ETHUSDT", side="BUY", type="MARKET", quantity="1")
    assert isinstance(caught.value, OrderRejected)
    assert (caught.value.code, caught.value.msg, caught.value.status) == (code, msg, 400)


def test_the_same_code_maps_by_api(peer: FuturesPeer) -> None:
    """-2018 is "Balance is insufficient." on futures but an unknown order list on Spot: each client maps its own."""
    from binance_wsapi.exceptions import FUTURES_ERROR_CODES, SPOT_ERROR_CODES, error_from_response

    error = {"code": -2018, "msg": "x"}
    assert type(error_from_response(400, error, codes=FUTURES_ERROR_CODES)) is MarginInsufficient
    assert type(error_from_response(400, error, codes=SPOT_ERROR_CODES)) is OrderNotFound
    assert type(error_from_response(400, error)) is OrderNotFound


def test_the_futures_twin_returns_futures(peer: FuturesPeer, um: UMFuturesClient) -> None:
    """client.futures has every method, returning a concurrent.futures.Future of the result."""
    future = um.futures.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.002")
    assert isinstance(future, Future)
    assert future.result(5)["status"] == "NEW"


def test_coinm_speaks_its_own_path(scheme: str) -> None:
    """A CMFuturesClient reads its clock the futures way too, on the COIN-M path."""
    peer = FuturesPeer(scheme, "/ws-dapi/v1")
    try:
        with CMFuturesClient(API_KEY, SECRET, timeout=5, **peer.client_kwargs()) as client:
            client.order_place(symbol="BTCUSD_PERP", side="BUY", type="LIMIT", time_in_force="GTC",
                               quantity="1", price="60000")
        assert peer.methods() == ["session.status", "order.place"] and peer.bad_signatures == 0
    finally:
        peer.close()


# -- refused before sending: no server is needed, and none is dialled ------------------------

UNREACHABLE = "ws://127.0.0.1:9/ws-fapi/v1"


def _refused(call: Callable[[UMFuturesClient], Any], *expected: str) -> None:
    with UMFuturesClient(API_KEY, SECRET, url=UNREACHABLE) as client:
        with pytest.raises(InvalidRequest) as caught:
            call(client)
        assert client.threads == [] and client.stats.requests == 0  # nothing dialled, nothing sent
    for text in expected:
        assert text in str(caught.value)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", quantity="1", price="1"),
         ("time_in_force",)),
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity="1"),
         ("price",)),
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="1", price="1"),
         ("does not take price",)),
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="STOP_MARKET", quantity="1"),
         ("LIMIT, MARKET",)),
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="1", reduce_only=True),
         ("'true'",)),
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTD", quantity="1",
                                 price="1"), ("good_till_date",)),
        (lambda c: c.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP",
                                      quantity="1", trigger_price="50000"), ("price",)),
        (lambda c: c.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL",
                                      type="TRAILING_STOP_MARKET", quantity="1"), ("callback_rate",)),
        (lambda c: c.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP_MARKET",
                                      trigger_price="50000", close_position="true", quantity="1"),
         ("close_position='true'", "quantity")),
        (lambda c: c.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP",
                                      price="1", quantity="1", trigger_price="2", close_position="true"),
         ("STOP_MARKET or TAKE_PROFIT_MARKET",)),
        (lambda c: c.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="1", recv_window=5000.5),
         ("recv_window must be an int",)),
        (lambda c: c.request("account.balance", {"recvWindow": "5000.5"}), ("whole milliseconds",)),
        (lambda c: c.request("userDataStream.start", {"apiKey": "mine"}), ("added by the client",)),
    ],
)
def test_bad_futures_orders_are_refused_unsent(call: Callable[[UMFuturesClient], Any], expected: tuple[str, ...]) -> None:
    """What the futures docs require of an order is checked before anything is sent, naming what to pass."""
    _refused(call, *expected)


def test_futures_recv_window_has_no_spot_maximum() -> None:
    """Spot caps recvWindow at 60000 ms; the futures docs document no maximum, so none is imposed."""
    UMFuturesClient(API_KEY, SECRET, url=UNREACHABLE, recv_window=120_000).close()
    with pytest.raises(InvalidRequest, match="60000"):
        Client(API_KEY, SECRET, url="ws://127.0.0.1:9/ws-api/v3", recv_window=120_000)


def test_check_filters_is_refused_on_futures() -> None:
    """Symbol filters are checked before sending on Spot only; a futures client says so instead of ignoring it."""
    with pytest.raises(InvalidRequest, match="Spot only"):
        UMFuturesClient(API_KEY, SECRET, url=UNREACHABLE, check_filters=True)


def test_the_method_tables_are_the_named_methods() -> None:
    """UM has 21 named methods and CM 13, named by the mechanical rule, versioned ones with a suffix."""
    um = {name for name in vars(UMMethods) if not name.startswith("_")}
    cm = {name for name in vars(CMMethods) if not name.startswith("_")}
    assert len(um) == 21 and len(cm) == 13
    assert {"order_modify", "algo_order_place", "algo_order_cancel", "account_position_v2",
            "user_data_stream_ping"} <= um
    assert "depth" not in cm and "algo_order_place" not in cm and "time" not in um


def test_endpoints_and_testnet() -> None:
    """Each class connects to its API's production endpoint by default, and .testnet() to its testnet."""
    for cls, production, testnet in (
        (UMFuturesClient, "wss://ws-fapi.binance.com/ws-fapi/v1", "wss://testnet.binancefuture.com/ws-fapi/v1"),
        (CMFuturesClient, "wss://ws-dapi.binance.com/ws-dapi/v1", "wss://testnet.binancefuture.com/ws-dapi/v1"),
    ):
        with cls() as client:
            assert client.url == production and client.venue.connect_weight == 5
        with cls.testnet() as client:
            assert client.url == testnet and type(client) is cls
        assert repr(cls()).startswith(f"<{cls.__name__} ")
