"""From a method name and params to a signed, framed request, checked before anything is sent."""

from __future__ import annotations

import itertools
import json
import secrets
import logging
import time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Callable, Generator, Mapping, Optional, Union

from .exceptions import InvalidRequest
from .frames import OP_TEXT, encode_frame
from .methods import Auth, MethodSpec
from .request import Pending
from .signing import Ed25519Signer, Signer, payload_from_wire, wire_value
from .stats import StatsRecorder
from .validation import check_required
from .venues import SPOT, Venue

if TYPE_CHECKING:
    from .callbacks import RequestFuture

log = logging.getLogger("binance_wsapi")

__all__ = ["RequestBuilder", "recv_window_wire"]

_MAX_PREFIX = 16  # + 20 random characters = Binance's 36
_LONG_MAX = 2**63 - 1
_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.:/_-")
# Added by the client to signed requests; a caller passing them would be signing by hand.
_CLIENT_OWNED = ("apiKey", "timestamp")
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


# The C string escaper of the json module (quotes, escapes, keeps non-ASCII as UTF-8).
_quote: Callable[[str], str] = json.encoder.encode_basestring


def _json(value: Any) -> str:
    """JSON for a value already rendered by `wire_value`: str, int, bool or a list of those.

    A few lines instead of json.dumps, which builds a new encoder on every call (4 µs for a
    ping, a third of the cost of building the request).
    """
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is str:
        return _quote(value)
    if type(value) is int:
        return str(value)
    if isinstance(value, list):
        return "[" + ",".join(map(_json, value)) + "]"
    return _dumps(value)


def _frame(request_id: Union[int, str], method: str, wire: Mapping[str, Any]) -> bytes:
    head = f'{{"id":{_json(request_id)},"method":{_quote(method)}'
    if wire:
        params = ",".join(f"{_quote(name)}:{_json(value)}" for name, value in wire.items())
        text = f'{head},"params":{{{params}}}}}'
    else:
        text = head + "}"
    return encode_frame(OP_TEXT, text.encode("utf-8"))


def recv_window_wire(value: Union[int, float, Decimal, str], venue: Venue = SPOT) -> Union[int, str]:
    """Check a recvWindow (ms, above 0, within the venue's maximum and decimals) and render it for the wire."""
    try:
        number = Decimal(str(value)) if not isinstance(value, bool) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise InvalidRequest(f"recvWindow={value!r} is not a number of milliseconds")
    maximum = venue.max_recv_window
    if not (0 < number <= (_LONG_MAX if maximum is None else maximum)):
        most = f" and at most {maximum} ms" if maximum is not None else " (a LONG)"
        raise InvalidRequest(f"recvWindow={value!r} must be above 0{most}")
    decimals = venue.recv_window_decimals
    if number != number.quantize(Decimal(1).scaleb(-decimals)):
        if decimals:
            raise InvalidRequest(
                f"recvWindow={value!r} has more than {decimals} decimals; Binance takes milliseconds to 0.001"
            )
        raise InvalidRequest(f"recvWindow={value!r}: {venue.title} takes whole milliseconds")
    return int(number) if number == number.to_integral_value() else format(number.normalize(), "f")


