"""LocalExchange's data: symbols and their filters, orders, order lists, trades and accounts.

Plain state with the renderings Binance uses for it (`Order.result()`, `Order.query()`,
`OrderList.summary()`, ...); the rules that change it live in `engine.py`.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any, Optional

from attrs import define, field, frozen

__all__ = [
    "Account",
    "DEFAULT_SYMBOLS",
    "JsonNumber",
    "Order",
    "OrderList",
    "SymbolSpec",
    "Trade",
    "WireError",
    "ZERO",
    "fmt",
]

ZERO = Decimal(0)
SATOSHI = Decimal("0.00000001")


class JsonNumber(Decimal):
    """A JSON number with a fraction or an exponent, as a Decimal that remembers how it was written.

    Binance checks a DECIMAL parameter's text against a pattern (``5e-05`` is refused, even as a
    JSON number) and signs the text as sent; `Decimal` alone would turn ``5e-05`` into ``0.00005``.
    """

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> JsonNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number


class WireError(Exception):
    """An error answer: HTTP-like status, Binance code and message (and optional data)."""

    def __init__(self, status: int, code: int, msg: str, data: Optional[dict[str, Any]] = None) -> None:
        super().__init__(f"{status} {code} {msg}")
        self.status = status
        self.code = code
        self.msg = msg
        self.data = data

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "msg": self.msg}
        if self.data is not None:
            error["data"] = self.data
        return error


def bad_param(name: str) -> WireError:
    return WireError(400, -1102, f"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.")


def invalid_value(name: str) -> WireError:
    return WireError(400, -1130, f"Data sent for parameter '{name}' is not valid.")


def rejected(msg: str) -> WireError:
    return WireError(400, -2010, msg)


def filter_failure(name: str) -> WireError:
    return WireError(400, -1013, f"Filter failure: {name}")


def fmt(value: Decimal) -> str:
    """Binance renders amounts with 8 decimals."""
    return f"{value:.8f}"


def json_text_array(value: Any) -> Any:
    """An ARRAY parameter sent as JSON text (``"[\"BTCUSDT\"]"``, as REST takes it and as
    binance-sdk-spot sends it on the WebSocket API too) as the list it spells; else unchanged.

    The gateway passes parameters to the same engine as REST, where an array can only be
    text, so the text form is read the same way wherever an array is (market.py, rules.py).
    """
    if isinstance(value, str) and value.startswith("["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def decimal_param(params: dict[str, Any], name: str) -> Optional[Decimal]:
    value = params.get(name)
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise invalid_value(name) from None
    if not number.is_finite() or number < 0:
        raise invalid_value(name)
    if number != number.quantize(SATOSHI):
        # More decimals than the asset's precision (8 here: baseAssetPrecision, quotePrecision)
        # is refused before any filter looks at the value: "0.000000001" is -1111, not LOT_SIZE.
        raise WireError(400, -1111, f"Parameter '{name}' has too much precision.")
    return number


def int_param(params: dict[str, Any], name: str) -> Optional[int]:
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, bool):
        raise invalid_value(name)
    try:
        return int(str(value))
    except ValueError:
        raise invalid_value(name) from None


@frozen
class SymbolSpec:
    """A symbol's static rules, published by exchangeInfo and enforced on every order."""

    name: str
    base: str
    quote: str
    mid: Decimal
    tick_size: Decimal
    step_size: Decimal
    min_qty: Decimal
    max_qty: Decimal
    min_price: Decimal
    max_price: Decimal
    min_notional: Decimal
    max_notional: Decimal = Decimal("9000000")
    iceberg_parts: int = 10
    max_num_orders: int = 200
    max_num_algo_orders: int = 5
    max_num_order_lists: int = 20
    max_num_order_amends: int = 10
    #: The mode an order gets when it names none: production symbols default to EXPIRE_MAKER
    #: (exchangeInfo's defaultSelfTradePreventionMode), so an account crossing its own order
    #: expires the resting one instead of trading with itself.
    default_stp: str = "EXPIRE_MAKER"
    allowed_stp: tuple[str, ...] = ("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER")

    def filters(self) -> list[dict[str, Any]]:
        return [
            {
                "filterType": "PRICE_FILTER",
                "minPrice": fmt(self.min_price),
                "maxPrice": fmt(self.max_price),
                "tickSize": fmt(self.tick_size),
            },
            {
                "filterType": "LOT_SIZE",
                "minQty": fmt(self.min_qty),
                "maxQty": fmt(self.max_qty),
                "stepSize": fmt(self.step_size),
            },
            {"filterType": "ICEBERG_PARTS", "limit": self.iceberg_parts},
            {
                "filterType": "NOTIONAL",
                "minNotional": fmt(self.min_notional),
                "applyMinToMarket": True,
                "maxNotional": fmt(self.max_notional),
                "applyMaxToMarket": False,
                "avgPriceMins": 5,
            },
            {"filterType": "MAX_NUM_ORDERS", "maxNumOrders": self.max_num_orders},
            {"filterType": "MAX_NUM_ALGO_ORDERS", "maxNumAlgoOrders": self.max_num_algo_orders},
            {"filterType": "MAX_NUM_ORDER_LISTS", "maxNumOrderLists": self.max_num_order_lists},
            {"filterType": "MAX_NUM_ORDER_AMENDS", "maxNumOrderAmends": self.max_num_order_amends},
        ]

    def round_qty(self, qty: Decimal) -> Decimal:
        """Round a quantity down to the step size."""
        return (qty // self.step_size) * self.step_size


def _spec(name: str, base: str, quote: str, mid: str, tick: str, step: str, max_qty: str, max_price: str,
          min_notional: str) -> SymbolSpec:
    return SymbolSpec(
        name, base, quote, Decimal(mid), Decimal(tick), Decimal(step), Decimal(step), Decimal(max_qty),
        Decimal(tick), Decimal(max_price), Decimal(min_notional),
    )


DEFAULT_SYMBOLS = (
    _spec("BTCUSDT", "BTC", "USDT", "50000", "0.01", "0.00001", "9000", "1000000", "5"),
    _spec("ETHUSDT", "ETH", "USDT", "3000", "0.01", "0.0001", "9000", "1000000", "5"),
    _spec("BNBBTC", "BNB", "BTC", "0.0123", "0.000001", "0.001", "9000000", "100000", "0.0001"),
)


@frozen
class Trade:
    """One execution between two orders."""

    id: int
    symbol: str
    price: Decimal
    qty: Decimal
    time: int
    is_buyer_maker: bool
    buyer_order_id: int
    seller_order_id: int
    taker_order_id: int

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "price": fmt(self.price),
            "qty": fmt(self.qty),
            "quoteQty": fmt(self.price * self.qty),
            "time": self.time,
            "isBuyerMaker": self.is_buyer_maker,
            "isBestMatch": True,
        }


