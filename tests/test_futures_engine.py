"""Scenario tests of the sans-I/O futures venue (binance_wsapi.testing.futures_engine), with exact numbers."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from binance_wsapi.testing.futures_engine import FuturesAccount, FuturesEngine
from binance_wsapi.testing.model import WireError

T0 = 1_700_000_000_000
DOCS = Path(__file__).parent / "data" / "binance-derivatives-docs"


def market(engine: FuturesEngine, account: FuturesAccount, symbol: str, side: str, qty: str, now: int,
           **extra: Any) -> dict[str, Any]:
    return engine.place(account, {"symbol": symbol, "side": side, "type": "MARKET", "quantity": qty,
                                  "newOrderRespType": "RESULT", **extra}, now)


def limit(engine: FuturesEngine, account: FuturesAccount, symbol: str, side: str, qty: str, price: str, now: int,
          tif: str = "GTC", **extra: Any) -> dict[str, Any]:
    return engine.place(account, {"symbol": symbol, "side": side, "type": "LIMIT", "quantity": qty, "price": price,
                                  "timeInForce": tif, "newOrderRespType": "RESULT", **extra}, now)


def position(engine: FuturesEngine, account: FuturesAccount, symbol: str, side: str = "BOTH") -> dict[str, Any]:
    params = {"pair": engine.symbols[symbol].pair} if engine.coinm else {"symbol": symbol}
    return next(p for p in engine.positions(account, params) if p["symbol"] == symbol and p["positionSide"] == side)


def balance(engine: FuturesEngine, account: FuturesAccount, asset: str = "USDT") -> dict[str, Any]:
    return next(b for b in engine.balances(account) if b["asset"] == asset)


def events_of(events: list[tuple[FuturesAccount, dict[str, Any]]], account: FuturesAccount) -> list[dict[str, Any]]:
    return [e for a, e in events if a is account]


def code_of(call: Any, *args: Any, **kwargs: Any) -> int:
    with pytest.raises(WireError) as info:
        call(*args, **kwargs)
    return info.value.code


def doc_example(path: str) -> dict[str, Any]:
    """The first JSON example of a docs page, with its // comments removed."""
    text = (DOCS / path).read_text(encoding="utf-8")
    block = text.split("## Response Example", 1)[1].split("```", 2)[1]
    block = re.sub(r"//[^\n]*", "", block.removeprefix("json")).replace("，", ",")
    result: dict[str, Any] = json.loads(block)
    return result


@pytest.fixture
def um() -> FuturesEngine:
    return FuturesEngine("usdm", now=T0)


@pytest.fixture
def cm() -> FuturesEngine:
    return FuturesEngine("coinm", now=T0)


def test_open_add_partial_close(um: FuturesEngine) -> None:
    """A long opened, added to (entry averages), then half closed: realized PnL, commissions, break-even."""
    a = um.new_account("a")
    um.seed_book("BTCUSDT", D("49999.90"))  # best ask 50000.00
    first = market(um, a, "BTCUSDT", "BUY", "0.100", T0)
    assert (first["status"], first["avgPrice"], first["cumQuote"]) == ("FILLED", "50000.00000", "5000.00000")
    um.seed_book("BTCUSDT", D("50999.90"))  # best ask 51000.00
    market(um, a, "BTCUSDT", "BUY", "0.100", T0 + 1)
    pos = position(um, a, "BTCUSDT")
    assert (pos["positionAmt"], pos["entryPrice"], pos["breakEvenPrice"]) == ("0.200", "50500.00000000", "50525.25000000")
    assert balance(um, a)["balance"] == "9994.95000000"  # 10000 - 2.5 - 2.55 taker fees
    um.seed_book("BTCUSDT", D("52000.10"))  # best bid 52000.00
    um.take_events()
    close = market(um, a, "BTCUSDT", "SELL", "0.050", T0 + 2, reduceOnly="true")
    assert (close["avgPrice"], close["reduceOnly"]) == ("52000.00000", True)
    trade = [e for e in events_of(um.take_events(), a) if e["e"] == "ORDER_TRADE_UPDATE"][-1]["o"]
    assert (trade["x"], trade["rp"], trade["n"], trade["N"]) == ("TRADE", "75.00000000", "1.30000000", "USDT")
    pos = position(um, a, "BTCUSDT")
    assert (pos["positionAmt"], pos["entryPrice"], pos["breakEvenPrice"]) == ("0.150", "50500.00000000", "50525.25000000")
    assert balance(um, a)["crossWalletBalance"] == "10068.65000000"  # + 75 realized - 1.3 fee
    um.set_mark_price("BTCUSDT", D("52000"), T0 + 3)
    pos = position(um, a, "BTCUSDT")
    assert (pos["unRealizedProfit"], pos["notional"], pos["markPrice"]) == ("225.00000000", "7800.00000000", "52000.00000000")


