"""The blocking clients, one per API, and their non-blocking twins (`client.futures`).

`Client` speaks the Spot WebSocket API, `UMFuturesClient` the USDⓈ-M Futures one and
`CMFuturesClient` the COIN-M Futures one. They share one runtime (`_ClientBase`: the
supervisor, deadlines, reconnects, clock, rate-limit governor, TLS) and differ only by their
`Venue` (method table, endpoints, handshake cost, clock method, error codes) and by the few
features one API has and the others lack.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import ssl
import threading
import time
import weakref
from concurrent.futures import Future
from functools import partial
from typing import Any, Callable, ClassVar, Literal, Mapping, Optional, TypeVar, Union

from .api import FutureMethods, Methods, TimeoutArg
from .futures_api import CMFutureMethods, CMMethods, UMFutureMethods, UMMethods
from .builder import RequestBuilder, default_session_logon, recv_window_wire
from .callbacks import CallbackDispatcher, RequestFuture
from .config import (
    DEFAULT_CONNECTION_AGE,
    MAX_CONNECTION_AGE,
    USE_CLIENT_DEFAULT,
    Backoff,
    Heartbeat,
    Timeout,
    UseClientDefault,
    check_timeout,
)
from .request import Pending
from .exceptions import ConnectionLost, ExecutionStatusUnknown, InvalidRequest, RequestTimeout
from .methods import Security
from .models import ConnectionEvent, RateLimit, Response, rate_limits_from_wire
from .outcomes import ENGINE_TIMEOUT, UnknownOutcomes, resolve_order
from .signing import Password, Signer, load_credentials
from .stats import ClientStats, StatsRecorder
from .supervisor import LateResponse, Supervisor
from .symbols import SymbolInfo
from .rest import RestLookup, rest_base_for
from .userdata import UserData
from .listenkey import FuturesUserData
from .validation import wire_params
from .venues import COINM, SPOT, USDM, Venue

log = logging.getLogger("binance_wsapi")

__all__ = ["CMFutures", "CMFuturesClient", "Client", "Futures", "UMFutures", "UMFuturesClient"]

# Methods that read and never change anything: sent again after a lost connection (retry_reads).
_READ_ONLY = frozenset({Security.NONE, Security.USER_DATA})
# Orders checked against the symbol's filters before sending, with check_filters.
_FILTERED = frozenset({"order.place", "order.test"})
# What the builder adds to a request; a request built anew gets its own.
_CLIENT_ADDED = frozenset({"apiKey", "signature", "timestamp"})
_client_numbers = itertools.count(1)
_C = TypeVar("_C", bound="_ClientBase")


class _Production(str):
    """The default `url`: the client's API's production endpoint (None is refused, as a mistake)."""

    def __repr__(self) -> str:
        return "<the API's production endpoint>"


_PRODUCTION = _Production("production")


class _ClientBase:
    """The runtime every client shares; see `Client` for what its arguments mean."""

    #: The API a client class speaks.
    _venue: ClassVar[Venue] = SPOT

    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Union[str, bytes, None] = None,
        *,
        url: str = _PRODUCTION,
        timeout: Union[Timeout, float, None] = 10.0,
        signer: Optional[Signer] = None,
        private_key_password: Password = None,
        recv_window: Union[int, float, str, None] = 5000,
        session_logon: Optional[bool] = None,
        backoff: Backoff = Backoff(),
        heartbeat: Heartbeat = Heartbeat(),
        max_message_size: int = 64 * 1024 * 1024,
        callback_queue_size: int = 10_000,
        websocket_options: Optional[Mapping[str, Any]] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
        client_order_id_prefix: str = "bwsapi-",
        on_rate_limit: Literal["wait", "raise", "off"] = "wait",
        clock_sync_interval: Optional[float] = 300.0,
        max_connection_age: Optional[float] = DEFAULT_CONNECTION_AGE,
        retry_reads: bool = True,
        check_filters: bool = False,
        stay_connected: bool = False,
        rest_url: Optional[str] = None,
        rest_verify: Union[bool, str] = True,
        stream_url: Optional[str] = None,
        name: Optional[str] = None,
    ) -> None:
        venue = self._venue
        if url is _PRODUCTION:
            url = venue.production_url
        if not isinstance(url, str) or not url.startswith(("ws://", "wss://")):
            raise InvalidRequest(f"url must start with wss:// (or ws://), got {url!r}")
        signer = load_credentials(api_key, api_secret, signer, private_key_password)
        if on_rate_limit not in ("wait", "raise", "off"):
            raise InvalidRequest(f"on_rate_limit={on_rate_limit!r}: pass 'wait', 'raise' or 'off'")
        for option, value in (("clock_sync_interval", clock_sync_interval), ("max_connection_age", max_connection_age)):
            if value is not None and not (isinstance(value, (int, float)) and value > 0):
                raise InvalidRequest(f"{option}={value!r}: pass a positive number of seconds, or None to turn it off")
        if max_connection_age is not None and max_connection_age >= MAX_CONNECTION_AGE:
            raise InvalidRequest(
                f"max_connection_age={max_connection_age!r}: Binance closes every connection at 24 h "
                f"({MAX_CONNECTION_AGE} s); rotate before that"
            )
        ws_options = dict(websocket_options or {})
        if ssl_context is not None:
            if not isinstance(ssl_context, ssl.SSLContext):
                raise InvalidRequest(f"ssl_context must be an ssl.SSLContext, not {type(ssl_context).__name__}")
            if not url.startswith("wss://"):
                raise InvalidRequest(f"ssl_context was given for {url!r}: it applies to wss:// URLs only")
            ws_options["sslopt"] = {**ws_options.get("sslopt", {}), "context": ssl_context}
        default_stream = venue.stream_url_for(url)
        if stream_url is not None and (default_stream is None or not stream_url.startswith(("ws://", "wss://"))):
            raise InvalidRequest(
                f"stream_url={stream_url!r}: a futures client's user data stream base (ws:// or wss://); "
                "Spot's user data comes on the API connection"
            )
        #: Futures: where user data streams are read (the listenKey is appended).
        self._stream_url = stream_url or default_stream
        self._timeout = Timeout.coerce(timeout)
        self._url = url
        self._unknown_outcomes = UnknownOutcomes(api=venue.name)
        self._retry_reads = bool(retry_reads)
        if check_filters and venue is not SPOT:
            raise InvalidRequest(f"check_filters=True: this version checks symbol filters on Spot only, not {venue.title}")
        self._check_filters = bool(check_filters)
        self._symbols: dict[str, SymbolInfo] = {}
        self.name = name or f"binance-wsapi-{next(_client_numbers)}"
        dispatcher = CallbackDispatcher(f"{self.name}-callbacks", callback_queue_size)
        self._stats = StatsRecorder()
        self._builder = RequestBuilder(
            api_key=api_key,
            signer=signer,
            recv_window=None if recv_window is None else recv_window_wire(recv_window, venue),
            session_logon=default_session_logon(signer, session_logon),
            new_future=partial(RequestFuture, dispatcher),
            client_order_id_prefix=client_order_id_prefix,
            stats=self._stats,
            venue=venue,
        )
        #: resolve_order's second path: Binance's REST API, for when no WebSocket connection can be had.
        self._rest: Optional[RestLookup] = None
        if signer is not None and api_key is not None:
            builder = self._builder  # not self: nothing the client holds may hold the client (see _finalizer)
            self._rest = RestLookup(rest_url or venue.rest_url_for(url) or rest_base_for(url), api_key, signer,
                                    builder.recv_window, lambda: builder.clock_offset_ms, rest_verify,
                                    ssl_context if rest_verify is True else None, venue.rest_endpoints,
                                    venue.error_codes)
        self._supervisor = Supervisor(
            url=url,
            name=self.name,
            timeout=self._timeout,
            backoff=backoff,
            heartbeat=heartbeat,
            max_message_size=max_message_size,
            ws_options=ws_options,
            dispatcher=dispatcher,
            builder=self._builder,
            stats=self._stats,
            on_rate_limit=on_rate_limit,
            clock_sync_interval=clock_sync_interval,
            max_connection_age=max_connection_age,
            stay_connected=bool(stay_connected),
        )
        # The library's threads reference the supervisor, never this object, so dropping the
        # last reference to a client (a re-run notebook cell) closes it here.
        self._finalizer = weakref.finalize(self, _abandon, self._supervisor, self._timeout.close)
        _watch_exit()

    @classmethod
    def testnet(cls: type[_C], api_key: Optional[str] = None, api_secret: Union[str, bytes, None] = None,
                **kwargs: Any) -> _C:
        """A client for this API's testnet (testnet keys differ from production keys)."""
        return cls(api_key, api_secret, url=cls._venue.testnet_url, **kwargs)

    @property
    def venue(self) -> Venue:
        """The API this client speaks: its methods, endpoints and rules."""
        return self._venue

    # -- calls -----------------------------------------------------------------------------

    def request(
        self,
        method: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        signed: Optional[bool] = None,
    ) -> Response:
        """Send any wire method with wire params and wait for its `Response`.

        Known methods are signed as the method table says; for a method this version does
        not know, pass ``signed=True`` to have it signed. Params holding a `signature` are
        sent exactly as given.
        """
        return self._wait(self._submit(method, params, timeout, signed=signed, unwrap=False))  # type: ignore[no-any-return]

    def request_future(
        self,
        method: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        signed: Optional[bool] = None,
    ) -> Future[Response]:
        """Like `request`, without waiting: a Future of the `Response`, failed at the deadline."""
        future = self._submit(method, params, timeout, signed=signed, unwrap=False, future=True).future
        assert future is not None
        return future

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> Any:
        return self._wait(self._submit_named(method, timeout, unknown, values, future=False))

    def _submit_named(
        self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any], *, future: bool
    ) -> Pending:
        venue = self._venue
        spec = venue.methods[method]
        wire = wire_params(spec, values, unknown, decimal_strings=venue.decimal_strings)
        if self._check_filters and method in _FILTERED:
            self._check_order(wire)
        if spec.client_order_id is not None and spec.client_order_id not in wire:
            wire[spec.client_order_id] = self._builder.new_client_order_id()
        return self._submit(method, wire, timeout, unwrap=True, future=future)

    def _check_order(self, wire: Mapping[str, Any]) -> None:
        """check_filters' pre-flight check (Spot's `Client`; other APIs refuse check_filters)."""
        raise NotImplementedError

    def _submit(
        self,
        method: str,
        params: Optional[Mapping[str, Any]],
        timeout: TimeoutArg,
        *,
        signed: Optional[bool] = None,
        unwrap: bool,
        future: bool = False,
        count_errors: bool = True,
    ) -> Pending:
        supervisor = self._supervisor
        if supervisor.closed is not None:
            raise supervisor.closed_error()
        seconds = self._timeout.request if isinstance(timeout, UseClientDefault) else check_timeout(timeout)
        pending = self._builder.build(method, params, seconds, signed=signed, unwrap=unwrap, future=future)
        if not count_errors:  # the library's own lookups (resolve_order): "not found" is an answer there
            pending.stats = None
        pending.lead = not future  # _wait follows at once
        if future and pending.state_changing:
            pending.on_unknown = self._unknown_outcomes.failed
        supervisor.submit(pending)
        if future and pending.deadline is not None and not pending.done():
            supervisor.track_deadline(pending)  # nobody may be waiting: the supervisor enforces it
        return pending

    def _wait(self, pending: Pending) -> Any:
        try:
            return self._wait_once(pending)
        except ConnectionLost as lost:
            again = self._read_again(pending, lost)
            if again is None:
                raise
        return self._wait_once(again)

    def _read_again(self, pending: Pending, lost: ConnectionLost) -> Optional[Pending]:
        """The same read-only request, built anew for the next connection; None if it may not go again."""
        spec = self._venue.spec_for(pending.method)
        if (
            not self._retry_reads
            or spec is None
            or spec.security not in _READ_ONLY
            or pending.state_changing
            or isinstance(lost, ExecutionStatusUnknown)
            or ("signature" in pending.params and pending.stamped_at is None)  # signed by the caller: as given
        ):
            return None
        remaining = None if pending.deadline is None else pending.deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            return None
        log.info("%s: %s (id=%s) lost with its connection before an answer; sending it once more",
                 self.name, pending.method, pending.id)
        params = {k: v for k, v in pending.params.items() if k not in _CLIENT_ADDED}
        return self._submit(pending.method, params, remaining, unwrap=pending.unwrap)

    def _wait_once(self, pending: Pending) -> Any:
        try:
            deadline = pending.deadline
            if not pending.wait(None if deadline is None else deadline - time.monotonic()):
                self._supervisor.expire(pending, pending.timeout)
                # If a response raced the deadline, whoever popped it is completing it now.
                if not pending.wait(self._timeout.close):
                    raise RequestTimeout(f"{pending.method} timed out", method=pending.method, request_id=pending.id)
        except BaseException as exc:
            # Interrupted (e.g. KeyboardInterrupt in a notebook): forget the request, keep going.
            self._supervisor.expire(pending, pending.timeout)
            if pending.state_changing and not isinstance(exc, Exception):
                self._unknown_outcomes.interrupted(pending, exc)  # unless it was never sent
            raise
        if pending.failed and isinstance(pending.outcome, ExecutionStatusUnknown):
            self._unknown_outcomes.failed(pending.outcome)
        return pending.result()

    # -- connection --------------------------------------------------------------------------

    def connect(self, timeout: Optional[float] = None) -> None:
        """Connect (and log on) now instead of on the first call; ConnectFailed if that fails.

        `timeout` defaults to the connect timeout.
        """
        supervisor = self._supervisor
        if supervisor.closed is not None:
            raise supervisor.closed_error()
        seconds = check_timeout(timeout, none="for the connect timeout")
        supervisor.wait_connected(self._timeout.connect if seconds is None else seconds)

    def close(self, timeout: Optional[float] = None) -> bool:
        """Close the client: fail pending requests with ClientClosed and stop its threads.

        Idempotent and safe from any thread, including an event handler. A connection being
        opened is aborted. Waits up to `timeout` seconds (default: the configured close
        timeout) for the threads to end, and returns whether they all did (a thread can only
        outlive this in a callback that is still running). A closed client cannot be
        reopened: create a new one.
        """
        seconds = check_timeout(timeout, zero=True, none="for the close timeout")
        self._finalizer.detach()
        return self._supervisor.close(self._timeout.close if seconds is None else seconds)

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- state -------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once `close()` was called (or the client died)."""
        return self._supervisor.closed is not None

    @property
    def url(self) -> str:
        return self._url

    @property
    def rate_limits(self) -> tuple[RateLimit, ...]:
        """The latest usage seen for each rate limit (type, interval), from any response."""
        limits = rate_limits_from_wire(list(self._supervisor.governor.reported.values()))
        return tuple(sorted(limits, key=lambda limit: limit.key))

    @property
    def late_responses(self) -> tuple[LateResponse, ...]:
        """The last 100 responses that arrived after their request had timed out."""
        return tuple(self._supervisor.late_responses)

    @property
    def unknown_outcomes(self) -> tuple[ExecutionStatusUnknown, ...]:
        """The last 100 requests that may have executed without their caller knowing, oldest first.

        Each raised `ExecutionStatusUnknown` (a timeout, a lost connection, a 5xx...), as a
        blocking call or through `client.futures` (listed before the future completes), or
        was interrupted (Ctrl-C: KeyboardInterrupt) after it was sent; pass an entry to
        `resolve_order` to find out what became of it.
        """
        return self._unknown_outcomes.entries()

    @property
    def clock_offset(self) -> float:
        """Server clock minus local clock, in seconds, as last measured.

        A client with credentials measures it on each connection, every
        `clock_sync_interval` seconds, after a -1021, and on `sync_clock()`; timestamps use it.
        """
        return self._builder.clock_offset_ms / 1000.0

    def sync_clock(self, *, timeout: TimeoutArg = USE_CLIENT_DEFAULT) -> float:
        """Measure the server clock offset now (round-trip midpoint), and use it.

        Spot reads ``time``, the futures APIs (which have no ``time``) ``session.status``.
        Returns the offset in seconds (server minus local).
        """
        before = self._builder.wall_clock()
        method = self._venue.clock_method
        server_ms = self._wait(self._submit(method, None, timeout, unwrap=True))["serverTime"]
        self._builder.set_clock(before, server_ms, self._builder.wall_clock())
        return self.clock_offset

    def resolve_order(
        self,
        error: ExecutionStatusUnknown,
        *,
        timeout: TimeoutArg = USE_CLIENT_DEFAULT,
        settle: float = ENGINE_TIMEOUT,
    ) -> Optional[dict[str, Any]]:
        """Find out what became of an order request that raised `ExecutionStatusUnknown`.

        Returns the order (the ``order.status`` result; ``orderList.status`` for order lists)
        if it exists: placed, or for a cancel, amend or (futures) modify, as it stands now. Returns None only
        when it certainly does not exist: a lookup made after the request's
        ``timestamp + recvWindow + settle`` (server time) found nothing; until then it keeps
        looking. `settle` is how long Binance may take to execute a forwarded request (its
        documented 10 s). Raises `StatusUnknownTimeout` if neither is certain by `timeout`
        (default: that moment plus the client's request timeout; None: no limit).
        """
        default = isinstance(timeout, UseClientDefault)
        seconds = (self._timeout.request or ENGINE_TIMEOUT) if default else check_timeout(timeout)
        return resolve_order(self, error, seconds, settle, default_timeout=default)

    @property
    def stats(self) -> ClientStats:
        """Counters of this client's traffic so far: requests, errors, reconnects, latencies."""
        return self._stats.snapshot(self._supervisor.dispatcher.dropped)

    def add_connection_handler(self, handler: Callable[[ConnectionEvent], None]) -> None:
        """Call ``handler(event)`` with a `ConnectionEvent` each time the connection changes.

        Connected, disconnected (with the reason), reconnecting, reconnected, rotated. Runs on
        the client's callback thread like event handlers, never on the I/O thread.
        """
        self._supervisor.add_connection_handler(handler)

    def remove_connection_handler(self, handler: Callable[[ConnectionEvent], None]) -> None:
        """Stop calling a handler added with `add_connection_handler`."""
        self._supervisor.remove_connection_handler(handler)

    def add_event_handler(self, handler: Callable[[dict[str, Any]], None]) -> None:
        """Call ``handler(message)`` for every event frame (``{"event": {...}, ...}``).

        Handlers run on the client's callback thread, in order, never on the I/O thread; an
        exception in a handler is logged and does not stop the others.
        """
        self._supervisor.add_handler(handler)

    def remove_event_handler(self, handler: Callable[[dict[str, Any]], None]) -> None:
        """Stop calling a handler added with `add_event_handler`."""
        self._supervisor.remove_handler(handler)

    @property
    def threads(self) -> list[threading.Thread]:
        """The threads this client started (for diagnostics and tests)."""
        return self._supervisor.threads

    def __repr__(self) -> str:
        builder = self._builder
        key = f" api_key={_mask(builder.api_key)!r} key_type={builder.key_type}" if builder.api_key else ""
        return f"<{type(self).__name__} {self.name!r} url={self._url!r}{key} {self._supervisor.state()}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """IPython's display: the repr, not the object's attributes."""
        printer.text(repr(self))

    def _repr_html_(self) -> str:
        """A notebook's display: where it talks to, as whom, its state and what it has done."""
        import html

        builder = self._builder
        stats = self.stats
        p50 = f"{stats.latency_p50 * 1e3:.2f} ms" if stats.latency_p50 is not None else "-"
        rows = [
            ("url", self._url),
            ("api key", f"{_mask(builder.api_key)} ({builder.key_type})" if builder.api_key else "none"),
            ("state", self._supervisor.state()),
            ("requests", f"{stats.requests} ({stats.errors} failed), p50 {p50}"),
            ("reconnects", str(stats.reconnects)),
        ]
        body = "".join(f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in rows)
        return f"<b>binance_wsapi.{type(self).__name__}</b> {html.escape(self.name)}<table>{body}</table>"


class Client(_ClientBase, Methods):
    """A blocking, thread-safe client for the Binance Spot WebSocket API.

    ::

        with Client(api_key, api_secret) as client:
            client.ping()
            book = client.request("depth", {"symbol": "BTCUSDT", "limit": 5}).result

    `api_secret` is an HMAC secret, or the PEM text of an RSA or Ed25519 private key
    (`private_key_password` if it is encrypted); or pass a `signer`. With an Ed25519 key each
    connection logs on with `session.logon`, so requests need no per-request signature.

    Every method of the API is a method here, named after it in snake_case
    (``order.place`` -> ``order_place(symbol=..., time_in_force=...)``), returning the
    response's ``result``; `client.futures` has the same methods returning Futures. Orders
    placed without a client order id get one, starting with `client_order_id_prefix`.

    Any number of threads may call at once. Every call has a deadline: ``timeout=`` seconds
    per call, the client's default otherwise, `None` to wait forever. The first call
    connects; `connect()` does it ahead of time. Always `close()` (or use ``with``).

    A lost connection is replaced in the background while anything needs it: a call
    waiting, a user data stream. An idle client reconnects on its next call instead, so a
    forgotten client (in a notebook, say) does not dial a server that went away forever.
    With `stay_connected`, an idle client reconnects at once too, so that the next call
    does not pay for the handshake.

    For a ``wss://`` server whose certificate the system does not trust (a private CA, a
    `LocalExchange(tls=True)`), pass ``ssl_context=ssl.create_default_context(cafile=...)``;
    ``websocket_options={"sslopt": {...}}`` is handed to websocket-client as it is.

    With `retry_reads` (the default), a blocking call of a read-only method (security NONE or
    USER_DATA) whose connection was lost before its answer came is sent once more on the next
    connection, within the call's deadline. Nothing that can change orders or balances is
    ever sent twice. With `check_filters`, orders are checked against the symbol's filters
    (`symbol()`) before they are sent, and refused unsent with every problem named.

    `resolve_order` asks Binance's REST API when no WebSocket connection can be had: `rest_url`
    (by default the REST host of the same environment, or the same port for any other host)
    and `rest_verify` (as `requests` takes it: True, or a CA bundle's path; with True and an
    `ssl_context`, REST trusts what the WebSocket does).
    """

    @property
    def user_data(self) -> UserData:
        """User data streams: ``stream = client.user_data.subscribe()`` for this account's
        events (orders, fills, balances), or ``subscribe(api_key, api_secret)`` for another's."""
        return UserData(self._supervisor, self._timeout.request)

    @property
    def futures(self) -> Futures:
        """The same named methods, returning `concurrent.futures.Future`s instead of waiting."""
        return Futures(self)

    def symbol(self, symbol: str, *, refresh: bool = False, timeout: TimeoutArg = USE_CLIENT_DEFAULT) -> SymbolInfo:
        """`symbol`'s trading rules from ``exchangeInfo``, fetched once (again with `refresh`).

        Its filters are attributes (`tick_size`, `step_size`, `min_qty`, `min_notional`, ...);
        `round_price`, `round_qty` and `check(side=..., type=..., price=..., quantity=...)` use them.
        """
        cached = self._symbols.get(_symbol(symbol))
        if cached is None or refresh:
            (entry,) = self.exchange_info(symbol=symbol, timeout=timeout)["symbols"]
            cached = self._symbols[symbol] = SymbolInfo.from_exchange_info(entry)
        return cached

    def _check_order(self, wire: Mapping[str, Any]) -> None:
        """check_filters: refuse, unsent, an order some filter would refuse, naming each one."""
        info = self.symbol(wire["symbol"])
        problems = info.check(side=wire["side"], type=wire["type"], price=wire.get("price"),
                              quantity=wire.get("quantity"), stop_price=wire.get("stopPrice"),
                              quote_order_qty=wire.get("quoteOrderQty"))
        if problems:
            raise InvalidRequest(f"{wire['symbol']} would refuse this order: " + "; ".join(map(str, problems)))


class _Twin:
    """What every `client.futures` twin does: submit without waiting, hand back the Future."""

    __slots__ = ("_client",)

    def __init__(self, client: _ClientBase) -> None:
        self._client = client

    def _named(
        self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]
    ) -> Future[Any]:
        future = self._client._submit_named(method, timeout, unknown, values, future=True).future
        assert future is not None
        return future


