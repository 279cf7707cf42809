"""LocalExchange: a Binance Spot WebSocket API on 127.0.0.1, for offline use and tests.

It runs a real WebSocket server (the `websockets` library, asyncio) on a daemon thread,
over ``wss://`` with a throwaway certificate authority if asked (`tls.py`), speaks the
documented protocol (envelope, signatures, timestamps, session logon, rate limits,
user data stream subscriptions, documented error codes), runs a matching engine over real
balances (`engine.py`), and has knobs to misbehave on purpose: drop connections, delay or
swallow answers, answer with an error, announce `serverShutdown`, skew its clock, stop
answering pings.

All exchange state sits behind one lock; requests are handled one at a time on the event
loop, so concurrent clients never corrupt a book.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import itertools
import json
import logging
import math
import random
import secrets
import ssl
import string
import threading
import time
import weakref
from decimal import Decimal
from typing import Any, Callable, Mapping, Optional, Sequence, Union
from urllib.parse import parse_qs, urlsplit

from attrs import define, field, frozen
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.frames import Opcode

from . import rest
from .auth import server_payload, verify_signature
from .engine import Engine
from .futures import FuturesDesk
from .handlers import HANDLERS, REMOVED, Context, Handler, validate_request
from .model import Account, JsonNumber, SymbolSpec, WireError, bad_param
from .rules import RULES
from .tls import Certificates, make_certificates

log = logging.getLogger("binance_wsapi.testing")

__all__ = ["LocalAccount", "LocalExchange"]

_KEY_ALPHABET = string.ascii_letters + string.digits
_MARKETS = ("spot", "usdm", "coinm")
_EVENT_ORDERS = ("events_first", "answer_first", "random")
_MIN_TIMESTAMP = 1483228800000  # 2017-01-01: earlier timestamps are rejected
_INVALID_KEY = "Invalid API-key, IP, or permissions for action."
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
# Fractional JSON numbers stay Decimal with their text, so a signed "0.10" is rendered back
# exactly as sent, and "5e-05" can be refused as Binance refuses it.
_loads = json.JSONDecoder(parse_float=JsonNumber).decode
Outgoing = list[tuple[ServerConnection, str]]


@frozen(repr=False)
class LocalAccount:
    """The credentials of an account created on a LocalExchange."""

    api_key: str
    api_secret: str
    key_type: str
    uid: int

    def __repr__(self) -> str:
        return f"LocalAccount(api_key={self.api_key[:4] + '…'!r}, key_type={self.key_type!r}, uid={self.uid})"


@define
class Session:
    """One client connection, as the server sees it."""

    ws: ServerConnection
    number: int
    connected_since: int
    return_rate_limits: bool
    api_key: Optional[str] = None
    authorized_since: Optional[int] = None
    #: subscription id -> (account uid, made through the logon)
    subscriptions: dict[int, tuple[int, bool]] = field(factory=dict)
    next_subscription: int = 0
    #: A REST request's: the text its signature covers (query string and body as sent).
    signed_text: Optional[str] = None
    #: The market this connection talks to (its path): Spot's desk, or a futures one.
    desk: Any = None


class _FrontDoor(ServerConnection):
    """One TCP connection to the exchange's port: a WebSocket upgrade goes to websockets as
    usual; any other HTTP request is the REST API's (or the admin channel's), answered once."""

    #: Set on the subclass each exchange makes (websockets takes a class, not a factory).
    exchange: LocalExchange

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The bytes of the first request until it is known what it is; then "ws" (websockets
        # reads everything from here on) or "http" (answered once; nothing more is read).
        self._head = bytearray()
        self._mode = ""

    def data_received(self, data: bytes) -> None:
        if self._mode == "ws":
            super().data_received(data)
            return
        if self._mode == "http":
            return  # one request per connection: a pipelined one (even an upgrade) is not read
        head = self._head
        head += data
        try:
            parsed = rest.parse(bytes(head))
        except rest.BadRequest as exc:
            self._mode = "http"
            self.transport.write(rest.render(400, {"code": -1, "msg": f"Bad request: {exc}"}))
            self.transport.close()
            return
        if parsed is None:
            return  # the head (or a body) is not all here yet
        request, _ = parsed
        if request.is_upgrade():
            self._mode = "ws"
            super().data_received(bytes(head))
            return
        self._mode = "http"
        asyncio.ensure_future(self.exchange._serve_http(self, request))

    def eof_received(self) -> Optional[bool]:  # type: ignore[override]  # asyncio's signature
        if self._mode == "ws":
            super().eof_received()
            return None
        # A client that half-closes after its request still gets the answer: keep the
        # transport open until _serve_http closes it (an unfinished head is just dropped).
        return self._mode == "http"


@define
class _Rule:
    """A fault armed for one method."""

    kind: str  # "fail", "silent" or "delay"
    error: Optional[WireError] = None
    seconds: float = 0.0
    execute: bool = False
    times: Optional[int] = None


class _Window:
    """A calendar-aligned counting window (1 MINUTE resets at :00, 10 SECOND at :00, :10, ...)."""

    __slots__ = ("length_ms", "start", "count")

    def __init__(self, seconds: int) -> None:
        self.length_ms = seconds * 1000
        self.start = -1
        self.count = 0

    def add(self, amount: int, now_ms: int) -> int:
        start = now_ms - now_ms % self.length_ms
        if start != self.start:
            self.start = start
            self.count = 0
        self.count += amount
        return self.count

    def resets_at(self, now_ms: int) -> int:
        return now_ms - now_ms % self.length_ms + self.length_ms


class _SpotDesk:
    """The Spot market as `LocalExchange._answer` sees it: its tables, limits and engine.

    A futures desk (`futures.FuturesDesk`) has the same members; the exchange's protocol code
    (faults, weight, signatures, timestamps, rateLimits) is the same for every market.
    """

    name = "spot"
    rules = RULES
    handlers = HANDLERS
    #: "Connecting to WebSocket API costs 2 weight."
    connect_weight = 2
    max_recv_window: Optional[int] = 60000

    def __init__(self, exchange: LocalExchange) -> None:
        self.exchange = exchange
        self.weight = exchange._weight

    @staticmethod
    def method_of(request: Any) -> str:
        return _method_of(request)

    @staticmethod
    def check_removed(method: str) -> None:
        if method in REMOVED:
            raise WireError(410, -1020, f"{method} was removed on 2026-02-20; use userDataStream.subscribe.signature.")

    @staticmethod
    def validate(method: str, params: dict[str, Any]) -> None:
        validate_request(method, params)

    def police_weight(self, weight: int, now: int) -> None:
        self.exchange._police_weight(weight, now)

    def police_orders(self, account: Account, count: int, now: int) -> None:
        self.exchange._police_orders(account, count, now)

    def count_orders(self, account: Account, count: int, now: int) -> None:
        for window in self.exchange._order_windows(account):
            window.add(count, now)

    def usage(self, account: Optional[Account], now: int) -> list[dict[str, Any]]:
        return self.exchange._usage(account, now)

    def context(self, session: Session, account: Optional[Account], now: int) -> Context:
        return Context(self.exchange, session, account, now)


class LocalExchange:
    """A local Binance WebSocket API server: Spot, and the USDⓈ-M and COIN-M Futures APIs. Use as a context manager, or `close()` it.

    ::

        with LocalExchange() as exchange:
            account = exchange.create_account({"USDT": "10000"})
            with exchange.client(account) as client:
                client.ping()

    `ping_interval`/`pong_timeout`: like Binance, the server pings every 20 s and drops a
    connection that has not answered within 60 s. `book_levels`: seeded price levels on each
    side of every symbol's book. `weight_limit`, `orders_per_10s`, `orders_per_day`: the
    limits reported in rateLimits and enforced, by default production's (6000 weight a
    minute, 100 orders per 10 s, 200,000 a day; the docs' examples show 50 and 160,000):
    429, then a `ban_seconds` 418 ban for a client that sends `ban_after` more requests in a
    window it was told to leave alone. `weight_window` and `orders_window` shorten Binance's
    60 s and 10 s windows (so that tests of limits need not wait a minute); `orders_per_10s`
    is then per that window. `tls`: serve ``wss://`` with a certificate from a throwaway CA
    made at start (its PEM is `ca_file`; `client_ssl_context()` trusts it; `client()` uses
    it). `event_order`: whether the user data events a request causes are sent before its
    answer ("events_first", the default: production often does), after it ("answer_first"),
    or either way at random ("random", reproducible with `seed`).

    `markets`: Spot always, and the futures APIs named ("usdm" at ``/ws-fapi/v1``, "coinm" at
    ``/ws-dapi/v1``, both by default), with their user data streams and REST settings on the
    same port (see `testing.futures`). Their limits: `futures_weight_limit` a minute for both,
    `futures_orders_per_10s` and `futures_orders_per_minute` per account; they ping every
    `futures_ping_interval` s and drop a connection silent `futures_pong_timeout` s;
    `futures_book_levels` of house liquidity a side; a listenKey lives `listen_key_validity` s.
    """

    def __init__(
        self,
        *,
        port: int = 0,
        ping_interval: Optional[float] = 20.0,
        pong_timeout: float = 60.0,
        book_levels: int = 5000,
        symbols: Optional[list[SymbolSpec]] = None,
        weight_limit: int = 6000,
        orders_per_10s: int = 100,
        orders_per_day: int = 200000,
        weight_window: int = 60,
        orders_window: int = 10,
        ban_after: int = 5,
        ban_seconds: float = 120.0,
        tls: bool = False,
        event_order: str = "events_first",
        seed: Optional[int] = None,
        markets: Sequence[str] = ("spot", "usdm", "coinm"),
        futures_weight_limit: int = 2400,
        futures_orders_per_10s: int = 300,
        futures_orders_per_minute: int = 1200,
        futures_ping_interval: Optional[float] = 180.0,
        futures_pong_timeout: float = 600.0,
        futures_book_levels: int = 100,
        listen_key_validity: float = 3600.0,
    ) -> None:
        unknown = set(markets) - set(_MARKETS)
        if unknown or "spot" not in markets:
            raise ValueError(f"markets={tuple(markets)!r}: name 'spot' (always served) and any of 'usdm', 'coinm'")
        if event_order not in _EVENT_ORDERS:
            raise ValueError(f"event_order={event_order!r}: use one of {', '.join(_EVENT_ORDERS)}")
        #: Whether the user data events a request causes go out before its answer or after.
        self.event_order = event_order
        self._order_rng = random.Random(seed)
        self.ping_interval = ping_interval
        self.pong_timeout = pong_timeout
        #: Seconds added to the server's clock (to test clock skew handling).
        self.clock_skew = 0.0
        #: False: the server ignores the client's pings (a silent, half-dead connection).
        self.answer_pings = True
        self.weight_limit = weight_limit
        self.orders_per_10s = orders_per_10s
        self.weight_window = weight_window
        self.orders_window = orders_window
        self.orders_per_day = orders_per_day
        self.ban_after = ban_after
        self.ban_seconds = ban_seconds
        now = self.now_ms()
        kwargs: dict[str, Any] = {"book_levels": book_levels, "now": now}
        self.engine = Engine(symbols, **kwargs) if symbols is not None else Engine(**kwargs)
        self.engine.orders_exceed_limit = self._orders_exceed
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._waiters = 0
        self._sessions: dict[int, Session] = {}
        self._revoked: set[str] = set()
        self._session_numbers = itertools.count(1)
        self._rules: dict[str, _Rule] = {}
        self._counts: collections.Counter[str] = collections.Counter()
        self._weight = _Window(weight_window)
        self._orders: dict[str, tuple[_Window, _Window]] = {}
        self._spot = _SpotDesk(self)
        #: The futures markets served, by name ("usdm", "coinm"): one request-weight pool for both.
        self.futures: dict[str, FuturesDesk] = {}
        futures_weight = _Window(60)
        for market in markets:
            if market != "spot":
                self.futures[market] = FuturesDesk(
                    self, market, weight=futures_weight, weight_limit=futures_weight_limit,
                    orders_per_10s=futures_orders_per_10s, orders_per_minute=futures_orders_per_minute,
                    now=now, book_levels=futures_book_levels, seed=seed, listen_key_validity=listen_key_validity,
                )
        self._desk_at = {desk.path: desk for desk in self.futures.values()}
        self.futures_ping_interval = futures_ping_interval
        self.futures_pong_timeout = futures_pong_timeout
        #: User data stream connections (futures listenKey streams) open now.
        self._streams: set[ServerConnection] = set()
        self._strikes = 0  # requests refused with 429 in the current weight window
        # Event frames produced outside the engine (eventStreamTerminated), sent with the next batch.
        self._pending_out: Outgoing = []
        self._banned_until = 0
        self.connections_accepted = 0
        #: Futures user data stream connections accepted, ever.
        self.stream_connections_accepted = 0
        #: Server time (epoch ms) of each connection accepted, in order.
        self.connection_times: list[int] = []
        #: How many responses were sent with each status (200, 429, 418...).
        self.status_counts: collections.Counter[int] = collections.Counter()
        self.pongs_received = 0
        #: Server time (epoch ms) of each WebSocket upgrade refused by `refuse_upgrades`.
        self.upgrades_refused: list[int] = []
        # (HTTP status, Retry-After seconds or None, how many more times or None = until cleared)
        self._upgrade_refusal: Optional[tuple[int, Optional[float], Optional[int]]] = None
        self._trickle: Optional[float] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Future[None]] = None
        self._ready = threading.Event()
        self._down = threading.Event()
        self._restart: asyncio.Future[float]
        self._startup_error: Optional[BaseException] = None
        self.port = 0
        self._certificates: Optional[Certificates] = make_certificates() if tls else None
        # The folder holds private keys: removed on close(), or at exit for an exchange never closed.
        self._remove_certificates = (
            None if self._certificates is None else weakref.finalize(self, self._certificates.cleanup)
        )
        self._thread = threading.Thread(target=self._thread_main, args=(port,), name="local-exchange", daemon=True)
        self._thread.start()
        started = self._ready.wait(10)
        if not started or self._startup_error is not None:
            self.close()  # also removes the certificates' folder
            if not started:
                raise RuntimeError("LocalExchange did not start within 10 s")
            raise RuntimeError(f"LocalExchange could not start: {self._startup_error}") from self._startup_error

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The WebSocket API URL to give a Client: ``wss://`` with `tls`, ``ws://`` without."""
        scheme = "ws" if self._certificates is None else "wss"
        return f"{scheme}://127.0.0.1:{self.port}/ws-api/v3"

    def url_for(self, market: str) -> str:
        """The WebSocket API URL of `market` ("spot", "usdm" or "coinm")."""
        if market == "spot":
            return self.url
        return self.url[: -len("/ws-api/v3")] + self._desk(market).path

    def stream_url_for(self, market: str) -> str:
        """The base URL of `market`'s user data streams (a futures one): append the listenKey."""
        return self.url[: -len("/ws-api/v3")] + self._desk(market).stream_prefix

    def _desk(self, market: str) -> FuturesDesk:
        desk = self.futures.get(market)
        if desk is None:
            raise ValueError(f"this LocalExchange serves no {market!r} market: create it with markets=(..., {market!r})")
        return desk

    @property
    def rest_url(self) -> str:
        """The REST API's base URL, on the same port (``https://`` with `tls`): append ``/api/v3/...``.

        ``POST {rest_url}/_local/<knob>`` drives the exchange from outside (see `ADMIN_KNOBS`).
        """
        scheme = "http" if self._certificates is None else "https"
        return f"{scheme}://127.0.0.1:{self.port}"

    @property
    def tls(self) -> bool:
        """Whether this exchange serves ``wss://``."""
        return self._certificates is not None

    @property
    def ca_file(self) -> Optional[str]:
        """With `tls`, the path of the PEM file of the CA that signed the server's certificate."""
        return None if self._certificates is None else self._certificates.ca_file

    def client_ssl_context(self) -> ssl.SSLContext:
        """A new client-side SSL context trusting this exchange's certificate (needs `tls`)."""
        if self._certificates is None:
            raise RuntimeError("this LocalExchange serves ws://, not wss://: create it with tls=True")
        return self._certificates.client_context()

    def __enter__(self) -> LocalExchange:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self, timeout: float = 5.0) -> None:
        """Stop the server, closing every connection; idempotent."""
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():

            def finish() -> None:
                if not stop.done():
                    stop.set_result(None)

            try:
                loop.call_soon_threadsafe(finish)
            except RuntimeError:  # the loop already stopped
                pass
        if self._thread is not threading.current_thread():
            self._thread.join(timeout)
        if self._remove_certificates is not None:
            self._remove_certificates()

    def _thread_main(self, port: int) -> None:
        try:
            asyncio.run(self._main(port))
        except BaseException as exc:  # surfaced by __init__ if it happens during startup
            self._startup_error = exc
            self._ready.set()

    async def _main(self, port: int) -> None:
        loop = self._loop = asyncio.get_running_loop()
        stop = self._stop = loop.create_future()
        context = None if self._certificates is None else self._certificates.server_context()
        while True:
            self._restart = loop.create_future()
            async with serve(
                self._serve,
                "127.0.0.1",
                port,
                ssl=context,
                ping_interval=None,
                compression=None,
                max_size=None,
                # At shutdown, a client that does not answer the close frame (one whose event
                # loop runs only during its calls) is cut after a second, not ten.
                close_timeout=1.0,
                process_request=self._process_upgrade,
                process_response=self._charge_connection,
                create_connection=type("FrontDoor", (_FrontDoor,), {"exchange": self}),
            ) as server:
                port = self.port = next(iter(server.sockets)).getsockname()[1]
                self._ready.set()
                either: list[asyncio.Future[Any]] = [stop, self._restart]
                await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
                if stop.done():
                    return
                server.close(close_connections=False)  # stop listening
                for session in list(self._sessions.values()):
                    session.ws.transport.abort()  # like a crashed process: no close frame
                for stream in list(self._streams):
                    stream.transport.abort()
            down_for = self._restart.result()
            self._down.set()
            await asyncio.wait([stop], timeout=down_for)
            if stop.done():
                return
            self._down.clear()

    def restart(self, down_for: float = 0.5) -> None:
        """Crash and restart the server on the same port: every connection is cut, nothing
        listens for `down_for` seconds, then it serves again with the same accounts and books.

        Returns once it is down.
        """
        assert self._loop is not None

        def crash() -> None:
            if not self._restart.done():
                self._restart.set_result(down_for)

        self._loop.call_soon_threadsafe(crash)
        if not self._down.wait(5):
            raise RuntimeError("LocalExchange did not go down within 5 s")

    def _in_loop(self, coro_fn: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Run ``await coro_fn()`` on the server's loop and wait for it."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro_fn(), self._loop).result(timeout)

    # -- accounts ----------------------------------------------------------------------------

    def create_account(
        self,
        balances: Optional[Mapping[str, Union[str, int, Decimal]]] = None,
        key_type: str = "ed25519",
        *,
        api_key: Optional[str] = None,
        hmac_secret: Optional[str] = None,
        usdm: Optional[Mapping[str, Union[str, int, Decimal]]] = None,
        coinm: Optional[Mapping[str, Union[str, int, Decimal]]] = None,
    ) -> LocalAccount:
        """Create an account with `balances` and a new API key of `key_type`.

        The same key trades every market served: `balances` are the Spot wallet's, `usdm` and
        `coinm` the futures wallets' (by default 10000 USDT, and 1 BTC + 10 ETH).

        key_type "ed25519" or "rsa": api_secret is the private key in PEM (PKCS#8), the public
        half registered with the exchange; "hmac": api_secret is a random secret string, or
        `hmac_secret` (with `api_key`, e.g. to replay the docs' examples).
        """
        if api_key is not None and (len(api_key) != 64 or not api_key.isalnum()):
            raise ValueError("api_key must be 64 letters and digits")
        api_key = api_key or "".join(secrets.choice(_KEY_ALPHABET) for _ in range(64))
        verify_key: Any
        if hmac_secret is not None and key_type != "hmac":
            raise ValueError("hmac_secret is for key_type='hmac'")
        if key_type == "hmac":
            secret = hmac_secret or "".join(secrets.choice(_KEY_ALPHABET) for _ in range(64))
            verify_key = secret.encode("utf-8")
        elif key_type in ("ed25519", "rsa"):
            private: Any = (
                ed25519.Ed25519PrivateKey.generate()
                if key_type == "ed25519"
                else rsa.generate_private_key(public_exponent=65537, key_size=2048)
            )
            secret = private.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ).decode("ascii")
            verify_key = private.public_key()
        else:
            raise ValueError(f"key_type must be 'ed25519', 'rsa' or 'hmac', not {key_type!r}")
        with self._lock:
            account = self.engine.new_account(api_key, key_type, verify_key)
            for asset, amount in (balances or {}).items():
                account.balances[asset] = [Decimal(str(amount)), Decimal(0)]
            for market, wallets in (("usdm", usdm), ("coinm", coinm)):
                if market in self.futures:
                    self.futures[market].open_account(api_key, wallets)
                elif wallets is not None:
                    raise ValueError(f"{market}= given, but this LocalExchange serves no {market!r} market")
        return LocalAccount(api_key, secret, key_type, account.uid)

    def client(self, account: LocalAccount, market: str = "spot", **kwargs: Any) -> Any:
        """A client for `account` connected to this exchange: a `binance_wsapi.Client` for
        "spot", a `UMFuturesClient` for "usdm", a `CMFuturesClient` for "coinm".

        With `tls` it trusts this exchange's CA, unless `ssl_context` or `websocket_options`
        says otherwise.
        """
        from ..client import Client, CMFuturesClient, UMFuturesClient

        if self.tls and "ssl_context" not in kwargs and "websocket_options" not in kwargs:
            kwargs["ssl_context"] = self.client_ssl_context()
        cls = {"spot": Client, "usdm": UMFuturesClient, "coinm": CMFuturesClient}[market]
        return cls(account.api_key, account.api_secret, url=self.url_for(market), **kwargs)

    def balances(self, account: LocalAccount) -> dict[str, tuple[Decimal, Decimal]]:
        """The account's (free, locked) per asset, read directly from the exchange."""
        with self._lock:
            raw = self.engine.accounts[account.api_key].balances
            return {asset: (free, locked) for asset, (free, locked) in raw.items()}

    def deposit(self, account: LocalAccount, asset: str, amount: Union[str, int, Decimal]) -> None:
        """Credit `amount` of `asset` (negative: withdraw), with its balanceUpdate event."""
        self._account_change(self.engine.deposit, account, asset, amount)

    def external_lock(self, account: LocalAccount, asset: str, amount: Union[str, int, Decimal]) -> None:
        """Move `amount` of `asset` from free to locked (negative: back), as margin collateral
        would, with its externalLockUpdate event."""
        self._account_change(self.engine.external_lock, account, asset, amount)

    def _account_change(
        self, change: Callable[[Any, str, Decimal, int], None], account: LocalAccount, asset: str,
        amount: Union[str, int, Decimal],
    ) -> None:
        """Apply an engine balance change on the server's loop and send the events it made."""

        async def apply() -> None:
            with self._lock:
                change(self.engine.accounts[account.api_key], asset, Decimal(str(amount)), self.now_ms())
                outgoing = self._events_out()
            await _send_all(outgoing)

        self._in_loop(apply)

    # -- futures ------------------------------------------------------------------------------

    def futures_account(self, account: LocalAccount, market: str) -> Any:
        """The account's futures state in `market` (a `futures_engine.FuturesAccount`), read
        directly: wallets, positions, orders. Read it with the exchange idle."""
        with self._lock:
            return self._desk(market).engine.accounts[account.api_key]

    def set_mark_price(self, market: str, symbol: str, price: Union[str, int, Decimal]) -> None:
        """Move `symbol`'s mark price: unrealized PnL, MARK_PRICE algo orders, margin calls and
        liquidations follow, with their events."""
        self._futures_change(market, lambda engine, now: engine.set_mark_price(symbol, Decimal(str(price)), now))

    def apply_funding(self, market: str, symbol: str, rate: Union[str, int, Decimal]) -> None:
        """Apply a funding round to `symbol`'s open positions at `rate` (positive: longs pay)."""
        self._futures_change(market, lambda engine, now: engine.apply_funding(symbol, Decimal(str(rate)), now))

    def seed_book(self, market: str, symbol: str, mid: Union[str, int, Decimal], *, levels: int = 100) -> None:
        """Replace the house's quotes on `symbol`: `levels` levels each side one tick apart from
        `mid` ± 1 tick (the last and mark prices stay), so that tests can fill at chosen prices."""
        self._futures_change(market, lambda engine, now: engine.seed_book(symbol, Decimal(str(mid)), levels=levels))

    def set_leverage(self, account: LocalAccount, market: str, symbol: str, leverage: int) -> None:
        """Set the account's leverage on `symbol` (Binance does it over REST)."""
        self._futures_change(market, lambda engine, now: engine.set_leverage(
            engine.accounts[account.api_key], symbol, leverage, now))

    def set_margin_type(self, account: LocalAccount, market: str, symbol: str, margin_type: str) -> None:
        """Set the account's margin type on `symbol`: "CROSSED" or "ISOLATED" (REST on Binance)."""
        self._futures_change(market, lambda engine, now: engine.set_margin_type(
            engine.accounts[account.api_key], symbol, margin_type, now))

    def set_position_mode(self, account: LocalAccount, market: str, *, hedge: bool) -> None:
        """One-way (``hedge=False``) or hedge mode (REST on Binance)."""
        self._futures_change(market, lambda engine, now: engine.set_position_mode(
            engine.accounts[account.api_key], hedge, now))

    def expire_listen_key(self, account: LocalAccount, market: str) -> None:
        """Let the account's listenKey expire now: its streams get ``listenKeyExpired``, then nothing."""
        desk = self._desk(market)

        async def expire() -> None:
            with self._lock:
                outgoing = [(ws, _dumps(event)) for ws, event in desk.expire(account.api_key, self.now_ms())]
            await _send_all(outgoing)

        self._in_loop(expire)

    def listen_key(self, account: LocalAccount, market: str) -> Optional[str]:
        """The account's current listenKey in `market` (None if it has none)."""
        with self._lock:
            return self._desk(market).listen_key_of(account.api_key)

    @property
    def stream_count(self) -> int:
        """Futures user data stream connections open right now."""
        with self._lock:
            return len(self._streams)

    def _futures_change(self, market: str, change: Callable[[Any, int], Any]) -> None:
        """Apply a change to `market`'s engine on the server's loop and send the events it made."""
        desk = self._desk(market)

        async def apply() -> None:
            with self._lock:
                change(desk.engine, self.now_ms())
                outgoing = self._events_out()
                self._notify_locked()
            await _send_all(outgoing)

        self._in_loop(apply)

    def revoke_api_key(self, account: LocalAccount) -> None:
        """Make the account's API key invalid, as deleting it on Binance would.

        Every session logged on with it is revoked the documented way (``{"id": null,
        "status": 401, "error": {"code": -2015, ...}}``), loses its logon and the subscription
        made through it; later requests signed with the key get -2015.
        """

        async def revoke() -> None:
            frame = _dumps({"id": None, "status": 401, "error": {"code": -2015, "msg": _INVALID_KEY}})
            outgoing: Outgoing = []
            with self._lock:
                self._revoked.add(account.api_key)
                for session in self._sessions.values():
                    if session.api_key == account.api_key:
                        session.api_key = None
                        session.authorized_since = None
                        for number, (_, via_logon) in list(session.subscriptions.items()):
                            if via_logon:
                                del session.subscriptions[number]
                        outgoing.append((session.ws, frame))
            await _send_all(outgoing)

        self._in_loop(revoke)

    # -- observing ---------------------------------------------------------------------------

    @property
    def connection_count(self) -> int:
        """Connections open right now."""
        with self._lock:
            return len(self._sessions)

    def duplicate_orders(self) -> dict[str, int]:
        """Client order ids the engine accepted as more than one order (per account): should be none.

        A client that re-sent an order it had already placed would show up here. Futures orders
        count too (an algo order by its clientAlgoId), keyed ``"usdm:<id>"`` / ``"coinm:<id>"``.
        """
        with self._lock:
            found = {cid: n for (_, cid), n in self.engine.accepted_ids.items() if n > 1}
            for market, desk in self.futures.items():
                for account in desk.engine.accounts.values():
                    for (_, cid), ids in account.by_client_id.items():
                        if len(ids) > 1:
                            found[f"{market}:{cid}"] = len(ids)
                    algo_ids: dict[str, int] = {}
                    for algo in account.algos.values():
                        algo_ids[algo.client_algo_id] = algo_ids.get(algo.client_algo_id, 0) + 1
                    found.update({f"{market}:{cid}": n for cid, n in algo_ids.items() if n > 1})
            return found

    def orders_accepted(self) -> int:
        """How many orders (including order-list legs) the engine has accepted, ever."""
        with self._lock:
            return sum(self.engine.accepted_ids.values())

    def request_count(self, method: str, market: Optional[str] = None) -> int:
        """How many requests for `method` arrived (answered or not), in every market or in `market`
        ("spot", "usdm", "coinm": the futures APIs share method names with Spot)."""
        with self._lock:
            return self._counts[method if market is None else f"{market} {method}"]

    def wait_until(self, predicate: Callable[[LocalExchange], bool], timeout: float = 5.0) -> bool:
        """Wait until `predicate(self)` holds (re-checked after every server event); False on timeout."""
        with self._changed:
            self._waiters += 1
            try:
                return self._changed.wait_for(lambda: predicate(self), timeout)
            finally:
                self._waiters -= 1

    def _notify_locked(self) -> None:
        if self._waiters:  # the request path skips the Condition machinery when nobody waits
            self._changed.notify_all()

    @staticmethod
    def validate(method: str, params: Mapping[str, Any]) -> None:
        """Check a request's parameters as the server does (not its signature or timestamp).

        Raises the WireError the server would answer with.
        """
        if method not in HANDLERS:
            raise WireError(400, -1020, "This operation is not supported.")
        validate_request(method, dict(params))

    # -- fault knobs -------------------------------------------------------------------------

    def drop_connections(self) -> None:
        """Cut every connection now, without a close frame (like a network failure)."""

        async def drop() -> None:
            for session in list(self._sessions.values()):
                session.ws.transport.abort()
            for stream in list(self._streams):
                stream.transport.abort()

        self._in_loop(drop)

    def drop_streams(self) -> None:
        """Cut every futures user data stream connection now (the API connections stay)."""

        async def drop() -> None:
            for stream in list(self._streams):
                stream.transport.abort()

        self._in_loop(drop)

    # Each fault knob acts on `method` in every market, or in `market` alone ("spot", "usdm",
    # "coinm"); a fault armed for one market is taken before one armed for all.

    def delay(self, method: str, seconds: float, *, times: Optional[int] = None, market: Optional[str] = None) -> None:
        """Handle `method` only after `seconds` (other requests are not held up)."""
        self._arm(method, market, _Rule("delay", seconds=seconds, times=times))

    def never_answer(
        self, method: str, *, execute: bool = True, times: Optional[int] = None, market: Optional[str] = None
    ) -> None:
        """Swallow the answers to `method`; with `execute`, the request still takes effect."""
        self._arm(method, market, _Rule("silent", execute=execute, times=times))

    def fail(
        self,
        method: str,
        status: int,
        code: int,
        msg: str = "Injected failure.",
        *,
        data: Optional[dict[str, Any]] = None,
        execute: bool = False,
        times: Optional[int] = None,
        market: Optional[str] = None,
    ) -> None:
        """Answer `method` with this error; with `execute`, the request still takes effect."""
        self._arm(method, market, _Rule("fail", error=WireError(status, code, msg, data), execute=execute, times=times))

    def clear_faults(self) -> None:
        """Disarm every method fault and restore the clock and ping answers."""
        with self._lock:
            self._rules.clear()
            self._upgrade_refusal = None
            self._trickle = None
        self.clock_skew = 0.0
        self.answer_pings = True

    def _arm(self, method: str, market: Optional[str], rule: _Rule) -> None:
        if market is not None and market not in _MARKETS:
            raise ValueError(f"market={market!r}: pass one of {', '.join(_MARKETS)}, or None for every market")
        with self._lock:
            self._rules[method if market is None else f"{market} {method}"] = rule

    def _rule_key(self, method: str, market: str) -> str:
        qualified = f"{market} {method}"
        return qualified if qualified in self._rules else method

    def _rule_for(self, method: str, market: str) -> Optional[_Rule]:
        return self._rules.get(self._rule_key(method, market))

    def _take_rule(self, method: str, market: str) -> Optional[_Rule]:
        key = self._rule_key(method, market)
        rule = self._rules.get(key)
        if rule is not None and rule.times is not None:
            rule.times -= 1
            if rule.times <= 0:
                del self._rules[key]
        return rule

    def send_server_shutdown(self, close_after: Optional[float] = 1.0) -> None:
        """Send the `serverShutdown` event on every connection; close them `close_after` s later."""

        async def announce() -> None:
            event = _dumps({"event": {"e": "serverShutdown", "E": self.now_ms()}})
            for session in list(self._sessions.values()):
                try:
                    await session.ws.send(event)
                except ConnectionClosed:
                    continue
                if close_after is not None:
                    asyncio.get_running_loop().call_later(close_after, _close_soon, session.ws)

        self._in_loop(announce)

    def send_raw(self, data: Union[str, bytes]) -> None:
        """Send `data` as one text (str) or binary (bytes) frame on every connection."""

        async def send() -> None:
            for session in list(self._sessions.values()):
                try:
                    await session.ws.send(data)
                except ConnectionClosed:
                    pass

        self._in_loop(send)

    def send_frame_bytes(self, data: bytes) -> None:
        """Write `data` as it is into every connection's byte stream (after TLS, if any).

        For frames no well-behaved server sends: invalid UTF-8 in a text frame, an oversized
        ping. Build them by hand (server frames are unmasked).
        """

        async def write() -> None:
            for session in list(self._sessions.values()):
                session.ws.transport.write(data)

        self._in_loop(write)

    def refuse_upgrades(self, status: int, *, retry_after: Optional[float] = None, times: Optional[int] = None) -> None:
        """Answer WebSocket upgrade requests with HTTP `status` (429, 418, 503...) instead of
        accepting them, with a ``Retry-After`` header when `retry_after` is given (seconds);
        `times` refusals, or until `clear_faults()`. Each refusal's time is in `upgrades_refused`.
        """
        with self._lock:
            self._upgrade_refusal = (status, retry_after, times)

    def trickle_upgrades(self, interval: float = 0.1) -> None:
        """Answer upgrade requests one byte every `interval` seconds, with headers that never
        end, until `clear_faults()`: a handshake that makes progress but never completes."""
        with self._lock:
            self._trickle = interval

    async def _process_upgrade(self, connection: ServerConnection, request: Any) -> Any:
        interval = self._trickle
        if interval is not None:
            transport = connection.transport
            text = b"HTTP/1.1 101 Switching Protocols\r\n" + b"X-Trickle: a\r\n" * 1_000_000
            for byte in text:
                if transport.is_closing() or self._trickle is None:
                    break
                transport.write(bytes((byte,)))
                await asyncio.sleep(interval)
            transport.abort()
            return None
        with self._lock:
            refusal = self._upgrade_refusal
            if refusal is None:
                return None
            status, retry_after, times = refusal
            if times is not None:
                self._upgrade_refusal = (status, retry_after, times - 1) if times > 1 else None
            self.upgrades_refused.append(self.now_ms())
            self._notify_locked()
        response = connection.respond(status, f"refused with {status} by LocalExchange.refuse_upgrades\n")
        if retry_after is not None:
            response.headers["Retry-After"] = str(int(retry_after) if retry_after == int(retry_after) else retry_after)
        return response

    # -- REST and the admin channel (plain HTTP on the same port) ----------------------------

    async def _serve_http(self, conn: ServerConnection, request: rest.HttpRequest) -> None:
        """Answer one HTTP request that is not a WebSocket upgrade, then close the connection."""
        transport = conn.transport
        try:
            if request.path.startswith(ADMIN_PREFIX):
                reply: Optional[bytes] = await self._admin(request)
            else:
                desk: Any = self._spot
                call = rest.to_call(request)
                for market in self.futures.values():
                    if call is None:
                        call = rest.to_call(request, market.routes, market.rules)
                        desk = market
                rule = self._rule_for(call.method, desk.name) if call is not None else None
                if rule is not None and rule.kind == "delay":
                    await asyncio.sleep(rule.seconds)  # as on the WebSocket: the rule is taken on arrival
                reply, outgoing = self._rest(conn, request, call, delayed=rule is not None, desk=desk)
                await _send_all(outgoing)
            if reply is not None and not transport.is_closing():  # None: a fault swallowed the answer
                transport.write(reply)
        except Exception as exc:  # a bug here: say so to the caller rather than hang up on it
            log.exception("LocalExchange failed to answer %s %s", request.method, request.path)
            if not transport.is_closing():
                transport.write(rest.render(500, {"code": -1000, "msg": f"LocalExchange error: {exc!r}"}))
        finally:
            transport.close()

    def _rest(
        self, conn: ServerConnection, request: rest.HttpRequest, call: Optional[rest.RestCall], *, delayed: bool,
        desk: Any,
    ) -> tuple[Optional[bytes], Outgoing]:
        if request.path in rest.REMOVED_PATHS:
            return rest.render(410, {"code": -1020, "msg": f"{request.path} was removed on 2026-02-20."}), []
        if call is None:
            return rest.render(404, {"code": -1020, "msg": "This operation is not supported."}), []
        if call.error is not None:
            return rest.render(call.error.status, call.error.body()), []
        session = Session(conn, -1, self.now_ms(), False, signed_text=call.signed_text,
                          desk=desk if desk is not self._spot else None)
        body, outgoing, _ = self._answer(session, {"id": None, "method": call.method, "params": call.params},
                                         delayed=delayed)
        if body is None:
            return None, outgoing
        now = self.now_ms()
        headers: dict[str, str] = {}
        with self._lock:
            # The same counters as the rateLimits array, under REST's header names.
            account = self.engine.accounts.get(call.params.get("apiKey", ""))
            counted = account if account is not None and desk.rules[call.method].orders else None
            for limit in desk.usage(counted, now):
                window = f"{limit['intervalNum']}{limit['interval'][0]}"
                if limit["rateLimitType"] == "REQUEST_WEIGHT":
                    headers["X-MBX-USED-WEIGHT"] = headers[f"X-MBX-USED-WEIGHT-{window}"] = str(limit["count"])
                else:
                    headers[f"X-MBX-ORDER-COUNT-{window}"] = str(limit["count"])
        if body["status"] == 200:
            return rest.render(200, body["result"], headers), outgoing
        error = dict(body["error"])
        retry_at = (error.pop("data", None) or {}).get("retryAfter")
        if isinstance(retry_at, int) and body["status"] in (418, 429):
            headers["Retry-After"] = str(max(0, -(-(retry_at - now) // 1000)))
        return rest.render(body["status"], error, headers), outgoing

    async def _admin(self, request: rest.HttpRequest) -> bytes:
        """``POST /_local/<knob>`` with a JSON object of arguments: drive LocalExchange from outside.

        The knobs are the methods of the same names (see `ADMIN_KNOBS`); they run off the event
        loop, since most of them wait for it.
        """
        name = request.path[len(ADMIN_PREFIX):]
        knob = ADMIN_KNOBS.get(name)
        if knob is None:
            return rest.render(404, {"code": -1, "msg": f"no knob {name!r}; knobs: {', '.join(sorted(ADMIN_KNOBS))}"})
        if request.method != "POST":
            return rest.render(405, {"code": -1, "msg": "use POST"})
        try:
            kwargs = json.loads(request.body or b"{}")
            if not isinstance(kwargs, dict):
                raise ValueError("the body must be a JSON object of arguments")
            loop = asyncio.get_running_loop()
            result = await loop.run_in_executor(None, functools.partial(knob, self, **kwargs))
        except (TypeError, ValueError, KeyError, ArithmeticError) as exc:
            return rest.render(400, {"code": -1, "msg": f"{name}: {exc}"})
        return rest.render(200, {} if result is None else result)

    def _charge_connection(self, connection: ServerConnection, request: Any, response: Any) -> Any:
        """"Connecting to WebSocket API costs 2 weight", reported in the upgrade's headers as
        production does (``x-mbx-used-weight``, ``x-mbx-used-weight-1m``)."""
        if response.status_code != 101:
            return response
        path = urlsplit(request.path).path
        if any(d.stream_key(path, {}) is not None for d in self.futures.values()):
            return response  # a user data stream: the stream host's, which counts no API weight
        desk = self._desk_at.get(path, self._spot)
        with self._lock:
            used = desk.weight.add(desk.connect_weight, self.now_ms())
        window = self.weight_window if desk is self._spot else 60
        response.headers["x-mbx-used-weight"] = str(used)
        response.headers[f"x-mbx-used-weight-{_header_interval(window)}"] = str(used)
        return response

    # -- user data stream --------------------------------------------------------------------

    def subscribe(self, session: Session, account: Account, *, via_logon: bool) -> int:
        """Open a subscription to `account`'s events on `session` (one per account)."""
        if any(uid == account.uid for uid, _ in session.subscriptions.values()):
            raise WireError(400, -2035, "User Data Stream subscription already active.")
        if session.next_subscription > 65535:
            raise WireError(400, -2042, "Maximum subscription ID reached for this connection.")
        number = session.next_subscription
        session.next_subscription += 1
        session.subscriptions[number] = (account.uid, via_logon)
        return number

    def end_subscriptions(
        self, session: Session, now: int, *, only: Optional[int] = None, logon_only: bool = False
    ) -> None:
        """Close subscriptions (all, one, or those of the logon), each with eventStreamTerminated."""
        for number, (uid, via_logon) in list(session.subscriptions.items()):
            if (only is not None and number != only) or (logon_only and not via_logon):
                continue
            del session.subscriptions[number]
            self._pending_out.append((session.ws, _dumps(
                {"subscriptionId": number, "event": {"e": "eventStreamTerminated", "E": now}})))

    def _events_out(self) -> Outgoing:
        """The engine's new events as frames for every session subscribed to their account."""
        outgoing, self._pending_out = self._pending_out, []
        if self.futures:
            now = self.now_ms()
            for desk in self.futures.values():
                outgoing.extend((ws, _dumps(event)) for ws, event in desk.events_out(now))
        for uid, event in self.engine.take_events():
            for session in self._sessions.values():
                for number, (subscribed, _) in session.subscriptions.items():
                    if subscribed == uid:
                        outgoing.append((session.ws, _dumps({"subscriptionId": number, "event": event})))
        return outgoing

    # -- rate limits ---------------------------------------------------------------------------

    def limit_definitions(self) -> list[dict[str, Any]]:
        """The rateLimits array of exchangeInfo (limits without counts)."""
        return [
            {**_interval("REQUEST_WEIGHT", self.weight_window), "limit": self.weight_limit},
            {**_interval("ORDERS", self.orders_window), "limit": self.orders_per_10s},
            {"rateLimitType": "ORDERS", "interval": "DAY", "intervalNum": 1, "limit": self.orders_per_day},
            {"rateLimitType": "CONNECTIONS", "interval": "MINUTE", "intervalNum": 5, "limit": 300},
        ]

    def _order_windows(self, account: Account) -> tuple[_Window, _Window]:
        return self._orders.setdefault(account.api_key, (_Window(self.orders_window), _Window(86400)))

    def order_limits(self, account: Account, now: int) -> list[dict[str, Any]]:
        second, day = self._order_windows(account)
        return [
            {**_interval("ORDERS", self.orders_window), "limit": self.orders_per_10s, "count": second.add(0, now)},
            _limit("ORDERS", "DAY", 1, self.orders_per_day, day.add(0, now)),
        ]

    def _orders_exceed(self, account: Account, count: int) -> bool:
        now = self.now_ms()
        second, day = self._order_windows(account)
        return second.add(0, now) + count > self.orders_per_10s or day.add(0, now) + count > self.orders_per_day

    def _usage(self, account: Optional[Account], now: int) -> list[dict[str, Any]]:
        limits = self.order_limits(account, now) if account is not None else []
        limits.append(
            {**_interval("REQUEST_WEIGHT", self.weight_window), "limit": self.weight_limit,
             "count": self._weight.add(0, now)}
        )
        return limits

    def _police_weight(self, weight: int, now: int) -> None:
        """429 past the weight limit; a client that keeps going after 429s gets a 418 ban."""
        if now < self._banned_until:
            raise WireError(418, -1003, f"Way too much request weight used; IP banned until {self._banned_until}. "
                            "Please use WebSocket Streams for live updates to avoid bans.",
                            {"serverTime": now, "retryAfter": self._banned_until})
        used = self._weight.add(0, now)
        if used == 0:
            self._strikes = 0
        if used + weight > self.weight_limit:
            self._strikes += 1
            if self._strikes > self.ban_after:
                self._banned_until = now + int(self.ban_seconds * 1000)
                raise WireError(418, -1003, f"Way too much request weight used; IP banned until {self._banned_until}. "
                                "Please use WebSocket Streams for live updates to avoid bans.",
                                {"serverTime": now, "retryAfter": self._banned_until})
            window = _interval("", self.weight_window)
            raise WireError(429, -1003, f"Too much request weight used; current limit is {self.weight_limit} "
                            f"request weight per {window['intervalNum']} {window['interval']}. Please use WebSocket Streams for live updates to avoid "
                            "polling the API.", {"serverTime": now, "retryAfter": self._weight.resets_at(now)})

    def _police_orders(self, account: Account, count: int, now: int) -> None:
        second, day = self._order_windows(account)
        if second.add(0, now) + count > self.orders_per_10s:
            window = _interval("", self.orders_window)
            raise WireError(429, -1015, f"Too many new orders; current limit is {self.orders_per_10s} orders per "
                            f"{window['intervalNum']} {window['interval']}.",
                            {"serverTime": now, "retryAfter": second.resets_at(now)})
        if day.add(0, now) + count > self.orders_per_day:
            raise WireError(429, -1015, f"Too many new orders; current limit is {self.orders_per_day} orders per DAY.",
                            {"serverTime": now, "retryAfter": day.resets_at(now)})

    # -- the protocol ------------------------------------------------------------------------

    def now_ms(self) -> int:
        """The server's clock, in epoch milliseconds (skewed by `clock_skew`)."""
        return int((time.time() + self.clock_skew) * 1000)

    async def _serve(self, ws: ServerConnection) -> None:
        target = urlsplit(ws.request.path if ws.request else "")
        query = parse_qs(target.query)
        for market in self.futures.values():
            key = market.stream_key(target.path, query)
            if key is not None:
                await self._serve_stream(ws, market, key)
                return
        desk = self._desk_at.get(target.path)
        session = Session(
            ws,
            next(self._session_numbers),
            self.now_ms(),
            query.get("returnRateLimits", ["true"])[0] != "false",
            desk=desk,
        )
        self._silence_pongs_when_asked(ws)
        self._close_on_a_wrong_pong(session)
        with self._lock:
            self._sessions[session.number] = session
            self.connections_accepted += 1
            self.connection_times.append(self.now_ms())
            self._notify_locked()
        keepalive = self._start_keepalive(ws, desk is not None)
        tasks: set[asyncio.Future[None]] = set()
        try:
            async for message in ws:
                if isinstance(message, bytes):
                    await ws.send(_dumps(self._error_body(None, WireError(400, -1135, "Invalid JSON Request"))))
                    continue
                try:
                    request = _loads(message)
                except ValueError:
                    await ws.send(_dumps(self._error_body(None, WireError(400, -1135, "Invalid JSON Request"))))
                    continue
                rule = self._rule_for((desk or self._spot).method_of(request), (desk or self._spot).name)
                if rule is not None and rule.kind == "delay":
                    task = asyncio.ensure_future(self._answer_later(session, request, rule.seconds))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    continue
                body, outgoing, close = self._answer(session, request)
                await self._send_answer(ws, body, outgoing)
                if close:
                    await ws.close(1008, "banned")
        except ConnectionClosed:
            pass
        finally:
            if keepalive is not None:
                keepalive.cancel()
            for later in tasks:
                later.cancel()
            with self._lock:
                self._sessions.pop(session.number, None)
                self._notify_locked()

    async def _serve_stream(self, ws: ServerConnection, desk: FuturesDesk, key: str) -> None:
        """A futures user data stream: the events of the account whose listenKey is `key`.

        An unknown or expired key is refused with a close (1008), as the stream host does not
        stream it. Incoming messages are read and ignored (no subscriptions are served here).
        """
        with self._lock:
            if desk.stream_account(key, self.now_ms()) is None:
                refused = True
            else:
                refused = False
                desk.streams.setdefault(key, set()).add(ws)
                self._streams.add(ws)
                self.stream_connections_accepted += 1
                self._notify_locked()
        if refused:
            await ws.close(1008, "Invalid listenKey")
            return
        self._silence_pongs_when_asked(ws)
        keepalive = self._start_keepalive(ws, True)
        expiry = asyncio.ensure_future(self._announce_expiry(ws, desk, key))
        try:
            async for _ in ws:
                pass
        except ConnectionClosed:
            pass
        finally:
            expiry.cancel()
            if keepalive is not None:
                keepalive.cancel()
            with self._lock:
                desk.streams.get(key, set()).discard(ws)
                self._streams.discard(ws)
                self._notify_locked()

    async def _announce_expiry(self, ws: ServerConnection, desk: FuturesDesk, key: str) -> None:
        """When `key` expires (60 min after its start or last keepalive), push ``listenKeyExpired``
        on this stream, once; then it carries nothing more (the docs: "this event will be pushed")."""
        while True:
            with self._lock:
                expires = desk.expiry(key)
                now = self.now_ms()
            if expires is None:  # stopped or replaced: nothing to announce
                return
            if now >= expires:
                with self._lock:
                    announce = desk.mark_announced(key)
                if announce:
                    try:
                        await ws.send(_dumps({"e": "listenKeyExpired", "E": now, "listenKey": key}))
                    except ConnectionClosed:
                        pass
                return
            await asyncio.sleep(min((expires - now) / 1000, 60.0))

    def _silence_pongs_when_asked(self, ws: ServerConnection) -> None:
        protocol = ws.protocol
        send_frame = protocol.send_frame

        def maybe_send(frame: Any) -> None:
            if frame.opcode is Opcode.PONG and not self.answer_pings:
                return
            send_frame(frame)

        protocol.send_frame = maybe_send  # type: ignore[method-assign]

    def _close_on_a_wrong_pong(self, session: Session) -> None:
        """A pong whose payload is not the ping's closes the connection at once, as Binance does.

        A pong while no ping waits (unsolicited) is allowed, as the docs say.
        """
        ws = session.ws
        acknowledge = ws.acknowledge_pings

        def check(data: bytes) -> None:
            if ws.pending_pings and data not in ws.pending_pings:
                log.info("connection %d answered a ping with another payload; closing it", session.number)
                asyncio.ensure_future(ws.close(1008, "Pong payload does not match ping payload."))
                return
            acknowledge(data)

        ws.acknowledge_pings = check  # type: ignore[method-assign]

    def _start_keepalive(self, ws: ServerConnection, futures: bool) -> Optional[asyncio.Future[None]]:
        """Ping like Binance: Spot every `ping_interval` (20 s), a pong within `pong_timeout`
        (1 min); futures every 3 min, a pong within 10 min (their own knobs)."""
        interval, timeout = (
            (self.futures_ping_interval, self.futures_pong_timeout) if futures else (self.ping_interval, self.pong_timeout)
        )
        return None if not interval else asyncio.ensure_future(self._keepalive(ws, interval, timeout))

    async def _keepalive(self, ws: ServerConnection, interval: float, timeout: float) -> None:
        """Ping every `interval` s; drop the connection if no pong comes back within `timeout` s."""
        while True:
            await asyncio.sleep(interval)
            try:
                pong = await ws.ping(b"")  # Binance's pings are empty
                await asyncio.wait_for(pong, timeout)
            except asyncio.TimeoutError:
                log.info("%s missed a pong; closing it", ws.id)
                await ws.close(1008, "pong timeout")
                return
            except ConnectionClosed:
                return
            with self._lock:
                self.pongs_received += 1
                self._notify_locked()

    async def _answer_later(self, session: Session, request: Any, seconds: float) -> None:
        await asyncio.sleep(seconds)
        body, outgoing, _ = self._answer(session, request, delayed=True)
        try:
            await self._send_answer(session.ws, body, outgoing)
        except ConnectionClosed:
            pass

    async def _send_answer(self, ws: ServerConnection, body: Optional[dict[str, Any]], events: Outgoing) -> None:
        """Send an answer and the events it caused, in the order `event_order` says.

        In production an order's executionReport NEW or outboundAccountPosition often arrives
        before the order.place answer; a client must not depend on either order.
        """
        first = self.event_order == "events_first" or (
            self.event_order == "random" and events and self._order_rng.random() < 0.5
        )
        if first:
            await _send_all(events)
        if body is not None:
            await ws.send(_dumps(body))
        if not first:
            await _send_all(events)

    def _answer(
        self, session: Session, request: Any, delayed: bool = False
    ) -> tuple[Optional[dict[str, Any]], Outgoing, bool]:
        """Handle one request: the response body (None when a fault swallows it), the event
        frames it set off, and whether to close the connection (a ban)."""
        if not isinstance(request, dict):
            return self._error_body(None, WireError(400, -1135, "Invalid JSON Request")), [], False
        request_id = request.get("id")
        desk = session.desk or self._spot
        method = desk.method_of(request)
        params = request.get("params", {})
        with self._lock:
            self._counts[method] += 1
            self._counts[f"{desk.name} {method}"] += 1
            now = self.now_ms()
            rule = self._take_rule(method, desk.name)
            if rule is not None and rule.kind == "delay" and not delayed:  # armed after arrival
                rule = None
            spec = desk.rules.get(method)
            account: Optional[Account] = None
            result: Any = None
            error: Optional[WireError] = None
            ok = False
            weight = _weight(spec, params if isinstance(params, dict) else {})
            try:
                if not isinstance(params, dict):
                    raise WireError(400, -1135, "Invalid 'params' in JSON request; expected an object.")
                if not method:
                    raise bad_param("method")
                desk.check_removed(method)
                handler = desk.handlers.get(method)
                if handler is None:
                    raise WireError(400, -1020, "This operation is not supported.")
                desk.police_weight(weight, now)
                if rule is not None and rule.kind == "silent" and not rule.execute:
                    return None, [], False  # lost on the way in: counted, never handled
                if rule is not None and rule.kind == "fail" and not rule.execute:
                    assert rule.error is not None
                    raise rule.error
                desk.validate(method, params)
                account = self._authorize(session, handler, params, now)
                if account is not None and spec is not None and spec.orders and method != "order.cancelReplace":
                    desk.police_orders(account, spec.orders, now)
                result = handler.fn(desk.context(session, account, now), params)
                ok = True
            except WireError as exc:
                error = exc
            if error is None or error.status not in (418, 429) or error.code == -1015:
                charged = 0 if ok and spec is not None and spec.free_on_success else weight
                desk.weight.add(charged, now)
            if account is not None and spec is not None and spec.orders and (
                ok or (error is not None and error.code in (-2021,))
            ):
                desk.count_orders(account, spec.orders, now)
            self._notify_locked()
            outgoing = self._events_out()
            if rule is not None and rule.kind == "silent":
                return None, outgoing, False
            if rule is not None and rule.kind == "fail":
                assert rule.error is not None
                ok, error = False, rule.error
            if ok:
                body: dict[str, Any] = {"id": request_id, "status": 200, "result": result}
            else:
                assert error is not None
                body = self._error_body(request_id, error)
            self.status_counts[body["status"]] += 1
            show = params.get("returnRateLimits", session.return_rate_limits) if isinstance(params, dict) else True
            if show not in (False, "false"):
                body["rateLimits"] = desk.usage(account if spec is not None and spec.orders else None, now)
            return body, outgoing, error is not None and error.status == 418

    @staticmethod
    def _error_body(request_id: Any, error: WireError) -> dict[str, Any]:
        return {"id": request_id, "status": error.status, "error": error.body()}

    def _authorize(self, session: Session, handler: Handler, params: dict[str, Any], now: int) -> Optional[Account]:
        """Check apiKey, timestamp/recvWindow and signature, or the session's logon."""
        if handler.auth == "none":
            return None
        accounts = self.engine.accounts
        if handler.auth == "session":
            if session.api_key is None:
                raise WireError(401, -2015, _INVALID_KEY)
            return accounts[session.api_key]
        if handler.auth == "key":  # USER_STREAM: the API key alone, or the session's logon
            key = params.get("apiKey", session.api_key)
            if key is None:
                raise bad_param("apiKey")
            found = accounts.get(key) if isinstance(key, str) else None
            if found is None or key in self._revoked:
                raise WireError(401, -2015, _INVALID_KEY)
            return found
        api_key = params.get("apiKey")
        signature = params.get("signature")
        by_session = handler.auth == "signed" and api_key is None and signature is None and session.api_key
        if by_session:
            account = accounts[session.api_key]  # type: ignore[index]
        else:
            if api_key is None:
                raise bad_param("apiKey")
            if not isinstance(api_key, str) or len(api_key) != 64 or not api_key.isalnum():
                raise WireError(401, -2014, "API-key format invalid.")
            found = accounts.get(api_key)
            if found is None or api_key in self._revoked:
                raise WireError(401, -2015, _INVALID_KEY)
            account = found
            if signature is None:
                raise bad_param("signature")
        self._check_timestamp(params, now, (session.desk or self._spot).max_recv_window)
        payload = session.signed_text if session.signed_text is not None else server_payload(params)
        if not by_session and not verify_signature(account.key_type, account.verify_key, payload, signature):
            raise WireError(400, -1022, "Signature for this request is not valid.")
        return account

    @staticmethod
    def _check_timestamp(params: dict[str, Any], now: int, max_recv_window: Optional[int] = 60000) -> None:
        """The docs' timing rule: timestamp < now + 1 s and now - timestamp <= recvWindow.

        Spot's recvWindow is at most 60000 ms with microsecond decimals; the futures APIs
        document no maximum and take whole milliseconds (`max_recv_window` None).
        """
        raw = params.get("timestamp")
        if raw is None:
            raise bad_param("timestamp")
        try:
            timestamp = int(str(raw))
        except ValueError:
            raise bad_param("timestamp") from None
        if timestamp > 10**14:  # microseconds
            timestamp //= 1000
        window = params.get("recvWindow", 5000)
        try:
            recv_window = Decimal(str(window))
        except ArithmeticError:
            raise bad_param("recvWindow") from None
        if not recv_window.is_finite() or recv_window <= 0:
            raise bad_param("recvWindow")
        if max_recv_window is not None and recv_window > max_recv_window:
            raise WireError(400, -1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.")
        if recv_window != recv_window.quantize(Decimal("0.001" if max_recv_window is not None else "1")):
            raise WireError(400, -1111, "Parameter 'recvWindow' has too much precision.")
        if timestamp < _MIN_TIMESTAMP:
            raise WireError(400, -1021, "Timestamp for this request is outside of the recvWindow.")
        if timestamp >= now + 1000:
            raise WireError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.")
        if now - timestamp > recv_window:
            raise WireError(400, -1021, "Timestamp for this request is outside of the recvWindow.")


async def _send_all(outgoing: Outgoing) -> None:
    for ws, text in outgoing:
        try:
            await ws.send(text)
        except ConnectionClosed:
            pass


def _close_soon(ws: ServerConnection) -> None:
    asyncio.ensure_future(ws.close(1001, "server shutdown"))


def _method_of(request: Any) -> str:
    method = request.get("method") if isinstance(request, dict) else None
    if not isinstance(method, str):
        return ""
    return method[3:] if method.startswith("v3/") else method


def _weight(spec: Any, params: dict[str, Any]) -> int:
    if spec is None:
        return 1
    try:
        return int(spec.weight(params))
    except (TypeError, ValueError):
        return 1


ADMIN_PREFIX = "/_local/"


def _account(exchange: LocalExchange, api_key: str) -> LocalAccount:
    with exchange._lock:
        account = exchange.engine.accounts[api_key]
    return LocalAccount(api_key, "", account.key_type, account.uid)


def _create_account(exchange: LocalExchange, balances: Optional[dict[str, str]] = None, key_type: str = "ed25519") -> dict[str, Any]:
    account = exchange.create_account(balances, key_type)
    return {"api_key": account.api_key, "api_secret": account.api_secret, "key_type": account.key_type}


def _set(exchange: LocalExchange, **values: Any) -> None:
    checks: dict[str, tuple[Callable[[Any], bool], str]] = {
        "clock_skew": (lambda v: type(v) in (int, float) and math.isfinite(v), "a number of seconds"),
        "answer_pings": (lambda v: type(v) is bool, "true or false"),
        "event_order": (lambda v: v in _EVENT_ORDERS, "one of " + ", ".join(_EVENT_ORDERS)),
    }
    for name, value in values.items():  # all checked before any is set
        if name not in checks:
            raise ValueError(f"cannot set {name!r}; settable: {', '.join(checks)}")
        ok, what = checks[name]
        if not ok(value):
            raise ValueError(f"{name}={value!r}: pass {what}")
    for name, value in values.items():
        setattr(exchange, name, value)


#: What the admin channel can do: ``POST /_local/<name>`` with the keyword arguments as JSON.
#: Accounts are named by their api_key.
ADMIN_KNOBS: dict[str, Callable[..., Any]] = {
    "create_account": _create_account,
    "deposit": lambda ex, api_key, asset, amount: ex.deposit(_account(ex, api_key), asset, amount),
    "revoke_api_key": lambda ex, api_key: ex.revoke_api_key(_account(ex, api_key)),
    "delay": lambda ex, method, seconds, times=None, market=None: ex.delay(method, seconds, times=times, market=market),
    "never_answer": lambda ex, method, execute=True, times=None, market=None: ex.never_answer(
        method, execute=execute, times=times, market=market
    ),
    "fail": lambda ex, method, status, code, msg="Injected failure.", data=None, execute=False, times=None,
    market=None: ex.fail(method, status, code, msg, data=data, execute=execute, times=times, market=market),
    "clear_faults": lambda ex: ex.clear_faults(),
    "drop_connections": lambda ex: ex.drop_connections(),
    "send_server_shutdown": lambda ex, close_after=1.0: ex.send_server_shutdown(close_after),
    "refuse_upgrades": lambda ex, status, retry_after=None, times=None: ex.refuse_upgrades(
        status, retry_after=retry_after, times=times
    ),
    "set": _set,
    "state": lambda ex: {"connections": ex.connection_count, "orders_accepted": ex.orders_accepted(),
                         "pongs_received": ex.pongs_received},
}


def _header_interval(seconds: int) -> str:
    """A window as Binance's headers name it (60 s is "1m", 10 s "10s"): `_interval`'s, abbreviated."""
    named = _interval("", seconds)
    return f"{named['intervalNum']}{named['interval'][0].lower()}"


def _interval(kind: str, seconds: int) -> dict[str, Any]:
    """The rateLimits fields naming a window of `seconds`, in Binance's largest whole unit."""
    for unit, length in (("DAY", 86400), ("HOUR", 3600), ("MINUTE", 60)):
        if seconds % length == 0:
            return {"rateLimitType": kind, "interval": unit, "intervalNum": seconds // length}
    return {"rateLimitType": kind, "interval": "SECOND", "intervalNum": seconds}


def _limit(kind: str, interval: str, num: int, limit: int, count: int) -> dict[str, Any]:
    return {"rateLimitType": kind, "interval": interval, "intervalNum": num, "limit": limit, "count": count}
