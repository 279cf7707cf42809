"""How fast fills reach a user data stream, and what a stream costs the request path.

    python benchmarks/user_data.py [--orders 2000]

One LocalExchange runs in a separate process (its own GIL). One Ed25519 client places
market orders one after another, alternating BUY and SELL, and reads its own stream:

* order -> event: from sending `order.place` to `stream.get()` returning its TRADE report
  (the response and the events are written by the server together, so this is mostly the
  event's trip through the I/O thread, the queue and the parser), p50/p99;
* order round trip with and without a subscribed stream (p50): the stream's share of the
  I/O thread's time as the caller sees it;
* events/s parsed by `stream.get()` from a full queue (the consumer's cost per event).
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from typing import Any

from binance_wsapi import Client, ExecutionReport


def start_server() -> tuple[subprocess.Popen[str], dict[str, Any]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "binance_wsapi.testing", "serve", "--weight-limit", "1000000000",
         "--orders-per-10s", "1000000000", "--account", "ed25519"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    return proc, json.loads(proc.stdout.readline())


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def place(client: Client, i: int) -> None:
    client.order_place(symbol="BTCUSDT", side=("BUY", "SELL")[i % 2], type="MARKET", quantity="0.001",
                       new_order_resp_type="ACK")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=2000)
    args = parser.parse_args()
    proc, info = start_server()
    account = info["accounts"][0]
    try:
        with Client(account["api_key"], account["api_secret"], url=info["url"], timeout=10) as client:
            for i in range(200):
                place(client, i)  # warm up
            bare = []
            for i in range(args.orders):
                started = time.perf_counter()
                place(client, i)
                bare.append(time.perf_counter() - started)
            stream = client.user_data.subscribe(queue_size=1_000_000)
            with_stream, to_event = [], []
            for i in range(args.orders):
                started = time.perf_counter()
                place(client, i)
                with_stream.append(time.perf_counter() - started)
                while True:
                    event = stream.get(10)
                    if isinstance(event, ExecutionReport) and event.execution_type == "TRADE":
                        break
                to_event.append(time.perf_counter() - started)
            while True:  # drain the tail (more TRADE reports and balances)
                try:
                    stream.get(0.2)
                except Exception:
                    break
            for i in range(args.orders):
                place(client, i)
            client.ping()
            parse_started = time.perf_counter()
            parsed = 0
            while True:
                try:
                    stream.get(0.05)
                    parsed += 1
                except Exception:
                    break
            parse_seconds = time.perf_counter() - parse_started - 0.05
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(10)
    us = 1e6
    print(f"# CPython {platform.python_version()}, {args.orders} market orders, LocalExchange in a separate process")
    print(f"order -> TRADE event    p50 {percentile(to_event, 0.5) * us:7.0f} us   p99 {percentile(to_event, 0.99) * us:7.0f} us")
    print(f"order.place round trip  p50 {percentile(bare, 0.5) * us:7.0f} us   p99 {percentile(bare, 0.99) * us:7.0f} us"
          " without a stream")
    print(f"order.place round trip  p50 {percentile(with_stream, 0.5) * us:7.0f} us   p99 "
          f"{percentile(with_stream, 0.99) * us:7.0f} us with one")
    print(f"stream.get from a full queue: {parsed:,} events in {parse_seconds:.3f} s = {parsed / parse_seconds:,.0f} events/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
