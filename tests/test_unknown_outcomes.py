"""client.resolve_order: what became of an order whose answer never came."""

from __future__ import annotations

import time
from typing import Any

import pytest

from binance_wsapi import Client, ExecutionStatusUnknown, InvalidRequest, StatusUnknownTimeout
from binance_wsapi.testing import LocalExchange

pytestmark = pytest.mark.both_schemes

S = "BTCUSDT"


@pytest.fixture
def client(client: Client) -> Client:
    """The conftest client, connected: these tests give calls deadlines too short to include connecting."""
    client.connect()
    return client


def place(client: Client, **extra: Any) -> Any:
    return client.order_place(
        symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.01", **extra
    )


def unknown(call: Any) -> ExecutionStatusUnknown:
    with pytest.raises(ExecutionStatusUnknown) as info:
        call()
    return info.value


def test_order_that_executed_is_found(client: Client, exchange: LocalExchange) -> None:
    """The order went through but its answer was lost: resolve_order returns it, at once."""
    exchange.never_answer("order.place", execute=True, times=1)
    error = unknown(lambda: place(client, timeout=0.3))
    order = client.resolve_order(error)
    assert order is not None and order["clientOrderId"] == error.client_order_id and order["status"] == "NEW"
    assert exchange.request_count("order.place") == 1 and exchange.request_count("order.status") == 1


def test_order_that_never_executed_is_reported_only_once_certain(client: Client, exchange: LocalExchange) -> None:
    """Never executed: None, but only from a lookup made after timestamp + recvWindow + settle."""
    exchange.never_answer("order.place", execute=False, times=1)
    error = unknown(lambda: place(client, timeout=0.2, recv_window=300))
    certain_at = int(error.params["timestamp"]) + 300 + 400
    assert client.resolve_order(error, settle=0.4) is None
    assert exchange.now_ms() >= certain_at
    assert exchange.request_count("order.place") == 1  # looked up, never re-sent
    assert exchange.request_count("order.status") >= 2  # the early lookups proved nothing


def test_order_that_executes_late_is_not_declared_missing(client: Client, exchange: LocalExchange) -> None:
    """An order still on its way when the first lookups run is found once it lands, not called missing."""
    exchange.delay("order.place", 0.6, times=1)
    error = unknown(lambda: place(client, timeout=0.2))
    started = time.monotonic()
    order = client.resolve_order(error, settle=2.0)
    assert order is not None and order["clientOrderId"] == error.client_order_id
    assert time.monotonic() - started >= 0.3  # it had to keep looking
    assert exchange.request_count("order.status") >= 2


def test_order_list_is_looked_up_as_a_list(client: Client, exchange: LocalExchange) -> None:
    """An OCO whose answer was lost is found with orderList.status by its listClientOrderId."""
    exchange.never_answer("orderList.place.oco", execute=True, times=1)
    error = unknown(lambda: client.order_list_place_oco(
        symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="60000",
        below_type="STOP_LOSS", below_stop_price="40000", timeout=0.3))
    found = client.resolve_order(error)
    assert found is not None and found["listClientOrderId"] == error.client_order_id
    assert len(found["orders"]) == 2


def test_missing_order_list_is_reported_once_certain(client: Client, exchange: LocalExchange) -> None:
    """An order list that never executed: orderList.status answers -2018, and then None."""
    exchange.never_answer("orderList.place.oco", execute=False, times=1)
    error = unknown(lambda: client.order_list_place_oco(
        symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="60000",
        below_type="STOP_LOSS", below_stop_price="40000", recv_window=200, timeout=0.2))
    assert client.resolve_order(error, settle=0.2) is None


def test_cancel_with_unknown_outcome_shows_the_order_as_it_stands(client: Client, exchange: LocalExchange) -> None:
    """For a cancel whose answer was lost, the order is returned as it is now: cancelled."""
    order = place(client)
    exchange.never_answer("order.cancel", execute=True, times=1)
    error = unknown(lambda: client.order_cancel(symbol=S, order_id=order["orderId"], timeout=0.3))
    now = client.resolve_order(error)
    assert now is not None and now["orderId"] == order["orderId"] and now["status"] == "CANCELED"


def test_cancel_by_client_id_finds_the_order_under_its_new_id(client: Client, exchange: LocalExchange) -> None:
    """A cancel by origClientOrderId that executed unseen: the order, renamed by the cancel, is found CANCELED."""
    order = place(client)
    exchange.never_answer("order.cancel", execute=True, times=1)
    with pytest.raises(StatusUnknownTimeout) as info:
        client.order_cancel(
            symbol=S, orig_client_order_id=order["clientOrderId"], new_client_order_id="cancel-1", timeout=0.3
        )
    started = time.monotonic()
    now = client.resolve_order(info.value)
    assert now is not None and now["orderId"] == order["orderId"] and now["status"] == "CANCELED"
    assert time.monotonic() - started < 2  # found, not waited out


