"""Market data computed from LocalExchange's trades and books: trades, klines, tickers, prices.

Nothing here is canned: every figure comes from `Engine.trades` (seeded with a day of
deterministic history, then every real match) and the current books.
"""

from __future__ import annotations

import calendar
import datetime
import re
from decimal import Decimal
from typing import Any, Iterable, Optional

from .engine import Engine
from .model import ZERO, SymbolSpec, Trade, WireError, fmt, int_param, invalid_value, json_text_array

__all__ = [
    "aggregate_trades",
    "avg_price",
    "klines",
    "recent_trades",
    "ticker_stats",
]

_INTERVAL = re.compile(r"^(\d+)([smhdwM])$")
_UNIT_MS = {"s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
KLINE_INTERVALS = ("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M")
WINDOW = re.compile(r"^(\d+)([mhd])$")


def limit_of(params: dict[str, Any], default: int = 500, maximum: int = 1000) -> int:
    limit = int_param(params, "limit")
    if limit is None:
        return default
    if not 1 <= limit <= maximum:
        raise invalid_value("limit")
    return limit


def recent_trades(engine: Engine, spec: SymbolSpec, params: dict[str, Any]) -> list[dict[str, Any]]:
    """trades.recent and trades.historical (with fromId)."""
    trades = engine.trades[spec.name]
    limit = limit_of(params)
    from_id = int_param(params, "fromId")
    if from_id is not None:
        chosen = [t for t in trades if t.id >= from_id][:limit]
    else:
        chosen = trades[-limit:]
    return [t.public() for t in chosen]


def _aggregates(trades: list[Trade]) -> list[dict[str, Any]]:
    """Consecutive fills of one taker order at one price form an aggregate trade."""
    out: list[dict[str, Any]] = []
    for trade in trades:
        last = out[-1] if out else None
        same = (
            last is not None
            and trade.taker_order_id >= 0
            and last["_taker"] == trade.taker_order_id
            and last["p"] == fmt(trade.price)
        )
        if same:
            assert last is not None
            last["q"] = fmt(Decimal(last["q"]) + trade.qty)
            last["l"] = trade.id
        else:
            out.append({"a": len(out) + 1, "p": fmt(trade.price), "q": fmt(trade.qty), "f": trade.id,
                        "l": trade.id, "T": trade.time, "m": trade.is_buyer_maker, "M": True,
                        "_taker": trade.taker_order_id})
    return out


def aggregate_trades(engine: Engine, spec: SymbolSpec, params: dict[str, Any]) -> list[dict[str, Any]]:
    aggs = _aggregates(engine.trades[spec.name])
    limit = limit_of(params)
    from_id, start, end = (int_param(params, k) for k in ("fromId", "startTime", "endTime"))
    if from_id is not None:
        aggs = [a for a in aggs if a["a"] >= from_id][:limit]
    elif start is not None or end is not None:
        if start is not None and end is not None and end - start > 3_600_000:
            raise WireError(400, -1127, "More than 1 hours between startTime and endTime.")
        aggs = [a for a in aggs if (start is None or a["T"] >= start) and (end is None or a["T"] <= end)]
        aggs = aggs[:limit] if start is not None else aggs[-limit:]
    else:
        aggs = aggs[-limit:]
    return [{k: v for k, v in a.items() if not k.startswith("_")} for a in aggs]


def _offset_ms(params: dict[str, Any]) -> int:
    """timeZone: hours[:minutes] from UTC, -12:00 to +14:00 (default 0)."""
    value = params.get("timeZone")
    if value is None:
        return 0
    match = re.fullmatch(r"([+-]?)(\d{1,2})(?::(\d{2}))?", str(value))
    if not match:
        raise invalid_value("timeZone")
    sign = -1 if match.group(1) == "-" else 1
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if not -12 * 60 <= sign * minutes <= 14 * 60:
        raise invalid_value("timeZone")
    return sign * minutes * 60_000


def _bucket_start(time_ms: int, interval: str, offset: int) -> int:
    match = _INTERVAL.match(interval)
    assert match is not None
    count, unit = int(match.group(1)), match.group(2)
    local = time_ms + offset
    if unit == "M":
        moment = datetime.datetime.fromtimestamp(local / 1000, tz=datetime.timezone.utc)
        start = datetime.datetime(moment.year, moment.month, 1, tzinfo=datetime.timezone.utc)
        return int(start.timestamp() * 1000) - offset
    size = _UNIT_MS[unit] * count
    origin = 4 * 86_400_000 if unit == "w" else 0  # weeks start on Monday (1970-01-05)
    return local - (local - origin) % size - offset


def _bucket_end(start: int, interval: str, offset: int) -> int:
    match = _INTERVAL.match(interval)
    assert match is not None
    count, unit = int(match.group(1)), match.group(2)
    if unit == "M":
        moment = datetime.datetime.fromtimestamp((start + offset) / 1000, tz=datetime.timezone.utc)
        days = calendar.monthrange(moment.year, moment.month)[1]
        return start + days * 86_400_000 - 1
    return start + _UNIT_MS[unit] * count - 1


def klines(engine: Engine, spec: SymbolSpec, params: dict[str, Any]) -> list[list[Any]]:
    """klines / uiKlines: trades bucketed by interval; empty buckets repeat the previous close."""
    interval = params.get("interval")
    if interval not in KLINE_INTERVALS:
        raise WireError(400, -1120, "Invalid interval.")
    assert isinstance(interval, str)
    offset = _offset_ms(params)
    limit = limit_of(params)
    start, end = int_param(params, "startTime"), int_param(params, "endTime")
    trades = [t for t in engine.trades[spec.name] if (start is None or t.time >= start) and (end is None or t.time <= end)]
    if not trades:
        return []
    buckets: dict[int, list[Trade]] = {}
    for trade in trades:
        buckets.setdefault(_bucket_start(trade.time, interval, offset), []).append(trade)
    first, last = min(buckets), max(buckets)
    rows: list[list[Any]] = []
    moment, close = first, trades[0].price
    while moment <= last:
        group = buckets.get(moment, [])
        end_of = _bucket_end(moment, interval, offset)
        if group:
            prices = [t.price for t in group]
            volume = sum((t.qty for t in group), ZERO)
            quote = sum((t.qty * t.price for t in group), ZERO)
            buys = [t for t in group if not t.is_buyer_maker]
            rows.append([
                moment, fmt(prices[0]), fmt(max(prices)), fmt(min(prices)), fmt(prices[-1]), fmt(volume), end_of,
                fmt(quote), len(group), fmt(sum((t.qty for t in buys), ZERO)),
                fmt(sum((t.qty * t.price for t in buys), ZERO)), "0",
            ])
            close = prices[-1]
        else:
            rows.append([moment, fmt(close), fmt(close), fmt(close), fmt(close), fmt(ZERO), end_of, fmt(ZERO), 0,
                         fmt(ZERO), fmt(ZERO), "0"])
        moment = end_of + 1
    return rows[:limit] if start is not None else rows[-limit:]


def avg_price(engine: Engine, spec: SymbolSpec, now: int) -> dict[str, Any]:
    """The volume-weighted price of the last 5 minutes (the last price when there were no trades)."""
    trades = engine.trades[spec.name]
    recent = [t for t in trades if t.time > now - 300_000]
    if recent:
        volume = sum((t.qty for t in recent), ZERO)
        price = sum((t.qty * t.price for t in recent), ZERO) / volume
    else:
        price = trades[-1].price if trades else spec.mid
    close = trades[-1].time if trades else now
    return {"mins": 5, "price": fmt(price), "closeTime": close}


def window_ms(size: str) -> int:
    match = WINDOW.match(size)
    if not match:
        raise invalid_value("windowSize")
    count, unit = int(match.group(1)), match.group(2)
    limits = {"m": 59, "h": 23, "d": 7}
    if not 1 <= count <= limits[unit]:
        raise invalid_value("windowSize")
    return count * _UNIT_MS[unit]


def ticker_stats(
    engine: Engine, spec: SymbolSpec, open_time: int, close_time: int, full: bool, *, book: bool = False,
    prev_close: bool = False,
) -> dict[str, Any]:
    """Price change statistics over [open_time, close_time] (FULL or MINI)."""
    window = [t for t in engine.trades[spec.name] if open_time <= t.time <= close_time]
    before = [t for t in engine.trades[spec.name] if t.time < open_time]
    last_trade = window[-1] if window else None
    if window:
        open_price, last_price = window[0].price, window[-1].price
        high, low = max(t.price for t in window), min(t.price for t in window)
        volume = sum((t.qty for t in window), ZERO)
        quote = sum((t.qty * t.price for t in window), ZERO)
        first_id, last_id = window[0].id, window[-1].id
    else:
        open_price = last_price = high = low = ZERO
        volume = quote = ZERO
        first_id = last_id = -1
    out: dict[str, Any] = {"symbol": spec.name}
    if full:
        change = last_price - open_price
        out["priceChange"] = fmt(change)
        out["priceChangePercent"] = f"{(change / open_price * 100) if open_price else ZERO:.3f}"
        out["weightedAvgPrice"] = fmt(quote / volume if volume else ZERO)
        if prev_close:
            out["prevClosePrice"] = fmt(before[-1].price if before else ZERO)
    out["openPrice"] = fmt(open_price)
    out["highPrice"] = fmt(high)
    out["lowPrice"] = fmt(low)
    out["lastPrice"] = fmt(last_price)
    if full and book:
        out["lastQty"] = fmt(last_trade.qty if last_trade else ZERO)
        book_state = engine.books[spec.name]
        bid = book_state.best_level("BUY") or (ZERO, ZERO)
        ask = book_state.best_level("SELL") or (ZERO, ZERO)
        out.update(bidPrice=fmt(bid[0]), bidQty=fmt(bid[1]), askPrice=fmt(ask[0]), askQty=fmt(ask[1]))
    out["volume"] = fmt(volume)
    out["quoteVolume"] = fmt(quote)
    out["openTime"] = open_time
    out["closeTime"] = close_time
    out["firstId"] = first_id
    out["lastId"] = last_id
    out["count"] = len(window)
    return out


def symbols_of(engine: Engine, params: dict[str, Any], *, required: bool = False) -> tuple[list[SymbolSpec], bool]:
    """The symbols asked for, and whether the answer is one object (symbol=) or a list."""
    if params.get("symbol") is not None:
        return [engine.symbol(params)], True
    wanted = json_text_array(params.get("symbols"))
    if wanted is None:
        if required:
            raise WireError(400, -1102, "Param 'symbol' or 'symbols' must be sent, but both were empty/null!")
        return list(engine.symbols.values()), False
    if not isinstance(wanted, list) or not all(isinstance(s, str) for s in wanted):
        raise invalid_value("symbols")
    if len(set(wanted)) != len(wanted):
        raise WireError(400, -1151, "Symbol is present multiple times in the list.")
    return [engine.symbol({"symbol": s}) for s in wanted], False


def best_prices(engine: Engine, specs: Iterable[SymbolSpec]) -> list[dict[str, Any]]:
    out = []
    for spec in specs:
        book = engine.books[spec.name]
        bid = book.best_level("BUY") or (ZERO, ZERO)
        ask = book.best_level("SELL") or (ZERO, ZERO)
        out.append({"symbol": spec.name, "bidPrice": fmt(bid[0]), "bidQty": fmt(bid[1]),
                    "askPrice": fmt(ask[0]), "askQty": fmt(ask[1])})
    return out


def last_price(engine: Engine, spec: SymbolSpec) -> Optional[Decimal]:
    trades = engine.trades[spec.name]
    return trades[-1].price if trades else None
