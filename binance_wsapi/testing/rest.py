"""LocalExchange's REST front: Binance's ``/api/v3`` endpoints over the same handlers as the WebSocket API.

Binance's REST API is the same engine with the same parameters, errors and weights; only the
envelope differs. A request is parsed here into the WebSocket method it stands for and its
parameters (query string and form body, all text, as Binance reads them); the answer comes
back as the bare result or ``{"code", "msg"}`` with the HTTP status and the headers Binance
sends (``X-MBX-USED-WEIGHT-1M``, ``X-MBX-ORDER-COUNT-10S``, ``Retry-After``). Signed
endpoints take the key in ``X-MBX-APIKEY`` and sign the query string and body as sent
(percent-encoded: the CHANGELOG's 2026-01-15 rule), concatenated.

No sockets here: `parse` takes the bytes of one request, `render` makes the bytes of a reply.
The exchange's own HTTP paths (``/_local/...``, see server.py) never clash with Binance's.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional
from urllib.parse import parse_qsl, urlsplit

from attrs import frozen

from .model import WireError
from .rules import RULES, MethodRule

__all__ = ["ROUTES", "HttpRequest", "RestCall", "parse", "render", "to_call"]

# Binance's REST endpoint for each WebSocket API method (the CHANGELOG lists them side by side,
# for example in its 2026-03-27 entry). The session and user data stream methods have none.
ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/api/v3/ping"): "ping",
    ("GET", "/api/v3/time"): "time",
    ("GET", "/api/v3/exchangeInfo"): "exchangeInfo",
    ("GET", "/api/v3/executionRules"): "executionRules",
    ("GET", "/api/v3/depth"): "depth",
    ("GET", "/api/v3/trades"): "trades.recent",
    ("GET", "/api/v3/historicalTrades"): "trades.historical",
    ("GET", "/api/v3/historicalBlockTrades"): "blockTrades.historical",
    ("GET", "/api/v3/aggTrades"): "trades.aggregate",
    ("GET", "/api/v3/klines"): "klines",
    ("GET", "/api/v3/uiKlines"): "uiKlines",
    ("GET", "/api/v3/avgPrice"): "avgPrice",
    ("GET", "/api/v3/ticker/24hr"): "ticker.24hr",
    ("GET", "/api/v3/ticker/tradingDay"): "ticker.tradingDay",
    ("GET", "/api/v3/ticker"): "ticker",
    ("GET", "/api/v3/ticker/price"): "ticker.price",
    ("GET", "/api/v3/ticker/bookTicker"): "ticker.book",
    ("GET", "/api/v3/referencePrice"): "referencePrice",
    ("GET", "/api/v3/referencePrice/calculation"): "referencePrice.calculation",
    ("POST", "/api/v3/order"): "order.place",
    ("POST", "/api/v3/order/test"): "order.test",
    ("GET", "/api/v3/order"): "order.status",
    ("DELETE", "/api/v3/order"): "order.cancel",
    ("POST", "/api/v3/order/cancelReplace"): "order.cancelReplace",
    ("PUT", "/api/v3/order/amend/keepPriority"): "order.amend.keepPriority",
    ("GET", "/api/v3/order/amendments"): "order.amendments",
    ("GET", "/api/v3/openOrders"): "openOrders.status",
    ("DELETE", "/api/v3/openOrders"): "openOrders.cancelAll",
    ("GET", "/api/v3/allOrders"): "allOrders",
    ("POST", "/api/v3/order/oco"): "orderList.place",
    ("POST", "/api/v3/orderList/oco"): "orderList.place.oco",
    ("POST", "/api/v3/orderList/oto"): "orderList.place.oto",
    ("POST", "/api/v3/orderList/otoco"): "orderList.place.otoco",
    ("POST", "/api/v3/orderList/opo"): "orderList.place.opo",
    ("POST", "/api/v3/orderList/opoco"): "orderList.place.opoco",
    ("DELETE", "/api/v3/orderList"): "orderList.cancel",
    ("GET", "/api/v3/orderList"): "orderList.status",
    ("GET", "/api/v3/openOrderList"): "openOrderLists.status",
    ("GET", "/api/v3/allOrderList"): "allOrderLists",
    ("POST", "/api/v3/sor/order"): "sor.order.place",
    ("POST", "/api/v3/sor/order/test"): "sor.order.test",
    ("GET", "/api/v3/account"): "account.status",
    ("GET", "/api/v3/myTrades"): "myTrades",
    ("GET", "/api/v3/rateLimit/order"): "account.rateLimits.orders",
    ("GET", "/api/v3/myPreventedMatches"): "myPreventedMatches",
    ("GET", "/api/v3/myAllocations"): "myAllocations",
    ("GET", "/api/v3/account/commission"): "account.commission",
    ("GET", "/api/v3/myFilters"): "myFilters",
}
#: The listenKey endpoints, removed on 2026-02-20 (410, as their WebSocket twins).
REMOVED_PATHS = frozenset({"/api/v3/userDataStream"})
#: A request head larger than this is refused (400): a hostile client costs one connection.
MAX_HEAD = 64 * 1024
MAX_BODY = 1024 * 1024


@frozen
class HttpRequest:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> str:
        return urlsplit(self.target).query

    def is_upgrade(self) -> bool:
        return self.method == "GET" and "websocket" in self.headers.get("upgrade", "").lower()


class BadRequest(Exception):
    """The bytes are not an HTTP/1.1 request this front can read (answered 400, then closed)."""


def parse(data: bytes) -> Optional[tuple[HttpRequest, int]]:
    """One request from the start of `data` and the bytes it took, or None if it is not all there yet."""
    end = data.find(b"\r\n\r\n")
    if end < 0 or end > MAX_HEAD:
        if len(data) > MAX_HEAD:
            raise BadRequest("request head too large")
        return None
    head = data[:end].decode("latin-1").split("\r\n")
    try:
        method, target, version = head[0].split(" ")
    except ValueError:
        raise BadRequest("malformed request line") from None
    if not version.startswith("HTTP/1."):
        raise BadRequest("not HTTP/1.x")
    headers: dict[str, str] = {}
    for line in head[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            raise BadRequest("malformed header")
        headers[name.strip().lower()] = value.strip()
    text = headers.get("content-length", "0")
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_BODY:  # int() would take "+5" and "1_0"
        raise BadRequest("bad Content-Length")
    length = int(text)
    start = end + 4
    if len(data) < start + length:
        return None
    return HttpRequest(method, target, headers, data[start : start + length]), start + length


@frozen
class RestCall:
    """What a REST request asks of the engine: a WebSocket method, its params, how it was signed."""

    method: str
    params: dict[str, Any]
    #: The text the signature covers: the query string and the body as sent, less the
    #: signature itself, concatenated (None when unsigned).
    signed_text: Optional[str]
    #: Refused before the engine sees it (REST's own rules: the key header, duplicates).
    error: Optional[WireError] = None


def _without_signature(text: str) -> tuple[str, Optional[str]]:
    kept, signature = [], None
    for part in text.split("&") if text else []:
        if part.startswith("signature="):
            signature = part[len("signature=") :]
        else:
            kept.append(part)
    return "&".join(kept), signature


def to_call(
    request: HttpRequest, routes: Mapping[tuple[str, str], str] = ROUTES, rules: Mapping[str, MethodRule] = RULES
) -> Optional[RestCall]:
    """The engine call a REST request stands for (by a market's `routes` and `rules`: Spot's by
    default); None for a path that market does not serve."""
    method = routes.get((request.method, request.path))
    if method is None:
        return None
    body = request.body.decode("utf-8", "replace")
    if body and "x-www-form-urlencoded" not in request.headers.get("content-type", "application/x-www-form-urlencoded"):
        body = ""  # Binance reads form bodies only
    params: dict[str, Any] = {}
    error: Optional[WireError] = None
    # "If a parameter sent in both the query string and request body, the query string
    # parameter will be used": the body first, then the query over it.
    for text in (body, request.query):
        seen: set[str] = set()
        for name, value in parse_qsl(text, keep_blank_values=True):
            if name in seen:
                error = WireError(400, -1101, "Duplicate values for a parameter detected.")
            seen.add(name)
            params[name] = value
    # The key travels in the X-MBX-APIKEY header only; an apiKey parameter is not REST's.
    params.pop("apiKey", None)
    query_text, query_sig = _without_signature(request.query)
    body_text, body_sig = _without_signature(body)
    signature = query_sig or body_sig
    signed_text = None
    if signature is not None:
        signed_text = query_text + body_text
    if rules[method].signed:  # public endpoints ignore the header
        api_key = request.headers.get("x-mbx-apikey")
        if api_key is None:
            error = error or WireError(401, -2014, "API-key format invalid.")
        else:
            params["apiKey"] = api_key
    return RestCall(method, params, signed_text, error)


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            409: "Conflict", 410: "Gone", 418: "I'm a teapot", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
            500: "Internal Server Error", 503: "Service Unavailable"}


def render(status: int, body: Any, headers: Optional[dict[str, str]] = None) -> bytes:
    """An HTTP/1.1 response; the connection closes after it (every reply says Connection: close)."""
    payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=str).encode()
    lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}", "Content-Type: application/json;charset=UTF-8",
             f"Content-Length: {len(payload)}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload
