"""LocalExchange's market: symbols, order books, accounts and a price-time matching engine.

Pure state and rules, no I/O: the server calls in with parsed parameters while holding the
exchange lock. Every price and quantity is a `Decimal`; responses render them with 8 decimals
as Binance does. Errors are raised as `WireError` with the documented code and message.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import random
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any, Deque, Iterable, Optional

from attrs import define, field, frozen

__all__ = ["Account", "Engine", "Order", "SymbolSpec", "WireError", "fmt"]

ZERO = Decimal(0)
_COMMISSION = Decimal("0.001")  # 0.1%, Binance's default spot rate without BNB discount


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


def fmt(value: Decimal) -> str:
    """Binance renders amounts with 8 decimals."""
    return f"{value:.8f}"


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
    return number


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
            {
                "filterType": "NOTIONAL",
                "minNotional": fmt(self.min_notional),
                "applyMinToMarket": True,
                "maxNotional": fmt(self.max_notional),
                "applyMaxToMarket": False,
                "avgPriceMins": 5,
            },
        ]


DEFAULT_SYMBOLS = (
    SymbolSpec(
        "BTCUSDT", "BTC", "USDT", Decimal("50000"), Decimal("0.01"), Decimal("0.00001"), Decimal("0.00001"),
        Decimal("9000"), Decimal("0.01"), Decimal("1000000"), Decimal("5"),
    ),
    SymbolSpec(
        "ETHUSDT", "ETH", "USDT", Decimal("3000"), Decimal("0.01"), Decimal("0.0001"), Decimal("0.0001"),
        Decimal("9000"), Decimal("0.01"), Decimal("1000000"), Decimal("5"),
    ),
    SymbolSpec(
        "BNBBTC", "BNB", "BTC", Decimal("0.0123"), Decimal("0.000001"), Decimal("0.001"), Decimal("0.001"),
        Decimal("9000000"), Decimal("0.000001"), Decimal("100000"), Decimal("0.0001"),
    ),
)


@define(eq=False)
class Order:
    """One order, resting or done. `account` is None for the seeded market maker's orders."""

    order_id: int
    client_order_id: str
    symbol: str
    side: str
    type: str
    time_in_force: Optional[str]
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
    stp_mode: str = "NONE"
    fills: list[dict[str, Any]] = field(factory=list)

    @property
    def remaining(self) -> Decimal:
        return self.orig_qty - self.executed_qty

    @property
    def is_open(self) -> bool:
        return self.status in ("NEW", "PARTIALLY_FILLED")

    def result(self, transact_time: int) -> dict[str, Any]:
        """The RESULT-style order fields (order.place, order.cancel)."""
        out = {
            "symbol": self.symbol,
            "orderId": self.order_id,
            "orderListId": -1,
            "clientOrderId": self.client_order_id,
            "transactTime": transact_time,
            "price": fmt(self.price),
            "origQty": fmt(self.orig_qty),
            "executedQty": fmt(self.executed_qty),
            "origQuoteOrderQty": fmt(self.orig_quote_qty),
            "cummulativeQuoteQty": fmt(self.cumm_quote_qty),
            "status": self.status,
            "timeInForce": self.time_in_force or "GTC",
            "type": self.type,
            "side": self.side,
        }
        if self.working_time >= 0:
            out["workingTime"] = self.working_time
        out["selfTradePreventionMode"] = self.stp_mode
        return out

    def query(self) -> dict[str, Any]:
        """The order.status shape."""
        return {
            "symbol": self.symbol,
            "orderId": self.order_id,
            "orderListId": -1,
            "clientOrderId": self.client_order_id,
            "price": fmt(self.price),
            "origQty": fmt(self.orig_qty),
            "executedQty": fmt(self.executed_qty),
            "cummulativeQuoteQty": fmt(self.cumm_quote_qty),
            "status": self.status,
            "timeInForce": self.time_in_force or "GTC",
            "type": self.type,
            "side": self.side,
            "stopPrice": fmt(ZERO),
            "icebergQty": fmt(ZERO),
            "time": self.time,
            "updateTime": self.update_time,
            "isWorking": self.working_time >= 0,
            "workingTime": self.working_time,
            "origQuoteOrderQty": fmt(self.orig_quote_qty),
            "selfTradePreventionMode": self.stp_mode,
        }


