"""LocalExchange answers as Binance does where it used to be kinder or stricter.

Each test is a difference found by trying other clients and recorded production traffic
against LocalExchange; the expected answers come from the docs (errors.md,
web-socket-api.md, the CHANGELOG) and from production's own answers quoted there.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import websocket

from binance_wsapi import ExecutionReport
from binance_wsapi.signing import HmacSigner, signature_payload
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Raw


@pytest.fixture
def account(exchange: LocalExchange) -> LocalAccount:
    """An Ed25519 account (user data streams need a session logon) with both assets."""
    return exchange.create_account({"USDT": "10000", "BTC": "1"})

DECIMAL_PATTERN = "'^([0-9]{1,20})(\\.[0-9]{1,20})?$'"


def illegal(name: str) -> dict[str, Any]:
    return {"code": -1100, "msg": f"Illegal characters found in parameter '{name}'; legal range is {DECIMAL_PATTERN}."}


def signed_text(account: LocalAccount, exchange: LocalExchange, method: str, fields: list[tuple[str, str]]) -> str:
    """A signed request whose params are given as (name, JSON text) pairs, so numbers keep their spelling."""
    fields = fields + [("apiKey", json.dumps(account.api_key)), ("timestamp", str(exchange.now_ms()))]
    payload = "&".join(f"{k}={json.loads(v) if v.startswith(chr(34)) else v}" for k, v in sorted(fields))
    fields.append(("signature", json.dumps(HmacSigner(account.api_secret).sign(payload))))
    params = ",".join(f"{json.dumps(k)}:{v}" for k, v in fields)
    return f'{{"id":"f1","method":"{method}","params":{{{params}}}}}'


@pytest.mark.parametrize(
    "text", ["5e-05", "1E-3", ".5", "1.", "+1", " 1", "1 ", "1_000", "0." + "1" * 21, "1" * 21, "١", "-1", "0x10", ""]
)
def test_a_decimal_not_written_as_plain_digits_is_refused_with_the_pattern(
    exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount, text: str
) -> None:
    """A DECIMAL parameter sent as a string must match Binance's pattern, or the answer is -1100 naming it."""
    reply = raw.signed(
        hmac_account,
        "order.place",
        {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "20000", "quantity": text},
        exchange,
    )
    assert reply["error"] == illegal("quantity")


@pytest.mark.parametrize("text", ["5e-05", "1E-3", "1.0e2", "0." + "1" * 21])
def test_a_json_number_in_exponent_form_is_refused_like_the_string(
    exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount, text: str
) -> None:
    """A JSON number keeps its text: 5e-05 gets -1100, not a signature error (-1022) from a re-rendered payload."""
    request = signed_text(
        hmac_account,
        exchange,
        "order.place",
        [("symbol", '"BTCUSDT"'), ("side", '"BUY"'), ("type", '"MARKET"'), ("quantity", text)],
    )
    assert raw.send(request)["error"] == illegal("quantity")


def test_a_plain_json_number_is_signed_as_written(exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount) -> None:
    """A JSON number such as 0.00010 is signed with its own text (trailing zero kept) and accepted."""
    exchange.deposit(hmac_account, "USDT", "100000")
    request = signed_text(
        hmac_account,
        exchange,
        "order.place",
        [("symbol", '"BTCUSDT"'), ("side", '"BUY"'), ("type", '"MARKET"'), ("quantity", "0.00010")],
    )
    reply = raw.send(request)
    assert reply["status"] == 200, reply
    assert reply["result"]["origQty"] == "0.00010000"


def test_trades_historical_ignores_an_api_key(raw: Raw) -> None:
    """trades.historical takes an apiKey and ignores it (CHANGELOG: "no longer necessary and is now ignored")."""
    reply = raw.call("trades.historical", {"symbol": "BTCUSDT", "limit": 1, "apiKey": "anything"})
    assert reply["status"] == 200, reply


def test_execution_reports_carry_production_fields(exchange: LocalExchange, account: LocalAccount) -> None:
    """NEW says the order works (w true, W its working time, n "0"); TRADE has M true; a waiting stop has no W."""
    with exchange.client(account) as client:
        stream = client.user_data.subscribe()
        client.order_place(symbol="BTCUSDT", side="SELL", type="LIMIT", time_in_force="GTC", price="60000", quantity="0.001")
        client.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.001")
        client.order_place(symbol="BTCUSDT", side="SELL", type="STOP_LOSS", quantity="0.001", stop_price="40000")
        reports = []
        while len(reports) < 4:
            event = stream.get(timeout=5)
            if isinstance(event, ExecutionReport):
                reports.append(event.raw)
    resting, market_new, market_trade, stop_new = reports
    assert (resting["x"], resting["w"], resting["W"], resting["n"], resting["M"]) == ("NEW", True, resting["T"], "0", False)
    assert (market_new["x"], market_new["w"], market_new["n"]) == ("NEW", True, "0")
    assert (market_trade["x"], market_trade["M"], market_trade["t"] >= 0) == ("TRADE", True, True)
    assert (stop_new["x"], stop_new["w"], "W" in stop_new) == ("NEW", False, False)


