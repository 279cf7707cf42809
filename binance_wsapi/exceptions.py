"""Every exception binance_wsapi raises, in one tree.

    BinanceWSAPIError
    ├── InvalidRequest (also ValueError)   bad input, caught before anything was sent
    ├── ClientClosed                       the client was closed; nothing more is sent
    │   └── IOThreadDied                   ...because a library thread failed (the cause is chained)
    ├── ConnectFailed                      could not connect or log on
    ├── ConnectionLost                     the connection dropped while the request was in flight
    ├── RequestTimeout (also TimeoutError) no answer before the call's deadline
    ├── ExecutionStatusUnknown             a state-changing request may or may not have executed
    ├── StreamEnded                        a user data stream delivers no more events
    │   ├── StreamClosed                   ...because it or its client was closed
    │   ├── StreamTerminated               ...because Binance ended it (eventStreamTerminated)
    │   ├── SessionRevoked                 ...because the API key stopped being valid (401, -2015)
    │   └── StreamOverflow                 ...because the consumer fell behind (on_overflow="raise")
    ├── StreamTimeout (also TimeoutError)  no event arrived within get(timeout=...)
    └── APIError                           Binance answered with an error (status, code, msg)
        ├── RateLimited                    429 (or refused before sending): too much request weight
        │   └── TooManyOrders              -1015: too many new orders
        ├── IPBanned                       418: the IP is banned until `retry_after`
        ├── ServerBusy                     -1008: overloaded or throttled; nothing executed
        ├── WAFBlocked                     403
        ├── ServerError                    5xx: the request may or may not have executed
        ├── UnexpectedResponse             -1006 (futures: also -1000): execution status unknown
        ├── BackendTimeout                 -1007: execution status unknown
        ├── AuthenticationError            -1002, -1022, -2014, -2015
        │   ├── InvalidSignature           -1022
        │   └── InvalidAPIKey              -2014, -2015
        ├── InvalidTimestamp               -1021 (futures: also -5028, CM -4188)
        ├── InvalidParameter               -1100 ... -1199 (bad, missing or unknown parameters)
        ├── RequestRejected                -1013: rejected before the matching engine (filters;
        │                                  futures: -4003 ... -4024, -4131, -4164 and CM's twins)
        ├── OrderRejected                  -2010 (futures: -2020, -2024 ... -2028, -5021, -5022...)
        │   ├── MarginInsufficient         futures -2019 (and -2018, "Balance is insufficient.")
        │   ├── ReduceOnlyRejected         futures -2022, -2026, -4062, -4118 (CM -4112)
        │   ├── PositionSideMismatch       futures -4061: positionSide against the position mode
        │   ├── WouldTriggerImmediately    futures -2021, -4142
        │   └── OrderTypeNotSupported      futures -4120: conditional types go to algoOrder.place
        ├── CancelRejected                 -2011
        └── OrderNotFound                  -2013 (Spot -2018 for an order list)

Codes are per API: the same number can mean different things on Spot and futures (-2018 is
"order list does not exist" on Spot, "Balance is insufficient." on futures), so each client
maps with its own table (`SPOT_ERROR_CODES`, `FUTURES_ERROR_CODES`).

`ExecutionStatusUnknown` is never raised alone. A state-changing request (an order placed,
cancelled or amended) that may have reached the matching engine without a definitive answer
raises a class that is *both* `ExecutionStatusUnknown` and the specific cause, so either
``except RequestTimeout`` or ``except ExecutionStatusUnknown`` catches it:

    ExecutionStatusUnknown + RequestTimeout     -> StatusUnknownTimeout
    ExecutionStatusUnknown + ConnectionLost     -> StatusUnknownConnectionLost
    ExecutionStatusUnknown + ClientClosed       -> StatusUnknownClientClosed
    ExecutionStatusUnknown + ServerError        -> StatusUnknownServerError
    ExecutionStatusUnknown + UnexpectedResponse -> StatusUnknownUnexpectedResponse
    ExecutionStatusUnknown + BackendTimeout     -> StatusUnknownBackendTimeout

Any other exception from a request means the request did not execute. Wire errors become
exceptions in exactly one place: `error_from_response`.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, TypeVar, Union

RequestId = Union[int, str, None]

__all__ = [
    "APIError",
    "AuthenticationError",
    "FUTURES_ERROR_CODES",
    "SPOT_ERROR_CODES",
    "BackendTimeout",
    "BinanceWSAPIError",
    "CancelRejected",
    "ClientClosed",
    "ConnectFailed",
    "ConnectionLost",
    "ExecutionStatusUnknown",
    "IOThreadDied",
    "IPBanned",
    "InvalidAPIKey",
    "InvalidParameter",
    "InvalidRequest",
    "InvalidSignature",
    "InvalidTimestamp",
    "MarginInsufficient",
    "OrderNotFound",
    "OrderTypeNotSupported",
    "PositionSideMismatch",
    "ReduceOnlyRejected",
    "WouldTriggerImmediately",
    "OrderRejected",
    "RateLimited",
    "RequestRejected",
    "RequestTimeout",
    "ServerBusy",
    "ServerError",
    "SessionRevoked",
    "StatusUnknownBackendTimeout",
    "StatusUnknownClientClosed",
    "StatusUnknownConnectionLost",
    "StatusUnknownServerError",
    "StatusUnknownTimeout",
    "StatusUnknownUnexpectedResponse",
    "StreamClosed",
    "StreamEnded",
    "StreamOverflow",
    "StreamTerminated",
    "StreamTimeout",
    "TooManyOrders",
    "UnexpectedResponse",
    "WAFBlocked",
    "error_from_response",
    "fresh_copy",
    "status_unknown",
]


def _rebuild(cls: type[BinanceWSAPIError], args: tuple[Any, ...], state: dict[str, Any]) -> BinanceWSAPIError:
    exc = cls.__new__(cls, *args)
    Exception.__init__(exc, *args)
    exc.__dict__.update(state)
    return exc


class BinanceWSAPIError(Exception):
    """Base class of every exception raised by binance_wsapi."""

    #: The wire method of the request that failed, when there was one.
    method: Optional[str]
    #: The id the request was sent with, when it was sent.
    request_id: RequestId

    def __init__(self, message: str, *, method: Optional[str] = None, request_id: RequestId = None) -> None:
        super().__init__(message)
        self.method = method
        self.request_id = request_id

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> Any:
        # Keyword-only constructors break the default pickling of exceptions; rebuild from state.
        return (_rebuild, (type(self), self.args, self.__dict__))


E = TypeVar("E", bound=BinanceWSAPIError)


def fresh_copy(error: E) -> E:
    """A copy of a stored error to raise again: each raise gets its own traceback, where
    re-raising the stored one would keep adding to (and holding on to) its frames."""
    copy = type(error)(str(error))
    copy.__cause__ = error.__cause__
    return copy


class InvalidRequest(BinanceWSAPIError, ValueError):
    """The request was refused before anything was sent; the message says what to do instead."""


class ClientClosed(BinanceWSAPIError):
    """The client is closed (by `close()`, by garbage collection, or because a thread failed)."""


class IOThreadDied(ClientClosed):
    """A library thread failed unexpectedly; the client is unusable. The cause is chained."""


class ConnectFailed(BinanceWSAPIError):
    """A connection (TCP, TLS, WebSocket handshake or session logon) could not be established.

    When the server refused the WebSocket upgrade with an HTTP status (429, 418, 503...),
    `status` is that status and `retry_after` the seconds its ``Retry-After`` header asked
    for (None when it gave none); the client does not try again sooner.
    """

    status: Optional[int] = None
    retry_after: Optional[float] = None


class ConnectionLost(BinanceWSAPIError):
    """The connection dropped after the request was sent and before its response arrived."""


class RequestTimeout(BinanceWSAPIError, TimeoutError):
    """No response arrived before the call's deadline.

    `sent` tells whether the request left the client; an unsent request certainly did not execute.
    """

    sent: bool

    def __init__(
        self, message: str, *, sent: bool = True, method: Optional[str] = None, request_id: RequestId = None
    ) -> None:
        super().__init__(message, method=method, request_id=request_id)
        self.sent = sent


class ExecutionStatusUnknown(BinanceWSAPIError):
    """A state-changing request may or may not have executed; query before retrying.

    Always raised combined with its cause (see the module docstring). `params` are the
    parameters as sent, without `apiKey` and `signature`; `client_order_id` is the
    client-side id of the order (or order list) to look it up by.
    """

    params: Mapping[str, Any] = {}
    client_order_id: Optional[str] = None


class StreamEnded(BinanceWSAPIError):
    """A user data stream ended: the events already queued were delivered, no more follow."""


class StreamClosed(StreamEnded):
    """The stream was closed by `close()`, or its client was closed (the cause is chained
    if the client died)."""


class StreamTerminated(StreamEnded):
    """Binance ended the subscription with ``eventStreamTerminated`` (a ``session.logout`` or
    an unsubscribe the stream did not ask for)."""


class SessionRevoked(StreamEnded):
    """Binance revoked the session: the API key is no longer valid for it (status 401, -2015)."""


class StreamOverflow(StreamEnded):
    """The consumer fell behind and the stream's queue filled, with ``on_overflow="raise"``."""


