"""LocalExchange's futures markets: the USDⓈ-M and COIN-M WebSocket APIs and their user data streams.

A `FuturesDesk` is one futures market as the exchange's protocol code sees it (the members
of Spot's desk in `server.py`): its method rules (`futures_rules.py`, from the derivatives
docs), its handlers (here), its limits, and its engine (`futures_engine.py`). The WebSocket
API is served at the documented paths (``/ws-fapi/v1``, ``/ws-dapi/v1``) on the exchange's
port; a user data stream at ``/private/ws/<listenKey>`` (UM; also ``/private/ws?listenKey=``)
or ``/ws/<listenKey>`` (CM), as production's stream hosts serve them (FUTURES-NOTES §1.1, §6.1).

Limits (general info pages, FUTURES-NOTES §4): 2400 request weight a minute per IP, one pool for
both futures APIs since the 2026-06-30 integration; orders 300 per 10 s and 1200 per minute per
account (UM; CM's pages give 1200 a minute, and the integration shares UM's pool, so both are
counted here for both); a connection costs 5 weight. The server pings every 3 minutes and
drops a connection that has not answered within 10 minutes. A listenKey lives 60 minutes from
its start or last keepalive; `userDataStream.start` on an account with a live key returns that
key and extends it.
"""

from __future__ import annotations

import asyncio
import secrets
import string
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional

from .futures_engine import FuturesAccount, FuturesEngine
from .futures_rules import FUTURES_ROUTES, FUTURES_RULES
from .handlers import Handler, validate_request
from .model import Account, WireError

if TYPE_CHECKING:
    from websockets.asyncio.server import ServerConnection

    from .server import LocalExchange, Session, _Window

__all__ = ["FUTURES_PATHS", "FuturesContext", "FuturesDesk", "LISTEN_KEY_VALIDITY_MS"]

#: The WebSocket API path of each futures market, as production serves it.
FUTURES_PATHS = {"usdm": "/ws-fapi/v1", "coinm": "/ws-dapi/v1"}
#: Where each market's user data stream is served: the path before the listenKey.
STREAM_PREFIXES = {"usdm": "/private/ws/", "coinm": "/ws/"}
LISTEN_KEY_VALIDITY_MS = 60 * 60 * 1000
_KEY_ALPHABET = string.ascii_letters + string.digits


class FuturesContext:
    """What a futures handler may use: the desk, its engine, the session, the account, the server time."""

    __slots__ = ("desk", "engine", "session", "identity", "now")

    def __init__(self, desk: FuturesDesk, session: Session, identity: Optional[Account], now: int) -> None:
        self.desk = desk
        self.engine = desk.engine
        self.session = session
        #: The account that signed (or logged on): its key and key type, shared with Spot.
        self.identity = identity
        self.now = now

    @property
    def me(self) -> FuturesAccount:
        assert self.identity is not None
        return self.desk.engine.accounts[self.identity.api_key]


def _session_info(ctx: FuturesContext) -> dict[str, Any]:
    # Unlike Spot's, no userDataStream field (FUTURES-NOTES §1.5).
    session = ctx.session
    return {
        "apiKey": session.api_key,
        "authorizedSince": session.authorized_since,
        "connectedSince": session.connected_since,
        "returnRateLimits": session.return_rate_limits,
        "serverTime": ctx.now,
    }


def _logon(ctx: FuturesContext, params: dict[str, Any]) -> dict[str, Any]:
    assert ctx.identity is not None
    if ctx.identity.key_type != "ed25519":  # "Only Ed25519 keys are supported for this feature."
        raise WireError(400, -1022, "Signature for this request is not valid.")
    ctx.session.api_key = ctx.identity.api_key
    ctx.session.authorized_since = ctx.now
    return _session_info(ctx)


def _logout(ctx: FuturesContext, params: dict[str, Any]) -> dict[str, Any]:
    ctx.session.api_key = None
    ctx.session.authorized_since = None
    return _session_info(ctx)


def _start(ctx: FuturesContext, params: dict[str, Any]) -> dict[str, Any]:
    return {"listenKey": ctx.desk.start_listen_key(ctx.me, ctx.now)}


def _ping(ctx: FuturesContext, params: dict[str, Any]) -> dict[str, Any]:
    return {"listenKey": ctx.desk.keep_alive(ctx.me, ctx.now)}