def _next_control(ws: websocket.WebSocket, opcode: int) -> websocket.ABNF:
    """The next frame of `opcode`, skipping others (recv_frame answers nothing by itself)."""
    while True:
        frame = ws.recv_frame()
        if frame.opcode == opcode:
            return frame


@pytest.fixture
def pinging(make_exchange: Any) -> LocalExchange:
    """An exchange that pings every 50 ms, so a test need not wait Binance's 20 s."""
    return make_exchange(ping_interval=0.05)  # type: ignore[no-any-return]


@pytest.mark.both_schemes
def test_pings_are_empty_and_an_empty_pong_answers_them(pinging: LocalExchange) -> None:
    """The server's pings carry no payload, as Binance's do, and an empty pong is the right answer."""
    ws = websocket.create_connection(pinging.url, timeout=5, **_sslopt(pinging))
    try:
        for _ in range(2):
            assert _next_control(ws, websocket.ABNF.OPCODE_PING).data == b""
            ws.pong(b"")
        assert pinging.wait_until(lambda ex: ex.pongs_received >= 2)
        ws.ping(b"hello")  # the server still answers a client's ping with its payload
        assert _next_control(ws, websocket.ABNF.OPCODE_PONG).data == b"hello"
    finally:
        ws.close()


@pytest.mark.both_schemes
def test_a_pong_with_another_payload_closes_the_connection_at_once(pinging: LocalExchange) -> None:
    """A pong that does not copy the ping's payload is answered with close code 1008 right away."""
    ws = websocket.create_connection(pinging.url, timeout=5, **_sslopt(pinging))
    try:
        _next_control(ws, websocket.ABNF.OPCODE_PING)
        ws.pong(b"not the payload")
        close = _next_control(ws, websocket.ABNF.OPCODE_CLOSE)
        assert int.from_bytes(close.data[:2], "big") == 1008
    finally:
        ws.close()


def _sslopt(exchange: LocalExchange) -> dict[str, Any]:
    return {"sslopt": {"ca_certs": exchange.ca_file}} if exchange.tls else {}


