"""The matching engine, scenario by scenario, with exact fills, balances and events.

The exchange starts with empty books here (its last trade price is 50000.00), so every maker
order is placed by the test and every expected figure can be worked out by hand. Commission
is 0.1%, taken from the asset received.
"""

from __future__ import annotations

import random
import threading
from decimal import Decimal as D
from typing import Any, Iterator

import attrs
import pytest

from binance_wsapi import APIError, Client, IPBanned, OrderRejected, RateLimited, TooManyOrders
from binance_wsapi.testing import LocalAccount, LocalExchange
from binance_wsapi.testing.model import DEFAULT_SYMBOLS

S = "BTCUSDT"


@pytest.fixture
def ex() -> Iterator[LocalExchange]:
    with LocalExchange(book_levels=0, orders_per_10s=100_000) as exchange:
        yield exchange


@pytest.fixture
def maker(ex: LocalExchange) -> LocalAccount:
    return ex.create_account({"USDT": "100000", "BTC": "10"}, key_type="hmac")


@pytest.fixture
def taker(ex: LocalExchange) -> LocalAccount:
    return ex.create_account({"USDT": "100000", "BTC": "10"}, key_type="hmac")


@pytest.fixture
def m(ex: LocalExchange, maker: LocalAccount) -> Iterator[Client]:
    with ex.client(maker) as client:
        yield client


@pytest.fixture
def t(ex: LocalExchange, taker: LocalAccount) -> Iterator[Client]:
    with ex.client(taker) as client:
        yield client


def limit(client: Client, side: str, price: str, qty: str, tif: str = "GTC", **extra: Any) -> dict[str, Any]:
    return client.order_place(symbol=S, side=side, type="LIMIT", time_in_force=tif, price=price, quantity=qty, **extra)  # type: ignore[no-any-return]


def test_price_time_priority_and_partial_fills(ex: LocalExchange, m: Client, t: Client, maker: LocalAccount,
                                               taker: LocalAccount) -> None:
    """A buy takes the best price first and, at one price, the older order first."""
    first = limit(m, "SELL", "50010", "0.1")
    second = limit(m, "SELL", "50010", "0.2")
    limit(m, "SELL", "50020", "0.3")
    buy = limit(t, "BUY", "50015", "0.25")
    assert buy["status"] == "FILLED"
    assert [(f["price"], f["qty"]) for f in buy["fills"]] == [("50010.00000000", "0.10000000"), ("50010.00000000", "0.15000000")]
    assert m.order_status(symbol=S, order_id=first["orderId"])["status"] == "FILLED"
    rest = m.order_status(symbol=S, order_id=second["orderId"])
    assert (rest["status"], rest["executedQty"]) == ("PARTIALLY_FILLED", "0.15000000")
    cost = D("0.25") * D("50010")
    assert ex.balances(taker)["USDT"] == (D("100000") - cost, D(0))
    assert ex.balances(taker)["BTC"] == (D("10") + D("0.25") - D("0.00025"), D(0))
    assert ex.balances(maker)["BTC"] == (D("10") - D("0.6"), D("0.35"))
    assert ex.balances(maker)["USDT"][0] == D("100000") + cost - cost * D("0.001")
    assert m.depth(symbol=S, limit=5)["asks"] == [["50010.00000000", "0.05000000"], ["50020.00000000", "0.30000000"]]


def test_a_buy_below_its_limit_gets_the_difference_back(ex: LocalExchange, m: Client, t: Client,
                                                         taker: LocalAccount) -> None:
    """A LIMIT BUY reserves price x qty and releases what it saved by filling lower."""
    limit(m, "SELL", "50000", "0.1")
    limit(t, "BUY", "50100", "0.2")  # 0.1 fills at 50000, 0.1 rests at 50100
    free, locked = ex.balances(taker)["USDT"]
    assert locked == D("0.1") * D("50100")
    assert free == D("100000") - D("0.1") * D("50000") - locked


