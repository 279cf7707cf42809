"""The command line for quick checks: ``python -m binance_wsapi call METHOD name=value ...``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from binance_wsapi import __version__
from binance_wsapi.testing import LocalExchange


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BINANCE_API_")}
    return subprocess.run([sys.executable, "-m", "binance_wsapi", *args], capture_output=True, text=True, timeout=60,
                          env={**clean, **(env or {})})


def test_call_prints_a_public_methods_result_as_json(exchange: LocalExchange) -> None:
    """`call depth symbol=BTCUSDT limit=5 --url ...` prints the order book as JSON and exits 0."""
    done = run("call", "depth", "symbol=BTCUSDT", "limit=5", "--url", exchange.url)
    assert done.returncode == 0, done.stderr
    book: dict[str, Any] = json.loads(done.stdout)
    assert len(book["bids"]) == 5


def test_call_signs_with_keys_from_the_environment(exchange: LocalExchange) -> None:
    """BINANCE_API_KEY / BINANCE_API_SECRET sign a USER_DATA call; --key-file takes a PEM private key."""
    hmac = exchange.create_account({"USDT": "123"}, key_type="hmac")
    done = run("call", "account.status", "omitZeroBalances=true", "--url", exchange.url, "--compact",
               env={"BINANCE_API_KEY": hmac.api_key, "BINANCE_API_SECRET": hmac.api_secret})
    assert done.returncode == 0, done.stderr
    assert [b["asset"] for b in json.loads(done.stdout)["balances"]] == ["USDT"]
    assert hmac.api_secret not in done.stdout + done.stderr


def test_call_reads_a_key_file(exchange: LocalExchange, tmp_path: Any) -> None:
    """--key-file reads an Ed25519 PEM key; the api key still comes from BINANCE_API_KEY."""
    account = exchange.create_account({"USDT": "5"}, key_type="ed25519")
    key = tmp_path / "key.pem"
    key.write_text(account.api_secret)
    done = run("call", "account.commission", "symbol=BTCUSDT", "--url", exchange.url, "--key-file", str(key),
               env={"BINANCE_API_KEY": account.api_key})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["symbol"] == "BTCUSDT"


def test_call_reports_errors_and_bad_arguments(exchange: LocalExchange) -> None:
    """A refused call exits 1 with the error on stderr; a malformed parameter or half a key pair exits 2."""
    refused = run("call", "depth", "symbol=NOPE", "--url", exchange.url)
    assert refused.returncode == 1 and "-1121" in refused.stderr
    assert run("call", "depth", "BTCUSDT", "--url", exchange.url).returncode == 2
    assert run("call", "ping", "--url", exchange.url, env={"BINANCE_API_KEY": "K" * 64}).returncode == 2


def test_version() -> None:
    """--version prints the package version."""
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"binance-wsapi {__version__}"


def test_call_speaks_the_futures_apis(exchange: LocalExchange) -> None:
    """--market usdm sends to the USDⓈ-M API: a signed v2/account.balance there prints its USDT wallet."""
    hmac = exchange.create_account(key_type="hmac", usdm={"USDT": "321"})
    done = run("call", "v2/account.balance", "--market", "usdm", "--url", exchange.url_for("usdm"), "--compact",
               env={"BINANCE_API_KEY": hmac.api_key, "BINANCE_API_SECRET": hmac.api_secret})
    assert done.returncode == 0, done.stderr
    assert [b["balance"] for b in json.loads(done.stdout) if b["asset"] == "USDT"] == ["321.00000000"]