@define(eq=False)
class Account:
    """An account: its key, its balances (free, locked) and its orders."""

    uid: int
    api_key: str
    key_type: str
    verify_key: Any
    balances: dict[str, list[Decimal]] = field(factory=dict)
    orders: dict[int, Order] = field(factory=dict)
    update_time: int = 0

    def free(self, asset: str) -> Decimal:
        return self.balances.get(asset, [ZERO, ZERO])[0]

    def _slot(self, asset: str) -> list[Decimal]:
        return self.balances.setdefault(asset, [ZERO, ZERO])

    def lock(self, asset: str, amount: Decimal) -> None:
        slot = self._slot(asset)
        slot[0] -= amount
        slot[1] += amount

    def unlock(self, asset: str, amount: Decimal) -> None:
        slot = self._slot(asset)
        slot[0] += amount
        slot[1] -= amount

    def credit(self, asset: str, amount: Decimal) -> None:
        self._slot(asset)[0] += amount

    def debit_locked(self, asset: str, amount: Decimal) -> None:
        self._slot(asset)[1] -= amount

    def debit_free(self, asset: str, amount: Decimal) -> None:
        self._slot(asset)[0] -= amount


class Book:
    """One symbol's resting orders: price levels in sorted lists, FIFO queues per level."""

    def __init__(self) -> None:
        self.bids: dict[Decimal, Deque[Order]] = {}
        self.asks: dict[Decimal, Deque[Order]] = {}
        self.bid_prices: list[Decimal] = []  # ascending; best bid last
        self.ask_prices: list[Decimal] = []  # ascending; best ask first
        self.update_id = 1
        self._depth_cache: Optional[tuple[int, int, list[list[str]], list[list[str]]]] = None

    def add(self, order: Order) -> None:
        levels, prices = (self.bids, self.bid_prices) if order.side == "BUY" else (self.asks, self.ask_prices)
        queue = levels.get(order.price)
        if queue is None:
            queue = levels[order.price] = collections.deque()
            bisect.insort(prices, order.price)
        queue.append(order)
        self.update_id += 1

    def remove(self, order: Order) -> None:
        levels, prices = (self.bids, self.bid_prices) if order.side == "BUY" else (self.asks, self.ask_prices)
        queue = levels.get(order.price)
        if queue is None:
            return
        try:
            queue.remove(order)
        except ValueError:
            return
        if not queue:
            del levels[order.price]
            prices.pop(bisect.bisect_left(prices, order.price))
        self.update_id += 1

    def opposite(self, side: str) -> Iterable[tuple[Decimal, Deque[Order]]]:
        """Levels a `side` taker would hit, best first (a live view: levels may vanish)."""
        if side == "BUY":
            while self.ask_prices:
                price = self.ask_prices[0]
                yield price, self.asks[price]
        else:
            while self.bid_prices:
                price = self.bid_prices[-1]
                yield price, self.bids[price]

    def drop_empty(self, side_of_level: str, price: Decimal) -> None:
        levels, prices = (self.bids, self.bid_prices) if side_of_level == "BUY" else (self.asks, self.ask_prices)
        if price in levels and not levels[price]:
            del levels[price]
            prices.pop(bisect.bisect_left(prices, price))

    def depth(self, limit: int) -> tuple[list[list[str]], list[list[str]]]:
        """The best `limit` levels per side as [price, quantity] strings.

        Formatted levels are cached until the book changes: repeated snapshots of a deep book
        would otherwise cost milliseconds each.
        """
        cached = self._depth_cache
        if cached is None or cached[0] != self.update_id or cached[1] < limit:
            bids = [[fmt(p), fmt(sum((o.remaining for o in self.bids[p]), ZERO))]
                    for p in self.bid_prices[: -limit - 1 : -1]]
            asks = [[fmt(p), fmt(sum((o.remaining for o in self.asks[p]), ZERO))] for p in self.ask_prices[:limit]]
            cached = self._depth_cache = (self.update_id, limit, bids, asks)
        return cached[2][:limit], cached[3][:limit]