class RequestBuilder:
    """Builds `Pending` requests for one client: ids, rendering, timestamps and signatures.

    It holds the credentials, so that the supervisor can log a new connection on without
    holding a reference to the `Client`.
    """

    def __init__(
        self,
        *,
        api_key: Optional[str],
        signer: Optional[Signer],
        recv_window: Union[int, str, None],
        session_logon: bool,
        new_future: Callable[[], RequestFuture[Any]],
        client_order_id_prefix: str = "bwsapi-",
        stats: Optional[StatsRecorder] = None,
        wall_clock: Callable[[], float] = time.time,
        venue: Venue = SPOT,
    ) -> None:
        if len(client_order_id_prefix) > _MAX_PREFIX or not _ID_CHARS.issuperset(client_order_id_prefix):
            raise InvalidRequest(
                f"client_order_id_prefix={client_order_id_prefix!r}: use at most {_MAX_PREFIX} of "
                "A-Z a-z 0-9 . : / _ - (Binance client order ids are at most 36 characters)"
            )
        self.client_order_id_prefix = client_order_id_prefix
        #: The API this builder's requests are for: its method table, clock method and errors.
        self.venue = venue
        self._error_codes = venue.error_codes
        self.api_key = api_key
        self.signer = signer
        self.recv_window = recv_window
        self.session_logon = session_logon
        #: The local wall clock (epoch seconds) that timestamps are read from: passed in, so
        #: that what a request says is a function of its inputs (and testable as such).
        self.wall_clock = wall_clock
        #: Server clock minus local clock (ms), and the round trip it was measured over (s).
        self.clock_offset_ms = 0.0
        self.clock_rtt: Optional[float] = None
        # Makes the future of a request_future call (its done-callbacks run on the client's
        # callback thread, which this module knows nothing of).
        self._new_future = new_future
        self._stats = stats
        self._ids = itertools.count(1)
        # Builders for other accounts' credentials (see for_account): they follow this clock.
        self._accounts: list[RequestBuilder] = []

    def build(
        self,
        method: str,
        params: Optional[Mapping[str, Any]],
        timeout: Optional[float],
        *,
        signed: Optional[bool] = None,
        unwrap: bool = False,
        future: bool = False,
        kind: type[Pending] = Pending,
    ) -> Pending:
        """Validate, render and (when the method needs it) sign one request.

        With `future` the request completes a RequestFuture; otherwise a blocking caller waits
        on it with `Pending.wait`. `kind` is the Pending class to build (one that reacts to
        its own answer on the I/O thread, such as a subscription).
        """
        if not isinstance(method, str) or not method:
            raise InvalidRequest(f"method must be a wire method name such as 'depth', not {method!r}")
        spec = self.venue.spec_for(method)
        auth = self._auth(method, spec, signed)
        wire: dict[str, Any] = {}
        if params:
            check_required(method, spec, params)
            for name, value in params.items():
                if value is None:
                    continue
                if not isinstance(name, str):
                    raise InvalidRequest(f"parameter names must be strings, got {name!r}")
                wire[name] = wire_value(name, value)
        if "recvWindow" in wire:
            wire["recvWindow"] = recv_window_wire(wire["recvWindow"], self.venue)
        stamped_at = None
        if "signature" not in wire:  # a request the caller signed themselves is sent as given
            stamped_at = self._authenticate(method, spec, auth, wire)
        state_changing = spec.state_changing if spec is not None else auth is not Auth.NONE
        request_id = next(self._ids)
        frame = _frame(request_id, method, wire)
        client_order_id = None
        if state_changing:
            client_order_id = (
                wire.get("newClientOrderId") or wire.get("listClientOrderId") or wire.get("clientAlgoId")
                or wire.get("origClientOrderId")
            )
        pending = kind(
            request_id,
            method,
            frame,
            self._new_future() if future else None,
            timeout,
            state_changing,
            wire,
            client_order_id,
            unwrap,
        )
        if stamped_at is not None:
            pending.stamped_at = stamped_at
            pending.offset_ms = self.clock_offset_ms
        if spec is not None:
            pending.weight = _weight(spec, wire)
            # A cancelReplace that may cancel past the order limit must not wait for the limit.
            if wire.get("orderRateLimitExceededMode") != "CANCEL_ONLY":
                pending.orders = spec.orders
        pending.stats = self._stats
        pending.error_codes = self._error_codes
        return pending

    def for_account(self, api_key: str, signer: Signer) -> RequestBuilder:
        """A builder signing with another account's credentials, on this client's connections.

        It shares this builder's request ids (ids must be unique per connection) and follows
        its clock. It never uses the session logon: its requests carry their own signature.
        """
        other = _AccountBuilder(
            api_key=api_key,
            signer=signer,
            recv_window=self.recv_window,
            session_logon=False,
            new_future=self._new_future,
            client_order_id_prefix=self.client_order_id_prefix,
            stats=self._stats,
            wall_clock=self.wall_clock,
            venue=self.venue,
        )
        other._ids = self._ids
        other.clock_offset_ms, other.clock_rtt = self.clock_offset_ms, self.clock_rtt
        self._accounts.append(other)
        return other

    def forget_account(self, other: RequestBuilder) -> None:
        """Stop updating the clock of a builder made by `for_account`."""
        try:
            self._accounts.remove(other)
        except ValueError:
            pass

    def new_client_order_id(self) -> str:
        """A fresh client order id: the prefix and 20 random URL-safe characters (120 bits)."""
        return self.client_order_id_prefix + secrets.token_urlsafe(15)

    def restamp(self, pending: Pending) -> None:
        """Re-express a queued request's timestamp with the clock offset measured since.

        A request made before the server clock was measured (the first call of a client, or
        during a reconnect) carries the local time of the call. Once the offset is known, the
        same instant is re-stamped in server time and re-signed. recvWindow still counts from
        the moment of the call, so a request that waited too long is still refused.
        """
        if pending.stamped_at is None or pending.offset_ms == self.clock_offset_ms:
            return
        (pending.signed_with or self)._stamp(pending, pending.stamped_at)

    def renew(self, pending: Pending) -> None:
        """Ready a request refused with -1021 to go again: a new id, timestamp and signature.

        The refusal was definitive (nothing executed), so this is a new request, stamped now
        with the freshly measured offset.
        """
        assert pending.stamped_at is not None
        pending.id = next(self._ids)
        pending.resynced = True
        (pending.signed_with or self)._stamp(pending, self.wall_clock())

    def _stamp(self, pending: Pending, at: float) -> None:
        wire = dict(pending.params)
        wire["timestamp"] = int(at * 1000 + self.clock_offset_ms)
        if "signature" in wire:
            del wire["signature"]
            assert self.signer is not None
            wire["signature"] = self.signer.sign(payload_from_wire(wire))
        pending.params = wire
        pending.stamped_at = at
        pending.offset_ms = self.clock_offset_ms
        pending.frame = _frame(pending.id, pending.method, wire)

    def _auth(self, method: str, spec: Optional[MethodSpec], signed: Optional[bool]) -> Auth:
        if spec is None:
            # Not in our table (a newer method, or a removed one): send it as the caller says.
            log.debug("%s is not a known method; sending it %s", method, "signed" if signed else "unsigned")
            return Auth.SIGNED if signed else Auth.NONE
        if signed is not None and signed != (spec.auth in (Auth.SIGNED, Auth.ALWAYS_SIGNED)):
            raise InvalidRequest(
                f"{method} is {'not ' if signed else ''}a signed method; leave signed= unset for known methods"
            )
        return spec.auth

    def _authenticate(
        self, method: str, spec: Optional[MethodSpec], auth: Auth, wire: dict[str, Any]
    ) -> Optional[float]:
        """Add what `auth` requires; the local time the request was stamped with, if it was."""
        if auth is Auth.NONE:
            return None
        if auth is Auth.API_KEY:
            if self.api_key is None:
                raise InvalidRequest(f"{method} needs an API key: create the client with api_key")
            if "apiKey" in wire:
                raise InvalidRequest("apiKey is added by the client; leave it out")
            if not self.session_logon:
                wire["apiKey"] = self.api_key
            return None
        if auth is Auth.SESSION:
            if not self.session_logon:
                raise InvalidRequest(
                    f"{method} works only on a connection logged on with an Ed25519 key "
                    "(Client(..., session_logon=True)); with other keys use "
                    "userDataStream.subscribe.signature"
                )
            return None
        if self.signer is None or self.api_key is None:
            kind = spec.security.value if spec is not None else "signed"
            raise InvalidRequest(f"{method} is a {kind} method: create the Client with api_key and api_secret")
        for name in _CLIENT_OWNED:
            if name in wire:
                raise InvalidRequest(
                    f"{name} is added by the client; leave it out (or send a request you signed "
                    "yourself, including signature)"
                )
        now = self.wall_clock()
        wire["timestamp"] = int(now * 1000 + self.clock_offset_ms)
        if "recvWindow" not in wire and self.recv_window is not None:
            wire["recvWindow"] = self.recv_window
        if auth is Auth.ALWAYS_SIGNED or not self.session_logon:
            wire["apiKey"] = self.api_key
            wire["signature"] = self.signer.sign(payload_from_wire(wire))
        return now

    def handshake(self) -> Generator[str, tuple[Any, float, float], None]:
        """The requests that ready a new connection, in order, without I/O.

        Yields the method of each request to send; is sent back its result and the wall-clock
        times it was sent and answered. Runs on every (re)connection of a client with
        credentials (or with user data streams, whose subscriptions are signed). The clock
        comes first because `session.logon` is itself timestamped; it is read from the
        venue's clock method (``time`` on Spot, ``session.status`` on futures). A malformed
        answer raises.
        """
        result, before, after = yield self.venue.clock_method
        self.set_clock(before, result["serverTime"], after)
        if self.session_logon:
            yield "session.logon"

    def server_ms(self) -> float:
        """The server's clock now, in epoch ms: local time plus the measured offset."""
        return self.wall_clock() * 1000.0 + self.clock_offset_ms

    def server_ms_earliest(self) -> float:
        """The earliest the server's clock can be now: `server_ms` less the measurement's error
        (half the `time` round trip, plus the 1 ms that serverTime's whole milliseconds drop)."""
        rtt = self.clock_rtt
        return self.server_ms() - (0.0 if rtt is None else rtt * 500.0 + 1.0)

    def set_clock(self, before: float, server_ms: Any, after: float) -> None:
        """Take in a `time` answer (`serverTime`) to a request sent at `before`, answered at `after`.

        The answer is taken to be from the midpoint of the round trip, so the estimate is off
        by at most half of it.
        """
        if isinstance(server_ms, bool) or not isinstance(server_ms, (int, float)):
            raise ValueError(f"time answered serverTime={server_ms!r}")
        self.clock_offset_ms = offset = clock_offset_ms(before, server_ms, after)
        self.clock_rtt = rtt = after - before
        for other in self._accounts:
            other.clock_offset_ms, other.clock_rtt = offset, rtt

    def clock_probe(self, timeout: float, on_done: Callable[[Optional[BaseException]], None]) -> Pending:
        """A clock request (the venue's `clock_method`) that updates the clock offset when
        answered, then calls `on_done`.

        `on_done` gets None, or the exception that stopped the measurement; it runs on
        whichever thread completes the request, so it must be quick library code.
        """
        method = self.venue.clock_method
        probe = _ClockProbe(next(self._ids), method, b"", None, timeout, False, {}, None, True)
        probe.frame = _frame(probe.id, method, {})
        probe.error_codes = self._error_codes
        probe.weight = self.venue.methods[method].weight_for({})
        probe.builder = self
        probe.on_done = on_done
        return probe

    @property
    def key_type(self) -> Optional[str]:
        return self.signer.key_type if self.signer is not None else None


