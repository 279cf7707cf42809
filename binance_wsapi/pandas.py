"""Results as pandas DataFrames, with named and typed columns: ``binance-wsapi[pandas]``.

``klines_frame(client.klines(symbol="BTCUSDT", interval="1m"))`` turns the twelve-column rows
into a frame indexed by nothing in particular, with times as UTC datetimes and numbers as
float64 (or, with ``decimals=True``, as Decimal objects: exact, and slower). ``trades_frame``
does the same for ``trades_recent``, ``trades_historical`` and ``my_trades`` results.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Sequence

try:
    import pandas as pd
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("binance_wsapi.pandas needs pandas: pip install 'binance-wsapi[pandas]'") from exc

__all__ = ["KLINE_COLUMNS", "klines_frame", "trades_frame"]

#: The kline row's columns, in order (the twelfth is unused and dropped).
KLINE_COLUMNS = (
    "open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "trades",
    "taker_buy_base_volume", "taker_buy_quote_volume",
)
_KLINE_NUMBERS = ("open", "high", "low", "close", "volume", "quote_volume", "taker_buy_base_volume",
                  "taker_buy_quote_volume")


def _numbers(frame: Any, columns: Sequence[str], decimals: bool) -> None:
    for column in columns:
        frame[column] = frame[column].map(Decimal) if decimals else frame[column].astype("float64")


def _times(frame: Any, columns: Sequence[str]) -> None:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column].astype("int64"), unit="ms", utc=True)


def klines_frame(rows: Sequence[Sequence[Any]], *, decimals: bool = False) -> Any:
    """A DataFrame of ``klines`` / ``ui_klines`` rows: open_time ... taker_buy_quote_volume."""
    frame = pd.DataFrame([list(row[:11]) for row in rows], columns=list(KLINE_COLUMNS))
    _times(frame, ("open_time", "close_time"))
    _numbers(frame, _KLINE_NUMBERS, decimals)
    frame["trades"] = frame["trades"].astype("int64")
    return frame


_TRADE_NAMES = {
    "id": "id", "orderId": "order_id", "orderListId": "order_list_id", "price": "price", "qty": "qty",
    "quoteQty": "quote_qty", "commission": "commission", "commissionAsset": "commission_asset", "time": "time",
    "isBuyer": "is_buyer", "isMaker": "is_maker", "isBuyerMaker": "is_buyer_maker", "isBestMatch": "is_best_match",
    "symbol": "symbol",
}


def trades_frame(rows: Sequence[Any], *, decimals: bool = False) -> Any:
    """A DataFrame of trades (``trades_recent``, ``trades_historical``, ``my_trades``), snake_case columns."""
    frame = pd.DataFrame(list(rows))
    frame = frame.rename(columns={k: v for k, v in _TRADE_NAMES.items() if k in frame.columns})
    if "time" in frame.columns:
        _times(frame, ("time",))
    _numbers(frame, [c for c in ("price", "qty", "quote_qty", "commission") if c in frame.columns], decimals)
    return frame
