"""Signing: the documented payload, value rendering, and the three signers."""

from __future__ import annotations

import base64
import enum
import json
from concurrent.futures import Future
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

from binance_wsapi import InvalidRequest
from binance_wsapi.builder import RequestBuilder
from binance_wsapi.signing import (
    Ed25519Signer,
    HmacSigner,
    RsaSigner,
    load_signer,
    signature_payload,
    wire_value,
)

# web-socket-api.md, "SIGNED request example (HMAC)": the only example whose key is published.
DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
ASCII_PARAMS = {
    "symbol": "BTCUSDT",
    "side": "SELL",
    "type": "LIMIT",
    "timeInForce": "GTC",
    "quantity": "0.01000000",
    "price": "52000.00",
    "recvWindow": 100,
    "timestamp": 1645423376532,
    "apiKey": DOC_API_KEY,
}
ASCII_PAYLOAD = (
    f"apiKey={DOC_API_KEY}&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL"
    "&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT"
)
UNICODE_PARAMS = {
    "symbol": "１２３４５６",
    "side": "BUY",
    "type": "LIMIT",
    "timeInForce": "GTC",
    "quantity": "1.00000000",
    "price": "0.10000000",
    "recvWindow": 5000,
    "timestamp": 1645423376532,
    "apiKey": DOC_API_KEY,
}
UNICODE_PAYLOAD = (
    f"apiKey={DOC_API_KEY}&price=0.10000000&quantity=1.00000000&recvWindow=5000&side=BUY"
    "&symbol=１２３４５６&timeInForce=GTC&timestamp=1645423376532&type=LIMIT"
)


def test_payload_matches_the_documented_ascii_example() -> None:
    """The payload is every param but signature, sorted by name, k=v joined by &."""
    assert signature_payload({**ASCII_PARAMS, "signature": "ignored"}) == ASCII_PAYLOAD


def test_payload_keeps_non_ascii_raw() -> None:
    """Non-ASCII values go into the payload as raw UTF-8, never percent-encoded."""
    assert signature_payload(UNICODE_PARAMS) == UNICODE_PAYLOAD


@pytest.mark.parametrize(
    "params, expected",
    [
        (ASCII_PARAMS, "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24"),
        (UNICODE_PARAMS, "b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd"),
        # The example before 2025-12-17, which also sent newOrderRespType=ACK.
        ({**ASCII_PARAMS, "newOrderRespType": "ACK"}, "cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a"),
    ],
)
def test_hmac_signer_reproduces_the_documented_signatures(params: dict[str, object], expected: str) -> None:
    """HmacSigner signs the documented payloads to the documented hex signatures."""
    assert HmacSigner(DOC_SECRET).sign(signature_payload(params)) == expected


def test_ed25519_signature_verifies_with_the_public_key() -> None:
    """Ed25519Signer signs the UTF-8 payload, base64-encoded, verifiable with the public key."""
    key = ed25519.Ed25519PrivateKey.generate()
    signer = Ed25519Signer(_pem(key))
    signature = signer.sign(UNICODE_PAYLOAD)
    key.public_key().verify(base64.b64decode(signature), UNICODE_PAYLOAD.encode("utf-8"))
    assert signer.sign(UNICODE_PAYLOAD) == signature  # Ed25519 is deterministic


def test_rsa_signature_verifies_with_the_public_key() -> None:
    """RsaSigner signs with PKCS#1 v1.5 / SHA-256, base64-encoded."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    signature = RsaSigner(_pem(key)).sign(ASCII_PAYLOAD)
    key.public_key().verify(base64.b64decode(signature), ASCII_PAYLOAD.encode(), padding.PKCS1v15(), hashes.SHA256())


def test_signers_load_from_files(tmp_path: pytest.TempPathFactory) -> None:
    """Each signer has a named constructor reading its key from a file."""
    key = ed25519.Ed25519PrivateKey.generate()
    pem_path = tmp_path / "key.pem"  # type: ignore[operator]
    pem_path.write_bytes(_pem(key, b"pw"))
    secret_path = tmp_path / "secret.txt"  # type: ignore[operator]
    secret_path.write_text(DOC_SECRET + "\n")
    assert Ed25519Signer.from_file(pem_path, password="pw").sign("x") == Ed25519Signer(_pem(key)).sign("x")
    assert HmacSigner.from_file(secret_path).sign(ASCII_PAYLOAD) == HmacSigner(DOC_SECRET).sign(ASCII_PAYLOAD)


def test_load_signer_detects_the_key_type() -> None:
    """An HMAC secret, an Ed25519 PEM and an RSA PEM each get their signer."""
    assert isinstance(load_signer(DOC_SECRET), HmacSigner)
    assert isinstance(load_signer(_pem(ed25519.Ed25519PrivateKey.generate()).decode()), Ed25519Signer)
    assert isinstance(load_signer(_pem(rsa.generate_private_key(public_exponent=65537, key_size=2048))), RsaSigner)


def test_encrypted_pem_needs_its_password() -> None:
    """An encrypted PEM loads with its password and says what to do without it."""
    pem = _pem(ed25519.Ed25519PrivateKey.generate(), b"secret-pw")
    assert isinstance(load_signer(pem, "secret-pw"), Ed25519Signer)
    with pytest.raises(InvalidRequest, match="private_key_password"):
        load_signer(pem)
    with pytest.raises(InvalidRequest, match="wrong private_key_password"):
        load_signer(pem, "nope")


def test_unsupported_key_types_are_refused() -> None:
    """An EC key is not a Binance key type; a signer for the wrong type says what it got."""
    ec_pem = _pem(ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(InvalidRequest, match="RSA and Ed25519"):
        load_signer(ec_pem)
    with pytest.raises(InvalidRequest, match="needs an RSA private key"):
        RsaSigner(_pem(ed25519.Ed25519PrivateKey.generate()))


def test_signer_reprs_hide_the_key() -> None:
    """No signer's repr contains key material."""
    pem = _pem(ed25519.Ed25519PrivateKey.generate()).decode()
    for signer in (HmacSigner(DOC_SECRET), Ed25519Signer(pem)):
        assert "redacted" in repr(signer)
        assert DOC_SECRET not in repr(signer) and pem[40:80] not in repr(signer)