@define(eq=False)
class Order:
    """One order, open or done. `account` is None for the seeded market maker's orders."""

    order_id: int
    client_order_id: str
    symbol: str
    side: str
    type: str
    time_in_force: str
    price: Decimal
    orig_qty: Decimal
    account: Optional[Account]
    time: int
    orig_quote_qty: Decimal = ZERO
    executed_qty: Decimal = ZERO
    cumm_quote_qty: Decimal = ZERO
    status: str = "NEW"
    update_time: int = 0
    working_time: int = -1
    stop_price: Decimal = ZERO
    trailing_delta: int = 0
    trailing_time: int = -1
    iceberg_qty: Decimal = ZERO
    strategy_id: Optional[int] = None
    strategy_type: Optional[int] = None
    stp_mode: str = "NONE"
    order_list: Optional[OrderList] = None
    used_sor: bool = False
    #: The client order id a cancel renamed it from (executionReport's "C").
    canceled_client_order_id: str = ""
    prevented_match_id: Optional[int] = None
    prevented_qty: Decimal = ZERO
    expiry_reason: Optional[str] = None
    #: Funds this order holds (asset, amount); what it spends is taken from here.
    locked_asset: str = ""
    locked: Decimal = ZERO
    #: A MARKET buy's quote budget (its reserved funds), or None when bounded by quantity.
    budget: Optional[Decimal] = None
    #: Iceberg: the part showing on the book.
    visible: Decimal = ZERO
    #: Stop orders: whether the stop has triggered; trailing stops: the best price since activation.
    triggered: bool = False
    trail_ref: Optional[Decimal] = None
    amendments: int = 0
    fills: list[dict[str, Any]] = field(factory=list)

    @property
    def remaining(self) -> Decimal:
        return self.orig_qty - self.executed_qty

    @property
    def is_open(self) -> bool:
        return self.status in ("NEW", "PARTIALLY_FILLED", "PENDING_NEW")

    @property
    def is_stop(self) -> bool:
        return self.type in ("STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT")

    @property
    def list_id(self) -> int:
        return self.order_list.order_list_id if self.order_list is not None else -1

    def _conditional(self, out: dict[str, Any], *, always_stop: bool = False) -> None:
        if always_stop or self.stop_price:
            out["stopPrice"] = fmt(self.stop_price)
        if self.trailing_delta:
            out["trailingDelta"] = self.trailing_delta
            out["trailingTime"] = self.trailing_time
        if always_stop or self.iceberg_qty:
            out["icebergQty"] = fmt(self.iceberg_qty)
        if self.strategy_id is not None:
            out["strategyId"] = self.strategy_id
        if self.strategy_type is not None:
            out["strategyType"] = self.strategy_type

    def _stp_fields(self, out: dict[str, Any]) -> None:
        out["selfTradePreventionMode"] = self.stp_mode
        if self.prevented_match_id is not None:
            out["preventedMatchId"] = self.prevented_match_id
            out["preventedQuantity"] = fmt(self.prevented_qty)
        if self.used_sor:
            out["usedSor"] = True
            out["workingFloor"] = "SOR"
        if self.expiry_reason is not None:
            out["expiryReason"] = self.expiry_reason

    def ack(self, transact_time: int) -> dict[str, Any]:
        """The ACK response of a placement."""
        return {
            "symbol": self.symbol,
            "orderId": self.order_id,
            "orderListId": self.list_id,
            "clientOrderId": self.client_order_id,
            "transactTime": transact_time,
        }

    def result(self, transact_time: int) -> dict[str, Any]:
        """The RESULT shape (placements, cancels, list reports)."""
        out = self.ack(transact_time)
        out.update(
            price=fmt(self.price),
            origQty=fmt(self.orig_qty),
            executedQty=fmt(self.executed_qty),
            origQuoteOrderQty=fmt(self.orig_quote_qty),
            cummulativeQuoteQty=fmt(self.cumm_quote_qty),
            status=self.status,
            timeInForce=self.time_in_force,
            type=self.type,
            side=self.side,
        )
        self._conditional(out)
        if self.working_time >= 0:
            out["workingTime"] = self.working_time
        self._stp_fields(out)
        return out

    def query(self) -> dict[str, Any]:
        """The order.status / openOrders.status / allOrders shape."""
        out: dict[str, Any] = {
            "symbol": self.symbol,
            "orderId": self.order_id,
            "orderListId": self.list_id,
            "clientOrderId": self.client_order_id,
            "price": fmt(self.price),
            "origQty": fmt(self.orig_qty),
            "executedQty": fmt(self.executed_qty),
            "cummulativeQuoteQty": fmt(self.cumm_quote_qty),
            "status": self.status,
            "timeInForce": self.time_in_force,
            "type": self.type,
            "side": self.side,
        }
        self._conditional(out, always_stop=True)
        out.update(
            time=self.time,
            updateTime=self.update_time,
            isWorking=self.working_time >= 0,
            workingTime=self.working_time,
            origQuoteOrderQty=fmt(self.orig_quote_qty),
        )
        self._stp_fields(out)
        return out

    def cancelled(self, transact_time: int, orig_client_order_id: Optional[str]) -> dict[str, Any]:
        """A canceled order in a cancel's answer: the RESULT shape without workingTime (Binance's
        cancel answers have none), with origClientOrderId second as in the docs (where given)."""
        result = self.result(transact_time)
        result.pop("workingTime", None)
        if orig_client_order_id is None:
            return result
        return {"symbol": result.pop("symbol"), "origClientOrderId": orig_client_order_id, **result}

    def ref(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "orderId": self.order_id, "clientOrderId": self.client_order_id}


