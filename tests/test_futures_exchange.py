"""Every method of both futures APIs end to end through the named methods, the REST settings, and
engine scenarios with exact numbers, as a user sees them: UMFuturesClient / CMFuturesClient
against LocalExchange."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator

import pytest

from binance_wsapi import CMFuturesClient, UMFuturesClient, WouldTriggerImmediately
from binance_wsapi.futures_api import CMMethods, UMMethods
from binance_wsapi.futures_events import AccountConfigUpdate, AlgoUpdate, OrderTradeUpdate
from binance_wsapi.listenkey import ListenKeyStream
from binance_wsapi.testing import LocalAccount, LocalExchange
from binance_wsapi.testing.futures import FUTURES_HANDLERS
from binance_wsapi.testing.futures_rules import FUTURES_RULES


@pytest.fixture
def um(exchange: LocalExchange, account: LocalAccount) -> Iterator[UMFuturesClient]:
    with exchange.client(account, "usdm", timeout=5) as client:
        yield client


@pytest.fixture
def cm(exchange: LocalExchange, account: LocalAccount) -> Iterator[CMFuturesClient]:
    with exchange.client(account, "coinm", timeout=5) as client:
        yield client


def _named(methods: type) -> set[str]:
    return {name for name in vars(methods) if not name.startswith("_")}


def test_the_exchange_answers_exactly_its_documented_methods() -> None:
    """Each futures market has a handler for every method of its rules, and no other."""
    for market in ("usdm", "coinm"):
        assert set(FUTURES_HANDLERS[market]) == set(FUTURES_RULES[market])


def test_every_usdm_method(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """All 21 USDⓈ-M methods, each through its named method, each answered as documented."""
    called: set[str] = set()

    def call(name: str, **kwargs: Any) -> Any:
        called.add(name)
        return getattr(um, name)(**kwargs)

    assert call("session_status")["apiKey"] is not None  # an Ed25519 key logs on with the connection
    assert call("session_logon")["authorizedSince"] is not None
    book = call("depth", symbol="BTCUSDT", limit=5)
    assert len(book["bids"]) == len(book["asks"]) == 5
    assert call("ticker_price", symbol="BTCUSDT")["symbol"] == "BTCUSDT"
    assert len(call("ticker_book")) == 3  # every symbol
    bid = Decimal(book["bids"][-1][0])
    placed = call("order_place", symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                  quantity="0.010", price=str(bid - 100))
    modified = call("order_modify", symbol="BTCUSDT", order_id=placed["orderId"], side="BUY", quantity="0.020",
                    price=str(bid - 200))
    assert (modified["origQty"], modified["price"]) == ("0.020", f"{bid - 200:.2f}")
    assert call("order_status", symbol="BTCUSDT", orig_client_order_id=placed["clientOrderId"])["status"] == "NEW"
    assert call("order_cancel", symbol="BTCUSDT", order_id=placed["orderId"])["status"] == "CANCELED"
    algo = call("algo_order_place", algo_type="CONDITIONAL", symbol="BTCUSDT", side="SELL", type="STOP_MARKET",
                trigger_price=str(bid - 1000), quantity="0.010")
    assert algo["algoStatus"] == "NEW" and algo["clientAlgoId"].startswith("bwsapi-")
    assert call("algo_order_cancel", algo_id=algo["algoId"])["code"] == "200"
    assert um.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.010")["status"] == "NEW"
    assert call("account_position", symbol="BTCUSDT")[0]["positionAmt"] == "0.010"
    # V2 lists only symbols with a position or open orders: there is one now.
    assert call("account_position_v2", symbol="BTCUSDT")[0]["positionAmt"] == "0.010"
    assert {b["asset"] for b in call("account_balance")} >= {"USDT"}
    assert {b["asset"] for b in call("account_balance_v2")} >= {"USDT"}
    assert "totalWalletBalance" in call("account_status")
    assert "totalWalletBalance" in call("account_status_v2")
    key = call("user_data_stream_start")["listenKey"]
    assert call("user_data_stream_ping")["listenKey"] == key
    assert call("user_data_stream_stop") == {}
    assert call("session_logout")["apiKey"] is None
    assert called == _named(UMMethods)


def test_every_coinm_method(exchange: LocalExchange, cm: CMFuturesClient) -> None:
    """All 13 COIN-M methods, each through its named method, in whole contracts."""
    called: set[str] = set()

    def call(name: str, **kwargs: Any) -> Any:
        called.add(name)
        return getattr(cm, name)(**kwargs)

    assert call("session_status")["apiKey"] is not None
    assert call("session_logon")["authorizedSince"] is not None
    placed = call("order_place", symbol="BTCUSD_PERP", side="BUY", type="LIMIT", time_in_force="GTC",
                  quantity="2", price="40000.0")
    assert (placed["origQty"], placed["pair"]) == ("2", "BTCUSD")
    modified = call("order_modify", symbol="BTCUSD_PERP", orig_client_order_id=placed["clientOrderId"], side="BUY",
                    quantity="3", price="39000.0")
    assert modified["origQty"] == "3"
    assert call("order_status", symbol="BTCUSD_PERP", order_id=placed["orderId"])["status"] == "NEW"
    assert call("order_cancel", symbol="BTCUSD_PERP", order_id=placed["orderId"])["status"] == "CANCELED"
    assert all(p["symbol"].startswith("BTCUSD") for p in call("account_position", pair="BTCUSD"))
    assert {b["asset"] for b in call("account_balance")} >= {"BTC", "ETH"}
    assert "assets" in call("account_status")
    key = call("user_data_stream_start")["listenKey"]
    assert call("user_data_stream_ping")["listenKey"] == key
    assert call("user_data_stream_stop") == {}
    assert call("session_logout")["apiKey"] is None
    assert called == _named(CMMethods)


def _next_of(stream: ListenKeyStream, kind: type, timeout: float = 5.0) -> Any:
    while True:
        event = stream.get(timeout)
        if isinstance(event, kind):
            return event


def test_rest_settings_change_the_account(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """Leverage, margin type and position mode go over REST, and take effect on the WebSocket API."""
    stream = um.user_data.subscribe()
    assert um.set_leverage("BTCUSDT", 10)["leverage"] == 10
    update = _next_of(stream, AccountConfigUpdate)
    assert (update.symbol, update.leverage) == ("BTCUSDT", 10)
    assert um.set_margin_type("BTCUSDT", "ISOLATED") == {"code": 200, "msg": "success"}
    assert um.position_mode() is False
    um.set_position_mode(hedge=True)
    assert um.position_mode() is True
    um.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.010", position_side="LONG")
    (position,) = [p for p in um.account_position_v2(symbol="BTCUSDT") if p["positionSide"] == "LONG"]
    assert position["positionAmt"] == "0.010"
    (v1,) = [p for p in um.account_position(symbol="BTCUSDT") if p["positionSide"] == "LONG"]
    assert (v1["leverage"], v1["marginType"]) == ("10", "isolated")
    stream.close()


def test_open_add_and_partly_close_a_long(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """Open at 50000, add at 51000 (entry 50500), close a quarter at 52000: realized 75, fee 1.30, as documented."""
    exchange.seed_book("usdm", "BTCUSDT", "49999.90")  # best ask 50000.00
    first = um.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.100", new_order_resp_type="RESULT")
    assert (first["status"], first["avgPrice"]) == ("FILLED", "50000.00000")
    exchange.seed_book("usdm", "BTCUSDT", "50999.90")
    um.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.100")
    (position,) = um.account_position_v2(symbol="BTCUSDT")
    assert (position["positionAmt"], position["entryPrice"], position["breakEvenPrice"]) == (
        "0.200", "50500.00000000", "50525.25000000")
    stream = um.user_data.subscribe()
    exchange.seed_book("usdm", "BTCUSDT", "52000.10")  # best bid 52000.00
    um.order_place(symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.050", reduce_only="true")
    trade = _next_of(stream, OrderTradeUpdate)
    while trade.execution_type != "TRADE":
        trade = _next_of(stream, OrderTradeUpdate)
    assert (trade.realized_profit, trade.commission, trade.commission_asset) == (
        Decimal("75"), Decimal("1.3"), "USDT")
    (usdt,) = [b for b in um.account_balance_v2() if b["asset"] == "USDT"]
    assert usdt["crossWalletBalance"] == "10068.65000000"  # 10000 - 2.5 - 2.55 + 75 - 1.3
    stream.close()


def test_a_stop_fires_on_the_mark_price(exchange: LocalExchange, um: UMFuturesClient) -> None:
    """A BUY STOP_MARKET closing a short with MARK_PRICE fires when the mark reaches it: ALGO_UPDATE to FINISHED."""
    exchange.seed_book("usdm", "BTCUSDT", "50000.10")
    um.order_place(symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.100")  # short at 50000.00
    with pytest.raises(WouldTriggerImmediately):
        um.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="BUY", type="STOP_MARKET",
                            trigger_price="49000", working_type="MARK_PRICE", close_position="true")
    algo = um.algo_order_place(algo_type="CONDITIONAL", symbol="BTCUSDT", side="BUY", type="STOP_MARKET",
                               trigger_price="51000", working_type="MARK_PRICE", close_position="true")
    stream = um.user_data.subscribe()
    exchange.seed_book("usdm", "BTCUSDT", "51499.90")  # best ask 51500.00
    exchange.set_mark_price("usdm", "BTCUSDT", "51000")
    statuses = []
    while not statuses or statuses[-1] != "FINISHED":
        update = _next_of(stream, AlgoUpdate)
        assert update.algo_id == algo["algoId"]
        statuses.append(update.algo_status)
    assert statuses == ["TRIGGERING", "TRIGGERED", "FINISHED"]
    (position,) = um.account_position(symbol="BTCUSDT")
    assert position["positionAmt"] == "0.000"
    assert um.account_position_v2(symbol="BTCUSDT") == []  # V2 lists open positions only
    stream.close()


def test_coinm_realizes_pnl_in_coin(exchange: LocalExchange, cm: CMFuturesClient) -> None:
    """COIN-M: 10 contracts of 100 USD long at 40000, closed at 44000: +0.00227272 BTC, less fees in BTC."""
    exchange.seed_book("coinm", "BTCUSD_PERP", "39999.9")  # best ask 40000.0
    cm.order_place(symbol="BTCUSD_PERP", side="BUY", type="MARKET", quantity="10")
    exchange.seed_book("coinm", "BTCUSD_PERP", "44000.1")  # best bid 44000.0
    exchange.set_mark_price("coinm", "BTCUSD_PERP", "44000")  # within PERCENT_PRICE of the mark
    stream = cm.user_data.subscribe()
    cm.order_place(symbol="BTCUSD_PERP", side="SELL", type="MARKET", quantity="10")
    trade = _next_of(stream, OrderTradeUpdate)
    while trade.execution_type != "TRADE":
        trade = _next_of(stream, OrderTradeUpdate)
    # 10 * 100 * (1/40000 - 1/44000) = 0.00227272...; the commission is 0.05 % of 1000 / 44000.
    assert trade.realized_profit == Decimal("0.00227273")
    assert trade.commission_asset == "BTC" and trade.margin_asset == "BTC"
    stream.close()
