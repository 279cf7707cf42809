"""UMFuturesClient and CMFuturesClient against LocalExchange's futures markets, over ws:// and wss://:
what they send, how they read the futures APIs' answers, and what they refuse before sending."""

from __future__ import annotations

from concurrent.futures import Future
from decimal import Decimal
from typing import Any, Callable, Iterator

import pytest

from binance_wsapi import (
    APIError,
    CMFuturesClient,
    Client,
    ExecutionStatusUnknown,
    InvalidRequest,
    MarginInsufficient,
    OrderNotFound,
    OrderRejected,
    OrderTypeNotSupported,
    PositionSideMismatch,
    ReduceOnlyRejected,
    RequestTimeout,
    UMFuturesClient,
)
from binance_wsapi.futures_api import CMMethods, UMMethods
from binance_wsapi.testing import LocalAccount, LocalExchange

pytestmark = pytest.mark.both_schemes

API_KEY = "k" * 64
SECRET = "s" * 64
SKEW_MS = 5000  # the exchange's clock runs this far ahead of ours


@pytest.fixture
def hmac_account(exchange: LocalExchange) -> LocalAccount:
    return exchange.create_account(key_type="hmac")


@pytest.fixture
def um(exchange: LocalExchange, hmac_account: LocalAccount) -> Iterator[UMFuturesClient]:
    with exchange.client(hmac_account, "usdm", timeout=5) as client:
        yield client


def test_the_clock_is_read_from_session_status_never_time(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """A futures connection measures the clock with session.status (there is no time method) and uses it."""
    exchange.clock_skew = SKEW_MS / 1000
    um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity="0.01", price="40000")
    assert exchange.request_count("time") == 0 and exchange.request_count("session.status") == 1
    assert abs(um.clock_offset - SKEW_MS / 1000) < 0.5
    assert um.sync_clock() == pytest.approx(SKEW_MS / 1000, abs=0.5)
    assert exchange.request_count("session.status") == 2


def test_an_order_goes_signed_with_decimals_as_strings(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """order.place is signed (the exchange verifies it), its decimals keep their text, its client id is ours."""
    result = um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                            quantity=Decimal("0.010"), price="40000.10", position_side="BOTH")
    assert (result["origQty"], result["price"], result["status"]) == ("0.010", "40000.10", "NEW")
    assert result["clientOrderId"].startswith("bwsapi-")
    assert um.order_status(symbol="BTCUSDT", orig_client_order_id=result["clientOrderId"])["orderId"] == result["orderId"]


