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

A request that acts on an existing order (``order.cancel``, ``order.amend.keepPriority``,
``orderList.cancel``) names it by ``orderId`` (``orderListId``) or by its client id,
``origClientOrderId`` (``listClientOrderId``); its own ``newClientOrderId`` is the id the
order carries *after* it executed ("New ID for the canceled order. Automatically generated
if not sent"). So the order is looked up by its exchange id when the request gave one (it
never changes), else by the new client id and then the original one. A request that named
the order by its original client id alone cannot be resolved once that id finds nothing:
the request may have executed and renamed the order to an id Binance chose, so not finding
it proves nothing either way, and the resolver says so at the moment it would otherwise
have answered None.

For ``order.cancelReplace`` "the order" is the *new* one, looked up by ``newClientOrderId``:
placing it is what the request may have done without the caller knowing, and a None answer
means it was certainly not placed. Whether the cancel half executed is a separate question,
answered by ``order.status`` of the cancelled order (by ``cancelOrderId``, or by
``cancelNewClientOrderId`` once cancelled).

`UnknownOutcomes` keeps what `Client.unknown_outcomes` lists: requests that raised
ExecutionStatusUnknown, and state-changing requests whose caller was interrupted
(KeyboardInterrupt) while they were in flight.
"""

from __future__ import annotations

import collections
import copy
import logging
import threading
import time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Deque, Mapping, NamedTuple, Optional

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
    from .client import _ClientBase
    from .request import Pending

__all__ = ["ENGINE_TIMEOUT", "UnknownOutcomes", "resolve_order"]

log = logging.getLogger("binance_wsapi")

#: Seconds Binance waits for the matching engine before answering -1007 (web-socket-api.md).
ENGINE_TIMEOUT = 10.0
_DEFAULT_RECV_WINDOW = 5000
# Failures of a lookup worth another try (a lookup is safe to repeat); anything else is raised.
_TRANSIENT = (
    RequestTimeout, ConnectionLost, ConnectFailed, ServerError, BackendTimeout, UnexpectedResponse, RateLimited, IPBanned
)
# One REST lookup's own limit (the loop tries again until the caller's deadline).
_REST_WAIT = 5.0
# How long a lookup waits for a WebSocket connection before it asks REST instead.
_WEBSOCKET_WAIT = 2.0
# Lookups while the outcome may still change: first soon, then less often.
_FIRST_POLL, _MAX_POLL = 0.1, 1.0

# Requests that create an order (list): method -> (lookup method, where its client id is in the params).
_NEW_ORDER = ("order.status", "newClientOrderId")
_NEW_LIST = ("orderList.status", "listClientOrderId")
_CREATES: dict[str, tuple[str, str]] = {
    "order.place": _NEW_ORDER,
    "sor.order.place": _NEW_ORDER,
    "order.cancelReplace": _NEW_ORDER,  # the new order: see the module docstring
    "orderList.place": _NEW_LIST,
    "orderList.place.oco": _NEW_LIST,
    "orderList.place.oto": _NEW_LIST,
    "orderList.place.otoco": _NEW_LIST,
    "orderList.place.opo": _NEW_LIST,
    "orderList.place.opoco": _NEW_LIST,
}
# Requests that act on an existing order (list): method -> (lookup method, its exchange id param
# (the same name in the request and the lookup), where its client id is in the params). The id
# the order has once the request executed is the request's newClientOrderId.
_TARGETS: dict[str, tuple[str, str, str]] = {
    "order.cancel": ("order.status", "orderId", "origClientOrderId"),
    "order.amend.keepPriority": ("order.status", "orderId", "origClientOrderId"),
    "orderList.cancel": ("orderList.status", "orderListId", "listClientOrderId"),
}

# The futures APIs: an order is placed with newClientOrderId, cancelled or modified by orderId or
# origClientOrderId, and neither renames it (no newClientOrderId), so finding nothing by its
# client id, once the request can no longer execute, settles it. Algo orders (USDⓈ-M) are
# placed with clientAlgoId and cancelled by algoId or clientAlgoId; the WebSocket API has no
# method to look them up, so their lookup, "algoOrder.status", goes over REST (see `_REST_ONLY`).
_FUTURES_CREATES: dict[str, tuple[str, str]] = {
    "order.place": _NEW_ORDER,
    "algoOrder.place": ("algoOrder.status", "clientAlgoId"),
}
_FUTURES_TARGETS: dict[str, tuple[str, str, str]] = {
    "order.cancel": ("order.status", "orderId", "origClientOrderId"),
    "order.modify": ("order.status", "orderId", "origClientOrderId"),
    "algoOrder.cancel": ("algoOrder.status", "algoId", "clientAlgoId"),
}
# Lookup methods that exist on REST only, and the name each looks an order up by its client id with.
_REST_ONLY = frozenset({"algoOrder.status"})
_CLIENT_ID_PARAM = {"algoOrder.status": "clientAlgoId"}
#: Per API (a `Venue`'s name): what creates an order, what acts on one, and whether acting renames it.
_TABLES: dict[str, tuple[Mapping[str, tuple[str, str]], Mapping[str, tuple[str, str, str]], bool]] = {
    "spot": (_CREATES, _TARGETS, True),
    "usdm": (_FUTURES_CREATES, _FUTURES_TARGETS, False),
    "coinm": (_FUTURES_CREATES, _FUTURES_TARGETS, False),
}


class _Plan(NamedTuple):
    """How to find what a request acted on: `method` with each of `queries` in turn."""

    method: str
    queries: tuple[dict[str, Any], ...]
    #: Why finding nothing, even once the request can no longer execute, proves nothing; "" if it does.
    inconclusive: str = ""


def resolve_order(
    client: _ClientBase, error: ExecutionStatusUnknown, timeout: Optional[float], settle: float, *, default_timeout: bool
) -> Optional[dict[str, Any]]:
    """The order (or order list) `error`'s request acted on, or None if it certainly never existed.

    Raises StatusUnknownTimeout if neither is certain within `timeout` seconds (None: no
    limit), or at once when it cannot become certain (a cancel or amend that named the order
    only by its original client id, see the module docstring). With `default_timeout`, the
    limit is as long as certainty takes plus `timeout`.
    """
    if not isinstance(error, ExecutionStatusUnknown):
        raise InvalidRequest(f"resolve_order takes an ExecutionStatusUnknown, not {type(error).__name__}")
    settle = check_seconds(settle, "settle", zero=True, hint=" (how long Binance may take to execute)")
    method = error.method or ""
    plan = _plan(method, error.params, client.venue.name)
    if plan.method in _REST_ONLY and client._rest is None:
        raise InvalidRequest(f"cannot resolve {method}: its lookup is REST only, and this client has no credentials")
    settled_at = _settled_at(error.params, settle)
    if default_timeout and timeout is not None and settled_at is not None:
        timeout += max(0.0, (settled_at - _server_ms(client)) / 1000)
    deadline = float("inf") if timeout is None else time.monotonic() + timeout
    poll = _FIRST_POLL
    last: Optional[BaseException] = None
    target = f" {error.client_order_id!r}" if error.client_order_id else ""
    while True:
        sent_at = _server_ms(client)
        missing = 0
        for query in plan.queries:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                rest = client._rest
                if rest is not None and (plan.method in _REST_ONLY or not _websocket_within(client, remaining)):
                    # No WebSocket connection now: the REST API is the same engine by another door.
                    left = deadline - time.monotonic()  # waiting for the WebSocket took some
                    if left <= 0:
                        break
                    return rest.get(plan.method, query, min(left, _REST_WAIT))  # type: ignore[no-any-return]
                # Measured after any wait above. A default timeout grows by the settle time,
                # possibly past what one wait may take.
                remaining = max(0.001, deadline - time.monotonic())
                wait = None if remaining == float("inf") else min(remaining, threading.TIMEOUT_MAX)
                # Not client.request: a lookup that finds nothing is not one of the caller's errors.
                answer = client._wait(client._submit(plan.method, query, wait, unwrap=False, count_errors=False))
                return answer.result  # type: ignore[no-any-return]
            except OrderNotFound as exc:
                missing += 1
                last = exc
            except _TRANSIENT as exc:
                last = exc
        if missing == len(plan.queries) and settled_at is not None and sent_at >= settled_at:
            # Asked after the last moment it could have executed, and found under no id it could have.
            if not plan.inconclusive:
                return None
            raise _unresolved(error, f"cannot tell whether {method}{target} executed: {plan.inconclusive}") from last
        if deadline - time.monotonic() <= 0:
            break
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
    reason = f"; last lookup: {last}" if last is not None else ""
    raise _unresolved(error, f"could not tell within {timeout:g} s whether {method}{target} executed{reason}") from last


def _websocket_within(client: _ClientBase, wait: float) -> bool:
    """Whether a WebSocket connection is up, or comes up soon (an idle client connects on demand);
    `wait` may be infinite."""
    supervisor = client._supervisor
    if supervisor.active is not None:
        return True
    if supervisor.closed is not None:  # closed: no WebSocket ever again, but REST still answers
        return False
    try:
        supervisor.wait_connected(min(wait, _WEBSOCKET_WAIT))
    except ConnectFailed:
        return False
    return True


def _unresolved(error: ExecutionStatusUnknown, message: str) -> BaseException:
    """The StatusUnknownTimeout saying `error`'s outcome is still unknown, carrying its request."""
    return status_unknown(
        RequestTimeout,
        message,
        params=error.params,
        client_order_id=error.client_order_id,
        method=error.method or "",
        request_id=error.request_id,
    )


