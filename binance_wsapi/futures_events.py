"""User data stream events of the USDⓈ-M (UM) and COIN-M (CM) futures APIs, with readable names.

The same conventions as the Spot events in `binance_wsapi.events`: one small class per event
type, a `_WIRE` table from attribute to wire key, Decimal strings as `Decimal`, times as the
epoch milliseconds sent, the whole wire dict as `raw`, and None for a field that Binance sends
only sometimes or on one of the two APIs only (CM's account alias ``"i"`` and margin asset
``"ma"``; UM's ``"gtd"``). Futures events nest part of their data (``"o"`` holds the order of an
``ORDER_TRADE_UPDATE``, ``"a"`` the balances and positions of an ``ACCOUNT_UPDATE``); a wire key
``"o.s"`` in a `_WIRE` table is the ``"s"`` member of ``"o"``, and the classes flatten them.

`parse_futures_event` never drops an event: a type this version does not know (for example
``STRATEGY_UPDATE``), or a known one missing a field it should carry, arrives as
`binance_wsapi.events.UnknownEvent` with its `raw` dict.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any, Callable, ClassVar, Mapping, Optional, TypeVar

from attrs import field, frozen

from .events import (
    StreamGap,
    UnknownEvent,
    UserDataEvent,
    _Convert,
    _decimal,
    _event_repr,
    _OPTIONAL,
    _plain,
    _same,
    _wire,
)

log = logging.getLogger("binance_wsapi")

__all__ = [
    "AccountConfigUpdate",
    "AccountUpdate",
    "AlgoUpdate",
    "FuturesBalance",
    "FuturesPosition",
    "ListenKeyExpired",
    "MarginCall",
    "MarginCallPosition",
    "OrderTradeUpdate",
    "StreamGap",
    "TradeLite",
    "UnknownEvent",
    "UserDataEvent",
    "parse_futures_event",
]

_Table = dict[str, tuple[str, _Convert, bool]]
_Item = TypeVar("_Item")


def _lookup(raw: Mapping[str, Any], key: str) -> tuple[bool, Any]:
    """(True, value) of a wire key, ``"o.s"`` meaning the ``"s"`` member of ``"o"``; (False, None) if absent."""
    value: Any = raw
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return False, None
        value = value[part]
    return True, value


def _read(table: _Table, raw: Mapping[str, Any]) -> dict[str, Any]:
    """The attribute values `table` finds in `raw`; KeyError if a required one is missing."""
    values: dict[str, Any] = {}
    for name, (key, convert, required) in table.items():
        found, value = _lookup(raw, key)
        if found:
            values[name] = convert(value)
        elif required:
            raise KeyError(key)
    return values


def _items(cls: Callable[..., _Item], table: _Table) -> Callable[[Any], tuple[_Item, ...]]:
    """A converter of a wire list of dicts to a tuple of `cls`, each read with `table`."""

    def convert(items: Any) -> tuple[_Item, ...]:
        if not isinstance(items, list):
            raise TypeError(f"expected a list, got {type(items).__name__}")
        return tuple(cls(**_read(table, item)) for item in items)

    return convert


def _int(value: Any) -> int:
    """An integer sent as a number or as a decimal string (``"er": "0"``)."""
    if isinstance(value, bool):
        raise TypeError("expected an integer, got a bool")
    return int(value)


def _order_id_or_none(value: Any) -> Optional[int]:
    """``ALGO_UPDATE``'s ``"ai"``: the matching-engine order id as a string, ``""`` before triggering."""
    return None if value is None or value == "" else _int(value)


def _order_type_or_none(value: Any) -> Optional[str]:
    """``ALGO_UPDATE``'s ``"act"``: the order type in the matching engine, ``"0"`` before triggering."""
    return None if value in (None, "", "0") else str(value)


# -- parts of events ----------------------------------------------------------------------------


