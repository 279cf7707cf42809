"""The rate-limit governor: keep requests inside the limits Binance reported, before sending.

Binance counts request weight per IP and new orders per account in fixed, calendar-aligned
windows (a MINUTE window resets at :00, a 10 SECOND one at :00, :10, ...; a DAY at 00:00
UTC), and reports the counts in every response's ``rateLimits``. Ignoring a 429 gets the IP
banned (418) for minutes to days. So before a request is written the governor estimates
each limit's usage, and refuses the request if its cost would cross the limit. Refused
requests wait for the window to reset or fail with `RateLimited`, as the client is
configured; either way nothing is sent.

The estimate needs no bookkeeping per answer. Admitting a request reserves its cost; writing
it gives it a place in the order of writes (the running total of cost written so far, taken
under the connection's write lock), which is the order Binance counts in. A report answers
one request, so it covers everything written up to that request and nothing after it. Usage
is then

    the count in the latest report for the current window
    + the cost reserved beyond the place of the request that report answered

which errs only on the safe side: requests that failed unanswered still count until the
next report. (Places come from writes, not admissions: sixteen threads admitted in one order
may write in another, and a report would then seem to cover requests Binance had not yet
counted.) A request that fails before it is written gives its reservation back. Admitting
takes a lock (check and count must be one step, or sixteen threads could all take the last
unit); reading a report on the I/O thread does not.

After a 429 nothing that the limit covers is sent before its `retryAfter`; after a 418
nothing at all is sent, not even a reconnection, before the ban lifts. Opening a connection
is counted like a request (2 weight, charged once it is open), and its handshake's `time`
and `session.logon` are admitted like any other: the supervisor asks `connect_hold` before
dialling, so a reconnect waits for a ban, a 429's `retryAfter` (also one given by an HTTP
429 answer to the upgrade) and a window with room for the handshake. The governor knows
no limits until the first response reports them; until then only 429/418 answers hold it
back. It counts only this client's traffic: other clients or processes on the same IP use
the same weight unseen, until a report shows it. Turned off (``on_rate_limit="off"``), it
leaves limits and 429s to Binance, but still respects a ban: sending while banned only
extends it.
"""

from __future__ import annotations

import collections
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Deque, Optional

from .exceptions import APIError, IPBanned, RateLimited, TooManyOrders

if TYPE_CHECKING:
    from .request import Pending

__all__ = ["HeldRequests", "Hold", "RateGovernor"]

_INTERVAL_MS = {"SECOND": 1000, "MINUTE": 60_000, "HOUR": 3_600_000, "DAY": 86_400_000}
_WEIGHT, _ORDERS = 0, 1
_KINDS = {"REQUEST_WEIGHT": _WEIGHT, "ORDERS": _ORDERS}
# Binance bans for at least 2 minutes; assumed when a 418 does not say until when.
_MIN_BAN_MS = 120_000
# How long to stay away after a 429 that carries no retryAfter.
_DEFAULT_RETRY_MS = 1_000
_UNSEEN: Any = object()


class _Limit:
    """One reported limit, e.g. REQUEST_WEIGHT 6000 per 1 MINUTE, and its latest report.

    `state` is replaced whole, so a reader never sees half of an update:
    (limit, start of the window the count is for, count, admitted total it covers).
    """

    __slots__ = ("kind", "name", "length_ms", "state")

    def __init__(self, kind: int, name: str, length_ms: int) -> None:
        self.kind = kind
        self.name = name
        self.length_ms = length_ms
        self.state: tuple[int, int, int, int] = (0, -1, 0, -1)


class Hold:
    """Why a request may not be sent now, and from when it may (server epoch ms)."""

    __slots__ = ("until_ms", "error", "code", "reason")

    def __init__(self, until_ms: float, error: type[APIError], code: int, reason: str) -> None:
        self.until_ms = until_ms
        self.error = error
        self.code = code
        self.reason = reason

    @property
    def banned(self) -> bool:
        return self.error is IPBanned

    def summary(self, now_ms: float) -> str:
        """What the hold means for what follows, for a log line."""
        wait = max(0.0, (self.until_ms - now_ms) / 1000)
        return (f"{self.reason}; nothing it covers is sent before {_utc(int(self.until_ms))} "
                f"(in {wait:.1f} s)")

    def exception(self, method: str, now_ms: float) -> APIError:
        """The error for a request refused because of this hold; it was not sent."""
        until = int(self.until_ms)
        status = 418 if self.banned else 429
        wait = max(0.0, (self.until_ms - now_ms) / 1000)
        text = f"{method} was not sent: {self.reason}; retry after {_utc(until)} (in {wait:.1f} s)"
        return self.error(status, self.code, text, {"retryAfter": until}, method=method, message=text, sent=False)


