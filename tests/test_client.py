"""The Client against a LocalExchange over real loopback sockets: calls, keys, input checks, threads."""

from __future__ import annotations

import concurrent.futures
import threading
from decimal import Decimal

import pytest

from binance_wsapi import (
    APIError,
    Client,
    ConnectFailed,
    InvalidParameter,
    InvalidRequest,
    InvalidSignature,
    OrderRejected,
    RateLimit,
    Response,
)
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import client_kwargs

pytestmark = pytest.mark.both_schemes

LIMIT_BUY = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "quantity": "0.01"}


def test_ping_returns_the_result(client: Client) -> None:
    """ping() returns the response's result, an empty object."""
    assert client.ping() == {}


def test_request_returns_a_response(client: Client) -> None:
    """request() returns Response(id, status, result, rate_limits) for a wire method and params."""
    response = client.request("depth", {"symbol": "BTCUSDT", "limit": 3})
    assert isinstance(response, Response) and response.status == 200 and isinstance(response.id, int)
    assert len(response.result["bids"]) == 3 and len(response.result["asks"]) == 3
    assert [limit.rate_limit_type for limit in response.rate_limits] == ["REQUEST_WEIGHT"]


def test_request_future_and_futures_twins(client: Client) -> None:
    """request_future gives a Future[Response]; client.futures.<name> a Future of the result."""
    future = client.request_future("time")
    assert isinstance(future, concurrent.futures.Future)
    assert future.result(5).result["serverTime"] > 0
    ping = client.futures.ping()
    assert ping.result(5) == {}
    assert client.futures.time().result(5)["serverTime"] > 0


def test_rate_limits_keep_the_latest_of_each_limit(client: Client) -> None:
    """client.rate_limits merges what each response reported, keeping the latest count."""
    assert client.rate_limits == ()
    client.ping()
    first = {limit.key: limit.count for limit in client.rate_limits}
    client.request("order.place", {**LIMIT_BUY, "price": "40000"})
    limits = {limit.key: limit for limit in client.rate_limits}
    assert set(limits) == {("ORDERS", "DAY", 1), ("ORDERS", "SECOND", 10), ("REQUEST_WEIGHT", "MINUTE", 1)}
    assert limits[("ORDERS", "SECOND", 10)].count == 1
    assert limits[("REQUEST_WEIGHT", "MINUTE", 1)].count >= first[("REQUEST_WEIGHT", "MINUTE", 1)]
    assert all(isinstance(limit, RateLimit) for limit in limits.values())


@pytest.mark.parametrize("key_type", ["ed25519", "rsa", "hmac"])
def test_signed_requests_work_with_every_key_type(exchange: LocalExchange, key_type: str) -> None:
    """HMAC and RSA sign every request; Ed25519 logs on once and then sends unsigned requests."""
    account = exchange.create_account({"USDT": "100"}, key_type=key_type)
    with exchange.client(account) as client:
        balances = client.request("account.status").result["balances"]
        order = client.request("order.place", {**LIMIT_BUY, "price": "1000.00"}).result
        assert client.request("order.status", {"symbol": "BTCUSDT", "orderId": order["orderId"]}).result["status"] == "NEW"
    assert balances == [{"asset": "USDT", "free": "100.00000000", "locked": "0.00000000"}]
    assert exchange.request_count("session.logon") == (1 if key_type == "ed25519" else 0)


def test_ed25519_can_sign_every_request_instead(exchange: LocalExchange, account: LocalAccount) -> None:
    """session_logon=False makes an Ed25519 client sign each request itself."""
    with exchange.client(account, session_logon=False) as client:
        assert client.request("account.status").status == 200
    assert exchange.request_count("session.logon") == 0


def test_session_logon_needs_an_ed25519_key(exchange: LocalExchange) -> None:
    """Asking an HMAC client to log on is refused at construction, saying why."""
    account = exchange.create_account(key_type="hmac")
    with pytest.raises(InvalidRequest, match="Ed25519"):
        exchange.client(account, session_logon=True)


def test_wrong_secret_is_rejected_by_the_server(exchange: LocalExchange, account: LocalAccount) -> None:
    """A key with another account's secret fails with InvalidSignature (-1022)."""
    other = exchange.create_account(key_type="hmac")
    with Client(other.api_key, "not-the-secret", **client_kwargs(exchange)) as client:
        with pytest.raises(InvalidSignature) as info:
            client.request("account.status")
    assert info.value.code == -1022 and info.value.status == 400


def test_rejected_logon_fails_the_first_connection_fast(exchange: LocalExchange) -> None:
    """An unknown Ed25519 key cannot log on: the call raises ConnectFailed naming -2015."""
    real = exchange.create_account()
    with Client("x" * 64, real.api_secret, timeout=5, **client_kwargs(exchange)) as client:  # a key the exchange never issued
        with pytest.raises(ConnectFailed, match="-2015"):
            client.ping()
    assert exchange.request_count("ping") == 0


def test_server_errors_become_exceptions(client: Client) -> None:
    """Business rejections arrive as their APIError classes with code and message."""
    with pytest.raises(OrderRejected, match="insufficient balance") as info:
        client.request("order.place", {**LIMIT_BUY, "quantity": "10", "price": "49000"})
    assert info.value.code == -2010 and info.value.method == "order.place"
    with pytest.raises(InvalidParameter) as missing:
        client.request("depth", {})
    assert missing.value.code == -1102


def test_unknown_and_removed_methods_reach_the_server(client: Client, exchange: LocalExchange) -> None:
    """request() sends methods it does not know; the server's answer is the error."""
    with pytest.raises(APIError) as unknown:
        client.request("no.such.method")
    assert unknown.value.code == -1020
    with pytest.raises(APIError) as removed:
        client.request("userDataStream.start")
    assert removed.value.status == 410
    assert exchange.request_count("userDataStream.start") == 1


