"""Offline testing tools: `LocalExchange`, a local Binance Spot WebSocket API server.

Needs the ``testing`` extra: ``pip install 'binance-wsapi[testing]'``.
"""

from __future__ import annotations

try:
    import websockets  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "binance_wsapi.testing needs the 'websockets' package: pip install 'binance-wsapi[testing]'"
    ) from exc

from .model import SymbolSpec, WireError
from .server import LocalAccount, LocalExchange

__all__ = ["LocalAccount", "LocalExchange", "SymbolSpec", "WireError"]