def test_cancel_by_client_id_that_did_not_execute_shows_the_order(client: Client, exchange: LocalExchange) -> None:
    """A cancel by origClientOrderId that never executed: the order is found by its own id, still open."""
    order = place(client)
    exchange.never_answer("order.cancel", execute=False, times=1)
    error = unknown(lambda: client.order_cancel(symbol=S, orig_client_order_id=order["clientOrderId"], timeout=0.3))
    now = client.resolve_order(error)
    assert now is not None and now["orderId"] == order["orderId"] and now["status"] == "NEW"


def test_named_cancel_by_original_client_id_is_resolved(client: Client, exchange: LocalExchange) -> None:
    """order_cancel by origClientOrderId alone gets a generated new id, so an unseen cancel is found CANCELED."""
    order = place(client)
    exchange.never_answer("order.cancel", execute=True, times=1)
    error = unknown(lambda: client.order_cancel(symbol=S, orig_client_order_id=order["clientOrderId"], timeout=0.3))
    assert error.client_order_id and error.client_order_id != order["clientOrderId"]
    now = client.resolve_order(error)
    assert now is not None and now["orderId"] == order["orderId"] and now["status"] == "CANCELED"


def test_cancel_by_original_client_id_alone_cannot_be_told(client: Client, exchange: LocalExchange) -> None:
    """A raw cancel naming the order only by origClientOrderId renamed it unseen: resolve_order says it cannot tell."""
    order = place(client)
    exchange.never_answer("order.cancel", execute=True, times=1)
    error = unknown(lambda: client.request(
        "order.cancel", {"symbol": S, "origClientOrderId": order["clientOrderId"], "recvWindow": 200}, timeout=0.2))
    with pytest.raises(StatusUnknownTimeout, match="cannot tell whether order.cancel") as info:
        client.resolve_order(error, settle=0.2)
    assert info.value.client_order_id == error.client_order_id and info.value.params == error.params
    assert exchange.now_ms() >= int(error.params["timestamp"]) + 400  # only once it could no longer execute


def test_amend_by_client_id_finds_the_order_under_its_new_id(client: Client, exchange: LocalExchange) -> None:
    """An amend by origClientOrderId that executed unseen: the order is found under the new id, amended."""
    order = place(client)
    exchange.never_answer("order.amend.keepPriority", execute=True, times=1)
    error = unknown(lambda: client.order_amend_keep_priority(
        symbol=S, orig_client_order_id=order["clientOrderId"], new_client_order_id="amended-1", new_qty="0.005",
        timeout=0.3))
    now = client.resolve_order(error)
    assert now is not None and now["orderId"] == order["orderId"] and now["clientOrderId"] == "amended-1"
    assert now["origQty"] == "0.00500000"


def test_order_list_cancel_finds_the_list(client: Client, exchange: LocalExchange) -> None:
    """An orderList.cancel that executed unseen: the list is found (by its new id, else its own), all done."""
    first, second = (client.order_list_place_oco(
        symbol=S, side="SELL", quantity="0.1", above_type="LIMIT_MAKER", above_price="60000",
        below_type="STOP_LOSS", below_stop_price="40000") for _ in range(2))
    exchange.never_answer("orderList.cancel", execute=True, times=2)
    by_client_id = unknown(lambda: client.order_list_cancel(
        symbol=S, list_client_order_id=first["listClientOrderId"], new_client_order_id="list-cancel-1", timeout=0.3))
    by_id = unknown(lambda: client.order_list_cancel(symbol=S, order_list_id=second["orderListId"], timeout=0.3))
    for error, placed in ((by_client_id, first), (by_id, second)):
        found = client.resolve_order(error)
        assert found is not None and found["orderListId"] == placed["orderListId"]
        assert found["listOrderStatus"] == "ALL_DONE"


def test_no_certainty_within_the_deadline_raises(client: Client, exchange: LocalExchange) -> None:
    """If neither found nor certainly missing by the deadline: StatusUnknownTimeout, still resolvable."""
    exchange.never_answer("order.place", execute=False, times=1)
    error = unknown(lambda: place(client, timeout=0.2))
    with pytest.raises(StatusUnknownTimeout) as info:
        client.resolve_order(error, timeout=0.3)
    again = info.value
    assert again.client_order_id == error.client_order_id and again.params == error.params
    assert "could not tell within 0.3 s" in str(again)


