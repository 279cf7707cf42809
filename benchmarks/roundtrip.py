"""Round-trip latency and throughput of binance_wsapi against a bare websocket-client loop.

    python benchmarks/roundtrip.py [--seconds 2] [--quick]

One LocalExchange runs in a separate process (its own GIL), and everything is measured
against it in one run:

* sequential round trips (p50/p99) of `ping`, `depth` limit 100 and `depth` limit 5000;
* calls/s of `ping` from 1, 4 and 16 threads sharing one Client (median of interleaved runs:
  this kind of shared 2-core machine varies by tens of percent from one run to the next);
* the same for the floor: websocket-client's `create_connection`, then send/recv in a loop
  (one connection per thread, since a bare socket cannot route replies between threads),
  with `skip_utf8_validation=True`, its fastest setting.

Targets (issue #2): Client ping p50 within 1.15x of the floor; 16-thread Client ping
throughput at least 1.5x its single-thread rate.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from typing import Any, Callable

import websocket

from binance_wsapi import Client

THREADS = (1, 4, 16)
REQUESTS = {
    "ping": ("ping", None),
    "depth100": ("depth", {"symbol": "BTCUSDT", "limit": 100}),
    "depth5000": ("depth", {"symbol": "BTCUSDT", "limit": 5000}),
}


def start_server() -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        # Limits lifted: this measures transport, and a minute of pings is far past 6000 weight.
        [sys.executable, "-m", "binance_wsapi.testing", "serve", "--book-levels", "5000",
         "--weight-limit", "1000000000"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    return proc, json.loads(line)["url"]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def sequential(call: Callable[[], Any], count: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        call()
    out = []
    clock = time.perf_counter
    for _ in range(count):
        start = clock()
        call()
        out.append(clock() - start)
    return out


def throughput(make_call: Callable[[], Callable[[], Any]], threads: int, seconds: float) -> float:
    calls = [make_call() for _ in range(threads)]
    for call in calls:  # warm every connection and thread path once
        call()
    counts = [0] * threads
    stop = threading.Event()
    go = threading.Barrier(threads + 1)

    def worker(i: int) -> None:
        call = calls[i]
        go.wait()
        n = 0
        while not stop.is_set():
            call()
            n += 1
        counts[i] = n

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    go.wait()
    start = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for w in workers:
        w.join()
    return sum(counts) / (time.perf_counter() - start)


class Bare:
    """The floor: one websocket-client connection, send then recv."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, skip_utf8_validation=True)
        self.n = 0

    def call(self, method: str, params: Any) -> Any:
        self.n += 1
        body: dict[str, Any] = {"id": self.n, "method": method}
        if params:
            body["params"] = params
        self.ws.send(json.dumps(body, separators=(",", ":")))
        return json.loads(self.ws.recv())

    def close(self) -> None:
        self.ws.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=1.0, help="duration of each throughput run")
    parser.add_argument("--repeat", type=int, default=5, help="rounds of throughput runs (each runs every thread count)")
    parser.add_argument("--quick", action="store_true", help="fewer samples (a smoke run)")
    args = parser.parse_args()
    counts = {"ping": 3000, "depth100": 2000, "depth5000": 150}
    if args.quick:
        counts = {k: max(20, v // 10) for k, v in counts.items()}
        args.seconds = min(args.seconds, 0.5)
        args.repeat = 1

    proc, url = start_server()
    print(f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"server: LocalExchange in a separate process at {url}")
    try:
        bare = Bare(url)
        client = Client(url=url, timeout=30)
        client.connect()
        print(f"\n{'sequential':<12}{'floor p50':>12}{'client p50':>12}{'ratio':>8}{'floor p99':>12}{'client p99':>12}")
        p50_ratios = {}
        for name, (method, params) in REQUESTS.items():
            n = counts[name]
            # Interleave in blocks so that drift on the machine hits both sides alike.
            floor: list[float] = []
            ours: list[float] = []
            block = max(10, n // 10)
            for _ in range(n // block):
                floor += sequential(lambda: bare.call(method, params), block, warmup=5)
                ours += sequential(lambda: client.request(method, params), block, warmup=5)
            f50, c50 = statistics.median(floor), statistics.median(ours)
            p50_ratios[name] = c50 / f50
            print(f"{name:<12}{f50 * 1e6:>10.0f}us{c50 * 1e6:>10.0f}us{c50 / f50:>7.2f}x"
                  f"{percentile(floor, 0.99) * 1e6:>10.0f}us{percentile(ours, 0.99) * 1e6:>10.0f}us")
        bare.close()

        print(f"\n{'ping calls/s':<12}{'floor':>12}{'client':>12}{'ratio':>8}   (median of {args.repeat} rounds)")
        # Each round runs every thread count, floor then client, so that the 16/1 ratio of a
        # round compares runs seconds apart: this machine's speed drifts in ~10 s waves.
        floor_runs: dict[int, list[float]] = {n: [] for n in THREADS}
        client_runs: dict[int, list[float]] = {n: [] for n in THREADS}
        for _ in range(args.repeat):
            for threads in THREADS:
                bares: list[Bare] = []

                def make_bare() -> Callable[[], Any]:
                    b = Bare(url)
                    bares.append(b)
                    return lambda: b.call("ping", None)

                floor_runs[threads].append(throughput(make_bare, threads, args.seconds))
                for b in bares:
                    b.close()
                client_runs[threads].append(throughput(lambda: client.ping, threads, args.seconds))
        rates = {n: statistics.median(client_runs[n]) for n in THREADS}
        for threads in THREADS:
            floor_rate = statistics.median(floor_runs[threads])
            print(f"{threads:>2} threads  {floor_rate:>12,.0f}{rates[threads]:>12,.0f}{rates[threads] / floor_rate:>7.2f}x"
                  f"   client runs: {', '.join(f'{r:,.0f}' for r in client_runs[threads])}")
        ratios = [big / one for big, one in zip(client_runs[16], client_runs[1])]
        client.close()
        print(f"\nClient ping p50 vs floor: {p50_ratios['ping']:.2f}x (target <= 1.15x)")
        print(f"Client 16-thread vs 1-thread ping throughput: {statistics.median(ratios):.2f}x median of rounds "
              f"({', '.join(f'{r:.2f}' for r in ratios)}) (target >= 1.5x)")
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