class HeldRequests:
    """The requests the governor held back, in order, each with the hold it waits for.

    No I/O and no clock of its own: the runtime passes in `now` (monotonic seconds) and
    `now_ms` (the server's clock), sends what `release` says is ready and fails what it says
    is refused, under its own lock. Order is kept in two lanes: a request waiting for the
    weight limit holds back every later request, one waiting for the orders limit only
    later orders (a ping may pass an order held by ORDERS, never one held by weight).
    """

    __slots__ = ("_items", "_lanes", "wake")

    def __init__(self) -> None:
        self._items: Deque[tuple[Pending, Hold]] = collections.deque()
        self._lanes = [0, 0]
        #: When the first held request may be ready (monotonic seconds; inf if none).
        self.wake = float("inf")

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Any:
        return (pending for pending, _ in self._items)

    def ahead(self, pending: Pending) -> Optional[Hold]:
        """The hold of the last request `pending` must queue behind, or None if it may be admitted."""
        lanes = self._lanes
        if not (lanes[_WEIGHT] or (pending.orders and lanes[_ORDERS])):
            return None
        return next(h for _, h in reversed(self._items) if pending.orders or h.error is not TooManyOrders)

    def ready_at(self, hold: Hold, now: float, now_ms: float, *, behind: bool = False) -> float:
        """When a request held by `hold` may go (monotonic seconds); `behind` others: not before them."""
        ready = now + max(0.0, hold.until_ms - now_ms) / 1000.0
        return max(ready, self.wake) if behind else ready

    def add(self, pending: Pending, hold: Hold, ready_at: float) -> None:
        self._items.append((pending, hold))
        self._lanes[_lane(hold)] += 1
        self.wake = min(self.wake, ready_at)

    def take(self, pending: Pending) -> bool:
        """Remove `pending` (it timed out, or was cancelled); False if it is not held here."""
        for i, (held, hold) in enumerate(self._items):  # an identity scan: this list is short
            if held is pending:
                del self._items[i]
                self._lanes[_lane(hold)] -= 1
                return True
        return False

    def clear(self) -> list[Pending]:
        """Remove and return every held request."""
        items = [pending for pending, _ in self._items]
        self._items.clear()
        self._lanes = [0, 0]
        self.wake = float("inf")
        return items

    def release(
        self, now: float, now_ms: float, admit: Callable[[Pending], Optional[Hold]]
    ) -> tuple[list[Pending], list[tuple[Pending, Hold]]]:
        """The requests whose limit has reset, admitted by `admit`, in order, and those that now
        cannot make their deadline (or are banned), with their hold."""
        if not self._items or now < self.wake:
            return [], []
        ready: list[Pending] = []
        refused: list[tuple[Pending, Hold]] = []
        keep: Deque[tuple[Pending, Hold]] = collections.deque()
        lanes = [0, 0]
        lane_ready = [0.0, 0.0]
        wake = float("inf")
        for pending, hold in self._items:
            if pending.done():
                continue
            new: Optional[Hold]
            if lanes[_WEIGHT] or (pending.orders and lanes[_ORDERS]):
                # Still behind an earlier request waiting for the same limit: keeps its place.
                new = hold
                ready_at = max(lane_ready[_WEIGHT], lane_ready[_ORDERS] if pending.orders else 0.0)
            else:
                new = admit(pending)
                if new is None:
                    ready.append(pending)
                    continue
                ready_at = now + max(0.001, (new.until_ms - now_ms) / 1000.0)
                wake = min(wake, ready_at)
            if new.banned or (pending.deadline is not None and ready_at > pending.deadline):
                refused.append((pending, new))
                continue
            keep.append((pending, new))
            lane = _lane(new)
            lanes[lane] += 1
            lane_ready[lane] = max(lane_ready[lane], ready_at)
        self._items, self._lanes, self.wake = keep, lanes, wake
        return ready, refused


def _lane(hold: Hold) -> int:
    return _ORDERS if hold.error is TooManyOrders else _WEIGHT