def test_ioc_fills_what_it_can_and_expires_the_rest(m: Client, t: Client) -> None:
    """IOC: the available 0.1 fills, the other 0.4 expires, nothing rests."""
    limit(m, "SELL", "50010", "0.1")
    ioc = limit(t, "BUY", "50010", "0.5", tif="IOC")
    assert (ioc["status"], ioc["executedQty"], ioc["expiryReason"]) == ("EXPIRED", "0.10000000", "UNFILLED_IOC_QUANTITY_EXPIRED")
    assert t.depth(symbol=S)["bids"] == []


def test_fok_is_all_or_nothing(m: Client, t: Client) -> None:
    """FOK expires untouched unless the whole quantity can fill at once."""
    limit(m, "SELL", "50010", "0.1")
    limit(m, "SELL", "50020", "0.1")
    short = limit(t, "BUY", "50020", "0.3", tif="FOK")
    assert (short["status"], short["executedQty"], short["fills"]) == ("EXPIRED", "0.00000000", [])
    assert len(t.depth(symbol=S)["asks"]) == 2
    whole = limit(t, "BUY", "50020", "0.2", tif="FOK")
    assert (whole["status"], whole["executedQty"]) == ("FILLED", "0.20000000")


def test_market_orders_by_quantity_and_by_quote(ex: LocalExchange, m: Client, t: Client, taker: LocalAccount) -> None:
    """MARKET sweeps levels for a quantity; with quoteOrderQty it spends at most the amount."""
    limit(m, "SELL", "50000", "0.01")
    limit(m, "SELL", "50100", "1")
    sweep = t.order_place(symbol=S, side="BUY", type="MARKET", quantity="0.02")
    assert [(f["price"], f["qty"]) for f in sweep["fills"]] == [("50000.00000000", "0.01000000"), ("50100.00000000", "0.01000000")]
    quote = t.order_place(symbol=S, side="BUY", type="MARKET", quote_order_qty="1000")
    # 1000 / 50100 = 0.019960..., rounded down to the 0.00001 step.
    assert (quote["status"], quote["executedQty"], quote["cummulativeQuoteQty"]) == ("FILLED", "0.01996000", "999.99600000")
    assert ex.balances(taker)["USDT"][1] == 0  # the unspent 0.004 of the reservation went back


def test_market_order_on_an_empty_side_expires(t: Client) -> None:
    """With nothing to sell, a MARKET buy by quantity is refused; a MARKET sell by quote expires."""
    with pytest.raises(OrderRejected, match="liquidity"):
        t.order_place(symbol=S, side="BUY", type="MARKET", quantity="0.01")
    sell = t.order_place(symbol=S, side="SELL", type="MARKET", quote_order_qty="100")
    assert sell["status"] == "EXPIRED" and sell["executedQty"] == "0.00000000"


@pytest.mark.parametrize(
    "mode, maker_status, taker_status, maker_left",
    [
        ("EXPIRE_TAKER", "NEW", "EXPIRED_IN_MATCH", "0.10000000"),
        ("EXPIRE_MAKER", "EXPIRED_IN_MATCH", "NEW", "0.10000000"),
        ("EXPIRE_BOTH", "EXPIRED_IN_MATCH", "EXPIRED_IN_MATCH", "0.10000000"),
        ("DECREMENT", "NEW", "EXPIRED_IN_MATCH", "0.04000000"),
    ],
)
def test_self_trade_prevention_modes(ex: LocalExchange, m: Client, mode: str, maker_status: str, taker_status: str,
                                     maker_left: str) -> None:
    """The taker's mode decides which of two orders of one account expires instead of trading."""
    resting = limit(m, "SELL", "50010", "0.1")
    incoming = limit(m, "BUY", "50010", "0.06", self_trade_prevention_mode=mode)
    assert incoming["status"] == taker_status and incoming["executedQty"] == "0.00000000"
    after = m.order_status(symbol=S, order_id=resting["orderId"])
    assert after["status"] == maker_status
    assert D(after["origQty"]) - D(after["executedQty"]) == D(maker_left) or maker_status != "NEW"
    prevented = m.my_prevented_matches(symbol=S, order_id=incoming["orderId"])
    assert [(p["selfTradePreventionMode"], p["makerOrderId"]) for p in prevented] == [(mode, resting["orderId"])]
    assert m.my_trades(symbol=S) == []


