"""Soak: many threads call a LocalExchange for a long time while faults strike at random.

    python benchmarks/soak.py --threads 16 --duration 600 --seed 1

The exchange runs in a child process (so its growing books do not count in this process's
memory), and takes fault commands over a pipe: dropped connections, serverShutdown, a
restart on the same port, unanswered / delayed / failed methods (orders both executed and
not), 429s and a short 418 ban, a 2 s clock jump, malformed, unknown-id and binary frames.
Each thread loops over pings, order books, account reads and orders that it then cancels;
an order whose outcome is unknown is settled with `client.resolve_order`.

It prints: calls, errors by class, reconnects and rotations, p50/p99 latency of successful
calls, peak RSS and RSS growth after warm-up, hung calls (a call that outlived its deadline
by more than a second, or a thread that did not finish), orders the exchange accepted twice
under one client order id, and library threads alive after close. Exit status 1 if any of
the targets (no hung call, no duplicate, no thread left, RSS growth under 5 MB per million
calls) is missed.
"""

from __future__ import annotations

import argparse
import collections
import gc
import math
import multiprocessing
import os
import random
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any, Optional

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from binance_wsapi import Client, ExecutionStatusUnknown, IPBanned, RateLimited  # noqa: E402

S = "BTCUSDT"
CALL_TIMEOUT = 5.0


# -- the exchange, in its own process --------------------------------------------------------


def serve(pipe: Connection) -> None:
    """Run a LocalExchange and carry out fault commands from the pipe until told to stop."""
    from binance_wsapi.testing import LocalExchange

    limit = 10**9  # this measures robustness, not the governor: limits far out of reach
    with LocalExchange(book_levels=50, weight_limit=limit, orders_per_10s=limit, orders_per_day=limit) as ex:
        account = ex.create_account({"USDT": "1000000000", "BTC": "1000000"})
        pipe.send((ex.url, account.api_key, account.api_secret))
        while True:
            command, args, kwargs = pipe.recv()
            if command == "stop":
                pipe.send(None)
                return
            try:
                if command == "set":
                    setattr(ex, args[0], args[1])
                    result: Any = None
                else:
                    result = getattr(ex, command)(*args, **kwargs)
            except Exception as exc:  # reported to the driver, which shows it
                result = RuntimeError(f"{command} failed: {exc!r}")
            pipe.send(result)