def test_reduce_only_refusals(um: FuturesEngine) -> None:
    """reduceOnly with no position, larger than the position (a flip), or over other reduce-only orders: -2022."""
    a = um.new_account("a")
    assert code_of(market, um, a, "BTCUSDT", "SELL", "0.010", T0, reduceOnly="true") == -2022
    market(um, a, "BTCUSDT", "BUY", "0.100", T0)
    assert code_of(market, um, a, "BTCUSDT", "SELL", "0.200", T0, reduceOnly="true") == -2022
    assert code_of(market, um, a, "BTCUSDT", "BUY", "0.010", T0, reduceOnly="true") == -2022
    resting = limit(um, a, "BTCUSDT", "SELL", "0.060", "51000.00", T0, reduceOnly="true")
    assert resting["status"] == "NEW"
    assert code_of(limit, um, a, "BTCUSDT", "SELL", "0.050", "51000.00", T0, reduceOnly="true") == -2022
    # Closing the position by other means knocks the resting reduce-only order out (er 4).
    market(um, a, "BTCUSDT", "SELL", "0.100", T0 + 1)
    assert position(um, a, "BTCUSDT")["positionAmt"] == "0.000"
    status = um.status(a, {"symbol": "BTCUSDT", "orderId": resting["orderId"]}, T0 + 2)
    assert status["status"] == "EXPIRED"
    expired = [e["o"] for e in events_of(um.take_events(), a) if e["e"] == "ORDER_TRADE_UPDATE" and e["o"]["x"] == "EXPIRED"]
    assert [(o["i"], o["er"]) for o in expired] == [(resting["orderId"], "4")]


def test_hedge_mode_long_and_short(um: FuturesEngine) -> None:
    """Hedge mode holds a LONG and a SHORT at once; position sides are checked both ways (-4061, -1106, -2022)."""
    a = um.new_account("a")
    assert code_of(market, um, a, "BTCUSDT", "BUY", "0.010", T0, positionSide="LONG") == -4061
    assert um.set_position_mode(a, True, T0) == {"code": 200, "msg": "success"}
    assert code_of(um.set_position_mode, a, True, T0) == -4059
    assert code_of(market, um, a, "BTCUSDT", "BUY", "0.010", T0) == -4061
    assert code_of(market, um, a, "BTCUSDT", "BUY", "0.010", T0, positionSide="BOTH") == -4061
    um.seed_book("BTCUSDT", D("50000"))
    market(um, a, "BTCUSDT", "BUY", "0.100", T0, positionSide="LONG")  # 50000.10
    market(um, a, "BTCUSDT", "SELL", "0.050", T0, positionSide="SHORT")  # 49999.90
    assert code_of(market, um, a, "BTCUSDT", "SELL", "0.010", T0, positionSide="LONG", reduceOnly="true") == -1106
    assert code_of(market, um, a, "BTCUSDT", "SELL", "0.200", T0, positionSide="LONG") == -2022
    positions = {p["positionSide"]: p for p in um.positions(a, {"symbol": "BTCUSDT"})}
    assert sorted(positions) == ["LONG", "SHORT"]
    assert (positions["LONG"]["positionAmt"], positions["LONG"]["entryPrice"]) == ("0.100", "50000.10000000")
    assert (positions["SHORT"]["positionAmt"], positions["SHORT"]["entryPrice"]) == ("-0.050", "49999.90000000")
    assert code_of(um.set_position_mode, a, False, T0) == -4068
    # SELL LONG closes the long only; the short is untouched.
    closed = market(um, a, "BTCUSDT", "SELL", "0.100", T0 + 1, positionSide="LONG")
    assert closed["avgPrice"] == "49999.90000"
    positions = {p["positionSide"]: p for p in um.positions(a, {"symbol": "BTCUSDT"})}
    assert (positions["LONG"]["positionAmt"], positions["SHORT"]["positionAmt"]) == ("0.000", "-0.050")
    update = [e for e in events_of(um.take_events(), a) if e["e"] == "ACCOUNT_UPDATE"][-1]["a"]
    assert [(p["ps"], p["pa"], p["cr"]) for p in update["P"]] == [("LONG", "0.000", "-0.02000000")]