def test_with_stp_none_an_account_trades_with_itself(m: Client) -> None:
    """Mode NONE, asked for, lets the account's own orders match."""
    limit(m, "SELL", "50010", "0.1")
    buy = limit(m, "BUY", "50010", "0.1", self_trade_prevention_mode="NONE")
    assert buy["status"] == "FILLED" and len(m.my_trades(symbol=S)) == 2  # a buyer and a seller row


def test_an_order_naming_no_mode_gets_the_symbols_default_expire_maker(m: Client) -> None:
    """As on production symbols, an order without a mode gets EXPIRE_MAKER: crossing one's own order expires it."""
    (info,) = m.exchange_info(symbol=S)["symbols"]
    assert info["defaultSelfTradePreventionMode"] == "EXPIRE_MAKER"
    resting = limit(m, "SELL", "50010", "0.1")
    buy = limit(m, "BUY", "50010", "0.1")
    assert buy["selfTradePreventionMode"] == "EXPIRE_MAKER" and buy["executedQty"] == "0.00000000"
    assert m.order_status(symbol=S, order_id=resting["orderId"])["status"] == "EXPIRED_IN_MATCH"
    assert m.my_trades(symbol=S) == []


def test_a_symbols_default_mode_and_allowed_modes_are_configurable(maker: LocalAccount) -> None:
    """SymbolSpec(default_stp=..., allowed_stp=...) is what exchangeInfo publishes and orders get."""
    spec = attrs.evolve(DEFAULT_SYMBOLS[0], default_stp="NONE", allowed_stp=("NONE", "EXPIRE_TAKER"))
    with LocalExchange(symbols=[spec]) as ex:
        account = ex.create_account({"USDT": "100000", "BTC": "1"})
        with ex.client(account) as client:
            (info,) = client.exchange_info(symbol=S)["symbols"]
            assert (info["defaultSelfTradePreventionMode"], info["allowedSelfTradePreventionModes"]) == (
                "NONE",
                ["NONE", "EXPIRE_TAKER"],
            )
            limit(client, "SELL", "50010", "0.1")
            assert limit(client, "BUY", "50010", "0.1")["status"] == "FILLED"
            with pytest.raises(APIError) as refused:
                limit(client, "BUY", "50010", "0.1", self_trade_prevention_mode="EXPIRE_MAKER")
            assert refused.value.code == -1130


def test_stop_loss_triggers_on_a_trade_at_its_stop(ex: LocalExchange, m: Client, t: Client) -> None:
    """A SELL STOP_LOSS waits, not working, until a trade prints at or below its stop, then sells."""
    stop = t.order_place(symbol=S, side="SELL", type="STOP_LOSS", quantity="0.1", stop_price="49990")
    waiting = t.order_status(symbol=S, order_id=stop["orderId"])
    assert (waiting["status"], waiting["isWorking"]) == ("NEW", False)
    limit(m, "BUY", "49990", "0.3")  # the bid the trigger trade and then the stop will hit
    limit(m, "SELL", "49990", "0.05", self_trade_prevention_mode="NONE")  # trades at 49990: the stop fires
    done = t.order_status(symbol=S, order_id=stop["orderId"])
    # isWorking stays true once an order has worked, as in the docs' FILLED order.status example.
    assert (done["status"], done["executedQty"], done["isWorking"]) == ("FILLED", "0.10000000", True)
    assert [tr["price"] for tr in t.my_trades(symbol=S)] == ["49990.00000000"]


