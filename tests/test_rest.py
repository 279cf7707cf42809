"""LocalExchange's REST API and admin channel, on the WebSocket port, driven with `requests`.

Binance's REST API is the same engine as the WebSocket API: the same parameters, errors and
weights in another envelope. Signed endpoints take the key in ``X-MBX-APIKEY`` and sign the
query string and body as sent (percent-encoded).
"""

from __future__ import annotations

from typing import Any, Iterator, Optional
from urllib.parse import urlencode

import pytest
import requests

from binance_wsapi import ExecutionReport
from binance_wsapi.signing import load_signer
from binance_wsapi.testing import LocalAccount, LocalExchange

pytestmark = pytest.mark.both_schemes


class Rest:
    """A requests session against one exchange's REST front, trusting its CA over https."""

    def __init__(self, exchange: LocalExchange) -> None:
        self.exchange = exchange
        self.http = requests.Session()
        # Per request: requests lets REQUESTS_CA_BUNDLE override a session's own verify.
        self.verify: Any = exchange.ca_file if exchange.tls else True

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.http.get(self.exchange.rest_url + path, params=params, timeout=5, verify=self.verify)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.post(self.exchange.rest_url + path, timeout=5, verify=self.verify, **kwargs)

    def signed(
        self, verb: str, path: str, account: LocalAccount, params: dict[str, Any], *, in_body: bool = False
    ) -> requests.Response:
        """Sign the percent-encoded text as sent, with the account's key, and send it."""
        text = urlencode({**params, "timestamp": self.exchange.now_ms()})
        signature = load_signer(account.api_secret).sign(text)
        text += "&" + urlencode({"signature": signature})
        headers = {"X-MBX-APIKEY": account.api_key}
        url = self.exchange.rest_url + path
        if in_body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            return self.http.request(verb, url, data=text, headers=headers, timeout=5, verify=self.verify)
        return self.http.request(verb, url + "?" + text, headers=headers, timeout=5, verify=self.verify)

    def admin(self, knob: str, **kwargs: Any) -> Any:
        reply = self.post("/_local/" + knob, json=kwargs)
        assert reply.status_code == 200, reply.text
        return reply.json()


@pytest.fixture
def api(exchange: LocalExchange) -> Iterator[Rest]:
    rest = Rest(exchange)
    yield rest
    rest.http.close()


ORDER = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "40000", "quantity": "0.001"}


def test_public_endpoints_answer_with_the_bare_result_and_weight_headers(api: Rest) -> None:
    """GET /api/v3/ping, /time, /depth answer like their WebSocket methods, with X-MBX-USED-WEIGHT(-1M)."""
    assert api.get("/api/v3/ping").json() == {}
    assert api.get("/api/v3/time").json()["serverTime"] > 0
    depth = api.get("/api/v3/depth", symbol="BTCUSDT", limit=5)
    assert depth.status_code == 200 and len(depth.json()["bids"]) == 5
    assert int(depth.headers["X-MBX-USED-WEIGHT-1M"]) == int(depth.headers["X-MBX-USED-WEIGHT"]) >= 5 + 1 + 1
    symbols = api.get("/api/v3/ticker/price", symbols='["BTCUSDT","ETHUSDT"]').json()
    assert sorted(t["symbol"] for t in symbols) == ["BTCUSDT", "ETHUSDT"]


def test_errors_are_code_and_msg_with_the_http_status(api: Rest) -> None:
    """A refused request is {"code", "msg"} with Binance's status; unknown paths are 404, removed ones 410."""
    missing = api.get("/api/v3/depth")
    assert (missing.status_code, missing.json()["code"]) == (400, -1102)
    unknown = api.get("/api/v3/depth", symbol="NOPE")
    assert (unknown.status_code, unknown.json()["code"]) == (400, -1121)
    assert api.get("/api/v3/nothing").status_code == 404
    assert api.post("/api/v3/userDataStream").status_code == 410


