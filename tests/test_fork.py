"""Fork safety: a forked child never uses, reads for, or closes its parent's connection.

Each test runs a small program in a fresh interpreter (so that the forked child is not a
copy of pytest): it starts a LocalExchange and a client, forks, and reports what the child
and then the parent saw.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap

import pytest

pytestmark = [
    pytest.mark.both_schemes,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform"),
]

PROGRAM = textwrap.dedent(
    """
    import json, os, sys
    from binance_wsapi import ClientClosed
    from binance_wsapi.testing import LocalExchange

    exchange = LocalExchange(tls=sys.argv[1] == "wss")
    account = exchange.create_account({"USDT": "1000"})
    client = exchange.client(account, timeout=5)
    client.ping()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: uses the inherited client (or not), then exits normally
        os.close(read)
        report = {}
        if sys.argv[2] == "call":
            try:
                client.ping()
                report["child"] = "answered"
            except ClientClosed as exc:
                report["child"] = str(exc)
            report["child_stats"] = client.stats.requests  # readable, on locks of its own
            report["child_limits"] = len(client.rate_limits)
        os.write(write, json.dumps(report).encode())
        os.close(write)
        sys.exit(0)  # atexit runs: the client's finalizer with it
    os.close(write)
    child = json.loads(os.read(read, 65536) or b"{}")
    os.waitpid(pid, 0)
    pings = exchange.request_count("ping")
    answer = client.ping()
    print(json.dumps({**child, "parent": answer, "pings_before": pings,
                      "connections": exchange.connections_accepted, "reconnects": client.stats.reconnects}))
    client.close()
    exchange.close()
    """
)


def run(scheme: str, mode: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, scheme, mode], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_child_calling_an_inherited_client_is_refused(scheme: str) -> None:
    """A call in the child raises ClientClosed naming the parent; the parent's connection is untouched."""
    report = run(scheme, "call")
    assert "create a new Client after fork" in str(report["child"])
    # It names the program's pid, not ours (as a whole number: our 616 is inside its 2616).
    assert re.search(rf"\b{os.getpid()}\b", str(report["child"])) is None
    assert report["parent"] == {}
    assert report["pings_before"] == 1  # the child sent nothing
    assert report["connections"] == 1 and report["reconnects"] == 0
    assert report["child_stats"] >= 1 and report["child_limits"] >= 1


def test_a_child_that_just_exits_leaves_the_parent_connected(scheme: str) -> None:
    """A child's exit-time cleanup does not close the connection it inherited."""
    report = run(scheme, "exit")
    assert report["parent"] == {}
    assert report["connections"] == 1 and report["reconnects"] == 0
