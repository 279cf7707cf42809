"""The method table: every Spot WebSocket API method as data, no I/O.

One row per wire method, from web-socket-api.md: its security type, how the client
authenticates it, its request weight, its unfilled-order-count charge, and whether it can
change state in the matching engine (which decides `ExecutionStatusUnknown`). The client,
the rate-limit governor and the tests all read this table; nothing else hard-codes a method.
"""

from __future__ import annotations

import enum
from typing import Any, Callable, Mapping, Optional, Union

from attrs import frozen

__all__ = ["Auth", "METHODS", "MethodSpec", "Security", "spec_for"]


class Security(str, enum.Enum):
    """The security type printed next to each method in the docs."""

    NONE = "NONE"
    TRADE = "TRADE"
    USER_DATA = "USER_DATA"
    USER_STREAM = "USER_STREAM"
    #: `session.logon` is labelled only "SIGNED".
    SIGNED = "SIGNED"


class Auth(str, enum.Enum):
    """What the client adds to a request's params before sending it."""

    #: Nothing.
    NONE = "NONE"
    #: `timestamp` and `recvWindow`; plus `apiKey` and `signature` unless the connection is
    #: logged on with `session.logon`.
    SIGNED = "SIGNED"
    #: `apiKey`, `timestamp`, `recvWindow` and `signature`, even on a logged-on connection:
    #: the signature itself is what the method is about (logon, signature subscriptions).
    ALWAYS_SIGNED = "ALWAYS_SIGNED"
    #: Nothing, but the method only works on a connection logged on with `session.logon`.
    SESSION = "SESSION"


Weight = Union[int, Callable[[Mapping[str, Any]], int]]


@frozen
class MethodSpec:
    """One WebSocket API method.

    `weight` is an int or a function of the request params. `free_on_success`: since
    2026-04-02 a successful call costs weight 0 (failures pay `weight`). `orders` is the
    unfilled-order-count charge. `state_changing`: the request can change orders or balances,
    so a lost answer leaves its outcome unknown.
    """

    name: str
    security: Security
    auth: Auth
    weight: Weight
    state_changing: bool = False
    free_on_success: bool = False
    orders: int = 0

    def weight_for(self, params: Mapping[str, Any]) -> int:
        """The request weight charged for a call with `params`."""
        return self.weight if isinstance(self.weight, int) else self.weight(params)


def _depth_weight(params: Mapping[str, Any]) -> int:
    limit = int(params.get("limit", 100))
    if limit <= 100:
        return 5
    if limit <= 500:
        return 25
    if limit <= 1000:
        return 50
    return 250


def _symbol_count(params: Mapping[str, Any]) -> Optional[int]:
    """1 for `symbol`, len for `symbols`, None when neither is given (all symbols)."""
    if params.get("symbol") is not None:
        return 1
    symbols = params.get("symbols")
    return len(symbols) if symbols is not None else None


def _execution_rules_weight(params: Mapping[str, Any]) -> int:
    n = _symbol_count(params)
    return 40 if n is None else min(40, 2 * n)


def _ticker_24hr_weight(params: Mapping[str, Any]) -> int:
    n = _symbol_count(params)
    if n is None or n > 100:
        return 80
    return 2 if n <= 20 else 40


def _per_symbol_weight(params: Mapping[str, Any]) -> int:
    """`ticker` and `ticker.tradingDay`: 4 per symbol, capped at 200 beyond 50 symbols."""
    n = _symbol_count(params) or 1
    return 200 if n > 50 else 4 * n


def _ticker_price_weight(params: Mapping[str, Any]) -> int:
    return 2 if params.get("symbol") is not None else 4


def _test_order_weight(params: Mapping[str, Any]) -> int:
    return 20 if params.get("computeCommissionRates") in (True, "true") else 1


def _open_orders_weight(params: Mapping[str, Any]) -> int:
    return 6 if params.get("symbol") is not None else 80


def _my_trades_weight(params: Mapping[str, Any]) -> int:
    return 5 if params.get("orderId") is not None else 20


def _prevented_matches_weight(params: Mapping[str, Any]) -> int:
    return 20 if params.get("orderId") is not None else 2


