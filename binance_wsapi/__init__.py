"""binance_wsapi: a blocking, thread-safe client for the Binance Spot WebSocket API.

::

    from binance_wsapi import Client

    with Client(api_key, api_secret) as client:
        client.ping()
        book = client.request("depth", {"symbol": "BTCUSDT", "limit": 5}).result

Logging goes to ``logging.getLogger("binance_wsapi")`` (silent unless you configure it).
`binance_wsapi.testing.LocalExchange` runs a local exchange for offline use and tests.
"""

from __future__ import annotations

import logging

from .client import Client, Futures
from .config import PRODUCTION_URL, TESTNET_URL, USE_CLIENT_DEFAULT, Backoff, Heartbeat, Timeout
from .enums import OrderType, Side, TimeInForce
from .exceptions import (
    APIError,
    AuthenticationError,
    BackendTimeout,
    BinanceWSAPIError,
    CancelRejected,
    ClientClosed,
    ConnectFailed,
    ConnectionLost,
    ExecutionStatusUnknown,
    InvalidAPIKey,
    InvalidParameter,
    InvalidRequest,
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
    SessionRevoked,
    StatusUnknownBackendTimeout,
    StatusUnknownClientClosed,
    StatusUnknownConnectionLost,
    StatusUnknownServerError,
    StatusUnknownTimeout,
    StatusUnknownUnexpectedResponse,
    StreamClosed,
    StreamEnded,
    StreamOverflow,
    StreamTerminated,
    StreamTimeout,
    TooManyOrders,
    UnexpectedResponse,
    WAFBlocked,
)
from .events import (
    AccountSnapshot,
    Balance,
    BalanceUpdate,
    EventStreamTerminated,
    ExecutionReport,
    ExternalLockUpdate,
    ListOrder,
    ListStatus,
    OutboundAccountPosition,
    StreamGap,
    UnknownEvent,
    UserDataEvent,
)
from .models import ConnectionEvent, RateLimit, Response
from .symbols import FilterProblem, SymbolInfo
from .stats import ClientStats
from .supervisor import LateResponse
from .signing import Ed25519Signer, HmacSigner, RsaSigner, Signer, signature_payload
from .userdata import UserData, UserDataStream

__version__ = "0.1.0.dev0"

__all__ = [
    "APIError",
    "AccountSnapshot",
    "AuthenticationError",
    "BackendTimeout",
    "Backoff",
    "Balance",
    "BalanceUpdate",
    "BinanceWSAPIError",
    "CancelRejected",
    "Client",
    "ClientClosed",
    "ClientStats",
    "ConnectFailed",
    "ConnectionEvent",
    "ConnectionLost",
    "Ed25519Signer",
    "EventStreamTerminated",
    "ExecutionReport",
    "ExecutionStatusUnknown",
    "ExternalLockUpdate",
    "FilterProblem",
    "Futures",
    "Heartbeat",
    "HmacSigner",
    "IOThreadDied",
    "IPBanned",
    "InvalidAPIKey",
    "InvalidParameter",
    "InvalidRequest",
    "InvalidSignature",
    "InvalidTimestamp",
    "LateResponse",
    "ListOrder",
    "ListStatus",
    "OrderNotFound",
    "OrderRejected",
    "OrderType",
    "OutboundAccountPosition",
    "PRODUCTION_URL",
    "RateLimit",
    "RateLimited",
    "RequestRejected",
    "RequestTimeout",
    "Response",
    "RsaSigner",
    "ServerError",
    "SessionRevoked",
    "Side",
    "Signer",
    "StatusUnknownBackendTimeout",
    "StatusUnknownClientClosed",
    "StatusUnknownConnectionLost",
    "StatusUnknownServerError",
    "StatusUnknownTimeout",
    "StatusUnknownUnexpectedResponse",
    "StreamClosed",
    "StreamEnded",
    "StreamGap",
    "StreamOverflow",
    "StreamTerminated",
    "StreamTimeout",
    "SymbolInfo",
    "TESTNET_URL",
    "TimeInForce",
    "Timeout",
    "TooManyOrders",
    "USE_CLIENT_DEFAULT",
    "UnexpectedResponse",
    "UnknownEvent",
    "UserData",
    "UserDataEvent",
    "UserDataStream",
    "WAFBlocked",
    "signature_payload",
]

logging.getLogger("binance_wsapi").addHandler(logging.NullHandler())
