"""LocalExchange's 55 methods: request validation, then each method's answer from engine state.

Parameter names, types, requiredness and combination rules come from the exchange's own
method table (`rules.py`, read from the docs' tables); everything else (type parsing, codes, messages, behaviour) is
the server's own, from web-socket-api.md and errors.md.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional

from attrs import frozen

from . import market
from .engine import Engine
from .model import ZERO, Account, JsonNumber, SymbolSpec, WireError, bad_param, fmt, int_param, invalid_value, json_text_array
from .rules import RULES, MethodRule

if TYPE_CHECKING:
    from .server import LocalExchange, Session

__all__ = ["HANDLERS", "Context", "Handler", "REMOVED", "validate_request"]

#: Accepted by every method.
COMMON = frozenset({"returnRateLimits"})
#: Accepted by every signed method (the client's own parameters).
SIGNED_COMMON = frozenset({"apiKey", "signature", "timestamp", "recvWindow"})
#: The listenKey methods, gone since 2026-02-20, answered with 410 like their REST twins.
REMOVED = frozenset({"userDataStream.start", "userDataStream.ping", "userDataStream.stop"})
_DAY = 86_400_000


class Context:
    """What a handler may use: the exchange, the caller's session and account, the server time."""

    __slots__ = ("exchange", "engine", "session", "account", "now")
    exchange: LocalExchange
    engine: Engine
    session: Session
    account: Optional[Account]
    now: int

    def __init__(self, exchange: LocalExchange, session: Session, account: Optional[Account], now: int) -> None:
        self.exchange = exchange
        self.engine = exchange.engine
        self.session = session
        self.account = account
        self.now = now

    @property
    def me(self) -> Account:
        assert self.account is not None
        return self.account


@frozen
class Handler:
    """How the server answers one method. `auth`: "none", "signed" (a session logon may stand
    in for apiKey and signature), "always" (apiKey and signature required), "session", or
    "key" (the API key alone, or the session's logon: the futures USER_STREAM methods)."""

    #: Called with the market's context (Spot's `Context`, or a futures desk's) and the params.
    fn: Callable[[Any, dict[str, Any]], Any]
    auth: str = "none"


def _accepted(rule: MethodRule) -> frozenset[str]:
    names = {p.wire for p in rule.params} | COMMON | rule.ignored
    if rule.signed:
        names |= SIGNED_COMMON
    return frozenset(names)


_ACCEPTED = {name: _accepted(rule) for name, rule in RULES.items()}


def validate_request(method: str, params: dict[str, Any], rules: Mapping[str, MethodRule] = RULES) -> None:
    """The server's parameter checks for `method`: names, presence, combinations, basic types.

    Raises WireError (-1102 missing, -1104 unread, -1100/-1130 malformed); signatures and
    timestamps are checked separately. `rules` is the market's table (Spot's by default).
    """
    spec = rules[method]
    for param in spec.params:
        if param.required and params.get(param.wire) in (None, ""):
            raise bad_param(param.wire)
    accepted = _ACCEPTED[method] if rules is RULES else _accepted(spec)
    unread = [name for name in params if name not in accepted]
    if unread:
        raise WireError(
            400,
            -1104,
            f"Not all sent parameters were read; read '{len(params) - len(unread)}' parameter(s) "
            f"but was sent '{len(params)}'.",
        )
    for kind, names in spec.groups:
        given = [n for n in names if params.get(n) is not None]
        if kind in ("one", "any") and not given:
            a, b = names[0], names[1]
            raise WireError(400, -1102, f"Param '{a}' or '{b}' must be sent, but both were empty/null!")
        if kind in ("one", "most") and len(given) > 1:
            raise WireError(400, -1128, "Combination of optional parameters invalid.")
        if kind == "apart" and names[0] in given and len(given) > 1:
            raise WireError(400, -1128, "Combination of optional parameters invalid.")
        if kind == "needs" and names[0] in given and len(given) < len(names):
            raise WireError(400, -1128, "Combination of optional parameters invalid.")
    for param in spec.params:
        value = params.get(param.wire)
        if value is None:
            continue
        if param.type == "INT":
            if isinstance(value, bool) or not _is_int(value):
                raise WireError(400, -1100, f"Illegal characters found in parameter '{param.wire}'; legal range is '^[0-9]{{1,20}}$'.")
        elif param.type == "DECIMAL":
            # Binance matches the text as sent (errors.md, -1100's template), whether it came
            # as a JSON string or a JSON number: "5e-05", ".5", "+1", " 1", "1_000" all fail.
            text = _decimal_text(value)
            if text is None or not _DECIMAL_TEXT.fullmatch(text):
                raise WireError(400, -1100, f"Illegal characters found in parameter '{param.wire}'; legal range is '^([0-9]{{1,20}})(\\.[0-9]{{1,20}})?$'.")
        elif param.type == "BOOL":
            if value not in (True, False, "true", "false"):
                raise invalid_value(param.wire)
        elif param.type == "ARRAY":
            if not isinstance(value, list) and not isinstance(value, str):
                raise WireError(400, -1135, f"JSON sent for parameter '{param.wire}' is not valid")
    _check_client_ids(params)


