"""The REST API as an independent path, for looking an order up while the WebSocket is down.

`resolve_order` must settle an unknown outcome even when no WebSocket connection can be had
within its deadline. Binance's REST API is the same engine over another door: ``GET
/api/v3/order`` answers what ``order.status`` does. This module signs such a request the way
REST wants it (the key in ``X-MBX-APIKEY``, the signature over the percent-encoded query as
sent) and maps the answer into the same exceptions. It uses `requests`, imported on first use.
"""

from __future__ import annotations

import ssl
import threading
import time
from typing import Any, Mapping, Optional, Union
from urllib.parse import urlencode, urlsplit

from .exceptions import SPOT_ERROR_CODES, APIError, ConnectionLost, RequestTimeout, error_from_response

__all__ = ["ENDPOINTS", "RestLookup", "rest_base_for"]

#: The REST twin of each WebSocket method the library looks orders up with.
ENDPOINTS = {"order.status": "/api/v3/order", "orderList.status": "/api/v3/orderList"}

# Binance's WebSocket API hosts and the REST hosts of the same environment.
_HOSTS = {
    "ws-api.binance.com": "https://api.binance.com",
    "ws-api.testnet.binance.vision": "https://testnet.binance.vision",
}


def rest_base_for(ws_url: str) -> str:
    """The REST base URL beside a WebSocket API URL: Binance's hosts map to theirs; any other host
    (a LocalExchange) serves REST on the same port."""
    parts = urlsplit(ws_url)
    host = parts.hostname or ""
    if host in _HOSTS:
        return _HOSTS[host]
    scheme = "https" if parts.scheme == "wss" else "http"
    return f"{scheme}://{parts.netloc}"


class RestLookup:
    """Signed GETs of order state over REST, for one client's credentials."""

    def __init__(self, base_url: str, api_key: str, signer: Any, recv_window: Any, offset_ms: Any,
                 verify: Union[bool, str] = True, ssl_context: Optional[ssl.SSLContext] = None,
                 endpoints: Mapping[str, str] = ENDPOINTS,
                 error_codes: Mapping[int, type[APIError]] = SPOT_ERROR_CODES) -> None:
        self.base_url = base_url.rstrip("/")
        #: The REST path of each method it sends, and the error codes of the client's API.
        self.endpoints = endpoints
        self.error_codes = error_codes
        self._api_key = api_key
        self._signer = signer
        self._recv_window = recv_window
        self._offset_ms = offset_ms  # a callable: the client's current clock offset
        # The WebSocket's trust, for https too; a copy, because requests and urllib3 load
        # their own CA bundle into the context they are given and set its verify mode.
        self._ssl_context = None if ssl_context is None else _copy_trust(ssl_context)
        # A context that verifies nothing asks requests not to verify either.
        self._verify = False if ssl_context is not None and ssl_context.verify_mode == ssl.CERT_NONE else verify

    def __repr__(self) -> str:
        return f"<RestLookup {self.base_url}>"

    def _https_adapter(self) -> Any:
        """A requests adapter whose connections use the client's trust (one per lookup: rare, and
        a Session closes its adapters' pools when it ends)."""
        from requests.adapters import HTTPAdapter

        context = self._ssl_context

        class _ContextAdapter(HTTPAdapter):
            def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
                kwargs["ssl_context"] = context
                super().init_poolmanager(*args, **kwargs)

        return _ContextAdapter()

    def get(self, method: str, params: Mapping[str, Any], timeout: Optional[float]) -> Any:
        """The result of `method` (``order.status`` / ``orderList.status``) asked over REST; raises as the
        WebSocket call would (OrderNotFound, ...), or ConnectionLost / RequestTimeout if REST fails too."""
        return self.send("GET", method, params, timeout)

    def send(self, verb: str, method: str, params: Mapping[str, Any], timeout: Optional[float]) -> Any:
        """A signed `verb` request to `method`'s endpoint (`endpoints`), its answer, or the exception
        its error maps to (ConnectionLost / RequestTimeout if REST itself fails)."""
        import requests  # only when needed: not on a plain client's import

        query = {k: v for k, v in params.items() if v is not None}
        query["timestamp"] = int(time.time() * 1000 + self._offset_ms())
        if self._recv_window is not None:
            query["recvWindow"] = self._recv_window
        text = urlencode(query)
        text += "&" + urlencode({"signature": self._signer.sign(text)})
        url = f"{self.base_url}{self.endpoints[method]}?{text}"
        session = requests.Session()
        if self._ssl_context is not None:
            session.mount("https://", self._https_adapter())
        # requests' timeout bounds each socket operation, not the call: a server that trickles
        # its answer could hold the caller for ever. The call runs on a thread of its own and
        # the caller waits at most `timeout`; then the session is closed under it.
        outcome: list[Any] = []

        def run() -> None:
            try:
                outcome.append(session.request(verb, url, headers={"X-MBX-APIKEY": self._api_key},
                                               timeout=timeout, verify=self._verify))
            except BaseException as exc:  # handed to the caller below
                outcome.append(exc)

        worker = threading.Thread(target=run, name="binance-wsapi-rest", daemon=True)
        worker.start()
        worker.join(timeout)
        session.close()
        if not outcome:
            raise RequestTimeout(f"{method} over REST got no answer within {timeout:g} s", method=method)
        reply = outcome[0]
        if isinstance(reply, requests.Timeout):
            raise RequestTimeout(f"{method} over REST timed out", method=method) from None
        if isinstance(reply, requests.RequestException):
            raise ConnectionLost(f"{method} over REST failed: {type(reply).__name__}", method=method) from None
        if isinstance(reply, BaseException):
            raise reply
        try:
            body = reply.json()
        except ValueError:
            raise ConnectionLost(f"{method} over REST: HTTP {reply.status_code} without JSON", method=method) from None
        if reply.status_code == 200:
            return body
        error = body if isinstance(body, dict) else {"msg": repr(body)}
        raise error_from_response(reply.status_code, error, method=method, params=query, codes=self.error_codes)


def _copy_trust(context: ssl.SSLContext) -> ssl.SSLContext:
    """A new client context trusting the CAs `context` has loaded, with its hostname and verify settings."""
    copy = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    for der in context.get_ca_certs(binary_form=True):
        copy.load_verify_locations(cadata=der)
    copy.check_hostname = context.check_hostname
    copy.verify_mode = context.verify_mode
    return copy