def test_isolated_and_cross_on_a_mark_move(um: FuturesEngine) -> None:
    """The same long in cross and isolated margin: a mark move changes the cross available balance but only the
    isolated margin of the other; a further move liquidates the isolated position alone."""
    cross, iso = um.new_account("cross"), um.new_account("iso")
    for account in (cross, iso):
        um.set_leverage(account, "BTCUSDT", 10, T0)
    assert um.set_margin_type(iso, "BTCUSDT", "ISOLATED", T0) == {"code": 200, "msg": "success"}
    um.seed_book("BTCUSDT", D("49999.90"))
    for account in (cross, iso):
        market(um, account, "BTCUSDT", "BUY", "0.100", T0)  # 50000.00, fee 2.5
    assert code_of(um.set_margin_type, iso, "BTCUSDT", "CROSSED", T0) == -4048
    assert position(um, iso, "BTCUSDT")["isolatedWallet"] == "500.00000000"
    assert balance(um, iso)["crossWalletBalance"] == "9497.50000000"
    assert balance(um, iso)["balance"] == "9997.50000000"
    um.set_mark_price("BTCUSDT", D("48000"), T0 + 1)
    c, i = position(um, cross, "BTCUSDT"), position(um, iso, "BTCUSDT")
    assert c["unRealizedProfit"] == i["unRealizedProfit"] == "-200.00000000"
    assert (c["marginType"], c["isolatedMargin"]) == ("cross", "0.00000000")
    assert (i["marginType"], i["isolatedMargin"], i["isolatedWallet"]) == ("isolated", "300.00000000", "500.00000000")
    assert balance(um, cross)["availableBalance"] == "9317.50000000"  # 9997.5 - 200 - 4800 / 10
    assert balance(um, iso)["availableBalance"] == "9497.50000000"
    assert i["liquidationPrice"] == "45180.72289157"  # (500 - 5000) / (0.1 * 0.004 - 0.1)
    um.take_events()
    um.set_mark_price("BTCUSDT", D("45000"), T0 + 2)
    assert position(um, iso, "BTCUSDT")["positionAmt"] == "0.000"
    assert position(um, cross, "BTCUSDT")["positionAmt"] == "0.100"
    assert balance(um, iso)["balance"] == "9497.50000000"  # the isolated 500 is lost, nothing more
    liquidation = [e["o"] for e in events_of(um.take_events(), iso) if e["e"] == "ORDER_TRADE_UPDATE"]
    assert [(o["o"], o["x"], o["X"]) for o in liquidation] == [("LIQUIDATION", "NEW", "NEW"),
                                                             ("LIQUIDATION", "CALCULATED", "FILLED")]
    assert liquidation[0]["c"].startswith("autoclose-")
    assert (liquidation[1]["L"], liquidation[1]["rp"]) == ("45000.00", "-500.00000000")


def test_algo_stop_market_by_last_price(um: FuturesEngine) -> None:
    """A SELL STOP_MARKET (CONTRACT_PRICE) fires when a trade prints at or below its trigger and closes the long."""
    a, b = um.new_account("a"), um.new_account("b")
    um.seed_book("BTCUSDT", D("49999.90"))
    market(um, a, "BTCUSDT", "BUY", "0.100", T0)  # 50000.00
    params = {"algoType": "CONDITIONAL", "symbol": "BTCUSDT", "side": "SELL", "type": "STOP_MARKET",
              "quantity": "0.100", "reduceOnly": "true", "clientAlgoId": "stop-1"}
    assert code_of(um.algo_place, a, {**params, "triggerPrice": "50500"}, T0) == -2021
    placed = um.algo_place(a, {**params, "triggerPrice": "49000"}, T0)
    assert (placed["algoStatus"], placed["orderType"], placed["triggerPrice"], placed["clientAlgoId"]) == (
        "NEW", "STOP_MARKET", "49000.00", "stop-1")
    um.set_mark_price("BTCUSDT", D("48000"), T0 + 1)  # the mark price does not matter to CONTRACT_PRICE
    assert position(um, a, "BTCUSDT")["positionAmt"] == "0.100"
    um.take_events()
    um.seed_book("BTCUSDT", D("48900.10"))  # best bid 48900.00
    market(um, b, "BTCUSDT", "SELL", "0.010", T0 + 2)
    pos = position(um, a, "BTCUSDT")
    assert pos["positionAmt"] == "0.000"
    events = events_of(um.take_events(), a)
    assert [e["o"]["X"] for e in events if e["e"] == "ALGO_UPDATE"] == ["TRIGGERING", "TRIGGERED", "FINISHED"]
    finished = [e["o"] for e in events if e["e"] == "ALGO_UPDATE"][-1]
    assert (finished["ap"], finished["aq"], finished["act"]) == ("48900.00000", "0.100", "MARKET")
    fill = [e["o"] for e in events if e["e"] == "ORDER_TRADE_UPDATE" and e["o"]["x"] == "TRADE"][0]
    assert (fill["o"], fill["ot"], fill["sp"], fill["c"], fill["R"]) == ("MARKET", "STOP_MARKET", "49000.00", "stop-1", True)
    assert (fill["L"], fill["rp"]) == ("48900.00", "-110.00000000")
    assert code_of(um.algo_cancel, a, {"algoId": placed["algoId"]}, T0 + 3) == -2011


