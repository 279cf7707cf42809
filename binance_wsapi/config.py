"""Configuration values: endpoints, the client-default sentinel, and immutable policy objects."""

from __future__ import annotations

import random
import threading
from typing import Optional, Union, cast

from attrs import Attribute, field, frozen, validators

from .exceptions import InvalidRequest

__all__ = [
    "DEFAULT_CONNECTION_AGE",
    "MAX_CONNECTION_AGE",
    "PRODUCTION_URL",
    "TESTNET_URL",
    "USE_CLIENT_DEFAULT",
    "Backoff",
    "Heartbeat",
    "Timeout",
    "UseClientDefault",
    "check_seconds",
    "check_timeout",
]

#: The production WebSocket API endpoint (port 9443 also works: ``wss://ws-api.binance.com:9443/ws-api/v3``).
PRODUCTION_URL = "wss://ws-api.binance.com:443/ws-api/v3"
#: The Spot testnet WebSocket API endpoint. Testnet keys are distinct from production keys.
TESTNET_URL = "wss://ws-api.testnet.binance.vision/ws-api/v3"

#: Binance disconnects every WebSocket API connection after 24 hours (in seconds).
MAX_CONNECTION_AGE = 24 * 3600
#: The client moves to a fresh connection after this long, well before Binance's cut.
DEFAULT_CONNECTION_AGE = 23 * 3600


class UseClientDefault:
    """The type of `USE_CLIENT_DEFAULT`.

    A per-call ``timeout=`` needs three meanings: a number of seconds, `None` (wait forever),
    and "whatever the client was configured with". `None` is taken, so the third is this
    sentinel, the default of every per-call `timeout`.
    """

    _instance: Optional[UseClientDefault] = None

    def __new__(cls) -> UseClientDefault:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "USE_CLIENT_DEFAULT"

    def __reduce__(self) -> str:
        return "USE_CLIENT_DEFAULT"


USE_CLIENT_DEFAULT = UseClientDefault()


def check_seconds(value: object, what: str, *, zero: bool = False, hint: str = "") -> float:
    """`value` as a number of seconds to wait, or InvalidRequest saying what to pass.

    Waits on locks raise OverflowError above threading.TIMEOUT_MAX, and would do so only once
    the request is out: a caller told nothing happened would send it again. So the bound is
    checked before anything is sent. `zero` allows 0 (do not wait); `hint` ends the message.
    """
    if (
        isinstance(value, (int, float))
        and not isinstance(value, bool)  # True is not a number of seconds
        and (value >= 0 if zero else value > 0)  # False for NaN
        and value <= threading.TIMEOUT_MAX
    ):
        return float(value)
    lowest = "a number of seconds from 0" if zero else "a positive number of seconds"
    raise InvalidRequest(f"{what}={value!r}: pass {lowest} up to {threading.TIMEOUT_MAX:.0f}{hint}")


def check_timeout(
    value: object, what: str = "timeout", *, zero: bool = False, none: str = "to wait forever"
) -> Optional[float]:
    """A timeout argument: None (which means `none`), or seconds as `check_seconds` takes them."""
    return None if value is None else check_seconds(value, what, zero=zero, hint=f", or None {none}")


def _seconds(instance: object, attribute: Attribute[float], value: float) -> None:
    check_seconds(value, attribute.name)


def _optional_seconds(instance: object, attribute: Attribute[Optional[float]], value: Optional[float]) -> None:
    check_timeout(value, attribute.name)


@frozen
class Timeout:
    """How long things may take, in seconds.

    `request`: the whole call, from the method call to its result, including any wait for a
    connection; `None` waits forever. `connect`: one connection attempt (TCP, TLS, WebSocket
    handshake, and session logon when used); always finite. `close`: how long `close()` waits
    for the client's threads by default.
    """

    request: Optional[float] = field(default=cast(Optional[float], 10.0), validator=_optional_seconds)
    connect: float = field(default=10.0, validator=_seconds)
    close: float = field(default=5.0, validator=_seconds)

    @classmethod
    def coerce(cls, value: Union[Timeout, float, int, None]) -> Timeout:
        """Accept a Timeout, or a number / None meaning the request timeout."""
        if isinstance(value, Timeout):
            return value
        return cls(request=check_timeout(value))


@frozen
class Backoff:
    """Exponential backoff with jitter between reconnection attempts.

    Attempt ``n`` (from 0) waits ``min(maximum, initial * multiplier**n)``, scaled by a random
    factor in ``[1 - jitter, 1]`` so that many clients dropped at once do not reconnect in step.
    """

    initial: float = field(default=0.1, validator=_seconds)
    maximum: float = field(default=10.0, validator=_seconds)
    multiplier: float = field(default=2.0, validator=validators.ge(1.0))
    jitter: float = field(default=0.5, validator=[validators.ge(0.0), validators.le(1.0)])

    def delay(self, attempt: int, rng: Optional[random.Random] = None) -> float:
        """Seconds to wait before reconnection attempt number `attempt` (0 = the first retry)."""
        base = min(self.maximum, self.initial * self.multiplier ** min(attempt, 64))
        return base * (1.0 - self.jitter * (rng or random).random())


@frozen
class Heartbeat:
    """How a silent connection is detected.

    After `idle` seconds without any frame from the server the client sends a ping; if still
    nothing arrives within `timeout` seconds, the connection is declared dead and replaced.
    Binance pings every 20 s (users have seen 3 min), so a late server ping alone is no alarm.
    """

    idle: float = field(default=30.0, validator=_seconds)
    timeout: float = field(default=10.0, validator=_seconds)
