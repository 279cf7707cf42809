"""The method table: every Spot WebSocket API method as data, no I/O.

One row per wire method, from web-socket-api.md: its title, security type, how the client
authenticates it, its request weight, its unfilled-order-count charge, whether it can change
state in the matching engine (which decides `ExecutionStatusUnknown`), its parameters and
their "exactly one of" groups. The named methods (generated into `api.py`), the client-side
checks (`validation.py`) and the tests all read this table; nothing else hard-codes a method.

Parameters are written compactly: ``"symbol:STRING! limit:INT"``, where ``!`` marks a
required parameter and ``=key`` names the value set of an ENUM (see `enums.ENUM_VALUES`)
when the wire name alone does not. `apiKey`, `signature` and `timestamp` are the client's
and never appear here.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Callable, Mapping, Optional, Union

from attrs import field, frozen

from .enums import ENUM_VALUES

__all__ = [
    "Auth",
    "Group",
    "METHODS",
    "MethodSpec",
    "Param",
    "ParamType",
    "REMOVED_METHODS",
    "Security",
    "params_from",
    "python_name",
    "spec_for",
]


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
    #: `apiKey` (no timestamp, no signature), left out on a connection logged on with
    #: `session.logon`: the futures listenKey methods (USER_STREAM).
    API_KEY = "API_KEY"


class ParamType(str, enum.Enum):
    """Parameter types, as the docs' tables name them (INT covers INT and LONG)."""

    STRING = "STRING"
    INT = "INT"
    DECIMAL = "DECIMAL"
    ENUM = "ENUM"
    BOOL = "BOOL"
    ARRAY = "ARRAY"


def python_name(wire: str) -> str:
    """The mechanical snake_case name: ``timeInForce`` -> ``time_in_force``, dots to underscores,
    a version prefix to a suffix (``v2/account.position`` -> ``account_position_v2``)."""
    version, _, rest = wire.rpartition("/")
    name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", rest).replace(".", "_").lower()
    return f"{name}_{version}" if version else name


@frozen
class Param:
    """One parameter: its wire name, type, whether it is required, and its value set if known."""

    wire: str
    type: ParamType
    required: bool = False
    choices: Optional[tuple[str, ...]] = None
    #: The Python keyword argument name.
    name: str = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "name", python_name(self.wire))


@frozen
class Group:
    """A rule over several parameters.

    `kind` is "one" (exactly one of them), "any" (at least one; several allowed, as for an
    order looked up by id and checked against its client id), "most" (at most one), "apart"
    (the first cannot be combined with any of the others) or "needs" (the first needs all
    the others).
    """

    kind: str
    names: tuple[str, ...]


Weight = Union[int, Callable[[Mapping[str, Any]], int]]


@frozen
class MethodSpec:
    """One WebSocket API method.

    `weight` is an int or a function of the request params (whose docstring states the rule).
    `free_on_success`: since 2026-04-02 a successful call costs weight 0 (failures pay
    `weight`). `orders` is the unfilled-order-count charge. `state_changing`: the request can
    change orders or balances, so a lost answer leaves its outcome unknown. `checks` names the
    conditional rules in `validation.py` (e.g. what each order type requires).
    `client_order_id` is the parameter the client fills with a fresh id when the caller gives
    none, so that every order can be looked up if its outcome is unknown.
    """

    name: str
    title: str
    security: Security
    auth: Auth
    weight: Weight
    state_changing: bool = False
    free_on_success: bool = False
    orders: int = 0
    params: tuple[Param, ...] = ()
    groups: tuple[Group, ...] = ()
    checks: tuple[str, ...] = ()
    client_order_id: Optional[str] = None
    by_wire: Mapping[str, Param] = field(init=False, repr=False, eq=False)
    #: The named method: ``order.place`` -> ``order_place``.
    python_name: str = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "by_wire", {p.wire: p for p in self.params})
        object.__setattr__(self, "python_name", python_name(self.name))

    def weight_for(self, params: Mapping[str, Any]) -> int:
        """The request weight charged for a call with `params`."""
        return self.weight if isinstance(self.weight, int) else self.weight(params)


def _choices(wire: str, key: Optional[str], enums: Mapping[str, tuple[str, ...]]) -> Optional[tuple[str, ...]]:
    if key is not None:
        return enums[key]
    words = re.findall(r"[A-Z]?[a-z0-9]+", wire)
    for start in range(len(words)):  # the longest known suffix: pendingPegPriceType -> pegPriceType
        suffix = "".join(words[start:])
        suffix = suffix[0].lower() + suffix[1:]
        if suffix in enums:
            return enums[suffix]
    return None