class StreamTimeout(BinanceWSAPIError, TimeoutError):
    """No event arrived within the `timeout` given to `UserDataStream.get`."""


class APIError(BinanceWSAPIError):
    """Binance answered the request with an error status.

    `status` is the HTTP-like status, `code` and `msg` the Binance error code and message,
    `data` the optional extra object (e.g. ``{"serverTime": ..., "retryAfter": ...}``).
    """

    status: int
    code: Optional[int]
    msg: str
    data: Optional[Mapping[str, Any]]
    #: False when the client itself refused to send the request (rate limits, an IP ban).
    sent: bool
    #: The params the error answered, as sent, without apiKey and signature ({} if unknown).
    params: Mapping[str, Any]

    def __init__(
        self,
        status: int,
        code: Optional[int],
        msg: str,
        data: Optional[Mapping[str, Any]] = None,
        request_id: RequestId = None,
        *,
        method: Optional[str] = None,
        message: Optional[str] = None,
        sent: bool = True,
        params: Optional[Mapping[str, Any]] = None,
    ) -> None:
        where = f"{method} " if method else ""
        shown = {k: v for k, v in (params or {}).items() if k not in _CREDENTIALS}
        # What was sent is half of what went wrong: "-1013 Filter failure: LOT_SIZE" means
        # little until it shows quantity=0.30000000000000004.
        sent_text = f"; sent {_render_params(shown)}" if shown else ""
        super().__init__(
            message or f"{where}failed with status {status}, code {code}: {msg} (id={request_id!r}{sent_text})",
            method=method,
            request_id=request_id,
        )
        self.status = status
        self.code = code
        self.msg = msg
        self.data = data
        self.sent = sent
        self.params = shown

    @property
    def retry_after(self) -> Optional[int]:
        """The epoch time in milliseconds after which Binance accepts requests again, if it said."""
        value = (self.data or {}).get("retryAfter")
        return value if isinstance(value, int) else None