@pytest.mark.parametrize("bad", ["x" * 37, "has space", "émoji", "semi;colon", "a+b"])
def test_a_client_order_id_binance_would_refuse_is_refused(
    exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount, bad: str
) -> None:
    """newClientOrderId (and the other new ids) must be 1-36 of A-Z a-z 0-9 . : / _ -, or -1100 says so."""
    params = {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.001"}
    for name in ("newClientOrderId",):
        reply = raw.signed(hmac_account, "order.place", {**params, name: bad}, exchange)
        assert reply["error"] == {
            "code": -1100,
            "msg": f"Illegal characters found in parameter '{name}'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{{1,36}}$'.",
        }
    legs = {"symbol": "BTCUSDT", "side": "SELL", "quantity": "0.001", "aboveType": "LIMIT_MAKER", "abovePrice": "60000",
            "belowType": "STOP_LOSS", "belowStopPrice": "40000"}
    reply = raw.signed(hmac_account, "orderList.place.oco", {**legs, "listClientOrderId": bad}, exchange)
    assert reply["error"]["code"] == -1100 and "'listClientOrderId'" in reply["error"]["msg"]


def test_the_clients_own_generated_ids_pass_the_check(exchange: LocalExchange, account: LocalAccount) -> None:
    """Ids the client makes up (its prefix plus random characters) are ones Binance takes."""
    with exchange.client(account, client_order_id_prefix="my.bot:v1/a_b-") as client:
        order = client.order_place(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.001")
        assert order["clientOrderId"].startswith("my.bot:v1/a_b-") and len(order["clientOrderId"]) <= 36
        listed = client.order_list_place_oco(
            symbol="BTCUSDT", side="SELL", quantity="0.001", above_type="LIMIT_MAKER", above_price="60000",
            below_type="STOP_LOSS", below_stop_price="40000",
        )
        assert listed["listStatusType"] == "EXEC_STARTED"


def test_default_limits_are_productions(make_exchange: Any) -> None:
    """exchangeInfo reports production's limits by default: 6000 weight/min, 100 orders/10 s, 200,000/day."""
    plain = make_exchange()
    connection = Raw(plain.url)
    try:
        info = connection.call("exchangeInfo", {"symbol": "BTCUSDT"})["result"]["rateLimits"]
    finally:
        connection.ws.close()
    got = {(r["rateLimitType"], r["interval"], r["intervalNum"]): r["limit"] for r in info}
    assert got[("REQUEST_WEIGHT", "MINUTE", 1)] == 6000
    assert got[("ORDERS", "SECOND", 10)] == 100 and got[("ORDERS", "DAY", 1)] == 200000


@pytest.mark.both_schemes
def test_the_upgrade_reports_the_weight_used_in_its_headers(exchange: LocalExchange) -> None:
    """The handshake's response carries x-mbx-used-weight and x-mbx-used-weight-1m, the connection's 2 counted."""
    first = websocket.create_connection(exchange.url, timeout=5, **_sslopt(exchange))
    second = websocket.create_connection(exchange.url, timeout=5, **_sslopt(exchange))
    try:
        a, b = (ws.getheaders() for ws in (first, second))
        assert int(b["x-mbx-used-weight"]) == int(a["x-mbx-used-weight"]) + 2
        assert b["x-mbx-used-weight-1m"] == b["x-mbx-used-weight"]
    finally:
        first.close()
        second.close()


def test_cancel_answers_have_no_working_time_and_name_the_original_id(exchange: LocalExchange, account: LocalAccount) -> None:
    """order.cancel, openOrders.cancelAll, orderList.cancel and cancelReplace answer without workingTime, as Binance
    does; the CANCELED executionReport names the order's former client id in C."""
    resting = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "time_in_force": "GTC", "price": "40000", "quantity": "0.001"}
    oco = {"symbol": "BTCUSDT", "side": "SELL", "quantity": "0.001", "above_type": "LIMIT_MAKER", "above_price": "60000",
           "below_type": "STOP_LOSS", "below_stop_price": "40000"}
    with exchange.client(account) as client:
        stream = client.user_data.subscribe()
        first = client.order_place(**resting, new_client_order_id="first")
        canceled = client.order_cancel(symbol="BTCUSDT", order_id=first["orderId"], new_client_order_id="gone")
        assert "workingTime" not in canceled and canceled["origClientOrderId"] == "first"
        report = next(e for e in iter(lambda: stream.get(timeout=5), None)
                      if isinstance(e, ExecutionReport) and e.raw["x"] == "CANCELED")
        assert (report.raw["c"], report.raw["C"]) == ("gone", "first")
        listed = client.order_list_place_oco(**oco)
        reports = client.order_list_cancel(symbol="BTCUSDT", order_list_id=listed["orderListId"])["orderReports"]
        assert reports and all("workingTime" not in r for r in reports)
        client.order_place(**resting)
        client.order_list_place_oco(**oco)
        everything = client.open_orders_cancel_all(symbol="BTCUSDT")
        assert "workingTime" not in everything[0] and all("workingTime" not in r for r in everything[1]["orderReports"])
        second = client.order_place(**resting)
        replaced = client.order_cancel_replace(
            symbol="BTCUSDT", cancel_replace_mode="STOP_ON_FAILURE", cancel_order_id=second["orderId"],
            side="BUY", type="LIMIT", time_in_force="GTC", price="39000", quantity="0.001",
        )
        assert "workingTime" not in replaced["cancelResponse"] and "workingTime" in replaced["newOrderResponse"]


def test_params_that_are_not_an_object_get_productions_text(raw: Raw) -> None:
    """-1135 for a non-object params reads as production's: "Invalid 'params' in JSON request; expected an object."."""
    assert raw.send({"id": "x", "method": "ping", "params": [1]})["error"] == {
        "code": -1135,
        "msg": "Invalid 'params' in JSON request; expected an object.",
    }


def test_all_order_lists_ignores_from_id_when_a_time_window_is_given(exchange: LocalExchange, account: LocalAccount) -> None:
    """allOrderLists: "If startTime and/or endTime are specified, fromId is ignored.\""""
    oco = {"symbol": "BTCUSDT", "side": "SELL", "quantity": "0.001", "above_type": "LIMIT_MAKER", "above_price": "60000",
           "below_type": "STOP_LOSS", "below_stop_price": "40000"}
    with exchange.client(account) as client:
        ids = [client.order_list_place_oco(**oco)["orderListId"] for _ in range(3)]
        by_id = client.all_order_lists(from_id=ids[2])
        assert [ol["orderListId"] for ol in by_id] == [ids[2]]
        windowed = client.all_order_lists(from_id=ids[2], start_time=exchange.now_ms() - 60_000)
        assert sorted(ol["orderListId"] for ol in windowed) == sorted(ids)


@pytest.mark.parametrize("field, value", [("quantity", "0.000010001"), ("price", "50000.000000001")])
def test_a_value_finer_than_the_assets_precision_is_bad_precision_not_a_filter_failure(
    exchange: LocalExchange, raw: Raw, hmac_account: LocalAccount, field: str, value: str
) -> None:
    """More decimals than the 8 the assets have gets -1111 ("has too much precision") before LOT_SIZE / PRICE_FILTER."""
    params = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "50000", "quantity": "0.001"}
    reply = raw.signed(hmac_account, "order.place", {**params, field: value}, exchange)
    assert reply["error"] == {"code": -1111, "msg": f"Parameter '{field}' has too much precision."}
    within = raw.signed(hmac_account, "order.place", {**params, field: value[:-2] + "1"}, exchange)  # 8 decimals, off-step
    assert within["error"]["code"] == -1013  # only now a filter failure