_N, _T, _U, _S = Security.NONE, Security.TRADE, Security.USER_DATA, Security.USER_STREAM


def _public(name: str, weight: Weight) -> MethodSpec:
    return MethodSpec(name, _N, Auth.NONE, weight)


def _trade(name: str, weight: Weight = 1, *, orders: int = 0, free: bool = True) -> MethodSpec:
    return MethodSpec(name, _T, Auth.SIGNED, weight, state_changing=True, free_on_success=free, orders=orders)


def _user_data(name: str, weight: Weight) -> MethodSpec:
    return MethodSpec(name, _U, Auth.SIGNED, weight)


_TABLE = (
    # General and market data (NONE).
    _public("ping", 1),
    _public("time", 1),
    _public("exchangeInfo", 20),
    _public("executionRules", _execution_rules_weight),
    _public("depth", _depth_weight),
    _public("trades.recent", 25),
    _public("trades.historical", 25),
    _public("blockTrades.historical", 25),
    _public("trades.aggregate", 4),
    _public("klines", 2),
    _public("uiKlines", 2),
    _public("avgPrice", 2),
    _public("ticker.24hr", _ticker_24hr_weight),
    _public("ticker.tradingDay", _per_symbol_weight),
    _public("ticker", _per_symbol_weight),
    _public("ticker.price", _ticker_price_weight),
    _public("ticker.book", _ticker_price_weight),
    _public("referencePrice", 2),
    _public("referencePrice.calculation", 2),
    # Session.
    MethodSpec("session.logon", Security.SIGNED, Auth.ALWAYS_SIGNED, 2),
    _public("session.status", 2),
    _public("session.logout", 2),
    # Trading (TRADE). The two test methods never reach the matching engine.
    _trade("order.place", orders=1),
    MethodSpec("order.test", _T, Auth.SIGNED, _test_order_weight),
    _trade("order.cancel"),
    _trade("order.cancelReplace", orders=1),
    # Weight 0 only when the amendment makes the order expire; treat it as always paid.
    _trade("order.amend.keepPriority", 4, free=False),
    _trade("openOrders.cancelAll"),
    _trade("orderList.place", orders=1),
    _trade("orderList.place.oco", orders=2),
    _trade("orderList.place.oto", orders=2),
    _trade("orderList.place.otoco", orders=3),
    _trade("orderList.place.opo", orders=2),
    _trade("orderList.place.opoco", orders=3),
    _trade("orderList.cancel"),
    _trade("sor.order.place", orders=1),
    MethodSpec("sor.order.test", _T, Auth.SIGNED, _test_order_weight),
    # Account (USER_DATA).
    _user_data("account.status", 20),
    _user_data("order.status", 4),
    _user_data("openOrders.status", _open_orders_weight),
    _user_data("allOrders", 20),
    _user_data("orderList.status", 4),
    _user_data("openOrderLists.status", 6),
    _user_data("allOrderLists", 20),
    _user_data("myTrades", _my_trades_weight),
    _user_data("account.rateLimits.orders", 40),
    _user_data("myPreventedMatches", _prevented_matches_weight),
    _user_data("myAllocations", 20),
    _user_data("account.commission", 20),
    _user_data("order.amendments", 4),
    _user_data("myFilters", 40),
    # User Data Stream.
    MethodSpec("userDataStream.subscribe", _S, Auth.SESSION, 2),
    _public("userDataStream.unsubscribe", 2),
    _public("session.subscriptions", 2),
    MethodSpec("userDataStream.subscribe.signature", _S, Auth.ALWAYS_SIGNED, 2),
)

#: Every current method by wire name, in the docs' order.
METHODS: Mapping[str, MethodSpec] = {spec.name: spec for spec in _TABLE}

#: Methods Binance removed (listenKey management, gone since 2026-02-20).
REMOVED_METHODS = frozenset({"userDataStream.start", "userDataStream.ping", "userDataStream.stop"})


def spec_for(method: str) -> Optional[MethodSpec]:
    """The spec for a wire method name, accepting the optional ``v3/`` version prefix."""
    if method.startswith("v3/"):
        method = method[3:]
    return METHODS.get(method)
