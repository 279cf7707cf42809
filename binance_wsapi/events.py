"""User data stream events: one small class per documented event type, with readable names.

The wire uses single-letter keys (``"l"`` is the last filled quantity, ``"L"`` its price);
each class maps them to names once, in its `_WIRE` table, and keeps the whole wire dict as
`raw`. Decimal strings become `Decimal`, times stay epoch milliseconds as sent. Fields that
Binance sends only sometimes (trailing, STP, pegged, allocation fields) are None when absent.

An event type this version does not know, or a known one missing a field it should carry,
arrives as `UnknownEvent` with its `raw` dict: an event is never dropped for its shape.

Two kinds of event come from the library, not from Binance: `StreamGap` (events may have
been missed while disconnected) and `AccountSnapshot` (balances and open orders read after
a gap, with ``resync=True``).
"""

from __future__ import annotations

import logging
import time
from decimal import Decimal
from typing import Any, Callable, ClassVar, Mapping, Optional, Union

import attrs
from attrs import field, frozen

log = logging.getLogger("binance_wsapi")

__all__ = [
    "AccountSnapshot",
    "Balance",
    "BalanceUpdate",
    "EventStreamTerminated",
    "ExecutionReport",
    "ExternalLockUpdate",
    "ListOrder",
    "ListStatus",
    "OutboundAccountPosition",
    "StreamGap",
    "UnknownEvent",
    "UserDataEvent",
    "parse_event",
]

_Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _decimal(value: Any) -> Optional[Decimal]:
    return None if value is None else Decimal(value)


@frozen
class Balance:
    """One asset's balance: `free` to trade, `locked` in open orders."""

    asset: str
    free: Decimal
    locked: Decimal

    @classmethod
    def from_wire(cls, item: Mapping[str, Any]) -> Balance:
        """From ``{"a": ..., "f": ..., "l": ...}`` (events) or ``{"asset", "free", "locked"}`` (account.status)."""
        if "a" in item:
            return cls(item["a"], Decimal(item["f"]), Decimal(item["l"]))
        return cls(item["asset"], Decimal(item["free"]), Decimal(item["locked"]))


@frozen
class ListOrder:
    """One order of an order list, as a `ListStatus` names it."""

    symbol: str
    order_id: int
    client_order_id: str


def _balances(items: Any) -> tuple[Balance, ...]:
    return tuple(Balance.from_wire(item) for item in items)


def _list_orders(items: Any) -> tuple[ListOrder, ...]:
    return tuple(ListOrder(item["s"], item["i"], item["c"]) for item in items)


class UserDataEvent:
    """Base of every user data stream event; `type` is the wire name (``"executionReport"``)."""

    __slots__ = ()
    TYPE: ClassVar[str] = ""
    #: attribute -> (wire key, converter, required). Built from the classes' field lists.
    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = {}

    @property
    def type(self) -> str:
        return self.TYPE


def _wire(**fields: Union[tuple[str, _Convert], tuple[str, _Convert, bool]]) -> dict[str, tuple[str, _Convert, bool]]:
    """The attribute -> wire key table of one event class; fields are required unless marked."""
    return {name: (spec[0], spec[1], spec[2] if len(spec) == 3 else True) for name, spec in fields.items()}


_OPTIONAL = False