# ASCII digits only: [0-9] in a str pattern does not match other scripts' digits, as \d would.
_DECIMAL_TEXT = re.compile(r"[0-9]{1,20}(\.[0-9]{1,20})?")


# Production's answer for a client order id it will not take: longer than 36 characters, or
# with a character outside this set (the docs give no pattern; this is Binance's -1100 text).
_CLIENT_ID = re.compile(r"[.A-Z:/a-z0-9_-]{1,36}")
_CLIENT_ID_RANGE = "'^[\\.A-Z\\:/a-z0-9_-]{1,36}$'"


def _check_client_ids(params: dict[str, Any]) -> None:
    """New client order ids (newClientOrderId, listClientOrderId, limitClientOrderId, ...)."""
    for name, value in params.items():
        if not name.endswith("ClientOrderId") or name.startswith(("orig", "cancelOrig")) or value in (None, ""):
            continue
        if not isinstance(value, str) or not _CLIENT_ID.fullmatch(value):
            raise WireError(400, -1100, f"Illegal characters found in parameter '{name}'; legal range is {_CLIENT_ID_RANGE}.")


def _decimal_text(value: Any) -> Optional[str]:
    """A DECIMAL parameter's text as it was sent; None for what is not a number or a string."""
    if isinstance(value, JsonNumber):
        return value.text
    if isinstance(value, str):
        return value
    if type(value) in (int, float):  # float: a caller of LocalExchange.validate parsed the JSON itself
        return repr(value)
    return None


def _is_int(value: Any) -> bool:
    if isinstance(value, int):
        return True
    if isinstance(value, Decimal):
        return value == value.to_integral_value()
    return isinstance(value, str) and value.lstrip("-").isdigit()


def _flag(params: dict[str, Any], name: str, default: bool = False) -> bool:
    value = params.get(name)
    return default if value is None else bool(value in (True, "true"))


def _symbol_status(params: dict[str, Any]) -> Optional[str]:
    status: Optional[str] = params.get("symbolStatus")
    if status is not None and status not in ("TRADING", "HALT", "BREAK", "END_OF_DAY", "CANCEL_ONLY"):
        raise WireError(400, -1122, "Invalid symbolStatus.")
    return status


def _one_symbol(ctx: Context, params: dict[str, Any]) -> SymbolSpec:
    spec = ctx.engine.symbol(params)
    status = _symbol_status(params)
    if status is not None and status != "TRADING":
        raise WireError(400, -1220, "The symbol's status does not match the requested symbolStatus.")
    return spec


def _many(ctx: Context, params: dict[str, Any], required: bool = False) -> tuple[list[SymbolSpec], bool]:
    specs, single = market.symbols_of(ctx.engine, params, required=required)
    status = _symbol_status(params)
    if status is not None:
        if single and status != "TRADING":
            raise WireError(400, -1220, "The symbol's status does not match the requested symbolStatus.")
        specs = [s for s in specs if status == "TRADING"]
    return specs, single


def _shape(items: list[dict[str, Any]], single: bool) -> Any:
    return items[0] if single else items


