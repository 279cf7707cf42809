"""LocalExchange's matching engine: order books, price-time matching and everything it moves.

All calls are made with the exchange lock held, with the server's clock (`now`, epoch ms).
Rules implemented, from web-socket-api.md, errors.md and filters.md:

* LIMIT (GTC/IOC/FOK), LIMIT_MAKER (rejected if it would take), MARKET by quantity or quote,
  STOP_LOSS / TAKE_PROFIT (+ _LIMIT) triggered by trades, with stopPrice and/or trailingDelta;
* iceberg orders show `icebergQty` at a time and lose priority when they reload;
* self-trade prevention by the taker's mode: EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT
  (TRANSFER behaves as DECREMENT: both sides are one account here);
* order lists: OCO (one leg executing expires the other), OTO and OTOCO (the working order
  filling places the pending orders), OPO and OPOCO (the pending SELL orders sell what the
  working BUY bought; the OPO FAQ is not in the reference docs, this is our reading of it);
* funds are reserved per order (per list for OCO legs) and released as orders end; trades
  pay a commission in the asset received; every change yields user-data events.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import random
from decimal import Decimal
from typing import Any, Callable, Deque, Iterable, Optional

from .model import (
    DEFAULT_SYMBOLS,
    SATOSHI,
    ZERO,
    Account,
    Order,
    OrderList,
    SymbolSpec,
    Trade,
    WireError,
    bad_param,
    decimal_param,
    filter_failure,
    fmt,
    int_param,
    invalid_value,
    rejected,
)

__all__ = ["Engine"]

ORDER_TYPES = ("LIMIT", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER")
PRICED = frozenset({"LIMIT", "LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"})
STOPS = frozenset({"STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"})
STP_MODES = ("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER")
_BIPS = Decimal(10000)


def _random_id(rng: random.Random = random.Random()) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(alphabet) for _ in range(22))


class Book:
    """One symbol's resting orders (FIFO queues at sorted price levels) and waiting stops."""

    def __init__(self) -> None:
        self.levels: dict[str, dict[Decimal, Deque[Order]]] = {"BUY": {}, "SELL": {}}
        self.prices: dict[str, list[Decimal]] = {"BUY": [], "SELL": []}  # ascending
        self.stops: list[Order] = []
        self.update_id = 1
        self.last_price: Optional[Decimal] = None
        self._depth_cache: Optional[tuple[int, int, list[list[str]], list[list[str]]]] = None

    def add(self, order: Order, front: bool = False) -> None:
        levels, prices = self.levels[order.side], self.prices[order.side]
        queue = levels.get(order.price)
        if queue is None:
            queue = levels[order.price] = collections.deque()
            bisect.insort(prices, order.price)
        if front:
            queue.appendleft(order)
        else:
            queue.append(order)
        self.update_id += 1

    def remove(self, order: Order) -> None:
        if order in self.stops:
            self.stops.remove(order)
            return
        levels, prices = self.levels[order.side], self.prices[order.side]
        queue = levels.get(order.price)
        if queue is None or order not in queue:
            return
        queue.remove(order)
        if not queue:
            del levels[order.price]
            prices.pop(bisect.bisect_left(prices, order.price))
        self.update_id += 1

    def best(self, side: str) -> Optional[Decimal]:
        """Best price on `side` of the book."""
        prices = self.prices[side]
        if not prices:
            return None
        return prices[-1] if side == "BUY" else prices[0]

    def best_level(self, side: str) -> Optional[tuple[Decimal, Decimal]]:
        price = self.best(side)
        if price is None:
            return None
        return price, sum((o.visible for o in self.levels[side][price]), ZERO)

    def opposite(self, order: Order) -> list[tuple[Decimal, Deque[Order]]]:
        """Levels a taker `order` may trade with, best first (a snapshot of the level list)."""
        side = "SELL" if order.side == "BUY" else "BUY"
        prices = self.prices[side]
        limited = order.type in PRICED
        if side == "SELL":
            chosen = prices[: bisect.bisect_right(prices, order.price)] if limited else list(prices)
        else:
            chosen = prices[bisect.bisect_left(prices, order.price) :][::-1] if limited else prices[::-1]
        return [(p, self.levels[side][p]) for p in chosen]

    def depth(self, limit: int) -> tuple[list[list[str]], list[list[str]]]:
        """The best `limit` levels per side; cached until the book changes."""
        cached = self._depth_cache
        if cached is None or cached[0] != self.update_id or cached[1] < limit:

            def level(side: str, price: Decimal) -> list[str]:
                return [fmt(price), fmt(sum((o.visible for o in self.levels[side][price]), ZERO))]

            bids = [level("BUY", p) for p in self.prices["BUY"][: -limit - 1 : -1]]
            asks = [level("SELL", p) for p in self.prices["SELL"][:limit]]
            cached = self._depth_cache = (self.update_id, limit, bids, asks)
        return cached[2][:limit], cached[3][:limit]