@frozen
class FuturesBalance:
    """One asset of an `AccountUpdate`: the wallet balance, the cross wallet balance and the change
    (except realized PnL and commission) that this update brought."""

    asset: str
    wallet_balance: Decimal
    cross_wallet_balance: Decimal
    balance_change: Decimal

    _WIRE: ClassVar[_Table] = _wire(
        asset=("a", _same),
        wallet_balance=("wb", _decimal),
        cross_wallet_balance=("cw", _decimal),
        balance_change=("bc", _decimal),
    )


@frozen
class FuturesPosition:
    """One position of an `AccountUpdate`, after the change.

    `position_amount` is signed (negative: short), in base asset (UM) or contracts (CM);
    `margin_type` is ``"cross"`` or ``"isolated"`` as sent; `isolated_wallet` is 0 for cross.
    """

    symbol: str
    position_amount: Decimal
    entry_price: Decimal
    breakeven_price: Decimal
    accumulated_realized: Decimal
    unrealized_pnl: Decimal
    margin_type: str
    isolated_wallet: Decimal
    position_side: str

    _WIRE: ClassVar[_Table] = _wire(
        symbol=("s", _same),
        position_amount=("pa", _decimal),
        entry_price=("ep", _decimal),
        breakeven_price=("bep", _decimal),
        accumulated_realized=("cr", _decimal),
        unrealized_pnl=("up", _decimal),
        margin_type=("mt", _same),
        isolated_wallet=("iw", _decimal),
        position_side=("ps", _same),
    )


@frozen
class MarginCallPosition:
    """One position of a `MarginCall`: `margin_type` is ``"CROSSED"`` or ``"ISOLATED"`` as sent."""

    symbol: str
    position_side: str
    position_amount: Decimal
    margin_type: str
    isolated_wallet: Decimal
    mark_price: Decimal
    unrealized_pnl: Decimal
    maintenance_margin: Decimal

    _WIRE: ClassVar[_Table] = _wire(
        symbol=("s", _same),
        position_side=("ps", _same),
        position_amount=("pa", _decimal),
        margin_type=("mt", _same),
        isolated_wallet=("iw", _decimal),
        mark_price=("mp", _decimal),
        unrealized_pnl=("up", _decimal),
        maintenance_margin=("mm", _decimal),
    )


# -- events -------------------------------------------------------------------------------------


