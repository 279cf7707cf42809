"""The exchange's futures rules (read from the derivatives docs) and the client's futures tables, side by side.

LocalExchange's futures rules (`binance_wsapi.testing.futures_rules`) come from the docs by a
route of their own (`_extract_futures` writes `futures_doc_table.py`); the client's
(`binance_wsapi.futures_methods`) were written by hand. Wherever they disagree, one misread the
docs, unless the difference is listed here with its reason.
"""

from __future__ import annotations

import pytest

from binance_wsapi.futures_methods import CM_METHODS, UM_METHODS
from binance_wsapi.methods import MethodSpec
from binance_wsapi.testing.futures_rules import FUTURES_RULES
from binance_wsapi.testing.rules import AUTH_PARAMS, MethodRule

CLIENT = {"usdm": UM_METHODS, "coinm": CM_METHODS}
CASES = [(market, method) for market, table in CLIENT.items() for method in table]

_LEGACY = {"stopPrice", "closePosition", "activationPrice", "callbackRate", "workingType", "priceProtect"}
# Parameters the exchange takes that the client's table leaves out, and why.
EXCHANGE_ONLY: dict[tuple[str, str], set[str]] = {
    # UM order.place's conditional parameters moved to algoOrder.place on 2025-12-09: the client does not offer
    # them; the exchange still reads them (and refuses conditional types with -4120).
    ("usdm", "order.place"): _LEGACY,
}
# Parameters whose required flag differs, and why: order.modify's price is one of price / priceMatch for the
# client (FUTURES-NOTES §8 #11); the exchange keeps the docs' mandatory flag and lets priceMatch through the group.
REQUIRED_DIFFERS: dict[tuple[str, str], set[str]] = {
    ("usdm", "order.modify"): {"price"},
    ("coinm", "order.modify"): {"price"},
}
_WEIGHT_SAMPLES = ({}, {"symbol": "BTCUSDT"}, {"limit": 5}, {"limit": 100}, {"limit": 1000})


def test_both_sides_have_the_same_methods() -> None:
    """Every documented futures method is in the client's table, and nothing else (REST-only settings aside)."""
    for market, table in CLIENT.items():
        documented = {name for name in FUTURES_RULES[market] if not name.startswith("rest:")}
        assert documented == set(table)


@pytest.mark.parametrize(("market", "method"), CASES)
def test_parameters_security_and_charges_agree(market: str, method: str) -> None:
    """Security, order-count charge, weights over sample requests, and every parameter's type and required flag."""
    rule: MethodRule = FUTURES_RULES[market][method]
    spec: MethodSpec = CLIENT[market][method]
    assert rule.security == spec.security.value
    assert rule.orders == spec.orders
    for sample in _WEIGHT_SAMPLES:
        assert rule.weight(sample) == spec.weight_for(sample), sample
    documented = {p.wire: p for p in rule.params if p.wire not in AUTH_PARAMS}
    extra = EXCHANGE_ONLY.get((market, method), set())
    assert set(documented) - extra == set(spec.by_wire)
    relaxed = REQUIRED_DIFFERS.get((market, method), set())
    for wire, param in spec.by_wire.items():
        assert documented[wire].type == param.type.value, wire
        assert documented[wire].required == (param.required or wire in relaxed), wire