def params_from(text: str, enums: Mapping[str, tuple[str, ...]] = ENUM_VALUES) -> tuple[Param, ...]:
    """Parameters from the compact form (see the module docstring), ENUM value sets from `enums`."""
    params = []
    for token in text.split():
        wire, _, kind = token.partition(":")
        kind, _, key = kind.partition("=")
        required = kind.endswith("!")
        ptype = ParamType(kind.rstrip("!"))
        choices = _choices(wire, key or None, enums) if ptype is ParamType.ENUM else None
        params.append(Param(wire, ptype, required, choices))
    return tuple(params)


_p = params_from


def _leg(prefix: str, *, stop: bool = True, price: bool = True) -> str:
    """The per-order fields of an order list leg, e.g. ``abovePrice`` ... ``abovePegOffsetValue``."""
    fields = ["ClientOrderId:STRING"] + (["Price:DECIMAL"] if price else [])
    if stop:
        fields += ["StopPrice:DECIMAL", "TrailingDelta:INT"]
    fields += [
        "IcebergQty:DECIMAL",
        "TimeInForce:ENUM",
        "StrategyId:INT",
        "StrategyType:INT",
        "PegPriceType:ENUM",
        "PegOffsetType:ENUM",
        "PegOffsetValue:INT",
    ]
    return " ".join(prefix + f for f in fields)


def _depth_weight(params: Mapping[str, Any]) -> int:
    """5 for limit 1-100 (the default), 25 up to 500, 50 up to 1000, 250 up to 5000."""
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
    """2 per symbol, 40 at most; 40 for symbolStatus or all symbols."""
    n = _symbol_count(params)
    return 40 if n is None else min(40, 2 * n)


def _ticker_24hr_weight(params: Mapping[str, Any]) -> int:
    """2 for 1-20 symbols, 40 for 21-100, 80 for more or all."""
    n = _symbol_count(params)
    if n is None or n > 100:
        return 80
    return 2 if n <= 20 else 40


def _per_symbol_weight(params: Mapping[str, Any]) -> int:
    """`ticker` and `ticker.tradingDay`: 4 per symbol, capped at 200 beyond 50 symbols."""
    n = _symbol_count(params) or 1
    return 200 if n > 50 else 4 * n


def _ticker_price_weight(params: Mapping[str, Any]) -> int:
    """2 for one symbol, 4 for several or all."""
    return 2 if params.get("symbol") is not None else 4


def _test_order_weight(params: Mapping[str, Any]) -> int:
    """1; 20 with computeCommissionRates."""
    return 20 if params.get("computeCommissionRates") in (True, "true") else 1


def _open_orders_weight(params: Mapping[str, Any]) -> int:
    """6 for one symbol, 80 for all."""
    return 6 if params.get("symbol") is not None else 80


def _my_trades_weight(params: Mapping[str, Any]) -> int:
    """20; 5 with orderId."""
    return 5 if params.get("orderId") is not None else 20


def _prevented_matches_weight(params: Mapping[str, Any]) -> int:
    """2 by preventedMatchId, 20 by orderId."""
    return 20 if params.get("orderId") is not None else 2


_N, _T, _U, _S = Security.NONE, Security.TRADE, Security.USER_DATA, Security.USER_STREAM
_RW = " recvWindow:DECIMAL"


def _one(*names: str) -> Group:
    return Group("one", names)


def _any(*names: str) -> Group:
    return Group("any", names)


def _most(*names: str) -> Group:
    return Group("most", names)


def _apart(first: str, *others: str) -> Group:
    return Group("apart", (first, *others))


def _public(name: str, title: str, weight: Weight, params: str = "", *groups: Group) -> MethodSpec:
    return MethodSpec(name, title, _N, Auth.NONE, weight, params=_p(params), groups=groups)


def _user_data(name: str, title: str, weight: Weight, params: str = "", *groups: Group) -> MethodSpec:
    return MethodSpec(name, title, _U, Auth.SIGNED, weight, params=_p(params + _RW), groups=groups)