def test_stops_that_would_trigger_at_once_are_refused(t: Client) -> None:
    """A SELL stop above the last price (50000) would trigger immediately."""
    with pytest.raises(OrderRejected, match="Order would trigger immediately"):
        t.order_place(symbol=S, side="SELL", type="STOP_LOSS", quantity="0.1", stop_price="50010")


def test_trailing_stop_follows_the_market(m: Client, t: Client) -> None:
    """A trailing SELL stop (1%) rides the price up and fires 1% below the peak."""
    stop = t.order_place(symbol=S, side="SELL", type="STOP_LOSS", quantity="0.01", trailing_delta=100)
    limit(m, "BUY", "51000", "0.01")
    limit(m, "SELL", "51000", "0.01", self_trade_prevention_mode="NONE")  # peak 51000: the stop now fires at 50490 or below
    limit(m, "BUY", "50600", "0.01")
    limit(m, "SELL", "50600", "0.01", self_trade_prevention_mode="NONE")  # 50600: still above the trigger
    assert t.order_status(symbol=S, order_id=stop["orderId"])["status"] == "NEW"
    limit(m, "BUY", "50400", "0.02")
    limit(m, "SELL", "50400", "0.01", self_trade_prevention_mode="NONE")  # below 50490: fires, and sells into the 0.01 of the bid that is left
    fired = t.order_status(symbol=S, order_id=stop["orderId"])
    assert fired["status"] == "FILLED" and fired["trailingDelta"] == 100


def test_stop_loss_limit_rests_after_triggering(m: Client, t: Client) -> None:
    """A STOP_LOSS_LIMIT becomes a resting LIMIT at its price once triggered."""
    stop = t.order_place(symbol=S, side="SELL", type="STOP_LOSS_LIMIT", time_in_force="GTC", quantity="0.1",
                         stop_price="49990", price="49995")
    limit(m, "BUY", "49990", "0.01")
    limit(m, "SELL", "49990", "0.01", self_trade_prevention_mode="NONE")
    triggered = t.order_status(symbol=S, order_id=stop["orderId"])
    assert (triggered["status"], triggered["isWorking"]) == ("NEW", True)
    assert t.depth(symbol=S)["asks"] == [["49995.00000000", "0.10000000"]]


def test_oco_leg_filling_expires_the_other(ex: LocalExchange, m: Client, t: Client, taker: LocalAccount) -> None:
    """The LIMIT_MAKER leg filling expires the stop leg; the list is done and no funds stay locked."""
    oco = t.order_list_place_oco(symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="50100",
                                 below_type="STOP_LOSS", below_stop_price="49900")
    assert ex.balances(taker)["BTC"] == (D("9.9"), D("0.1"))  # one reservation for both legs
    limit(m, "BUY", "50100", "0.1")
    status = t.order_list_status(order_list_id=oco["orderListId"])
    assert status["listOrderStatus"] == "ALL_DONE"
    legs = {o["type"]: t.order_status(symbol=S, order_id=o["orderId"]) for o in oco["orderReports"]}
    assert legs["LIMIT_MAKER"]["status"] == "FILLED"
    assert (legs["STOP_LOSS"]["status"], legs["STOP_LOSS"]["expiryReason"]) == ("EXPIRED", "OCO_TRIGGER")
    assert ex.balances(taker)["BTC"] == (D("9.9"), D(0))


def test_oco_stop_triggering_expires_the_limit_leg(m: Client, t: Client) -> None:
    """A trade at the stop fires the stop leg and expires the LIMIT_MAKER leg."""
    oco = t.order_list_place_oco(symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="50100",
                                 below_type="STOP_LOSS", below_stop_price="49900")
    limit(m, "BUY", "49900", "0.5")
    limit(m, "SELL", "49900", "0.01", self_trade_prevention_mode="NONE")  # prints 49900
    legs = {o["type"]: t.order_status(symbol=S, order_id=o["orderId"]) for o in oco["orderReports"]}
    assert legs["STOP_LOSS"]["status"] == "FILLED" and legs["LIMIT_MAKER"]["status"] == "EXPIRED"
    assert t.depth(symbol=S)["asks"] == []