@define(eq=False)
class OrderList:
    """An order list: OCO, OTO, OTOCO, OPO or OPOCO (contingency type OCO or OTO)."""

    order_list_id: int
    list_client_order_id: str
    symbol: str
    kind: str
    account: Account
    transaction_time: int
    orders: list[Order] = field(factory=list)
    list_status_type: str = "EXEC_STARTED"
    list_order_status: str = "EXECUTING"
    #: OCO legs share one reservation until one of them starts executing.
    locked_asset: str = ""
    locked: Decimal = ZERO
    #: OTO/OPO: the working order and the orders it releases.
    working: Optional[Order] = None
    pending: list[Order] = field(factory=list)

    @property
    def contingency_type(self) -> str:
        return "OCO" if self.kind == "OCO" else "OTO"

    @property
    def is_open(self) -> bool:
        return self.list_order_status == "EXECUTING"

    def summary(self) -> dict[str, Any]:
        """orderList.status / allOrderLists shape."""
        return {
            "orderListId": self.order_list_id,
            "contingencyType": self.contingency_type,
            "listStatusType": self.list_status_type,
            "listOrderStatus": self.list_order_status,
            "listClientOrderId": self.list_client_order_id,
            "transactionTime": self.transaction_time,
            "symbol": self.symbol,
            "orders": [o.ref() for o in self.orders],
        }

    def report(self, transact_time: int, reports: Optional[list[dict[str, Any]]] = None) -> dict[str, Any]:
        """Placement and cancel shape: the summary plus every order's report."""
        out = self.summary()
        out["orderReports"] = reports if reports is not None else [o.result(transact_time) for o in self.orders]
        return out