def _plan(method: str, params: Mapping[str, Any], api: str = "spot") -> _Plan:
    """The status requests that find what `method` with `params` acted on, on `api` (a venue name)."""
    creates, targets, renames = _TABLES[api]
    if method in creates:
        status_method, source = creates[method]
        base = _base(method, status_method, params)
        if source not in params:
            what = "the new order's " if method == "order.cancelReplace" else ""
            raise InvalidRequest(
                f"cannot resolve {method}: it was sent without {what}{source}; pass one (named calls generate it)"
            )
        return _Plan(status_method, ({**base, _CLIENT_ID_PARAM.get(status_method, "origClientOrderId"): params[source]},))
    if method in targets:
        status_method, exchange_id, source = targets[method]
        base = _base(method, status_method, params)
        if params.get(exchange_id) is not None:  # never changes: finds the order before and after
            return _Plan(status_method, ({**base, exchange_id: params[exchange_id]},))
        if params.get(source) is None:
            raise InvalidRequest(f"cannot resolve {method}: it was sent without {exchange_id} or {source}")
        original, renamed = params[source], params.get("newClientOrderId")
        if renamed is not None and renamed != original:  # what it is called before, and after
            queries = ({**base, "origClientOrderId": renamed}, {**base, "origClientOrderId": original})
            return _Plan(status_method, queries)
        if not renames:
            return _Plan(status_method, ({**base, _CLIENT_ID_PARAM.get(status_method, "origClientOrderId"): original},))
        what = "order list" if status_method == "orderList.status" else "order"
        why = (
            f"no {what} has {source} {original!r} any more, and {method} gives the {what} it executes on "
            f"a new id (its newClientOrderId, chosen by Binance when not sent), so either it executed or "
            f"there was no such {what}. Look the {what} up by {exchange_id}; sent with "
            f"{_snake(exchange_id)} or new_client_order_id, {method} can be resolved"
        )
        return _Plan(status_method, ({**base, "origClientOrderId": original},), inconclusive=why)
    known = ", ".join(sorted({*creates, *targets}))
    raise InvalidRequest(f"cannot resolve {method or 'this request'}: resolve_order knows {known}")


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