class Futures(_Twin, FutureMethods):
    """`client.futures`: every named method, returning a Future of its result at once.

    The Future fails with the same exceptions the blocking call would raise, including
    RequestTimeout at the deadline even if nobody waits on it. Its done-callbacks run on
    the client's callback thread. `cancel()` succeeds only before the request is sent.
    """

    __slots__ = ()


class _FuturesClient(_ClientBase):
    """What the futures clients add to the runtime: user data by listenKey, and the account
    settings that only Binance's REST API changes."""

    def set_leverage(self, symbol: str, leverage: int, *, timeout: TimeoutArg = USE_CLIENT_DEFAULT) -> dict[str, Any]:
        """Set `symbol`'s initial leverage (1 to the bracket's maximum): ``POST /fapi/v1/leverage``
        (``/dapi/v1/`` on COIN-M), over REST, signed like any request. Returns Binance's answer
        (``leverage``, ``maxNotionalValue`` or ``maxQty``, ``symbol``)."""
        if isinstance(leverage, bool) or not isinstance(leverage, int) or not 1 <= leverage <= 125:
            raise InvalidRequest(f"set_leverage(): leverage={leverage!r}: pass a whole number from 1 to 125")
        return self._rest_send("POST", "leverage", {"symbol": _symbol(symbol), "leverage": leverage}, timeout)

    def set_margin_type(self, symbol: str, margin_type: Literal["ISOLATED", "CROSSED"], *,
                        timeout: TimeoutArg = USE_CLIENT_DEFAULT) -> dict[str, Any]:
        """Set `symbol`'s margin type, "ISOLATED" or "CROSSED" (no open orders or position):
        ``POST /fapi/v1/marginType``, over REST."""
        if margin_type not in ("ISOLATED", "CROSSED"):
            raise InvalidRequest(f"set_margin_type(): margin_type={margin_type!r}: pass 'ISOLATED' or 'CROSSED'")
        return self._rest_send("POST", "marginType", {"symbol": _symbol(symbol), "marginType": margin_type}, timeout)

    def set_position_mode(self, *, hedge: bool, timeout: TimeoutArg = USE_CLIENT_DEFAULT) -> dict[str, Any]:
        """Hedge mode (``hedge=True``: LONG and SHORT positions) or one-way mode (no open orders or
        positions): ``POST /fapi/v1/positionSide/dual``, over REST."""
        if not isinstance(hedge, bool):
            raise InvalidRequest(f"set_position_mode(): hedge={hedge!r}: pass True or False")
        return self._rest_send("POST", "positionSide/dual", {"dualSidePosition": "true" if hedge else "false"}, timeout)

    def position_mode(self, *, timeout: TimeoutArg = USE_CLIENT_DEFAULT) -> bool:
        """Whether the account is in hedge mode: ``GET /fapi/v1/positionSide/dual``, over REST."""
        return bool(self._rest_send("GET", "positionSide/dual", {}, timeout)["dualSidePosition"])

    def _rest_send(self, verb: str, what: str, params: Mapping[str, Any], timeout: TimeoutArg) -> dict[str, Any]:
        rest = self._rest
        if rest is None:
            raise InvalidRequest(f"{what} is a signed REST endpoint: create the client with api_key and api_secret")
        if self._supervisor.closed is not None:
            raise self._supervisor.closed_error()
        seconds = self._timeout.request if isinstance(timeout, UseClientDefault) else check_timeout(timeout)
        return rest.send(verb, what, params, seconds)  # type: ignore[no-any-return]

    @property
    def user_data(self) -> FuturesUserData:
        """User data by listenKey: ``stream = client.user_data.subscribe()`` starts this account's
        listenKey, reads its events on a stream connection of their own (`stream_url`), keeps
        the key alive, and replaces key or connection when either fails, with a `StreamGap`."""
        assert self._stream_url is not None
        return FuturesUserData(self._supervisor, self._builder, self._stream_url)


