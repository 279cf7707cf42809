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
    StatusUnknownBackendTimeout,
    StatusUnknownClientClosed,
    StatusUnknownConnectionLost,
    StatusUnknownServerError,
    StatusUnknownTimeout,
    StatusUnknownUnexpectedResponse,
    TooManyOrders,
    UnexpectedResponse,
    WAFBlocked,
)
from .models import ConnectionEvent, RateLimit, Response
from .stats import ClientStats
from .supervisor import LateResponse
from .signing import Ed25519Signer, HmacSigner, RsaSigner, Signer, signature_payload

__version__ = "0.1.0.dev0"

__all__ = [
    "APIError",
    "AuthenticationError",
    "BackendTimeout",
    "Backoff",
    "BinanceWSAPIError",
    "CancelRejected",
    "Client",
    "ClientClosed",
    "ClientStats",
    "ConnectFailed",
    "ConnectionEvent",
    "ConnectionLost",
    "Ed25519Signer",
    "ExecutionStatusUnknown",
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
    "OrderNotFound",
    "OrderRejected",
    "OrderType",
    "PRODUCTION_URL",
    "RateLimit",
    "RateLimited",
    "RequestRejected",
    "RequestTimeout",
    "Response",
    "RsaSigner",
    "ServerError",
    "Side",
    "Signer",
    "StatusUnknownBackendTimeout",
    "StatusUnknownClientClosed",
    "StatusUnknownConnectionLost",
    "StatusUnknownServerError",
    "StatusUnknownTimeout",
    "StatusUnknownUnexpectedResponse",
    "TESTNET_URL",
    "TimeInForce",
    "Timeout",
    "TooManyOrders",
    "USE_CLIENT_DEFAULT",
    "UnexpectedResponse",
    "WAFBlocked",
    "signature_payload",
]

logging.getLogger("binance_wsapi").addHandler(logging.NullHandler())