def test_listen_key_methods_carry_the_api_key_unsigned(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """userDataStream.start is USER_STREAM: the exchange takes it with the API key alone (a signature would be
    an unread parameter), answers the same key until it ends, and ping extends it."""
    key = um.user_data_stream_start()["listenKey"]
    assert um.user_data_stream_start()["listenKey"] == key
    assert um.user_data_stream_ping()["listenKey"] == key
    assert um.user_data_stream_stop() == {}
    with pytest.raises(APIError) as caught:
        um.user_data_stream_ping()
    assert caught.value.code == -1125


def test_a_logged_on_connection_needs_no_api_key(exchange: LocalExchange) -> None:
    """With an Ed25519 key the connection logs on once; USER_STREAM and signed requests then ride on it."""
    account = exchange.create_account(key_type="ed25519")
    with exchange.client(account, "usdm", timeout=5) as client:
        assert client.user_data_stream_start()["listenKey"]
        client.order_place(symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.01")
    assert exchange.request_count("session.logon") == 1


def test_an_hmac_key_cannot_log_on(exchange: LocalExchange, hmac_account: LocalAccount) -> None:
    """session.logon takes Ed25519 keys only, on futures as on Spot: asking with HMAC is refused before sending."""
    with pytest.raises(InvalidRequest, match="Ed25519"):
        exchange.client(hmac_account, "usdm", session_logon=True)


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
    exchange: LocalExchange, um: UMFuturesClient, code: int, msg: str, expected: type[APIError]
) -> None:
    """Futures error codes map with the futures table, all of them OrderRejected, carrying code and message."""
    exchange.fail("order.place", 400, code, msg, times=1)
    with pytest.raises(expected) as caught:
        um.order_place(symbol="ETHUSDT", side="BUY", type="MARKET", quantity="1")
    assert isinstance(caught.value, OrderRejected)
    assert (caught.value.code, caught.value.msg, caught.value.status) == (code, msg, 400)


def test_the_engine_refusals_arrive_as_their_exceptions(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """Margin, reduce-only, position side and post-only refusals from the exchange's own rules."""
    with pytest.raises(MarginInsufficient):
        um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity="100", price="40000")
    with pytest.raises(ReduceOnlyRejected):
        um.order_place(symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.01", reduce_only="true")
    with pytest.raises(PositionSideMismatch):
        um.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.01", position_side="LONG")
    ask = Decimal(um.ticker_book(symbol="BTCUSDT")["askPrice"])
    with pytest.raises(OrderRejected) as caught:
        um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTX", quantity="0.01", price=str(ask))
    assert caught.value.code == -5022


def test_the_same_code_maps_by_api() -> None:
    """-2018 is "Balance is insufficient." on futures but an unknown order list on Spot: each client maps its own."""
    from binance_wsapi.exceptions import FUTURES_ERROR_CODES, SPOT_ERROR_CODES, error_from_response

    error = {"code": -2018, "msg": "x"}
    assert type(error_from_response(400, error, codes=FUTURES_ERROR_CODES)) is MarginInsufficient
    assert type(error_from_response(400, error, codes=SPOT_ERROR_CODES)) is OrderNotFound
    assert type(error_from_response(400, error)) is OrderNotFound


def test_the_futures_twin_returns_futures(um: UMFuturesClient) -> None:
    """client.futures has every method, returning a concurrent.futures.Future of the result."""
    future = um.futures.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.01")
    assert isinstance(future, Future)
    assert future.result(5)["status"] == "NEW"


def test_coinm_speaks_its_own_path(exchange: LocalExchange, hmac_account: LocalAccount) -> None:
    """A CMFuturesClient reads its clock the futures way too, on the COIN-M path, in whole contracts."""
    with exchange.client(hmac_account, "coinm", timeout=5) as client:
        placed = client.order_place(symbol="BTCUSD_PERP", side="BUY", type="LIMIT", time_in_force="GTC",
                                    quantity="1", price="40000")
        assert placed["origQty"] == "1" and client.url.endswith("/ws-dapi/v1")
    assert exchange.request_count("time") == 0


def test_an_unknown_futures_outcome_is_resolved(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """An order.place whose answer is lost raises ExecutionStatusUnknown and resolve_order finds the order."""
    exchange.never_answer("order.place", times=1)
    with pytest.raises(ExecutionStatusUnknown) as caught:
        um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity="0.01",
                       price="40000", timeout=0.5)
    assert um.unknown_outcomes[-1].client_order_id == caught.value.client_order_id
    order = um.resolve_order(caught.value)
    assert order is not None and order["clientOrderId"] == caught.value.client_order_id
    assert exchange.duplicate_orders() == {}


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


def test_decimals_go_as_json_strings(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """"DECIMAL parameters ... are expected as JSON strings": an int, a float or a Decimal all go as strings
    (the refusal's params are what was sent)."""
    exchange.fail("order.place", 400, -2019, "Margin is insufficient.", times=1)
    with pytest.raises(MarginInsufficient) as caught:
        um.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity=1, price=40000.5)
    assert (caught.value.params["quantity"], caught.value.params["price"]) == ("1", "40000.5")


def test_an_unknown_algo_order_outcome_is_resolved_over_rest(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """An algoOrder.place whose answer is lost is looked up by its clientAlgoId over REST (the WebSocket API has
    no algo lookup): found when placed; None for one that never reached the exchange, once it no longer could."""
    exchange.never_answer("algoOrder.place", times=1)
    with pytest.raises(ExecutionStatusUnknown) as caught:
        um.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP_MARKET",
                            trigger_price="30000", quantity="0.010", timeout=0.5)
    algo = um.resolve_order(caught.value)
    assert algo is not None and algo["clientAlgoId"] == caught.value.client_order_id
    assert algo["algoStatus"] == "NEW"
    exchange.never_answer("algoOrder.place", execute=False, times=1)
    with pytest.raises(ExecutionStatusUnknown) as lost:
        um.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP_MARKET",
                            trigger_price="30000", quantity="0.010", timeout=0.5, recv_window=100)
    assert um.resolve_order(lost.value, settle=0.1) is None


def test_a_fault_can_be_armed_for_one_market(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """The knobs take a market: a fault for USDⓈ-M's order.place leaves Spot's alone, and counts are per market."""
    exchange.fail("order.place", 400, -2019, "Margin is insufficient.", market="usdm", times=1)
    spot_account = exchange.create_account({"USDT": "1000"})
    with exchange.client(spot_account, timeout=5) as spot:
        spot.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="40000",
                         quantity="0.001")
    with pytest.raises(MarginInsufficient):
        um.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.01")
    assert exchange.request_count("order.place", "spot") == 1
    assert exchange.request_count("order.place", "usdm") == 1
    assert exchange.request_count("order.place") == 2


def test_rest_settings_keep_their_deadline(exchange: LocalExchange, hmac_account: LocalAccount) -> None:
    """A REST server that trickles its answer cannot hold set_leverage past its timeout (requests' own timeout
    bounds each read, not the call)."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def trickle() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        while not stop.wait(0.1):  # a header line every 0.1 s, never the end of the head
            try:
                conn.sendall(b"X-Trickle: a\r\n")
            except OSError:
                break
        conn.close()

    server = threading.Thread(target=trickle, daemon=True)
    server.start()
    rest_url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        with exchange.client(hmac_account, "usdm", timeout=5, rest_url=rest_url) as client:
            with pytest.raises(RequestTimeout):
                client.set_leverage("BTCUSDT", 5, timeout=0.5)
    finally:
        stop.set()
        server.join(5)
        listener.close()