def test_oco_prices_must_straddle_the_market(t: Client) -> None:
    """A SELL OCO's upper leg above, and lower leg below, the last price (50000)."""
    with pytest.raises(OrderRejected, match="relationship of the prices"):
        t.order_list_place_oco(symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="49000",
                               below_type="STOP_LOSS", below_stop_price="48000")


def test_cancelling_one_leg_cancels_the_list(t: Client) -> None:
    """order.cancel on an OCO leg cancels the whole list."""
    oco = t.order_list_place_oco(symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="50100",
                                 below_type="STOP_LOSS", below_stop_price="49900")
    report = t.order_cancel(symbol=S, order_id=oco["orders"][0]["orderId"])
    assert report["listOrderStatus"] == "ALL_DONE"
    assert {o["status"] for o in report["orderReports"]} == {"CANCELED"}


def test_oto_places_the_pending_order_when_the_working_order_fills(m: Client, t: Client) -> None:
    """OTO: the pending order is PENDING_NEW until the working order is fully filled."""
    oto = t.order_list_place_oto(symbol=S, working_type="LIMIT", working_side="BUY", working_price="49950",
                                 working_quantity="0.1", working_time_in_force="GTC", pending_type="LIMIT_MAKER",
                                 pending_side="SELL", pending_price="50100", pending_quantity="0.05")
    working, pending = (o["orderId"] for o in oto["orderReports"])
    assert t.order_status(symbol=S, order_id=pending)["status"] == "PENDING_NEW"
    limit(m, "SELL", "49950", "0.04")
    assert t.order_status(symbol=S, order_id=pending)["status"] == "PENDING_NEW"  # only partly filled
    limit(m, "SELL", "49950", "0.06")
    assert t.order_status(symbol=S, order_id=working)["status"] == "FILLED"
    assert t.order_status(symbol=S, order_id=pending)["status"] == "NEW"
    assert t.depth(symbol=S)["asks"] == [["50100.00000000", "0.05000000"]]


def test_oto_working_order_cancelled_expires_the_pending(t: Client) -> None:
    """Cancelling an OTO list cancels the pending order with it."""
    oto = t.order_list_place_oto(symbol=S, working_type="LIMIT", working_side="BUY", working_price="49950",
                                 working_quantity="0.1", working_time_in_force="GTC", pending_type="LIMIT_MAKER",
                                 pending_side="SELL", pending_price="50100", pending_quantity="0.05")
    cancelled = t.order_list_cancel(symbol=S, order_list_id=oto["orderListId"])
    assert [o["status"] for o in cancelled["orderReports"]] == ["CANCELED", "CANCELED"]


def test_opo_pending_order_sells_what_was_bought(m: Client, t: Client) -> None:
    """OPO: the pending SELL gets the working BUY's filled quantity, net of the base commission."""
    opo = t.order_list_place_opo(symbol=S, working_type="LIMIT", working_side="BUY", working_price="49950",
                                 working_quantity="0.1", working_time_in_force="GTC", pending_type="LIMIT_MAKER",
                                 pending_side="SELL", pending_price="50100")
    limit(m, "SELL", "49950", "0.1")
    pending = t.order_status(symbol=S, order_id=opo["orderReports"][1]["orderId"])
    assert (pending["status"], pending["origQty"]) == ("NEW", "0.09990000")  # 0.1 - 0.1% commission


def test_opo_refuses_a_selling_working_order(t: Client) -> None:
    """The working order of an OPO must be a BUY (-1222)."""
    with pytest.raises(APIError) as info:
        t.order_list_place_opo(symbol=S, working_type="LIMIT", working_side="SELL", working_price="50100",
                               working_quantity="0.1", working_time_in_force="GTC", pending_type="LIMIT_MAKER",
                               pending_side="SELL", pending_price="50200")
    assert info.value.code == -1222


