"""Round-trip latency and throughput of binance_wsapi against a bare websocket-client loop.

    python benchmarks/roundtrip.py [--server local|fast] [--scheme ws|wss|both] [--rounds 3]
                                   [--market spot|usdm|coinm|all] [--seconds 0.5] [--quick]

Each server runs in a separate process (its own GIL), once per scheme (``ws://``, and
``wss://`` with a throwaway CA); all are measured in one run, the fast server first:

* ``fast``: benchmarks/fast_server.py, pre-serialised answers and no checks, a latency
  floor on the server side (it uses picows if installed: ``pip install picows``; else the
  ``websockets`` server, somewhat slower);
* ``local``: LocalExchange (``python -m binance_wsapi.testing serve``), with its matching
  engine, signature checks and rate limits (lifted); ~200 us a reply of its own.

For each server and scheme, in every round:

* sequential round trips (p50/p99) of `ping`, `depth` limit 100, `depth` limit 5000 and
  `order.place` (a LIMIT IOC buy below the book: LocalExchange expires it at once, so no
  open orders pile up), floor and Client interleaved in blocks;
* calls/s of `ping` from 1, 4 and 16 threads sharing one Client;
* the same for the floor: websocket-client's `create_connection`, then send/recv in a loop
  (one connection per thread, since a bare socket cannot route replies between threads),
  with `skip_utf8_validation=True`, its fastest setting. Its `order.place` is a pre-built
  frame against the fast server (which checks nothing), and signed afresh with HMAC for each
  call against LocalExchange (which would refuse a stale or repeated one).

The Client has an HMAC key on both servers, so it signs `order.place` per request and
measures the clock with `time` on connecting. Its `ping`/`depth` go through
`client.request(...)`, its orders through `client.order_place(...)` (validation, a client
order id, the signature). Figures are pooled over rounds; each ratio (client/floor, and
16 vs 1 threads) is also given per round as min/median/max, since this kind of shared
2-core machine varies by tens of percent from one run to the next. An import-cost line
compares `import binance_wsapi` with `import websocket` (time, peak RSS, modules).

Markets (``--market``, default all): Spot's `Client`, and the futures clients with the same
floor against the same servers. The futures APIs have no ``ping``: their lightest call,
``session.status`` (also their clock), stands in for it; their deepest book is 1000 levels
(``depth1000``, where Spot measures 5000); COIN-M has no ``depth`` on its WebSocket API. The
futures order is a USDⓈ-M LIMIT IOC of 0.01 BTCUSDT (COIN-M: 1 contract of BTCUSD_PERP).

Targets (issue #9, against the fast server, over ws:// and wss://): Client ping p50 within
1.3x of the floor; depth(5000) p50 no slower than the floor; 16-thread Client ping throughput
at least 1.5x its single-thread rate; and against LocalExchange, no regression (issue #2's
1.15x for ping).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import importlib.util
import itertools
import json
import os
import platform
import ssl
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Optional

import websocket

import binance_wsapi.protocol
from binance_wsapi import Client, CMFuturesClient, UMFuturesClient

HERE = os.path.dirname(os.path.abspath(__file__))
THREADS = (1, 4, 16)
ORDER = "order.place"


@dataclass(frozen=True)
class Market:
    """What is measured on one API: its path, light call, books, order, and client class."""

    name: str
    path: str
    client_class: Any
    requests: dict[str, tuple[str, Any]]
    # A buy 2% under the book, immediate-or-cancel: LocalExchange expires it without a fill.
    order: dict[str, str]

    @property
    def light(self) -> tuple[str, Any]:
        """The lightest call: ``ping``, or ``session.status`` on the futures APIs (which have no ping)."""
        return next(iter(self.requests.values()))


MARKETS = {
    "spot": Market("spot", "/ws-api/v3", Client, {
        "ping": ("ping", None),
        "depth100": ("depth", {"symbol": "BTCUSDT", "limit": 100}),
        "depth5000": ("depth", {"symbol": "BTCUSDT", "limit": 5000}),
    }, {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "IOC", "price": "49000",
        "quantity": "0.001"}),
    "usdm": Market("usdm", "/ws-fapi/v1", UMFuturesClient, {
        "ping": ("session.status", None),
        "depth100": ("depth", {"symbol": "BTCUSDT", "limit": 100}),
        "depth1000": ("depth", {"symbol": "BTCUSDT", "limit": 1000}),
    }, {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "IOC", "price": "49000",
        "quantity": "0.010"}),
    "coinm": Market("coinm", "/ws-dapi/v1", CMFuturesClient, {
        "ping": ("session.status", None),
    }, {"symbol": "BTCUSD_PERP", "side": "BUY", "type": "LIMIT", "timeInForce": "IOC", "price": "49000.0",
        "quantity": "1"}),
}
BASE_COUNTS = {"ping": 1000, "depth100": 600, "depth1000": 200, "depth5000": 50, ORDER: 600}  # per round and side
FAST_KEY, FAST_SECRET = "bench-key", "bench-secret"  # fast_server accepts any signature

Call = Callable[[], Any]


class Server:
    """One benchmark server in its own process, and how to reach it."""

    def __init__(self, kind: str, scheme: str) -> None:
        self.kind, self.scheme = kind, scheme
        tls = ["--tls"] if scheme == "wss" else []
        if kind == "fast":
            command = [sys.executable, os.path.join(HERE, "fast_server.py"), *tls]
        else:
            # Limits lifted: this measures transport, and a minute of pings is far past 6000 weight.
            command = [sys.executable, "-m", "binance_wsapi.testing", "serve", "--book-levels", "5000",
                       "--weight-limit", "1000000000", "--orders-per-10s", "1000000000",
                       "--futures-weight-limit", "1000000000", "--futures-orders-per-10s", "1000000000",
                       "--futures-orders-per-minute", "1000000000", "--account", "hmac", *tls]
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        info = json.loads(self.proc.stdout.readline())
        self.url: str = info["url"]
        self.context = ssl.create_default_context(cafile=info["ca_file"]) if info.get("ca_file") else None
        if kind == "fast":
            self.api_key, self.api_secret = FAST_KEY, FAST_SECRET
            self.label = f"fast_server ({info['impl']})"
        else:
            account = info["accounts"][0]
            self.api_key, self.api_secret = account["api_key"], account["api_secret"]
            self.label = "LocalExchange"

    def url_for(self, market: Market) -> str:
        """The market's path on the server's host and port (the fast server answers on any path)."""
        scheme, _, rest = self.url.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}{market.path}"

    def bare(self, market: Market) -> Bare:
        return Bare(self.url_for(market), self.context)

    def client(self, market: Market) -> Any:
        client = market.client_class(self.api_key, self.api_secret, url=self.url_for(market),
                                     ssl_context=self.context, timeout=30)
        client.connect()
        return client

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(10)


class Bare:
    """The floor: one websocket-client connection, send then recv."""

    def __init__(self, url: str, context: Optional[ssl.SSLContext]) -> None:
        options: dict[str, Any] = {"sslopt": {"context": context}} if context else {}
        self.ws = websocket.create_connection(url, skip_utf8_validation=True, **options)
        self.n = 0

    def call(self, method: str, params: Any) -> Any:
        self.n += 1
        body: dict[str, Any] = {"id": self.n, "method": method}
        if params:
            body["params"] = params
        return self.send(json.dumps(body, separators=(",", ":")))

    def send(self, text: str) -> Any:
        self.ws.send(text)
        return json.loads(self.ws.recv())

    def close(self) -> None:
        self.ws.close()


_floor_orders = itertools.count(1)


def order_text(market: Market, api_key: str, secret: str) -> str:
    """A signed order.place request, as the docs spell HMAC signing (sorted params, hex digest)."""
    n = next(_floor_orders)
    params: dict[str, Any] = {**market.order, "apiKey": api_key, "newClientOrderId": f"floor-{os.getpid()}-{n}",
                              "recvWindow": 5000, "timestamp": int(time.time() * 1000)}
    payload = "&".join(f"{name}={params[name]}" for name in sorted(params))
    params["signature"] = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
    return json.dumps({"id": n, "method": ORDER, "params": params}, separators=(",", ":"))


def floor_calls(server: Server, market: Market, bare: Bare) -> dict[str, Call]:
    calls: dict[str, Call] = {name: partial(bare.call, method, params)
                              for name, (method, params) in market.requests.items()}
    if server.kind == "fast":
        calls[ORDER] = partial(bare.send, order_text(market, server.api_key, server.api_secret))
    else:
        calls[ORDER] = lambda: bare.send(order_text(market, server.api_key, server.api_secret))
    for name, call in calls.items():  # a refused floor request would time an error path
        reply = call()
        if reply.get("status") != 200:
            raise RuntimeError(f"{server.label} refused the floor's {name}: {reply}")
    return calls


def client_calls(client: Any, market: Market) -> dict[str, Call]:
    calls: dict[str, Call] = {name: partial(client.request, method, params)
                              for name, (method, params) in market.requests.items()}
    order = market.order
    calls[ORDER] = partial(client.order_place, symbol=order["symbol"], side="BUY", type="LIMIT", time_in_force="IOC",
                           price=order["price"], quantity=order["quantity"])
    return calls


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def sequential(call: Call, count: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        call()
    out = []
    clock = time.perf_counter
    for _ in range(count):
        start = clock()
        call()
        out.append(clock() - start)
    return out


def throughput(make_call: Callable[[], Call], threads: int, seconds: float) -> float:
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


@dataclass
class Results:
    """One (server, scheme, market): samples pooled over rounds, ratios kept per round."""

    floor: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in BASE_COUNTS})
    client: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in BASE_COUNTS})
    p50_ratios: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in BASE_COUNTS})
    p99_ratios: dict[str, list[float]] = field(default_factory=lambda: {name: [] for name in BASE_COUNTS})
    floor_rates: dict[int, list[float]] = field(default_factory=lambda: {n: [] for n in THREADS})
    client_rates: dict[int, list[float]] = field(default_factory=lambda: {n: [] for n in THREADS})


class Bench:
    """A server with its Client and sequential floor connection, kept across rounds."""

    def __init__(self, server: Server, market: Market) -> None:
        self.server = server
        self.market = market
        self.bare = server.bare(market)
        self.floor_calls = floor_calls(server, market, self.bare)
        self.client = server.client(market)
        self.client_calls = client_calls(self.client, market)
        self.results = Results()
        #: What this market measures, in the report's order.
        self.names = [*market.requests, ORDER]

    def run_round(self, counts: dict[str, int], seconds: float) -> None:
        results = self.results
        light_method, light_params = self.market.light
        for name in self.names:
            n = counts[name]
            # Interleave in blocks so that drift on the machine hits both sides alike.
            floor: list[float] = []
            ours: list[float] = []
            block = max(10, n // 10)
            for _ in range(max(1, n // block)):
                floor += sequential(self.floor_calls[name], block, warmup=5)
                ours += sequential(self.client_calls[name], block, warmup=5)
            results.floor[name] += floor
            results.client[name] += ours
            results.p50_ratios[name].append(statistics.median(ours) / statistics.median(floor))
            results.p99_ratios[name].append(percentile(ours, 0.99) / percentile(floor, 0.99))
        # Every thread count, floor then client, in one round: a 16/1 ratio compares runs
        # seconds apart, since this machine's speed drifts in ~10 s waves.
        for threads in THREADS:
            bares: list[Bare] = []

            def make_bare() -> Call:
                bare = self.server.bare(self.market)
                bares.append(bare)
                return partial(bare.call, light_method, light_params)

            results.floor_rates[threads].append(throughput(make_bare, threads, seconds))
            for bare in bares:
                bare.close()
            light = self.client_calls["ping"]
            results.client_rates[threads].append(throughput(lambda: light, threads, seconds))

    def report(self, rounds: int) -> None:
        results, server = self.results, self.server
        light = self.market.light[0]
        print(f"\n## server: {server.label} in a separate process at {server.url_for(self.market)}, "
              f"{self.market.name} ({rounds} rounds; 'ping' is {light})")
        print(f"{'sequential':<12}{'floor p50':>12}{'client p50':>12}{'ratio':>8}{'floor p99':>12}{'client p99':>12}"
              f"{'ratio':>8}   by round: p50 ratio min/med/max, p99 ratio")
        for name in self.names:
            floor, ours = results.floor[name], results.client[name]
            f50, c50, f99, c99 = statistics.median(floor), statistics.median(ours), percentile(floor, 0.99), percentile(ours, 0.99)
            print(f"{name:<12}{f50 * 1e6:>10.0f}us{c50 * 1e6:>10.0f}us{c50 / f50:>7.2f}x"
                  f"{f99 * 1e6:>10.0f}us{c99 * 1e6:>10.0f}us{c99 / f99:>7.2f}x"
                  f"   {spread(results.p50_ratios[name])}, {spread(results.p99_ratios[name])}")
        print(f"\n{'ping calls/s':<12}{'floor':>12}{'client':>12}{'ratio':>8}   (median of {rounds} rounds)")
        for threads in THREADS:
            floor_rate = statistics.median(results.floor_rates[threads])
            rate = statistics.median(results.client_rates[threads])
            ratios = [c / f for c, f in zip(results.client_rates[threads], results.floor_rates[threads])]
            print(f"{threads:>2} threads  {floor_rate:>12,.0f}{rate:>12,.0f}{rate / floor_rate:>7.2f}x"
                  f"   client runs: {', '.join(f'{r:,.0f}' for r in results.client_rates[threads])}"
                  f"; ratio by round {spread(ratios)}")
        p50 = statistics.median(results.client["ping"]) / statistics.median(results.floor["ping"])
        fast = self.server.kind == "fast"
        print(f"\nClient ping p50 vs floor: {p50:.2f}x (target <= {1.3 if fast else 1.15}x)")
        deepest = [name for name in self.names if name.startswith("depth")][-1:]
        for name in deepest if fast else ():
            book = statistics.median(results.client[name]) / statistics.median(results.floor[name])
            print(f"Client {name} p50 vs floor: {book:.2f}x (target <= 1.0x)")
        scaling = self.scaling()
        print(f"Client 16-thread vs 1-thread ping throughput: {statistics.median(scaling):.2f}x median of rounds "
              f"({', '.join(f'{r:.2f}' for r in scaling)}) (target >= 1.5x)")

    def scaling(self) -> list[float]:
        rates = self.results.client_rates
        return [big / one for big, one in zip(rates[16], rates[1])]

    def close(self) -> None:
        self.client.close()
        self.bare.close()


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}/{statistics.median(values):.2f}/{max(values):.2f}"


def summary(benches: list[Bench]) -> None:
    """One line per (server, scheme, market): the median over rounds of each client/floor ratio."""
    columns = [*BASE_COUNTS, *(f"{n} thr" for n in THREADS), "16/1"]
    print("\n## summary: client/floor, median of per-round ratios (p50 for sequential; calls/s for threads;"
          " futures' ping is session.status)")
    print(f"{'server':<26}" + "".join(f"{c:>12}" for c in columns))
    for bench in benches:
        r = bench.results
        cells = [f"{statistics.median(r.p50_ratios[name]):>11.2f}x" if r.p50_ratios[name] else f"{'-':>12}"
                 for name in BASE_COUNTS]
        values = [statistics.median([c / f for c, f in zip(r.client_rates[n], r.floor_rates[n])]) for n in THREADS]
        values.append(statistics.median(bench.scaling()))
        cells += [f"{v:>11.2f}x" for v in values]
        label = f"{bench.server.kind} {bench.server.scheme} {bench.market.name}"
        print(f"{label:<26}" + "".join(cells))


# Peak RSS is VmHWM where there is /proc: ru_maxrss of a child of this process reports this
# (parent's) RSS at fork, far above what a bare interpreter takes.
_IMPORT_PROBE = """
import resource, sys, time
before = len(sys.modules)
start = time.perf_counter()
{statement}
seconds = time.perf_counter() - start
try:
    with open("/proc/self/status") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