class UMFuturesClient(_FuturesClient, UMMethods):
    """A blocking, thread-safe client for the Binance USDⓈ-M Futures WebSocket API.

    ::

        with UMFuturesClient(api_key, private_key_pem) as client:
            client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                               quantity="0.002", price="60000")

    The same runtime, arguments and guarantees as `Client` (threads, deadlines, reconnects,
    clock, rate limits, TLS, `client.futures` twins), with this API's 21 methods. Its
    differences are honoured: the clock is read from ``session.status`` (there is no
    ``time``), a connection costs 5 weight, timestamps and recvWindow are whole
    milliseconds, DECIMAL parameters go as JSON strings (an int too), and
    error codes map with the futures table (-2019 -> MarginInsufficient, -4120 ->
    OrderTypeNotSupported, ...). ``order.place`` takes LIMIT and MARKET; conditional orders
    go through `algo_order_place`. `session_logon` needs an Ed25519 key, as on Spot.
    """

    _venue = USDM

    @property
    def futures(self) -> UMFutures:
        """The same named methods, returning `concurrent.futures.Future`s instead of waiting."""
        return UMFutures(self)


class UMFutures(_Twin, UMFutureMethods):
    """`client.futures` of a `UMFuturesClient`: every named method, returning a Future (see `Futures`)."""

    __slots__ = ()