@frozen
class ExecutionReport(UserDataEvent):
    """An order changed (``executionReport``): placed, filled, cancelled, expired, amended...

    `execution_type` says what happened now (NEW, TRADE, CANCELED, EXPIRED, REPLACED,
    TRADE_PREVENTION), `order_status` where the order stands. For a TRADE, `last_filled_qty`
    at `last_filled_price` is this fill; the average price is `cumulative_quote_qty /
    cumulative_filled_qty`.
    """

    TYPE: ClassVar[str] = "executionReport"

    event_time: int
    symbol: str
    client_order_id: str
    side: str
    order_type: str
    time_in_force: str
    quantity: Decimal
    price: Decimal
    stop_price: Decimal
    iceberg_qty: Decimal
    order_list_id: int
    orig_client_order_id: str
    execution_type: str
    order_status: str
    reject_reason: str
    order_id: int
    last_filled_qty: Decimal
    cumulative_filled_qty: Decimal
    last_filled_price: Decimal
    commission: Decimal
    commission_asset: Optional[str]
    transaction_time: int
    trade_id: int
    execution_id: int
    is_working: bool
    is_maker: bool
    created_time: int
    cumulative_quote_qty: Decimal
    last_quote_qty: Decimal
    quote_order_qty: Decimal
    self_trade_prevention_mode: str
    working_time: Optional[int] = None
    trailing_delta: Optional[int] = None
    trailing_time: Optional[int] = None
    strategy_id: Optional[int] = None
    strategy_type: Optional[int] = None
    prevented_match_id: Optional[int] = None
    prevented_qty: Optional[Decimal] = None
    last_prevented_qty: Optional[Decimal] = None
    trade_group_id: Optional[int] = None
    counter_order_id: Optional[int] = None
    counter_symbol: Optional[str] = None
    prevented_execution_qty: Optional[Decimal] = None
    prevented_execution_price: Optional[Decimal] = None
    prevented_execution_quote_qty: Optional[Decimal] = None
    match_type: Optional[str] = None
    allocation_id: Optional[int] = None
    working_floor: Optional[str] = None
    used_sor: Optional[bool] = None
    peg_price_type: Optional[str] = None
    peg_offset_type: Optional[str] = None
    peg_offset_value: Optional[int] = None
    pegged_price: Optional[Decimal] = None
    expiry_reason: Optional[str] = None
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = _wire(
        event_time=("E", _same),
        symbol=("s", _same),
        client_order_id=("c", _same),
        side=("S", _same),
        order_type=("o", _same),
        time_in_force=("f", _same),
        quantity=("q", _decimal),
        price=("p", _decimal),
        stop_price=("P", _decimal),
        iceberg_qty=("F", _decimal),
        order_list_id=("g", _same),
        orig_client_order_id=("C", _same),
        execution_type=("x", _same),
        order_status=("X", _same),
        reject_reason=("r", _same),
        order_id=("i", _same),
        last_filled_qty=("l", _decimal),
        cumulative_filled_qty=("z", _decimal),
        last_filled_price=("L", _decimal),
        commission=("n", _decimal),
        commission_asset=("N", _same),
        transaction_time=("T", _same),
        trade_id=("t", _same),
        execution_id=("I", _same),
        is_working=("w", _same),
        is_maker=("m", _same),
        created_time=("O", _same),
        cumulative_quote_qty=("Z", _decimal),
        last_quote_qty=("Y", _decimal),
        quote_order_qty=("Q", _decimal),
        self_trade_prevention_mode=("V", _same),
        working_time=("W", _same, _OPTIONAL),
        trailing_delta=("d", _same, _OPTIONAL),
        trailing_time=("D", _same, _OPTIONAL),
        strategy_id=("j", _same, _OPTIONAL),
        strategy_type=("J", _same, _OPTIONAL),
        prevented_match_id=("v", _same, _OPTIONAL),
        prevented_qty=("A", _decimal, _OPTIONAL),
        last_prevented_qty=("B", _decimal, _OPTIONAL),
        trade_group_id=("u", _same, _OPTIONAL),
        counter_order_id=("U", _same, _OPTIONAL),
        counter_symbol=("Cs", _same, _OPTIONAL),
        prevented_execution_qty=("pl", _decimal, _OPTIONAL),
        prevented_execution_price=("pL", _decimal, _OPTIONAL),
        prevented_execution_quote_qty=("pY", _decimal, _OPTIONAL),
        match_type=("b", _same, _OPTIONAL),
        allocation_id=("a", _same, _OPTIONAL),
        working_floor=("k", _same, _OPTIONAL),
        used_sor=("uS", _same, _OPTIONAL),
        peg_price_type=("gP", _same, _OPTIONAL),
        peg_offset_type=("gOT", _same, _OPTIONAL),
        peg_offset_value=("gOV", _same, _OPTIONAL),
        pegged_price=("gp", _decimal, _OPTIONAL),
        expiry_reason=("eR", _same, _OPTIONAL),
    )