class Engine:
    """Symbols, books and accounts, and the rules that move them."""

    def __init__(self, symbols: Iterable[SymbolSpec] = DEFAULT_SYMBOLS, book_levels: int = 5000) -> None:
        self.symbols = {spec.name: spec for spec in symbols}
        self.books = {name: Book() for name in self.symbols}
        self.accounts: dict[str, Account] = {}
        self._order_ids = itertools.count(1)
        self._trade_ids = itertools.count(1)
        self._uids = itertools.count(100000001)
        self.trades: list[dict[str, Any]] = []
        for spec in self.symbols.values():
            self._seed(spec, book_levels)

    def _seed(self, spec: SymbolSpec, levels: int) -> None:
        """A deterministic book: `levels` one-tick-apart levels each side of `mid`."""
        rng = random.Random(spec.name)
        book = self.books[spec.name]
        for i in range(1, levels + 1):
            for side, price in (("BUY", spec.mid - spec.tick_size * i), ("SELL", spec.mid + spec.tick_size * i)):
                if price < spec.min_price:
                    continue
                qty = spec.step_size * rng.randint(int(spec.min_qty / spec.step_size), 20000)
                order = Order(next(self._order_ids), f"seed{i}{side[0]}", spec.name, side, "LIMIT", "GTC",
                              price, qty, None, 0, working_time=0)
                book.add(order)

    def new_uid(self) -> int:
        return next(self._uids)

    def symbol(self, params: dict[str, Any]) -> SymbolSpec:
        name = params.get("symbol")
        if not isinstance(name, str) or not name:
            raise bad_param("symbol")
        spec = self.symbols.get(name)
        if spec is None:
            raise WireError(400, -1121, "Invalid symbol.")
        return spec

    # -- market data ---------------------------------------------------------------------------

    def depth(self, params: dict[str, Any]) -> dict[str, Any]:
        spec = self.symbol(params)
        limit = params.get("limit", 100)
        if not isinstance(limit, int) or isinstance(limit, bool):
            try:
                limit = int(str(limit))
            except ValueError:
                raise invalid_value("limit") from None
        if not 1 <= limit <= 5000:
            raise invalid_value("limit")
        book = self.books[spec.name]
        bids, asks = book.depth(limit)
        return {"lastUpdateId": book.update_id, "bids": bids, "asks": asks}

    def exchange_info(self, params: dict[str, Any], now: int, rate_limits: list[dict[str, Any]]) -> dict[str, Any]:
        given = [k for k in ("symbol", "symbols", "permissions") if params.get(k) is not None]
        if len(given) > 1:
            raise WireError(400, -1128, "Combination of optional parameters invalid.")
        names: Iterable[str] = self.symbols
        if "symbol" in given:
            names = [self.symbol(params).name]
        elif "symbols" in given:
            wanted = params["symbols"]
            if not isinstance(wanted, list) or not all(isinstance(s, str) for s in wanted):
                raise invalid_value("symbols")
            if len(set(wanted)) != len(wanted):
                raise WireError(400, -1151, "Symbol is present multiple times in the list.")
            unknown = [s for s in wanted if s not in self.symbols]
            if unknown:
                raise WireError(400, -1121, "Invalid symbol.")
            names = wanted
        show_sets = params.get("showPermissionSets", True) not in (False, "false")
        return {
            "timezone": "UTC",
            "serverTime": now,
            "rateLimits": rate_limits,
            "exchangeFilters": [],
            "symbols": [self._symbol_info(self.symbols[n], show_sets) for n in names],
        }

    @staticmethod
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
            "orderTypes": ["LIMIT", "LIMIT_MAKER", "MARKET"],
            "icebergAllowed": False,
            "ocoAllowed": False,
            "otoAllowed": False,
            "opoAllowed": False,
            "quoteOrderQtyMarketAllowed": True,
            "allowTrailingStop": False,
            "cancelReplaceAllowed": False,
            "amendAllowed": False,
            "pegInstructionsAllowed": False,
            "isSpotTradingAllowed": True,
            "isMarginTradingAllowed": False,
            "filters": spec.filters(),
            "permissions": [],
            "permissionSets": [["SPOT"]] if show_sets else [],
            "defaultSelfTradePreventionMode": "NONE",
            "allowedSelfTradePreventionModes": ["NONE"],
        }

    # -- account ---------------------------------------------------------------------------

    def account_info(self, account: Account, params: dict[str, Any]) -> dict[str, Any]:
        omit_zero = params.get("omitZeroBalances") in (True, "true")
        balances = [
            {"asset": asset, "free": fmt(free), "locked": fmt(locked)}
            for asset, (free, locked) in sorted(account.balances.items())
            if not (omit_zero and free == 0 and locked == 0)
        ]
        rate = fmt(_COMMISSION)
        return {
            "makerCommission": 10,
            "takerCommission": 10,
            "buyerCommission": 0,
            "sellerCommission": 0,
            "canTrade": True,
            "canWithdraw": True,
            "canDeposit": True,
            "commissionRates": {"maker": rate, "taker": rate, "buyer": fmt(ZERO), "seller": fmt(ZERO)},
            "brokered": False,
            "requireSelfTradePrevention": False,
            "preventSor": False,
            "updateTime": account.update_time,
            "accountType": "SPOT",
            "balances": balances,
            "permissions": ["SPOT"],
            "uid": account.uid,
        }

    # -- orders ----------------------------------------------------------------------------

    def find_order(self, account: Account, params: dict[str, Any]) -> Order:
        """By orderId (then checking origClientOrderId), or by origClientOrderId alone."""
        spec = self.symbol(params)
        order_id = params.get("orderId")
        client_id = params.get("origClientOrderId")
        if order_id is None and client_id is None:
            raise WireError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!")
        order: Optional[Order] = None
        if order_id is not None:
            try:
                order = account.orders.get(int(str(order_id)))
            except ValueError:
                raise invalid_value("orderId") from None
            if order is not None and client_id is not None and order.client_order_id != client_id:
                raise WireError(400, -2039, "Client order ID is not correct for this order ID.")
        else:
            matches = [o for o in account.orders.values() if o.client_order_id == client_id and o.symbol == spec.name]
            order = max(matches, key=lambda o: o.order_id) if matches else None
        if order is None or order.symbol != spec.name:
            raise WireError(400, -2013, "Order does not exist.")
        return order

    def cancel(self, account: Account, params: dict[str, Any], now: int) -> dict[str, Any]:
        try:
            order = self.find_order(account, params)
        except WireError as exc:
            if exc.code == -2013:
                raise WireError(400, -2011, "Unknown order sent.") from None
            raise
        if not order.is_open:
            raise WireError(400, -2011, "Unknown order sent.")
        restriction = params.get("cancelRestrictions")
        if restriction == "ONLY_NEW" and order.status != "NEW" or (
            restriction == "ONLY_PARTIALLY_FILLED" and order.status != "PARTIALLY_FILLED"
        ):
            raise WireError(400, -2011, "Order was not canceled due to cancel restrictions.")
        self.books[order.symbol].remove(order)
        self._release(order)
        orig_client_id = order.client_order_id
        new_id = params.get("newClientOrderId")
        order.client_order_id = new_id if isinstance(new_id, str) and new_id else _random_client_id()
        order.status = "CANCELED"
        order.update_time = now
        account.update_time = now
        result = order.result(now)
        result["origClientOrderId"] = orig_client_id
        return {"symbol": result.pop("symbol"), "origClientOrderId": result.pop("origClientOrderId"), **result}

    def place(self, account: Account, params: dict[str, Any], now: int) -> dict[str, Any]:
        spec = self.symbol(params)
        side = params.get("side")
        if side not in ("BUY", "SELL"):
            raise WireError(400, -1117, "Invalid side.") if side is not None else bad_param("side")
        order_type = params.get("type")
        if order_type is None:
            raise bad_param("type")
        if order_type not in ("LIMIT", "LIMIT_MAKER", "MARKET"):
            raise WireError(400, -1116, "Invalid orderType.")
        tif = params.get("timeInForce")
        price = decimal_param(params, "price")
        qty = decimal_param(params, "quantity")
        quote_qty = decimal_param(params, "quoteOrderQty")
        resp_type = params.get("newOrderRespType", "FULL")
        if resp_type not in ("ACK", "RESULT", "FULL"):
            raise invalid_value("newOrderRespType")
        if order_type == "LIMIT":
            for name, value in (("timeInForce", tif), ("price", price), ("quantity", qty)):
                if value is None:
                    raise bad_param(name)
            if tif not in ("GTC", "IOC", "FOK"):
                raise WireError(400, -1115, "Invalid timeInForce.")
        elif order_type == "LIMIT_MAKER":
            for name, value in (("price", price), ("quantity", qty)):
                if value is None:
                    raise bad_param(name)
            if tif is not None:
                raise WireError(400, -1114, "TimeInForce parameter sent when not required.")
        else:
            if (qty is None) == (quote_qty is None):
                raise WireError(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!")
            if price is not None:
                raise WireError(400, -1106, "Parameter 'price' sent when not required.")
            if tif is not None:
                raise WireError(400, -1114, "TimeInForce parameter sent when not required.")
        client_id = params.get("newClientOrderId")
        if client_id is not None and (not isinstance(client_id, str) or not client_id):
            raise WireError(400, -1118, "New client order ID was empty.")
        if client_id is not None and any(o.client_order_id == client_id and o.is_open for o in account.orders.values()):
            raise rejected("Duplicate order sent.")
        book = self.books[spec.name]
        if price is not None:
            self._check_price(spec, price)
        if qty is not None:
            self._check_qty(spec, qty)
        reference = price if price is not None else self._best(book, side)
        if reference is not None and qty is not None and reference * qty < spec.min_notional:
            raise WireError(400, -1013, "Filter failure: NOTIONAL")
        if quote_qty is not None and quote_qty < spec.min_notional:
            raise WireError(400, -1013, "Filter failure: NOTIONAL")
        if order_type == "LIMIT_MAKER" and self._crosses(book, side, price):
            raise rejected("Order would immediately match and take.")
        order = Order(
            next(self._order_ids),
            client_id or _random_client_id(),
            spec.name,
            side,
            order_type,
            tif if order_type == "LIMIT" else "GTC",
            price if price is not None else ZERO,
            qty if qty is not None else ZERO,
            account,
            now,
            orig_quote_qty=quote_qty or ZERO,
            update_time=now,
        )
        locked = self._reserve(spec, book, order)
        account.orders[order.order_id] = order
        account.update_time = now
        self._execute(spec, book, order, now, locked)
        if resp_type == "ACK":
            return {
                "symbol": order.symbol,
                "orderId": order.order_id,
                "orderListId": -1,
                "clientOrderId": order.client_order_id,
                "transactTime": now,
            }
        result = order.result(now)
        if resp_type == "FULL":
            result["fills"] = order.fills
        return result

    def _check_price(self, spec: SymbolSpec, price: Decimal) -> None:
        if price < spec.min_price or price > spec.max_price or (price - spec.min_price) % spec.tick_size:
            raise WireError(400, -1013, "Filter failure: PRICE_FILTER")

    def _check_qty(self, spec: SymbolSpec, qty: Decimal) -> None:
        if qty < spec.min_qty or qty > spec.max_qty or (qty - spec.min_qty) % spec.step_size:
            raise WireError(400, -1013, "Filter failure: LOT_SIZE")

    @staticmethod
    def _best(book: Book, side: str) -> Optional[Decimal]:
        """The price a `side` taker would first trade at."""
        if side == "BUY":
            return book.ask_prices[0] if book.ask_prices else None
        return book.bid_prices[-1] if book.bid_prices else None

    def _crosses(self, book: Book, side: str, price: Optional[Decimal]) -> bool:
        best = self._best(book, side)
        if best is None or price is None:
            return False
        return price >= best if side == "BUY" else price <= best

    def _reserve(self, spec: SymbolSpec, book: Book, order: Order) -> Decimal:
        """Check the balance covers the order; lock and return what it may spend."""
        account = order.account
        assert account is not None
        if order.side == "SELL":
            need = order.orig_qty if order.orig_qty else self._sell_qty_for_quote(spec, book, order.orig_quote_qty)
            asset = spec.base
        elif order.type == "MARKET":
            need = order.orig_quote_qty if order.orig_quote_qty else self._buy_cost(book, order.orig_qty)
            asset = spec.quote
        else:
            need = order.price * order.orig_qty
            asset = spec.quote
        if need is None:
            raise rejected("Order would not execute: insufficient liquidity.")
        if account.free(asset) < need:
            raise rejected("Account has insufficient balance for requested action.")
        account.lock(asset, need)
        return need

    @staticmethod
    def _buy_cost(book: Book, qty: Decimal) -> Optional[Decimal]:
        cost = ZERO
        left = qty
        for price in book.ask_prices:
            for maker in book.asks[price]:
                take = min(left, maker.remaining)
                cost += take * price
                left -= take
                if not left:
                    return cost
        return None

    @staticmethod
    def _sell_qty_for_quote(spec: SymbolSpec, book: Book, quote: Decimal) -> Optional[Decimal]:
        qty = ZERO
        left = quote
        for price in reversed(book.bid_prices):
            for maker in book.bids[price]:
                take = min(maker.remaining, (left / price).quantize(spec.step_size, ROUND_DOWN))
                if take <= 0:
                    return qty
                qty += take
                left -= take * price
        return qty

    def _fillable(self, book: Book, order: Order) -> Decimal:
        total = ZERO
        for price, queue in self._levels(book, order):
            total += sum((m.remaining for m in queue), ZERO)
            if total >= order.orig_qty:
                break
        return total

    def _levels(self, book: Book, order: Order) -> list[tuple[Decimal, Deque[Order]]]:
        """Opposite levels this order may trade with, best first (a snapshot)."""
        if order.side == "BUY":
            prices = book.ask_prices if order.type == "MARKET" else book.ask_prices[: bisect.bisect_right(book.ask_prices, order.price)]
            return [(p, book.asks[p]) for p in prices]
        if order.type == "MARKET":
            prices = book.bid_prices[::-1]
        else:
            prices = book.bid_prices[bisect.bisect_left(book.bid_prices, order.price):][::-1]
        return [(p, book.bids[p]) for p in prices]

    def _execute(self, spec: SymbolSpec, book: Book, order: Order, now: int, locked: Decimal) -> None:
        if order.time_in_force == "FOK" and self._fillable(book, order) < order.orig_qty:
            self._finish(order, "EXPIRED", locked, spec)
            return
        by_quote = order.type == "MARKET" and order.orig_qty == 0
        quote_left = order.orig_quote_qty
        for price, queue in self._levels(book, order):
            while queue:
                maker = queue[0]
                if by_quote:
                    take = min(maker.remaining, (quote_left / price).quantize(spec.step_size, ROUND_DOWN))
                    if take <= 0:
                        break
                else:
                    take = min(order.remaining, maker.remaining)
                self._trade(spec, order, maker, price, take, now)
                quote_left -= take * price
                if maker.remaining:
                    maker.status = "PARTIALLY_FILLED"
                else:
                    queue.popleft()
                    maker.status = "FILLED"
                if (not by_quote and not order.remaining) or (by_quote and quote_left <= 0):
                    break
            book.drop_empty("SELL" if order.side == "BUY" else "BUY", price)
            book.update_id += 1
            if (not by_quote and not order.remaining) or (by_quote and quote_left <= 0):
                break
        if by_quote:
            order.orig_qty = order.executed_qty
        if order.executed_qty and order.executed_qty == order.orig_qty:
            self._finish(order, "FILLED", locked, spec)
        elif order.type in ("LIMIT", "LIMIT_MAKER") and order.time_in_force in ("GTC", None):
            order.status = "PARTIALLY_FILLED" if order.executed_qty else "NEW"
            order.working_time = now
            book.add(order)
        else:
            self._finish(order, "EXPIRED", locked, spec)

    def _trade(self, spec: SymbolSpec, taker: Order, maker: Order, price: Decimal, qty: Decimal, now: int) -> None:
        quote = price * qty
        trade_id = next(self._trade_ids)
        for order, is_maker in ((taker, False), (maker, True)):
            order.executed_qty += qty
            order.cumm_quote_qty += quote
            order.update_time = now
            if order.account is None:
                continue
            account = order.account
            if order.side == "BUY":
                commission = (qty * _COMMISSION).quantize(Decimal("0.00000001"))
                account.debit_locked(spec.quote, quote)
                account.credit(spec.base, qty - commission)
                commission_asset = spec.base
            else:
                commission = (quote * _COMMISSION).quantize(Decimal("0.00000001"))
                account.debit_locked(spec.base, qty)
                account.credit(spec.quote, quote - commission)
                commission_asset = spec.quote
            if order.side == "BUY" and order.type != "MARKET":
                # A resting buy locked at its own price; trading better frees the difference.
                account.unlock(spec.quote, (order.price - price) * qty)
            account.update_time = now
            if not is_maker:
                order.fills.append(
                    {
                        "price": fmt(price),
                        "qty": fmt(qty),
                        "commission": fmt(commission),
                        "commissionAsset": commission_asset,
                        "tradeId": trade_id,
                    }
                )
        self.trades.append(
            {"id": trade_id, "symbol": spec.name, "price": price, "qty": qty, "time": now,
             "isBuyerMaker": taker.side == "SELL"}
        )

    def _finish(self, order: Order, status: str, locked: Decimal, spec: SymbolSpec) -> None:
        order.status = status
        self._release(order, locked, spec)

    def _release(self, order: Order, locked: Optional[Decimal] = None, spec: Optional[SymbolSpec] = None) -> None:
        """Unlock whatever the order still holds (cancel, expiry, or a market order's leftover)."""
        account = order.account
        if account is None:
            return
        spec = spec or self.symbols[order.symbol]
        if order.side == "SELL":
            held = (locked if locked is not None else order.orig_qty) - order.executed_qty
            account.unlock(spec.base, held)
        elif order.type == "MARKET":
            assert locked is not None
            account.unlock(spec.quote, locked - order.cumm_quote_qty)
        else:
            account.unlock(spec.quote, order.price * order.remaining)


def _random_client_id() -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(random.choice(alphabet) for _ in range(22))
