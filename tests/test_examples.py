"""The scripts in examples/ run offline, against LocalExchange, and print what they promise."""

from __future__ import annotations

import pathlib
import subprocess
import sys

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"


def test_user_data_stream_example() -> None:
    """The user data stream example prints the order's NEW and TRADE reports, then the balances."""
    script = EXAMPLES / "user_data_stream.py"
    assert len(script.read_text("utf-8").splitlines()) < 30
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=True).stdout
    lines = out.splitlines()
    assert lines[0].startswith("NEW NEW 0.00000000")
    assert lines[1].startswith("TRADE FILLED 0.00100000 @ ")
    assert lines[-1].startswith("balances: {'BTC': '0.00099900'")


def test_futures_example() -> None:
    """The futures example sets leverage, prints the fill and the position, and places a stop."""
    script = EXAMPLES / "futures.py"
    assert len(script.read_text("utf-8").splitlines()) < 40
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=True).stdout
    lines = out.splitlines()
    assert lines[0] == "leverage: 5"
    assert lines[1].startswith("filled 0.003 @ ")
    assert lines[2].startswith("position 0.003 @ ")
    assert lines[3] == "stop NEW 40000.00"