def _trade(
    name: str,
    title: str,
    params: str,
    *groups: Group,
    weight: Weight = 1,
    orders: int = 0,
    free: bool = True,
    checks: tuple[str, ...] = (),
    client_order_id: Optional[str] = None,
) -> MethodSpec:
    return MethodSpec(
        name,
        title,
        _T,
        Auth.SIGNED,
        weight,
        state_changing=True,
        free_on_success=free,
        orders=orders,
        params=_p(params + _RW),
        groups=groups,
        checks=checks,
        client_order_id=client_order_id,
    )


_NEW_ORDER = (
    "symbol:STRING! side:ENUM! type:ENUM! timeInForce:ENUM price:DECIMAL quantity:DECIMAL quoteOrderQty:DECIMAL "
    "newClientOrderId:STRING newOrderRespType:ENUM stopPrice:DECIMAL trailingDelta:INT icebergQty:DECIMAL "
    "strategyId:INT strategyType:INT selfTradePreventionMode:ENUM pegPriceType:ENUM pegOffsetValue:INT "
    "pegOffsetType:ENUM"
)
_SOR_ORDER = (
    "symbol:STRING! side:ENUM! type:ENUM! timeInForce:ENUM price:DECIMAL quantity:DECIMAL! "
    "newClientOrderId:STRING newOrderRespType:ENUM icebergQty:DECIMAL strategyId:INT strategyType:INT "
    "selfTradePreventionMode:ENUM"
)
_LIST_HEAD = "symbol:STRING! listClientOrderId:STRING newOrderRespType:ENUM selfTradePreventionMode:ENUM"
_WORKING = (
    "workingType:ENUM! workingSide:ENUM! workingPrice:DECIMAL! workingQuantity:DECIMAL! "
    + _leg("working", stop=False, price=False)
)
_CANCEL_IDS = "orderId:INT origClientOrderId:STRING"