@pytest.mark.parametrize("key_type", ["hmac", "rsa", "ed25519"])
def test_an_order_placed_queried_and_canceled_over_rest(exchange: LocalExchange, api: Rest, key_type: str) -> None:
    """POST, GET and DELETE /api/v3/order, signed with each key type, in the query or the body."""
    account = exchange.create_account({"USDT": "1000"}, key_type=key_type)
    placed = api.signed("POST", "/api/v3/order", account, ORDER, in_body=True)
    assert placed.status_code == 200, placed.text
    order = placed.json()
    assert order["status"] == "NEW" and placed.headers["X-MBX-ORDER-COUNT-10S"] == "1"
    found = api.signed("GET", "/api/v3/order", account, {"symbol": "BTCUSDT", "orderId": order["orderId"]}).json()
    assert found["clientOrderId"] == order["clientOrderId"]
    canceled = api.signed("DELETE", "/api/v3/order", account, {"symbol": "BTCUSDT", "orderId": order["orderId"]}).json()
    assert canceled["status"] == "CANCELED" and canceled["origClientOrderId"] == order["clientOrderId"]
    assert exchange.balances(account)["USDT"] == (1000, 0)


def test_a_bad_signature_or_key_is_refused(exchange: LocalExchange, api: Rest) -> None:
    """A signature over other text is -1022; a signed endpoint without the key header is -2014, as on Binance."""
    account = exchange.create_account({"USDT": "1000"}, key_type="hmac")
    other = exchange.create_account({"USDT": "1000"}, key_type="hmac")
    forged = LocalAccount(account.api_key, other.api_secret, "hmac", account.uid)
    assert api.signed("GET", "/api/v3/account", forged, {}).json()["code"] == -1022
    no_key = api.get("/api/v3/account", timestamp=exchange.now_ms(), signature="x")
    assert (no_key.status_code, no_key.json()["code"]) == (401, -2014)
    in_query = api.get("/api/v3/account", apiKey=account.api_key, timestamp=exchange.now_ms(), signature="x")
    assert in_query.json()["code"] == -2014  # the key travels in the header only


def test_rest_orders_reach_a_websocket_user_data_stream(exchange: LocalExchange, api: Rest) -> None:
    """One engine: an order placed over REST streams its executionReport to the account's WebSocket subscription."""
    account = exchange.create_account({"USDT": "1000"})
    with exchange.client(account) as client:
        stream = client.user_data.subscribe()
        order = api.signed("POST", "/api/v3/order", account, ORDER).json()
        event = stream.get(timeout=5)
        assert isinstance(event, ExecutionReport) and event.order_id == order["orderId"]


def test_rest_and_websocket_share_the_ip_weight(exchange: LocalExchange, api: Rest) -> None:
    """Weight spent over REST shows in the next WebSocket answer's rateLimits, and the reverse."""
    account = exchange.create_account({"USDT": "1000"})
    with exchange.client(account) as client:
        client.ping()
        before = _used(client)
        api.get("/api/v3/depth", symbol="BTCUSDT", limit=1000)  # weight 50
        client.ping()
        assert _used(client) >= before + 50 + 1
        after_ws = int(api.get("/api/v3/ping").headers["X-MBX-USED-WEIGHT-1M"])
        assert after_ws >= before + 50 + 2


def _used(client: Any) -> int:
    (weight,) = [r for r in client.rate_limits if r.rate_limit_type == "REQUEST_WEIGHT"]
    return int(weight.count)


def test_the_admin_channel_drives_the_exchange_from_outside(exchange: LocalExchange, api: Rest) -> None:
    """POST /_local/<knob>: create an account, arm a fault, read the state; a WebSocket client sees the fault."""
    made = api.admin("create_account", balances={"USDT": "500"}, key_type="hmac")
    account = LocalAccount(made["api_key"], made["api_secret"], "hmac", 0)
    assert exchange.balances(account)["USDT"] == (500, 0)
    api.admin("fail", method="ping", status=400, code=-1000, msg="Injected.", times=1)
    with exchange.client(account) as client:
        with pytest.raises(Exception, match="Injected"):
            client.ping()
        assert client.ping() == {}
        api.admin("set", clock_skew=0.0)
        assert api.admin("state")["connections"] == 1
    refused = api.post("/_local/nonsense", json={})
    assert refused.status_code == 404 and "create_account" in refused.json()["msg"]
    bad = api.post("/_local/set", json={"password": 1})
    assert bad.status_code == 400


def test_a_429_over_rest_carries_retry_after(make_exchange: Any) -> None:
    """Past the weight limit, REST answers 429 with Retry-After in seconds, like Binance."""
    exchange = make_exchange(weight_limit=10)
    api = Rest(exchange)
    try:
        replies = [api.get("/api/v3/depth", symbol="BTCUSDT", limit=5) for _ in range(4)]
        refused: Optional[requests.Response] = next((r for r in replies if r.status_code == 429), None)
        assert refused is not None and refused.json()["code"] == -1003
        assert 0 < int(refused.headers["Retry-After"]) <= 60
    finally:
        api.http.close()


