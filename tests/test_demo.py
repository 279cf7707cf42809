"""The newcomer's first command."""

from __future__ import annotations

import subprocess
import sys


def test_demo_runs_a_full_session_and_exits_cleanly() -> None:
    """`python -m binance_wsapi demo` shows the whole session, exits 0 and leaves no thread."""
    done = subprocess.run(
        [sys.executable, "-m", "binance_wsapi", "demo", "--pings", "50"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for expected in (
        "ping ",
        "clock offset",
        "order book BTCUSDT",
        "-> NEW",
        "queried  orderId",
        "-> CANCELED",
        "round trip over 50 pings: p50",
        "threads left running: none",
    ):
        assert expected in out, expected
    before = next(line for line in out.splitlines() if line.strip().startswith("before"))
    after = next(line for line in out.splitlines() if line.strip().startswith("after"))
    assert before.split(None, 1)[1] == after.split(None, 1)[1]  # the cancel gave the funds back
    assert "locked" in out and "490.00000000 locked" in out