def test_algo_stop_market_by_mark_price(um: FuturesEngine) -> None:
    """A BUY STOP_MARKET closePosition with MARK_PRICE ignores trades and fires on the mark price."""
    a, b = um.new_account("a"), um.new_account("b")
    um.seed_book("BTCUSDT", D("50000.10"))
    market(um, a, "BTCUSDT", "SELL", "0.100", T0)  # short at 50000.00
    placed = um.algo_place(a, {"algoType": "CONDITIONAL", "symbol": "BTCUSDT", "side": "BUY", "type": "STOP_MARKET",
                               "triggerPrice": "51000", "workingType": "MARK_PRICE", "closePosition": "true"}, T0)
    assert (placed["closePosition"], placed["workingType"], placed["quantity"]) == (True, "MARK_PRICE", "0.000")
    um.seed_book("BTCUSDT", D("51499.90"))  # best ask 51500.00
    market(um, b, "BTCUSDT", "BUY", "0.010", T0 + 1)  # last price 51500 > trigger, mark still 50000
    assert position(um, a, "BTCUSDT")["positionAmt"] == "-0.100"
    um.set_mark_price("BTCUSDT", D("50500"), T0 + 2)
    assert position(um, a, "BTCUSDT")["positionAmt"] == "-0.100"
    um.take_events()
    um.set_mark_price("BTCUSDT", D("51000"), T0 + 3)
    assert position(um, a, "BTCUSDT")["positionAmt"] == "0.000"
    fill = [e["o"] for e in events_of(um.take_events(), a) if e["e"] == "ORDER_TRADE_UPDATE" and e["o"]["x"] == "TRADE"]
    assert [(o["ot"], o["wt"], o["cp"], o["L"], o["l"], o["rp"]) for o in fill] == [
        ("STOP_MARKET", "MARK_PRICE", True, "51500.00", "0.100", "-150.00000000")]


def test_algo_cancel_and_trailing_activation(um: FuturesEngine) -> None:
    """A trailing stop checks its activation price (-2021), fires after the callback, and a cancel answers code "200"."""
    a, b = um.new_account("a"), um.new_account("b")
    um.seed_book("BTCUSDT", D("49999.90"))
    market(um, a, "BTCUSDT", "BUY", "0.100", T0)  # last 50000.00
    trailing = {"algoType": "CONDITIONAL", "symbol": "BTCUSDT", "side": "SELL", "type": "TRAILING_STOP_MARKET",
                "quantity": "0.100", "callbackRate": "1"}
    assert code_of(um.algo_place, a, {**trailing, "activatePrice": "49000"}, T0) == -2021
    assert code_of(um.algo_place, a, {**trailing, "callbackRate": "21"}, T0) == -1130
    placed = um.algo_place(a, {**trailing, "activatePrice": "51000"}, T0)
    other = um.algo_place(a, {"algoType": "CONDITIONAL", "symbol": "BTCUSDT", "side": "SELL", "type": "TAKE_PROFIT",
                              "quantity": "0.100", "price": "60000", "triggerPrice": "60000"}, T0)
    assert um.algo_cancel(a, {"clientalgoid": other["clientAlgoId"]}, T0) == {
        "algoId": other["algoId"], "clientAlgoId": other["clientAlgoId"], "code": "200", "msg": "success"}
    um.seed_book("BTCUSDT", D("51999.90"))
    market(um, b, "BTCUSDT", "BUY", "0.010", T0 + 1)  # last 52000.00: activated, highest 52000
    assert position(um, a, "BTCUSDT")["positionAmt"] == "0.100"
    um.seed_book("BTCUSDT", D("51480.10"))  # best bid 51480.00 = 52000 * 0.99
    market(um, b, "BTCUSDT", "SELL", "0.010", T0 + 2)
    assert position(um, a, "BTCUSDT")["positionAmt"] == "0.000"
    algo = [e["o"] for e in events_of(um.take_events(), a) if e["e"] == "ALGO_UPDATE" and e["o"]["aid"] == placed["algoId"]]
    assert [(o["X"], o["ia"]) for o in algo] == [("NEW", False), ("TRIGGERING", True), ("TRIGGERED", True), ("FINISHED", True)]


