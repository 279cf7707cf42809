"""The method tables of the USDⓈ-M Futures (UM) and COIN-M Futures (CM) WebSocket APIs, as data.

The futures companion of `methods.py` (Spot), built from the same `MethodSpec`, `Param` and
`Group`. One row per wire method, from the derivatives docs (``usds-margined-futures/`` and
``coin-margined-futures/``: each method page and ``websocket-api-general-info``), corrected
where `FUTURES-NOTES.md` records a later change (each such place has a comment saying so).
UM has 21 methods, including ``v2/account.position``, ``v2/account.balance`` and
``v2/account.status``; CM has 13.

Parameters use the compact form of `methods.py` (``"symbol:STRING! limit:INT"``, ``!`` for
required, ``=key`` for an explicit value set), but ENUM value sets come from the futures
tables here (`UM_ENUM_VALUES`, `CM_ENUM_VALUES`), not from Spot's `enums.ENUM_VALUES`.
`apiKey`, `signature` and `timestamp` are the client's and never appear; `recvWindow` (LONG in
the docs) is an INT. Futures weights are never waived on success (`free_on_success` is Spot's).

`checks` name conditional rules that `validation.py` implements; their wording is in
`FUTURES_CHECKS`.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from .methods import Auth, Group, MethodSpec, Security, Weight, params_from

__all__ = [
    "CM_ENUM_VALUES",
    "CM_METHODS",
    "FUTURES_CHECKS",
    "FUTURES_ENUM_VALUES",
    "UM_ENUM_VALUES",
    "UM_METHODS",
    "USER_STREAM_AUTH",
]

# The value sets both APIs share, from the two common-definition.md pages and the parameter
# descriptions, by wire name (or by the `=key` a parameter string names).
FUTURES_ENUM_VALUES: dict[str, tuple[str, ...]] = {
    "side": ("BUY", "SELL"),
    "positionSide": ("BOTH", "LONG", "SHORT"),
    "workingType": ("MARK_PRICE", "CONTRACT_PRICE"),
    "newOrderRespType": ("ACK", "RESULT"),
    # The parameter descriptions and CM's common-definition have NONE (the default); UM's
    # common-definition lists only the three EXPIRE_* modes.
    "selfTradePreventionMode": ("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"),
    # Followed the change log (2025-10-21) over the older parameter descriptions: OPPONENT_10
    # and OPPONENT_20 are "temporarily removed" from place/amend since 2025-10-23, no restoration
    # recorded. NONE is in both common-definition pages (the UM modify example sends it).
    "priceMatch": ("NONE", "OPPONENT", "OPPONENT_5", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20"),
    # algoOrder.place is not among the endpoints that change log entry names.
    "algoPriceMatch": (
        "NONE", "OPPONENT", "OPPONENT_5", "OPPONENT_10", "OPPONENT_20", "QUEUE", "QUEUE_5", "QUEUE_10", "QUEUE_20",
    ),
    "algoType": ("CONDITIONAL",),
    "algoOrderType": ("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"),
    # algoOrder.place's description: "IOC or GTC or FOK, default GTC" (FUTURES-NOTES §8 #6 agrees).
    "algoTimeInForce": ("GTC", "IOC", "FOK"),
    # CM order.place types priceProtect as an ENUM whose description is "true" or "false".
    "priceProtect": ("true", "false"),
}

#: UM: every value set, shared ones included.
UM_ENUM_VALUES: dict[str, tuple[str, ...]] = {
    **FUTURES_ENUM_VALUES,
    # Followed FUTURES-NOTES over the docs copy (which lists all seven types): since
    # 2025-12-09 order.place answers conditional types with -4120; they go to algoOrder.place.
    "type": ("LIMIT", "MARKET"),
    # UM common-definition: RPI since 2025-11-18 (post-only, matched only with app/web orders).
    "timeInForce": ("GTC", "IOC", "FOK", "GTX", "GTD", "RPI"),
}

#: CM: every value set, shared ones included.
CM_ENUM_VALUES: dict[str, tuple[str, ...]] = {
    **FUTURES_ENUM_VALUES,
    # Followed FUTURES-NOTES over the docs copy (seven types): since the 2026-06-30 integration
    # with UM, CM order.place rejects the five conditional types with -4120 (REST algo only).
    "type": ("LIMIT", "MARKET"),
    # CM common-definition: no GTD and no RPI.
    "timeInForce": ("GTC", "IOC", "FOK", "GTX"),
}

#: What each name in a spec's `checks` requires (implemented by `validation.py`).
FUTURES_CHECKS: Mapping[str, str] = {
    "um_order": (
        "LIMIT needs timeInForce, quantity, and price or priceMatch; MARKET needs quantity; "
        "goodTillDate is mandatory with timeInForce GTD"
    ),
    "cm_order": (
        "LIMIT needs timeInForce, quantity and price; MARKET needs quantity; stopPrice, closePosition, "
        "activationPrice, callbackRate, workingType and priceProtect serve only the conditional types, "
        "refused since 2026-06-30"
    ),
    "algo_order": (
        "closePosition=true excludes quantity and reduceOnly, and goes only with STOP_MARKET or "
        "TAKE_PROFIT_MARKET; activatePrice and callbackRate go with TRAILING_STOP_MARKET, which "
        "needs callbackRate; the others need triggerPrice, and STOP and TAKE_PROFIT price or priceMatch "
        "(goodTillDate is left to the server: GTD is not among the documented timeInForce values)"
    ),
}

#: USER_STREAM methods carry the API key and no signature; the key is "Required if session is
#: not authenticated via session.logon", so a logged-on connection leaves it out.
USER_STREAM_AUTH = Auth.API_KEY


def _depth_weight(params: Mapping[str, Any]) -> int:
    """2 for limit 5, 10, 20 or 50; 5 for 100; 10 for 500 (the default); 20 for 1000."""
    limit = int(params.get("limit", 500))
    if limit <= 50:
        return 2
    if limit <= 100:
        return 5
    if limit <= 500:
        return 10
    return 20


def _ticker_price_weight(params: Mapping[str, Any]) -> int:
    """1 for a single symbol, 2 when `symbol` is omitted."""
    return 1 if params.get("symbol") is not None else 2


def _ticker_book_weight(params: Mapping[str, Any]) -> int:
    """2 for a single symbol, 5 when `symbol` is omitted."""
    return 2 if params.get("symbol") is not None else 5


_RW = " recvWindow:INT"
_IDS = "orderId:INT origClientOrderId:STRING"


def _any(*names: str) -> Group:
    return Group("any", names)


def _most(*names: str) -> Group:
    return Group("most", names)


class _Api:
    """Row builders for one API, parsing parameters with its value sets."""

    def __init__(self, enums: Mapping[str, tuple[str, ...]]) -> None:
        self.enums = enums

    def session(self) -> tuple[MethodSpec, ...]:
        """session.logon, session.status, session.logout: identical on UM and CM (weight 2)."""
        return (
            MethodSpec(
                "session.logon",
                "Log in with API key",
                Security.SIGNED,
                Auth.ALWAYS_SIGNED,
                2,
                params=params_from(_RW.strip(), self.enums),
            ),
            self.public("session.status", "Query session status", 2),
            self.public("session.logout", "Log out of the session", 2),
        )

    def public(self, name: str, title: str, weight: Weight, params: str = "", *groups: Group) -> MethodSpec:
        return MethodSpec(name, title, Security.NONE, Auth.NONE, weight, params=params_from(params, self.enums), groups=groups)

    def user_data(self, name: str, title: str, weight: Weight, params: str = "", *groups: Group) -> MethodSpec:
        return MethodSpec(
            name,
            title,
            Security.USER_DATA,
            Auth.SIGNED,
            weight,
            params=params_from(params + _RW, self.enums),
            groups=groups,
        )

    def trade(
        self,
        name: str,
        title: str,
        params: str,
        *groups: Group,
        weight: Weight,
        orders: int = 0,
        checks: tuple[str, ...] = (),
        client_order_id: Optional[str] = None,
    ) -> MethodSpec:
        return MethodSpec(
            name,
            title,
            Security.TRADE,
            Auth.SIGNED,
            weight,
            state_changing=True,
            orders=orders,
            params=params_from(params + _RW, self.enums),
            groups=groups,
            checks=checks,
            client_order_id=client_order_id,
        )

    def listen_key(self) -> tuple[MethodSpec, ...]:
        """The listenKey methods: weight 1, no parameters of the caller's (one listenKey per account)."""
        return tuple(
            MethodSpec(name, title, Security.USER_STREAM, USER_STREAM_AUTH, 1)
            for name, title in (
                ("userDataStream.start", "Start user data stream"),
                ("userDataStream.ping", "Keepalive user data stream"),
                ("userDataStream.stop", "Close user data stream"),
            )
        )


