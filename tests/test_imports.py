"""What importing the package costs: a plain client loads nothing it does not need."""

from __future__ import annotations

import base64
import subprocess
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519


def test_import_leaves_heavy_optional_modules_unloaded() -> None:
    """`import binance_wsapi` loads neither cryptography (keys) nor urllib.request (proxies) nor the test server."""
    code = (
        "import sys, binance_wsapi; "
        "print(sorted(m for m in ('cryptography', 'urllib.request', 'websockets', 'binance_wsapi.testing') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_key_loads_cryptography_when_it_is_needed() -> None:
    """An Ed25519 key given after the import is still loaded and signs: cryptography comes in on demand."""
    key = ed25519.Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    code = (
        "import sys\n"
        "from binance_wsapi import Ed25519Signer\n"
        "assert 'cryptography' not in sys.modules\n"
        "print(Ed25519Signer(sys.stdin.read()).sign('a=1'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], input=pem.decode(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    key.public_key().verify(base64.b64decode(done.stdout.strip()), b"a=1")  # raises if it is not our signature