class Engine:
    """Symbols, books, accounts and the rules that move them."""

    def __init__(
        self,
        symbols: Iterable[SymbolSpec] = DEFAULT_SYMBOLS,
        book_levels: int = 5000,
        now: Optional[int] = None,
    ) -> None:
        self.symbols = {spec.name: spec for spec in symbols}
        self.books = {name: Book() for name in self.symbols}
        self.trades: dict[str, list[Trade]] = {name: [] for name in self.symbols}
        self.accounts: dict[str, Account] = {}
        self.orders: dict[int, Order] = {}
        self.lists: dict[int, OrderList] = {}
        #: How many orders each (account uid, client order id) was accepted as, ever.
        self.accepted_ids: collections.Counter[tuple[int, str]] = collections.Counter()
        self._order_ids = itertools.count(1)
        self._trade_ids = {name: itertools.count(1) for name in self.symbols}
        self._list_ids = itertools.count(1)
        self._execution_ids = itertools.count(1)
        self._prevented_ids = itertools.count(1)
        self._allocation_ids = itertools.count(0)
        self._uids = itertools.count(100000001)
        #: (account uid, event) pairs produced since the server last took them.
        self.events: list[tuple[int, dict[str, Any]]] = []
        self._touched: dict[int, tuple[Account, set[str]]] = {}
        # Work that must wait until the current match is over (orders a fill releases).
        self._later: list[Callable[[], None]] = []
        #: Set by the server: would `n` more orders break the account's order-count limit?
        self.orders_exceed_limit: Callable[[Account, int], bool] = lambda account, n: False
        start = now if now is not None else 0
        for spec in self.symbols.values():
            self._seed_book(spec, book_levels)
            self._seed_history(spec, start)

    # -- seeding ---------------------------------------------------------------------------

    def _seed_book(self, spec: SymbolSpec, levels: int) -> None:
        """A deterministic book: `levels` one-tick-apart levels each side of `mid`."""
        rng = random.Random(spec.name)
        book = self.books[spec.name]
        for i in range(1, levels + 1):
            for side, price in (("BUY", spec.mid - spec.tick_size * i), ("SELL", spec.mid + spec.tick_size * i)):
                if price < spec.min_price:
                    continue
                qty = spec.step_size * rng.randint(int(spec.min_qty / spec.step_size), 20000)
                order = Order(next(self._order_ids), f"seed{i}{side[0]}", spec.name, side, "LIMIT", "GTC", price, qty,
                              None, 0, working_time=0, visible=qty)
                book.add(order)

    def _seed_history(self, spec: SymbolSpec, now: int) -> None:
        """A day of deterministic trades (every 5 minutes), ending at `mid` just before `now`."""
        if not now:
            return
        rng = random.Random(spec.name + "-history")
        count = 288
        price = spec.mid
        prices = []
        for _ in range(count):
            prices.append(price)
            price = max(spec.min_price, price + spec.tick_size * rng.randint(-300, 300))
        prices.reverse()  # the walk ends at mid
        for i, price in enumerate(prices):
            qty = spec.step_size * rng.randint(int(spec.min_qty / spec.step_size), 5000)
            when = now - (count - i) * 300_000
            trade_id = next(self._trade_ids[spec.name])
            self.trades[spec.name].append(Trade(trade_id, spec.name, price, qty, when, bool(i % 2), -1, -1, -1))
        self.books[spec.name].last_price = prices[-1]

    # -- lookups ---------------------------------------------------------------------------

    def new_account(self, api_key: str, key_type: str, verify_key: Any) -> Account:
        account = Account(next(self._uids), api_key, key_type, verify_key)
        self.accounts[api_key] = account
        return account

    def symbol(self, params: dict[str, Any], name: str = "symbol") -> SymbolSpec:
        value = params.get(name)
        if not isinstance(value, str) or not value:
            raise bad_param(name)
        spec = self.symbols.get(value)
        if spec is None:
            raise WireError(400, -1121, "Invalid symbol.")
        return spec

    def find_order(
        self, account: Account, spec: SymbolSpec, order_id: Any, client_id: Any, names: tuple[str, str]
    ) -> Order:
        """By id (then checking the client id), or by client id alone (the latest such order)."""
        if order_id is None and client_id is None:
            raise WireError(400, -1102, f"Param '{names[1]}' or '{names[0]}' must be sent, but both were empty/null!")
        order: Optional[Order] = None
        if order_id is not None:
            order = account.orders.get(int_param({"id": order_id}, "id") or 0)
            if order is not None and client_id is not None and order.client_order_id != client_id:
                raise WireError(400, -2039, "Client order ID is not correct for this order ID.")
        else:
            candidates = (account.orders[i] for i in account.by_client_id.get(client_id, ()))
            matches = [o for o in candidates if o.client_order_id == client_id and o.symbol == spec.name]
            order = max(matches, key=lambda o: o.order_id) if matches else None
        if order is None or order.symbol != spec.name:
            raise WireError(400, -2013, "Order does not exist.")
        return order

    def find_list(
        self, account: Account, list_id: Any, client_id: Any, names: tuple[str, str], *, query: bool = False
    ) -> OrderList:
        """By id or client id. Not found: -2011 to a cancel; -2018 to a query (what Binance answers,
        though errors.md does not list it: binance-spot-api-docs PR #43)."""
        if list_id is None and client_id is None:
            raise WireError(400, -1102, f"Param '{names[1]}' or '{names[0]}' must be sent, but both were empty/null!")
        found: Optional[OrderList] = None
        if client_id is not None:
            matches = [o for o in account.lists.values() if o.list_client_order_id == client_id]
            found = max(matches, key=lambda o: o.order_list_id) if matches else None
        else:
            found = account.lists.get(int_param({"id": list_id}, "id") or 0)
        if found is None:
            raise WireError(400, -2018 if query else -2011, "Order list does not exist.")
        return found

    # -- parsing and checking orders -------------------------------------------------------

    def parse_order(
        self,
        spec: SymbolSpec,
        params: dict[str, Any],
        account: Account,
        now: int,
        *,
        prefix: str = "",
        side: Optional[str] = None,
        quantity: Optional[Decimal] = None,
        allowed_types: tuple[str, ...] = ORDER_TYPES,
        client_id: Optional[str] = None,
    ) -> Order:
        """Build (not place) the order described by `params`, or the leg with `prefix`."""

        def name(suffix: str) -> str:
            return prefix + suffix if prefix else suffix[0].lower() + suffix[1:]

        order_type = params.get(name("Type"))
        if order_type is None:
            raise bad_param(name("Type"))
        if order_type not in ORDER_TYPES:
            raise WireError(400, -1116, "Invalid orderType.")
        if order_type not in allowed_types:
            raise WireError(400, -1158 if prefix else -1116, "Order type not supported in OCO." if prefix else "Invalid orderType.")
        side = side or params.get(name("Side"))
        if side is None:
            raise bad_param(name("Side"))
        if side not in ("BUY", "SELL"):
            raise WireError(400, -1117, "Invalid side.")
        tif = params.get(name("TimeInForce"))
        if tif is not None and tif not in ("GTC", "IOC", "FOK"):
            raise WireError(400, -1115, "Invalid timeInForce.")
        price = decimal_param(params, name("Price"))
        qty = quantity if quantity is not None else decimal_param(params, name("Quantity"))
        quote_qty = decimal_param(params, "quoteOrderQty") if not prefix else None
        stop_price = decimal_param(params, name("StopPrice"))
        trailing = int_param(params, name("TrailingDelta"))
        iceberg = decimal_param(params, name("IcebergQty"))
        strategy_type = int_param(params, name("StrategyType"))
        if params.get(name("PegPriceType")) is not None or params.get(name("PegOffsetType")) is not None:
            raise rejected("Pegged orders are not supported for this symbol.")
        if strategy_type is not None and strategy_type < 1000000:
            raise WireError(400, -1134, "`strategyType` was less than 1000000.")

        def need(field: str, value: Any) -> None:
            if value is None:
                raise bad_param(name(field))

        def refuse(field: str, value: Any) -> None:
            if value is not None:
                raise WireError(400, -1106, f"Parameter '{name(field)}' sent when not required.")

        if order_type == "MARKET":
            if (qty is None) == (quote_qty is None):
                raise WireError(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!")
            refuse("Price", price)
            if tif is not None:
                raise WireError(400, -1114, "TimeInForce parameter sent when not required.")
            refuse("StopPrice", stop_price)
        else:
            refuse("QuoteOrderQty", quote_qty)
            need("Quantity", qty)
            if order_type in ("LIMIT", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"):
                need("TimeInForce", tif)
            elif tif is not None:
                raise WireError(400, -1114, "TimeInForce parameter sent when not required.")
            if order_type in PRICED:
                need("Price", price)
            else:
                refuse("Price", price)
            if order_type in STOPS:
                if stop_price is None and trailing is None:
                    raise WireError(400, -1102, f"Param '{name('StopPrice')}' or '{name('TrailingDelta')}' must be sent, but both were empty/null!")
            else:
                refuse("StopPrice", stop_price)
                refuse("TrailingDelta", trailing)
        if iceberg is not None:
            if order_type not in PRICED:
                raise WireError(400, -1014, "Unsupported order combination.")
            if (tif or "GTC") != "GTC":
                raise WireError(400, -1160 if prefix else -1014, f"Parameter '{name('IcebergQty')}' is not supported if `{name('TimeInForce')}` is not GTC." if prefix else "Unsupported order combination.")
        stp = params.get("selfTradePreventionMode") or spec.default_stp
        if stp not in STP_MODES or stp not in spec.allowed_stp:
            raise invalid_value("selfTradePreventionMode")
        given_id = params.get(name("ClientOrderId")) if prefix else params.get("newClientOrderId")
        order = Order(
            next(self._order_ids),
            client_id or (given_id if isinstance(given_id, str) and given_id else _random_id()),
            spec.name,
            side,
            order_type,
            tif or "GTC",
            price or ZERO,
            qty or ZERO,
            account,
            now,
            orig_quote_qty=quote_qty or ZERO,
            update_time=now,
            stop_price=stop_price or ZERO,
            trailing_delta=trailing or 0,
            iceberg_qty=iceberg or ZERO,
            strategy_id=int_param(params, name("StrategyId")),
            strategy_type=strategy_type,
            stp_mode=stp,
        )
        self._check_filters(spec, order)
        return order

    def _check_filters(self, spec: SymbolSpec, order: Order) -> None:
        for price in (order.price, order.stop_price):
            if price and (price < spec.min_price or price > spec.max_price or (price - spec.min_price) % spec.tick_size):
                raise filter_failure("PRICE_FILTER")
        for qty in (order.orig_qty, order.iceberg_qty):
            if qty and (qty < spec.min_qty or qty > spec.max_qty or (qty - spec.min_qty) % spec.step_size):
                raise filter_failure("LOT_SIZE")
        if order.iceberg_qty:
            if order.iceberg_qty >= order.orig_qty:
                raise rejected("IcebergQty exceeds QTY.")
            if -(-order.orig_qty // order.iceberg_qty) > spec.iceberg_parts:
                raise filter_failure("ICEBERG_PARTS")
        reference = order.price or order.stop_price or self.books[spec.name].last_price or spec.mid
        if order.orig_qty and reference * order.orig_qty < spec.min_notional:
            raise filter_failure("NOTIONAL")
        if order.orig_quote_qty and order.orig_quote_qty < spec.min_notional:
            raise filter_failure("NOTIONAL")
        if order.trailing_delta and not 10 <= order.trailing_delta <= 2000:
            raise filter_failure("TRAILING_DELTA")

    def _check_new(self, account: Account, spec: SymbolSpec, orders: list[Order], lists: int = 0) -> None:
        """Client ids, open-order counts and immediate triggers, before anything is placed."""
        open_orders = [o for o in account.open_orders() if o.symbol == spec.name]
        for order in orders:
            if any(o.client_order_id == order.client_order_id for o in open_orders):
                raise rejected("Duplicate order sent.")
        if len(open_orders) + len(orders) > spec.max_num_orders:
            raise filter_failure("MAX_NUM_ORDERS")
        algos = sum(1 for o in open_orders if o.is_stop) + sum(1 for o in orders if o.is_stop)
        if algos > spec.max_num_algo_orders:
            raise filter_failure("MAX_NUM_ALGO_ORDERS")
        if lists and sum(1 for ol in account.lists.values() if ol.is_open and ol.symbol == spec.name) + lists > spec.max_num_order_lists:
            raise filter_failure("MAX_NUM_ORDER_LISTS")

    def _would_trigger(self, order: Order) -> bool:
        last = self.books[order.symbol].last_price
        if last is None or not order.stop_price or order.trailing_delta:
            return False
        return self._stop_hit(order, last, order.stop_price)

    @staticmethod
    def _stop_hit(order: Order, last: Decimal, stop: Decimal) -> bool:
        loss = order.type.startswith("STOP_LOSS")
        if order.side == "SELL":
            return last <= stop if loss else last >= stop
        return last >= stop if loss else last <= stop

    # -- funds -----------------------------------------------------------------------------

    def _cost_to_buy(self, book: Book, qty: Decimal) -> Optional[Decimal]:
        cost, left = ZERO, qty
        for price in book.prices["SELL"]:
            for maker in book.levels["SELL"][price]:
                take = min(left, maker.remaining)
                cost += take * price
                left -= take
                if not left:
                    return cost
        return None

    def _base_for_quote(self, spec: SymbolSpec, book: Book, quote: Decimal) -> Decimal:
        qty, left = ZERO, quote
        for price in reversed(book.prices["BUY"]):
            for maker in book.levels["BUY"][price]:
                take = min(maker.remaining, spec.round_qty(left / price))
                if take <= 0:
                    return qty
                qty += take
                left -= take * price
        return qty

    def _need(self, spec: SymbolSpec, order: Order) -> tuple[str, Decimal]:
        """What placing `order` reserves: (asset, amount)."""
        book = self.books[spec.name]
        if order.side == "SELL":
            if order.type == "MARKET" and not order.orig_qty:
                return spec.base, self._base_for_quote(spec, book, order.orig_quote_qty)
            return spec.base, order.orig_qty
        if order.type == "MARKET":
            if order.orig_quote_qty:
                return spec.quote, order.orig_quote_qty
            cost = self._cost_to_buy(book, order.orig_qty)
            if cost is None:
                raise rejected("Order book liquidity is less than symbol minimum quantity.")
            return spec.quote, cost
        if order.type in PRICED:
            return spec.quote, order.price * order.orig_qty
        # A market-on-trigger buy: reserve at the stop (or last) price plus 10% room.
        reference = order.stop_price or book.last_price or spec.mid
        return spec.quote, (reference * order.orig_qty * Decimal("1.1")).quantize(SATOSHI)

    def _reserve(self, account: Account, asset: str, amount: Decimal) -> None:
        if account.free(asset) < amount:
            raise rejected("Account has insufficient balance for requested action.")
        account.lock(asset, amount)
        self._touch(account, asset)

    def _hold(self, spec: SymbolSpec, order: Order) -> None:
        """Reserve what `order` may spend, on the order itself."""
        assert order.account is not None
        asset, amount = self._need(spec, order)
        self._reserve(order.account, asset, amount)
        order.locked_asset, order.locked = asset, amount
        if order.side == "BUY" and order.type not in PRICED:
            order.budget = amount

    def _release(self, order: Order) -> None:
        if order.account is not None and order.locked:
            order.account.unlock(order.locked_asset, order.locked)
            self._touch(order.account, order.locked_asset)
        order.locked = ZERO

    def _touch(self, account: Account, *assets: str) -> None:
        self._touched.setdefault(account.uid, (account, set()))[1].update(assets)

    # -- placing ---------------------------------------------------------------------------

    def place(self, account: Account, params: dict[str, Any], now: int, *, sor: bool = False) -> dict[str, Any]:
        """order.place (and sor.order.place with `sor`)."""
        spec = self.symbol(params)
        order = self.parse_order(spec, params, account, now, allowed_types=("LIMIT", "MARKET") if sor else ORDER_TYPES)
        resp_type = params.get("newOrderRespType") or ("FULL" if order.type in ("LIMIT", "MARKET") else "ACK")
        if resp_type not in ("ACK", "RESULT", "FULL"):
            raise invalid_value("newOrderRespType")
        self._admit(spec, account, order)
        order.used_sor = sor
        self._start(spec, order, now)
        self.flush(now)
        if sor:
            result = order.result(now)
            result["fills"] = order.fills
            return [result]  # type: ignore[return-value]
        if resp_type == "ACK":
            return order.ack(now)
        result = order.result(now)
        if resp_type == "FULL":
            result["fills"] = order.fills
        return result

    def test(self, account: Account, params: dict[str, Any], now: int, *, sor: bool = False) -> dict[str, Any]:
        """order.test / sor.order.test: every check of a placement, nothing placed."""
        spec = self.symbol(params)
        order = self.parse_order(spec, params, account, now, allowed_types=("LIMIT", "MARKET") if sor else ORDER_TYPES)
        if order.is_stop and self._would_trigger(order):
            raise rejected("Order would trigger immediately.")
        if params.get("computeCommissionRates") not in (True, "true"):
            return {}
        rates = {"maker": fmt(account.maker_rate), "taker": fmt(account.taker_rate)}
        zero = {"maker": fmt(ZERO), "taker": fmt(ZERO)}
        out: dict[str, Any] = {"standardCommissionForOrder": rates, "taxCommissionForOrder": zero}
        if not sor:
            out["specialCommissionForOrder"] = dict(zero)
        out["discount"] = {"enabledForAccount": False, "enabledForSymbol": False, "discountAsset": "BNB",
                           "discount": fmt(ZERO)}
        return out

    def _admit(self, spec: SymbolSpec, account: Account, order: Order) -> None:
        """The checks before a standalone order goes in, and its reservation."""
        if order.type == "LIMIT_MAKER" and self._crosses(order):
            raise rejected("Order would immediately match and take.")
        if order.is_stop and self._would_trigger(order):
            raise rejected("Order would trigger immediately.")
        self._check_new(account, spec, [order])
        self._hold(spec, order)
        self._register(order)

    def _register(self, order: Order) -> None:
        assert order.account is not None
        order.account.orders[order.order_id] = order
        order.account.live[order.order_id] = order
        order.account.by_client_id.setdefault(order.client_order_id, []).append(order.order_id)
        self.orders[order.order_id] = order
        self.accepted_ids[(order.account.uid, order.client_order_id)] += 1
        order.account.update_time = order.time

    @staticmethod
    def _rename(order: Order, client_order_id: str, *, canceling: bool = False) -> None:
        """Give an order a new client order id (cancels and amends do), keeping the index.

        A cancel's reports name the old id as the original ("C", origClientOrderId).
        """
        assert order.account is not None
        if canceling:
            order.canceled_client_order_id = order.client_order_id
        order.client_order_id = client_order_id
        order.account.by_client_id.setdefault(client_order_id, []).append(order.order_id)

    def _crosses(self, order: Order) -> bool:
        best = self.books[order.symbol].best("SELL" if order.side == "BUY" else "BUY")
        if best is None:
            return False
        return order.price >= best if order.side == "BUY" else order.price <= best

    def _start(self, spec: SymbolSpec, order: Order, now: int) -> None:
        """Put an admitted order to work: report it, then match, rest, or wait for its trigger."""
        waits = order.is_stop and not order.triggered
        if not waits:
            # It works from now: its NEW report says so (w true, W its working time), as
            # production's does; a stop waiting for its trigger is not on the book yet.
            order.working_time = now
        self._report(order, "NEW", now)
        if waits:
            last = self.books[spec.name].last_price
            if order.trailing_delta and not order.stop_price:
                order.trail_ref, order.trailing_time = last, now
            self.books[spec.name].stops.append(order)
            return
        self._work(spec, order, now)

    def _work(self, spec: SymbolSpec, order: Order, now: int) -> None:
        """Match `order` as a taker, then rest or expire what is left."""
        book = self.books[spec.name]
        order.working_time = now
        limit_like = order.type in PRICED
        if order.time_in_force == "FOK" and limit_like and self._fillable(book, order) < order.orig_qty:
            self._expire(order, now, "UNFILLED_FOK_ORDER_EXPIRED")
            return
        self._match(spec, book, order, now)
        if order.status in ("EXPIRED_IN_MATCH", "EXPIRED", "CANCELED"):
            return  # self-trade prevention ended it
        if order.remaining == 0 and order.executed_qty:
            self._finish(order, "FILLED", now)
        elif limit_like and order.time_in_force == "GTC":
            order.visible = min(order.iceberg_qty, order.remaining) if order.iceberg_qty else order.remaining
            book.add(order)
        else:
            reason = "UNFILLED_IOC_QUANTITY_EXPIRED" if order.time_in_force == "IOC" else "INSUFFICIENT_LIQUIDITY"
            self._expire(order, now, reason)

    def _fillable(self, book: Book, order: Order) -> Decimal:
        total = ZERO
        for _, queue in book.opposite(order):
            total += sum((m.remaining for m in queue if m.account is None or m.account is not order.account
                          or order.stp_mode == "NONE"), ZERO)
            if total >= order.orig_qty:
                break
        return total

    def _match(self, spec: SymbolSpec, book: Book, order: Order, now: int) -> None:
        by_quote = order.type == "MARKET" and not order.orig_qty
        for price, queue in book.opposite(order):
            while queue and order.is_open:
                maker = queue[0]
                want = order.remaining if not by_quote else None
                if order.budget is not None:
                    affordable = spec.round_qty(order.budget / price)
                    want = affordable if want is None else min(want, affordable)
                assert want is not None
                if want <= 0:
                    break
                if maker.account is not None and maker.account is order.account and order.stp_mode != "NONE":
                    if self._prevent(spec, book, order, maker, price, min(want, maker.visible), now):
                        continue
                    break
                take = min(want, maker.visible)
                self._trade(spec, order, maker, price, take, now)
                maker.visible -= take
                if maker.remaining == 0:
                    queue.popleft()
                    self._finish(maker, "FILLED", now)
                elif maker.visible == 0:  # an iceberg reloads, and goes to the back of the level
                    queue.popleft()
                    maker.visible = min(maker.iceberg_qty, maker.remaining)
                    queue.append(maker)
                if not by_quote and order.remaining == 0:
                    break
            if not queue:
                side = "SELL" if order.side == "BUY" else "BUY"
                if price in book.levels[side] and not book.levels[side][price]:
                    del book.levels[side][price]
                    book.prices[side].pop(bisect.bisect_left(book.prices[side], price))
            book.update_id += 1
            if not order.is_open or (not by_quote and order.remaining == 0) or (
                order.budget is not None and spec.round_qty(order.budget / price) <= 0
            ):
                break
        if by_quote:
            order.orig_qty = order.executed_qty

    def _prevent(self, spec: SymbolSpec, book: Book, taker: Order, maker: Order, price: Decimal, qty: Decimal,
                 now: int) -> bool:
        """Self-trade prevention by the taker's mode. True: keep matching."""
        mode = taker.stp_mode
        match_id = next(self._prevented_ids)
        assert taker.account is not None
        taker.account.prevented.append({
            "symbol": spec.name,
            "preventedMatchId": match_id,
            "takerOrderId": taker.order_id,
            "makerSymbol": spec.name,
            "makerOrderId": maker.order_id,
            "tradeGroupId": taker.account.uid,
            "selfTradePreventionMode": mode,
            "price": fmt(price),
            "makerPreventedQuantity": fmt(qty if mode in ("DECREMENT", "TRANSFER") else maker.remaining),
            "transactTime": now,
        })
        for order in (taker, maker):
            order.prevented_match_id = match_id
        expire_maker = mode in ("EXPIRE_MAKER", "EXPIRE_BOTH")
        expire_taker = mode in ("EXPIRE_TAKER", "EXPIRE_BOTH")
        if mode in ("DECREMENT", "TRANSFER"):
            for order in (taker, maker):
                order.prevented_qty += qty
                order.orig_qty -= qty
            maker.visible -= qty
            expire_maker = maker.remaining == 0
            expire_taker = taker.remaining == 0
        if expire_maker:
            maker.prevented_qty += maker.remaining if mode not in ("DECREMENT", "TRANSFER") else ZERO
            book.remove(maker)
            self._finish(maker, "EXPIRED_IN_MATCH", now)
        if expire_taker:
            taker.prevented_qty += taker.remaining if mode not in ("DECREMENT", "TRANSFER") else ZERO
            self._finish(taker, "EXPIRED_IN_MATCH", now)
            return False
        return True

    def _trade(self, spec: SymbolSpec, taker: Order, maker: Order, price: Decimal, qty: Decimal, now: int) -> None:
        book = self.books[spec.name]
        trade_id = next(self._trade_ids[spec.name])
        buyer, seller = (taker, maker) if taker.side == "BUY" else (maker, taker)
        self.trades[spec.name].append(
            Trade(trade_id, spec.name, price, qty, now, maker.side == "BUY", buyer.order_id, seller.order_id,
                  taker.order_id)
        )
        book.last_price = price
        for stop in book.stops:
            self._trail(stop, price, now)
        for order, is_maker in ((taker, False), (maker, True)):
            order.executed_qty += qty
            order.cumm_quote_qty += price * qty
            order.update_time = now
            if order.account is None:
                continue
            if order.order_list is not None:
                # Before the fill is paid for: an OCO leg takes over the list's reservation here.
                self._list_leg_executed(order, now)
            commission, asset = self._settle_fill(spec, order, price, qty, is_maker)
            record = {
                "symbol": spec.name,
                "id": trade_id,
                "orderId": order.order_id,
                "orderListId": order.list_id,
                "price": fmt(price),
                "qty": fmt(qty),
                "quoteQty": fmt(price * qty),
                "commission": fmt(commission),
                "commissionAsset": asset,
                "time": now,
                "isBuyer": order.side == "BUY",
                "isMaker": is_maker,
                "isBestMatch": True,
            }
            if order.used_sor:
                allocation_id = next(self._allocation_ids)
                order.account.allocations.append({
                    "symbol": spec.name, "allocationId": allocation_id, "allocationType": "SOR",
                    "orderId": order.order_id, "orderListId": order.list_id, "price": fmt(price), "qty": fmt(qty),
                    "quoteQty": fmt(price * qty), "commission": fmt(commission), "commissionAsset": asset,
                    "time": now, "isBuyer": order.side == "BUY", "isMaker": is_maker, "isAllocator": False,
                })
                fill = {"matchType": "ONE_PARTY_TRADE_REPORT", "price": fmt(price), "qty": fmt(qty),
                        "commission": fmt(commission), "commissionAsset": asset, "tradeId": -1,
                        "allocId": allocation_id}
            else:
                order.account.trades.append(record)
                fill = {"price": fmt(price), "qty": fmt(qty), "commission": fmt(commission),
                        "commissionAsset": asset, "tradeId": trade_id}
            if not is_maker:
                order.fills.append(fill)
            # A quote-sized MARKET order learns its quantity when matching ends; until then it is partial.
            order.status = "FILLED" if order.orig_qty and order.remaining == 0 else "PARTIALLY_FILLED"
            self._report(order, "TRADE", now, last=(price, qty, commission, asset, trade_id, is_maker))

    def _settle_fill(self, spec: SymbolSpec, order: Order, price: Decimal, qty: Decimal, is_maker: bool
                     ) -> tuple[Decimal, str]:
        """Move the funds of one fill: spend from the order's reservation, credit minus commission."""
        account = order.account
        assert account is not None
        rate = account.maker_rate if is_maker else account.taker_rate
        quote = price * qty
        if order.side == "BUY":
            spend = quote if order.type not in PRICED else order.price * qty
            account.slot(spec.quote)[1] -= quote
            account.unlock(spec.quote, spend - quote)  # a priced buy filled below its limit
            order.locked -= spend
            if order.budget is not None:
                order.budget -= quote
            commission = (qty * rate).quantize(SATOSHI)
            account.slot(spec.base)[0] += qty - commission
            asset = spec.base
        else:
            account.slot(spec.base)[1] -= qty
            order.locked -= qty
            commission = (quote * rate).quantize(SATOSHI)
            account.slot(spec.quote)[0] += quote - commission
            asset = spec.quote
        account.update_time = order.update_time
        self._touch(account, spec.base, spec.quote)
        return commission, asset

    # -- stops -----------------------------------------------------------------------------

    def _trail(self, stop: Order, price: Decimal, now: int) -> None:
        """Follow the market for a trailing stop: activate at its stop price, track the best price."""
        if not stop.trailing_delta:
            return
        if stop.trail_ref is None:
            favourable = price >= stop.stop_price if stop.side == "SELL" else price <= stop.stop_price
            if favourable:
                stop.trail_ref, stop.trailing_time = price, now
            return
        stop.trail_ref = max(stop.trail_ref, price) if stop.side == "SELL" else min(stop.trail_ref, price)

    def _triggered(self, stop: Order, last: Decimal) -> bool:
        if stop.trailing_delta:
            if stop.trail_ref is None:
                return False
            move = stop.trail_ref * Decimal(stop.trailing_delta) / _BIPS
            return last <= stop.trail_ref - move if stop.side == "SELL" else last >= stop.trail_ref + move
        return self._stop_hit(stop, last, stop.stop_price)

    def _run_triggers(self, now: int) -> None:
        """Trigger stops whose condition the last trades met, until no more do."""
        while True:
            fired = [
                (spec, stop)
                for spec in self.symbols.values()
                for stop in list(self.books[spec.name].stops)
                if self.books[spec.name].last_price is not None
                and self._triggered(stop, self.books[spec.name].last_price)  # type: ignore[arg-type]
            ]
            if not fired:
                return
            for spec, stop in fired:
                if stop not in self.books[spec.name].stops:
                    continue
                self.books[spec.name].stops.remove(stop)
                stop.triggered = True
                if stop.order_list is not None:
                    self._list_leg_executed(stop, now)
                if stop.is_open:
                    self._work(spec, stop, now)

    # -- ending orders ---------------------------------------------------------------------

    def _finish(self, order: Order, status: str, now: int, reason: Optional[str] = None) -> None:
        """Move an order to a final status, release what it holds and report it."""
        order.status = status
        order.update_time = now
        if reason is not None:
            order.expiry_reason = reason
        if order.account is None:
            return
        self._release(order)
        if status != "FILLED":
            self._report(order, {"CANCELED": "CANCELED", "EXPIRED_IN_MATCH": "TRADE_PREVENTION"}.get(status, "EXPIRED"), now)
        if order.order_list is not None:
            self._list_leg_done(order, now)

    def _expire(self, order: Order, now: int, reason: str) -> None:
        self._finish(order, "EXPIRED", now, reason)

    def _take_off(self, order: Order) -> None:
        self.books[order.symbol].remove(order)

    # -- order lists -----------------------------------------------------------------------

    def _new_list(self, account: Account, spec: SymbolSpec, kind: str, params: dict[str, Any], now: int) -> OrderList:
        client_id = params.get("listClientOrderId")
        if isinstance(client_id, str) and any(
            ol.list_client_order_id == client_id and ol.is_open for ol in account.lists.values()
        ):
            raise rejected("Duplicate order sent.")
        return OrderList(next(self._list_ids), client_id if isinstance(client_id, str) and client_id else _random_id(),
                         spec.name, kind, account, now)

    def _open_list(self, spec: SymbolSpec, order_list: OrderList, orders: list[Order], now: int) -> dict[str, Any]:
        """Register a built list and report it."""
        account = order_list.account
        order_list.orders = orders
        for order in orders:
            order.order_list = order_list
            self._register(order)
        account.lists[order_list.order_list_id] = order_list
        self.lists[order_list.order_list_id] = order_list
        return order_list.summary()

    def _oco_hold(self, spec: SymbolSpec, order_list: OrderList, legs: list[Order]) -> None:
        """OCO legs share one reservation: the larger of what either leg may spend."""
        needs = [self._need(spec, leg) for leg in legs]
        asset = needs[0][0]
        amount = max(n[1] for n in needs)
        self._reserve(order_list.account, asset, amount)
        order_list.locked_asset, order_list.locked = asset, amount

    def _check_oco_prices(self, spec: SymbolSpec, above: Order, below: Order) -> None:
        last = self.books[spec.name].last_price or spec.mid
        high = above.price if above.type == "LIMIT_MAKER" else (above.stop_price or above.price)
        low = below.price if below.type == "LIMIT_MAKER" else (below.stop_price or below.price)
        if (high and high <= last) or (low and low >= last):
            raise rejected("The relationship of the prices for the orders is not correct.")

    def place_oco(self, account: Account, params: dict[str, Any], now: int) -> dict[str, Any]:
        """orderList.place.oco: an above and a below leg for one quantity."""
        spec = self.symbol(params)
        qty = decimal_param(params, "quantity")
        side = params.get("side")
        if qty is None:
            raise bad_param("quantity")
        above = self.parse_order(spec, params, account, now, prefix="above", side=side, quantity=qty,
                                 allowed_types=("STOP_LOSS_LIMIT", "STOP_LOSS", "LIMIT_MAKER", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"))
        below = self.parse_order(spec, params, account, now, prefix="below", side=side, quantity=qty,
                                 allowed_types=("STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT", "LIMIT_MAKER"))
        return self._place_oco_pair(spec, account, params, now, "OCO", above, below)

    def place_legacy_oco(self, account: Account, params: dict[str, Any], now: int) -> dict[str, Any]:
        """orderList.place (deprecated OCO): a LIMIT_MAKER leg and a STOP_LOSS(_LIMIT) leg."""
        spec = self.symbol(params)
        side = params.get("side")
        leg_params = {
            "limitType": "LIMIT_MAKER",
            "limitPrice": params.get("price"),
            "limitQuantity": params.get("quantity"),
            "limitClientOrderId": params.get("limitClientOrderId"),
            "limitIcebergQty": params.get("limitIcebergQty"),
            "limitStrategyId": params.get("limitStrategyId"),
            "limitStrategyType": params.get("limitStrategyType"),
            "stopType": "STOP_LOSS_LIMIT" if params.get("stopLimitPrice") is not None else "STOP_LOSS",
            "stopPrice": params.get("stopLimitPrice"),
            "stopStopPrice": params.get("stopPrice"),
            "stopTrailingDelta": params.get("trailingDelta"),
            "stopQuantity": params.get("quantity"),
            "stopTimeInForce": params.get("stopLimitTimeInForce"),
            "stopClientOrderId": params.get("stopClientOrderId"),
            "stopIcebergQty": params.get("stopIcebergQty"),
            "stopStrategyId": params.get("stopStrategyId"),
            "stopStrategyType": params.get("stopStrategyType"),
            "selfTradePreventionMode": params.get("selfTradePreventionMode"),
        }
        leg_params = {k: v for k, v in leg_params.items() if v is not None}
        limit = self.parse_order(spec, leg_params, account, now, prefix="limit", side=side)
        stop = self.parse_order(spec, leg_params, account, now, prefix="stop", side=side)
        above, below = (limit, stop) if side == "SELL" else (stop, limit)
        return self._place_oco_pair(spec, account, params, now, "OCO", above, below, order=[stop, limit])

    def _place_oco_pair(self, spec: SymbolSpec, account: Account, params: dict[str, Any], now: int, kind: str,
                        above: Order, below: Order, order: Optional[list[Order]] = None) -> dict[str, Any]:
        if above.type == "LIMIT_MAKER" and below.type == "LIMIT_MAKER":
            raise WireError(400, -1168, "At least one OCO order must be contingent.")
        self._check_oco_prices(spec, above, below)
        legs = order or [below, above]
        self._check_new(account, spec, legs, lists=1)
        order_list = self._new_list(account, spec, kind, params, now)
        self._oco_hold(spec, order_list, legs)
        self._open_list(spec, order_list, legs, now)
        self._list_event(order_list, now)
        for leg in legs:
            self._start_leg(spec, leg, now)
        self.flush(now)
        return order_list.report(now)

    def _start_leg(self, spec: SymbolSpec, leg: Order, now: int) -> None:
        if leg.type == "LIMIT_MAKER" and self._crosses(leg):
            raise rejected("Order would immediately match and take.")
        self._start(spec, leg, now)

    def place_oto(self, account: Account, params: dict[str, Any], now: int, kind: str) -> dict[str, Any]:
        """orderList.place.oto / otoco / opo / opoco."""
        spec = self.symbol(params)
        working = self.parse_order(spec, params, account, now, prefix="working", allowed_types=("LIMIT", "LIMIT_MAKER"))
        pays = kind in ("OPO", "OPOCO")
        if pays and working.side != "BUY":
            raise WireError(400, -1222, "Working order in an OPO list must be a bid.")
        pending_qty = None if pays else decimal_param(params, "pendingQuantity")
        # OPO pending orders sell what the working order buys; their quantity is set when it fills.
        placeholder = working.orig_qty if pays else pending_qty
        if placeholder is None:
            raise bad_param("pendingQuantity")
        if kind in ("OTO", "OPO"):
            pending = [self.parse_order(spec, params, account, now, prefix="pending", quantity=placeholder)]
        else:
            side = params.get("pendingSide")
            pending = [self.parse_order(spec, params, account, now, prefix="pendingAbove", side=side, quantity=placeholder,
                                        allowed_types=("STOP_LOSS_LIMIT", "STOP_LOSS", "LIMIT_MAKER", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"))]
            if params.get("pendingBelowType") is not None:
                pending.append(self.parse_order(spec, params, account, now, prefix="pendingBelow", side=side,
                                                quantity=placeholder,
                                                allowed_types=("STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT")))
        if pays and any(p.side != "SELL" for p in pending):
            raise WireError(400, -1223, "Pending orders in an OPO list must be asks.")
        self._check_new(account, spec, [working, *pending], lists=1)
        order_list = self._new_list(account, spec, kind, params, now)
        if working.type == "LIMIT_MAKER" and self._crosses(working):
            raise rejected("Order would immediately match and take.")
        self._hold(spec, working)
        for order in pending:
            order.status = "PENDING_NEW"
        order_list.working, order_list.pending = working, pending
        self._open_list(spec, order_list, [working, *pending], now)
        self._list_event(order_list, now)
        for order in pending:
            self._report(order, "NEW", now)
        self._start(spec, working, now)
        self.flush(now)
        return order_list.report(now)

    def _list_leg_executed(self, order: Order, now: int) -> None:
        """An OCO leg filled or triggered: the other leg expires and the reservation moves over."""
        order_list = order.order_list
        assert order_list is not None
        pair = self._oco_pair(order_list, order)
        if not pair:
            return
        if order_list.locked:
            order.locked_asset, order.locked = order_list.locked_asset, order_list.locked
            order_list.locked = ZERO
            if order.side == "BUY" and order.type not in PRICED:
                order.budget = order.locked
        for other in pair:
            if other is not order and other.is_open:
                self._take_off(other)
                self._finish(other, "EXPIRED", now, "OCO_TRIGGER")

    def _oco_pair(self, order_list: OrderList, order: Order) -> list[Order]:
        if order_list.kind == "OCO":
            return order_list.orders
        if order_list.kind in ("OTOCO", "OPOCO") and order in order_list.pending:
            return order_list.pending
        return []

    def _list_leg_done(self, order: Order, now: int) -> None:
        """An order of a list ended: release what follows from it, and close the list when all ended."""
        order_list = order.order_list
        assert order_list is not None
        spec = self.symbols[order_list.symbol]
        if not order_list.is_open:
            return  # the whole list is being cancelled
        if order is order_list.working:
            if order.status == "FILLED" or (order_list.kind in ("OPO", "OPOCO") and order.executed_qty):
                # Not now: the working order may be ending inside another order's match on this book.
                self._later.append(lambda: self._release_pending(spec, order_list, order, now))
            else:
                for pending in order_list.pending:
                    if pending.is_open:
                        self._finish(pending, "EXPIRED", now, "OTO_PHASE_ONE_EXPIRED")
        if all(not o.is_open for o in order_list.orders) and order_list.is_open:
            if order_list.locked:
                order_list.account.unlock(order_list.locked_asset, order_list.locked)
                self._touch(order_list.account, order_list.locked_asset)
                order_list.locked = ZERO
            order_list.list_status_type = order_list.list_order_status = "ALL_DONE"
            self._list_event(order_list, now)

    def _release_pending(self, spec: SymbolSpec, order_list: OrderList, working: Order, now: int) -> None:
        """The working order is done: place its pending orders (an OCO pair for OTOCO/OPOCO)."""
        pending = [p for p in order_list.pending if p.is_open]
        if order_list.kind in ("OPO", "OPOCO"):
            # What the working order bought, net of commission taken in the base asset.
            assert working.account is not None
            received = sum(
                (Decimal(t["qty"]) - (Decimal(t["commission"]) if t["commissionAsset"] == spec.base else ZERO)
                 for t in working.account.trades if t["orderId"] == working.order_id),
                ZERO,
            )
            for p in pending:
                p.orig_qty = spec.round_qty(received)
        try:
            if len(pending) == 2:
                self._oco_hold(spec, order_list, pending)
            else:
                for p in pending:
                    self._hold(spec, p)
        except WireError:
            for p in pending:
                self._finish(p, "EXPIRED", now, "REJECTED")
            return
        for p in pending:
            p.status = "NEW"
            p.time = p.update_time = now
            self._start(spec, p, now)

    def cancel_list(self, account: Account, params: dict[str, Any], now: int) -> dict[str, Any]:
        """orderList.cancel."""
        spec = self.symbol(params)
        order_list = self.find_list(account, params.get("orderListId"), params.get("listClientOrderId"),
                                    ("orderListId", "listClientOrderId"))
        if order_list.symbol != spec.name or not order_list.is_open:
            raise WireError(400, -2011, "Order list does not exist.")
        return self._cancel_whole_list(order_list, now, with_orig_ids=False)

    def _cancel_whole_list(self, order_list: OrderList, now: int, with_orig_ids: bool = True) -> dict[str, Any]:
        """Cancel every open order of a list. The docs' reports name each order's former client
        id when a list is cancelled through one of its orders, and not through orderList.cancel."""
        order_list.list_status_type = order_list.list_order_status = "ALL_DONE"  # first: legs ending act alone
        reports = []
        for order in order_list.orders:
            orig = order.client_order_id
            if order.is_open:
                self._take_off(order)
                self._rename(order, _random_id(), canceling=True)
                self._finish(order, "CANCELED", now)
            reports.append(order.cancelled(now, orig if with_orig_ids else None))
        if order_list.locked:
            order_list.account.unlock(order_list.locked_asset, order_list.locked)
            self._touch(order_list.account, order_list.locked_asset)
            order_list.locked = ZERO
        self._list_event(order_list, now)
        self.flush(now)
        return order_list.report(now, reports)

    # -- cancelling, replacing, amending ---------------------------------------------------

    def cancel(self, account: Account, params: dict[str, Any], now: int, *, prefix: str = "") -> dict[str, Any]:
        """order.cancel (and the cancel half of order.cancelReplace, with prefix 'cancel')."""
        spec = self.symbol(params)
        id_name = "cancelOrderId" if prefix else "orderId"
        client_name = "cancelOrigClientOrderId" if prefix else "origClientOrderId"
        try:
            order = self.find_order(account, spec, params.get(id_name), params.get(client_name), (id_name, client_name))
        except WireError as exc:
            if exc.code == -2013:
                raise WireError(400, -2011, "Unknown order sent.") from None
            raise
        if not order.is_open:
            raise WireError(400, -2011, "Unknown order sent.")
        restriction = params.get("cancelRestrictions")
        if restriction not in (None, "ONLY_NEW", "ONLY_PARTIALLY_FILLED"):
            raise WireError(400, -1145, "`cancelRestrictions` has to be either `ONLY_NEW` or `ONLY_PARTIALLY_FILLED`.")
        if (restriction == "ONLY_NEW" and order.status != "NEW") or (
            restriction == "ONLY_PARTIALLY_FILLED" and order.status != "PARTIALLY_FILLED"
        ):
            raise WireError(400, -2011, "Order was not canceled due to cancel restrictions.")
        if order.order_list is not None:
            return self._cancel_whole_list(order.order_list, now)
        orig = order.client_order_id
        new_id = params.get("cancelNewClientOrderId" if prefix else "newClientOrderId")
        self._take_off(order)
        self._rename(order, new_id if isinstance(new_id, str) and new_id else _random_id(), canceling=True)
        self._finish(order, "CANCELED", now)
        self.flush(now)
        return order.cancelled(now, orig)

    def cancel_all(self, account: Account, params: dict[str, Any], now: int) -> list[dict[str, Any]]:
        """openOrders.cancelAll: every open order and order list of the account on the symbol."""
        spec = self.symbol(params)
        reports: list[dict[str, Any]] = []
        lists = [ol for ol in account.lists.values() if ol.is_open and ol.symbol == spec.name]
        for order in [o for o in account.open_orders() if o.symbol == spec.name and o.order_list is None]:
            orig = order.client_order_id
            self._take_off(order)
            self._rename(order, _random_id(), canceling=True)
            self._finish(order, "CANCELED", now)
            reports.append(order.cancelled(now, orig))
        for order_list in lists:  # single orders first, then lists, as in the docs' example
            reports.append(self._cancel_whole_list(order_list, now))
        if not reports:
            raise WireError(400, -2011, "Unknown order sent.")
        self.flush(now)
        return reports

    def cancel_replace(self, account: Account, params: dict[str, Any], now: int) -> tuple[int, dict[str, Any]]:
        """order.cancelReplace, with the documented status for each outcome. Returns (status, body)."""
        spec = self.symbol(params)
        mode = params.get("cancelReplaceMode")
        if mode not in ("STOP_ON_FAILURE", "ALLOW_FAILURE"):
            raise invalid_value("cancelReplaceMode")
        limit_mode = params.get("orderRateLimitExceededMode", "DO_NOTHING")
        if limit_mode not in ("DO_NOTHING", "CANCEL_ONLY"):
            raise invalid_value("orderRateLimitExceededMode")
        new_params = {k: v for k, v in params.items() if not k.startswith("cancel")}
        self.parse_order(spec, new_params, account, now)  # filters and order checks come first
        exceeded = self.orders_exceed_limit(account, 1)
        if exceeded and limit_mode == "DO_NOTHING":
            raise WireError(429, -1015, "Too many new orders; current limit is 50 orders per 10 SECOND.")
        try:
            cancel_response: dict[str, Any] = self.cancel(account, params, now, prefix="cancel")
            cancelled = True
        except WireError as exc:
            cancel_response, cancelled = exc.body(), False
        new_response: Optional[dict[str, Any]] = None
        placed: Optional[bool] = None
        if cancelled or mode == "ALLOW_FAILURE":
            if exceeded:
                new_response, placed = {"code": -1015, "msg": "Too many new orders; current limit is 50 orders per 10 SECOND."}, False
            else:
                try:
                    new_response, placed = self.place(account, new_params, now), True
                except WireError as exc:
                    new_response, placed = exc.body(), False
        outcome = {
            "cancelResult": "SUCCESS" if cancelled else "FAILURE",
            "newOrderResult": "NOT_ATTEMPTED" if placed is None else ("SUCCESS" if placed else "FAILURE"),
            "cancelResponse": cancel_response,
            "newOrderResponse": new_response,
        }
        if cancelled and placed:
            return 200, outcome
        if exceeded and (mode == "STOP_ON_FAILURE" or cancelled):
            status = 429 if mode == "STOP_ON_FAILURE" else 409
            raise WireError(status, -2021 if cancelled else -2022,
                            "Order cancel-replace partially failed." if cancelled else "Order cancel-replace failed.",
                            outcome)
        if cancelled or placed:
            raise WireError(409, -2021, "Order cancel-replace partially failed.", outcome)
        raise WireError(400, -2022, "Order cancel-replace failed.", outcome)

    def amend(self, account: Account, params: dict[str, Any], now: int) -> dict[str, Any]:
        """order.amend.keepPriority: reduce an open order's quantity, keeping its place."""
        spec = self.symbol(params)
        order = self.find_order(account, spec, params.get("orderId"), params.get("origClientOrderId"),
                                ("orderId", "origClientOrderId"))
        new_qty = decimal_param(params, "newQty")
        if new_qty is None:
            raise bad_param("newQty")
        if not order.is_open:
            raise WireError(400, -2038, "Unknown order sent.")
        if order.order_list is not None and order in order.order_list.pending and order.order_list.kind in ("OPO", "OPOCO"):
            raise WireError(400, -2038, "Order amend (pending OPO order) is not supported.")
        if new_qty > order.orig_qty:
            raise WireError(400, -2038, "Order amend (quantity increase) is not supported.")
        if new_qty == order.orig_qty:
            raise WireError(400, -2038, "The requested action would change no state; rejecting")
        if new_qty <= 0 or (new_qty - spec.min_qty) % spec.step_size:
            raise filter_failure("LOT_SIZE")
        if order.amendments >= spec.max_num_order_amends:
            raise filter_failure("MAX_NUM_ORDER_AMENDS")
        orig_client_id = order.client_order_id
        new_id = params.get("newClientOrderId")
        removed = order.orig_qty - new_qty
        order.orig_qty = new_qty
        order.amendments += 1
        order.visible = max(ZERO, min(order.visible, order.remaining))
        self.books[spec.name].update_id += 1
        if order.side == "BUY" and order.type in PRICED and order.locked:
            give_back = min(order.locked, removed * order.price)
        elif order.side == "SELL" and order.locked:
            give_back = min(order.locked, removed)
        else:
            give_back = ZERO
        if give_back:
            assert order.account is not None
            order.account.unlock(order.locked_asset, give_back)
            order.locked -= give_back
            self._touch(order.account, order.locked_asset)
        if isinstance(new_id, str) and new_id:
            self._rename(order, new_id)
        execution_id = next(self._execution_ids)
        account.amendments.append({
            "symbol": spec.name, "orderId": order.order_id, "executionId": execution_id,
            "origClientOrderId": orig_client_id, "newClientOrderId": order.client_order_id,
            "origQty": fmt(order.orig_qty + removed), "newQty": fmt(new_qty), "time": now,
        })
        if order.remaining <= 0:
            self._take_off(order)
            self._expire(order, now, "EXCHANGE_CANCELED")
        else:
            order.update_time = now
            self._report(order, "REPLACED", now)
        self.flush(now)
        result: dict[str, Any] = {
            "transactTime": now,
            "executionId": execution_id,
            "amendedOrder": {
                "symbol": spec.name,
                "orderId": order.order_id,
                "orderListId": order.list_id,
                "origClientOrderId": orig_client_id,
                "clientOrderId": order.client_order_id,
                "price": fmt(order.price),
                "qty": fmt(order.orig_qty),
                "executedQty": fmt(order.executed_qty),
                "preventedQty": fmt(order.prevented_qty),
                "quoteOrderQty": fmt(order.orig_quote_qty),
                "cumulativeQuoteQty": fmt(order.cumm_quote_qty),
                "status": order.status,
                "timeInForce": order.time_in_force,
                "type": order.type,
                "side": order.side,
                "workingTime": order.working_time,
                "selfTradePreventionMode": order.stp_mode,
            },
        }
        if order.order_list is not None:
            summary = order.order_list.summary()
            result["listStatus"] = {k: summary[k] for k in (
                "orderListId", "contingencyType", "listOrderStatus", "listClientOrderId", "symbol", "orders")}
        return result

    # -- events ----------------------------------------------------------------------------

    def _report(self, order: Order, execution: str, now: int,
                last: Optional[tuple[Decimal, Decimal, Decimal, str, int, bool]] = None) -> None:
        """An executionReport for a user's order."""
        if order.account is None:
            return
        price, qty, commission, asset, trade_id, is_maker = last or (ZERO, ZERO, ZERO, None, -1, False)
        event: dict[str, Any] = {
            "e": "executionReport", "E": now, "s": order.symbol, "c": order.client_order_id, "S": order.side,
            "o": order.type, "f": order.time_in_force, "q": fmt(order.orig_qty), "p": fmt(order.price),
            "P": fmt(order.stop_price), "F": fmt(order.iceberg_qty), "g": order.list_id,
            "C": order.canceled_client_order_id if execution == "CANCELED" else "",
            "x": execution, "X": order.status, "r": "NONE", "i": order.order_id, "l": fmt(qty),
            # Production (and the docs' example) send "n": "0" where nothing traded, and "M"
            # ("ignore") true on trades.
            "z": fmt(order.executed_qty), "L": fmt(price), "n": fmt(commission) if trade_id >= 0 else "0",
            "N": asset, "T": now, "t": trade_id, "I": next(self._execution_ids),
            "w": order.working_time >= 0 and order.is_open, "m": is_maker, "M": trade_id >= 0, "O": order.time, "Z": fmt(order.cumm_quote_qty), "Y": fmt(price * qty),
            "Q": fmt(order.orig_quote_qty), "V": order.stp_mode,
        }
        if order.working_time >= 0:
            event["W"] = order.working_time
        if order.trailing_delta:
            event["d"], event["D"] = order.trailing_delta, order.trailing_time
        if order.strategy_id is not None:
            event["j"] = order.strategy_id
        if order.strategy_type is not None:
            event["J"] = order.strategy_type
        if order.prevented_match_id is not None:
            event["v"], event["A"] = order.prevented_match_id, fmt(order.prevented_qty)
        if order.used_sor:
            event["uS"], event["k"] = True, "SOR"
        if order.expiry_reason is not None:
            event["eR"] = order.expiry_reason
        self.events.append((order.account.uid, event))

    def _list_event(self, order_list: OrderList, now: int) -> None:
        self.events.append((order_list.account.uid, {
            "e": "listStatus", "E": now, "s": order_list.symbol, "g": order_list.order_list_id,
            "c": order_list.contingency_type, "l": order_list.list_status_type, "L": order_list.list_order_status,
            "r": "NONE", "C": order_list.list_client_order_id, "T": now,
            "O": [{"s": o.symbol, "i": o.order_id, "c": o.client_order_id} for o in order_list.orders],
        }))

    def flush(self, now: int) -> None:
        """Run what fills set off (triggers, released orders), then report the balances that moved."""
        self._run_triggers(now)
        while self._later:
            self._later.pop(0)()
            self._run_triggers(now)
        for account, assets in self._touched.values():
            self.events.append((account.uid, {
                "e": "outboundAccountPosition", "E": now, "u": account.update_time or now,
                "B": [{"a": a, "f": fmt(account.slot(a)[0]), "l": fmt(account.slot(a)[1])} for a in sorted(assets)],
            }))
        self._touched.clear()

    def deposit(self, account: Account, asset: str, amount: Decimal, now: int) -> None:
        """Credit (or debit) a balance as a deposit (withdrawal) would, with its balanceUpdate event."""
        account.slot(asset)[0] += amount
        account.update_time = now
        self.events.append((account.uid, {"e": "balanceUpdate", "E": now, "a": asset, "d": fmt(amount), "T": now}))
        self._touch(account, asset)
        self.flush(now)

    def external_lock(self, account: Account, asset: str, amount: Decimal, now: int) -> None:
        """Lock (or, negative, unlock) part of a balance as an external system would, with
        its externalLockUpdate event."""
        slot = account.slot(asset)
        slot[0] -= amount
        slot[1] += amount
        account.update_time = now
        self.events.append((account.uid, {"e": "externalLockUpdate", "E": now, "a": asset, "d": fmt(amount), "T": now}))
        self._touch(account, asset)
        self.flush(now)

    def take_events(self) -> list[tuple[int, dict[str, Any]]]:
        events, self.events = self.events, []
        return events

