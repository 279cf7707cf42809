"""Request signing for the WebSocket API: the payload, value rendering and three key types.

The payload is every request parameter except `signature`, sorted by name, rendered as
``name=value`` and joined with ``&``, in raw UTF-8 with no percent-encoding (web-socket-api.md,
"SIGNED request security"). This is *not* the REST rule: do not share code with a REST signer.

Each value is rendered once, by `wire_value`, and that one rendering is both what goes into the
JSON request and what is signed, so the two can never disagree:

=================  ======================  =========================
Python value       JSON sent               signed as
=================  ======================  =========================
``str``            the string              the string
``Decimal``        string, plain notation  ``format(d, "f")``
``int``            number                  ``str(i)``
``bool``           ``true`` / ``false``    ``true`` / ``false``
``float``          string, ``repr(x)``     ``repr(x)``
``enum.Enum``      its ``value``, as above
list / tuple       array of the above      compact JSON of the array
=================  ======================  =========================

A float whose ``repr`` is in exponent form (``1e-05``, ``1e+16``), or that is not finite, is
refused with `InvalidRequest`: Binance does not accept exponents, and silently reformatting a
float would hide that the caller's number is not the decimal they think it is. Pass a
`decimal.Decimal` or a string instead.

`cryptography` is imported only when an RSA or Ed25519 key is loaded: it costs about 10 MB and
30 ms at import, which a client without keys, or with an HMAC secret, never needs.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import json
import math
import os
from decimal import Decimal
from typing import Any, ClassVar, Mapping, Optional, Protocol, TypeVar, Union

from .exceptions import InvalidRequest

__all__ = [
    "Ed25519Signer",
    "HmacSigner",
    "RsaSigner",
    "Signer",
    "load_signer",
    "payload_from_wire",
    "signature_payload",
    "wire_value",
]

WireValue = Union[str, int, bool, list]  # type: ignore[type-arg]
Password = Union[str, bytes, None]


def wire_value(name: str, value: Any) -> WireValue:
    """Render one parameter value for the wire (see the module docstring); raise InvalidRequest if unfit."""
    if isinstance(value, enum.Enum):
        value = value.value
    # bool before int: bool is an int subclass.
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidRequest(f"{name}={value} is not a finite number; pass a finite Decimal or string")
        return format(value, "f")
    if isinstance(value, float):
        text = repr(value)
        if not math.isfinite(value) or "e" in text or "E" in text:
            hint = f"Decimal({format(Decimal(text), 'f')!r})" if math.isfinite(value) else "a finite Decimal"
            raise InvalidRequest(
                f"{name}={text} is a float that would be sent as {text!r}, which Binance does not accept; "
                f"pass {hint} or the equivalent string instead"
            )
        return text
    if isinstance(value, (list, tuple)):
        return [wire_value(name, item) for item in value]
    raise InvalidRequest(
        f"{name}={value!r} has type {type(value).__name__}; pass a str, Decimal, int, float or bool"
    )


def _payload_text(value: WireValue) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, list):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def signature_payload(params: Mapping[str, Any]) -> str:
    """Return the text to sign: all params but `signature`, sorted by name, ``k=v`` joined by ``&``.

    Values may be anything `wire_value` accepts; `None` values are left out.
    """
    return payload_from_wire({k: wire_value(k, v) for k, v in params.items() if v is not None})


def payload_from_wire(wire: Mapping[str, WireValue]) -> str:
    """`signature_payload` for values already rendered by `wire_value` (the request path)."""
    return "&".join(f"{name}={_payload_text(wire[name])}" for name in sorted(wire) if name != "signature")


class Signer(Protocol):
    """Anything that signs a payload for one API key type."""

    #: "hmac", "rsa" or "ed25519".
    key_type: str

    def sign(self, payload: str) -> str:
        """Return the signature of `payload` in the form Binance expects (hex or base64)."""
        ...


def _password_bytes(password: Password) -> Optional[bytes]:
    return password.encode("utf-8") if isinstance(password, str) else password


def _load_private_key(pem: Union[str, bytes], password: Password) -> Any:
    from cryptography.hazmat.primitives import serialization

    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        return serialization.load_pem_private_key(data, password=_password_bytes(password))
    except TypeError as exc:
        # cryptography says TypeError both for "encrypted but no password" and the reverse.
        if password is None:
            raise InvalidRequest(
                "the private key is encrypted; pass its password as private_key_password="
            ) from None
        raise InvalidRequest(
            "the private key is not encrypted; leave private_key_password unset"
        ) from exc
    except ValueError:
        raise InvalidRequest(
            "could not load the private key: not a PEM private key, or a wrong private_key_password"
        ) from None


def _read(path: Union[str, os.PathLike[str]]) -> bytes:
    with open(path, "rb") as f:
        return f.read()


class HmacSigner:
    """HMAC-SHA-256 over the payload, as lowercase hex (Binance compares it case-insensitively)."""

    key_type = "hmac"
    __slots__ = ("_mac",)

    def __init__(self, secret: Union[str, bytes]) -> None:
        key = secret.encode("utf-8") if isinstance(secret, str) else secret
        if not key:
            raise InvalidRequest("the HMAC secret is empty")
        # Keyed once; each signature copies the keyed state instead of re-hashing the key.
        self._mac = hmac.new(key, digestmod=hashlib.sha256)

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike[str]]) -> HmacSigner:
        """Read the secret from a text file (surrounding whitespace is ignored)."""
        return cls(_read(path).strip())

    def sign(self, payload: str) -> str:
        mac = self._mac.copy()
        mac.update(payload.encode("utf-8"))
        return mac.hexdigest()

    def __repr__(self) -> str:
        return "HmacSigner(secret=<redacted>)"


_AS = TypeVar("_AS", bound="_AsymmetricSigner")


class _AsymmetricSigner:
    """A signer holding a private key of `_key_class`, loaded from PEM."""

    _key_name: ClassVar[str]
    __slots__ = ("_key",)

    def __init__(self, pem: Union[str, bytes], password: Password = None) -> None:
        key = _load_private_key(pem, password)
        if not isinstance(key, self._key_class()):
            raise InvalidRequest(f"{type(self).__name__} needs an {self._key_name} private key, got {_key_kind(key)}")
        self._key: Any = key

    @classmethod
    def from_file(cls: type[_AS], path: Union[str, os.PathLike[str]], password: Password = None) -> _AS:
        """Load the PEM private key from a file."""
        return cls(_read(path), password)

    @classmethod
    def _from_key(cls: type[_AS], key: Any) -> _AS:
        signer = cls.__new__(cls)
        signer._key = key
        return signer

    @staticmethod
    def _key_class() -> type:
        raise NotImplementedError

    def public_key_pem(self) -> str:
        """The public key in PEM, as registered with Binance."""
        from cryptography.hazmat.primitives import serialization

        return str(
            self._key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode("ascii")
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(private_key=<redacted>)"


class RsaSigner(_AsymmetricSigner):
    """RSASSA-PKCS1-v1_5 with SHA-256 over the payload, base64-encoded."""

    key_type = "rsa"
    _key_name = "RSA"
    __slots__ = ()

    @staticmethod
    def _key_class() -> type:
        from cryptography.hazmat.primitives.asymmetric import rsa

        return rsa.RSAPrivateKey

    def sign(self, payload: str) -> str:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        raw = self._key.sign(payload.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(raw).decode("ascii")


class Ed25519Signer(_AsymmetricSigner):
    """Ed25519 over the payload, base64-encoded. The only key type `session.logon` accepts."""

    key_type = "ed25519"
    _key_name = "Ed25519"
    __slots__ = ()

    @staticmethod
    def _key_class() -> type:
        from cryptography.hazmat.primitives.asymmetric import ed25519

        return ed25519.Ed25519PrivateKey

    def sign(self, payload: str) -> str:
        return base64.b64encode(self._key.sign(payload.encode("utf-8"))).decode("ascii")


def _key_kind(key: Any) -> str:
    return type(key).__name__.lstrip("_")


def _looks_like_a_key_file(text: str) -> bool:
    # An HMAC secret is 64 letters and digits: anything with a path's shape that names an
    # existing file, or ends like a key file, is a path passed by mistake.
    if len(text) > 4096 or not text:
        return False
    if text.lower().endswith((".pem", ".key", ".txt")):
        return True
    return ("/" in text or "\\" in text) and os.path.isfile(text)


def load_credentials(
    api_key: Optional[str], api_secret: Union[str, bytes, None], signer: Optional[Signer], password: Password
) -> Optional[Signer]:
    """The signer for a set of credentials as a caller passes them (all None: no credentials).

    `api_secret` (with `password` if it is an encrypted PEM key) or a ready `signer`, never
    both; `api_key` comes with one of them.
    """
    if signer is not None and api_secret is not None:
        raise InvalidRequest("pass either api_secret or signer, not both")
    if api_key is not None:
        _check_api_key(api_key)
    if api_secret is not None:
        signer = load_signer(api_secret, password)
    elif password is not None:
        raise InvalidRequest("private_key_password was given without api_secret")
    if (signer is None) != (api_key is None):
        raise InvalidRequest("api_key and api_secret (or signer) go together: pass both or neither")
    return signer


def _check_api_key(api_key: Any) -> None:
    """Mistakes Binance would answer with a puzzling -2014 ("API-key format invalid")."""
    if not isinstance(api_key, str):
        raise InvalidRequest(f"api_key must be a str (the 64 characters Binance shows), not {type(api_key).__name__}")
    if api_key != api_key.strip():
        raise InvalidRequest("api_key has leading or trailing whitespace (a newline read from a file?): strip it")
    if not api_key.isascii() or not api_key.isprintable() or " " in api_key:
        raise InvalidRequest("api_key has characters Binance's keys never have (spaces, control or non-ASCII "
                             "characters): check that the key, not something else, was passed")


def load_signer(secret: Union[str, bytes], password: Password = None) -> Signer:
    """Pick the signer for `secret`: a PEM private key (RSA or Ed25519) or an HMAC secret."""
    if not isinstance(secret, (str, bytes)):
        raise InvalidRequest(
            f"api_secret must be a str or bytes (the HMAC secret, or a PEM private key's text), not "
            f"{type(secret).__name__}"
        )
    text = secret.decode("ascii", "replace") if isinstance(secret, bytes) else secret
    if "-----BEGIN" not in text:
        if password is not None:
            raise InvalidRequest("private_key_password was given, but api_secret is an HMAC secret, not a PEM key")
        if text != text.strip():
            raise InvalidRequest("api_secret has leading or trailing whitespace (a newline read from a file?): "
                                 "strip it; an HMAC secret has none, and Binance would refuse every signature")
        if _looks_like_a_key_file(text):
            raise InvalidRequest(
                "api_secret is the path of a file; pass the key itself: Ed25519Signer.from_file(path) "
                "(or RsaSigner.from_file) as signer=, or api_secret=open(path).read()"
            )
        return HmacSigner(secret)
    if "PUBLIC KEY-----" in text and "PRIVATE KEY-----" not in text:
        raise InvalidRequest("api_secret is a public key; pass the private key (Binance holds the public one you "
                             "registered)")
    key = _load_private_key(secret, password)
    for cls in (Ed25519Signer, RsaSigner):
        if isinstance(key, cls._key_class()):
            return cls._from_key(key)
    raise InvalidRequest(f"api_secret is a {_key_kind(key)}; Binance accepts RSA and Ed25519 keys (or HMAC)")
