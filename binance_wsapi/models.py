"""Value objects returned by the client."""

from __future__ import annotations

import time
from typing import Any, Iterable, Mapping, Optional, Union

from attrs import field, frozen

__all__ = ["ConnectionEvent", "RateLimit", "Response"]


@frozen
class RateLimit:
    """One rate limit's usage as reported by Binance, e.g. REQUEST_WEIGHT 70/6000 per 1 MINUTE."""

    rate_limit_type: str
    interval: str
    interval_num: int
    limit: int
    count: int

    @classmethod
    def from_wire(cls, item: Mapping[str, Any]) -> RateLimit:
        """Build from one element of a response's ``rateLimits`` array."""
        return cls(item["rateLimitType"], item["interval"], item["intervalNum"], item["limit"], item["count"])

    @property
    def key(self) -> tuple[str, str, int]:
        """What identifies the limit across responses: (type, interval, interval_num)."""
        return (self.rate_limit_type, self.interval, self.interval_num)


def rate_limits_from_wire(items: Iterable[Any]) -> tuple[RateLimit, ...]:
    """Convert a ``rateLimits`` array, skipping malformed items (bad server data is not fatal)."""
    if not isinstance(items, (list, tuple)):
        return ()
    out = []
    for item in items:
        try:
            out.append(RateLimit.from_wire(item))
        except (KeyError, TypeError):
            pass
    return tuple(out)


@frozen
class Response:
    """A successful response: its `id`, `status`, `result` and the `rate_limits` it reported."""

    id: Union[int, str, None]
    status: int
    result: Any
    rate_limits: tuple[RateLimit, ...] = ()

    def __repr__(self) -> str:
        # A result can be an order book of 5000 levels: show its start and its size.
        text = repr(self.result)
        if len(text) > 160:
            size = f"{len(self.result)} items" if isinstance(self.result, (list, dict)) else f"{len(text)} chars"
            text = text[:140] + f"... ({size})"
        limits = " ".join(f"{r.rate_limit_type}={r.count}/{r.limit}" for r in self.rate_limits)
        return f"<Response id={self.id!r} status={self.status} result={text}{' ' + limits if limits else ''}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@frozen
class ConnectionEvent:
    """A change in a client's connection, as passed to connection handlers.

    `kind` is one of ``"connected"`` (the first connection is ready), ``"disconnected"`` (the
    connection was lost, or the client closed; `reason` says which), ``"reconnecting"``
    (attempt number `attempt` to replace a lost connection is starting), ``"reconnected"`` and
    ``"rotated"`` (a planned move to a new connection, on `serverShutdown` or at the
    configured connection lifetime, finished; nothing failed because of it), and ``"idle"``
    (the connection is down and nothing needs one: the client stopped reconnecting, and its
    next call connects; see `stay_connected`). `connection`
    names the connection concerned; `at` is the local epoch time in seconds.
    """

    kind: str
    connection: str
    reason: Optional[str] = None
    attempt: int = 0
    at: float = field(factory=time.time)
