"""LocalExchange's methods: which parameters each takes (from web-socket-api.md) and what it does.

Parameter lists are written here from the docs rather than taken from the client's method
table, so that the server checks the client instead of agreeing with it by construction.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from attrs import field, frozen

from .engine import Account, Engine, WireError

__all__ = ["HANDLERS", "Context", "Handler", "REMOVED"]

#: Accepted by every method.
COMMON = frozenset({"returnRateLimits"})
#: Accepted by every signed method.
SIGNED_COMMON = frozenset({"apiKey", "signature", "timestamp", "recvWindow"})

#: The listenKey methods, gone since 2026-02-20, answered with 410 like their REST twins.
REMOVED = frozenset({"userDataStream.start", "userDataStream.ping", "userDataStream.stop"})


class Context:
    """What a handler may use: the engine, the caller's session and account, the server time."""

    __slots__ = ("engine", "session", "account", "now", "limits")

    def __init__(
        self, engine: Engine, session: Any, account: Optional[Account], now: int, limits: Callable[[], Any]
    ) -> None:
        self.engine = engine
        self.session = session
        self.account = account
        self.now = now
        #: The exchange's rate limit definitions (for exchangeInfo).
        self.limits = limits


@frozen
class Handler:
    """One method. `auth`: "none", "signed" (session logon may stand in for apiKey and
    signature) or "always" (apiKey and signature required, as in session.logon)."""

    fn: Callable[[Context, dict[str, Any]], Any]
    auth: str = "none"
    required: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    #: Parameters the docs define but LocalExchange does not implement yet: refused with -1020.
    unsupported: frozenset[str] = frozenset()
    #: Every parameter name the method reads (derived).
    accepted: frozenset[str] = field(init=False)

    def __attrs_post_init__(self) -> None:
        extra = SIGNED_COMMON if self.auth != "none" else frozenset()
        object.__setattr__(self, "accepted", self.required | self.optional | self.unsupported | COMMON | extra)


def _params(*names: str) -> frozenset[str]:
    return frozenset(names)


def _session_info(ctx: Context) -> dict[str, Any]:
    session = ctx.session
    return {
        "apiKey": session.api_key,
        "authorizedSince": session.authorized_since,
        "connectedSince": session.connected_since,
        "returnRateLimits": session.return_rate_limits,
        "serverTime": ctx.now,
        "userDataStream": False,
    }


def _logon(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    account = ctx.account
    assert account is not None
    if account.key_type != "ed25519":
        # Only Ed25519 keys can log on; other keys' signatures do not verify as Ed25519.
        raise WireError(400, -1022, "Signature for this request is not valid.")
    ctx.session.api_key = account.api_key
    ctx.session.authorized_since = ctx.now
    return _session_info(ctx)


def _logout(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    ctx.session.api_key = None
    ctx.session.authorized_since = None
    return _session_info(ctx)


def _place(ctx: Context, params: dict[str, Any]) -> Any:
    assert ctx.account is not None
    return ctx.engine.place(ctx.account, params, ctx.now)


def _order_status(ctx: Context, params: dict[str, Any]) -> Any:
    assert ctx.account is not None
    return ctx.engine.find_order(ctx.account, params).query()


def _cancel(ctx: Context, params: dict[str, Any]) -> Any:
    assert ctx.account is not None
    if params.get("cancelRestrictions") not in (None, "ONLY_NEW", "ONLY_PARTIALLY_FILLED"):
        raise WireError(400, -1145, "`cancelRestrictions` has to be either `ONLY_NEW` or `ONLY_PARTIALLY_FILLED`.")
    return ctx.engine.cancel(ctx.account, params, ctx.now)


def _account_status(ctx: Context, params: dict[str, Any]) -> Any:
    assert ctx.account is not None
    return ctx.engine.account_info(ctx.account, params)


HANDLERS: dict[str, Handler] = {
    "ping": Handler(lambda ctx, params: {}),
    "time": Handler(lambda ctx, params: {"serverTime": ctx.now}),
    "exchangeInfo": Handler(
        lambda ctx, params: ctx.engine.exchange_info(params, ctx.now, ctx.limits()),
        optional=_params("symbol", "symbols", "permissions", "showPermissionSets"),
        unsupported=_params("symbolStatus"),
    ),
    "depth": Handler(
        lambda ctx, params: ctx.engine.depth(params),
        required=_params("symbol"),
        optional=_params("limit"),
        unsupported=_params("symbolStatus"),
    ),
    "session.logon": Handler(_logon, auth="always"),
    "session.status": Handler(lambda ctx, params: _session_info(ctx)),
    "session.logout": Handler(_logout),
    "order.place": Handler(
        _place,
        auth="signed",
        required=_params("symbol", "side", "type"),
        optional=_params("timeInForce", "price", "quantity", "quoteOrderQty", "newClientOrderId", "newOrderRespType"),
        unsupported=_params(
            "stopPrice", "trailingDelta", "icebergQty", "strategyId", "strategyType", "selfTradePreventionMode",
            "pegPriceType", "pegOffsetValue", "pegOffsetType",
        ),
    ),
    "order.status": Handler(
        _order_status, auth="signed", required=_params("symbol"), optional=_params("orderId", "origClientOrderId")
    ),
    "order.cancel": Handler(
        _cancel,
        auth="signed",
        required=_params("symbol"),
        optional=_params("orderId", "origClientOrderId", "newClientOrderId", "cancelRestrictions"),
    ),
    "account.status": Handler(_account_status, auth="signed", optional=_params("omitZeroBalances")),
}