print(seconds, peak_kb, len(sys.modules) - before)
"""


def import_cost(runs: int = 3) -> None:
    """Time (best of `runs` fresh interpreters), peak RSS and modules added by each import."""

    def probe(statement: str) -> tuple[float, float, int]:
        samples = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", _IMPORT_PROBE.format(statement=statement)],
                                 capture_output=True, text=True, check=True, cwd=os.path.dirname(HERE)).stdout
            seconds, rss_kb, modules = out.split()
            samples.append((float(seconds), int(rss_kb) / 1024, int(modules)))
        return min(s[0] for s in samples), statistics.median(s[1] for s in samples), samples[0][2]

    _, base_rss, _ = probe("pass")
    parts = []
    for module in ("binance_wsapi", "websocket"):
        seconds, rss, modules = probe(f"import {module}")
        parts.append(f"import {module}: {seconds * 1e3:.0f} ms, +{rss - base_rss:.1f} MB peak RSS, +{modules} modules")
    note = ""
    if importlib.util.find_spec("python_socks"):
        # picows requires python-socks, and websocket-client imports it when present (SOCKS proxies).
        note = "; python-socks is installed, which websocket-client imports too"
    print(f"# {'; '.join(parts)} (bare interpreter {base_rss:.1f} MB; best of {runs} fresh processes{note})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=("local", "fast"), help="only this server (default: fast, then local)")
    parser.add_argument("--scheme", choices=("ws", "wss", "both"), default="both")
    parser.add_argument("--rounds", "--repeat", type=int, default=3, help="rounds, each running every measurement")
    parser.add_argument("--seconds", type=float, default=0.5, help="duration of each throughput run")
    parser.add_argument("--quick", action="store_true", help="fewer samples, one round (a smoke run)")
    parser.add_argument("--market", choices=(*MARKETS, "all"), default="all", help="which API's client (default: all)")
    parser.add_argument("--stdlib-json", action="store_true", help="parse with the standard library even if orjson is installed")
    args = parser.parse_args()
    if args.stdlib_json:
        binance_wsapi.protocol.FAST_LOADS = None
    counts = dict(BASE_COUNTS)
    if args.quick:
        counts = {k: max(20, v // 10) for k, v in counts.items()}
        args.seconds = min(args.seconds, 0.25)
        args.rounds = 1
    kinds = [args.server] if args.server else ["fast", "local"]
    markets = list(MARKETS.values()) if args.market == "all" else [MARKETS[args.market]]
    schemes = ["ws", "wss"] if args.scheme == "both" else [args.scheme]

    parser_name = "orjson" if binance_wsapi.protocol.FAST_LOADS is not None else "the standard library's json"
    print(f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"websocket-client {websocket.__version__}; the client parses with {parser_name}, the floor with json")
    import_cost()
    done: list[Bench] = []
    for kind in kinds:
        benches: list[Bench] = []
        try:
            for scheme in schemes:
                server = Server(kind, scheme)
                try:
                    for market in markets:
                        benches.append(Bench(server, market))
                except BaseException:
                    server.close()
                    raise
            # Schemes alternate within each round, so that ws and wss see the same drift.
            for _ in range(args.rounds):
                for bench in benches:
                    bench.run_round(counts, args.seconds)
        finally:
            servers = {id(bench.server): bench.server for bench in benches}
            for bench in benches:
                bench.close()
            for server in servers.values():
                server.close()
        for bench in benches:
            bench.report(args.rounds)
        done += benches
    summary(done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
