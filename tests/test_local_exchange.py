"""LocalExchange speaks the documented protocol: checked with a bare WebSocket, not our client."""

from __future__ import annotations

import json
import os
import ssl
import tempfile
import time
from decimal import Decimal
from typing import Any, Iterator

import pytest
import websocket

from binance_wsapi import Client, ConnectFailed
from binance_wsapi.signing import HmacSigner, signature_payload
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Raw

DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"


def at_minute_start(exchange: LocalExchange) -> None:
    """Put the server clock 1 s into a minute, so a weight-counting test has 59 s to finish."""
    now = time.time()
    exchange.clock_skew = (now // 60 + 1) * 60 + 1 - now


def weight(response: dict[str, Any]) -> int:
    (limit,) = [r for r in response["rateLimits"] if r["rateLimitType"] == "REQUEST_WEIGHT"]
    return int(limit["count"])


def test_docs_signed_example_verifies(exchange: LocalExchange, raw: Raw) -> None:
    """The docs' Step-3 HMAC request, sent byte for byte at its own timestamp, is accepted."""
    exchange.create_account({"USDT": "100000"}, key_type="hmac", api_key=DOC_API_KEY, hmac_secret=DOC_SECRET)
    request = (
        '{"id":"4885f793-e5ad-4c3b-8f6c-55d891472b71","method":"order.place","params":{"symbol":"BTCUSDT",'
        '"side":"SELL","type":"LIMIT","timeInForce":"GTC","quantity":"0.01000000","price":"52000.00",'
        '"recvWindow":100,"timestamp":1645423376532,"apiKey":"' + DOC_API_KEY + '",'
        '"signature":"aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24"}}'
    )
    exchange.clock_skew = (1645423376532 + 40) / 1000 - time.time()  # the server lives in Feb 2022
    reply = raw.send(request)
    assert (reply["status"], reply.get("error")) == (400, {"code": -2010, "msg": "Account has insufficient balance for requested action."})
    tampered = request.replace('"52000.00"', '"52000.01"')
    exchange.clock_skew = (1645423376532 + 40) / 1000 - time.time()
    assert raw.send(tampered)["error"]["code"] == -1022


def test_auth_errors(exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount) -> None:
    """Unknown key -2015, malformed key -2014, missing or bad signature -1102 / -1022."""
    params = {"timestamp": exchange.now_ms(), "signature": "00"}
    assert raw.call("account.status", {**params, "apiKey": "A" * 64})["error"]["code"] == -2015
    assert raw.call("account.status", {**params, "apiKey": "short"})["error"]["code"] == -2014
    missing = raw.call("account.status", {"apiKey": hmac_account.api_key, "timestamp": exchange.now_ms()})
    assert missing["error"] == {"code": -1102, "msg": "Mandatory parameter 'signature' was not sent, was empty/null, or malformed."}
    assert raw.call("account.status", {**params, "apiKey": hmac_account.api_key})["error"]["code"] == -1022
    assert raw.signed(hmac_account, "account.status", {}, exchange)["status"] == 200


@pytest.mark.parametrize(
    "offset_ms, recv_window, message",
    [
        (-6000, None, "outside of the recvWindow"),
        (-1500, 1000, "outside of the recvWindow"),
        (1500, None, "1000ms ahead"),
    ],
)
def test_timing_security(exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount, offset_ms: int, recv_window: int | None, message: str) -> None:
    """timestamp must be < server time + 1 s and no older than recvWindow (default 5000)."""
    params: dict[str, Any] = {"apiKey": hmac_account.api_key, "timestamp": exchange.now_ms() + offset_ms}
    if recv_window is not None:
        params["recvWindow"] = recv_window
    params["signature"] = HmacSigner(hmac_account.api_secret).sign(signature_payload(params))
    reply = raw.call("account.status", params)
    assert reply["error"]["code"] == -1021 and message in reply["error"]["msg"]


def test_parameter_errors(raw: Raw) -> None:
    """Missing mandatory params are -1102, unknown ones -1104, unknown methods -1020."""
    assert raw.call("depth", {})["error"]["code"] == -1102
    unread = raw.call("depth", {"symbol": "BTCUSDT", "colour": "red"})["error"]
    assert unread == {"code": -1104, "msg": "Not all sent parameters were read; read '1' parameter(s) but was sent '2'."}
    assert raw.call("depth", {"symbol": "NOPE"})["error"]["code"] == -1121
    assert raw.call("depth", {"symbol": "BTCUSDT", "limit": 5001})["error"]["code"] == -1130
    assert raw.call("nope")["error"]["code"] == -1020
    versioned = raw.call("v3/ping")
    assert (versioned["status"], versioned["result"]) == (200, {})


def test_malformed_frames_get_errors_with_null_id(raw: Raw) -> None:
    """Invalid JSON and binary frames are answered with -1135 and id null."""
    assert raw.send("{not json") == {"id": None, "status": 400, "error": {"code": -1135, "msg": "Invalid JSON Request"}}
    assert raw.send(b"\x00\x01")["error"]["code"] == -1135


def test_ids_are_echoed_whatever_their_type(raw: Raw) -> None:
    """The server echoes ids as given: strings, integers, null."""
    for request_id in ("abc", 7, None):
        assert raw.call("ping", request_id=request_id)["id"] == request_id


def test_request_weights_are_honest(exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount) -> None:
    """rateLimits counts the documented weights; successful orders weigh 0, failed ones 1."""
    at_minute_start(exchange)
    base = weight(raw.call("ping"))
    steps = [
        (lambda: raw.call("ping"), 1),
        (lambda: raw.call("time"), 1),
        (lambda: raw.call("depth", {"symbol": "BTCUSDT"}), 5),
        (lambda: raw.call("depth", {"symbol": "BTCUSDT", "limit": 500}), 25),
        (lambda: raw.call("depth", {"symbol": "BTCUSDT", "limit": 5000}), 250),
        (lambda: raw.call("exchangeInfo"), 20),
        (lambda: raw.signed(hmac_account, "account.status", {}, exchange), 20),
        (lambda: raw.signed(hmac_account, "order.place", {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "100", "quantity": "0.1"}, exchange), 0),
        (lambda: raw.signed(hmac_account, "order.place", {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "100", "quantity": "1000"}, exchange), 1),
        (lambda: raw.signed(hmac_account, "order.status", {"symbol": "BTCUSDT", "orderId": 1}, exchange), 4),
        (lambda: raw.signed(hmac_account, "order.cancel", {"symbol": "BTCUSDT", "origClientOrderId": "nope"}, exchange), 1),
        (lambda: raw.signed(hmac_account, "openOrders.cancelAll", {"symbol": "BTCUSDT"}, exchange), 0),
    ]
    for call, cost in steps:
        count = weight(call())
        assert count - base == cost
        base = count
    Raw(exchange.url).ws.close()  # connecting costs 2
    assert weight(raw.call("ping")) - base == 2 + 1


def test_order_placement_reports_the_orders_limits(exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount) -> None:
    """order.place responses carry ORDERS (10 s and day) counts for the account."""
    reply = raw.signed(hmac_account, "order.place", {"symbol": "BTCUSDT", "side": "SELL", "type": "LIMIT", "timeInForce": "GTC", "price": "60000", "quantity": "0.01"}, exchange)
    orders = {(r["interval"], r["intervalNum"]): r for r in reply["rateLimits"] if r["rateLimitType"] == "ORDERS"}
    assert orders[("SECOND", 10)]["count"] == 1 and orders[("DAY", 1)]["count"] == 1
    assert orders[("SECOND", 10)]["limit"] == exchange.orders_per_10s


def test_rate_limits_can_be_hidden(exchange: LocalExchange) -> None:
    """returnRateLimits=false on the URL hides them; the request parameter overrides."""
    hidden = Raw(exchange.url + "?returnRateLimits=false")
    try:
        assert "rateLimits" not in hidden.call("ping")
        assert "rateLimits" in hidden.call("ping", {"returnRateLimits": True})
    finally:
        hidden.ws.close()


def test_session_logon_status_and_logout(exchange: LocalExchange, account: LocalAccount) -> None:
    """Session methods report the logged-on key; logout forgets it and keeps the connection."""
    with exchange.client(account) as client:
        status = client.request("session.status").result
        assert status["apiKey"] == account.api_key and status["authorizedSince"] > 0
        assert set(status) == {"apiKey", "authorizedSince", "connectedSince", "returnRateLimits", "serverTime", "userDataStream"}
        logged_out = client.request("session.logout").result
        assert logged_out["apiKey"] is None and logged_out["authorizedSince"] is None


def test_exchange_info_publishes_symbols_and_filters(raw: Raw) -> None:
    """exchangeInfo lists symbols with PRICE_FILTER, LOT_SIZE and NOTIONAL, and the rate limits."""
    info = raw.call("exchangeInfo", {"symbols": ["BTCUSDT"]})["result"]
    (symbol,) = info["symbols"]
    filters = {f["filterType"]: f for f in symbol["filters"]}
    assert symbol["symbol"] == "BTCUSDT" and symbol["baseAsset"] == "BTC" and symbol["quoteAsset"] == "USDT"
    assert filters["PRICE_FILTER"]["tickSize"] == "0.01000000" and filters["LOT_SIZE"]["stepSize"] == "0.00001000"
    assert filters["NOTIONAL"]["minNotional"] == "5.00000000"
    assert {r["rateLimitType"] for r in info["rateLimits"]} == {"REQUEST_WEIGHT", "ORDERS", "CONNECTIONS"}
    assert raw.call("exchangeInfo", {"symbol": "BTCUSDT", "symbols": ["BTCUSDT"]})["error"]["code"] == -1128


def test_depth_is_sorted_best_first(raw: Raw) -> None:
    """Bids descend and asks ascend from the best price; the book is seeded deterministically."""
    book = raw.call("depth", {"symbol": "BTCUSDT", "limit": 10})["result"]
    bids = [Decimal(p) for p, _ in book["bids"]]
    asks = [Decimal(p) for p, _ in book["asks"]]
    assert bids == sorted(bids, reverse=True) and asks == sorted(asks) and bids[0] < asks[0]
    assert book["bids"][0] == ["49999.99000000", "0.01038000"]


ORDER = {"symbol": "BTCUSDT", "type": "LIMIT", "timeInForce": "GTC"}


@pytest.fixture
def trader(exchange: LocalExchange, account: LocalAccount) -> Iterator[Client]:
    with exchange.client(account) as client:
        yield client


def place(client: Client, **params: Any) -> dict[str, Any]:
    return client.request("order.place", params).result  # type: ignore[no-any-return]


def test_resting_limit_order_locks_and_cancel_releases(exchange: LocalExchange, account: LocalAccount, trader: Client) -> None:
    """A resting LIMIT BUY locks price x qty of USDT; cancelling gives it back."""
    order = place(trader, **ORDER, side="BUY", price="40000.00", quantity="0.10000")
    assert order["status"] == "NEW" and order["fills"] == []
    assert exchange.balances(account)["USDT"] == (Decimal("6000"), Decimal("4000"))
    cancelled = trader.request("order.cancel", {"symbol": "BTCUSDT", "orderId": order["orderId"]}).result
    assert cancelled["status"] == "CANCELED" and cancelled["origClientOrderId"] == order["clientOrderId"]
    assert exchange.balances(account)["USDT"] == (Decimal("10000"), Decimal("0"))
    with pytest.raises(Exception, match="-2011"):
        trader.request("order.cancel", {"symbol": "BTCUSDT", "orderId": order["orderId"]})


def test_crossing_limit_order_fills_at_book_prices(exchange: LocalExchange, account: LocalAccount, trader: Client) -> None:
    """A marketable LIMIT BUY takes the asks in price order, pays the maker prices and commission."""
    book = trader.request("depth", {"symbol": "BTCUSDT", "limit": 2}).result
    (p1, q1), (p2, _) = [(Decimal(p), Decimal(q)) for p, q in book["asks"]]
    qty = q1 + Decimal("0.001")
    order = place(trader, **ORDER, side="BUY", price=str(p2), quantity=str(qty))
    assert order["status"] == "FILLED"
    assert [(Decimal(f["price"]), Decimal(f["qty"])) for f in order["fills"]] == [(p1, q1), (p2, Decimal("0.001"))]
    cost = p1 * q1 + p2 * Decimal("0.001")
    assert Decimal(order["cummulativeQuoteQty"]) == cost
    free_usdt, locked_usdt = exchange.balances(account)["USDT"]
    assert (free_usdt, locked_usdt) == (Decimal("10000") - cost, Decimal("0"))
    commission = sum(Decimal(f["commission"]) for f in order["fills"])
    assert commission == (q1 * Decimal("0.001")).quantize(Decimal("1E-8")) + (Decimal("0.001") * Decimal("0.001")).quantize(Decimal("1E-8"))
    assert exchange.balances(account)["BTC"][0] == Decimal("1") + qty - commission


def test_market_orders_by_quantity_and_by_quote(exchange: LocalExchange, account: LocalAccount, trader: Client) -> None:
    """MARKET sells a quantity; MARKET buys with quoteOrderQty spends at most that much."""
    sell = place(trader, symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.05")
    assert sell["status"] == "FILLED" and Decimal(sell["executedQty"]) == Decimal("0.05")
    buy = place(trader, symbol="BTCUSDT", side="BUY", type="MARKET", quoteOrderQty="100")
    assert buy["status"] == "FILLED" and Decimal(buy["cummulativeQuoteQty"]) <= 100
    assert Decimal(buy["origQuoteOrderQty"]) == 100
    assert exchange.balances(account)["USDT"][1] == 0 and exchange.balances(account)["BTC"][1] == 0


def test_ioc_and_fok(trader: Client) -> None:
    """IOC fills what it can and expires the rest; FOK that cannot fill completely does nothing."""
    book = trader.request("depth", {"symbol": "BTCUSDT", "limit": 1}).result
    price, qty = (Decimal(v) for v in book["asks"][0])
    more = str(qty + Decimal("0.01"))
    ioc = place(trader, symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="IOC", price=str(price), quantity=more)
    assert ioc["status"] == "EXPIRED" and Decimal(ioc["executedQty"]) == qty
    book = trader.request("depth", {"symbol": "BTCUSDT", "limit": 1}).result
    price, qty = (Decimal(v) for v in book["asks"][0])
    fok = place(trader, symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="FOK", price=str(price), quantity=str(qty + Decimal("0.01")))
    assert fok["status"] == "EXPIRED" and fok["fills"] == [] and Decimal(fok["executedQty"]) == 0
    assert trader.request("depth", {"symbol": "BTCUSDT", "limit": 1}).result["asks"][0][1] == f"{qty:.8f}"


@pytest.mark.parametrize(
    "params, code, message",
    [
        ({"side": "BUY", "price": "100.001", "quantity": "0.1"}, -1013, "Filter failure: PRICE_FILTER"),
        ({"side": "BUY", "price": "100", "quantity": "0.000001"}, -1013, "Filter failure: LOT_SIZE"),
        ({"side": "BUY", "price": "1", "quantity": "0.1"}, -1013, "Filter failure: NOTIONAL"),
        ({"side": "BUY", "price": "100", "quantity": "1000"}, -2010, "Account has insufficient balance for requested action."),
        ({"side": "SIDEWAYS", "price": "100", "quantity": "1"}, -1117, "Invalid side."),
        ({"side": "BUY", "price": "100"}, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed."),
    ],
)
def test_order_rejections(trader: Client, params: dict[str, Any], code: int, message: str) -> None:
    """Orders breaking filters or balances get the documented code and message."""
    with pytest.raises(Exception) as info:
        place(trader, **ORDER, **params)
    assert (info.value.code, info.value.msg) == (code, message)  # type: ignore[attr-defined]


def test_limit_maker_that_would_cross_is_rejected(trader: Client) -> None:
    """A LIMIT_MAKER priced through the book is rejected rather than taking."""
    with pytest.raises(Exception, match="Order would immediately match and take"):
        place(trader, symbol="BTCUSDT", side="BUY", type="LIMIT_MAKER", price="60000", quantity="0.01")


def test_orders_are_found_by_client_id_and_duplicates_refused(trader: Client) -> None:
    """order.status finds by origClientOrderId; an open order's client id cannot be reused."""
    place(trader, **ORDER, side="BUY", price="100", quantity="0.1", newClientOrderId="mine")
    found = trader.request("order.status", {"symbol": "BTCUSDT", "origClientOrderId": "mine"}).result
    assert found["status"] == "NEW" and found["clientOrderId"] == "mine" and found["isWorking"] is True
    with pytest.raises(Exception, match="Duplicate order sent"):
        place(trader, **ORDER, side="BUY", price="100", quantity="0.1", newClientOrderId="mine")
    with pytest.raises(Exception, match="-2013"):
        trader.request("order.status", {"symbol": "BTCUSDT", "origClientOrderId": "other"})


def test_resting_orders_trade_between_accounts(exchange: LocalExchange) -> None:
    """One account's resting order is filled by another's; both balances move, none is lost."""
    maker = exchange.create_account({"BTC": "1"})
    taker = exchange.create_account({"USDT": "100000"})
    with exchange.client(maker) as m, exchange.client(taker) as t:
        # 50000.00 is the one free tick between the seeded best bid and best ask.
        rest = place(m, **ORDER, side="SELL", price="50000.00", quantity="0.5")
        assert rest["status"] == "NEW"
        hit = place(t, **ORDER, side="BUY", price="50000.00", quantity="0.2")
        assert hit["status"] == "FILLED" and hit["fills"][0]["price"] == "50000.00000000"
        status = m.request("order.status", {"symbol": "BTCUSDT", "orderId": rest["orderId"]}).result
    assert status["status"] == "PARTIALLY_FILLED" and status["executedQty"] == "0.20000000"
    quote = Decimal("50000") * Decimal("0.2")
    assert exchange.balances(maker)["BTC"] == (Decimal("0.5"), Decimal("0.3"))
    assert exchange.balances(maker)["USDT"] == (quote - (quote * Decimal("0.001")).quantize(Decimal("1E-8")), Decimal(0))
    assert exchange.balances(taker)["USDT"] == (Decimal("100000") - quote, Decimal(0))


def test_duplicate_orders_counts_client_order_ids_accepted_twice(
    exchange: LocalExchange, account: LocalAccount, trader: Client
) -> None:
    """duplicate_orders() lists a client order id the engine accepted as two orders (here on purpose)."""
    first = place(trader, **ORDER, side="BUY", price="40000.00", quantity="0.1", newClientOrderId="twice")
    assert exchange.duplicate_orders() == {}
    trader.request("order.cancel", {"symbol": "BTCUSDT", "orderId": first["orderId"]})
    place(trader, **ORDER, side="BUY", price="40000.00", quantity="0.1", newClientOrderId="twice")
    assert exchange.duplicate_orders() == {"twice": 2}
    assert exchange.orders_accepted() == 2


# -- wss:// ----------------------------------------------------------------------------------


@pytest.fixture
def tls_exchange() -> Iterator[LocalExchange]:
    """An exchange serving wss:// with its own throwaway CA."""
    with LocalExchange(book_levels=5, tls=True) as ex:
        yield ex


def wss_ping(exchange: LocalExchange) -> dict[str, Any]:
    """One ping over a bare websocket-client connection that trusts the exchange's CA file."""
    assert exchange.ca_file is not None
    context = ssl.create_default_context(cafile=exchange.ca_file)
    ws = websocket.create_connection(exchange.url, sslopt={"context": context}, timeout=5)
    try:
        ws.send(json.dumps({"id": 1, "method": "ping"}))
        reply: dict[str, Any] = json.loads(ws.recv())
        return reply
    finally:
        ws.close()


def test_tls_exchange_serves_wss_trusting_its_ca_file(tls_exchange: LocalExchange) -> None:
    """With tls=True the URL is wss:// and a bare client trusting `ca_file` gets its ping answered."""
    assert tls_exchange.url.startswith("wss://127.0.0.1:")
    reply = wss_ping(tls_exchange)
    assert reply["id"] == 1 and reply["status"] == 200 and reply["result"] == {}


def test_plain_exchange_has_no_ca(exchange: LocalExchange) -> None:
    """Without tls the URL is ws://, there is no CA file, and asking for a client context says why."""
    assert exchange.url.startswith("ws://") and exchange.ca_file is None
    with pytest.raises(RuntimeError, match="tls=True"):
        exchange.client_ssl_context()


def test_client_without_the_ca_is_refused(tls_exchange: LocalExchange) -> None:
    """A Client that trusts only the system's CAs fails to connect on certificate verification."""
    with Client(url=tls_exchange.url, timeout=5) as client:
        with pytest.raises(ConnectFailed, match="certificate verify failed"):
            client.connect()
    assert tls_exchange.connections_accepted == 0


def test_client_with_ssl_context_connects(tls_exchange: LocalExchange) -> None:
    """`ssl_context=exchange.client_ssl_context()` lets a Client reach the wss:// exchange."""
    with Client(url=tls_exchange.url, ssl_context=tls_exchange.client_ssl_context(), timeout=5) as client:
        assert client.ping() == {}


def test_client_with_ca_certs_sslopt_connects(tls_exchange: LocalExchange) -> None:
    """websocket-client's own `sslopt={"ca_certs": ...}` works with the exchange's CA file too."""
    options = {"sslopt": {"ca_certs": tls_exchange.ca_file}}
    with Client(url=tls_exchange.url, websocket_options=options, timeout=5) as client:
        assert client.ping() == {}


def test_exchange_client_trusts_the_exchange(tls_exchange: LocalExchange) -> None:
    """`exchange.client(account)` passes the exchange's SSL context itself."""
    account = tls_exchange.create_account({"USDT": "10"})
    with tls_exchange.client(account, timeout=5) as client:
        assert client.request("account.status").status == 200


def test_restart_keeps_serving_tls_on_the_same_port(tls_exchange: LocalExchange) -> None:
    """After a restart the exchange is back on the same wss:// URL with the same certificate."""
    url = tls_exchange.url
    assert wss_ping(tls_exchange)["status"] == 200
    tls_exchange.restart(down_for=0.1)
    deadline = time.monotonic() + 5
    while True:
        try:
            reply = wss_ping(tls_exchange)
            break
        except ConnectionRefusedError:  # still down
            assert time.monotonic() < deadline, "the exchange did not come back"
            time.sleep(0.05)
    assert reply["status"] == 200 and tls_exchange.url == url


def test_close_removes_the_certificates() -> None:
    """close() deletes the temporary folder holding the CA and the server's key."""
    exchange = LocalExchange(book_levels=5, tls=True)
    assert exchange.ca_file is not None
    folder = os.path.dirname(exchange.ca_file)
    assert os.path.isfile(exchange.ca_file)
    exchange.close()
    assert not os.path.exists(folder)


def test_an_exchange_never_closed_removes_its_keys_at_exit() -> None:
    """A program that exits without closing a tls=True exchange leaves no folder of private keys behind."""
    import subprocess
    import sys

    program = "from binance_wsapi.testing import LocalExchange; print(LocalExchange(tls=True).ca_file, flush=True)"
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    folder = os.path.dirname(done.stdout.strip())
    assert folder.startswith(tempfile.gettempdir()) and not os.path.exists(folder)
