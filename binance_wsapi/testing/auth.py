"""How LocalExchange checks signatures: written from web-socket-api.md, independently of the client.

The client's `binance_wsapi.signing` is deliberately not used here, so that a mistake in it
shows up as -1022 in tests instead of being mirrored by the server.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from typing import Any, Mapping

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from .model import JsonNumber

__all__ = ["server_payload", "verify_signature"]


def _text(value: Any) -> str:
    """A parameter value as the server renders it into the payload."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if isinstance(value, JsonNumber):  # a JSON number with a fraction or exponent, as written
        return value.text
    return str(value)


def server_payload(params: Mapping[str, Any]) -> str:
    """"Take all request params except signature and sort them in alphabetical order by parameter
    name ... Format parameters as parameter=value pairs separated by &" (no percent-encoding)."""
    return "&".join(f"{name}={_text(params[name])}" for name in sorted(params) if name != "signature")


def verify_signature(key_type: str, key: Any, payload: str, signature: Any) -> bool:
    """True if `signature` signs `payload` for the account's key.

    `key` is the HMAC secret (bytes) or the RSA / Ed25519 public key object.
    """
    if not isinstance(signature, str) or not signature:
        return False
    data = payload.encode("utf-8")
    if key_type == "hmac":
        # "the resulting signature value is case-insensitive"
        expected = hmac.new(key, data, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature.lower())
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return False
    try:
        if key_type == "rsa":
            key.verify(raw, data, padding.PKCS1v15(), hashes.SHA256())
        elif key_type == "ed25519":
            key.verify(raw, data)
        else:  # pragma: no cover - accounts are created with one of the three types
            return False
    except InvalidSignature:
        return False
    return True


def public_key_from_pem(pem: bytes) -> Any:
    """Load the public key registered for an account."""
    return serialization.load_pem_public_key(pem)
