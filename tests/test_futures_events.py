"""Typed UM and COIN-M futures user data stream events (binance_wsapi.futures_events)."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from binance_wsapi.events import UnknownEvent, UserDataEvent
from binance_wsapi.futures_events import (
    AccountConfigUpdate,
    AccountUpdate,
    AlgoUpdate,
    FuturesBalance,
    FuturesPosition,
    ListenKeyExpired,
    MarginCall,
    MarginCallPosition,
    OrderTradeUpdate,
    TradeLite,
    parse_futures_event,
)
from binance_wsapi.testing.futures_engine import FuturesEngine

T0 = 1_700_000_000_000
DOCS = Path(__file__).parent / "data" / "binance-derivatives-docs"
UM_PAGES = DOCS / "usds-margined-futures" / "user-data-streams"
CM_PAGES = DOCS / "coin-margined-futures" / "user-data-streams"


def doc_examples(page: Path) -> list[dict[str, Any]]:
    """The JSON examples of a docs page's "Response Example" section, // comments and full-width commas removed."""
    section = page.read_text(encoding="utf-8").split("## Response Example", 1)[1]
    blocks = section.split("```")[1::2]
    out: list[dict[str, Any]] = []
    for block in blocks:
        block = re.sub(r"//[^\n]*", "", block.removeprefix("json")).replace("，", ",")
        out.append(json.loads(re.sub(r",(\s*})", r"\1", block)))  # TRADE_LITE ends with a trailing comma
    return out


def parsed(raw: dict[str, Any]) -> Any:
    """`parse_futures_event(raw)`, checked to be a typed event (not UnknownEvent) that keeps `raw`."""
    event: Any = parse_futures_event(raw)
    assert not isinstance(event, UnknownEvent), raw
    assert event.raw is raw
    assert event.type == raw["e"]
    return event


# -- events the LocalExchange futures engine produces ------------------------------------------------