def test_what_cannot_be_resolved_is_refused(client: Client, exchange: LocalExchange) -> None:
    """resolve_order refuses other exceptions and methods it cannot look up, saying why."""
    client.order_place(symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.01")
    exchange.never_answer("openOrders.cancelAll", execute=True, times=1)
    error = unknown(lambda: client.open_orders_cancel_all(symbol=S, timeout=0.3))
    with pytest.raises(InvalidRequest, match="cannot resolve openOrders.cancelAll"):
        client.resolve_order(error)
    with pytest.raises(InvalidRequest, match="takes an ExecutionStatusUnknown"):
        client.resolve_order(ValueError("no"))  # type: ignore[arg-type]


def test_resolving_waits_out_a_ban(client: Client, exchange: LocalExchange) -> None:
    """A lookup refused by a 418 ban is retried once the ban lifts, within the deadline."""
    exchange.never_answer("order.place", execute=True, times=1)
    error = unknown(lambda: place(client, timeout=0.3))
    lifts_at = exchange.now_ms() + 300
    exchange.fail("order.status", 418, -1003, "IP banned.", data={"retryAfter": lifts_at}, times=1)
    order = client.resolve_order(error, timeout=5)
    assert order is not None and order["clientOrderId"] == error.client_order_id
    assert exchange.now_ms() >= lifts_at and exchange.request_count("order.status") == 2


def test_resolve_order_asks_the_rest_api_while_no_websocket_can_be_had(exchange: LocalExchange) -> None:
    """With the WebSocket down (upgrades refused), resolve_order finds the order over REST on the same exchange.

    Over wss, REST trusts the CA the client's ssl_context does, with no rest_verify given.
    """
    from .conftest import Kinds

    account = exchange.create_account({"USDT": "10000"}, key_type="hmac")
    kinds = Kinds()
    with exchange.client(account, timeout=5) as client:
        client.add_connection_handler(kinds)
        client.ping()
        exchange.never_answer("order.place", times=1)  # executed; its answer never comes
        error = unknown(lambda: place(client, timeout=0.3))
        exchange.refuse_upgrades(503)
        exchange.drop_connections()
        kinds.wait_for("disconnected")
        order = client.resolve_order(error, timeout=10)
        assert order is not None and order["clientOrderId"] == error.client_order_id and order["status"] == "NEW"
        assert "reconnected" not in [e.kind for e in kinds.items]  # the WebSocket stayed down throughout
        assert exchange.request_count("order.place") == 1
    if exchange.tls:  # REST used a copy of the client's trust: the context itself still trusts one CA only
        context = client._supervisor._ws_options["sslopt"]["context"]
        assert len(context.get_ca_certs()) == 1


def test_resolve_order_still_answers_after_close(exchange: LocalExchange) -> None:
    """An order left unknown by close() can be resolved afterwards: the closed client asks REST."""
    account = exchange.create_account({"USDT": "10000"}, key_type="hmac")
    client = exchange.client(account, timeout=5)
    exchange.never_answer("order.place", times=1)
    error = unknown(lambda: place(client, timeout=0.3))
    client.close()
    order = client.resolve_order(error, timeout=10)
    assert order is not None and order["clientOrderId"] == error.client_order_id


def test_a_rest_lookup_that_finds_nothing_is_order_not_found(exchange: LocalExchange) -> None:
    """REST's -2013 maps to the same OrderNotFound as the WebSocket's; a bad signature to the same -1022 error."""
    from binance_wsapi import OrderNotFound
    from binance_wsapi.rest import RestLookup
    from binance_wsapi.signing import HmacSigner

    account = exchange.create_account({"USDT": "10"}, key_type="hmac")
    lookup = RestLookup(exchange.rest_url, account.api_key, HmacSigner(account.api_secret), 5000, lambda: 0.0,
                        exchange.ca_file or True)
    with pytest.raises(OrderNotFound) as missing:
        lookup.get("order.status", {"symbol": S, "origClientOrderId": "nothing-here"}, 5)
    assert missing.value.code == -2013 and account.api_key not in str(missing.value)
    forged = RestLookup(exchange.rest_url, account.api_key, HmacSigner("x" * 64), 5000, lambda: 0.0,
                        exchange.ca_file or True)
    with pytest.raises(Exception) as refused:
        forged.get("order.status", {"symbol": S, "orderId": 1}, 5)
    assert getattr(refused.value, "code", None) == -1022
