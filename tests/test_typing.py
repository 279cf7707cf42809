"""The package type-checks under mypy --strict (config in pyproject.toml)."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_package_passes_mypy_strict(tmp_path: pathlib.Path) -> None:
    """Every module is fully annotated and consistent: mypy --strict reports nothing."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path), "--config-file", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_user_program_sees_the_installed_package(tmp_path: pathlib.Path) -> None:
    """After the README's install command (pip install -e), mypy checks a user's program against the package's hints.

    setuptools' default editable install is an import hook mypy cannot follow (every import was
    import-not-found); setup.cfg's package_dir makes it a plain path entry.
    """
    good = tmp_path / "good.py"
    good.write_text("from binance_wsapi import Client\n\nclient = Client()\nclient.ping(timeout=3.0)\n")
    bad = tmp_path / "bad.py"
    bad.write_text("from binance_wsapi import Client\n\nclient = Client()\nclient.ping(timeout='3')\n")
    command = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "--no-incremental"]
    passed = subprocess.run([*command, str(good)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert passed.returncode == 0, passed.stdout
    failed = subprocess.run([*command, str(bad)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1 and "arg-type" in failed.stdout and "import-not-found" not in failed.stdout, failed.stdout


def test_fixed_value_parameters_are_literals(tmp_path: pathlib.Path) -> None:
    """time_in_force and friends are Literal[...] (or the exported enum): a misspelt value is a type error."""
    good = tmp_path / "orders_good.py"
    good.write_text(
        "from binance_wsapi import Client, Side\n\nclient = Client()\n"
        "client.order_place(symbol='BTCUSDT', side=Side.BUY, type='LIMIT', time_in_force='GTC', price='1', quantity='1')\n"
    )
    bad = tmp_path / "orders_bad.py"
    bad.write_text(
        "from binance_wsapi import Client\n\nclient = Client()\n"
        "client.order_place(symbol='BTCUSDT', side='BUY', type='LIMIT', time_in_force='GTX', price='1', quantity='1')\n"
    )
    command = [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "--no-incremental"]
    passed = subprocess.run([*command, str(good)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert passed.returncode == 0, passed.stdout
    failed = subprocess.run([*command, str(bad)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1 and "Literal['GTX']" in failed.stdout and "'GTC', 'IOC', 'FOK'" in failed.stdout, failed.stdout


def test_generate_check_fails_when_api_py_is_stale(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python -m binance_wsapi._generate --check exits 1 for a stale api.py and 0 for a current one."""
    from binance_wsapi import _generate

    current = tmp_path / "api.py"
    current.write_text(_generate.render(), encoding="utf-8")
    monkeypatch.setattr(_generate, "TARGET", current)
    assert _generate.main(["--check"]) == 0
    current.write_text(_generate.render() + "# edited\n", encoding="utf-8")
    assert _generate.main(["--check"]) == 1


def test_results_are_typed_so_a_misspelt_key_is_caught(tmp_path: pathlib.Path) -> None:
    """order_place returns a TypedDict (and its futures twin a Future of one): mypy flags order["stauts"]."""
    head = "from binance_wsapi import Client\n\nclient = Client()\n" \
           "order = client.order_place(symbol='BTCUSDT', side='BUY', type='MARKET', quantity='1')\n"
    good = tmp_path / "results_good.py"
    good.write_text(head + "status: str = order['status']\nfills = order['fills'][0]['price']\n"
                    "later = client.futures.order_status(symbol='BTCUSDT', order_id=1).result()['status']\n"
                    "book = client.depth(symbol='BTCUSDT')['bids']\n")
    bad = tmp_path / "results_bad.py"
    bad.write_text(head + "print(order['stauts'])\n")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "--no-incremental"]
    passed = subprocess.run([*command, str(good)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert passed.returncode == 0, passed.stdout
    failed = subprocess.run([*command, str(bad)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1 and '"stauts"' in failed.stdout, failed.stdout
