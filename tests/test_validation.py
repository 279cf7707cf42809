"""Named methods refuse bad input before anything is sent, saying what to do instead."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Iterator

import pytest

from binance_wsapi import Client, InvalidRequest, OrderType, Side, TimeInForce
from binance_wsapi.testing import LocalAccount, LocalExchange

LIMIT = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "time_in_force": "GTC", "quantity": "0.01", "price": "40000"}


@pytest.fixture
def offline() -> Iterator[Client]:
    """A client that could only ever send to a closed port: any send attempt would show."""
    with Client("k" * 64, "secret", url="ws://127.0.0.1:9/ws-api/v3") as client:
        yield client
        assert client.threads == []  # nothing was sent: no connection was even attempted


CASES: list[tuple[str, Callable[[Client], Any], str]] = [
    ("camelCase name", lambda c: c.order_place(**{**LIMIT, "timeInForce": "GTC"}), "did you mean time_in_force"),
    ("misspelled name", lambda c: c.depth(symbol="BTCUSDT", limt=5), r"'limt' \(did you mean limit\?\)"),
    ("client-owned name", lambda c: c.account_status(timestamp=1), "timestamp is added by the client"),
    ("neither of exactly one", lambda c: c.ticker(), "needs one of symbol or symbols"),
    ("both of exactly one", lambda c: c.ticker(symbol="A", symbols=["B"]), "takes only one of symbol, symbols"),
    ("neither id", lambda c: c.order_status(symbol="BTCUSDT"), "at least one of order_id or orig_client_order_id"),
    ("at most one", lambda c: c.exchange_info(symbol="A", permissions=["SPOT"]), "takes only one of"),
    ("not together", lambda c: c.trades_aggregate(symbol="A", from_id=1, start_time=2), "from_id cannot be combined with start_time"),
    ("needs", lambda c: c.my_prevented_matches(symbol="A", prevented_match_id=1, from_prevented_match_id=2), "needs order_id"),
    ("LIMIT without price", lambda c: c.order_place(symbol="A", side="BUY", type="LIMIT", time_in_force="GTC", quantity="1"), "type='LIMIT' needs price"),
    ("LIMIT without TIF", lambda c: c.order_place(symbol="A", side="BUY", type="LIMIT", price="1", quantity="1"), "needs time_in_force"),
    ("MARKET with both", lambda c: c.order_place(symbol="A", side="BUY", type="MARKET", quantity="1", quote_order_qty="1"), "exactly one of quantity or quote_order_qty"),
    ("MARKET with price", lambda c: c.order_place(symbol="A", side="BUY", type="MARKET", quantity="1", price="2"), "does not take price"),
    ("STOP_LOSS untriggered", lambda c: c.order_place(symbol="A", side="SELL", type="STOP_LOSS", quantity="1"), "needs stop_price or trailing_delta"),
    ("STOP_LOSS_LIMIT", lambda c: c.order_test(symbol="A", side="SELL", type="STOP_LOSS_LIMIT", quantity="1", stop_price="1"), "needs time_in_force, price"),
    ("quote qty not MARKET", lambda c: c.order_place(**{**LIMIT, "quote_order_qty": "5"}), "quote_order_qty is for MARKET"),
    ("iceberg IOC", lambda c: c.order_place(**{**LIMIT, "time_in_force": "IOC", "iceberg_qty": "0.001"}), "iceberg_qty needs time_in_force='GTC'"),
    ("peg half", lambda c: c.order_place(**{**LIMIT, "peg_offset_type": "PRICE_LEVEL"}), "go together"),
    ("replace needs an order", lambda c: c.order_cancel_replace(symbol="A", cancel_replace_mode="STOP_ON_FAILURE", side="BUY", type="MARKET", quantity="1"), "at least one of cancel_order_id"),
    ("SOR type", lambda c: c.sor_order_place(symbol="A", side="BUY", type="LIMIT_MAKER", quantity="1", price="1"), "SOR orders are LIMIT or MARKET"),
    ("OCO leg", lambda c: c.order_list_place_oco(symbol="A", side="SELL", quantity="1", above_type="LIMIT_MAKER", below_type="STOP_LOSS", below_stop_price="1"), "above_type='LIMIT_MAKER' needs above_price"),
    ("OCO below type", lambda c: c.order_list_place_oco(symbol="A", side="SELL", quantity="1", above_type="LIMIT_MAKER", above_price="2", below_type="LIMIT"), "below_type='LIMIT' is not one of"),
    ("OTO working type", lambda c: c.order_list_place_oto(symbol="A", working_type="MARKET", working_side="BUY", working_price="1", working_quantity="1", pending_type="MARKET", pending_side="SELL", pending_quantity="1"), "working_type='MARKET' is not one of LIMIT, LIMIT_MAKER"),
    ("OTO working TIF", lambda c: c.order_list_place_oto(symbol="A", working_type="LIMIT", working_side="BUY", working_price="1", working_quantity="1", pending_type="MARKET", pending_side="SELL", pending_quantity="1"), "working_type='LIMIT' needs working_time_in_force"),
    ("OTOCO below without type", lambda c: c.order_list_place_otoco(symbol="A", working_type="LIMIT_MAKER", working_side="BUY", working_price="1", working_quantity="1", pending_side="SELL", pending_quantity="1", pending_above_type="LIMIT_MAKER", pending_above_price="2", pending_below_stop_price="0.5"), "pending_below_stop_price given without pending_below_type"),
    ("legacy OCO stop limit", lambda c: c.order_list_place(symbol="A", side="SELL", price="2", quantity="1", stop_price="1", stop_limit_price="0.9"), "stop_limit_price and stop_limit_time_in_force go together"),
    ("bad enum", lambda c: c.order_place(**{**LIMIT, "side": "buy"}), "side='buy' is not one of BUY, SELL"),
    ("bad interval", lambda c: c.klines(symbol="A", interval="2m"), "interval='2m' is not one of 1s, 1m"),
    ("str for int", lambda c: c.depth(symbol="A", limit="5"), "limit must be an int, not str '5'"),
    ("bool for int", lambda c: c.depth(symbol="A", limit=True), "limit must be an int"),
    ("int for str", lambda c: c.depth(symbol=5), "symbol must be a str"),
    ("empty str", lambda c: c.depth(symbol=""), "symbol is empty"),
    ("str for list", lambda c: c.ticker_price(symbols="BTCUSDT"), "for one symbol, use symbol="),
    ("str for bool", lambda c: c.account_status(omit_zero_balances="true"), "must be True or False"),
    ("exponent float", lambda c: c.order_place(**{**LIMIT, "quantity": 1e-05}), r"Decimal\('0.00001'\)"),
    ("exponent str", lambda c: c.order_place(**{**LIMIT, "quantity": "1e-5"}), "plain decimal notation"),
    ("not a number", lambda c: c.order_place(**{**LIMIT, "price": "cheap"}), "is not a decimal number"),
    ("negative", lambda c: c.order_place(**{**LIMIT, "quantity": Decimal("-1")}), "is negative"),
    ("recv window", lambda c: c.account_status(recv_window=70000), "at most 60000"),
]


@pytest.mark.parametrize("case, call, message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_a_clear_message(offline: Client, case: str, call: Callable[[Client], Any], message: str) -> None:
    """Each rule gives InvalidRequest naming the problem, before any connection or send."""
    with pytest.raises(InvalidRequest, match=message):
        call(offline)


def test_missing_required_parameter_is_a_type_error(offline: Client) -> None:
    """Required parameters are required keyword arguments: Python names the missing one."""
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'symbol'"):
        offline.depth()  # type: ignore[call-arg]


def test_the_futures_twin_checks_the_same_way(offline: Client) -> None:
    """client.futures raises the same InvalidRequest at call time, not inside the Future."""
    with pytest.raises(InvalidRequest, match="did you mean time_in_force"):
        offline.futures.order_place(**{**LIMIT, "timeInForce": "GTC"})


def test_server_sees_nothing_from_refused_calls(exchange: LocalExchange, account: LocalAccount) -> None:
    """A refused call sends nothing, even on a live connection."""
    with exchange.client(account) as client:
        client.connect()
        for _, call, _ in CASES:
            with pytest.raises(InvalidRequest):
                call(client)
    for method in ("order.place", "depth", "ticker", "order.status", "orderList.place.oco", "klines"):
        assert exchange.request_count(method) == 0


def test_enums_and_plain_strings_are_both_accepted(exchange: LocalExchange, account: LocalAccount) -> None:
    """Side/OrderType/TimeInForce members and their strings are interchangeable."""
    with exchange.client(account) as client:
        a = client.order_place(symbol="BTCUSDT", side=Side.BUY, type=OrderType.LIMIT, time_in_force=TimeInForce.GTC,
                               quantity=Decimal("0.01"), price=40000)
        b = client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", quantity=0.01,
                               price="40000.00")
    assert (a["side"], a["type"], a["timeInForce"]) == (b["side"], b["type"], b["timeInForce"]) == ("BUY", "LIMIT", "GTC")
    assert a["price"] == b["price"] == "40000.00000000"


def test_orders_get_a_client_order_id_when_none_is_given(exchange: LocalExchange, account: LocalAccount) -> None:
    """order_place fills new_client_order_id with the prefix and a unique part; a given one is kept."""
    with exchange.client(account, client_order_id_prefix="mybot-") as client:
        ids = [client.order_place(**LIMIT)["clientOrderId"] for _ in range(3)]
        mine = client.order_place(**LIMIT, new_client_order_id="exactly-this")["clientOrderId"]
    assert all(i.startswith("mybot-") and 7 <= len(i) <= 36 for i in ids) and len(set(ids)) == 3
    assert mine == "exactly-this"


def test_client_order_id_prefix_is_checked() -> None:
    """A prefix that could not fit Binance's 36 characters, or has odd characters, is refused."""
    with pytest.raises(InvalidRequest, match="at most 16"):
        Client(client_order_id_prefix="x" * 17)
    with pytest.raises(InvalidRequest, match="client_order_id_prefix"):
        Client(client_order_id_prefix="bad prefix")