def test_iceberg_shows_a_slice_and_loses_priority_when_it_reloads(m: Client, t: Client) -> None:
    """An iceberg shows icebergQty; once that slice is taken it reloads behind later orders."""
    iceberg = limit(m, "SELL", "50010", "1", iceberg_qty="0.2")
    later = limit(m, "SELL", "50010", "0.5")
    assert t.depth(symbol=S)["asks"] == [["50010.00000000", "0.70000000"]]
    buy = limit(t, "BUY", "50010", "0.3")
    assert [f["qty"] for f in buy["fills"]] == ["0.20000000", "0.10000000"]
    assert m.order_status(symbol=S, order_id=iceberg["orderId"])["executedQty"] == "0.20000000"
    assert m.order_status(symbol=S, order_id=later["orderId"])["executedQty"] == "0.10000000"


def test_amend_keeps_priority_and_refuses_increases(m: Client, t: Client) -> None:
    """Reducing a resting order keeps its place in the queue; increasing is refused (-2038)."""
    first = limit(m, "SELL", "50010", "0.3")
    limit(m, "SELL", "50010", "0.3")
    amended = m.order_amend_keep_priority(symbol=S, order_id=first["orderId"], new_qty="0.1")
    assert amended["amendedOrder"]["qty"] == "0.10000000"
    buy = limit(t, "BUY", "50010", "0.1")
    assert buy["fills"][0]["qty"] == "0.10000000"
    assert m.order_status(symbol=S, order_id=first["orderId"])["status"] == "FILLED"
    with pytest.raises(APIError) as info:
        m.order_amend_keep_priority(symbol=S, order_id=first["orderId"] + 1, new_qty="0.4")
    assert info.value.code == -2038 and "quantity increase" in info.value.msg


def _cancel_replace(client: Client, order_id: int, mode: str = "STOP_ON_FAILURE", price: str = "50200",
                    **extra: Any) -> Any:
    return client.order_cancel_replace(symbol=S, cancel_replace_mode=mode, cancel_order_id=order_id, side="SELL",
                                       type="LIMIT_MAKER", price=price, quantity="0.1", **extra)


@pytest.mark.parametrize(
    "mode, cancel_ok, new_ok, status, code, results",
    [
        ("STOP_ON_FAILURE", False, True, 400, -2022, ("FAILURE", "NOT_ATTEMPTED")),
        ("STOP_ON_FAILURE", True, False, 409, -2021, ("SUCCESS", "FAILURE")),
        ("ALLOW_FAILURE", False, True, 409, -2021, ("FAILURE", "SUCCESS")),
        ("ALLOW_FAILURE", False, False, 400, -2022, ("FAILURE", "FAILURE")),
        ("ALLOW_FAILURE", True, False, 409, -2021, ("SUCCESS", "FAILURE")),
    ],
)
def test_cancel_replace_status_matrix(m: Client, t: Client, mode: str, cancel_ok: bool, new_ok: bool, status: int,
                                      code: int, results: tuple[str, str]) -> None:
    """order.cancelReplace answers 400 or 409 with both results, as the docs' matrix says."""
    limit(m, "BUY", "50000", "0.5")  # a bid that a LIMIT_MAKER sell at 50000 would cross
    order = limit(t, "SELL", "50300", "0.1")
    target = order["orderId"] if cancel_ok else order["orderId"] + 999
    with pytest.raises(APIError) as info:
        _cancel_replace(t, target, mode, price="50200" if new_ok else "50000")
    error = info.value
    assert (error.status, error.code) == (status, code)
    assert error.data is not None and (error.data["cancelResult"], error.data["newOrderResult"]) == results
    assert t.order_status(symbol=S, order_id=order["orderId"])["status"] == ("CANCELED" if cancel_ok else "NEW")


