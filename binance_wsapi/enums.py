"""Enumerations from enums.md: a few as `enum.Enum`s for completion, the rest as value sets.

Every parameter that takes one of these also takes the plain string (``"BUY"``); the
`Enum` members are `str` subclasses and are sent as their value.
"""

from __future__ import annotations

import enum

__all__ = [
    "ENUM_VALUES",
    "OrderType",
    "Side",
    "TimeInForce",
]


class Side(str, enum.Enum):
    """Order side."""

    BUY = "BUY"
    SELL = "SELL"


class OrderType(str, enum.Enum):
    """Order types."""

    LIMIT = "LIMIT"
    MARKET = "MARKET"
    STOP_LOSS = "STOP_LOSS"
    STOP_LOSS_LIMIT = "STOP_LOSS_LIMIT"
    TAKE_PROFIT = "TAKE_PROFIT"
    TAKE_PROFIT_LIMIT = "TAKE_PROFIT_LIMIT"
    LIMIT_MAKER = "LIMIT_MAKER"


class TimeInForce(str, enum.Enum):
    """How long an order stays active."""

    GTC = "GTC"
    IOC = "IOC"
    FOK = "FOK"


_WINDOW_SIZES = tuple(
    [f"{n}m" for n in range(1, 60)] + [f"{n}h" for n in range(1, 24)] + [f"{n}d" for n in range(1, 8)]
)

#: The values each enum-typed parameter accepts, in the docs' order, by the final part of its
#: wire name (``pendingAboveType`` is a ``type``). Parameters not listed are not checked locally.
ENUM_VALUES: dict[str, tuple[str, ...]] = {
    "side": tuple(s.value for s in Side),
    "type": tuple(t.value for t in OrderType),
    "timeInForce": tuple(t.value for t in TimeInForce),
    "newOrderRespType": ("ACK", "RESULT", "FULL"),
    "selfTradePreventionMode": ("NONE", "EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH", "DECREMENT", "TRANSFER"),
    "cancelReplaceMode": ("STOP_ON_FAILURE", "ALLOW_FAILURE"),
    "cancelRestrictions": ("ONLY_NEW", "ONLY_PARTIALLY_FILLED"),
    "orderRateLimitExceededMode": ("DO_NOTHING", "CANCEL_ONLY"),
    "pegPriceType": ("PRIMARY_PEG", "MARKET_PEG"),
    "pegOffsetType": ("PRICE_LEVEL",),
    "symbolStatus": ("TRADING", "END_OF_DAY", "HALT", "BREAK", "CANCEL_ONLY"),
    "interval": tuple("1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M".split()),
    "tickerType": ("FULL", "MINI"),
    "windowSize": _WINDOW_SIZES,
}