@frozen
class OrderTradeUpdate(UserDataEvent):
    """An order changed (``ORDER_TRADE_UPDATE``): placed, amended, filled, cancelled, expired, liquidated.

    `execution_type` says what happened now (NEW, TRADE, CANCELED, EXPIRED, AMENDMENT,
    CALCULATED for a liquidation), `order_status` where the order stands. For a fill,
    `last_filled_quantity` at `last_filled_price` is this fill and `realized_profit` its PnL.
    `bids_notional`/`asks_notional` are the open orders' notional (UM) or base-asset quantity
    (CM). `expiry_reason` is Binance's numeric code (0 none, 2 IOC remainder, 9 MARKET
    remainder...). A client order id ``autoclose-…`` is a liquidation, ``adl_autoclose`` an ADL.
    """

    TYPE: ClassVar[str] = "ORDER_TRADE_UPDATE"

    event_time: int
    transaction_time: int
    symbol: str
    client_order_id: str
    side: str
    order_type: str
    time_in_force: str
    original_quantity: Decimal
    original_price: Decimal
    average_price: Decimal
    stop_price: Decimal
    execution_type: str
    order_status: str
    order_id: int
    last_filled_quantity: Decimal
    filled_accumulated_quantity: Decimal
    last_filled_price: Decimal
    trade_time: int
    trade_id: int
    bids_notional: Decimal
    asks_notional: Decimal
    is_maker: bool
    is_reduce_only: bool
    working_type: str
    original_order_type: str
    position_side: str
    close_position: bool
    price_protect: bool
    realized_profit: Decimal
    stp_mode: str
    price_match: str
    account_alias: Optional[str] = None
    margin_asset: Optional[str] = None
    commission_asset: Optional[str] = None
    commission: Optional[Decimal] = None
    activation_price: Optional[Decimal] = None
    callback_rate: Optional[Decimal] = None
    good_till_date: Optional[int] = None
    expiry_reason: Optional[int] = None
    modify_id: Optional[int] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[_Table] = _wire(
        event_time=("E", _same),
        transaction_time=("T", _same),
        symbol=("o.s", _same),
        client_order_id=("o.c", _same),
        side=("o.S", _same),
        order_type=("o.o", _same),
        time_in_force=("o.f", _same),
        original_quantity=("o.q", _decimal),
        original_price=("o.p", _decimal),
        average_price=("o.ap", _decimal),
        stop_price=("o.sp", _decimal),
        execution_type=("o.x", _same),
        order_status=("o.X", _same),
        order_id=("o.i", _same),
        last_filled_quantity=("o.l", _decimal),
        filled_accumulated_quantity=("o.z", _decimal),
        last_filled_price=("o.L", _decimal),
        trade_time=("o.T", _same),
        trade_id=("o.t", _same),
        bids_notional=("o.b", _decimal),
        asks_notional=("o.a", _decimal),
        is_maker=("o.m", _same),
        is_reduce_only=("o.R", _same),
        working_type=("o.wt", _same),
        original_order_type=("o.ot", _same),
        position_side=("o.ps", _same),
        close_position=("o.cp", _same),
        price_protect=("o.pP", _same),
        realized_profit=("o.rp", _decimal),
        stp_mode=("o.V", _same),
        price_match=("o.pm", _same),
        account_alias=("i", _same, _OPTIONAL),
        margin_asset=("o.ma", _same, _OPTIONAL),
        commission_asset=("o.N", _same, _OPTIONAL),
        commission=("o.n", _decimal, _OPTIONAL),
        activation_price=("o.AP", _decimal, _OPTIONAL),
        callback_rate=("o.cr", _decimal, _OPTIONAL),
        good_till_date=("o.gtd", _same, _OPTIONAL),
        expiry_reason=("o.er", _int, _OPTIONAL),
        modify_id=("o.M", _same, _OPTIONAL),
    )


@frozen
class TradeLite(UserDataEvent):
    """One fill, sooner and shorter than its `OrderTradeUpdate` (``TRADE_LITE``, UM only)."""

    TYPE: ClassVar[str] = "TRADE_LITE"

    event_time: int
    transaction_time: int
    symbol: str
    original_quantity: Decimal
    original_price: Decimal
    is_maker: bool
    client_order_id: str
    side: str
    last_filled_price: Decimal
    last_filled_quantity: Decimal
    trade_id: int
    order_id: int
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[_Table] = _wire(
        event_time=("E", _same),
        transaction_time=("T", _same),
        symbol=("s", _same),
        original_quantity=("q", _decimal),
        original_price=("p", _decimal),
        is_maker=("m", _same),
        client_order_id=("c", _same),
        side=("S", _same),
        last_filled_price=("L", _decimal),
        last_filled_quantity=("l", _decimal),
        trade_id=("t", _same),
        order_id=("i", _same),
    )


@frozen
class AccountUpdate(UserDataEvent):
    """Balances or positions changed (``ACCOUNT_UPDATE``), for `reason` (ORDER, FUNDING_FEE, DEPOSIT...).

    `balances` and `positions` hold only what changed (a cross-margin funding fee sends no
    position). `funding_symbol` names the contract of a FUNDING_FEE update when Binance sends it.
    """

    TYPE: ClassVar[str] = "ACCOUNT_UPDATE"

    event_time: int
    transaction_time: int
    reason: str
    balances: tuple[FuturesBalance, ...] = ()
    positions: tuple[FuturesPosition, ...] = ()
    funding_symbol: Optional[str] = None
    account_alias: Optional[str] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[_Table] = _wire(
        event_time=("E", _same),
        transaction_time=("T", _same),
        reason=("a.m", _same),
        balances=("a.B", _items(FuturesBalance, FuturesBalance._WIRE), _OPTIONAL),
        positions=("a.P", _items(FuturesPosition, FuturesPosition._WIRE), _OPTIONAL),
        funding_symbol=("a.S", _same, _OPTIONAL),
        account_alias=("i", _same, _OPTIONAL),
    )