def test_um_market_order_events_from_the_engine() -> None:
    """A UM MARKET buy's ORDER_TRADE_UPDATE (NEW, TRADE), TRADE_LITE and ACCOUNT_UPDATE parse with the engine's values."""
    engine = FuturesEngine("usdm")
    account = engine.new_account("k")
    engine.place(account, {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.01"}, T0)
    events = [parsed(raw) for _, raw in engine.take_events()]
    assert [type(e) for e in events] == [OrderTradeUpdate, OrderTradeUpdate, TradeLite, AccountUpdate]
    new, trade, lite, update = events
    assert (new.execution_type, new.order_status, new.commission, new.trade_id) == ("NEW", "NEW", D(0), 0)
    assert (trade.execution_type, trade.order_status, trade.order_type, trade.original_order_type) == (
        "TRADE", "FILLED", "MARKET", "MARKET")
    assert (trade.symbol, trade.side, trade.position_side, trade.time_in_force) == ("BTCUSDT", "BUY", "BOTH", "GTC")
    assert (trade.original_quantity, trade.last_filled_quantity, trade.filled_accumulated_quantity) == (
        D("0.010"), D("0.010"), D("0.010"))
    assert (trade.last_filled_price, trade.average_price) == (D("50000.10"), D("50000.10000"))
    assert (trade.commission, trade.commission_asset, trade.realized_profit) == (D("0.25000050"), "USDT", D(0))
    assert (trade.event_time, trade.transaction_time, trade.trade_time, trade.trade_id) == (T0, T0, T0, 1)
    assert (trade.is_maker, trade.is_reduce_only, trade.close_position, trade.price_protect) == (False, False, False, False)
    assert (trade.stp_mode, trade.price_match, trade.good_till_date, trade.expiry_reason) == ("NONE", "NONE", 0, 0)
    assert (trade.account_alias, trade.margin_asset, trade.modify_id) == (None, None, None)
    assert (trade.activation_price, trade.callback_rate) == (None, None)
    assert trade.order_id == new.order_id == lite.order_id and isinstance(trade.order_id, int)
    assert (lite.symbol, lite.side, lite.last_filled_quantity, lite.last_filled_price, lite.trade_id) == (
        "BTCUSDT", "BUY", D("0.010"), D("50000.10"), 1)
    assert (lite.client_order_id, lite.is_maker, lite.original_price) == (trade.client_order_id, False, D("0.00"))
    assert (update.reason, update.funding_symbol, update.account_alias) == ("ORDER", None, None)
    assert update.balances == (FuturesBalance("USDT", D("9999.74999950"), D("9999.74999950"), D(0)),)
    assert update.positions == (FuturesPosition("BTCUSDT", D("0.010"), D("50000.1"), D("50025.10005"), D(0),
                                                D("-0.001"), "cross", D(0), "BOTH"),)


def test_cm_market_order_events_from_the_engine() -> None:
    """A COIN-M MARKET buy's events parse, with the account alias and margin asset, and no TRADE_LITE or gtd."""
    engine = FuturesEngine("coinm")
    account = engine.new_account("k")
    engine.place(account, {"symbol": "BTCUSD_PERP", "side": "BUY", "type": "MARKET", "quantity": "1"}, T0)
    events = [parsed(raw) for _, raw in engine.take_events()]
    assert [type(e) for e in events] == [OrderTradeUpdate, OrderTradeUpdate, AccountUpdate]
    trade, update = events[1], events[2]
    assert (trade.symbol, trade.execution_type, trade.order_status) == ("BTCUSD_PERP", "TRADE", "FILLED")
    assert (trade.account_alias, trade.margin_asset, trade.commission_asset) == (account.alias, "BTC", "BTC")
    assert (trade.last_filled_quantity, trade.last_filled_price, trade.commission) == (D(1), D("50000.1"), D("0.000001"))
    assert (trade.good_till_date, trade.expiry_reason) == (None, 0)
    assert update.account_alias == account.alias
    assert update.balances == (FuturesBalance("BTC", D("0.999999"), D("0.999999"), D(0)),)
    position = update.positions[0]
    assert (position.symbol, position.position_amount, position.entry_price, position.margin_type) == (
        "BTCUSD_PERP", D(1), D("50000.1"), "cross")


def test_engine_account_events_parse() -> None:
    """Leverage, funding, a margin call, an amendment and an algo order from the UM engine all parse to their classes."""
    engine = FuturesEngine("usdm")
    account = engine.new_account("k", {"USDT": "600"})
    engine.set_leverage(account, "BTCUSDT", 125, T0)
    engine.place(account, {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.9"}, T0 + 1)
    engine.place(account, {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "quantity": "0.01",
                           "price": "40000", "timeInForce": "GTC", "newClientOrderId": "rest-1"}, T0 + 2)
    engine.modify(account, {"symbol": "BTCUSDT", "side": "BUY", "origClientOrderId": "rest-1", "quantity": "0.01",
                            "price": "40001", "modifyId": 7}, T0 + 3)
    engine.apply_funding("BTCUSDT", D("0.0001"), T0 + 4)
    engine.algo_place(account, {"algoType": "CONDITIONAL", "symbol": "BTCUSDT", "side": "SELL",
                                "type": "TRAILING_STOP_MARKET", "quantity": "0.1", "callbackRate": "1",
                                "activatePrice": "51000", "clientAlgoId": "trail-1"}, T0 + 5)
    engine.set_mark_price("BTCUSDT", D("49600"), T0 + 6)
    events = [parsed(raw) for _, raw in engine.take_events()]
    assert {type(e) for e in events} == {AccountConfigUpdate, OrderTradeUpdate, TradeLite, AccountUpdate,
                                         AlgoUpdate, MarginCall}

    config = next(e for e in events if isinstance(e, AccountConfigUpdate))
    assert (config.symbol, config.leverage, config.multi_assets_mode, config.event_time) == ("BTCUSDT", 125, None, T0)

    amended = next(e for e in events if isinstance(e, OrderTradeUpdate) and e.execution_type == "AMENDMENT")
    assert (amended.client_order_id, amended.original_price, amended.modify_id, amended.order_status) == (
        "rest-1", D("40001"), 7, "NEW")

    funding = next(e for e in events if isinstance(e, AccountUpdate) and e.reason == "FUNDING_FEE")
    assert (funding.funding_symbol, funding.positions, funding.transaction_time) == ("BTCUSDT", (), T0 + 4)
    assert funding.balances[0].asset == "USDT" and funding.balances[0].balance_change < 0

    algo = next(e for e in events if isinstance(e, AlgoUpdate))
    assert (algo.client_algo_id, algo.algo_type, algo.order_type, algo.algo_status) == (
        "trail-1", "CONDITIONAL", "TRAILING_STOP_MARKET", "NEW")
    assert (algo.quantity, algo.is_activated, algo.order_id, algo.actual_order_type) == (D("0.1"), False, None, None)
    assert (algo.event_time, algo.transaction_time, algo.trigger_time, algo.reason) == (T0 + 5, T0 + 5, 0, "")
    assert isinstance(algo.algo_id, int)

    call = next(e for e in events if isinstance(e, MarginCall))
    assert (call.event_time, call.account_alias) == (T0 + 6, None)
    assert call.cross_wallet_balance is not None and call.cross_wallet_balance < D(600)
    assert call.positions[0].symbol == "BTCUSDT" and call.positions[0].mark_price == D("49600")
    assert (call.positions[0].position_amount, call.positions[0].margin_type) == (D("0.9"), "CROSSED")


# -- the docs' examples -----------------------------------------------------------------------------


def test_um_order_update_docs_example() -> None:
    """The UM ORDER_TRADE_UPDATE example: every flattened order field, typed."""
    (raw,) = doc_examples(UM_PAGES / "Event-Order-Update.md")
    event = parsed(raw)
    assert event == OrderTradeUpdate(
        event_time=1568879465651, transaction_time=1568879465650, symbol="BTCUSDT", client_order_id="TEST",
        side="SELL", order_type="TRAILING_STOP_MARKET", time_in_force="GTC", original_quantity=D("0.001"),
        original_price=D(0), average_price=D(0), stop_price=D("7103.04"), execution_type="NEW", order_status="NEW",
        order_id=8886774, last_filled_quantity=D(0), filled_accumulated_quantity=D(0), last_filled_price=D(0),
        trade_time=1568879465650, trade_id=0, bids_notional=D(0), asks_notional=D("9.91"), is_maker=False,
        is_reduce_only=False, working_type="CONTRACT_PRICE", original_order_type="TRAILING_STOP_MARKET",
        position_side="LONG", close_position=False, price_protect=False, realized_profit=D(0),
        stp_mode="EXPIRE_TAKER", price_match="OPPONENT", account_alias=None, margin_asset=None,
        commission_asset="USDT", commission=D(0), activation_price=D("7476.89"), callback_rate=D("5.0"),
        good_till_date=0, expiry_reason=0, modify_id=None,
    )
    assert str(event.stop_price) == "7103.04" and str(event.callback_rate) == "5.0"


def test_cm_order_update_docs_example() -> None:
    """The CM ORDER_TRADE_UPDATE example: account alias and margin asset set, UM-only gtd None."""
    (raw,) = doc_examples(CM_PAGES / "Event-Order-Update.md")
    event = parsed(raw)
    assert isinstance(event, OrderTradeUpdate)
    assert (event.account_alias, event.margin_asset, event.commission_asset) == ("SfsR", "BTC", "BTC")
    assert (event.symbol, event.original_quantity, event.stop_price, event.activation_price) == (
        "BTCUSD_200925", D(2), D("9103.1"), D("9476.8"))
    assert (event.order_id, event.trade_time, event.event_time, event.transaction_time) == (
        8888888, 1591274595442, 1591274595442, 1591274595442)
    assert (event.good_till_date, event.expiry_reason, event.modify_id) == (None, 0, None)
    assert (event.bids_notional, event.asks_notional, event.realized_profit) == (D(0), D(0), D(0))


def test_trade_lite_docs_example() -> None:
    """The TRADE_LITE example (UM)."""
    (raw,) = doc_examples(UM_PAGES / "Event-Trade-Lite.md")
    assert parsed(raw) == TradeLite(
        event_time=1721895408092, transaction_time=1721895408214, symbol="BTCUSDT", original_quantity=D("0.001"),
        original_price=D(0), is_maker=False, client_order_id="z8hcUoOsqEdKMeKPSABslD", side="BUY",
        last_filled_price=D("64089.20"), last_filled_quantity=D("0.040"), trade_id=109100866, order_id=8886774,
    )


def test_um_account_update_docs_example() -> None:
    """The UM ACCOUNT_UPDATE example: reason, two balances, three positions."""
    (raw,) = doc_examples(UM_PAGES / "Event-Balance-and-Position-Update.md")
    event = parsed(raw)
    assert event == AccountUpdate(
        event_time=1564745798939, transaction_time=1564745798938, reason="ORDER",
        balances=(FuturesBalance("USDT", D("122624.12345678"), D("100.12345678"), D("50.12345678")),
                  FuturesBalance("BUSD", D("1.00000000"), D("0.00000000"), D("-49.12345678"))),
        positions=(
            FuturesPosition("BTCUSDT", D(0), D("0.00000"), D(0), D(200), D(0), "isolated", D("0.00000000"), "BOTH"),
            FuturesPosition("BTCUSDT", D(20), D("6563.66500"), D(0), D(0), D("2850.21200"), "isolated",
                            D("13200.70726908"), "LONG"),
            FuturesPosition("BTCUSDT", D(-10), D("6563.86000"), D("6563.6"), D("-45.04000000"), D("-1423.15600"),
                            "isolated", D("6570.42511771"), "SHORT"),
        ),
    )
    assert (event.funding_symbol, event.account_alias) == (None, None)


def test_cm_account_update_docs_example() -> None:
    """The CM ACCOUNT_UPDATE example (its JSON repaired by hand: the page misses a comma and doubles another)."""
    raw = {
        "e": "ACCOUNT_UPDATE", "E": 1564745798939, "T": 1564745798938, "i": "SfsR",
        "a": {
            "m": "ORDER",
            "B": [{"a": "BTC", "wb": "122624.12345678", "cw": "100.12345678", "bc": "50.12345678"},
                  {"a": "ETH", "wb": "1.00000000", "cw": "0.00000000", "bc": "-49.12345678"}],
            "P": [
                {"s": "BTCUSD_200925", "pa": "0", "ep": "0.0", "bep": "0.0", "cr": "200", "up": "0",
                 "mt": "isolated", "iw": "0.00000000", "ps": "BOTH"},
                {"s": "BTCUSD_200925", "pa": "20", "ep": "6563.6", "bep": "6563.7", "cr": "0", "up": "2850.21200000",
                 "mt": "isolated", "iw": "13200.70726908", "ps": "LONG"},
                {"s": "BTCUSD_200925", "pa": "-10", "ep": "6563.8", "bep": "6563.6", "cr": "-45.04000000",
                 "up": "-1423.15600000", "mt": "isolated", "iw": "6570.42511771", "ps": "SHORT"},
            ],
        },
    }
    event = parsed(raw)
    assert isinstance(event, AccountUpdate)
    assert (event.account_alias, event.reason, [b.asset for b in event.balances]) == ("SfsR", "ORDER", ["BTC", "ETH"])
    assert event.positions[2] == FuturesPosition("BTCUSD_200925", D(-10), D("6563.8"), D("6563.6"), D("-45.04"),
                                                 D("-1423.156"), "isolated", D("6570.42511771"), "SHORT")


def test_account_update_with_funding_symbol_and_no_positions() -> None:
    """A cross FUNDING_FEE update as FUTURES-NOTES §6.2 describes it: `a.S` read, no `P` gives no positions."""
    raw = {"e": "ACCOUNT_UPDATE", "E": 2, "T": 1,
           "a": {"m": "FUNDING_FEE", "S": "BTCUSDT", "B": [{"a": "USDT", "wb": "10", "cw": "10", "bc": "-0.5"}]}}
    event = parsed(raw)
    assert (event.reason, event.funding_symbol, event.positions) == ("FUNDING_FEE", "BTCUSDT", ())
    assert event.balances == (FuturesBalance("USDT", D(10), D(10), D("-0.5")),)


@pytest.mark.parametrize("pages, symbol, amount, mark, alias", [
    (UM_PAGES, "ETHUSDT", "1.327", "187.17127", None),
    (CM_PAGES, "BTCUSD_200925", "132", "9187.17127000", "SfsR"),
])
def test_margin_call_docs_examples(pages: Path, symbol: str, amount: str, mark: str, alias: str | None) -> None:
    """The UM and CM MARGIN_CALL examples: cross wallet balance and the position at risk."""
    (raw,) = doc_examples(pages / "Event-Margin-Call.md")
    assert parsed(raw) == MarginCall(
        event_time=1587727187525, cross_wallet_balance=D("3.16812045"), account_alias=alias,
        positions=(MarginCallPosition(symbol, "LONG", D(amount), "CROSSED", D(0), D(mark), D("-1.166074"),
                                      D("1.614445")),),
    )


def test_account_config_update_docs_examples() -> None:
    """The UM leverage and Multi-Assets examples and the CM leverage example."""
    leverage, multi_assets = doc_examples(UM_PAGES / "Event-Account-Configuration-Update-previous-Leverage-Update.md")
    (cm_leverage,) = doc_examples(CM_PAGES / "Event-Account-Configuration-Update.md")
    assert parsed(leverage) == AccountConfigUpdate(1611646737479, 1611646737476, "BTCUSDT", 25, None)
    assert parsed(multi_assets) == AccountConfigUpdate(1611646737479, 1611646737476, None, None, True)
    assert parsed(cm_leverage) == AccountConfigUpdate(1611646737479, 1611646737476, "BTCUSD_PERP", 25, None)


def test_algo_update_docs_example() -> None:
    """The ALGO_UPDATE example (UM): T is the transaction time, E the event time; untriggered fields None."""
    (raw,) = doc_examples(UM_PAGES / "Event-Algo-Order-Update.md")
    assert parsed(raw) == AlgoUpdate(
        event_time=1750515742303, transaction_time=1750515742297, client_algo_id="Q5xaq5EGKgXXa0fD7fs0Ip",
        algo_id=2148719, algo_type="CONDITIONAL", order_type="TAKE_PROFIT", symbol="BNBUSDT", side="SELL",
        position_side="BOTH", time_in_force="GTC", quantity=D("0.01"), algo_status="CANCELED",
        trigger_price=D(750), price=D(750), stp_mode="EXPIRE_MAKER", working_type="CONTRACT_PRICE",
        price_match="NONE", close_position=False, price_protect=False, is_reduce_only=False, trigger_time=0,
        good_till_date=0, order_id=None, average_price=D("0.00000"), executed_quantity=D("0.00000"),
        actual_order_type=None, reason="Reduce Only reject", is_activated=None,
    )


def test_algo_update_after_triggering() -> None:
    """A triggered algo order's `ai` string becomes an int order id and `act` its order type; `ia` is read."""
    (raw,) = doc_examples(UM_PAGES / "Event-Algo-Order-Update.md")
    raw["o"].update(X="FINISHED", ai="8886774", ap="750.10", aq="0.01", act="LIMIT", ia=True, rm="")
    event = parsed(raw)
    assert (event.order_id, event.actual_order_type, event.average_price, event.executed_quantity) == (
        8886774, "LIMIT", D("750.10"), D("0.01"))
    assert (event.algo_status, event.is_activated, event.reason) == ("FINISHED", True, "")


def test_listen_key_expired_docs_examples() -> None:
    """The UM example, and the CM one (repaired by hand: single quotes, a missing comma) with a string time."""
    (raw,) = doc_examples(UM_PAGES / "Event-User-Data-Stream-Expired.md")
    key = "WsCMN0a4KHUPTQuX6IUnqEZfB1inxmv1qR4kbf1LuEjur5VdbzqvyxqG9TSjVVxv"
    assert parsed(raw) == ListenKeyExpired(1736996475556, key)
    cm = parsed({"e": "listenKeyExpired", "E": 1576653824250, "listenKey": key})
    assert cm == ListenKeyExpired(1576653824250, key)
    older = parsed({"e": "listenKeyExpired", "E": "1576653824250"})
    assert (older.event_time, older.listen_key) == (1576653824250, None)


# -- what cannot be read ----------------------------------------------------------------------------


def _without(raw: dict[str, Any], *path: str | int) -> dict[str, Any]:
    """A deep copy of `raw` without the member at `path` (a key, or an index into a list)."""
    copy: dict[str, Any] = json.loads(json.dumps(raw))
    inner: Any = copy
    for part in path[:-1]:
        inner = inner[part]
    del inner[path[-1]]
    return copy


def test_unknown_type_is_delivered_as_unknown_event() -> None:
    """An event type this module does not know (STRATEGY_UPDATE) arrives as UnknownEvent with its raw dict."""
    raw = {"e": "STRATEGY_UPDATE", "T": 1669261797627, "E": 1669261797628,
           "su": {"si": 176054594, "st": "GRID", "ss": "NEW", "s": "BTCUSDT", "ut": 1669261797627, "c": 8007}}
    event = parse_futures_event(raw)
    assert isinstance(event, UnknownEvent) and isinstance(event, UserDataEvent)
    assert (event.type, event.event_time, event.raw) == ("STRATEGY_UPDATE", 1669261797628, raw)
    assert isinstance(parse_futures_event({"E": 1}), UnknownEvent)


@pytest.mark.parametrize("page, path", [
    (UM_PAGES / "Event-Order-Update.md", ("o", "s")),
    (UM_PAGES / "Event-Order-Update.md", ("o",)),
    (UM_PAGES / "Event-Order-Update.md", ("E",)),
    (UM_PAGES / "Event-Trade-Lite.md", ("l",)),
    (UM_PAGES / "Event-Balance-and-Position-Update.md", ("a", "m")),
    (UM_PAGES / "Event-Margin-Call.md", ("p",)),
    (UM_PAGES / "Event-Account-Configuration-Update-previous-Leverage-Update.md", ("ac", "l")),
    (UM_PAGES / "Event-Algo-Order-Update.md", ("o", "aid")),
    (UM_PAGES / "Event-User-Data-Stream-Expired.md", ("E",)),
])
def test_known_type_missing_a_field_is_unknown_event(page: Path, path: tuple[str, ...]) -> None:
    """A known event type without a field it must carry arrives as UnknownEvent with its raw dict."""
    raw = _without(doc_examples(page)[0], *path)
    event = parse_futures_event(raw)
    assert isinstance(event, UnknownEvent)
    assert (event.type, event.raw) == (raw["e"], raw)


def test_nested_item_missing_a_field_or_bad_values_is_unknown_event() -> None:
    """A balance without `wb`, a non-decimal quantity or a non-list `B` make the whole event an UnknownEvent."""
    (account,) = doc_examples(UM_PAGES / "Event-Balance-and-Position-Update.md")
    assert isinstance(parse_futures_event(_without(account, "a", "B", 0, "wb")), UnknownEvent)
    account["a"]["B"] = {"a": "USDT"}
    assert isinstance(parse_futures_event(account), UnknownEvent)
    (lite,) = doc_examples(UM_PAGES / "Event-Trade-Lite.md")
    lite["l"] = "a lot"
    assert isinstance(parse_futures_event(lite), UnknownEvent)


# -- how they read ----------------------------------------------------------------------------------


def test_reprs_are_short_and_plain() -> None:
    """Reprs name the event's gist with plain decimals, and leave out `raw` and absent fields."""
    (order,) = doc_examples(UM_PAGES / "Event-Order-Update.md")
    order["o"].update(x="TRADE", X="PARTIALLY_FILLED", l="0.0005", z="0.0005", L="7100.5", n="0.00177512", rp="1.5")
    text = repr(parse_futures_event(order))
    assert text == ("<OrderTradeUpdate BTCUSDT SELL TRAILING_STOP_MARKET TRADE->PARTIALLY_FILLED order_id=8886774"
                    " client_order_id='TEST' qty=0.001 price=0 filled=0.0005 position_side=LONG last=0.0005@7100.5"
                    " fee=0.00177512 USDT realized=1.5>")
    (account,) = doc_examples(UM_PAGES / "Event-Balance-and-Position-Update.md")
    text = repr(parse_futures_event(account))
    assert text.startswith("<AccountUpdate event_time=1564745798939 transaction_time=1564745798938 reason='ORDER'"
                           " balances=(<FuturesBalance asset='USDT' wallet_balance=122624.12345678")
    assert "Decimal(" not in text and "raw" not in text and "funding_symbol" not in text