class Side(str, enum.Enum):
    BUY = "BUY"


@pytest.mark.parametrize(
    "value, wire, text",
    [
        ("0.01000000", "0.01000000", "0.01000000"),
        (Decimal("0.0100"), "0.0100", "0.0100"),
        (Decimal("1E-7"), "0.0000001", "0.0000001"),
        (Decimal("1E+3"), "1000", "1000"),
        (1645423376532, 1645423376532, "1645423376532"),
        (True, True, "true"),
        (False, False, "false"),
        (0.1, "0.1", "0.1"),
        (52000.0, "52000.0", "52000.0"),
        (Side.BUY, "BUY", "BUY"),
        (["BTCUSDT", "BNBBTC"], ["BTCUSDT", "BNBBTC"], '["BTCUSDT","BNBBTC"]'),
    ],
)
def test_values_render_once_for_json_and_payload(value: object, wire: object, text: str) -> None:
    """Each value has one rendering: the JSON value sent and the text signed agree."""
    assert wire_value("x", value) == wire
    assert signature_payload({"x": value}) == f"x={text}"


@pytest.mark.parametrize("value", [1e-05, 1e16, float("nan"), float("inf")])
def test_floats_that_would_not_print_plainly_are_refused(value: float) -> None:
    """A float in exponent form (or not finite) is refused, naming what to pass instead."""
    with pytest.raises(InvalidRequest, match="pass .*Decimal") as info:
        wire_value("quantity", value)
    assert "quantity" in str(info.value)


def test_exponent_float_error_suggests_the_exact_decimal() -> None:
    """The message for 1e-05 offers Decimal('0.00001')."""
    with pytest.raises(InvalidRequest, match=r"Decimal\('0.00001'\)"):
        wire_value("quantity", 1e-05)


def test_none_values_are_left_out_and_odd_types_refused() -> None:
    """None means "not given"; a value of another type is refused."""
    assert signature_payload({"a": "1", "b": None}) == "a=1"
    with pytest.raises(InvalidRequest, match="has type dict"):
        wire_value("x", {"nested": 1})


def _pem(key: object, password: bytes | None = None) -> bytes:
    encryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    return key.private_bytes(  # type: ignore[attr-defined, no-any-return]
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )



def _sent(frame: bytes) -> dict[str, object]:
    """The JSON request a client frame carries."""
    from .test_protocol import unmask

    return json.loads(unmask(frame)[1])  # type: ignore[no-any-return]


def test_the_builder_renders_the_documented_signed_request_at_the_documented_time() -> None:
    """Built at the example's wall-clock time, order.place carries the documented timestamp and signature."""
    builder = RequestBuilder(
        api_key=DOC_API_KEY,
        signer=HmacSigner(DOC_SECRET),
        recv_window=100,
        session_logon=False,
        new_future=Future,
        wall_clock=lambda: 1645423376.532,
    )
    params = {k: v for k, v in ASCII_PARAMS.items() if k not in ("recvWindow", "timestamp", "apiKey")}
    sent = _sent(builder.build("order.place", params, 5.0).frame)
    assert sent["method"] == "order.place"
    assert sent["params"] == {**ASCII_PARAMS, "signature": "aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24"}
    # With the server measured a second ahead, the timestamp says the server's time, signed as such.
    builder.clock_offset_ms = 1000.0
    ahead = _sent(builder.build("order.place", params, 5.0).frame)["params"]
    assert isinstance(ahead, dict) and ahead["timestamp"] == 1645423377532
    assert ahead["signature"] == HmacSigner(DOC_SECRET).sign(signature_payload(ahead))