def _ticker_full(params: dict[str, Any]) -> bool:
    kind = params.get("type", "FULL")
    if kind not in ("FULL", "MINI"):
        raise WireError(400, -1139, "Invalid ticker type.")
    return bool(kind == "FULL")


def _time_window(params: dict[str, Any], hours: int = 24) -> tuple[Optional[int], Optional[int]]:
    start, end = int_param(params, "startTime"), int_param(params, "endTime")
    if start is not None and end is not None and end - start > hours * 3_600_000:
        raise WireError(400, -1127, f"More than {hours} hours between startTime and endTime.")
    return start, end


def _in_window(items: list[dict[str, Any]], key: str, start: Optional[int], end: Optional[int]) -> list[dict[str, Any]]:
    return [i for i in items if (start is None or i[key] >= start) and (end is None or i[key] <= end)]


def _page(items: list[Any], params: dict[str, Any], from_newest: bool = True) -> list[Any]:
    limit = market.limit_of(params)
    return items[-limit:] if from_newest else items[:limit]


# -- general and market data -------------------------------------------------------------


def _exchange_info(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    status = _symbol_status(params)
    if params.get("symbol") is not None or params.get("symbols") is not None:
        specs, _ = market.symbols_of(ctx.engine, params)
    else:
        specs = list(ctx.engine.symbols.values())
    permissions = json_text_array(params.get("permissions"))
    if isinstance(permissions, str):  # "accepts either a list of permissions, or a single permission name"
        permissions = [permissions]
    if permissions is not None and "SPOT" not in permissions:
        specs = []
    if status is not None and status != "TRADING":
        specs = []
    show_sets = _flag(params, "showPermissionSets", True)
    bases: dict[str, list[str]] = {}
    for spec in ctx.engine.symbols.values():
        bases.setdefault(spec.base, []).append(spec.name)
    return {
        "timezone": "UTC",
        "serverTime": ctx.now,
        "rateLimits": ctx.exchange.limit_definitions(),
        "exchangeFilters": [],
        "symbols": [_symbol_info(spec, show_sets) for spec in specs],
        # "Present only when SOR is available": it is, for each base asset's symbols.
        "sors": [{"baseAsset": base, "symbols": names} for base, names in sorted(bases.items())],
    }


def _symbol_info(spec: SymbolSpec, show_sets: bool) -> dict[str, Any]:
    return {
        "symbol": spec.name,
        "status": "TRADING",
        "baseAsset": spec.base,
        "baseAssetPrecision": 8,
        "quoteAsset": spec.quote,
        "quotePrecision": 8,
        "quoteAssetPrecision": 8,
        "baseCommissionPrecision": 8,
        "quoteCommissionPrecision": 8,
        "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT",
                       "TAKE_PROFIT_LIMIT"],
        "icebergAllowed": True,
        "ocoAllowed": True,
        "otoAllowed": True,
        "opoAllowed": True,
        "quoteOrderQtyMarketAllowed": True,
        "allowTrailingStop": True,
        "cancelReplaceAllowed": True,
        "amendAllowed": True,
        "pegInstructionsAllowed": False,
        "isSpotTradingAllowed": True,
        "isMarginTradingAllowed": False,
        "filters": spec.filters(),
        "permissions": [],
        "permissionSets": [["SPOT"]] if show_sets else [],
        "defaultSelfTradePreventionMode": spec.default_stp,
        "allowedSelfTradePreventionModes": list(spec.allowed_stp),
    }