def test_gtx_fok_and_order_errors(um: FuturesEngine) -> None:
    """UM refuses a crossing GTX (-5022) and an unfillable FOK (-5021) without creating an order; other refusals."""
    a = um.new_account("a")
    um.set_leverage(a, "BTCUSDT", 50, T0)
    um.take_events()
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.010", "50000.10", T0, tif="GTX") == -5022
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "6.000", "50000.10", T0, tif="FOK") == -5021  # 5 BTC offered
    assert um.take_events() == []
    resting = limit(um, a, "BTCUSDT", "BUY", "0.010", "49999.90", T0, tif="GTX", newClientOrderId="post-1")
    assert (resting["status"], resting["timeInForce"]) == ("NEW", "GTX")
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.010", "49000.00", T0, newClientOrderId="post-1") == -4116
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.010", "49000.00", T0, newClientOrderId="bad id") == -4015
    assert code_of(um.place, a, {"symbol": "BTCUSDT", "side": "BUY", "type": "STOP_MARKET", "quantity": "0.01",
                                 "stopPrice": "51000"}, T0) == -4120
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.010", "49000.05", T0) == -4014
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.0101", "49000.00", T0) == -1111
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.001", "49000.00", T0) == -4164
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.010", "53000.00", T0) == -4016
    assert code_of(market, um, a, "BTCUSDT", "BUY", "11.000", T0) == -2019  # 550000 / 50 > 10000
    um.set_leverage(a, "BTCUSDT", 125, T0)
    assert code_of(market, um, a, "BTCUSDT", "BUY", "1.100", T0) == -2027  # 55000 > 50000 at 125x
    assert code_of(um.set_leverage, a, "BTCUSDT", 126, T0) == -4028
    ioc = limit(um, a, "BTCUSDT", "BUY", "0.100", "49999.00", T0, tif="IOC")
    assert (ioc["status"], ioc["executedQty"]) == ("EXPIRED", "0.000")


def test_modify_cancel_and_status(um: FuturesEngine) -> None:
    """order.modify moves a LIMIT order (AMENDMENT), refuses no-op or mismatched changes; cancel and status follow."""
    a = um.new_account("a")
    placed = limit(um, a, "BTCUSDT", "BUY", "0.010", "49000.00", T0)
    um.take_events()
    modified = um.modify(a, {"symbol": "BTCUSDT", "orderId": placed["orderId"], "side": "BUY", "quantity": "0.020",
                             "price": "49100.00", "modifyId": 7}, T0 + 1)
    assert (modified["price"], modified["origQty"], modified["modifyId"], modified["updateTime"]) == (
        "49100.00", "0.020", 7, T0 + 1)
    amendment = events_of(um.take_events(), a)[0]["o"]
    assert (amendment["x"], amendment["X"], amendment["p"], amendment["M"]) == ("AMENDMENT", "NEW", "49100.00", 7)
    same = {"symbol": "BTCUSDT", "orderId": placed["orderId"], "side": "BUY", "quantity": "0.020", "price": "49100.00"}
    assert code_of(um.modify, a, same, T0) == -5027
    assert code_of(um.modify, a, {**same, "side": "SELL"}, T0) == -1130
    # A modify that crosses the book trades at once.
    crossed = um.modify(a, {**same, "price": "50000.10"}, T0 + 2)
    assert (crossed["status"], crossed["avgPrice"]) == ("FILLED", "50000.10000")
    assert code_of(um.cancel, a, {"symbol": "BTCUSDT", "orderId": placed["orderId"]}, T0 + 3) == -2011
    other = limit(um, a, "BTCUSDT", "SELL", "0.010", "51000.00", T0 + 3, newClientOrderId="mine")
    cancelled = um.cancel(a, {"symbol": "BTCUSDT", "origClientOrderId": "mine"}, T0 + 4)
    assert (cancelled["orderId"], cancelled["status"]) == (other["orderId"], "CANCELED")
    status = um.status(a, {"symbol": "BTCUSDT", "orderId": other["orderId"]}, T0 + 5)
    assert (status["status"], status["time"], status["updateTime"]) == ("CANCELED", T0 + 3, T0 + 4)
    assert code_of(um.status, a, {"symbol": "BTCUSDT", "orderId": other["orderId"]}, T0 + 4 + 3 * 86_400_000 + 1) == -2013