def _stop(ctx: FuturesContext, params: dict[str, Any]) -> dict[str, Any]:
    ctx.desk.stop_listen_key(ctx.me)
    return {}


def _engine(name: str, **kwargs: Any) -> Callable[[FuturesContext, dict[str, Any]], Any]:
    """A handler that is one engine call on the caller's account."""

    def call(ctx: FuturesContext, params: dict[str, Any]) -> Any:
        return getattr(ctx.engine, name)(ctx.me, params, ctx.now, **kwargs)

    return call


def _positions(v2: bool) -> Callable[[FuturesContext, dict[str, Any]], Any]:
    return lambda ctx, params: ctx.engine.positions(ctx.me, params, v2=v2)


def _balances(v2: bool) -> Callable[[FuturesContext, dict[str, Any]], Any]:
    return lambda ctx, params: ctx.engine.balances(ctx.me, v2=v2)


def _status(v2: bool) -> Callable[[FuturesContext, dict[str, Any]], Any]:
    return lambda ctx, params: ctx.engine.account_status(ctx.me, v2=v2)


def _market_data(name: str) -> Callable[[FuturesContext, dict[str, Any]], Any]:
    return lambda ctx, params: getattr(ctx.engine, name)(params, ctx.now)


_COMMON: dict[str, Handler] = {
    "session.logon": Handler(_logon, "always"),
    "session.status": Handler(lambda ctx, params: _session_info(ctx)),
    "session.logout": Handler(_logout),
    "order.place": Handler(_engine("place"), "signed"),
    "order.modify": Handler(_engine("modify"), "signed"),
    "order.cancel": Handler(_engine("cancel"), "signed"),
    "order.status": Handler(_engine("status"), "signed"),
    "account.position": Handler(_positions(False), "signed"),
    "account.balance": Handler(_balances(False), "signed"),
    "account.status": Handler(_status(False), "signed"),
    "userDataStream.start": Handler(_start, "key"),
    "userDataStream.ping": Handler(_ping, "key"),
    "userDataStream.stop": Handler(_stop, "key"),
}

def _set_leverage(ctx: FuturesContext, params: dict[str, Any]) -> Any:
    return ctx.engine.set_leverage(ctx.me, params["symbol"], params["leverage"], ctx.now)


def _set_margin_type(ctx: FuturesContext, params: dict[str, Any]) -> Any:
    return ctx.engine.set_margin_type(ctx.me, params["symbol"], params["marginType"], ctx.now)


def _set_position_mode(ctx: FuturesContext, params: dict[str, Any]) -> Any:
    value = params["dualSidePosition"]
    if value not in ("true", "false"):
        raise WireError(400, -1130, "Data sent for parameter 'dualSidePosition' is not valid.")
    return ctx.engine.set_position_mode(ctx.me, value == "true", ctx.now)


_REST_ONLY: dict[str, Handler] = {
    "rest:leverage": Handler(_set_leverage, "signed"),
    "rest:marginType": Handler(_set_margin_type, "signed"),
    "rest:positionSide.dual": Handler(_set_position_mode, "signed"),
    "rest:positionSide.dual.get": Handler(lambda ctx, params: {"dualSidePosition": ctx.me.dual_side}, "signed"),
    "rest:algoOrder": Handler(_engine("algo_status"), "signed"),
}

#: Each market's handlers: exactly the methods of its rules (a test holds them equal).
FUTURES_HANDLERS: dict[str, dict[str, Handler]] = {
    "usdm": {
        **_COMMON,
        **_REST_ONLY,
        "depth": Handler(_market_data("depth")),
        "ticker.price": Handler(_market_data("ticker_price")),
        "ticker.book": Handler(_market_data("ticker_book")),
        "algoOrder.place": Handler(_engine("algo_place"), "signed"),
        "algoOrder.cancel": Handler(_engine("algo_cancel"), "signed"),
        "v2/account.position": Handler(_positions(True), "signed"),
        "v2/account.balance": Handler(_balances(True), "signed"),
        "v2/account.status": Handler(_status(True), "signed"),
    },
    "coinm": {**_COMMON, **_REST_ONLY},
}


