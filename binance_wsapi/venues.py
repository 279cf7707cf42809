"""The three WebSocket APIs this library speaks, as data: Spot, USDⓈ-M Futures, COIN-M Futures.

Everything that differs between them and that the runtime (`builder`, `supervisor`) or a
client class must know is a field of a `Venue`: the method table, the endpoints, what a
handshake costs, how the server clock is read, the error-code table and the recvWindow rule.
The runtime has no "if futures" of its own; a client is built on one venue.

Sources: web-socket-api.md (Spot) and each futures API's ``websocket-api-general-info``
(condensed in FUTURES-NOTES.md §0-§1): a futures handshake costs 5 weight, not 2; the futures
APIs have no ``time`` method, so the clock is read from ``session.status``'s ``serverTime``;
their timestamps and recvWindow are whole milliseconds, and no recvWindow maximum is documented.
"""

from __future__ import annotations

from typing import Mapping, Optional

from attrs import field, frozen

from .exceptions import FUTURES_ERROR_CODES, SPOT_ERROR_CODES, APIError
from .futures_methods import CM_METHODS, UM_METHODS
from .methods import METHODS, MethodSpec
from .rest import ENDPOINTS

__all__ = ["COINM", "SPOT", "USDM", "VENUES", "Venue"]


@frozen(repr=False, eq=False)
class Venue:
    """One WebSocket API: its methods, endpoints and the rules the client must follow on it."""

    #: "spot", "usdm" or "coinm".
    name: str
    title: str
    methods: Mapping[str, MethodSpec]
    production_url: str
    testnet_url: str
    #: The REST API of the same environment (for what the WebSocket API cannot do).
    rest_production_url: str
    rest_testnet_url: str
    #: Request weight charged for opening a connection.
    connect_weight: int
    #: The unsigned method whose result carries ``serverTime``, to measure the clock with.
    clock_method: str
    error_codes: Mapping[int, type[APIError]]
    #: The largest recvWindow in ms (None: none documented), and its decimals (Spot takes µs).
    max_recv_window: Optional[int]
    recv_window_decimals: int
    #: The REST path of each method the client sends over REST (`resolve_order`'s lookups, the
    #: futures account settings).
    rest_endpoints: Mapping[str, str]
    #: Futures: where user data streams are read (append the listenKey), in production and on
    #: the testnet, and the path they have beside any other API URL (a LocalExchange's).
    stream_production_url: Optional[str] = None
    stream_testnet_url: Optional[str] = None
    stream_path: Optional[str] = None
    #: DECIMAL parameters go as JSON strings, even when given as an int (the futures rule).
    decimal_strings: bool = False
    #: A version prefix the API accepts before a method name and that names no other method.
    version_prefix: str = ""
    #: Wire methods by their Python names (``account_position_v2`` -> ``v2/account.position``).
    by_python_name: Mapping[str, MethodSpec] = field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "by_python_name", {spec.python_name: spec for spec in self.methods.values()})

    def spec_for(self, method: str) -> Optional[MethodSpec]:
        """The spec for a wire method name, accepting the API's optional version prefix."""
        if self.version_prefix and method.startswith(self.version_prefix):
            method = method[len(self.version_prefix):]
        return self.methods.get(method)

    def rest_url_for(self, ws_url: str) -> Optional[str]:
        """The REST base beside one of this API's own WebSocket endpoints; None for any other URL."""
        if ws_url == self.production_url:
            return self.rest_production_url
        if ws_url == self.testnet_url:
            return self.rest_testnet_url
        return None

    def stream_url_for(self, ws_url: str) -> Optional[str]:
        """The user data stream base beside one of this API's endpoints (None on Spot): Binance's
        stream hosts for its own endpoints, else the same host and port with `stream_path`."""
        if self.stream_path is None:
            return None
        if ws_url == self.production_url:
            return self.stream_production_url
        if ws_url == self.testnet_url:
            return self.stream_testnet_url
        scheme, _, rest = ws_url.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}{self.stream_path}"

    def __repr__(self) -> str:
        return f"<Venue {self.name}: {self.title}, {len(self.methods)} methods>"


SPOT = Venue(
    name="spot",
    title="Spot",
    methods=METHODS,
    production_url="wss://ws-api.binance.com:443/ws-api/v3",
    testnet_url="wss://ws-api.testnet.binance.vision/ws-api/v3",
    rest_production_url="https://api.binance.com",
    rest_testnet_url="https://testnet.binance.vision",
    connect_weight=2,  # "Connecting to WebSocket API costs 2 weight." (web-socket-api.md)
    clock_method="time",
    error_codes=SPOT_ERROR_CODES,
    max_recv_window=60000,
    recv_window_decimals=3,
    rest_endpoints=ENDPOINTS,
    version_prefix="v3/",
)

USDM = Venue(
    name="usdm",
    title="USDⓈ-M Futures",
    methods=UM_METHODS,
    production_url="wss://ws-fapi.binance.com/ws-fapi/v1",
    testnet_url="wss://testnet.binancefuture.com/ws-fapi/v1",
    rest_production_url="https://fapi.binance.com",
    rest_testnet_url="https://demo-fapi.binance.com",
    connect_weight=5,
    clock_method="session.status",
    error_codes=FUTURES_ERROR_CODES,
    max_recv_window=None,
    recv_window_decimals=0,
    rest_endpoints={
        "order.status": "/fapi/v1/order",
        "leverage": "/fapi/v1/leverage",
        "marginType": "/fapi/v1/marginType",
        "positionSide/dual": "/fapi/v1/positionSide/dual",
        "algoOrder.status": "/fapi/v1/algoOrder",  # REST only: the WebSocket API has no algo lookup
    },
    # The private route since 2026-04-23 (the legacy /ws/<listenKey> is decommissioned). The
    # testnet's route is not documented (FUTURES-NOTES §8 #13): its documented /ws/ is used.
    stream_production_url="wss://fstream.binance.com/private/ws",
    stream_testnet_url="wss://fstream.binancefuture.com/ws",
    stream_path="/private/ws",
    decimal_strings=True,
)

COINM = Venue(
    name="coinm",
    title="COIN-M Futures",
    methods=CM_METHODS,
    production_url="wss://ws-dapi.binance.com/ws-dapi/v1",
    testnet_url="wss://testnet.binancefuture.com/ws-dapi/v1",
    rest_production_url="https://dapi.binance.com",
    rest_testnet_url="https://testnet.binancefuture.com",
    connect_weight=5,
    clock_method="session.status",
    error_codes=FUTURES_ERROR_CODES,
    max_recv_window=None,
    recv_window_decimals=0,
    rest_endpoints={
        "order.status": "/dapi/v1/order",
        "leverage": "/dapi/v1/leverage",
        "marginType": "/dapi/v1/marginType",
        "positionSide/dual": "/dapi/v1/positionSide/dual",
        "algoOrder.status": "/dapi/v1/algoOrder",
    },
    stream_production_url="wss://dstream.binance.com/ws",
    stream_testnet_url="wss://dstream.binancefuture.com/ws",
    stream_path="/ws",
    decimal_strings=True,
)

#: Every venue by name.
VENUES: Mapping[str, Venue] = {venue.name: venue for venue in (SPOT, USDM, COINM)}