def test_funding_cross_and_isolated(um: FuturesEngine) -> None:
    """Funding at a positive rate: the long pays, the short receives; cross pushes B only, isolated also its P."""
    long_, short, iso = um.new_account("long"), um.new_account("short"), um.new_account("iso")
    um.set_margin_type(iso, "BTCUSDT", "ISOLATED", T0)
    limit(um, short, "BTCUSDT", "SELL", "0.100", "50000.00", T0)  # rests at the mid
    market(um, long_, "BTCUSDT", "BUY", "0.100", T0)  # buys from `short` at 50000.00
    um.seed_book("BTCUSDT", D("49999.90"))
    market(um, iso, "BTCUSDT", "BUY", "0.100", T0)  # 50000.00; isolated wallet 5000 / 20 = 250
    before = {acc.key: D(balance(um, acc)["crossWalletBalance"]) for acc in (long_, short, iso)}
    um.take_events()
    um.apply_funding("BTCUSDT", D("0.0001"), T0 + 1)  # 0.1 * 50000 * 0.0001 = 0.5
    assert D(balance(um, long_)["crossWalletBalance"]) - before["long"] == D("-0.5")
    assert D(balance(um, short)["crossWalletBalance"]) - before["short"] == D("0.5")
    assert D(balance(um, iso)["crossWalletBalance"]) == before["iso"]
    assert position(um, iso, "BTCUSDT")["isolatedWallet"] == "249.50000000"
    events = um.take_events()
    cross_event = events_of(events, long_)[0]
    assert cross_event["a"] == {"m": "FUNDING_FEE", "S": "BTCUSDT", "B": [
        {"a": "USDT", "wb": "9997.00000000", "cw": "9997.00000000", "bc": "-0.50000000"}], "P": []}
    iso_event = events_of(events, iso)[0]["a"]
    assert [(p["s"], p["mt"], p["iw"]) for p in iso_event["P"]] == [("BTCUSDT", "isolated", "249.50000000")]
    with pytest.raises(ValueError):
        um.apply_funding("BTCUSDT_261225", D("0.0001"), T0 + 2)


def test_coinm_pnl_in_coin(cm: FuturesEngine) -> None:
    """COIN-M: integer contracts of 100 USD, contract-weighted entry, PnL and fees in BTC."""
    a, b = cm.new_account("a"), cm.new_account("b")
    assert code_of(limit, cm, a, "BTCUSD_PERP", "BUY", "1.5", "50000.0", T0) == -1111
    rest = limit(cm, a, "BTCUSD_PERP", "BUY", "10", "50000.0", T0)  # rests between 49999.9 and 50000.1
    assert (rest["pair"], rest["origQty"], rest["cumBase"]) == ("BTCUSD", "10", "0.00000000")
    market(cm, b, "BTCUSD_PERP", "SELL", "10", T0)  # fills `a` as maker: 1000 USD / 50000 = 0.02 BTC
    cm.seed_book("BTCUSD_PERP", D("39999.9"))  # best ask 40000.0
    market(cm, a, "BTCUSD_PERP", "BUY", "10", T0 + 1)
    pos = position(cm, a, "BTCUSD_PERP")
    assert (pos["positionAmt"], pos["entryPrice"]) == ("20", "44444.44444444")  # 20 / (10/50000 + 10/40000)
    cm.set_mark_price("BTCUSD_PERP", D("50000"), T0 + 2)
    assert position(cm, a, "BTCUSD_PERP")["unRealizedProfit"] == "0.00500000"  # 2000 * (1/44444.44 - 1/50000)
    assert position(cm, a, "BTCUSD_PERP")["notionalValue"] == "0.04000000"
    cm.seed_book("BTCUSD_PERP", D("62500.1"))  # best bid 62500.0
    cm.take_events()
    closed = market(cm, a, "BTCUSD_PERP", "SELL", "20", T0 + 3)
    assert (closed["avgPrice"], closed["cumBase"]) == ("62500.00000000", "0.03200000")
    events = events_of(cm.take_events(), a)
    assert [e["e"] for e in events] == ["ORDER_TRADE_UPDATE", "ORDER_TRADE_UPDATE", "ACCOUNT_UPDATE"]
    trade = events[1]
    assert trade["i"] == a.alias
    assert (trade["o"]["ma"], trade["o"]["N"], trade["o"]["n"], trade["o"]["rp"]) == ("BTC", "BTC", "0.00001600", "0.01300000")
    # 1 - 0.000004 (maker) - 0.0000125 (taker) + 0.013 - 0.000016 (taker)
    assert balance(cm, a, "BTC")["balance"] == "1.01296750"
    assert events[2]["a"]["B"] == [{"a": "BTC", "wb": "1.01296750", "cw": "1.01296750", "bc": "0.00000000"}]


