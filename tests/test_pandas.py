"""binance_wsapi.pandas: klines and trades as DataFrames with named, typed columns."""

from __future__ import annotations

from decimal import Decimal

import pytest

from binance_wsapi import Client
from binance_wsapi.testing import LocalAccount, LocalExchange

pd = pytest.importorskip("pandas", reason="pandas is in the test extra")
frames = pytest.importorskip("binance_wsapi.pandas")


def trade_some(client: Client) -> None:
    for side in ("BUY", "SELL", "BUY"):
        client.order_place(symbol="BTCUSDT", side=side, type="MARKET", quantity="0.001")


def test_klines_frame_has_named_typed_columns(client: Client, account: LocalAccount) -> None:
    """Eleven named columns (the unused twelfth dropped), times as UTC datetimes, prices as float64, trades int."""
    trade_some(client)
    rows = client.klines(symbol="BTCUSDT", interval="1m")
    frame = frames.klines_frame(rows)
    assert list(frame.columns) == list(frames.KLINE_COLUMNS) and len(frame) == len(rows) > 0
    assert str(frame["open_time"].dt.tz) == "UTC" and frame["open_time"].iloc[0].value // 10**6 == rows[0][0]
    assert frame["close"].dtype == "float64" and frame["close"].iloc[-1] == float(rows[-1][4])
    assert frame["trades"].dtype == "int64" and int(frame["trades"].sum()) == sum(int(r[8]) for r in rows)
    exact = frames.klines_frame(rows, decimals=True)
    assert exact["volume"].iloc[0] == Decimal(rows[0][5])


def test_trades_frame_renames_and_types(client: Client, exchange: LocalExchange) -> None:
    """trades_recent and my_trades become snake_case frames with UTC times and float prices."""
    trade_some(client)
    recent = frames.trades_frame(client.trades_recent(symbol="BTCUSDT", limit=10))
    assert {"id", "price", "qty", "quote_qty", "time", "is_buyer_maker"} <= set(recent.columns)
    assert recent["price"].dtype == "float64" and str(recent["time"].dt.tz) == "UTC"
    mine = frames.trades_frame(client.my_trades(symbol="BTCUSDT"), decimals=True)
    assert {"order_id", "commission", "is_buyer", "is_maker"} <= set(mine.columns) and len(mine) == 3
    assert isinstance(mine["commission"].iloc[0], Decimal)
