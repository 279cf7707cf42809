"""Value objects returned by the client."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Union

from attrs import frozen

__all__ = ["RateLimit", "Response"]


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