_UM = _Api(UM_ENUM_VALUES)
_CM = _Api(CM_ENUM_VALUES)

# Followed FUTURES-NOTES over the docs copy: stopPrice, closePosition, activationPrice,
# callbackRate, workingType and priceProtect served only the conditional types, which moved to
# algoOrder.place on 2025-12-09; the official SDK dropped them from order.place on 2026-06-09.
_UM_NEW_ORDER = (
    "symbol:STRING! side:ENUM! positionSide:ENUM type:ENUM! timeInForce:ENUM quantity:DECIMAL "
    "reduceOnly:STRING price:DECIMAL newClientOrderId:STRING newOrderRespType:ENUM priceMatch:ENUM "
    "selfTradePreventionMode:ENUM goodTillDate:INT"
)
# CM keeps the docs' full list: FUTURES-NOTES records only that the conditional *types* are
# rejected since 2026-06-30, not that these parameters left the spec (they are now inert).
_CM_NEW_ORDER = (
    "symbol:STRING! side:ENUM! positionSide:ENUM type:ENUM! timeInForce:ENUM quantity:DECIMAL "
    "reduceOnly:STRING price:DECIMAL newClientOrderId:STRING stopPrice:DECIMAL closePosition:STRING "
    "activationPrice:DECIMAL callbackRate:DECIMAL workingType:ENUM priceProtect:ENUM newOrderRespType:ENUM "
    "priceMatch:ENUM selfTradePreventionMode:ENUM"
)
# `price` is mandatory in the docs' table although priceMatch "can't be passed together with
# price": followed FUTURES-NOTES §8 #11, exactly one of the two (the official SDK made price
# optional once, then mandatory again; a modify by priceMatch alone is what the text allows).
# modifyId: followed FUTURES-NOTES (added 2026-07-28, after the docs copy), on UM and CM.
_MODIFY = f"{_IDS} symbol:STRING! side:ENUM! quantity:DECIMAL! price:DECIMAL priceMatch:ENUM modifyId:INT"
_MODIFY_GROUPS = (_any("orderId", "origClientOrderId"), Group("one", ("price", "priceMatch")))