class FuturesDesk:
    """One futures market of a LocalExchange: rules, handlers, limits, engine, listenKeys, streams.

    Called with the exchange's lock held, like the Spot engine.
    """

    connect_weight = 5
    max_recv_window: Optional[int] = None  # none documented; whole milliseconds

    def __init__(
        self,
        exchange: LocalExchange,
        market: str,
        *,
        weight: _Window,
        weight_limit: int,
        orders_per_10s: int,
        orders_per_minute: int,
        now: int,
        book_levels: int,
        seed: Optional[int],
        listen_key_validity: float = LISTEN_KEY_VALIDITY_MS / 1000,
    ) -> None:
        from .server import _Window

        self.exchange = exchange
        self.name = market
        self.path = FUTURES_PATHS[market]
        self.stream_prefix = STREAM_PREFIXES[market]
        self.rules = FUTURES_RULES[market]
        #: Its REST endpoints: (HTTP method, path) -> method.
        self.routes = FUTURES_ROUTES[market]
        self.handlers = FUTURES_HANDLERS[market]
        #: The request weight window, shared by both futures markets (one IP pool).
        self.weight = weight
        self.weight_limit = weight_limit
        self.orders_per_10s = orders_per_10s
        self.orders_per_minute = orders_per_minute
        self._window = _Window
        #: How long a listenKey lives after its start or last keepalive, in ms (60 minutes).
        self.key_validity_ms = int(listen_key_validity * 1000)
        self._orders: dict[str, tuple[_Window, _Window]] = {}
        self.engine = FuturesEngine(market, now=now, seed=seed or 0, book_levels=book_levels)
        #: listenKey -> (api_key, expiry in server ms); and each account's live key.
        self._keys: dict[str, tuple[str, int]] = {}
        self._key_of: dict[str, str] = {}
        #: listenKey -> the stream connections reading it.
        self.streams: dict[str, set[ServerConnection]] = {}
        # Keys whose expiry was pushed (listenKeyExpired goes out once per expiry).
        self._announced: set[str] = set()

    def __repr__(self) -> str:
        return f"<FuturesDesk {self.name} {self.path}>"

    # -- what the protocol code asks of a desk ---------------------------------------------------

    @staticmethod
    def method_of(request: Any) -> str:
        method = request.get("method") if isinstance(request, dict) else None
        return method if isinstance(method, str) else ""

    @staticmethod
    def check_removed(method: str) -> None:
        return None

    def validate(self, method: str, params: dict[str, Any]) -> None:
        validate_request(method, params, self.rules)

    def police_weight(self, weight: int, now: int) -> None:
        used = self.weight.add(0, now)
        if used + weight > self.weight_limit:
            raise WireError(429, -1003, f"Too many requests; current limit is {self.weight_limit} requests per "
                            "minute. Please use the websocket for live updates to avoid polling the API.",
                            {"serverTime": now, "retryAfter": self.weight.resets_at(now)})

    def _order_windows(self, account: Account) -> tuple[_Window, _Window]:
        windows = self._orders.get(account.api_key)
        if windows is None:
            windows = self._orders[account.api_key] = (self._window(10), self._window(60))
        return windows

    def police_orders(self, account: Account, count: int, now: int) -> None:
        for window, limit, what in zip(self._order_windows(account), (self.orders_per_10s, self.orders_per_minute),
                                       ("10 SECOND", "1 MINUTE")):
            if window.add(0, now) + count > limit:
                raise WireError(429, -1015, f"Too many new orders; current limit is {limit} orders per {what}.",
                                {"serverTime": now, "retryAfter": window.resets_at(now)})

    def count_orders(self, account: Account, count: int, now: int) -> None:
        for window in self._order_windows(account):
            window.add(count, now)

    def usage(self, account: Optional[Account], now: int) -> list[dict[str, Any]]:
        # The order-placing examples list the two ORDERS entries first, then REQUEST_WEIGHT.
        limits: list[dict[str, Any]] = []
        if account is not None:
            second, minute = self._order_windows(account)
            limits.append(_limit("ORDERS", "SECOND", 10, self.orders_per_10s, second.add(0, now)))
            limits.append(_limit("ORDERS", "MINUTE", 1, self.orders_per_minute, minute.add(0, now)))
        limits.append(_limit("REQUEST_WEIGHT", "MINUTE", 1, self.weight_limit, self.weight.add(0, now)))
        return limits

    def context(self, session: Session, identity: Optional[Account], now: int) -> FuturesContext:
        return FuturesContext(self, session, identity, now)

    # -- accounts and listenKeys -----------------------------------------------------------------

    def open_account(self, api_key: str, balances: Optional[Mapping[str, Any]]) -> FuturesAccount:
        return self.engine.new_account(api_key, None if balances is None else {a: str(v) for a, v in balances.items()})

    def start_listen_key(self, account: FuturesAccount, now: int) -> str:
        key = self._live_key(account.key, now)
        if key is None:
            key = "".join(secrets.choice(_KEY_ALPHABET) for _ in range(64))
            self._key_of[account.key] = key
        return self._extend(key, account, now)

    def keep_alive(self, account: FuturesAccount, now: int) -> str:
        key = self._live_key(account.key, now)
        if key is None:
            raise WireError(400, -1125, "This listenKey does not exist.")
        return self._extend(key, account, now)

    def _extend(self, key: str, account: FuturesAccount, now: int) -> str:
        """`key` lives `key_validity_ms` from now (a later expiry is announced anew)."""
        self._keys[key] = (account.key, now + self.key_validity_ms)
        self._announced.discard(key)
        return key

    def stop_listen_key(self, account: FuturesAccount) -> None:
        """The docs: "Doing a DELETE on a listenKey will close the stream and invalidate the listenKey"."""
        key = self._key_of.pop(account.key, None)
        if key is not None:
            self._keys.pop(key, None)
            self._announced.discard(key)
            for ws in self.streams.pop(key, set()):
                asyncio.ensure_future(ws.close(1000, "listenKey stopped"))

    def expiry(self, key: str) -> Optional[int]:
        """When `key` expires (server ms), or None if it was stopped or replaced."""
        entry = self._keys.get(key)
        return None if entry is None or self._key_of.get(entry[0]) != key else entry[1]

    def mark_announced(self, key: str) -> bool:
        """Record that `key`'s expiry was pushed; False if it already was (on another stream)."""
        if key in self._announced:
            return False
        self._announced.add(key)
        return True

    def _live_key(self, api_key: str, now: int) -> Optional[str]:
        key = self._key_of.get(api_key)
        if key is None:
            return None
        _, expires = self._keys.get(key, ("", 0))
        return key if expires > now else None

    def stream_key(self, path: str, query: Mapping[str, list[str]]) -> Optional[str]:
        """The listenKey a connection to `path` reads, if `path` is one of this market's streams."""
        if path.startswith(self.stream_prefix):
            return path[len(self.stream_prefix):] or query.get("listenKey", [""])[0]
        if path == self.stream_prefix.rstrip("/"):
            return query.get("listenKey", [""])[0]
        return None

    def listen_key_of(self, api_key: str) -> Optional[str]:
        """The account's listenKey, live or expired but not yet replaced (None after stop)."""
        return self._key_of.get(api_key)

    def stream_account(self, key: str, now: int) -> Optional[str]:
        """The api key a listenKey streams, if it is live."""
        owner, expires = self._keys.get(key, ("", 0))
        return owner if expires > now else None

    def expire(self, api_key: str, now: int) -> list[tuple[ServerConnection, dict[str, Any]]]:
        """End the account's listenKey now: its streams get ``listenKeyExpired`` (and then nothing)."""
        key = self._key_of.get(api_key)
        if key is None:
            return []
        self._keys[key] = (api_key, now)
        if not self.mark_announced(key):
            return []
        event = {"e": "listenKeyExpired", "E": now, "listenKey": key}
        return [(ws, event) for ws in self.streams.get(key, ())]

    def events_out(self, now: int) -> list[tuple[ServerConnection, dict[str, Any]]]:
        """The engine's new events, for every stream of a live key of their account."""
        out: list[tuple[ServerConnection, dict[str, Any]]] = []
        for account, event in self.engine.take_events():
            key = self._key_of.get(account.key)
            if key is None or self.stream_account(key, now) != account.key:
                continue
            out.extend((ws, event) for ws in self.streams.get(key, ()))
        return out


def _limit(kind: str, interval: str, num: int, limit: int, count: int) -> dict[str, Any]:
    return {"rateLimitType": kind, "interval": interval, "intervalNum": num, "limit": limit, "count": count}