def _base(method: str, status_method: str, params: Mapping[str, Any]) -> dict[str, Any]:
    if status_method != "order.status":
        return {}
    if "symbol" not in params:
        raise InvalidRequest(f"cannot resolve {method}: its params have no symbol")
    return {"symbol": params["symbol"]}


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


def _server_ms(client: _ClientBase) -> float:
    return time.time() * 1000 + client.clock_offset * 1000


class UnknownOutcomes:
    """The last `size` requests whose caller does not know what became of them, oldest first.

    Behind `Client.unknown_outcomes`: each entry is an ExecutionStatusUnknown, ready for
    `Client.resolve_order`. Appending to a bounded deque is thread-safe and costs nothing
    unless a request ends that way.
    """

    __slots__ = ("_entries", "_api")

    def __init__(self, size: int = 100, api: str = "spot") -> None:
        self._entries: Deque[ExecutionStatusUnknown] = collections.deque(maxlen=size)
        self._api = api  # a venue's name: which requests resolve_order can look up

    def entries(self) -> tuple[ExecutionStatusUnknown, ...]:
        return tuple(self._entries)

    def failed(self, error: ExecutionStatusUnknown) -> None:
        """Keep a request that raised `error` (a copy: the raised one's traceback holds frames)."""
        self._entries.append(copy.copy(error))

    def interrupted(self, pending: Pending, exc: BaseException) -> None:
        """The caller waiting for state-changing `pending` was interrupted by `exc` (Ctrl-C), and
        the request was taken back. Unless it certainly did not execute, keep it, log a warning,
        and note on `exc` how to find out what became of it."""
        if pending.failed and not isinstance(pending.outcome, ExecutionStatusUnknown):
            return  # never sent, or refused with a definite answer: it did not execute
        # Otherwise it was sent: its answer is still due, lost, or arrived just now unseen.
        cid = pending.client_order_id
        ids = f"client order id {cid!r}, request id {pending.id!r}" if cid else f"request id {pending.id!r}"
        text = (
            f"{pending.method} ({ids}) was interrupted by {type(exc).__name__} while in flight: "
            "its outcome is unknown and it may have executed. "
        )
        try:
            _plan(pending.method, pending.params, self._api)
        except InvalidRequest as why:
            text += (
                f"It is listed in client.unknown_outcomes, but {why}; check the account's orders "
                "(client.open_orders_status) before sending it again."
            )
        else:
            text += (
                "Find out what became of it with client.resolve_order(entry), its entry being the "
                "last of client.unknown_outcomes now (client.unknown_outcomes[-1])."
            )
        entry = status_unknown(
            RequestTimeout, text, params=pending.params, client_order_id=cid, method=pending.method,
            request_id=pending.id,
        )
        assert isinstance(entry, ExecutionStatusUnknown)
        self._entries.append(entry)
        log.warning("%s", text)
        if hasattr(exc, "add_note"):  # Python 3.11+
            exc.add_note(text)