@pytest.mark.parametrize("method", ["ticker.price", "ticker.book", "ticker.24hr", "exchangeInfo", "executionRules"])
def test_an_array_sent_as_json_text_is_read_as_the_array(raw: Raw, method: str) -> None:
    """symbols as JSON text ("[\\"BTCUSDT\\"]", as REST takes it and binance-sdk-spot sends it) reads as the list."""
    as_list = raw.call(method, {"symbols": ["BTCUSDT", "ETHUSDT"]})
    as_text = raw.call(method, {"symbols": '["BTCUSDT","ETHUSDT"]'})
    assert as_list["status"] == as_text["status"] == 200, as_text
    assert json.dumps(as_text["result"], sort_keys=True).count("BTCUSDT") == json.dumps(as_list["result"], sort_keys=True).count("BTCUSDT") > 0
    assert raw.call(method, {"symbols": "[not json"})["error"]["code"] == -1130


def test_permissions_take_a_list_json_text_or_one_name(raw: Raw) -> None:
    """exchangeInfo permissions: "accepts either a list of permissions, or a single permission name"."""
    for permissions in (["SPOT"], '["SPOT"]', "SPOT"):
        assert raw.call("exchangeInfo", {"permissions": permissions})["result"]["symbols"], permissions


def _frames_after_an_order(exchange: LocalExchange, account: LocalAccount) -> list[str]:
    """What a subscribed raw connection receives after one market order: "answer" or each event's type."""
    connection = Raw(exchange.url)
    try:
        assert connection.signed(account, "userDataStream.subscribe.signature", {}, exchange)["status"] == 200
        params = {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.001", "apiKey": account.api_key,
                  "timestamp": exchange.now_ms()}
        params["signature"] = HmacSigner(account.api_secret).sign(signature_payload(params))
        connection.ws.send(json.dumps({"id": "o1", "method": "order.place", "params": params}))
        seen: list[str] = []
        while "answer" not in seen or len(seen) < 4:  # NEW, TRADE, outboundAccountPosition and the answer
            msg = json.loads(connection.ws.recv())
            seen.append("answer" if msg.get("id") == "o1" else msg["event"]["e"])
        return seen
    finally:
        connection.ws.close()


@pytest.mark.parametrize("order", ["events_first", "answer_first"])
def test_event_order_puts_a_requests_events_before_or_after_its_answer(make_exchange: Any, order: str) -> None:
    """event_order="events_first" (the default, as production often does) sends the events first; "answer_first" after."""
    exchange = make_exchange(event_order=order)
    account = exchange.create_account({"USDT": "10000"}, key_type="hmac")
    seen = _frames_after_an_order(exchange, account)
    assert seen.index("answer") == (len(seen) - 1 if order == "events_first" else 0), seen


def test_a_random_event_order_is_reproducible_with_its_seed(make_exchange: Any) -> None:
    """event_order="random" mixes both orders, the same way each time for one seed."""
    runs = []
    for _ in range(2):
        exchange = make_exchange(event_order="random", seed=7)
        account = exchange.create_account({"USDT": "10000"}, key_type="hmac")
        runs.append(["first" if _frames_after_an_order(exchange, account)[0] == "answer" else "last" for _ in range(8)])
    assert runs[0] == runs[1] and set(runs[0]) == {"first", "last"}


def test_an_unknown_event_order_is_refused() -> None:
    """A misspelt event_order fails at once, naming the choices."""
    with pytest.raises(ValueError, match="events_first, answer_first, random"):
        LocalExchange(event_order="events-first")