def test_coinm_gtx_and_fok_expire(cm: FuturesEngine) -> None:
    """COIN-M accepts a crossing GTX or an unfillable FOK and expires it (er 11 / 10) instead of an error."""
    a = cm.new_account("a")
    gtx = limit(cm, a, "BTCUSD_PERP", "BUY", "1", "50000.1", T0, tif="GTX")
    fok = limit(cm, a, "BTCUSD_PERP", "BUY", "5000", "50000.1", T0, tif="FOK")
    assert (gtx["status"], fok["status"]) == ("EXPIRED", "EXPIRED")
    expired = [e["o"]["er"] for e in events_of(cm.take_events(), a) if e["o"]["x"] == "EXPIRED"]
    assert expired == ["11", "10"]
    assert code_of(cm.place, a, {"symbol": "BTCUSD_PERP", "side": "BUY", "type": "TAKE_PROFIT", "quantity": "1",
                                 "price": "40000", "stopPrice": "40000"}, T0) == -4120


def test_fill_event_sequence_and_fields(um: FuturesEngine) -> None:
    """A resting order reports NEW only; a fill reports ORDER_TRADE_UPDATE, TRADE_LITE then ACCOUNT_UPDATE to
    each side, with the documented field names."""
    maker, taker = um.new_account("maker"), um.new_account("taker")
    placed = limit(um, maker, "BTCUSDT", "SELL", "0.100", "50000.00", T0, newClientOrderId="m1")
    events = um.take_events()
    assert [(a.key, e["e"], e["o"]["x"]) for a, e in events] == [("maker", "ORDER_TRADE_UPDATE", "NEW")]
    market(um, taker, "BTCUSDT", "BUY", "0.040", T0 + 1)
    events = um.take_events()
    assert [(a.key, e["e"]) for a, e in events] == [
        ("taker", "ORDER_TRADE_UPDATE"), ("taker", "ORDER_TRADE_UPDATE"), ("taker", "TRADE_LITE"),
        ("taker", "ACCOUNT_UPDATE"), ("maker", "ORDER_TRADE_UPDATE"), ("maker", "TRADE_LITE"),
        ("maker", "ACCOUNT_UPDATE")]
    documented = doc_example("usds-margined-futures/user-data-streams/Event-Order-Update.md")
    trade = events_of(events, maker)[0]
    assert set(trade) == set(documented)
    assert set(trade["o"]) == set(documented["o"]) - {"AP", "cr"}  # those two are for trailing stops only
    o = trade["o"]
    assert (o["i"], o["c"], o["x"], o["X"], o["l"], o["z"], o["L"], o["m"], o["n"]) == (
        placed["orderId"], "m1", "TRADE", "PARTIALLY_FILLED", "0.040", "0.040", "50000.00", True, "0.40000000")
    lite = events_of(events, maker)[1]
    assert set(lite) == {"e", "E", "T", "s", "q", "p", "m", "c", "S", "L", "l", "t", "i"}
    assert (lite["q"], lite["p"], lite["l"], lite["t"]) == ("0.100", "50000.00", "0.040", o["t"])
    update = events_of(events, maker)[2]
    assert set(update) == {"e", "E", "T", "a"} and set(update["a"]) == {"m", "B", "P"}
    assert update["a"]["B"] == [{"a": "USDT", "wb": "9999.60000000", "cw": "9999.60000000", "bc": "0.00000000"}]
    assert update["a"]["P"] == [{"s": "BTCUSDT", "pa": "-0.040", "ep": "50000.00000000", "bep": "49990.00000000",
                                 "cr": "0.00000000", "up": "0.00000000", "mt": "cross", "iw": "0.00000000",
                                 "ps": "BOTH"}]


