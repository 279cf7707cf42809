"""client.symbol(): a symbol's filters as values, Decimal rounding, and a check that agrees with the exchange."""

from __future__ import annotations

import itertools
from decimal import ROUND_UP, Decimal

import pytest

from binance_wsapi import APIError, Client, InvalidRequest
from binance_wsapi.testing import LocalExchange


def test_the_filters_are_attributes(client: Client) -> None:
    """tick_size, step_size, min_qty, min_notional... come from exchangeInfo, as Decimals."""
    info = client.symbol("BTCUSDT")
    assert (info.tick_size, info.step_size, info.min_notional) == (Decimal("0.01"), Decimal("0.00001"), Decimal("5"))
    assert info.base_asset == "BTC" and info.quote_asset == "USDT" and "LIMIT" in info.order_types
    assert client.symbol("BTCUSDT") is info  # fetched once
    assert client.symbol("BTCUSDT", refresh=True) == info


def test_rounding_is_decimal_and_on_the_grid(client: Client) -> None:
    """0.1 + 0.2 rounds to 0.3 on the step grid; prices round down unless asked otherwise."""
    info = client.symbol("BTCUSDT")
    assert info.round_qty(0.1 + 0.2) == Decimal("0.3")  # not 0.30000000000000004
    assert info.round_price("50000.009") == Decimal("50000.00")
    assert info.round_price("50000.001", ROUND_UP) == Decimal("50000.01")
    with pytest.raises(InvalidRequest, match="finite"):
        info.round_qty(float("nan"))


PRICES = ["49999.99", "50000.005", "0.001", "2000000"]
QUANTITIES = ["0.001", "0.0000123", "0.000001", "0.00005", "100000"]


@pytest.mark.parametrize("price, quantity", list(itertools.product(PRICES, QUANTITIES)))
def test_check_agrees_with_the_exchange(client: Client, price: str, quantity: str) -> None:
    """check() finds no problem exactly when the exchange's order.test accepts; else it names the filter refused."""
    problems = client.symbol("BTCUSDT").check(side="BUY", type="LIMIT", price=price, quantity=quantity)
    try:
        client.order_test(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price=price,
                          quantity=quantity)
    except APIError as refused:
        assert refused.code == -1013, refused
        assert refused.msg.split(": ")[-1] in [p.filter for p in problems], (refused.msg, problems)
    else:
        assert problems == []


def test_the_nearest_values_pass(client: Client) -> None:
    """Each problem's nearest value passes the filter it names."""
    info = client.symbol("BTCUSDT")
    for price, quantity in itertools.product(PRICES, QUANTITIES):
        for problem in info.check(side="SELL", type="LIMIT", price=price, quantity=quantity):
            if problem.nearest is None:
                continue
            fixed = {"price": price, "quantity": quantity, problem.field: problem.nearest}
            again = info.check(side="SELL", type="LIMIT", price=fixed["price"], quantity=fixed["quantity"])
            assert problem.filter not in [p.filter for p in again if p.field == problem.field], (problem, again)


def test_check_filters_refuses_before_sending(exchange: LocalExchange) -> None:
    """Client(check_filters=True) refuses an order a filter would refuse, unsent, naming the filter and a fix."""
    account = exchange.create_account({"USDT": "10000"})
    with exchange.client(account, check_filters=True, timeout=5) as client:
        with pytest.raises(InvalidRequest) as refused:
            client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="30000",
                               quantity=str(0.1 + 0.2))
        assert "LOT_SIZE" in str(refused.value) and "nearest valid quantity: 0.3000" in str(refused.value)
        assert exchange.request_count("order.place") == 0
        placed = client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="30000",
                                    quantity="0.3")
        assert placed["status"] == "NEW"