@pytest.mark.parametrize(
    "method, params, signed, message",
    [
        ("depth", {"symbol": "BTCUSDT", "limit": 1e-05}, None, r"Decimal\('0.00001'\)"),
        ("order.place", {**LIMIT_BUY, "price": "1", "timestamp": 1}, None, "timestamp is added by the client"),
        ("order.place", {**LIMIT_BUY, "price": "1", "apiKey": "k"}, None, "apiKey is added by the client"),
        ("order.place", {**LIMIT_BUY, "price": "1", "recvWindow": 60001}, None, "at most 60000"),
        ("order.place", {**LIMIT_BUY, "price": "1", "recvWindow": "5.0001"}, None, "more than 3 decimals"),
        ("ping", None, True, "ping is not a signed method"),
        ("depth", {7: "x"}, None, "parameter names must be strings"),
    ],
)
def test_bad_input_is_refused_before_sending(
    client: Client, exchange: LocalExchange, method: str, params: dict, signed: bool, message: str
) -> None:
    """Invalid input raises InvalidRequest saying what to do, and nothing reaches the server."""
    with pytest.raises(InvalidRequest, match=message):
        client.request(method, params, signed=signed)
    assert exchange.request_count(method) == 0


def test_signed_method_without_credentials_is_refused(exchange: LocalExchange) -> None:
    """A keyless client refuses signed methods locally, naming what is missing."""
    with Client(**client_kwargs(exchange)) as client:
        with pytest.raises(InvalidRequest, match="api_key and api_secret"):
            client.request("account.status")
        assert client.ping() == {}
    assert exchange.request_count("account.status") == 0


def test_constructor_checks_its_arguments() -> None:
    """Bad construction arguments fail at once with what to do."""
    with pytest.raises(InvalidRequest, match="wss://"):
        Client(url="https://example.com")
    with pytest.raises(InvalidRequest, match="go together"):
        Client(api_key="abc")
    with pytest.raises(InvalidRequest, match="at most 60000"):
        Client(recv_window=70000)


def test_recv_window_is_sent_and_overridable(exchange: LocalExchange, account: LocalAccount) -> None:
    """recvWindow defaults to the client's (decimals allowed) and can be set per request."""
    with exchange.client(account, recv_window=Decimal("2500.5")) as client:
        assert client.request("account.status").status == 200
        assert client.request("account.status", {"recvWindow": 60000}).status == 200


def test_presigned_requests_are_sent_as_given(exchange: LocalExchange) -> None:
    """Params that already hold a signature go out untouched (an ad hoc key, say)."""
    from binance_wsapi.signing import HmacSigner, signature_payload

    account = exchange.create_account({"BTC": "2"}, key_type="hmac")
    with Client(**client_kwargs(exchange)) as client:
        params: dict[str, object] = {"apiKey": account.api_key, "timestamp": exchange.now_ms()}
        params["signature"] = HmacSigner(account.api_secret).sign(signature_payload(params))
        balances = client.request("account.status", params).result["balances"]
    assert balances == [{"asset": "BTC", "free": "2.00000000", "locked": "0.00000000"}]


def test_sixteen_threads_get_their_own_answers(exchange: LocalExchange, account: LocalAccount) -> None:
    """16 threads calling at once each get the responses to their own requests."""
    exchange.create_account()
    errors: list[BaseException] = []
    start = threading.Barrier(16)

    with exchange.client(account, timeout=10) as client:

        def work(n: int) -> None:
            try:
                start.wait()
                for i in range(25):
                    limit = n + 1
                    book = client.request("depth", {"symbol": "BTCUSDT", "limit": limit}).result
                    assert len(book["bids"]) == limit and len(book["asks"]) == limit
                    client_id = f"t{n}-{i}"
                    order = client.request("order.place", {**LIMIT_BUY, "timeInForce": "IOC", "price": f"{100 + n}.00", "quantity": "0.1", "newClientOrderId": client_id}).result
                    assert order["clientOrderId"] == client_id and order["price"] == f"{100 + n}.00000000"
                    assert order["status"] == "EXPIRED"  # far below the book: nothing to take, nothing rests
                    assert client.futures.ping().result(10) == {}
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    assert not errors, errors[:3]
    assert exchange.request_count("order.place") == 16 * 25


def test_repr_shows_no_secret(exchange: LocalExchange) -> None:
    """The client's repr names its URL and key type but never the secret (or the whole key)."""
    account = exchange.create_account(key_type="hmac")
    with exchange.client(account) as client:
        client.ping()
        texts = [repr(client)]
    texts.append(repr(client))
    assert "connected" in texts[0] and "closed" in texts[1]
    for text in texts:
        assert exchange.url in text and "hmac" in text
        assert account.api_secret not in text and account.api_key not in text
    assert account.api_secret not in repr(account)


@pytest.mark.parametrize("key_type", ["hmac", "ed25519"])
def test_awkward_strings_are_sent_and_signed_exactly(exchange: LocalExchange, key_type: str) -> None:
    """Quotes, backslashes, non-ASCII and U+2028 survive the JSON and verify in the signature.

    Binance's symbols may be non-ASCII (the docs' Unicode signing example uses "１２３４５６"),
    so an awkward symbol is sent: the signature verifies, and only then is the symbol unknown.
    """
    account = exchange.create_account({"USDT": "1000"}, key_type=key_type)
    awkward = 'a"b\\c é\u2028１２'
    with exchange.client(account, session_logon=False) as client:
        with pytest.raises(APIError) as unknown:
            client.request("order.place", {**LIMIT_BUY, "symbol": awkward, "price": "1000"})
    assert unknown.value.code == -1121  # a bad signature would have been -1022