@frozen
class MarginCall(UserDataEvent):
    """The risk ratio is too high (``MARGIN_CALL``): guidance only, the positions may already be liquidated.

    `cross_wallet_balance` is sent for crossed positions only.
    """

    TYPE: ClassVar[str] = "MARGIN_CALL"

    event_time: int
    positions: tuple[MarginCallPosition, ...]
    cross_wallet_balance: Optional[Decimal] = None
    account_alias: Optional[str] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[_Table] = _wire(
        event_time=("E", _same),
        positions=("p", _items(MarginCallPosition, MarginCallPosition._WIRE)),
        cross_wallet_balance=("cw", _decimal, _OPTIONAL),
        account_alias=("i", _same, _OPTIONAL),
    )


@frozen
class AccountConfigUpdate(UserDataEvent):
    """An account setting changed (``ACCOUNT_CONFIG_UPDATE``).

    Either a symbol's leverage (`symbol` and `leverage`, wire ``"ac"``) or, UM only, the
    Multi-Assets margin mode (`multi_assets_mode`, wire ``"ai"``); the other fields are None.
    """

    TYPE: ClassVar[str] = "ACCOUNT_CONFIG_UPDATE"

    event_time: int
    transaction_time: int
    symbol: Optional[str] = None
    leverage: Optional[int] = None
    multi_assets_mode: Optional[bool] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[_Table] = _wire(
        event_time=("E", _same),
        transaction_time=("T", _same),
        symbol=("ac.s", _same, _OPTIONAL),
        leverage=("ac.l", _same, _OPTIONAL),
        multi_assets_mode=("ai.j", _same, _OPTIONAL),
    )

    def __attrs_post_init__(self) -> None:
        # "ac" carries both or it is not the documented shape: let the parser deliver UnknownEvent.
        if (self.symbol is None) != (self.leverage is None):
            raise ValueError("ACCOUNT_CONFIG_UPDATE 'ac' needs both 's' and 'l'")


@frozen
class AlgoUpdate(UserDataEvent):
    """A conditional (algo) order was placed or changed status (``ALGO_UPDATE``, UM only).

    `algo_status`: NEW, CANCELED, TRIGGERING, TRIGGERED, FINISHED, REJECTED, EXPIRED. Once
    triggered, `order_id` is the order placed in the matching engine, `actual_order_type` its
    type, `average_price` and `executed_quantity` its fills (None/zero before). `reason` says
    why it failed (e.g. ``"Reduce Only reject"``). `is_activated` is sent for trailing orders.
    """

    TYPE: ClassVar[str] = "ALGO_UPDATE"

    event_time: int
    transaction_time: int
    client_algo_id: str
    algo_id: int
    algo_type: str
    order_type: str
    symbol: str
    side: str
    position_side: str
    time_in_force: str
    quantity: Decimal
    algo_status: str
    trigger_price: Decimal
    price: Decimal
    stp_mode: str
    working_type: str
    price_match: str
    close_position: bool
    price_protect: bool
    is_reduce_only: bool
    trigger_time: int
    good_till_date: int
    order_id: Optional[int] = None
    average_price: Optional[Decimal] = None
    executed_quantity: Optional[Decimal] = None
    actual_order_type: Optional[str] = None
    reason: Optional[str] = None
    is_activated: Optional[bool] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[_Table] = _wire(
        # The docs' comments call "T" the event time and "E" the transaction time; the SDK's
        # models and the example values say otherwise, as on every other event.
        event_time=("E", _same),
        transaction_time=("T", _same),
        client_algo_id=("o.caid", _same),
        algo_id=("o.aid", _same),
        algo_type=("o.at", _same),
        order_type=("o.o", _same),
        symbol=("o.s", _same),
        side=("o.S", _same),
        position_side=("o.ps", _same),
        time_in_force=("o.f", _same),
        quantity=("o.q", _decimal),
        algo_status=("o.X", _same),
        trigger_price=("o.tp", _decimal),
        price=("o.p", _decimal),
        stp_mode=("o.V", _same),
        working_type=("o.wt", _same),
        price_match=("o.pm", _same),
        close_position=("o.cp", _same),
        price_protect=("o.pP", _same),
        is_reduce_only=("o.R", _same),
        trigger_time=("o.tt", _same),
        good_till_date=("o.gtd", _same),
        order_id=("o.ai", _order_id_or_none, _OPTIONAL),
        average_price=("o.ap", _decimal, _OPTIONAL),
        executed_quantity=("o.aq", _decimal, _OPTIONAL),
        actual_order_type=("o.act", _order_type_or_none, _OPTIONAL),
        reason=("o.rm", _same, _OPTIONAL),
        is_activated=("o.ia", _same, _OPTIONAL),
    )