@define(eq=False)
class Account:
    """An account: its key, balances (free, locked), orders, trades and histories."""

    uid: int
    api_key: str
    key_type: str
    verify_key: Any
    balances: dict[str, list[Decimal]] = field(factory=dict)
    update_time: int = 0
    maker_rate: Decimal = Decimal("0.001")
    taker_rate: Decimal = Decimal("0.001")
    orders: dict[int, Order] = field(factory=dict)
    #: Orders that may still be open (pruned as they are read), so finding the open ones does
    #: not scan the whole history.
    live: dict[int, Order] = field(factory=dict)
    #: Every order id that ever carried a client order id, by that id.
    by_client_id: dict[str, list[int]] = field(factory=dict)
    lists: dict[int, OrderList] = field(factory=dict)
    trades: list[dict[str, Any]] = field(factory=list)
    allocations: list[dict[str, Any]] = field(factory=list)
    prevented: list[dict[str, Any]] = field(factory=list)
    amendments: list[dict[str, Any]] = field(factory=list)

    def open_orders(self) -> list[Order]:
        """The account's open orders, in order of id."""
        live = self.live
        for order_id in [i for i, o in live.items() if not o.is_open]:
            del live[order_id]
        return sorted(live.values(), key=lambda o: o.order_id)

    def free(self, asset: str) -> Decimal:
        return self.balances.get(asset, [ZERO, ZERO])[0]

    def slot(self, asset: str) -> list[Decimal]:
        return self.balances.setdefault(asset, [ZERO, ZERO])

    def lock(self, asset: str, amount: Decimal) -> None:
        slot = self.slot(asset)
        slot[0] -= amount
        slot[1] += amount

    def unlock(self, asset: str, amount: Decimal) -> None:
        slot = self.slot(asset)
        slot[0] += amount
        slot[1] -= amount
