"""Configuration values: endpoints, the client-default sentinel, and immutable policy objects."""

from __future__ import annotations

import random
from typing import Optional, Union, cast

from attrs import Attribute, field, frozen, validators

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

_positive = validators.gt(0.0)


def _optional_positive(instance: object, attribute: Attribute[Optional[float]], value: Optional[float]) -> None:
    if value is not None and not value > 0:
        raise ValueError(f"'{attribute.name}' must be a positive number of seconds or None, not {value!r}")


@frozen
class Timeout:
    """How long things may take, in seconds.

    `request`: the whole call, from the method call to its result, including any wait for a
    connection; `None` waits forever. `connect`: one connection attempt (TCP, TLS, WebSocket
    handshake, and session logon when used); always finite. `close`: how long `close()` waits
    for the client's threads by default.
    """

    request: Optional[float] = field(default=cast(Optional[float], 10.0), validator=_optional_positive)
    connect: float = field(default=10.0, validator=_positive)
    close: float = field(default=5.0, validator=_positive)

    @classmethod
    def coerce(cls, value: Union[Timeout, float, int, None]) -> Timeout:
        """Accept a Timeout, or a number / None meaning the request timeout."""
        if isinstance(value, Timeout):
            return value
        return cls(request=None if value is None else float(value))


@frozen
class Backoff:
    """Exponential backoff with jitter between reconnection attempts.

    Attempt ``n`` (from 0) waits ``min(maximum, initial * multiplier**n)``, scaled by a random
    factor in ``[1 - jitter, 1]`` so that many clients dropped at once do not reconnect in step.
    """

    initial: float = field(default=0.1, validator=_positive)
    maximum: float = field(default=10.0, validator=_positive)
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

    idle: float = field(default=30.0, validator=_positive)
    timeout: float = field(default=10.0, validator=_positive)
