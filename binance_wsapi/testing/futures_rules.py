"""LocalExchange's futures method rules: what each futures API accepts, requires and charges.

The futures companion of `rules.py`, from the same kind of source: `futures_doc_table.py`,
which ``python -m binance_wsapi.testing._extract_futures`` writes from the derivatives docs as
printed, never the client's tables (`binance_wsapi.futures_methods`). What the tables cannot
say is added here with the docs' words (or FUTURES-NOTES' later facts) for it.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .futures_doc_table import CM_DOC_METHODS, UM_DOC_METHODS
from .rules import AUTH_PARAMS, MethodRule, ParamRule

__all__ = ["FUTURES_ROUTES", "FUTURES_RULES", "UM_RULES", "CM_RULES"]

_TYPES = {"STRING": "STRING", "ENUM": "ENUM", "DECIMAL": "DECIMAL", "INT": "INT", "LONG": "INT"}
_SIGNED = frozenset({"TRADE", "USER_DATA", "SIGNED"})

# The rules in the parameter descriptions: "Either orderId or origClientOrderId must be sent",
# "algoId or clientAlgoId must be sent"; priceMatch "Can't be passed together with price".
_GROUPS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "order.cancel": (("any", ("orderId", "origClientOrderId")),),
    "order.status": (("any", ("orderId", "origClientOrderId")),),
    "order.modify": (("any", ("orderId", "origClientOrderId")),),
    "algoOrder.cancel": (("any", ("algoId", "clientAlgoId")),),
    "order.place": (("most", ("price", "priceMatch")),),
    "algoOrder.place": (("most", ("price", "priceMatch")),),
}

# Parameters the exchange takes although the docs copy (May 2026) lacks them: `modifyId` on
# order.modify since 2026-07-28 (FUTURES-NOTES §9).
_ADDED: dict[str, tuple[ParamRule, ...]] = {"order.modify": (ParamRule("modifyId", "INT", False),)}


def _limit(params: Mapping[str, Any], default: int) -> int:
    try:
        return int(params.get("limit", default))
    except (TypeError, ValueError):
        return default


def _depth(params: Mapping[str, Any]) -> int:
    # | Limit 5, 10, 20, 50 | 2 | 100 | 5 | 500 | 10 | 1000 | 20 |; the default limit is 500.
    limit = _limit(params, 500)
    return 2 if limit <= 50 else 5 if limit <= 100 else 10 if limit <= 500 else 20


def _one_or_all(single: int, every: int) -> Callable[[Mapping[str, Any]], int]:
    # "2 for a single symbol; 5 when the symbol parameter is omitted" (and 1 / 2 for ticker.price).
    return lambda params: single if params.get("symbol") is not None else every


def _weight_rule(name: str, doc: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], int]:
    if doc["weight"] is not None:
        n = int(doc["weight"])
        return lambda params: n
    cases = dict(doc["weight_cases"])
    if name == "depth":
        assert cases["Limit: 500"] == 10, "the depth weights changed: read them again"
        return _depth
    # ticker.price and ticker.book: the two cases as printed.
    return _one_or_all(cases["for a single symbol"], cases["when the symbol parameter is omitted"])


def _orders(doc: Mapping[str, Any]) -> int:
    """The order-count charge: stated ("1 on 10s order rate limit"), or shown by the example's
    ORDERS entries (order.place states none, but its rateLimits count it)."""
    if doc["order_counts"]:
        return int(doc["order_counts"][0][0])
    return 1 if any(entry[0] == "ORDERS" for entry in doc["example_rate_limits"]) else 0


def _rule(name: str, doc: Mapping[str, Any]) -> MethodRule:
    params = [
        ParamRule(wire, _TYPES[doc_type], mandatory.upper() == "YES" and wire not in AUTH_PARAMS)
        for wire, doc_type, mandatory, _ in doc["params"]
    ]
    params += _ADDED.get(name, ())
    if doc["security"] in _SIGNED and not any(p.wire == "recvWindow" for p in params):
        params.append(ParamRule("recvWindow", "INT", False))
    return MethodRule(
        name=name,
        security=doc["security"],
        params=tuple(params),
        groups=_GROUPS.get(name, ()),
        orders=_orders(doc),
        free_on_success=False,
        weight_rule=_weight_rule(name, doc),
        # USER_STREAM methods take the API key, documented or not (UM ping and stop list "None"
        # while their examples send it), unless the session is logged on.
        ignored=frozenset({"apiKey"}) if doc["security"] == "USER_STREAM" else frozenset(),
    )


def _rest_only(name: str, params: str, weight: int) -> MethodRule:
    """A REST-only account setting (signed, USER_TRADE)."""
    rows = [ParamRule(p.rstrip("!"), "STRING", p.endswith("!")) for p in params.split()]
    return MethodRule(name=name, security="TRADE", params=(*rows, ParamRule("recvWindow", "INT", False)), groups=(),
                      orders=0, free_on_success=False, weight_rule=lambda params: weight)


# What a futures trader must set before trading and the WebSocket API cannot (FUTURES-NOTES §7.3,
# §7.6: "set over REST"). The derivatives docs copy holds the WebSocket pages only, so these
# are Binance's REST endpoints as its REST pages give them: "Change Initial Leverage"
# (symbol, leverage 1-125), "Change Margin Type" (symbol, marginType ISOLATED/CROSSED), "Change
# Position Mode" (dualSidePosition "true"/"false"), "Get Current Position Mode"; weight 1,
# except 30 for the last. Named "rest:" so that no WebSocket method can be called by them.
_REST_ONLY: dict[str, MethodRule] = {
    rule.name: rule
    for rule in (
        _rest_only("rest:leverage", "symbol! leverage!", 1),
        _rest_only("rest:marginType", "symbol! marginType!", 1),
        _rest_only("rest:positionSide.dual", "dualSidePosition!", 1),
        _rest_only("rest:positionSide.dual.get", "", 30),
    )
}
# "Query Algo Order" (UM REST, USER_DATA, weight 1): algoId or clientAlgoId.
_REST_ONLY["rest:algoOrder"] = MethodRule(
    name="rest:algoOrder", security="USER_DATA",
    params=(ParamRule("algoId", "INT", False), ParamRule("clientAlgoId", "STRING", False),
            ParamRule("recvWindow", "INT", False)),
    groups=(("any", ("algoId", "clientAlgoId")),), orders=0, free_on_success=False, weight_rule=lambda params: 1,
)

UM_RULES: dict[str, MethodRule] = {**{name: _rule(name, doc) for name, doc in UM_DOC_METHODS.items()}, **_REST_ONLY}
CM_RULES: dict[str, MethodRule] = {**{name: _rule(name, doc) for name, doc in CM_DOC_METHODS.items()}, **_REST_ONLY}


def _routes(prefix: str) -> dict[tuple[str, str], str]:
    """Each futures REST endpoint the exchange serves, and the method it stands for."""
    return {
        ("GET", f"{prefix}/order"): "order.status",
        ("POST", f"{prefix}/leverage"): "rest:leverage",
        ("POST", f"{prefix}/marginType"): "rest:marginType",
        ("POST", f"{prefix}/positionSide/dual"): "rest:positionSide.dual",
        ("GET", f"{prefix}/positionSide/dual"): "rest:positionSide.dual.get",
        ("GET", f"{prefix}/algoOrder"): "rest:algoOrder",
    }


#: Each futures market's REST routes (UM under /fapi/v1, CM under /dapi/v1).
FUTURES_ROUTES: dict[str, dict[tuple[str, str], str]] = {"usdm": _routes("/fapi/v1"), "coinm": _routes("/dapi/v1")}
#: Each futures market's rules by method.
FUTURES_RULES: dict[str, dict[str, MethodRule]] = {"usdm": UM_RULES, "coinm": CM_RULES}