_UM_TABLE: tuple[MethodSpec, ...] = (
    *_UM.session(),
    # Market data (NONE).
    _UM.public("depth", "Order book", _depth_weight, "symbol:STRING! limit:INT"),
    _UM.public("ticker.price", "Symbol price ticker", _ticker_price_weight, "symbol:STRING"),
    _UM.public("ticker.book", "Symbol order book ticker", _ticker_book_weight, "symbol:STRING"),
    # Trading (TRADE). Order count: the place and modify pages' rateLimits carry both ORDERS
    # entries (10 s and 1 min), charged 1; the other methods' carry none.
    _UM.trade(
        "order.place",
        "New order",
        _UM_NEW_ORDER,
        _most("price", "priceMatch"),
        weight=0,
        orders=1,
        checks=("um_order",),
        client_order_id="newClientOrderId",
    ),
    # "1 on 10s order rate limit; 1 on 1min order rate limit; 0 on IP rate limit".
    _UM.trade("order.modify", "Modify order", _MODIFY, *_MODIFY_GROUPS, weight=0, orders=1),
    _UM.trade("order.cancel", "Cancel order", f"symbol:STRING! {_IDS}", _any("orderId", "origClientOrderId"), weight=1),
    _UM.user_data("order.status", "Query order", 1, f"symbol:STRING! {_IDS}", _any("orderId", "origClientOrderId")),
    # Its callbackRate text ("max 10") predates the 2026-10-23 raise to 20 (no table change).
    _UM.trade(
        "algoOrder.place",
        "New algo order",
        "algoType:ENUM! symbol:STRING! side:ENUM! positionSide:ENUM type:ENUM!=algoOrderType "
        "timeInForce:ENUM=algoTimeInForce quantity:DECIMAL price:DECIMAL triggerPrice:DECIMAL workingType:ENUM "
        "priceMatch:ENUM=algoPriceMatch closePosition:STRING priceProtect:STRING reduceOnly:STRING "
        "activatePrice:DECIMAL callbackRate:DECIMAL clientAlgoId:STRING newOrderRespType:ENUM "
        "selfTradePreventionMode:ENUM goodTillDate:INT",
        _most("price", "priceMatch"),
        weight=0,
        checks=("algo_order",),
        client_order_id="clientAlgoId",
    ),
    _UM.trade(
        "algoOrder.cancel",
        "Cancel algo order",
        "algoId:INT clientAlgoId:STRING",
        _any("algoId", "clientAlgoId"),
        weight=1,
    ),
    # Account (USER_DATA). The v1 weights are the pages' 5, although the change log announced
    # 5 -> 10 from 2024-09-03; the pages (scraped 2026-05) and the SDK (2026-08) still say 5.
    _UM.user_data("account.position", "Position information", 5, "symbol:STRING"),
    _UM.user_data("v2/account.position", "Position information V2", 5, "symbol:STRING"),
    _UM.user_data("account.balance", "Futures account balance", 5),
    _UM.user_data("v2/account.balance", "Futures account balance V2", 5),
    _UM.user_data("account.status", "Account information", 5),
    _UM.user_data("v2/account.status", "Account information V2", 5),
    # User data stream (listenKey on the WebSocket API; events come on a separate connection).
    *_UM.listen_key(),
)

