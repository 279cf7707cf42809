"""binance_wsapi: blocking, thread-safe clients for the Binance WebSocket APIs.

`Client` speaks the Spot WebSocket API, `UMFuturesClient` the USDⓈ-M Futures one and
`CMFuturesClient` the COIN-M Futures one.

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

from .client import CMFutures, CMFuturesClient, Client, Futures, UMFutures, UMFuturesClient
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
    MarginInsufficient,
    OrderNotFound,
    OrderRejected,
    OrderTypeNotSupported,
    PositionSideMismatch,
    RateLimited,
    ReduceOnlyRejected,
    RequestRejected,
    RequestTimeout,
    ServerBusy,
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
    WouldTriggerImmediately,
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
from .futures_events import (
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
)
from .listenkey import FuturesUserData, ListenKeyStream
from .models import ConnectionEvent, RateLimit, Response
from .symbols import FilterProblem, SymbolInfo
from .stats import ClientStats
from .supervisor import LateResponse
from .signing import Ed25519Signer, HmacSigner, RsaSigner, Signer, signature_payload
from .userdata import UserData, UserDataStream
from .venues import Venue

__version__ = "0.1.0.dev0"

__all__ = [
    "APIError",
    "AccountConfigUpdate",
    "AccountSnapshot",
    "AccountUpdate",
    "AlgoUpdate",
    "AuthenticationError",
    "BackendTimeout",
    "Backoff",
    "Balance",
    "BalanceUpdate",
    "BinanceWSAPIError",
    "CMFutures",
    "CMFuturesClient",
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
    "FuturesBalance",
    "FuturesPosition",
    "FuturesUserData",
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
    "ListenKeyExpired",
    "ListenKeyStream",
    "MarginCall",
    "MarginCallPosition",
    "MarginInsufficient",
    "OrderNotFound",
    "OrderRejected",
    "OrderTradeUpdate",
    "OrderType",
    "OrderTypeNotSupported",
    "OutboundAccountPosition",
    "PRODUCTION_URL",
    "PositionSideMismatch",
    "RateLimit",
    "RateLimited",
    "ReduceOnlyRejected",
    "RequestRejected",
    "RequestTimeout",
    "Response",
    "RsaSigner",
    "ServerBusy",
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
    "TradeLite",
    "UMFutures",
    "UMFuturesClient",
    "USE_CLIENT_DEFAULT",
    "UnexpectedResponse",
    "UnknownEvent",
    "UserData",
    "UserDataEvent",
    "UserDataStream",
    "Venue",
    "WAFBlocked",
    "WouldTriggerImmediately",
    "signature_payload",
]

logging.getLogger("binance_wsapi").addHandler(logging.NullHandler())