def clock_offset_ms(before: float, server_ms: float, after: float) -> float:
    """Server minus local clock, in ms, from a `time` call: its answer is taken to be from the midpoint."""
    return server_ms - (before + after) * 500.0


def default_session_logon(signer: Optional[Signer], requested: Optional[bool]) -> bool:
    """Ed25519 keys log on by default; other key types cannot."""
    is_ed25519 = isinstance(signer, Ed25519Signer) or getattr(signer, "key_type", None) == "ed25519"
    if requested and not is_ed25519:
        raise InvalidRequest(
            "session_logon=True needs an Ed25519 key: Binance's session.logon accepts no other key type"
        )
    return is_ed25519 if requested is None else requested


class _AccountBuilder(RequestBuilder):
    """A builder made by `for_account`: its requests say who signed them, so that re-stamping
    (after a reconnect or a -1021) signs with this account's key, not the client's."""

    def build(self, *args: Any, **kwargs: Any) -> Pending:
        pending = super().build(*args, **kwargs)
        pending.signed_with = self
        return pending


class _ClockProbe(Pending):
    """A `time` request whose answer sets the builder's clock offset (see `clock_probe`)."""

    __slots__ = ("builder", "on_done", "before")

    builder: RequestBuilder
    on_done: Callable[[Optional[BaseException]], None]

    def start(self) -> bool:
        self.before = self.builder.wall_clock()
        return super().start()

    def set_result(self, value: Any) -> None:
        if self.done():
            return
        super().set_result(value)
        error: Optional[BaseException] = None
        try:
            self.builder.set_clock(self.before, (value or {}).get("serverTime"), self.builder.wall_clock())
        except (AttributeError, ValueError) as exc:
            error = exc
        self.on_done(error)

    def set_exception(self, exc: BaseException) -> None:
        if self.done():
            return
        super().set_exception(exc)
        self.on_done(exc)


def _weight(spec: MethodSpec, wire: Mapping[str, Any]) -> int:
    try:
        return spec.weight_for(wire)
    except (TypeError, ValueError):  # a malformed value: Binance will refuse it, at weight 1 or so
        return 1