def test_serve_runs_an_exchange_that_other_processes_can_use() -> None:
    """`python -m binance_wsapi.testing serve --accounts 2 ...` prints its URLs and keys; a client and REST both work."""
    import json
    import subprocess
    import sys

    from binance_wsapi import Client

    server = subprocess.Popen(
        [sys.executable, "-m", "binance_wsapi.testing", "serve", "--accounts", "2", "--key-type", "hmac",
         "--event-order", "answer_first", "--book-levels", "10"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert server.stdout is not None and server.stdin is not None
        info = json.loads(server.stdout.readline())
        assert [a["key_type"] for a in info["accounts"]] == ["hmac", "hmac"] and info["ca_file"] is None
        assert requests.get(info["rest_url"] + "/api/v3/ping", timeout=5).json() == {}
        key = info["accounts"][0]
        with Client(key["api_key"], key["api_secret"], url=info["url"], timeout=5) as client:
            assert "balances" in client.account_status()
        state = requests.post(info["rest_url"] + "/_local/state", json={}, timeout=5).json()
        assert state["connections"] >= 0
        server.stdin.close()
        assert server.wait(10) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(5)


def test_rest_reads_the_query_over_the_body_and_refuses_duplicates(exchange: LocalExchange, api: Rest) -> None:
    """A parameter in both the query and the body: the query's is used; the same name twice is -1101."""
    account = exchange.create_account({"USDT": "1000"}, key_type="hmac")
    from binance_wsapi.signing import HmacSigner

    query = urlencode({"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "40000",
                       "quantity": "0.001"})
    body = urlencode({"symbol": "ETHUSDT", "timestamp": exchange.now_ms()})
    signature = HmacSigner(account.api_secret).sign(query + body)
    placed = api.http.post(exchange.rest_url + "/api/v3/order?" + query, data=body + "&signature=" + signature,
                           headers={"X-MBX-APIKEY": account.api_key,
                                    "Content-Type": "application/x-www-form-urlencoded"},
                           timeout=5, verify=api.verify)
    assert placed.status_code == 200 and placed.json()["symbol"] == "BTCUSDT", placed.text
    twice = api.get("/api/v3/depth?symbol=BTCUSDT&symbol=ETHUSDT")
    assert twice.json()["code"] == -1101


def test_a_delay_knob_delays_rest_answers_too(exchange: LocalExchange, api: Rest) -> None:
    """exchange.delay(method) holds a REST answer as it holds a WebSocket one."""
    import time

    exchange.delay("time", 1.5, times=1)
    started = time.monotonic()
    assert api.get("/api/v3/time").status_code == 200
    assert time.monotonic() - started >= 1.5
    # Used up: were it still armed, this answer would take 1.5 s and the 1 s read timeout would fire.
    again = api.http.get(exchange.rest_url + "/api/v3/time", timeout=1.0, verify=api.verify)
    assert again.status_code == 200


def test_a_client_that_half_closes_still_gets_its_answer(exchange: LocalExchange) -> None:
    """An HTTP client may shut down its sending side after the request; the answer still comes."""
    import socket
    import ssl

    raw = socket.create_connection(("127.0.0.1", exchange.port), timeout=5)
    if exchange.tls:
        raw = ssl.create_default_context(cafile=exchange.ca_file).wrap_socket(raw, server_hostname="127.0.0.1")
    raw.sendall(b"POST /_local/state HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
    if not exchange.tls:
        raw.shutdown(socket.SHUT_WR)
    reply = b""
    while chunk := raw.recv(65536):
        reply += chunk
    raw.close()
    assert reply.startswith(b"HTTP/1.1 200") and b"connections" in reply


def test_set_refuses_values_of_the_wrong_type(api: Rest) -> None:
    """POST /_local/set checks each value before setting any (a string clock_skew broke every later request)."""
    for bad in ({"clock_skew": "5"}, {"answer_pings": "false"}, {"event_order": "sideways"}):
        assert api.post("/_local/set", json=bad).status_code == 400
    assert api.get("/api/v3/ping").status_code == 200