class RateLimited(APIError):
    """429: a request-weight or order-count limit was exceeded; back off until `retry_after`.

    Also raised, with ``sent=False``, for a request the client kept back because it would
    have crossed a limit (see the client's ``on_rate_limit``).
    """


class TooManyOrders(RateLimited):
    """-1015: the unfilled order count limit was exceeded."""


class IPBanned(APIError):
    """418: the IP is banned for ignoring 429s, until `retry_after` (epoch milliseconds)."""


class ServerBusy(APIError):
    """-1008: the server is overloaded (Spot) or throttling (futures); nothing executed, retry later.

    Futures exempt reduce-only and close-position orders from this throttling.
    """


class WAFBlocked(APIError):
    """403: the Web Application Firewall blocked the request."""


class ServerError(APIError):
    """5xx: a Binance-side failure. The request may have executed; query before retrying."""


class UnexpectedResponse(APIError):
    """-1006: unexpected response from the message bus (futures: also -1000, unknown error); execution status unknown."""


class BackendTimeout(APIError):
    """-1007: the matching engine did not answer within 10 s; execution status unknown."""


class AuthenticationError(APIError):
    """The API key, its permissions or the signature were rejected."""


class InvalidSignature(AuthenticationError):
    """-1022: the signature does not match the request (wrong secret, or wrong key type)."""


class InvalidAPIKey(AuthenticationError):
    """-2014/-2015: unknown or malformed API key, IP not allowed, or missing permission."""


class InvalidTimestamp(APIError):
    """-1021: the timestamp is outside recvWindow, or ahead of the server's clock."""


class InvalidParameter(APIError):
    """-11xx: a parameter was missing, unknown, malformed or in a bad combination."""


class RequestRejected(APIError):
    """-1013: rejected before reaching the matching engine, e.g. a filter failure."""


class OrderRejected(APIError):
    """-2010: the matching engine rejected the new order (balance, filters, would-trigger...)."""


class MarginInsufficient(OrderRejected):
    """Futures -2019 "Margin is insufficient." (-2018 "Balance is insufficient."): lower the
    quantity or the leverage, or add margin."""


class ReduceOnlyRejected(OrderRejected):
    """Futures -2022 and kin: a reduce-only order that would open, increase or flip a position,
    or conflicts with open orders (-4118, CM -4112), or an order type that cannot be reduce-only."""


class PositionSideMismatch(OrderRejected):
    """Futures -4061: `position_side` LONG or SHORT in one-way mode, or BOTH in hedge mode."""