def test_account_reads_shapes(um: FuturesEngine, cm: FuturesEngine) -> None:
    """Position, balance and account reads carry the documented fields for each market and version."""
    a, c = um.new_account("a"), cm.new_account("c")
    market(um, a, "BTCUSDT", "BUY", "0.010", T0)
    v1 = um.positions(a, {})
    assert [p["symbol"] for p in v1] == ["BTCUSDT", "ETHUSDT", "BTCUSDT_261225"]
    assert list(v1[0]) == ["symbol", "positionAmt", "entryPrice", "breakEvenPrice", "markPrice", "unRealizedProfit",
                           "liquidationPrice", "leverage", "maxNotionalValue", "marginType", "isolatedMargin",
                           "isAutoAddMargin", "positionSide", "notional", "isolatedWallet", "updateTime"]
    v2 = um.positions(a, {}, v2=True)
    assert [p["symbol"] for p in v2] == ["BTCUSDT"]
    assert set(v2[0]) >= {"marginAsset", "initialMargin", "maintMargin", "positionInitialMargin",
                          "openOrderInitialMargin", "adl", "bidNotional", "askNotional"}
    status = um.account_status(a)
    assert status["multiAssetsMargin"] is False and len(status["positions"]) == 3
    assert "feeTier" not in um.account_status(a, v2=True)
    assert set(um.balances(a)[0]) == {"accountAlias", "asset", "balance", "crossWalletBalance", "crossUnPnl",
                                      "availableBalance", "maxWithdrawAmount", "marginAvailable", "updateTime"}
    assert [b["asset"] for b in cm.balances(c)] == ["BTC", "ETH"]
    assert set(cm.balances(c)[0]) == {"accountAlias", "asset", "balance", "withdrawAvailable", "crossWalletBalance",
                                      "crossUnPnl", "availableBalance", "updateTime"}
    assert [p["symbol"] for p in cm.positions(c, {"pair": "BTCUSD"})] == ["BTCUSD_PERP", "BTCUSD_261225"]
    assert [p["symbol"] for p in cm.positions(c, {"marginAsset": "ETH"})] == ["ETHUSD_PERP"]
    assert "maxQty" in cm.positions(c, {"pair": "BTCUSD"})[0]
    assert set(cm.account_status(c)) == {"feeTier", "canTrade", "canDeposit", "canWithdraw", "updateTime",
                                         "assets", "positions"}


def test_market_data_and_leverage_event(um: FuturesEngine) -> None:
    """depth, ticker.price and ticker.book read the seeded book; set_leverage sends ACCOUNT_CONFIG_UPDATE."""
    depth = um.depth({"symbol": "BTCUSDT", "limit": 5})
    assert depth["bids"][0] == ["49999.90", "5.000"] and depth["asks"][0] == ["50000.10", "5.000"]
    assert len(depth["asks"]) == 5
    assert code_of(um.depth, {"symbol": "BTCUSDT", "limit": 7}) == -4021
    assert um.ticker_price({"symbol": "BTCUSDT"})["price"] == "50000.00"
    book = um.ticker_book({"symbol": "ETHUSDT"})
    assert (book["bidPrice"], book["askPrice"], book["askQty"]) == ("2999.99", "3000.01", "50.000")
    assert len(um.ticker_price({})) == 3
    assert code_of(um.ticker_price, {"symbol": "NOPE"}) == -1121
    a = um.new_account("a")
    assert um.set_leverage(a, "BTCUSDT", 50, T0) == {"leverage": 50, "maxNotionalValue": "12000000", "symbol": "BTCUSDT"}
    assert um.take_events() == [(a, {"e": "ACCOUNT_CONFIG_UPDATE", "E": T0, "T": T0, "ac": {"s": "BTCUSDT", "l": 50}})]


def test_self_trade_prevention_and_gtd(um: FuturesEngine) -> None:
    """EXPIRE_MAKER expires the account's own resting order (EXPIRED_IN_MATCH); a GTD order expires on time."""
    a = um.new_account("a")
    own = limit(um, a, "BTCUSDT", "SELL", "0.010", "50000.00", T0)
    taker = market(um, a, "BTCUSDT", "BUY", "0.010", T0 + 1, selfTradePreventionMode="EXPIRE_MAKER")
    assert taker["avgPrice"] == "50000.10000"  # skipped its own order, bought from the house
    assert um.status(a, {"symbol": "BTCUSDT", "orderId": own["orderId"]}, T0 + 1)["status"] == "EXPIRED_IN_MATCH"
    assert code_of(limit, um, a, "BTCUSDT", "BUY", "0.010", "49000.00", T0, tif="GTD", goodTillDate=T0 + 60_000) == -5040
    gtd = limit(um, a, "BTCUSDT", "BUY", "0.010", "49000.00", T0, tif="GTD", goodTillDate=T0 + 700_123)
    assert gtd["goodTillDate"] == T0 + 700_000
    assert um.status(a, {"symbol": "BTCUSDT", "orderId": gtd["orderId"]}, T0 + 699_999)["status"] == "NEW"
    assert um.status(a, {"symbol": "BTCUSDT", "orderId": gtd["orderId"]}, T0 + 700_000)["status"] == "EXPIRED"