def test_cancel_replace_when_the_order_limit_is_reached(ex: LocalExchange) -> None:
    """Past the order limit: DO_NOTHING changes nothing (429 -1015); CANCEL_ONLY still cancels."""
    with LocalExchange(book_levels=0, orders_per_10s=2) as small:
        account = small.create_account({"BTC": "1"}, key_type="hmac")
        with small.client(account, on_rate_limit="off") as client:  # let the server enforce it
            first = limit(client, "SELL", "50300", "0.1")
            second = limit(client, "SELL", "50400", "0.1")
            with pytest.raises(TooManyOrders):
                _cancel_replace(client, first["orderId"])
            assert client.order_status(symbol=S, order_id=first["orderId"])["status"] == "NEW"
            with pytest.raises(APIError) as info:
                _cancel_replace(client, second["orderId"], order_rate_limit_exceeded_mode="CANCEL_ONLY")
            assert info.value.status == 429 and info.value.data["cancelResult"] == "SUCCESS"  # type: ignore[index]
            assert client.order_status(symbol=S, order_id=second["orderId"])["status"] == "CANCELED"


def test_trades_move_balances_and_emit_events(ex: LocalExchange, m: Client, t: Client, taker: LocalAccount) -> None:
    """A fill sends the taker an executionReport (TRADE) and an outboundAccountPosition with the new balances."""
    got: list[dict[str, Any]] = []
    positions = threading.Event()

    def on_event(message: dict[str, Any]) -> None:
        got.append(message["event"])
        if message["event"]["e"] == "outboundAccountPosition":
            positions.set()

    t.add_event_handler(on_event)
    t.user_data_stream_subscribe_signature()
    limit(m, "SELL", "50010", "0.1")
    order = limit(t, "BUY", "50010", "0.1")
    assert positions.wait(5)
    trades = [e for e in got if e["e"] == "executionReport" and e["x"] == "TRADE"]
    assert [(e["i"], e["X"], e["l"], e["L"], e["n"], e["N"], e["m"]) for e in trades] == [
        (order["orderId"], "FILLED", "0.10000000", "50010.00000000", "0.00010000", "BTC", False)
    ]
    position = next(e for e in got if e["e"] == "outboundAccountPosition")
    balances = {b["a"]: (b["f"], b["l"]) for b in position["B"]}
    assert balances["BTC"] == ("10.09990000", "0.00000000")
    assert balances["USDT"] == (f"{D('100000') - D('5001'):.8f}", "0.00000000")


def test_weight_limit_gives_429_then_a_418_ban() -> None:
    """Past the weight limit requests get 429 with retryAfter; pressing on gets the IP banned (418)."""
    with LocalExchange(book_levels=5, weight_limit=40, ban_after=2) as small:
        with Client(url=small.url, timeout=5, on_rate_limit="off") as client:
            client.connect()  # the connection itself costs 2
            for _ in range(7):
                client.depth(symbol=S)  # 5 each: 37 of 40
            for _ in range(2):
                with pytest.raises(RateLimited) as limited:
                    client.depth(symbol=S)
                assert limited.value.retry_after is not None and limited.value.retry_after % 60000 == 0
            with pytest.raises(IPBanned) as banned:
                client.depth(symbol=S)
            assert banned.value.retry_after is not None


def test_order_count_limit_gives_429_too_many_orders() -> None:
    """More new orders than the 10-second limit get -1015 TooManyOrders."""
    with LocalExchange(book_levels=0, orders_per_10s=3) as small:
        account = small.create_account({"USDT": "10000"}, key_type="hmac")
        with small.client(account, on_rate_limit="off") as client:
            for price in ("40000", "40001", "40002"):
                limit(client, "BUY", price, "0.01")
            with pytest.raises(TooManyOrders) as info:
                limit(client, "BUY", "40003", "0.01")
            assert info.value.status == 429 and info.value.code == -1015