class Exchange:
    """The driver's handle on the exchange process; one command at a time."""

    def __init__(self) -> None:
        self._pipe, child = multiprocessing.Pipe()
        self._process = multiprocessing.Process(target=serve, args=(child,), daemon=True)
        self._process.start()
        self.url, self.api_key, self.api_secret = self._pipe.recv()
        self._lock = threading.Lock()

    def __call__(self, command: str, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self._pipe.send((command, args, kwargs))
            result = self._pipe.recv()
        if isinstance(result, RuntimeError):
            raise result
        return result

    def close(self) -> None:
        self("stop")
        self._process.join(10)


# -- faults ------------------------------------------------------------------------------------


def strike(exchange: Exchange, rng: random.Random, log: collections.Counter[str]) -> None:
    """Inflict one fault, chosen at random."""
    now = exchange("now_ms")
    faults = [
        ("drop", lambda: exchange("drop_connections")),
        ("serverShutdown", lambda: exchange("send_server_shutdown", close_after=1.0)),
        ("restart", lambda: exchange("restart", down_for=0.3)),
        ("unanswered order, executed", lambda: exchange("never_answer", "order.place", execute=True, times=1)),
        ("unanswered order, lost", lambda: exchange("never_answer", "order.place", execute=False, times=1)),
        ("unanswered depth", lambda: exchange("never_answer", "depth", times=1)),
        ("slow account.status", lambda: exchange("delay", "account.status", 1.0, times=1)),
        ("503 on order", lambda: exchange("fail", "order.place", 503, -1001, execute=rng.random() < 0.5, times=1)),
        ("-1007 on cancel", lambda: exchange("fail", "order.cancel", 400, -1007, execute=True, times=1)),
        ("429", lambda: exchange("fail", "depth", 429, -1003, data={"retryAfter": now + 300}, times=1)),
        ("418", lambda: exchange("fail", "ping", 418, -1003, data={"retryAfter": now + 500}, times=1)),
        ("clock jump", lambda: exchange("set", "clock_skew", rng.choice([2.0, -2.0, 0.0]))),
        ("malformed frame", lambda: exchange("send_raw", "{not json")),
        ("unknown id", lambda: exchange("send_raw", '{"id": 123456789, "status": 200, "result": {}}')),
        ("binary frame", lambda: exchange("send_raw", b"\x00\x01")),
    ]
    name, fault = rng.choice(faults)
    fault()
    log[name] += 1


# -- the callers -------------------------------------------------------------------------------


class Caller(threading.Thread):
    """One thread's loop of calls; records latencies, errors and any call that overstayed."""

    def __init__(self, client: Client, seed: int, stop: threading.Event, results: Results) -> None:
        super().__init__(name=f"soak-caller-{seed}", daemon=True)
        self.client = client
        self.rng = random.Random(seed)
        self.stop = stop
        self.results = results

    def run(self) -> None:
        client, rng = self.client, self.rng
        while not self.stop.is_set():
            roll = rng.random()
            if roll < 0.45:
                self.call(client.ping)
            elif roll < 0.65:
                self.call(client.depth, symbol=S, limit=5)
            elif roll < 0.75:
                self.call(client.account_status)
            else:
                self.trade()

    def call(self, fn: Any, **params: Any) -> Any:
        started = time.monotonic()
        try:
            result = fn(timeout=CALL_TIMEOUT, **params)
        except ExecutionStatusUnknown as exc:
            self.results.record(time.monotonic() - started, exc)
            raise
        except (RateLimited, IPBanned) as exc:  # what an app should do: stay away until told
            self.results.record(time.monotonic() - started, exc)
            if exc.retry_after is not None:
                time.sleep(min(1.0, max(0.0, exc.retry_after / 1000 - time.time() - self.client.clock_offset)))
            return None
        except Exception as exc:  # every other failure is counted, and the loop goes on
            self.results.record(time.monotonic() - started, exc)
            return None
        self.results.record(time.monotonic() - started, None)
        return result

    def trade(self) -> None:
        price = str(1000 + self.rng.randint(0, 500))  # far below the market: rests on the book
        try:
            order = self.call(
                self.client.order_place, side="BUY", type="LIMIT", time_in_force="GTC", price=price,
                quantity="0.01", symbol=S,
            )
        except ExecutionStatusUnknown as exc:
            order = self.settle(exc)
        for _ in range(2):  # cancel it; if that outcome is unknown and it still stands, once more
            if order is None or order.get("status") != "NEW":
                return
            try:
                self.call(self.client.order_cancel, symbol=S, order_id=order["orderId"])
                return
            except ExecutionStatusUnknown as exc:
                order = self.settle(exc)

    def settle(self, exc: ExecutionStatusUnknown) -> Optional[dict[str, Any]]:
        try:
            order = self.client.resolve_order(exc, settle=0.5)
        except Exception as error:
            self.results.record(0.0, error, label=f"resolve_order: {type(error).__name__}")
            return None
        self.results.resolved["found" if order is not None else "not placed"] += 1
        return order


class Results:
    """Counters shared by the callers."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls = 0
        self.errors: collections.Counter[str] = collections.Counter()
        self.latencies = Histogram()  # successful calls
        self.hung = 0
        self.resolved: collections.Counter[str] = collections.Counter()

    def record(self, seconds: float, error: Optional[BaseException], label: str = "") -> None:
        with self.lock:
            self.calls += 1
            if seconds > CALL_TIMEOUT + 1.0:
                self.hung += 1
            if error is not None:
                self.errors[label or type(error).__name__] += 1
            else:
                self.latencies.add(seconds)


class Histogram:
    """Latencies in logarithmic buckets (2% wide): percentiles in constant memory."""

    _RATIO = 1.02
    _LOW = 1e-6

    def __init__(self) -> None:
        self.counts = [0] * 1400  # up to ~1e-6 * 1.02**1400 s: far past any deadline
        self.total = 0

    def add(self, seconds: float) -> None:
        index = 0 if seconds <= self._LOW else int(math.log(seconds / self._LOW, self._RATIO))
        self.counts[min(index, len(self.counts) - 1)] += 1
        self.total += 1

    def percentile(self, q: float) -> float:
        if not self.total:
            return float("nan")
        target, seen = q * self.total, 0
        for index, count in enumerate(self.counts):
            seen += count
            if seen > target:
                return self._LOW * self._RATIO ** (index + 0.5)
        return float("nan")


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fault-every", type=float, default=2.0, help="mean seconds between faults")
    parser.add_argument("--max-age", type=float, default=30.0, help="connection lifetime (rotation), seconds")
    parser.add_argument("--warmup", type=float, default=0.1, help="fraction of the run before the RSS baseline")
    args = parser.parse_args()

    exchange = Exchange()
    rng = random.Random(args.seed)
    results = Results()
    stop = threading.Event()
    faults: collections.Counter[str] = collections.Counter()
    client = Client(
        exchange.api_key, exchange.api_secret, url=exchange.url, timeout=CALL_TIMEOUT, recv_window=1000,
        max_connection_age=args.max_age, name="binance-wsapi-soak",
    )
    client.connect()
    callers = [Caller(client, args.seed * 1000 + i, stop, results) for i in range(args.threads)]
    started = time.monotonic()
    for caller in callers:
        caller.start()
    baseline: Optional[float] = None
    baseline_calls = 0
    peak = rss_mb()
    next_fault = started + rng.expovariate(1 / args.fault_every)
    next_report = started + 10
    while (now := time.monotonic()) < started + args.duration:
        time.sleep(min(0.25, max(0.0, next_fault - now)))
        now = time.monotonic()
        if now >= next_fault:
            strike(exchange, rng, faults)
            next_fault = now + rng.expovariate(1 / args.fault_every)
        peak = max(peak, rss_mb())
        if baseline is None and now - started >= args.warmup * args.duration:
            gc.collect()
            baseline, baseline_calls = rss_mb(), results.calls
        if now >= next_report:
            next_report = now + 10
            print(f"  {now - started:6.0f} s  {results.calls:>10,} calls  {rss_mb():6.1f} MB", flush=True)
    stop.set()
    exchange("clear_faults")
    for caller in callers:
        caller.join(CALL_TIMEOUT * 3 + 5)  # a caller may be resolving an order
    stuck = [c.name for c in callers if c.is_alive()]
    elapsed = time.monotonic() - started
    gc.collect()
    end_rss = rss_mb()
    stats = client.stats
    client.close()
    leftover = [t.name for t in threading.enumerate() if t.name.startswith("binance-wsapi")]
    duplicates = exchange("duplicate_orders")
    accepted = exchange("orders_accepted")
    exchange.close()

    calls = results.calls
    growth = end_rss - (baseline if baseline is not None else end_rss)
    per_million = growth / max(1, calls - baseline_calls) * 1_000_000
    print(f"# soak: {args.threads} threads, {elapsed:.0f} s, seed {args.seed}, a fault every ~{args.fault_every:g} s, "
          f"rotation every {args.max_age:g} s; CPython {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"calls               {calls:,} ({calls / elapsed:,.0f}/s)")
    print(f"faults injected     {sum(faults.values())}: " + ", ".join(f"{k} {v}" for k, v in sorted(faults.items())))
    print("errors by class     " + (", ".join(f"{k} {v}" for k, v in results.errors.most_common()) or "none"))
    print("unknown outcomes    resolved: " + (", ".join(f"{k} {v}" for k, v in sorted(results.resolved.items())) or "none"))
    print(f"reconnects          {stats.reconnects} (rotations {stats.rotations}, late responses {stats.late_responses})")
    print(f"latency (ok calls)  p50 {results.latencies.percentile(0.5) * 1e3:.2f} ms, "
          f"p99 {results.latencies.percentile(0.99) * 1e3:.2f} ms")
    print(f"RSS                 peak {peak:.1f} MB, growth after warm-up {growth:+.2f} MB "
          f"over {calls - baseline_calls:,} calls ({per_million:+.2f} MB per million)")
    print(f"hung calls          {results.hung + len(stuck)}{' ' + str(stuck) if stuck else ''}")
    print(f"duplicated orders   {len(duplicates)} (of {accepted:,} accepted){' ' + str(list(duplicates)[:5]) if duplicates else ''}")
    print(f"threads alive       {len(leftover)}{' ' + str(leftover) if leftover else ''}")
    failed = results.hung or stuck or duplicates or leftover or per_million >= 5.0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
