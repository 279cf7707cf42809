"""LocalExchange's method rules: what it accepts, requires and charges, read from the docs.

The oracle's own table, never the client's (`binance_wsapi.methods`): it starts from
`doc_table.py`, which ``python -m binance_wsapi.testing._extract`` writes from
web-socket-api.md as printed, and adds only what the tables cannot say, each with the docs'
words for it: the rules in the notes under a table (which parameters go together), the
weights that depend on the request, and the places where the docs contradict themselves.
`tests/test_doc_table.py` holds this table and the client's side by side.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional

from attrs import frozen

from .doc_table import DOC_METHODS, FREE_ON_SUCCESS, IGNORED_PARAMS
from .model import json_text_array

__all__ = ["RULES", "MethodRule", "ParamRule", "rule_for"]

#: The docs' type names, as the exchange checks them (LONG and INT alike: whole numbers).
_TYPES = {
    "STRING": "STRING",
    "ENUM": "ENUM",
    "DECIMAL": "DECIMAL",
    "INT": "INT",
    "LONG": "INT",
    "BOOLEAN": "BOOL",
    "ARRAY of STRING": "ARRAY",
}
#: Authentication parameters: listed by the docs' tables, checked by the exchange's logon and
#: signature code rather than as parameters (a logged-on session sends none of apiKey/signature).
AUTH_PARAMS = frozenset({"apiKey", "signature", "timestamp"})

# Where the docs contradict themselves, the reading the exchange follows.
_TYPE_FIXES: dict[tuple[str, str], str] = {
    # "trailingDelta | INT" in order.place and the Trailing Stop FAQ (basis points), but DECIMAL
    # in order.cancelReplace's table and in the pending legs of OTO / OTOCO / OPO / OPOCO.
    ("order.cancelReplace", "trailingDelta"): "INT",
    ("orderList.place.oto", "pendingTrailingDelta"): "INT",
    ("orderList.place.otoco", "pendingAboveTrailingDelta"): "INT",
    ("orderList.place.otoco", "pendingBelowTrailingDelta"): "INT",
    ("orderList.place.opo", "pendingTrailingDelta"): "INT",
    ("orderList.place.opoco", "pendingAboveTrailingDelta"): "INT",
    ("orderList.place.opoco", "pendingBelowTrailingDelta"): "INT",
    # An iceberg quantity is a quantity (DECIMAL in every other table), LONG only here.
    ("orderList.place.oco", "aboveIcebergQty"): "DECIMAL",
    ("orderList.place.oco", "belowIcebergQty"): "DECIMAL",
    # "Query for multiple symbols", typed STRING; the weight ("2 for each symbol") counts a list,
    # as every other `symbols` in the docs is one.
    ("executionRules", "symbols"): "ARRAY",
}

# The rules in the notes under the tables. Kinds: "one" (exactly one), "any" (at least
# one), "most" (at most one), "apart" (the first with none of the others), "needs" (the
# first only with all the others).
_GROUPS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    # "Only one of symbol, symbols, permissions parameters can be specified." symbolStatus:
    # "Cannot be used in combination with symbol or symbols".
    "exchangeInfo": (("most", ("symbol", "symbols", "permissions")), ("apart", ("symbolStatus", "symbol", "symbols"))),
    # "No combination of multiple parameters is allowed."
    "executionRules": (("most", ("symbol", "symbols", "symbolStatus")),),
    # "fromId cannot be used together with startTime and endTime."
    "trades.aggregate": (("apart", ("fromId", "startTime", "endTime")),),
    # "symbol and symbols cannot be used together."
    "ticker.24hr": (("most", ("symbol", "symbols")),),
    "ticker.price": (("most", ("symbol", "symbols")),),
    "ticker.book": (("most", ("symbol", "symbols")),),
    # "Either symbol or symbols must be specified." (and not both, as above)
    "ticker": (("one", ("symbol", "symbols")),),
    "ticker.tradingDay": (("one", ("symbol", "symbols")),),
    # "orderId or origClientOrderId must be sent" (a shared YES cell elsewhere): both may be
    # sent, the order is then looked up by orderId.
    "order.amend.keepPriority": (("any", ("orderId", "origClientOrderId")),),
    # "orderListId or origClientOrderId must be provided." (marked NO*)
    "orderList.status": (("any", ("origClientOrderId", "orderListId")),),
    # "Either stopPrice or trailingDelta, or both must be specified"
    "orderList.place": (("any", ("stopPrice", "trailingDelta")),),
    # "fromId cannot be used together with startTime and endTime." "startTime and endTime
    # cannot be used together with orderId."
    "myTrades": (("apart", ("fromId", "startTime", "endTime")), ("apart", ("orderId", "startTime", "endTime"))),
    # "These are the combinations supported: symbol + preventedMatchId, symbol + orderId,
    # symbol + orderId + fromPreventedMatchId (+ limit)"
    "myPreventedMatches": (
        ("one", ("preventedMatchId", "orderId")),
        ("needs", ("fromPreventedMatchId", "orderId")),
    ),
}


def _symbols(params: Mapping[str, Any]) -> Optional[int]:
    if params.get("symbol") is not None:
        return 1
    symbols = json_text_array(params.get("symbols"))
    return len(symbols) if isinstance(symbols, list) else None


def _depth(params: Mapping[str, Any]) -> int:
    # | 1–100 | 5 | 101–500 | 25 | 501–1000 | 50 | 1001–5000 | 250 |; the default limit is 100.
    limit = int(params.get("limit", 100))
    return 5 if limit <= 100 else 25 if limit <= 500 else 50 if limit <= 1000 else 250


def _execution_rules(params: Mapping[str, Any]) -> int:
    # symbol 2; symbols "2 for each symbol, capped at a max of 40"; symbolStatus 40; none 40.
    n = _symbols(params)
    return 40 if n is None else min(40, 2 * n)


def _ticker_24hr(params: Mapping[str, Any]) -> int:
    # | 1–20 | 2 | 21–100 | 40 | 101 or more | 80 | all symbols | 80 |
    n = _symbols(params)
    return 80 if n is None or n > 100 else 40 if n > 20 else 2


def _per_symbol(params: Mapping[str, Any]) -> int:
    # "4 for each requested symbol ... cap at 200 once the number of symbols ... is more than 50."
    n = _symbols(params) or 1
    return 200 if n > 50 else 4 * n


def _one_or_all(single: int, many: int) -> Callable[[Mapping[str, Any]], int]:
    def weight(params: Mapping[str, Any]) -> int:
        return single if params.get("symbol") is not None else many

    return weight


def _commission_rates(params: Mapping[str, Any]) -> int:
    # "Without computeCommissionRates | 1 | With computeCommissionRates | 20"
    return 20 if params.get("computeCommissionRates") in (True, "true") else 1


def _my_trades(params: Mapping[str, Any]) -> int:
    # "Without orderId | 20 | With orderId | 5"
    return 5 if params.get("orderId") is not None else 20


def _prevented_matches(params: Mapping[str, Any]) -> int:
    # "If symbol is invalid | 2 | Querying by preventedMatchId | 2 | Querying by orderId | 20"
    return 20 if params.get("orderId") is not None else 2


#: The weights that the docs give as a table or a sentence rather than a number.
_WEIGHTS: dict[str, Callable[[Mapping[str, Any]], int]] = {
    "depth": _depth,
    "executionRules": _execution_rules,
    "ticker.24hr": _ticker_24hr,
    "ticker": _per_symbol,
    "ticker.tradingDay": _per_symbol,
    "ticker.price": _one_or_all(2, 4),  # | symbol | 2 | symbols | 4 | none | 4 |
    "ticker.book": _one_or_all(2, 4),
    "openOrders.status": _one_or_all(6, 80),  # | symbol | 6 | none | 80 |
    "order.test": _commission_rates,
    "sor.order.test": _commission_rates,
    "myTrades": _my_trades,
    "myPreventedMatches": _prevented_matches,
}


#: "SIGNED (TRADE and USER_DATA) requests" and session.logon, labelled SIGNED.
_SIGNED = frozenset({"TRADE", "USER_DATA", "SIGNED"})


@frozen
class ParamRule:
    wire: str
    type: str
    required: bool


@frozen
class MethodRule:
    """One method as LocalExchange enforces it."""

    name: str
    security: str
    params: tuple[ParamRule, ...]
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    #: The unfilled-order-count charge of a successful call.
    orders: int
    #: A successful call costs no weight (CHANGELOG 2026-03-27).
    free_on_success: bool
    weight_rule: Callable[[Mapping[str, Any]], int]
    #: Accepted and not read (the CHANGELOG: trades.historical's apiKey "is now ignored").
    ignored: frozenset[str] = frozenset()

    @property
    def signed(self) -> bool:
        """Takes apiKey, timestamp, recvWindow and signature (a logged-on session may omit two)."""
        return self.security in _SIGNED or any(p.wire == "signature" for p in self.params)

    def weight(self, params: Mapping[str, Any]) -> int:
        return self.weight_rule(params)


def _constant(n: int) -> Callable[[Mapping[str, Any]], int]:
    return lambda params: n


def _param_rows(name: str) -> list[tuple[str, str, str, str]]:
    doc = DOC_METHODS[name]
    rows = list(doc["params"])
    base = doc["inherits"]  # "In addition to all parameters accepted by order.place, ..."
    if base is not None:
        known = {row[0] for row in rows}
        rows = [row for row in DOC_METHODS[base]["params"] if row[0] not in known] + rows
    return rows


def _rule(name: str) -> MethodRule:
    doc = DOC_METHODS[name]
    params = []
    for wire, doc_type, mandatory, _ in _param_rows(name):
        ptype = _TYPE_FIXES.get((name, wire), _TYPES[doc_type])
        # "YES" alone; "YES #n" is one cell for several rows (one of them), "YES *" a footnote.
        required = mandatory.upper() == "YES" and wire not in AUTH_PARAMS
        params.append(ParamRule(wire, ptype, required))
    groups = list(_GROUPS.get(name, ()))
    shared: dict[str, list[str]] = {}
    for wire, _, mandatory, _ in _param_rows(name):
        if mandatory.upper().startswith("YES #"):
            shared.setdefault(mandatory, []).append(wire)
    for names in shared.values():
        if not any(set(names) <= set(g[1]) for g in groups):
            groups.append(("any", tuple(names)))
    if doc["security"] in _SIGNED and not any(p.wire == "recvWindow" for p in params):
        # Timing security: "An additional optional parameter, recvWindow" for every SIGNED
        # request (account.commission's table leaves it out).
        params.append(ParamRule("recvWindow", "DECIMAL", False))
    weight = doc["weight"]
    if isinstance(weight, int):
        if name in _WEIGHTS:
            raise AssertionError(f"{name}'s weight is now a plain number in the docs")
        weight_rule = _constant(weight)
    else:
        weight_rule = _WEIGHTS[name]  # a KeyError here: the docs gave a new weight rule to read
    free = {entry.split()[0]: entry for entry in FREE_ON_SUCCESS}
    return MethodRule(
        name=name,
        security=doc["security"],
        params=tuple(params),
        groups=tuple(groups),
        orders=int(doc["unfilled_order_count"]),
        # order.amend.keepPriority: "the request weight only becomes 0 when the order expires
        # because of the amendment" (2026-04-02): charged like any other request here.
        free_on_success=name in free and "update" not in free[name],
        weight_rule=weight_rule,
        ignored=frozenset(IGNORED_PARAMS.get(name, ())),
    )


RULES: dict[str, MethodRule] = {name: _rule(name) for name in DOC_METHODS}


def rule_for(method: str) -> Optional[MethodRule]:
    return RULES.get(method)