class WouldTriggerImmediately(OrderRejected):
    """Futures -2021, -4142: a stop or take-profit whose trigger price the market already passed."""


class OrderTypeNotSupported(OrderRejected):
    """Futures -4120: `order.place` takes LIMIT and MARKET only; conditional types (STOP,
    TAKE_PROFIT, trailing stops) go through `algo_order_place` (USDⓈ-M; COIN-M has them on REST only)."""


class CancelRejected(APIError):
    """-2011: the cancel was rejected (unknown order, cancel restrictions...)."""


class OrderNotFound(APIError):
    """-2013: the order does not exist (-2018: the order list does not exist)."""


class StatusUnknownTimeout(ExecutionStatusUnknown, RequestTimeout):
    """A state-changing request timed out after it was sent."""


class StatusUnknownConnectionLost(ExecutionStatusUnknown, ConnectionLost):
    """The connection dropped after a state-changing request was sent."""


class StatusUnknownClientClosed(ExecutionStatusUnknown, ClientClosed):
    """The client was closed after a state-changing request was sent."""


class StatusUnknownServerError(ExecutionStatusUnknown, ServerError):
    """A state-changing request got a 5xx answer."""


class StatusUnknownUnexpectedResponse(ExecutionStatusUnknown, UnexpectedResponse):
    """A state-changing request got -1006."""


class StatusUnknownBackendTimeout(ExecutionStatusUnknown, BackendTimeout):
    """A state-changing request got -1007."""


_STATUS_UNKNOWN: dict[type[BinanceWSAPIError], type[ExecutionStatusUnknown]] = {
    RequestTimeout: StatusUnknownTimeout,
    ConnectionLost: StatusUnknownConnectionLost,
    ClientClosed: StatusUnknownClientClosed,
    ServerError: StatusUnknownServerError,
    UnexpectedResponse: StatusUnknownUnexpectedResponse,
    BackendTimeout: StatusUnknownBackendTimeout,
}

_COMMON_CODES: dict[int, type[APIError]] = {
    -1002: AuthenticationError,
    -1006: UnexpectedResponse,
    -1007: BackendTimeout,
    -1008: ServerBusy,
    -1013: RequestRejected,
    -1015: TooManyOrders,
    -1021: InvalidTimestamp,
    -1022: InvalidSignature,
    -2010: OrderRejected,
    -2011: CancelRejected,
    -2013: OrderNotFound,
    -2014: InvalidAPIKey,
    -2015: InvalidAPIKey,
}

#: Spot's codes (errors.md).
SPOT_ERROR_CODES: Mapping[int, type[APIError]] = {
    **_COMMON_CODES,
    -2018: OrderNotFound,  # "Order list does not exist." (not in errors.md; seen in practice)
}

#: The USDⓈ-M and COIN-M futures codes (each API's error-code.md; CM's -41xx twins of UM's
#: -4xxx/-5xxx numbers are both here, since CM may answer with either since its 2026-06-30
#: integration with UM).
FUTURES_ERROR_CODES: Mapping[int, type[APIError]] = {
    **_COMMON_CODES,
    # "An unknown error occured while processing the request." FUTURES-NOTES §5: unknown state,
    # reconcile; so a state-changing request answered so is one whose outcome is unknown.
    -1000: UnexpectedResponse,
    -2018: MarginInsufficient,  # "Balance is insufficient."
    -2019: MarginInsufficient,
    -2020: OrderRejected,  # unable to fill
    -2021: WouldTriggerImmediately,
    -2022: ReduceOnlyRejected,
    -2023: OrderRejected,  # user in liquidation mode
    -2024: OrderRejected,  # position is not sufficient
    -2025: OrderRejected,  # reach max open order limit
    -2026: ReduceOnlyRejected,  # order type not supported with reduceOnly
    -2027: OrderRejected,  # exceeded the maximum allowable position at current leverage
    -2028: OrderRejected,  # leverage is smaller than permitted
    **dict.fromkeys((-4003, -4004, -4005, -4013, -4014, -4016, -4023, -4024), RequestRejected),  # filters
    **dict.fromkeys((-4131, -4113), RequestRejected),  # market order beyond PERCENT_PRICE
    **dict.fromkeys((-4164, -4178, -5029), RequestRejected),  # MIN_NOTIONAL
    -4015: InvalidParameter,  # client order id longer than 36 characters
    -4061: PositionSideMismatch,
    -4062: ReduceOnlyRejected,
    -4116: OrderRejected,  # clientOrderId is duplicated
    -4118: ReduceOnlyRejected,
    -4112: ReduceOnlyRejected,  # CM's -4118
    -4120: OrderTypeNotSupported,
    -4142: WouldTriggerImmediately,
    -5021: OrderRejected,  # FOK could not fill at once
    -5022: OrderRejected,  # post-only (GTX) would have taken
    -4045: OrderRejected,  # reach max stop order limit
    **dict.fromkeys((-4135, -4137), RequestRejected),  # activation price; quantity with closePosition
    -4138: ReduceOnlyRejected,  # reduce only must be true with closePosition
    # Limit and stop prices beyond the symbol's multiplier bands (UM, then CM's numbers).
    **dict.fromkeys((-4183, -4184, -4151, -4152, -4210, -4211, -4154, -4155), RequestRejected),
    **dict.fromkeys((-4400, -4401), ReduceOnlyRejected),  # "only reduceOnly order is allowed"
    **dict.fromkeys((-5037, -5038, -5039, -5040, -5041), RequestRejected),  # priceMatch, STP mode, GTD, BBO
    # order.modify refused: UM -5024 ... -5027, -5043; CM -4196 ... -4199.
    **dict.fromkeys((-5024, -5025, -5026, -5027, -5043, -4196, -4197, -4198, -4199), OrderRejected),
    -5028: InvalidTimestamp,  # outside the matching engine's recvWindow
    -4188: InvalidTimestamp,  # CM's -5028
}


