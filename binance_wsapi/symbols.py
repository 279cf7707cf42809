"""A symbol's trading rules from ``exchangeInfo``: its filters as values, rounding, and a pre-flight check.

`SymbolInfo.from_exchange_info` reads one entry of ``exchangeInfo``'s ``symbols``. Prices and
quantities are `Decimal` throughout: ``0.1 + 0.2`` is not a quantity. `check` names every filter
an order would fail (filters.md: PRICE_FILTER, LOT_SIZE, MARKET_LOT_SIZE, NOTIONAL, MIN_NOTIONAL)
and the nearest values that pass; rules it cannot judge locally (PERCENT_PRICE needs the average
price, MAX_NUM_ORDERS the open orders) are left to the exchange. No I/O here: `Client.symbol`
fetches and caches the entries.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any, Callable, Mapping, Optional, Union

from attrs import frozen

from .exceptions import InvalidRequest

__all__ = ["FilterProblem", "SymbolInfo"]

Number = Union[Decimal, str, int, float]
_PRICED = frozenset({"LIMIT", "LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT"})
_STOPS = frozenset({"STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"})


def _decimal(value: Number, name: str) -> Decimal:
    if isinstance(value, float):
        value = repr(value)  # 0.1 as "0.1", not 0.1000000000000000055511151231257827
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidRequest(f"{name}={value!r} is not a number") from None
    if not number.is_finite():
        raise InvalidRequest(f"{name}={value!r}: pass a finite number")
    return number


def _on_step(value: Decimal, step: Decimal, base: Decimal, rounding: str) -> Decimal:
    """`value` moved onto the grid base + k * step, in the direction `rounding` says."""
    if not step:
        return value
    steps = ((value - base) / step).to_integral_value(rounding=rounding)
    return (base + steps * step).quantize(step)  # written with the step's decimals, as Binance shows them


@frozen
class FilterProblem:
    """One filter an order would fail: its name, what is wrong, and the nearest value that passes."""

    filter: str
    message: str
    #: The field to change ("price", "quantity", ...) and a value of it that passes this filter.
    field: Optional[str] = None
    nearest: Optional[Decimal] = None

    def __str__(self) -> str:
        hint = f"; nearest valid {self.field}: {self.nearest}" if self.nearest is not None else ""
        return f"{self.filter}: {self.message}{hint}"


@frozen
class SymbolInfo:
    """One symbol's rules. Zero means "no such rule" (filters.md: a 0 disables it)."""

    symbol: str
    status: str
    base_asset: str
    quote_asset: str
    base_asset_precision: int
    quote_asset_precision: int
    order_types: tuple[str, ...]
    min_price: Decimal
    max_price: Decimal
    tick_size: Decimal
    min_qty: Decimal
    max_qty: Decimal
    step_size: Decimal
    market_min_qty: Decimal
    market_max_qty: Decimal
    market_step_size: Decimal
    min_notional: Decimal
    max_notional: Decimal
    apply_min_to_market: bool
    apply_max_to_market: bool
    #: Every filter as exchangeInfo gave it, for the ones without attributes here.
    filters: tuple[Mapping[str, Any], ...]

    @classmethod
    def from_exchange_info(cls, entry: Mapping[str, Any]) -> SymbolInfo:
        """From one element of ``exchangeInfo``'s ``symbols``."""
        by_type = {f.get("filterType"): f for f in entry.get("filters", ())}

        def get(kind: str, key: str, default: str = "0") -> Decimal:
            return Decimal(str(by_type.get(kind, {}).get(key, default)))

        notional = by_type.get("NOTIONAL")
        legacy = by_type.get("MIN_NOTIONAL")
        if notional is not None:
            min_notional, max_notional = get("NOTIONAL", "minNotional"), get("NOTIONAL", "maxNotional")
            to_market = bool(notional.get("applyMinToMarket")), bool(notional.get("applyMaxToMarket"))
        else:
            min_notional, max_notional = get("MIN_NOTIONAL", "minNotional"), Decimal(0)
            to_market = bool(legacy and legacy.get("applyToMarket")), False
        lot = "MARKET_LOT_SIZE" if "MARKET_LOT_SIZE" in by_type else "LOT_SIZE"
        return cls(
            symbol=entry["symbol"],
            status=entry.get("status", ""),
            base_asset=entry.get("baseAsset", ""),
            quote_asset=entry.get("quoteAsset", ""),
            base_asset_precision=int(entry.get("baseAssetPrecision", 8)),
            quote_asset_precision=int(entry.get("quoteAssetPrecision", entry.get("quotePrecision", 8))),
            order_types=tuple(entry.get("orderTypes", ())),
            min_price=get("PRICE_FILTER", "minPrice"),
            max_price=get("PRICE_FILTER", "maxPrice"),
            tick_size=get("PRICE_FILTER", "tickSize"),
            min_qty=get("LOT_SIZE", "minQty"),
            max_qty=get("LOT_SIZE", "maxQty"),
            step_size=get("LOT_SIZE", "stepSize"),
            market_min_qty=get(lot, "minQty"),
            market_max_qty=get(lot, "maxQty"),
            market_step_size=get(lot, "stepSize"),
            min_notional=min_notional,
            max_notional=max_notional,
            apply_min_to_market=to_market[0],
            apply_max_to_market=to_market[1],
            filters=tuple(entry.get("filters", ())),
        )

    # -- rounding ------------------------------------------------------------------------

    def round_price(self, price: Number, rounding: str = ROUND_DOWN) -> Decimal:
        """`price` on the tick grid (from minPrice), rounded down unless `rounding` says otherwise."""
        value = _decimal(price, "price")
        return _on_step(value, self.tick_size, self.min_price if self.tick_size else Decimal(0), rounding)

    def round_qty(self, quantity: Number, rounding: str = ROUND_DOWN, *, market: bool = False) -> Decimal:
        """`quantity` on the LOT_SIZE step grid (MARKET_LOT_SIZE with `market`), rounded down by default."""
        value = _decimal(quantity, "quantity")
        step, base = (self.market_step_size, self.market_min_qty) if market else (self.step_size, self.min_qty)
        return _on_step(value, step, base, rounding)

    # -- the pre-flight check ------------------------------------------------------------

    def check(
        self,
        *,
        side: str,
        type: str,
        price: Optional[Number] = None,
        quantity: Optional[Number] = None,
        stop_price: Optional[Number] = None,
        quote_order_qty: Optional[Number] = None,
    ) -> list[FilterProblem]:
        """Every filter the order would fail, each with the nearest value that passes; [] if none.

        A MARKET order's notional needs the average price, which only the exchange knows: it is
        judged only for `quote_order_qty` (its notional is given).
        """
        problems: list[FilterProblem] = []
        market = type == "MARKET"
        if type not in self.order_types and self.order_types:
            problems.append(FilterProblem("orderTypes", f"{self.symbol} does not take {type} orders"))
        for name, value in (("price", price), ("stopPrice", stop_price)):
            if value is None or (name == "price" and type not in _PRICED) or (name == "stopPrice" and type not in _STOPS):
                continue
            problems += self._price_problems(name, _decimal(value, name))
        if quantity is not None:
            problems += self._qty_problems(_decimal(quantity, "quantity"), market)
        notional = None
        if quote_order_qty is not None and market:
            notional = _decimal(quote_order_qty, "quoteOrderQty")
        elif price is not None and quantity is not None and type in _PRICED:
            notional = _decimal(price, "price") * _decimal(quantity, "quantity")
        if notional is not None:
            problems += self._notional_problems(notional, market, price, quantity)
        return problems

    def _price_problems(self, name: str, value: Decimal) -> list[FilterProblem]:
        out = []
        if self.min_price and value < self.min_price:
            out.append(FilterProblem("PRICE_FILTER", f"{name} {value} is below minPrice {self.min_price}", name,
                                     self.min_price))
        elif self.max_price and value > self.max_price:
            out.append(FilterProblem("PRICE_FILTER", f"{name} {value} is above maxPrice {self.max_price}", name,
                                     self.round_price(self.max_price)))
        elif self.tick_size and (value - self.min_price) % self.tick_size:
            out.append(FilterProblem("PRICE_FILTER", f"{name} {value} is not a multiple of tickSize {self.tick_size}",
                                     name, self._nearest(value, self.round_price)))
        return out

    def _qty_problems(self, value: Decimal, market: bool) -> list[FilterProblem]:
        kind = "MARKET_LOT_SIZE" if market and any(f.get("filterType") == "MARKET_LOT_SIZE" for f in self.filters) \
            else "LOT_SIZE"
        low, high, step = ((self.market_min_qty, self.market_max_qty, self.market_step_size) if market
                           else (self.min_qty, self.max_qty, self.step_size))
        out = []
        if low and value < low:
            out.append(FilterProblem(kind, f"quantity {value} is below minQty {low}", "quantity", low))
        elif high and value > high:
            out.append(FilterProblem(kind, f"quantity {value} is above maxQty {high}", "quantity",
                                     self.round_qty(high, market=market)))
        elif step and (value - low) % step:
            out.append(FilterProblem(kind, f"quantity {value} is not a multiple of stepSize {step}", "quantity",
                                     self._nearest(value, lambda v, r: self.round_qty(v, r, market=market))))
        return out

    def _notional_problems(self, notional: Decimal, market: bool, price: Any, quantity: Any) -> list[FilterProblem]:
        kind = "NOTIONAL" if any(f.get("filterType") == "NOTIONAL" for f in self.filters) else "MIN_NOTIONAL"
        out = []
        check_min = self.min_notional and (not market or self.apply_min_to_market)
        check_max = self.max_notional and (not market or self.apply_max_to_market)
        if check_min and notional < self.min_notional:
            nearest = None
            if price is not None and not market:
                p = _decimal(price, "price")
                if p > 0:  # the least quantity on the step grid whose notional reaches the minimum
                    nearest = max(self.round_qty(self.min_notional / p, ROUND_CEILING), self.min_qty)
            out.append(FilterProblem(kind, f"notional {notional} is below minNotional {self.min_notional}",
                                     "quantity" if nearest is not None else None, nearest))
        elif check_max and notional > self.max_notional:
            out.append(FilterProblem(kind, f"notional {notional} is above maxNotional {self.max_notional}"))
        return out

    @staticmethod
    def _nearest(value: Decimal, rounder: Callable[[Decimal, str], Decimal]) -> Decimal:
        down, up = rounder(value, ROUND_FLOOR), rounder(value, ROUND_CEILING)
        return down if value - down <= up - value else up