@frozen
class OutboundAccountPosition(UserDataEvent):
    """Balances changed (``outboundAccountPosition``): the new free and locked amounts of the
    assets concerned, as of `last_update_time`."""

    TYPE: ClassVar[str] = "outboundAccountPosition"

    event_time: int
    last_update_time: int
    balances: tuple[Balance, ...]
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = _wire(
        event_time=("E", _same), last_update_time=("u", _same), balances=("B", _balances)
    )


@frozen
class BalanceUpdate(UserDataEvent):
    """A deposit, withdrawal or transfer changed `asset` by `delta` (``balanceUpdate``)."""

    TYPE: ClassVar[str] = "balanceUpdate"

    event_time: int
    asset: str
    delta: Decimal
    clear_time: int
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = _wire(
        event_time=("E", _same), asset=("a", _same), delta=("d", _decimal), clear_time=("T", _same)
    )


@frozen
class ListStatus(UserDataEvent):
    """An order list changed (``listStatus``), sent along with its orders' execution reports."""

    TYPE: ClassVar[str] = "listStatus"

    event_time: int
    symbol: str
    order_list_id: int
    contingency_type: str
    list_status_type: str
    list_order_status: str
    list_reject_reason: str
    list_client_order_id: str
    transaction_time: int
    orders: tuple[ListOrder, ...]
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = _wire(
        event_time=("E", _same),
        symbol=("s", _same),
        order_list_id=("g", _same),
        contingency_type=("c", _same),
        list_status_type=("l", _same),
        list_order_status=("L", _same),
        list_reject_reason=("r", _same),
        list_client_order_id=("C", _same),
        transaction_time=("T", _same),
        orders=("O", _list_orders),
    )


@frozen
class ExternalLockUpdate(UserDataEvent):
    """An external system (e.g. margin collateral) locked (+) or unlocked (-) `delta` of `asset`."""

    TYPE: ClassVar[str] = "externalLockUpdate"

    event_time: int
    asset: str
    delta: Decimal
    transaction_time: int
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = _wire(
        event_time=("E", _same), asset=("a", _same), delta=("d", _decimal), transaction_time=("T", _same)
    )


@frozen
class EventStreamTerminated(UserDataEvent):
    """Binance ended the subscription (``eventStreamTerminated``): no more events follow."""

    TYPE: ClassVar[str] = "eventStreamTerminated"

    event_time: int
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    _WIRE: ClassVar[dict[str, tuple[str, _Convert, bool]]] = _wire(event_time=("E", _same))


@frozen
class UnknownEvent(UserDataEvent):
    """An event this version cannot parse (a new type, or a known one missing a field); see `raw`."""

    event_type: str
    event_time: Optional[int]
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    @property
    def type(self) -> str:
        return self.event_type


@frozen
class StreamGap(UserDataEvent):
    """Events from `start` to `end` (local epoch seconds) may have been missed.

    Delivered before the first event after the gap. After a reconnect, or a connection
    switch that did not end cleanly, re-read balances and open orders (or subscribe with
    ``resync=True`` and an `AccountSnapshot` follows). With ``on_overflow="drop_oldest"`` it
    also marks events dropped because the consumer fell behind: `dropped` counts them.
    """

    TYPE: ClassVar[str] = "streamGap"

    start: float
    end: float
    reason: str
    dropped: int = 0