_CM_TABLE: tuple[MethodSpec, ...] = (
    *_CM.session(),
    # The page gives weight 0 and no order count; its rateLimits show ORDERS (1 min) charged 1.
    _CM.trade(
        "order.place",
        "New order",
        _CM_NEW_ORDER,
        _most("price", "priceMatch"),
        weight=0,
        orders=1,
        checks=("cm_order",),
        client_order_id="newClientOrderId",
    ),
    # "1 on 10s order rate limit; 1 on 1min order rate limit; 1 on IP rate limit".
    _CM.trade("order.modify", "Modify order", _MODIFY, *_MODIFY_GROUPS, weight=1, orders=1),
    _CM.trade("order.cancel", "Cancel order", f"symbol:STRING! {_IDS}", _any("orderId", "origClientOrderId"), weight=1),
    _CM.user_data("order.status", "Query order", 1, f"symbol:STRING! {_IDS}", _any("orderId", "origClientOrderId")),
    _CM.user_data("account.position", "Position information", 5, "marginAsset:STRING pair:STRING"),
    _CM.user_data("account.balance", "Futures account balance", 5),
    _CM.user_data("account.status", "Account information", 5),
    *_CM.listen_key(),
)

#: Every UM method by wire name (``v2/`` ones with their prefix), in the docs' order.
UM_METHODS: dict[str, MethodSpec] = {spec.name: spec for spec in _UM_TABLE}

#: Every CM method by wire name, in the docs' order.
CM_METHODS: dict[str, MethodSpec] = {spec.name: spec for spec in _CM_TABLE}