def test_concurrent_trading_conserves_every_asset(ex: LocalExchange) -> None:
    """Eight clients trading at once: every asset is conserved, net of commission, and books stay sane."""
    accounts = [ex.create_account({"USDT": "100000", "BTC": "10"}, key_type="hmac") for _ in range(8)]
    errors: list[BaseException] = []

    def trade(account: LocalAccount, seed: int) -> None:
        rng = random.Random(seed)
        try:
            with ex.client(account, timeout=10) as client:
                for _ in range(30):
                    side = rng.choice(["BUY", "SELL"])
                    price = str(50000 + rng.randint(-5, 5))
                    tif = rng.choice(["GTC", "IOC"])
                    try:
                        limit(client, side, price, f"0.0{rng.randint(1, 9)}", tif=tif)
                    except OrderRejected:
                        pass
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=trade, args=(a, i)) for i, a in enumerate(accounts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors[:3]
    commissions: dict[str, D] = {"BTC": D(0), "USDT": D(0)}
    with ex.client(accounts[0]) as client:
        for account in accounts:
            with ex.client(account) as own:
                for row in own.my_trades(symbol=S, limit=1000):
                    commissions[row["commissionAsset"]] += D(row["commission"])
        book = client.depth(symbol=S, limit=100)
    for asset, start in (("BTC", D("80")), ("USDT", D("800000"))):
        held = sum((sum(ex.balances(a)[asset]) for a in accounts), D(0))
        assert held + commissions[asset] == start, asset
    if book["bids"] and book["asks"]:
        assert D(book["bids"][0][0]) < D(book["asks"][0][0])  # nothing crossed is left resting


def test_take_profit_triggers_when_the_price_rises_to_it(m: Client, t: Client) -> None:
    """A SELL TAKE_PROFIT fires when a trade prints at or above its stop (the opposite of a stop loss)."""
    with pytest.raises(OrderRejected, match="trigger immediately"):
        t.order_place(symbol=S, side="SELL", type="TAKE_PROFIT", quantity="0.1", stop_price="49990")
    order = t.order_place(symbol=S, side="SELL", type="TAKE_PROFIT", quantity="0.1", stop_price="50100")
    limit(m, "BUY", "50100", "0.2")
    limit(m, "SELL", "50100", "0.01", self_trade_prevention_mode="NONE")  # prints 50100
    assert t.order_status(symbol=S, order_id=order["orderId"])["status"] == "FILLED"


def test_otoco_places_an_oco_pair_that_then_behaves_as_one(ex: LocalExchange, m: Client, t: Client,
                                                            taker: LocalAccount) -> None:
    """OTOCO: the working buy fills, the pending OCO pair is placed, and one leg filling expires the other."""
    otoco = t.order_list_place_otoco(
        symbol=S, working_type="LIMIT", working_side="BUY", working_price="49950", working_quantity="0.1",
        working_time_in_force="GTC", pending_side="SELL", pending_quantity="0.1", pending_above_type="LIMIT_MAKER",
        pending_above_price="50100", pending_below_type="STOP_LOSS", pending_below_stop_price="49800")
    working, above, below = (o["orderId"] for o in otoco["orderReports"])
    limit(m, "SELL", "49950", "0.1")  # the working order fills (at 49950, below the last 50000)
    assert t.order_status(symbol=S, order_id=above)["status"] == "NEW"
    assert t.order_status(symbol=S, order_id=below)["status"] == "NEW"
    limit(m, "BUY", "50100", "0.1")  # takes the upper leg
    assert t.order_status(symbol=S, order_id=above)["status"] == "FILLED"
    assert t.order_status(symbol=S, order_id=below)["status"] == "EXPIRED"
    assert t.order_list_status(order_list_id=otoco["orderListId"])["listOrderStatus"] == "ALL_DONE"
    assert all(locked == 0 for _, locked in ex.balances(taker).values())