class CMFuturesClient(_FuturesClient, CMMethods):
    """A blocking, thread-safe client for the Binance COIN-M Futures WebSocket API.

    As `UMFuturesClient`, with this API's 13 methods: no market data, no algo orders (COIN-M
    conditional orders are on REST only since 2026-06-30), quantities in whole contracts.
    """

    _venue = COINM

    @property
    def futures(self) -> CMFutures:
        """The same named methods, returning `concurrent.futures.Future`s instead of waiting."""
        return CMFutures(self)


class CMFutures(_Twin, CMFutureMethods):
    """`client.futures` of a `CMFuturesClient`: every named method, returning a Future (see `Futures`)."""

    __slots__ = ()


def _symbol(symbol: object) -> str:
    if not isinstance(symbol, str) or not symbol:
        raise InvalidRequest(f"symbol must be a symbol name such as 'BTCUSDT', not {symbol!r}")
    return symbol


def _abandon(supervisor: Supervisor, timeout: float) -> None:
    if supervisor.closed is None:
        log.debug("%s was %s without close(); closing it", supervisor.name,
                  "left open at exit" if _exiting else "garbage-collected")
    supervisor.close(timeout, wake=not _exiting)


# True once the interpreter is exiting (see _watch_exit).
_exiting = False
_exit_watched = False


def _watch_exit() -> None:
    """Note when the interpreter starts exiting, before the finalizers close open clients.

    atexit runs its functions last-registered first, and weakref.finalize registers its own
    on the first finalizer made: registering after it makes this one run before it.
    """
    global _exit_watched
    if not _exit_watched:
        _exit_watched = True
        atexit.register(_note_exit)


def _note_exit() -> None:
    global _exiting
    _exiting = True


def _mask(secret: Optional[str]) -> str:
    return f"{secret[:4]}…" if secret else ""