class RateGovernor:
    """Usage estimates for one client's limits, updated from every response.

    `admit` runs on caller threads, `on_response` / `on_refused` on I/O threads, all under
    one lock held for a few microseconds.
    """

    def __init__(self, server_ms: Callable[[], float], *, police: bool = True) -> None:
        # The server's clock in epoch ms, as the client measured it (RequestBuilder.server_ms):
        # the governor reads no clock of its own.
        self._server_ms = server_ms
        # False: only an IP ban holds requests back; limits and 429s are left to Binance.
        self._police = police
        #: The latest ``rateLimits`` item per (type, interval, intervalNum), as received.
        self.reported: dict[tuple[Any, Any, Any], Any] = {}
        self._lock = threading.Lock()
        self._limits: dict[tuple[Any, Any, Any], Optional[_Limit]] = {}
        self._policed: tuple[_Limit, ...] = ()
        # Running totals of the weight and orders reserved (admitted, less what failed before
        # being written), and of those written; a written request's place is the latter.
        self._admitted = [0, 0]
        self._written = [0, 0]
        self._weight_blocked: Optional[Hold] = None
        self._orders_blocked: Optional[Hold] = None
        self._ban: Optional[Hold] = None
        #: False until there is anything to check: the request path then skips the governor.
        self.engaged = False

    def after_fork_in_child(self) -> None:
        """A fresh lock: the parent's may have been held at the fork by a thread not copied here."""
        self._lock = threading.Lock()

    def now_ms(self) -> float:
        """The server's clock in epoch ms: local time plus the measured offset."""
        return self._server_ms()

    # -- before sending (caller threads) -----------------------------------------------------

    def admit(self, pending: Pending) -> Optional[Hold]:
        """Count `pending` in and return None, or say why and until when it must wait."""
        now = int(self._server_ms())
        weight, orders = pending.weight, pending.orders
        with self._lock:
            hold = self._check(now, weight, orders)
            if hold is not None:
                return hold
            admitted = self._admitted
            admitted[_WEIGHT] += weight
            admitted[_ORDERS] += orders
            pending.admitted = self
            pending.position = None  # a new request (or sent again after a -1021): not yet written
            return None

    def connect_hold(self, weight: int) -> Optional[Hold]:
        """Why a new connection whose handshake costs `weight` may not be opened now, if so.

        Opening a connection is a request like any other to Binance (it costs 2 weight, and
        a banned IP only prolongs its ban by trying): a reconnect waits for a ban, a 429's
        `retryAfter`, and a window with room for its handshake, exactly as a request would.
        """
        now = int(self._server_ms())
        with self._lock:
            return self._check(now, weight, 0)

    def charge(self, weight: int) -> None:
        """Count weight that Binance charged without a request, such as a connection's."""
        with self._lock:
            self._admitted[_WEIGHT] += weight
            self._written[_WEIGHT] += weight

    def _check(self, now: int, weight: int, orders: int) -> Optional[Hold]:
        """The hold a request of this cost would get now, or None (lock held)."""
        hold = self._ban
        if hold is not None:
            if now < hold.until_ms:
                return hold
            self._ban = None
        hold = self._weight_blocked
        if hold is not None and now >= hold.until_ms:
            hold = self._weight_blocked = None
        if orders:
            blocked = self._orders_blocked
            if blocked is not None and now >= blocked.until_ms:
                blocked = self._orders_blocked = None
            if blocked is not None and (hold is None or blocked.until_ms > hold.until_ms):
                hold = blocked
        admitted = self._admitted
        for limit in self._policed:
            kind = limit.kind
            cost = orders if kind else weight
            maximum, window, count, covered = limit.state
            if not cost or cost > maximum:  # an impossible request: Binance says why
                continue
            start = now - now % limit.length_ms
            used = admitted[kind] - covered + (count if window == start else 0)
            if used + cost > maximum:
                until = start + limit.length_ms
                if hold is None or until > hold.until_ms:
                    hold = Hold(
                        until,
                        TooManyOrders if kind else RateLimited,
                        -1015 if kind else -1003,
                        f"it would exceed {limit.name} ({used} used, {cost} more)",
                    )
        return hold

    def written(self, pending: Pending) -> None:
        """`pending` is being written (under its connection's write lock): give it its place."""
        weight, orders = pending.weight, pending.orders
        with self._lock:
            if pending.position is not None:
                # Written again after a write that failed: count it as a new request, so that
                # the written total never runs ahead of the reserved one.
                self._admitted[_WEIGHT] += weight
                self._admitted[_ORDERS] += orders
            written = self._written
            written[_WEIGHT] += weight
            written[_ORDERS] += orders
            pending.position = (written[_WEIGHT], written[_ORDERS])

    def write_off(self, pending: Pending) -> None:
        """`pending` ended without being written: give back what admitting it reserved."""
        with self._lock:
            if pending.admitted is self and pending.position is None:
                pending.admitted = None
                self._admitted[_WEIGHT] -= pending.weight
                self._admitted[_ORDERS] -= pending.orders

    @property
    def ban(self) -> Optional[Hold]:
        """The IP ban in force, if any."""
        ban = self._ban
        return ban if ban is not None and self.now_ms() < ban.until_ms else None

    # -- after answers (I/O threads) -------------------------------------------------------

    def on_response(self, pending: Optional[Pending], items: Any, rtt: float) -> None:
        """Take in one response's ``rateLimits`` (I/O thread; `pending` is what it answers)."""
        if type(items) is not list:
            return  # not Binance's shape: nothing to learn from it
        now = int(self._server_ms())
        position = pending.position if pending is not None else None
        reported = self.reported
        limits = self._limits
        for item in items:
            try:
                key = (item["rateLimitType"], item["interval"], item["intervalNum"])
                reported[key] = item
                limit = limits.get(key, _UNSEEN)
                if limit is None:
                    continue
                if limit is _UNSEEN:
                    limit = self._new_limit(key)
                    if limit is None:
                        continue
                count, maximum = item["count"], item["limit"]
            except (KeyError, TypeError):
                continue
            if type(count) is not int or type(maximum) is not int:
                continue
            start = now - now % limit.length_ms
            if now - start < rtt * 1000:
                continue  # answered just after a window began: the count may be the last one's
            _, window, _, covered = limit.state
            if position is not None:
                at = position[limit.kind]
                if at < covered and window == start:
                    continue  # an older request's report, overtaken (another connection)
            elif window >= 0:
                continue  # not one of ours (or sent before there were limits): cannot place it
            else:
                at = self._written[limit.kind]
            limit.state = (maximum, start, count, at)

    def _new_limit(self, key: tuple[Any, Any, Any]) -> Optional[_Limit]:
        kind_name, interval, number = key
        kind = _KINDS.get(kind_name) if self._police else None
        unit = _INTERVAL_MS.get(interval)
        if kind is None or unit is None or not isinstance(number, int) or number <= 0:
            self._limits[key] = None  # CONNECTIONS, RAW_REQUESTS, or something new: not ours to police
            return None
        limit = _Limit(kind, f"{kind_name} per {number} {interval}", unit * number)
        with self._lock:
            self._limits[key] = limit
            self._policed = (*self._policed, limit)
            self.engaged = True
        return limit

    def on_refused(self, status: int, code: Optional[int], data: Any) -> Hold:
        """Take in a 429 or 418 answer: hold later requests until its retryAfter."""
        now = self.now_ms()
        retry_after = data.get("retryAfter") if isinstance(data, dict) else None
        if not isinstance(retry_after, int) or isinstance(retry_after, bool):
            retry_after = None
        until: float
        with self._lock:
            if status == 418:
                until = retry_after if retry_after is not None else now + _MIN_BAN_MS
                hold = self._ban = Hold(until, IPBanned, code or -1003, "the IP is banned (418) for ignoring 429s")
                self.engaged = True
                return hold
            if code == -1015:
                until = retry_after if retry_after is not None else now + _DEFAULT_RETRY_MS
                hold = self._orders_blocked = Hold(
                    until, TooManyOrders, -1015, "Binance refused new orders (429, too many orders)"
                )
            else:
                until = retry_after if retry_after is not None else now + _DEFAULT_RETRY_MS
                hold = self._weight_blocked = Hold(
                    until, RateLimited, code or -1003, "Binance refused requests (429, too much request weight)"
                )
            if not self._police:
                self._weight_blocked = self._orders_blocked = None
            self.engaged = self._police
            return hold


def _utc(epoch_ms: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(epoch_ms / 1000)) + f".{epoch_ms % 1000:03d}Z"
