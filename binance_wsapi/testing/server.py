"""LocalExchange: a Binance Spot WebSocket API on 127.0.0.1, for offline use and tests.

It runs a real WebSocket server (the `websockets` library, asyncio) on a daemon thread,
speaks the documented protocol (envelope, signatures, timestamps, session logon, rate-limit
reporting, documented error codes), keeps real balances and order books, and has knobs to
misbehave on purpose: drop connections, delay or swallow answers, answer with an error,
announce `serverShutdown`, skew its clock, stop answering pings.

All exchange state sits behind one lock; requests are handled one at a time on the event
loop, so concurrent clients never corrupt a book.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import logging
import secrets
import string
import threading
import time
from decimal import Decimal
from typing import Any, Callable, Mapping, Optional, Union
from urllib.parse import parse_qs, urlsplit

from attrs import define, frozen
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.frames import Opcode

from ..methods import METHODS
from .auth import server_payload, verify_signature
from .engine import Account, Engine, SymbolSpec, WireError, bad_param
from .handlers import HANDLERS, REMOVED, Context, Handler

log = logging.getLogger("binance_wsapi.testing")

__all__ = ["LocalAccount", "LocalExchange"]

_KEY_ALPHABET = string.ascii_letters + string.digits
_MIN_TIMESTAMP = 1483228800000  # 2017-01-01: earlier timestamps are rejected
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
# Fractional JSON numbers stay Decimal, so a signed "0.10" is rendered back exactly as sent.
_loads = json.JSONDecoder(parse_float=Decimal).decode


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
class _Session:
    """One client connection, as the server sees it."""

    ws: ServerConnection
    number: int
    connected_since: int
    return_rate_limits: bool
    api_key: Optional[str] = None
    authorized_since: Optional[int] = None


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


class LocalExchange:
    """A local Binance Spot WebSocket API server. Use as a context manager, or `close()` it.

    ::

        with LocalExchange() as exchange:
            account = exchange.create_account({"USDT": "10000"})
            with exchange.client(account) as client:
                client.ping()

    `ping_interval`/`pong_timeout`: like Binance, the server pings every 20 s and drops a
    connection that has not answered within 60 s. `book_levels`: seeded price levels on each
    side of every symbol's book.
    """

    #: Limits reported in rateLimits, as in the docs' examples.
    WEIGHT_LIMIT = 6000
    ORDERS_PER_10S = 50
    ORDERS_PER_DAY = 160000

    def __init__(
        self,
        *,
        port: int = 0,
        ping_interval: Optional[float] = 20.0,
        pong_timeout: float = 60.0,
        book_levels: int = 5000,
        symbols: Optional[list[SymbolSpec]] = None,
    ) -> None:
        self.ping_interval = ping_interval
        self.pong_timeout = pong_timeout
        #: Seconds added to the server's clock (to test clock skew handling).
        self.clock_skew = 0.0
        #: False: the server ignores the client's pings (a silent, half-dead connection).
        self.answer_pings = True
        self._engine = Engine(symbols, book_levels) if symbols is not None else Engine(book_levels=book_levels)
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._waiters = 0
        self._sessions: dict[int, _Session] = {}
        self._session_numbers = itertools.count(1)
        self._rules: dict[str, _Rule] = {}
        self._counts: collections.Counter[str] = collections.Counter()
        self._weight = _Window(60)
        self._orders: dict[str, tuple[_Window, _Window]] = {}
        self.connections_accepted = 0
        self.pongs_received = 0
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Future[None]] = None
        self._ready = threading.Event()
        self._startup_error: Optional[BaseException] = None
        self.port = 0
        self._thread = threading.Thread(target=self._thread_main, args=(port,), name="local-exchange", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("LocalExchange did not start within 10 s")
        if self._startup_error is not None:
            raise RuntimeError(f"LocalExchange could not start: {self._startup_error}") from self._startup_error

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The WebSocket API URL to give a Client."""
        return f"ws://127.0.0.1:{self.port}/ws-api/v3"

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

    def _thread_main(self, port: int) -> None:
        try:
            asyncio.run(self._main(port))
        except BaseException as exc:  # surfaced by __init__ if it happens during startup
            self._startup_error = exc
            self._ready.set()

    async def _main(self, port: int) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = self._loop.create_future()
        async with serve(
            self._serve, "127.0.0.1", port, ping_interval=None, compression=None, max_size=None
        ) as server:
            self.port = next(iter(server.sockets)).getsockname()[1]
            self._ready.set()
            await self._stop

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
    ) -> LocalAccount:
        """Create an account with `balances` and a new API key of `key_type`.

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
            account = Account(self._engine.new_uid(), api_key, key_type, verify_key)
            for asset, amount in (balances or {}).items():
                account.balances[asset] = [Decimal(str(amount)), Decimal(0)]
            self._engine.accounts[api_key] = account
        return LocalAccount(api_key, secret, key_type, account.uid)

    def client(self, account: LocalAccount, **kwargs: Any) -> Any:
        """A `binance_wsapi.Client` for `account`, connected to this exchange."""
        from ..client import Client

        return Client(account.api_key, account.api_secret, url=self.url, **kwargs)

    def balances(self, account: LocalAccount) -> dict[str, tuple[Decimal, Decimal]]:
        """The account's (free, locked) per asset, read directly from the exchange."""
        with self._lock:
            raw = self._engine.accounts[account.api_key].balances
            return {asset: (free, locked) for asset, (free, locked) in raw.items()}

    # -- observing ---------------------------------------------------------------------------

    @property
    def connection_count(self) -> int:
        """Connections open right now."""
        with self._lock:
            return len(self._sessions)

    def request_count(self, method: str) -> int:
        """How many requests for `method` arrived (answered or not)."""
        with self._lock:
            return self._counts[method]

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

    # -- fault knobs -------------------------------------------------------------------------

    def drop_connections(self) -> None:
        """Cut every connection now, without a close frame (like a network failure)."""

        async def drop() -> None:
            for session in list(self._sessions.values()):
                session.ws.transport.abort()

        self._in_loop(drop)

    def delay(self, method: str, seconds: float, *, times: Optional[int] = None) -> None:
        """Handle `method` only after `seconds` (other requests are not held up)."""
        self._arm(method, _Rule("delay", seconds=seconds, times=times))

    def never_answer(self, method: str, *, execute: bool = True, times: Optional[int] = None) -> None:
        """Swallow the answers to `method`; with `execute`, the request still takes effect."""
        self._arm(method, _Rule("silent", execute=execute, times=times))

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
    ) -> None:
        """Answer `method` with this error; with `execute`, the request still takes effect."""
        self._arm(method, _Rule("fail", error=WireError(status, code, msg, data), execute=execute, times=times))

    def clear_faults(self) -> None:
        """Disarm every method fault and restore the clock and ping answers."""
        with self._lock:
            self._rules.clear()
        self.clock_skew = 0.0
        self.answer_pings = True

    def _arm(self, method: str, rule: _Rule) -> None:
        with self._lock:
            self._rules[method] = rule

    def _take_rule(self, method: str) -> Optional[_Rule]:
        rule = self._rules.get(method)
        if rule is not None and rule.times is not None:
            rule.times -= 1
            if rule.times <= 0:
                del self._rules[method]
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

    # -- the protocol ------------------------------------------------------------------------

    def now_ms(self) -> int:
        """The server's clock, in epoch milliseconds (skewed by `clock_skew`)."""
        return int((time.time() + self.clock_skew) * 1000)

    async def _serve(self, ws: ServerConnection) -> None:
        query = parse_qs(urlsplit(ws.request.path if ws.request else "").query)
        session = _Session(
            ws,
            next(self._session_numbers),
            self.now_ms(),
            query.get("returnRateLimits", ["true"])[0] != "false",
        )
        self._silence_pongs_when_asked(ws)
        with self._lock:
            self._sessions[session.number] = session
            self.connections_accepted += 1
            self._weight.add(2, self.now_ms())  # "Connecting to WebSocket API costs 2 weight."
            self._notify_locked()
        keepalive: Optional[asyncio.Future[None]] = None
        if self.ping_interval:
            keepalive = asyncio.ensure_future(self._keepalive(session))
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
                rule = self._rules.get(_method_of(request))
                if rule is not None and rule.kind == "delay":
                    task = asyncio.ensure_future(self._answer_later(session, request, rule.seconds))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    continue
                body = self._answer(session, request)
                if body is not None:
                    await ws.send(_dumps(body))
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

    def _silence_pongs_when_asked(self, ws: ServerConnection) -> None:
        protocol = ws.protocol
        send_frame = protocol.send_frame

        def maybe_send(frame: Any) -> None:
            if frame.opcode is Opcode.PONG and not self.answer_pings:
                return
            send_frame(frame)

        protocol.send_frame = maybe_send  # type: ignore[method-assign]

    async def _keepalive(self, session: _Session) -> None:
        """Ping like Binance; drop the connection if no pong comes back in time."""
        assert self.ping_interval is not None
        ws = session.ws
        while True:
            await asyncio.sleep(self.ping_interval)
            try:
                pong = await ws.ping()
                await asyncio.wait_for(pong, self.pong_timeout)
            except asyncio.TimeoutError:
                log.info("connection %d missed a pong; closing it", session.number)
                await ws.close(1008, "pong timeout")
                return
            except ConnectionClosed:
                return
            with self._lock:
                self.pongs_received += 1
                self._notify_locked()

    async def _answer_later(self, session: _Session, request: Any, seconds: float) -> None:
        await asyncio.sleep(seconds)
        body = self._answer(session, request, delayed=True)
        if body is not None:
            try:
                await session.ws.send(_dumps(body))
            except ConnectionClosed:
                pass

    def _answer(self, session: _Session, request: Any, delayed: bool = False) -> Optional[dict[str, Any]]:
        """Handle one request; the response body, or None when a fault swallows it."""
        if not isinstance(request, dict):
            return self._error_body(None, WireError(400, -1135, "Invalid JSON Request"))
        request_id = request.get("id")
        method = _method_of(request)
        params = request.get("params", {})
        with self._lock:
            self._counts[method] += 1
            now = self.now_ms()
            rule = self._take_rule(method)
            if rule is not None and rule.kind == "delay" and not delayed:  # armed after arrival
                rule = None
            spec = METHODS.get(method)
            account: Optional[Account] = None
            result: Any = None
            error: Optional[WireError] = None
            ok = False
            try:
                if not isinstance(params, dict):
                    raise WireError(400, -1135, "JSON sent for parameter 'params' is not valid")
                if not method:
                    raise bad_param("method")
                if method in REMOVED:
                    raise WireError(410, -1020, f"{method} was removed on 2026-02-20; use userDataStream.subscribe.signature.")
                handler = HANDLERS.get(method)
                if handler is None:
                    raise WireError(400, -1020, "This operation is not supported.")
                if rule is not None and rule.kind == "fail" and not rule.execute:
                    assert rule.error is not None
                    raise rule.error
                account = self._authorize(session, handler, params, now)
                _check_params(handler, params)
                context = Context(self._engine, session, account, now, self._limits_info)
                result = handler.fn(context, params)
                ok = True
            except WireError as exc:
                error = exc
            weight = _weight(spec, params) if not (ok and spec is not None and spec.free_on_success) else 0
            self._weight.add(weight, now)
            orders = spec.orders if ok and spec is not None else 0
            if account is not None and spec is not None and spec.orders:
                self._count_orders(account, orders, now)
            self._notify_locked()
            if rule is not None and rule.kind == "silent":
                return None
            if rule is not None and rule.kind == "fail":
                assert rule.error is not None
                ok, error = False, rule.error
            if ok:
                body: dict[str, Any] = {"id": request_id, "status": 200, "result": result}
            else:
                assert error is not None
                body = self._error_body(request_id, error)
            show = params.get("returnRateLimits", session.return_rate_limits) if isinstance(params, dict) else True
            if show not in (False, "false"):
                body["rateLimits"] = self._usage(account if spec is not None and spec.orders else None, now)
            return body

    @staticmethod
    def _error_body(request_id: Any, error: WireError) -> dict[str, Any]:
        return {"id": request_id, "status": error.status, "error": error.body()}

    def _authorize(self, session: _Session, handler: Handler, params: dict[str, Any], now: int) -> Optional[Account]:
        """Check apiKey, timestamp/recvWindow and signature, or the session's logon."""
        if handler.auth == "none":
            return None
        accounts = self._engine.accounts
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
            if found is None:
                raise WireError(401, -2015, "Invalid API-key, IP, or permissions for action.")
            account = found
            if signature is None:
                raise bad_param("signature")
        self._check_timestamp(params, now)
        if not by_session and not verify_signature(account.key_type, account.verify_key, server_payload(params), signature):
            raise WireError(400, -1022, "Signature for this request is not valid.")
        return account

    @staticmethod
    def _check_timestamp(params: dict[str, Any], now: int) -> None:
        """The docs' timing rule: timestamp < now + 1 s and now - timestamp <= recvWindow."""
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
        if recv_window > 60000:
            raise WireError(400, -1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.")
        if recv_window != recv_window.quantize(Decimal("0.001")):
            raise WireError(400, -1111, "Parameter 'recvWindow' has too much precision.")
        if timestamp < _MIN_TIMESTAMP:
            raise WireError(400, -1021, "Timestamp for this request is outside of the recvWindow.")
        if timestamp >= now + 1000:
            raise WireError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.")
        if now - timestamp > recv_window:
            raise WireError(400, -1021, "Timestamp for this request is outside of the recvWindow.")

    def _count_orders(self, account: Account, orders: int, now: int) -> None:
        windows = self._orders.setdefault(account.api_key, (_Window(10), _Window(86400)))
        for window in windows:
            window.add(orders, now)

    def _usage(self, account: Optional[Account], now: int) -> list[dict[str, Any]]:
        limits = []
        if account is not None:
            second, day = self._orders.setdefault(account.api_key, (_Window(10), _Window(86400)))
            limits.append(_limit("ORDERS", "SECOND", 10, self.ORDERS_PER_10S, second.add(0, now)))
            limits.append(_limit("ORDERS", "DAY", 1, self.ORDERS_PER_DAY, day.add(0, now)))
        limits.append(_limit("REQUEST_WEIGHT", "MINUTE", 1, self.WEIGHT_LIMIT, self._weight.add(0, now)))
        return limits

    def _limits_info(self) -> list[dict[str, Any]]:
        """The rateLimits array of exchangeInfo (limits without counts)."""
        return [
            {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1, "limit": self.WEIGHT_LIMIT},
            {"rateLimitType": "ORDERS", "interval": "SECOND", "intervalNum": 10, "limit": self.ORDERS_PER_10S},
            {"rateLimitType": "ORDERS", "interval": "DAY", "intervalNum": 1, "limit": self.ORDERS_PER_DAY},
            {"rateLimitType": "CONNECTIONS", "interval": "MINUTE", "intervalNum": 5, "limit": 300},
        ]


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
        return int(spec.weight_for(params))
    except (TypeError, ValueError):
        return 1


def _limit(kind: str, interval: str, num: int, limit: int, count: int) -> dict[str, Any]:
    return {"rateLimitType": kind, "interval": interval, "intervalNum": num, "limit": limit, "count": count}


def _check_params(handler: Handler, params: dict[str, Any]) -> None:
    for name in handler.required:
        value = params.get(name)
        if value is None or value == "":
            raise bad_param(name)
    accepted = handler.accepted
    unread = [name for name in params if name not in accepted]
    if unread:
        raise WireError(
            400,
            -1104,
            f"Not all sent parameters were read; read '{len(params) - len(unread)}' parameter(s) "
            f"but was sent '{len(params)}'.",
        )
    unsupported = sorted(name for name in params if name in handler.unsupported)
    if unsupported:
        raise WireError(400, -1020, f"This operation is not supported. (LocalExchange does not implement {unsupported[0]} yet)")
