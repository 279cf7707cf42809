"""Finding out what became of a request whose outcome is unknown (`Client.resolve_order`).

An `ExecutionStatusUnknown` carries the request's method and params (secrets removed). The
order it placed, cancelled or amended can be looked up with ``order.status`` (or
``orderList.status``) by its client order id. Finding it settles the question. Not finding
it settles it only once the request can no longer reach the matching engine:

* Binance forwards a request to the matching engine only while
  ``serverTime - timestamp <= recvWindow`` (checked again just before forwarding), and
* waits at most 10 s for the matching engine's answer ("APIs have a timeout of 10 seconds
  when processing a request", web-socket-api.md), after which its effect is visible.

So "not placed" is certain when a lookup *sent after* server time
``timestamp + recvWindow + settle`` (settle defaults to those 10 s) still finds nothing.
Before that, a lookup that finds nothing proves nothing, and the resolver keeps looking.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Mapping, Optional

from .config import check_seconds
from .exceptions import (
    BackendTimeout,
    ConnectFailed,
    ConnectionLost,
    ExecutionStatusUnknown,
    InvalidRequest,
    OrderNotFound,
    IPBanned,
    RateLimited,
    RequestTimeout,
    ServerError,
    UnexpectedResponse,
    status_unknown,
)

if TYPE_CHECKING:
    from .client import Client

__all__ = ["ENGINE_TIMEOUT", "resolve_order"]

#: Seconds Binance waits for the matching engine before answering -1007 (web-socket-api.md).
ENGINE_TIMEOUT = 10.0
_DEFAULT_RECV_WINDOW = 5000
# Failures of a lookup worth another try (a lookup is safe to repeat); anything else is raised.
_TRANSIENT = (
    RequestTimeout, ConnectionLost, ConnectFailed, ServerError, BackendTimeout, UnexpectedResponse, RateLimited, IPBanned
)
# Lookups while the outcome may still change: first soon, then less often.
_FIRST_POLL, _MAX_POLL = 0.1, 1.0

# method -> (lookup method, the lookup's id param, where the id is in the original params)
_ORDER_LIST = ("orderList.status", "origClientOrderId", "listClientOrderId")
_LOOKUPS: dict[str, tuple[str, str, str]] = {
    "order.place": ("order.status", "origClientOrderId", "newClientOrderId"),
    "sor.order.place": ("order.status", "origClientOrderId", "newClientOrderId"),
    "order.cancelReplace": ("order.status", "origClientOrderId", "newClientOrderId"),
    "order.cancel": ("order.status", "origClientOrderId", "origClientOrderId"),
    "order.amend.keepPriority": ("order.status", "origClientOrderId", "origClientOrderId"),
    "orderList.place": _ORDER_LIST,
    "orderList.place.oco": _ORDER_LIST,
    "orderList.place.oto": _ORDER_LIST,
    "orderList.place.otoco": _ORDER_LIST,
    "orderList.place.opo": _ORDER_LIST,
    "orderList.place.opoco": _ORDER_LIST,
    "orderList.cancel": _ORDER_LIST,
}
# Looked up by exchange id when the request named its target that way.
_BY_ID = {"order.cancel": "orderId", "order.amend.keepPriority": "orderId", "orderList.cancel": "orderListId"}


def resolve_order(
    client: Client, error: ExecutionStatusUnknown, timeout: Optional[float], settle: float, *, default_timeout: bool
) -> Optional[dict[str, Any]]:
    """The order (or order list) `error`'s request acted on, or None if it certainly never existed.

    Raises StatusUnknownTimeout if neither is certain within `timeout` seconds (None: no
    limit). With `default_timeout`, the limit is as long as certainty takes plus `timeout`.
    """
    if not isinstance(error, ExecutionStatusUnknown):
        raise InvalidRequest(f"resolve_order takes an ExecutionStatusUnknown, not {type(error).__name__}")
    settle = check_seconds(settle, "settle", zero=True, hint=" (how long Binance may take to execute)")
    method = error.method or ""
    lookup = _lookup(method, error.params)
    settled_at = _settled_at(error.params, settle)
    if default_timeout and timeout is not None and settled_at is not None:
        timeout += max(0.0, (settled_at - _server_ms(client)) / 1000)
    deadline = float("inf") if timeout is None else time.monotonic() + timeout
    poll = _FIRST_POLL
    last: Optional[BaseException] = None
    while True:
        sent_at = _server_ms(client)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            # A default timeout grows by the settle time, possibly past what one wait may take.
            wait = None if remaining == float("inf") else min(remaining, threading.TIMEOUT_MAX)
            answer = client.request(lookup[0], lookup[1], timeout=wait)
            return answer.result  # type: ignore[no-any-return]
        except OrderNotFound as exc:
            if settled_at is not None and sent_at >= settled_at:
                return None  # asked after the last moment it could have executed: it did not
            last = exc
        except _TRANSIENT as exc:
            last = exc
        pause = poll
        retry_after = getattr(last, "retry_after", None)
        if retry_after is not None:  # rate limited or banned: no lookup can go before then
            pause = max(pause, (retry_after - _server_ms(client)) / 1000)
        elif settled_at is not None:
            pause = min(pause, max(0.0, (settled_at - _server_ms(client)) / 1000) + 0.001)
        pause = min(pause, deadline - time.monotonic())
        if pause > 0:
            time.sleep(pause)  # waiting for the outcome to settle is the point here
        poll = min(poll * 2, _MAX_POLL)
    target = f" {error.client_order_id!r}" if error.client_order_id else ""
    reason = f"; last lookup: {last}" if last is not None else ""
    unresolved = status_unknown(
        RequestTimeout,
        f"could not tell within {timeout:g} s whether {method}{target} executed{reason}",
        params=error.params,
        client_order_id=error.client_order_id,
        method=method,
        request_id=error.request_id,
    )
    raise unresolved from last


def _lookup(method: str, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The status request that finds what `method` with `params` acted on."""
    found = _LOOKUPS.get(method)
    if found is None:
        supported = ", ".join(sorted(_LOOKUPS))
        raise InvalidRequest(f"cannot resolve {method or 'this request'}: resolve_order knows {supported}")
    status_method, id_param, source = found
    query: dict[str, Any] = {}
    if status_method == "order.status":
        if "symbol" not in params:
            raise InvalidRequest(f"cannot resolve {method}: its params have no symbol")
        query["symbol"] = params["symbol"]
    if method == "order.cancelReplace" and source not in params:
        raise InvalidRequest("cannot resolve order.cancelReplace without the new order's newClientOrderId")
    if source in params:
        query[id_param] = params[source]
    elif method in _BY_ID and _BY_ID[method] in params:
        query[_BY_ID[method]] = params[_BY_ID[method]]
    else:
        raise InvalidRequest(
            f"cannot resolve {method}: it was sent without {source}; pass one (named calls generate it)"
        )
    return status_method, query


def _settled_at(params: Mapping[str, Any], settle: float) -> Optional[float]:
    """Server time (ms) after which the request can no longer execute; None if unknown."""
    try:
        timestamp = Decimal(str(params["timestamp"]))
        window = Decimal(str(params.get("recvWindow", _DEFAULT_RECV_WINDOW)))
    except (KeyError, InvalidOperation):
        return None
    if timestamp > 10**14:  # sent in microseconds
        timestamp /= 1000
    return float(timestamp + window) + settle * 1000


def _server_ms(client: Client) -> float:
    return time.time() * 1000 + client.clock_offset * 1000