@frozen
class ListenKeyExpired(UserDataEvent):
    """The listenKey expired (``listenKeyExpired``): no more events until a new key is used.

    Unrelated to the connection itself. `listen_key` is None in the older shape that did not
    name the key.
    """

    TYPE: ClassVar[str] = "listenKeyExpired"

    event_time: int
    listen_key: Optional[str] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    # Older payloads sent "E" as a string.
    _WIRE: ClassVar[_Table] = _wire(event_time=("E", _int), listen_key=("listenKey", _same, _OPTIONAL))


_TYPES: dict[str, Any] = {
    cls.TYPE: cls
    for cls in (OrderTradeUpdate, TradeLite, AccountUpdate, MarginCall, AccountConfigUpdate, AlgoUpdate,
                ListenKeyExpired)
}


def _order_trade_update_repr(self: OrderTradeUpdate) -> str:
    """The fields that say what happened to which order, on one line."""
    text = (f"<OrderTradeUpdate {self.symbol} {self.side} {self.order_type} {self.execution_type}->{self.order_status}"
            f" order_id={self.order_id} client_order_id={self.client_order_id!r}"
            f" qty={_plain(self.original_quantity)} price={_plain(self.original_price)}"
            f" filled={_plain(self.filled_accumulated_quantity)}")
    if self.position_side != "BOTH":
        text += f" position_side={self.position_side}"
    if self.execution_type in ("TRADE", "CALCULATED"):
        text += f" last={_plain(self.last_filled_quantity)}@{_plain(self.last_filled_price)}"
        if self.commission_asset and self.commission is not None:
            text += f" fee={_plain(self.commission)} {self.commission_asset}"
        if self.realized_profit:
            text += f" realized={_plain(self.realized_profit)}"
    if self.expiry_reason:
        text += f" expiry_reason={self.expiry_reason}"
    return text + ">"


for _cls in (*_TYPES.values(), FuturesBalance, FuturesPosition, MarginCallPosition):
    _cls.__repr__ = _event_repr
OrderTradeUpdate.__repr__ = _order_trade_update_repr  # type: ignore[assignment,method-assign]


def parse_futures_event(raw: Mapping[str, Any]) -> UserDataEvent:
    """The event object for one UM or CM user data stream event (the payload, not a ``{"stream", "data"}`` wrapper)."""
    event_type = raw.get("e")
    cls = _TYPES.get(event_type) if isinstance(event_type, str) else None
    if cls is not None:
        try:
            return cls(**_read(cls._WIRE, raw), raw=raw)  # type: ignore[no-any-return]
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            log.warning("a %s event could not be read (%r); delivered as UnknownEvent", event_type, exc)
    event_time = raw.get("E")
    return UnknownEvent(str(event_type), event_time if isinstance(event_time, int) else None, raw=raw)
