"""The exception tree and the one function that maps wire errors to it."""

from __future__ import annotations

import pickle
import re

import pytest

import binance_wsapi
from binance_wsapi import exceptions as exc_module
from binance_wsapi.exceptions import (
    APIError,
    BackendTimeout,
    BinanceWSAPIError,
    ClientClosed,
    ConnectionLost,
    ExecutionStatusUnknown,
    InvalidAPIKey,
    InvalidParameter,
    InvalidSignature,
    InvalidTimestamp,
    IOThreadDied,
    IPBanned,
    OrderNotFound,
    OrderRejected,
    RateLimited,
    RequestRejected,
    RequestTimeout,
    ServerError,
    StatusUnknownBackendTimeout,
    StatusUnknownClientClosed,
    StatusUnknownServerError,
    StatusUnknownTimeout,
    TooManyOrders,
    UnexpectedResponse,
    WAFBlocked,
    error_from_response,
    status_unknown,
)


@pytest.mark.parametrize(
    "status, code, expected",
    [
        (429, -1003, RateLimited),
        (429, -1015, TooManyOrders),
        (418, -1003, IPBanned),
        (403, None, WAFBlocked),
        (500, -1000, ServerError),
        (503, -1001, ServerError),
        (400, -1006, UnexpectedResponse),
        (400, -1007, BackendTimeout),
        (400, -1013, RequestRejected),
        (400, -1021, InvalidTimestamp),
        (400, -1022, InvalidSignature),
        (401, -2015, InvalidAPIKey),
        (400, -2014, InvalidAPIKey),
        (400, -1102, InvalidParameter),
        (400, -1104, InvalidParameter),
        (400, -2010, OrderRejected),
        (400, -2013, OrderNotFound),
        (400, -9999, APIError),
    ],
)
def test_wire_errors_map_to_classes(status: int, code: int, expected: type) -> None:
    """Status decides first (5xx, 418, 429, 403), then the code table, then APIError."""
    error = error_from_response(status, {"code": code, "msg": "m"}, request_id=7, method="depth")
    assert type(error) is expected
    assert (error.status, error.code, error.msg, error.request_id, error.method) == (status, code, "m", 7, "depth")
    assert not isinstance(error, ExecutionStatusUnknown)


def test_rate_limit_errors_carry_retry_after() -> None:
    """retryAfter from error.data is exposed as retry_after (epoch ms)."""
    data = {"serverTime": 1659142907531, "retryAfter": 1659146400000}
    error = error_from_response(418, {"code": -1003, "msg": "banned", "data": data})
    assert isinstance(error, IPBanned) and error.retry_after == 1659146400000
    assert error_from_response(429, {"code": -1003, "msg": "slow down"}).retry_after is None


@pytest.mark.parametrize(
    "status, code, combined, cause",
    [
        (500, -1000, StatusUnknownServerError, ServerError),
        (400, -1007, StatusUnknownBackendTimeout, BackendTimeout),
        (400, -1006, exc_module.StatusUnknownUnexpectedResponse, UnexpectedResponse),
    ],
)
def test_open_outcomes_of_state_changing_requests_are_unknown(status: int, code: int, combined: type, cause: type) -> None:
    """5xx, -1006 and -1007 on an order are both ExecutionStatusUnknown and their cause."""
    params = {"symbol": "BTCUSDT", "apiKey": "k", "signature": "s", "newClientOrderId": "abc"}
    error = error_from_response(
        status, {"code": code, "msg": "m"}, method="order.place", state_changing=True, params=params, client_order_id="abc"
    )
    assert type(error) is combined
    assert isinstance(error, ExecutionStatusUnknown) and isinstance(error, cause)
    assert error.params == {"symbol": "BTCUSDT", "newClientOrderId": "abc"}
    assert error.client_order_id == "abc"


def test_definitive_rejections_of_orders_are_not_unknown() -> None:
    """-2010 on an order is a rejection: it did not execute."""
    error = error_from_response(400, {"code": -2010, "msg": "no"}, state_changing=True)
    assert type(error) is OrderRejected


def test_status_unknown_combines_local_causes() -> None:
    """Timeouts and closes combine with ExecutionStatusUnknown too, subclasses included."""
    timeout = status_unknown(RequestTimeout, "late", params={"apiKey": "k", "a": 1}, client_order_id="c", method="m")
    assert type(timeout) is StatusUnknownTimeout and isinstance(timeout, TimeoutError)
    assert timeout.params == {"a": 1}
    died = status_unknown(IOThreadDied, "died", params={}, client_order_id=None)
    assert type(died) is StatusUnknownClientClosed and isinstance(died, ClientClosed)


def test_request_timeout_is_a_builtin_timeout_error() -> None:
    """`except TimeoutError` catches RequestTimeout."""
    assert issubclass(RequestTimeout, TimeoutError)
    assert RequestTimeout("x", sent=False).sent is False


@pytest.mark.parametrize(
    "error",
    [
        APIError(400, -1102, "missing", {"k": 1}, 3, method="depth"),
        status_unknown(ConnectionLost, "lost", params={"a": 1}, client_order_id="c", method="order.place"),
        error_from_response(503, {"code": -1001, "msg": "m"}, state_changing=True, params={"x": 1}),
        RequestTimeout("t", sent=False, method="ping", request_id=1),
    ],
)
def test_exceptions_pickle(error: BinanceWSAPIError) -> None:
    """Exceptions survive pickling (e.g. across process pools) with their attributes."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error) and vars(copy) == vars(error)


def test_the_docstring_tree_names_every_exception() -> None:
    """The module docstring draws every exception class exported."""
    drawn = set(re.findall(r"\b([A-Z][A-Za-z]+)\b", exc_module.__doc__ or ""))
    classes = {n for n in exc_module.__all__ if isinstance(getattr(exc_module, n), type)}
    assert classes <= drawn, classes - drawn
    assert all(issubclass(getattr(exc_module, n), BinanceWSAPIError) for n in classes)
    assert classes <= set(binance_wsapi.__all__)