# Keys that authorize a request: never carried in an exception.
_CREDENTIALS = frozenset({"apiKey", "signature"})


def _error_class(status: int, code: Optional[int], codes: Mapping[int, type[APIError]]) -> type[APIError]:
    if status >= 500:
        return ServerError
    if status == 418:
        return IPBanned
    if status == 429:
        return TooManyOrders if code == -1015 else RateLimited
    if status == 403:
        return WAFBlocked
    if code is not None:
        known = codes.get(code)
        if known is not None:
            return known
        if -1199 <= code <= -1100:
            return InvalidParameter
    return APIError


def status_unknown(
    cause: type[BinanceWSAPIError],
    message: str,
    *,
    params: Mapping[str, Any],
    client_order_id: Optional[str],
    **kwargs: Any,
) -> BinanceWSAPIError:
    """Build `cause(message, **kwargs)` combined with ExecutionStatusUnknown.

    `cause` must be one of the classes in the module docstring's second table, or a subclass
    of one (which then combines as that class).
    """
    combined = next(_STATUS_UNKNOWN[k] for k in cause.__mro__ if k in _STATUS_UNKNOWN)
    return _mark_unknown(combined(message, **kwargs), params, client_order_id)  # type: ignore[no-any-return]


def _render_params(params: Mapping[str, Any], limit: int = 400) -> str:
    """``name=value ...`` in the order sent, cut at `limit` characters (timestamps left out)."""
    text = " ".join(f"{k}={v}" for k, v in params.items() if k not in ("timestamp", "recvWindow"))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _mark_unknown(
    exc: ExecutionStatusUnknown, params: Optional[Mapping[str, Any]], client_order_id: Optional[str]
) -> Any:
    exc.params = {k: v for k, v in (params or {}).items() if k not in _CREDENTIALS}
    exc.client_order_id = client_order_id
    return exc


def error_from_response(
    status: int,
    error: Mapping[str, Any],
    *,
    request_id: RequestId = None,
    method: Optional[str] = None,
    state_changing: bool = False,
    params: Optional[Mapping[str, Any]] = None,
    client_order_id: Optional[str] = None,
    codes: Mapping[int, type[APIError]] = SPOT_ERROR_CODES,
) -> APIError:
    """Map one wire error (a response's `status` and `error` object) to its exception.

    `codes` is the API's table of error codes (Spot's unless said otherwise).

    With `state_changing`, an answer that leaves the outcome open (5xx, -1006, -1007) gives
    the ExecutionStatusUnknown combination carrying `params` and `client_order_id`.
    """
    code = error.get("code")
    if not isinstance(code, int):
        code = None
    msg = str(error.get("msg", ""))
    data = error.get("data")
    if not isinstance(data, Mapping):
        data = None
    cls = _error_class(status, code, codes)
    if state_changing and cls in _STATUS_UNKNOWN:
        combined_cls: Any = _STATUS_UNKNOWN[cls]  # an APIError subclass, whose signature mypy can't see here
        combined = combined_cls(status, code, msg, data, request_id, method=method, params=params)
        return _mark_unknown(combined, params, client_order_id)  # type: ignore[no-any-return]
    return cls(status, code, msg, data, request_id, method=method, params=params)


def describe(exc: BaseException) -> str:
    """``Type: message`` (or just ``Type``) for log lines and wrapped messages."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