def _execution_rules(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    status = _symbol_status(params)
    if params.get("symbol") is not None or params.get("symbols") is not None:
        specs, _ = market.symbols_of(ctx.engine, params)
    else:
        specs = [s for s in ctx.engine.symbols.values() if status in (None, "TRADING")]
    rule = {"ruleType": "PRICE_RANGE", "bidLimitMultUp": "1.0500", "bidLimitMultDown": "0.9500",
            "askLimitMultUp": "1.0500", "askLimitMultDown": "0.9500"}
    return {"symbolRules": [{"symbol": s.name, "rules": [dict(rule)]} for s in specs]}


def _depth(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    spec = _one_symbol(ctx, params)
    limit = market.limit_of(params, default=100, maximum=5000)
    book = ctx.engine.books[spec.name]
    bids, asks = book.depth(limit)
    return {"lastUpdateId": book.update_id, "bids": bids, "asks": asks}


def _block_trades(ctx: Context, params: dict[str, Any]) -> list[Any]:
    ctx.engine.symbol(params)
    market.limit_of(params)
    return []  # LocalExchange has no block trades (they come from the RFQ desk, not the book)


def _ticker_24hr(ctx: Context, params: dict[str, Any]) -> Any:
    full = _ticker_full(params)
    specs, single = _many(ctx, params)
    items = [market.ticker_stats(ctx.engine, s, ctx.now - _DAY, ctx.now, full, book=True, prev_close=True)
             for s in specs]
    return _shape(items, single)


def _ticker_trading_day(ctx: Context, params: dict[str, Any]) -> Any:
    full = _ticker_full(params)
    offset = market._offset_ms(params)
    specs, single = _many(ctx, params, required=True)
    local = ctx.now + offset
    open_time = local - local % _DAY - offset
    items = [market.ticker_stats(ctx.engine, s, open_time, open_time + _DAY - 1, full) for s in specs]
    return _shape(items, single)


def _ticker_window(ctx: Context, params: dict[str, Any]) -> Any:
    full = _ticker_full(params)
    size = market.window_ms(str(params.get("windowSize", "1d")))
    specs, single = _many(ctx, params, required=True)
    items = [market.ticker_stats(ctx.engine, s, ctx.now - size, ctx.now, full) for s in specs]
    return _shape(items, single)


def _ticker_price(ctx: Context, params: dict[str, Any]) -> Any:
    specs, single = _many(ctx, params)
    items = [{"symbol": s.name, "price": fmt(market.last_price(ctx.engine, s) or ZERO)} for s in specs]
    return _shape(items, single)


def _ticker_book(ctx: Context, params: dict[str, Any]) -> Any:
    specs, single = _many(ctx, params)
    return _shape(market.best_prices(ctx.engine, specs), single)


def _reference_price(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    spec = ctx.engine.symbol(params)
    price = market.avg_price(ctx.engine, spec, ctx.now)["price"]
    return {"symbol": spec.name, "referencePrice": price, "timestamp": ctx.now}


def _reference_calculation(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    spec = _one_symbol(ctx, params)
    return {"symbol": spec.name, "calculationType": "ARITHMETIC_MEAN", "bucketCount": 10, "bucketWidthMs": 1000}


# -- session and user data stream ----------------------------------------------------------


def _session_info(ctx: Context) -> dict[str, Any]:
    session = ctx.session
    return {
        "apiKey": session.api_key,
        "authorizedSince": session.authorized_since,
        "connectedSince": session.connected_since,
        "returnRateLimits": session.return_rate_limits,
        "serverTime": ctx.now,
        "userDataStream": bool(session.subscriptions),
    }


def _logon(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    if ctx.me.key_type != "ed25519":
        # Only Ed25519 keys can log on; other keys' signatures do not verify as Ed25519.
        raise WireError(400, -1022, "Signature for this request is not valid.")
    ctx.session.api_key = ctx.me.api_key
    ctx.session.authorized_since = ctx.now
    return _session_info(ctx)


def _logout(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    ctx.exchange.end_subscriptions(ctx.session, ctx.now, logon_only=True)
    ctx.session.api_key = None
    ctx.session.authorized_since = None
    return _session_info(ctx)


def _subscribe(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    """userDataStream.subscribe: the logged-on account; ends with the logon."""
    return {"subscriptionId": ctx.exchange.subscribe(ctx.session, ctx.me, via_logon=True)}


def _subscribe_signature(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    """userDataStream.subscribe.signature: the signing key's account, any key type."""
    return {"subscriptionId": ctx.exchange.subscribe(ctx.session, ctx.me, via_logon=False)}


def _unsubscribe(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    subscription = int_param(params, "subscriptionId")
    if subscription is not None and subscription not in ctx.session.subscriptions:
        raise WireError(400, -2036, "User Data Stream subscription not active.")
    ctx.exchange.end_subscriptions(ctx.session, ctx.now, only=subscription)
    return {}


def _subscriptions(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"subscriptionId": s} for s in sorted(ctx.session.subscriptions)]


# -- account -------------------------------------------------------------------------------


def _account_status(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    account = ctx.me
    omit_zero = _flag(params, "omitZeroBalances")
    balances = [
        {"asset": asset, "free": fmt(free), "locked": fmt(locked)}
        for asset, (free, locked) in sorted(account.balances.items())
        if not (omit_zero and free == 0 and locked == 0)
    ]
    return {
        "makerCommission": int(account.maker_rate * 10000),
        "takerCommission": int(account.taker_rate * 10000),
        "buyerCommission": 0,
        "sellerCommission": 0,
        "canTrade": True,
        "canWithdraw": True,
        "canDeposit": True,
        "commissionRates": {"maker": fmt(account.maker_rate), "taker": fmt(account.taker_rate),
                            "buyer": fmt(ZERO), "seller": fmt(ZERO)},
        "brokered": False,
        "requireSelfTradePrevention": False,
        "preventSor": False,
        "updateTime": account.update_time,
        "accountType": "SPOT",
        "balances": balances,
        "permissions": ["SPOT"],
        "uid": account.uid,
    }


def _order_status(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    spec = ctx.engine.symbol(params)
    order = ctx.engine.find_order(ctx.me, spec, params.get("orderId"), params.get("origClientOrderId"),
                                  ("orderId", "origClientOrderId"))
    return order.query()


def _open_orders(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    name = ctx.engine.symbol(params).name if params.get("symbol") is not None else None
    orders = [o for o in ctx.me.open_orders() if name is None or o.symbol == name]
    return [o.query() for o in sorted(orders, key=lambda o: o.order_id)]


def _all_orders(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    spec = ctx.engine.symbol(params)
    start, end = _time_window(params)
    orders = sorted((o for o in ctx.me.orders.values() if o.symbol == spec.name), key=lambda o: o.order_id)
    if start is not None or end is not None:
        orders = [o for o in orders if (start is None or o.time >= start) and (end is None or o.time <= end)]
        return [o.query() for o in _page(orders, params, from_newest=start is None)]
    from_id = int_param(params, "orderId")
    if from_id is not None:
        return [o.query() for o in _page([o for o in orders if o.order_id >= from_id], params, from_newest=False)]
    return [o.query() for o in _page(orders, params)]


def _order_list_status(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return ctx.engine.find_list(ctx.me, params.get("orderListId"), params.get("origClientOrderId"),
                                ("orderListId", "origClientOrderId"), query=True).summary()


def _open_order_lists(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    return [ol.summary() for ol in sorted(ctx.me.lists.values(), key=lambda ol: ol.order_list_id) if ol.is_open]


def _all_order_lists(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    start, end = _time_window(params)
    lists = sorted(ctx.me.lists.values(), key=lambda ol: ol.order_list_id)
    from_id = int_param(params, "fromId")
    # "If startTime and/or endTime are specified, fromId is ignored."
    if from_id is not None and start is None and end is None:
        lists = [ol for ol in lists if ol.order_list_id >= from_id]
        return [ol.summary() for ol in _page(lists, params, from_newest=False)]
    lists = [ol for ol in lists if (start is None or ol.transaction_time >= start)
             and (end is None or ol.transaction_time <= end)]
    return [ol.summary() for ol in _page(lists, params, from_newest=start is None)]


def _history(
    ctx: Context, params: dict[str, Any], rows: list[dict[str, Any]], id_field: str, from_param: str,
    *, from_ignores_window: bool, newest_first: bool,
) -> list[dict[str, Any]]:
    """myTrades and myAllocations: one symbol's rows, by order, from an id, within a time window."""
    spec = ctx.engine.symbol(params)
    start, end = _time_window(params)
    rows = [r for r in rows if r["symbol"] == spec.name]
    order_id, from_id = int_param(params, "orderId"), int_param(params, from_param)
    if order_id is not None:
        rows = [r for r in rows if r["orderId"] == order_id]
    if from_id is not None:
        rows = [r for r in rows if r[id_field] >= from_id]
        if from_ignores_window:
            return _page(rows, params, from_newest=False)
    rows = _in_window(rows, "time", start, end)
    return _page(rows, params, from_newest=newest_first and start is None and from_id is None)


def _my_trades(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    # "If fromId is specified, return trades with trade ID >= fromId"; otherwise the most recent.
    return _history(ctx, params, ctx.me.trades, "id", "fromId", from_ignores_window=True, newest_first=True)


def _rate_limits_orders(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    return ctx.exchange.order_limits(ctx.me, ctx.now)


def _prevented_matches(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    spec = ctx.engine.symbol(params)
    matches = [m for m in ctx.me.prevented if m["symbol"] == spec.name]
    match_id, order_id = int_param(params, "preventedMatchId"), int_param(params, "orderId")
    if match_id is not None:
        return [m for m in matches if m["preventedMatchId"] == match_id]
    matches = [m for m in matches if order_id in (m["takerOrderId"], m["makerOrderId"])]
    from_id = int_param(params, "fromPreventedMatchId")
    if from_id is not None:
        matches = [m for m in matches if m["preventedMatchId"] >= from_id]
    return _page(matches, params, from_newest=False)


def _allocations(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    # "allocations from oldest to newest", whatever the combination.
    return _history(ctx, params, ctx.me.allocations, "allocationId", "fromAllocationId",
                    from_ignores_window=False, newest_first=False)


def _commission(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    spec = ctx.engine.symbol(params)
    account = ctx.me
    zero = fmt(ZERO)
    return {
        "symbol": spec.name,
        "standardCommission": {"maker": fmt(account.maker_rate), "taker": fmt(account.taker_rate),
                               "buyer": zero, "seller": zero},
        "specialCommission": {"maker": zero, "taker": zero, "buyer": zero, "seller": zero},
        "taxCommission": {"maker": zero, "taker": zero, "buyer": zero, "seller": zero},
        "discount": {"enabledForAccount": False, "enabledForSymbol": False, "discountAsset": "BNB",
                     "discount": zero},
    }


def _amendments(ctx: Context, params: dict[str, Any]) -> list[dict[str, Any]]:
    spec = ctx.engine.symbol(params)
    order = ctx.engine.find_order(ctx.me, spec, params.get("orderId"), None, ("orderId", "origClientOrderId"))
    amendments = [a for a in ctx.me.amendments if a["orderId"] == order.order_id]
    from_id = int_param(params, "fromExecutionId")
    if from_id is not None:
        amendments = [a for a in amendments if a["executionId"] >= from_id]
    return _page(amendments, params, from_newest=False)


def _my_filters(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    spec = ctx.engine.symbol(params)
    wanted = ("MAX_NUM_ORDERS", "MAX_NUM_ALGO_ORDERS", "MAX_NUM_ORDER_LISTS", "MAX_NUM_ORDER_AMENDS")
    return {
        "exchangeFilters": [{"filterType": "EXCHANGE_MAX_NUM_ORDERS", "maxNumOrders": 1000}],
        "symbolFilters": [f for f in spec.filters() if f["filterType"] in wanted],
        "assetFilters": [],
    }


# -- trading -------------------------------------------------------------------------------


def _cancel_replace(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _, outcome = ctx.engine.cancel_replace(ctx.me, params, ctx.now)
    return outcome


def _oto(kind: str) -> Callable[[Context, dict[str, Any]], Any]:
    return lambda ctx, params: ctx.engine.place_oto(ctx.me, params, ctx.now, kind)


HANDLERS: dict[str, Handler] = {
    "ping": Handler(lambda ctx, params: {}),
    "time": Handler(lambda ctx, params: {"serverTime": ctx.now}),
    "exchangeInfo": Handler(_exchange_info),
    "executionRules": Handler(_execution_rules),
    "depth": Handler(_depth),
    "trades.recent": Handler(lambda ctx, p: market.recent_trades(ctx.engine, ctx.engine.symbol(p), {**p, "fromId": None})),
    "trades.historical": Handler(lambda ctx, p: market.recent_trades(ctx.engine, ctx.engine.symbol(p), p)),
    "blockTrades.historical": Handler(_block_trades),
    "trades.aggregate": Handler(lambda ctx, p: market.aggregate_trades(ctx.engine, ctx.engine.symbol(p), p)),
    "klines": Handler(lambda ctx, p: market.klines(ctx.engine, ctx.engine.symbol(p), p)),
    "uiKlines": Handler(lambda ctx, p: market.klines(ctx.engine, ctx.engine.symbol(p), p)),
    "avgPrice": Handler(lambda ctx, p: market.avg_price(ctx.engine, ctx.engine.symbol(p), ctx.now)),
    "ticker.24hr": Handler(_ticker_24hr),
    "ticker.tradingDay": Handler(_ticker_trading_day),
    "ticker": Handler(_ticker_window),
    "ticker.price": Handler(_ticker_price),
    "ticker.book": Handler(_ticker_book),
    "referencePrice": Handler(_reference_price),
    "referencePrice.calculation": Handler(_reference_calculation),
    "session.logon": Handler(_logon, auth="always"),
    "session.status": Handler(lambda ctx, params: _session_info(ctx)),
    "session.logout": Handler(_logout),
    "order.place": Handler(lambda ctx, p: ctx.engine.place(ctx.me, p, ctx.now), auth="signed"),
    "order.test": Handler(lambda ctx, p: ctx.engine.test(ctx.me, p, ctx.now), auth="signed"),
    "order.cancel": Handler(lambda ctx, p: ctx.engine.cancel(ctx.me, p, ctx.now), auth="signed"),
    "order.cancelReplace": Handler(_cancel_replace, auth="signed"),
    "order.amend.keepPriority": Handler(lambda ctx, p: ctx.engine.amend(ctx.me, p, ctx.now), auth="signed"),
    "openOrders.cancelAll": Handler(lambda ctx, p: ctx.engine.cancel_all(ctx.me, p, ctx.now), auth="signed"),
    "orderList.place": Handler(lambda ctx, p: ctx.engine.place_legacy_oco(ctx.me, p, ctx.now), auth="signed"),
    "orderList.place.oco": Handler(lambda ctx, p: ctx.engine.place_oco(ctx.me, p, ctx.now), auth="signed"),
    "orderList.place.oto": Handler(_oto("OTO"), auth="signed"),
    "orderList.place.otoco": Handler(_oto("OTOCO"), auth="signed"),
    "orderList.place.opo": Handler(_oto("OPO"), auth="signed"),
    "orderList.place.opoco": Handler(_oto("OPOCO"), auth="signed"),
    "orderList.cancel": Handler(lambda ctx, p: ctx.engine.cancel_list(ctx.me, p, ctx.now), auth="signed"),
    "sor.order.place": Handler(lambda ctx, p: ctx.engine.place(ctx.me, p, ctx.now, sor=True), auth="signed"),
    "sor.order.test": Handler(lambda ctx, p: ctx.engine.test(ctx.me, p, ctx.now, sor=True), auth="signed"),
    "account.status": Handler(_account_status, auth="signed"),
    "order.status": Handler(_order_status, auth="signed"),
    "openOrders.status": Handler(_open_orders, auth="signed"),
    "allOrders": Handler(_all_orders, auth="signed"),
    "orderList.status": Handler(_order_list_status, auth="signed"),
    "openOrderLists.status": Handler(_open_order_lists, auth="signed"),
    "allOrderLists": Handler(_all_order_lists, auth="signed"),
    "myTrades": Handler(_my_trades, auth="signed"),
    "account.rateLimits.orders": Handler(_rate_limits_orders, auth="signed"),
    "myPreventedMatches": Handler(_prevented_matches, auth="signed"),
    "myAllocations": Handler(_allocations, auth="signed"),
    "account.commission": Handler(_commission, auth="signed"),
    "order.amendments": Handler(_amendments, auth="signed"),
    "myFilters": Handler(_my_filters, auth="signed"),
    "userDataStream.subscribe": Handler(_subscribe, auth="session"),
    "userDataStream.unsubscribe": Handler(_unsubscribe),
    "session.subscriptions": Handler(_subscriptions),
    "userDataStream.subscribe.signature": Handler(_subscribe_signature, auth="always"),
}