@frozen
class AccountSnapshot(UserDataEvent):
    """Balances, open orders and open order lists, read after the subscription started.

    With ``resync=True`` one follows every `StreamGap` (and the first subscription). Events
    delivered before it may predate it; compare `update_time` with an
    `OutboundAccountPosition`'s `last_update_time` to tell which balances are newer.
    """

    TYPE: ClassVar[str] = "accountSnapshot"

    update_time: int
    balances: tuple[Balance, ...]
    open_orders: tuple[Mapping[str, Any], ...]
    open_order_lists: tuple[Mapping[str, Any], ...]
    at: float = field(factory=time.time)
    raw: Mapping[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_results(cls, account: Mapping[str, Any], orders: Any, lists: Any) -> AccountSnapshot:
        """From the results of ``account.status``, ``openOrders.status`` and ``openOrderLists.status``."""
        balances = _balances(account.get("balances", ()))
        return cls(
            account.get("updateTime", 0), balances, tuple(orders), tuple(lists), raw=dict(account)
        )


def _plain(value: Any) -> str:
    """A value as a person reads it: Decimals without exponents or padding (0, 0.001, 40000)."""
    if isinstance(value, Decimal):
        if not value:
            return "0"
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, tuple) and value and isinstance(value[0], Balance):
        return "[" + ", ".join(f"{b.asset} {_plain(b.free)}+{_plain(b.locked)}" for b in value) + "]"
    return repr(value)


def _event_repr(self: Any) -> str:
    """``<Name field=value ...>`` with the fields that are set, decimals written plainly."""
    parts = []
    for attribute in attrs.fields(type(self)):
        if attribute.name in ("raw", "at"):
            continue
        value = getattr(self, attribute.name)
        if value is None or value == () or value == {}:
            continue
        parts.append(f"{attribute.name}={_plain(value)}")
    return f"<{type(self).__name__} {' '.join(parts)}>"


def _execution_report_repr(self: ExecutionReport) -> str:
    """The fields that say what happened to which order, on one line."""
    text = (f"<ExecutionReport {self.symbol} {self.side} {self.order_type} {self.execution_type}->{self.order_status}"
            f" order_id={self.order_id} client_order_id={self.client_order_id!r}"
            f" qty={_plain(self.quantity)} price={_plain(self.price)} filled={_plain(self.cumulative_filled_qty)}")
    if self.execution_type == "TRADE":
        text += f" last={_plain(self.last_filled_qty)}@{_plain(self.last_filled_price)}"
        if self.commission_asset:
            text += f" fee={_plain(self.commission)} {self.commission_asset}"
    if self.reject_reason != "NONE":
        text += f" reject={self.reject_reason}"
    return text + ">"


_TYPES: dict[str, Any] = {
    cls.TYPE: cls
    for cls in (ExecutionReport, OutboundAccountPosition, BalanceUpdate, ListStatus, ExternalLockUpdate, EventStreamTerminated)
}


# attrs writes a repr listing every field (1,300 characters for an ExecutionReport, zeros as
# Decimal('0E-8')); people read these in logs and notebooks.
for _cls in (*_TYPES.values(), UnknownEvent, AccountSnapshot, Balance, ListOrder):
    _cls.__repr__ = _event_repr
ExecutionReport.__repr__ = _execution_report_repr  # type: ignore[assignment,method-assign]


def parse_event(raw: Mapping[str, Any]) -> UserDataEvent:
    """The event object for one wire event (the ``"event"`` member of the frame)."""
    event_type = raw.get("e")
    cls = _TYPES.get(event_type) if isinstance(event_type, str) else None
    if cls is not None:
        values: dict[str, Any] = {}
        try:
            for name, (key, convert, required) in cls._WIRE.items():
                if key in raw:
                    values[name] = convert(raw[key])
                elif required:
                    raise KeyError(key)
            return cls(**values, raw=raw)  # type: ignore[no-any-return]
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            log.warning("a %s event could not be read (%r); delivered as UnknownEvent", event_type, exc)
    event_time = raw.get("E")
    return UnknownEvent(str(event_type), event_time if isinstance(event_time, int) else None, raw=raw)