_TABLE = (
    # General and market data (NONE).
    _public("ping", "Test connectivity", 1),
    _public("time", "Check server time", 1),
    _public(
        "exchangeInfo",
        "Exchange information",
        20,
        "symbol:STRING symbols:ARRAY permissions:ARRAY showPermissionSets:BOOL symbolStatus:ENUM",
        _most("symbol", "symbols", "permissions"),
        _apart("symbolStatus", "symbol", "symbols"),
    ),
    _public(
        "executionRules",
        "Query execution rules",
        _execution_rules_weight,
        "symbol:STRING symbols:ARRAY symbolStatus:ENUM",
        _most("symbol", "symbols", "symbolStatus"),
    ),
    _public("depth", "Order book", _depth_weight, "symbol:STRING! limit:INT symbolStatus:ENUM"),
    _public("trades.recent", "Recent trades", 25, "symbol:STRING! limit:INT"),
    _public("trades.historical", "Historical trades", 25, "symbol:STRING! fromId:INT limit:INT"),
    _public("blockTrades.historical", "Historical block trades", 25, "symbol:STRING! fromId:INT! limit:INT"),
    _public(
        "trades.aggregate",
        "Aggregate trades",
        4,
        "symbol:STRING! fromId:INT startTime:INT endTime:INT limit:INT",
        _apart("fromId", "startTime", "endTime"),
    ),
    _public(
        "klines", "Klines", 2, "symbol:STRING! interval:ENUM! startTime:INT endTime:INT timeZone:STRING limit:INT"
    ),
    _public(
        "uiKlines", "UI klines", 2, "symbol:STRING! interval:ENUM! startTime:INT endTime:INT timeZone:STRING limit:INT"
    ),
    _public("avgPrice", "Current average price", 2, "symbol:STRING!"),
    _public(
        "ticker.24hr",
        "24hr ticker price change statistics",
        _ticker_24hr_weight,
        "symbol:STRING symbols:ARRAY type:ENUM=tickerType symbolStatus:ENUM",
        _most("symbol", "symbols"),
    ),
    _public(
        "ticker.tradingDay",
        "Trading day ticker",
        _per_symbol_weight,
        "symbol:STRING symbols:ARRAY timeZone:STRING type:ENUM=tickerType symbolStatus:ENUM",
        _one("symbol", "symbols"),
    ),
    _public(
        "ticker",
        "Rolling window price change statistics",
        _per_symbol_weight,
        "symbol:STRING symbols:ARRAY type:ENUM=tickerType windowSize:ENUM symbolStatus:ENUM",
        _one("symbol", "symbols"),
    ),
    _public(
        "ticker.price",
        "Symbol price ticker",
        _ticker_price_weight,
        "symbol:STRING symbols:ARRAY symbolStatus:ENUM",
        _most("symbol", "symbols"),
    ),
    _public(
        "ticker.book",
        "Symbol order book ticker",
        _ticker_price_weight,
        "symbol:STRING symbols:ARRAY symbolStatus:ENUM",
        _most("symbol", "symbols"),
    ),
    _public("referencePrice", "Query reference price", 2, "symbol:STRING!"),
    _public("referencePrice.calculation", "Query reference price calculation", 2, "symbol:STRING! symbolStatus:ENUM"),
    # Session.
    MethodSpec(
        "session.logon", "Log in with API key", Security.SIGNED, Auth.ALWAYS_SIGNED, 2, params=_p(_RW.strip())
    ),
    _public("session.status", "Query session status", 2),
    _public("session.logout", "Log out of the session", 2),
    # Trading (TRADE). The two test methods never reach the matching engine.
    _trade(
        "order.place",
        "Place new order",
        _NEW_ORDER,
        orders=1,
        checks=("new_order",),
        client_order_id="newClientOrderId",
    ),
    MethodSpec(
        "order.test",
        "Test new order",
        _T,
        Auth.SIGNED,
        _test_order_weight,
        params=_p(_NEW_ORDER + " computeCommissionRates:BOOL" + _RW),
        checks=("new_order",),
    ),
    _trade(
        "order.cancel",
        "Cancel order",
        f"symbol:STRING! {_CANCEL_IDS} newClientOrderId:STRING cancelRestrictions:ENUM",
        _any("orderId", "origClientOrderId"),
        # The canceled order takes this id: generated, so a lost answer can be resolved.
        client_order_id="newClientOrderId",
    ),
    _trade(
        "order.cancelReplace",
        "Cancel and replace order",
        "symbol:STRING! cancelReplaceMode:ENUM! cancelOrderId:INT cancelOrigClientOrderId:STRING "
        "cancelNewClientOrderId:STRING" + _NEW_ORDER.replace("symbol:STRING!", "")
        + " cancelRestrictions:ENUM orderRateLimitExceededMode:ENUM",
        _any("cancelOrderId", "cancelOrigClientOrderId"),
        orders=1,
        checks=("new_order",),
        client_order_id="newClientOrderId",
    ),
    # Weight 0 only when the amendment makes the order expire; treat it as always paid.
    _trade(
        "order.amend.keepPriority",
        "Order amend keep priority",
        f"symbol:STRING! {_CANCEL_IDS} newClientOrderId:STRING newQty:DECIMAL!",
        _any("orderId", "origClientOrderId"),
        weight=4,
        free=False,
        client_order_id="newClientOrderId",
    ),
    _trade("openOrders.cancelAll", "Cancel open orders", "symbol:STRING!"),
    _trade(
        "orderList.place",
        "Place new OCO (deprecated)",
        "symbol:STRING! side:ENUM! price:DECIMAL! quantity:DECIMAL! listClientOrderId:STRING "
        "limitClientOrderId:STRING limitIcebergQty:DECIMAL limitStrategyId:INT limitStrategyType:INT "
        "stopPrice:DECIMAL trailingDelta:INT stopClientOrderId:STRING stopLimitPrice:DECIMAL "
        "stopLimitTimeInForce:ENUM stopIcebergQty:DECIMAL stopStrategyId:INT stopStrategyType:INT "
        "newOrderRespType:ENUM selfTradePreventionMode:ENUM",
        _any("stopPrice", "trailingDelta"),
        orders=1,
        checks=("oco_legacy",),
        client_order_id="listClientOrderId",
    ),
    _trade(
        "orderList.place.oco",
        "Place new order list - OCO",
        "symbol:STRING! listClientOrderId:STRING side:ENUM! quantity:DECIMAL! aboveType:ENUM! "
        f"{_leg('above')} belowType:ENUM! {_leg('below')} newOrderRespType:ENUM selfTradePreventionMode:ENUM",
        orders=2,
        checks=("order_list",),
        client_order_id="listClientOrderId",
    ),
    _trade(
        "orderList.place.oto",
        "Place new order list - OTO",
        f"{_LIST_HEAD} {_WORKING} pendingType:ENUM! pendingSide:ENUM! pendingQuantity:DECIMAL! {_leg('pending')}",
        orders=2,
        checks=("order_list",),
        client_order_id="listClientOrderId",
    ),
    _trade(
        "orderList.place.otoco",
        "Place new order list - OTOCO",
        f"{_LIST_HEAD} {_WORKING} pendingSide:ENUM! pendingQuantity:DECIMAL! pendingAboveType:ENUM! "
        f"{_leg('pendingAbove')} pendingBelowType:ENUM {_leg('pendingBelow')}",
        orders=3,
        checks=("order_list",),
        client_order_id="listClientOrderId",
    ),
    _trade(
        "orderList.place.opo",
        "Place new order list - OPO",
        f"{_LIST_HEAD} {_WORKING} pendingType:ENUM! pendingSide:ENUM! {_leg('pending')}",
        orders=2,
        checks=("order_list",),
        client_order_id="listClientOrderId",
    ),
    _trade(
        "orderList.place.opoco",
        "Place new order list - OPOCO",
        f"{_LIST_HEAD} {_WORKING} pendingSide:ENUM! pendingAboveType:ENUM! {_leg('pendingAbove')} "
        f"pendingBelowType:ENUM {_leg('pendingBelow')}",
        orders=3,
        checks=("order_list",),
        client_order_id="listClientOrderId",
    ),
    _trade(
        "orderList.cancel",
        "Cancel order list",
        "symbol:STRING! orderListId:INT listClientOrderId:STRING newClientOrderId:STRING",
        _any("orderListId", "listClientOrderId"),
        client_order_id="newClientOrderId",
    ),
    _trade(
        "sor.order.place",
        "Place new order using SOR",
        _SOR_ORDER,
        orders=1,
        checks=("sor_order",),
        client_order_id="newClientOrderId",
    ),
    MethodSpec(
        "sor.order.test",
        "Test new order using SOR",
        _T,
        Auth.SIGNED,
        _test_order_weight,
        params=_p(_SOR_ORDER + " computeCommissionRates:BOOL" + _RW),
        checks=("sor_order",),
    ),
    # Account (USER_DATA).
    _user_data("account.status", "Account information", 20, "omitZeroBalances:BOOL"),
    _user_data("order.status", "Query order", 4, f"symbol:STRING! {_CANCEL_IDS}", _any("orderId", "origClientOrderId")),
    _user_data("openOrders.status", "Current open orders", _open_orders_weight, "symbol:STRING"),
    _user_data(
        "allOrders", "Account order history", 20, "symbol:STRING! orderId:INT startTime:INT endTime:INT limit:INT"
    ),
    _user_data(
        "orderList.status",
        "Query order list",
        4,
        "origClientOrderId:STRING orderListId:INT",
        _any("origClientOrderId", "orderListId"),
    ),
    _user_data("openOrderLists.status", "Current open order lists", 6),
    _user_data(
        "allOrderLists", "Account order list history", 20, "fromId:INT startTime:INT endTime:INT limit:INT"
    ),
    _user_data(
        "myTrades",
        "Account trade history",
        _my_trades_weight,
        "symbol:STRING! orderId:INT startTime:INT endTime:INT fromId:INT limit:INT",
        _apart("fromId", "startTime", "endTime"),
        _apart("orderId", "startTime", "endTime"),
    ),
    _user_data("account.rateLimits.orders", "Unfilled order count", 40),
    _user_data(
        "myPreventedMatches",
        "Account prevented matches",
        _prevented_matches_weight,
        "symbol:STRING! preventedMatchId:INT orderId:INT fromPreventedMatchId:INT limit:INT",
        _one("preventedMatchId", "orderId"),
        Group("needs", ("fromPreventedMatchId", "orderId")),
    ),
    _user_data(
        "myAllocations",
        "Account allocations",
        20,
        "symbol:STRING! startTime:INT endTime:INT fromAllocationId:INT limit:INT orderId:INT",
    ),
    _user_data("account.commission", "Account commission rates", 20, "symbol:STRING!"),
    _user_data(
        "order.amendments", "Query order amendments", 4, "symbol:STRING! orderId:INT! fromExecutionId:INT limit:INT"
    ),
    _user_data("myFilters", "Query relevant filters", 40, "symbol:STRING!"),
    # User Data Stream.
    MethodSpec("userDataStream.subscribe", "Subscribe to the user data stream", _S, Auth.SESSION, 2),
    _public("userDataStream.unsubscribe", "Unsubscribe from the user data stream", 2, "subscriptionId:INT"),
    _public("session.subscriptions", "List all subscriptions", 2),
    MethodSpec(
        "userDataStream.subscribe.signature",
        "Subscribe to the user data stream by signature",
        _S,
        Auth.ALWAYS_SIGNED,
        2,
        params=_p(_RW.strip()),
    ),
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
