"""The command line: ``python -m binance_wsapi`` (also installed as ``binance-wsapi``).

``demo``: a short session against a LocalExchange on this machine. ``call METHOD name=value ...``:
one request, its result printed as JSON, for quick checks (keys from ``BINANCE_API_KEY`` and
``BINANCE_API_SECRET``, or ``--key-file`` for a PEM private key).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import threading
import time
from datetime import datetime, timezone
from typing import Any

from . import CMFuturesClient, Client, UMFuturesClient, __version__


def _balances(client: Client) -> dict[str, tuple[str, str]]:
    rows = client.account_status(omit_zero_balances=True)["balances"]
    return {row["asset"]: (row["free"], row["locked"]) for row in rows}


def _print_balances(label: str, balances: dict[str, tuple[str, str]]) -> None:
    text = ", ".join(f"{asset} {free} free / {locked} locked" for asset, (free, locked) in sorted(balances.items()))
    print(f"  {label:<8}{text}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def demo(pings: int) -> int:
    try:
        from .testing import LocalExchange
    except ImportError as exc:
        print(f"The demo runs a local exchange, which needs the testing extra: {exc}", file=sys.stderr)
        print("  pip install 'binance-wsapi[testing]'", file=sys.stderr)
        return 2

    with LocalExchange(book_levels=200) as exchange:
        print(f"binance-wsapi {__version__} demo, against a LocalExchange at {exchange.url}")
        print("(a local, offline exchange that speaks the Binance Spot WebSocket API; no real money)\n")
        account = exchange.create_account({"USDT": "10000", "BTC": "0.5"}, key_type="ed25519")
        print(f"Created an Ed25519 account, api_key {account.api_key[:8]}…; the client logs on with session.logon.\n")

        with Client(account.api_key, account.api_secret, url=exchange.url, timeout=5) as client:
            started = time.perf_counter()
            client.connect()
            print(f"connect + clock sync + session.logon   {_ms(time.perf_counter() - started)}")

            started = time.perf_counter()
            result = client.ping()
            print(f"ping                                   {_ms(time.perf_counter() - started)}  -> {result}")

            server_ms = client.time()["serverTime"]
            offset = client.sync_clock()
            when = datetime.fromtimestamp(server_ms / 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
            print(f"server time                            {when} UTC, clock offset {offset * 1000:+.2f} ms")

            book = client.depth(symbol="BTCUSDT", limit=5)
            print("\norder book BTCUSDT (top 5)")
            print(f"  {'bid qty':>12} {'bid price':>14} | {'ask price':<14} {'ask qty':<12}")
            for (bid_price, bid_qty), (ask_price, ask_qty) in zip(book["bids"], book["asks"]):
                print(f"  {bid_qty:>12} {bid_price:>14} | {ask_price:<14} {ask_qty:<12}")

            print("\nbalances")
            _print_balances("before", _balances(client))
            order = client.order_place(
                symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="49000.00", quantity="0.01000"
            )
            _print_balances("resting", _balances(client))
            print(
                f"\nplaced   LIMIT BUY 0.01 BTC @ 49000.00   orderId {order['orderId']} "
                f"clientOrderId {order['clientOrderId']} -> {order['status']}"
            )
            status = client.order_status(symbol="BTCUSDT", order_id=order["orderId"])
            print(f"queried  orderId {status['orderId']} -> {status['status']}, executed {status['executedQty']}")
            cancelled = client.order_cancel(symbol="BTCUSDT", order_id=order["orderId"])
            print(f"canceled orderId {cancelled['orderId']} -> {cancelled['status']}\n")
            _print_balances("after", _balances(client))

            samples = []
            for _ in range(pings):
                started = time.perf_counter()
                client.ping()
                samples.append(time.perf_counter() - started)
            samples.sort()
            print(
                f"\nround trip over {pings} pings: p50 {_ms(statistics.median(samples))}, "
                f"p99 {_ms(samples[int(0.99 * (len(samples) - 1))])}, min {_ms(samples[0])}"
            )
            weight = [limit for limit in client.rate_limits if limit.rate_limit_type == "REQUEST_WEIGHT"]
            if weight:
                print(f"request weight used this minute: {weight[0].count} of {weight[0].limit}")

    leftover = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    print(f"\nclosed the client and the exchange; threads left running: {leftover or 'none'}")
    return 0 if not leftover else 1


def _value(text: str) -> Any:
    """A command-line value as the wire wants it: digits as an int, true/false, a JSON list; else text.

    Decimals stay text (``price=0.10`` is sent as "0.10", exactly as written).
    """
    if text.isascii() and text.isdigit():
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    if text.startswith("["):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def call(args: argparse.Namespace) -> int:
    from .exceptions import BinanceWSAPIError

    params: dict[str, Any] = {}
    for item in args.params:
        name, sep, text = item.partition("=")
        if not sep or not name:
            print(f"{item!r}: give parameters as name=value (for example symbol=BTCUSDT)", file=sys.stderr)
            return 2
        params[name] = _value(text)
    api_key = os.environ.get("BINANCE_API_KEY")
    secret: Any = os.environ.get("BINANCE_API_SECRET")
    if args.key_file:
        with open(args.key_file, "rb") as f:
            secret = f.read()
    if (api_key is None) != (secret is None):
        print("set both BINANCE_API_KEY and BINANCE_API_SECRET (or --key-file), or neither", file=sys.stderr)
        return 2
    kwargs: dict[str, Any] = {"timeout": args.timeout}
    if args.url:
        kwargs["url"] = args.url
    try:
        cls = {"spot": Client, "usdm": UMFuturesClient, "coinm": CMFuturesClient}[args.market]
        factory = cls.testnet if args.testnet else cls
        with factory(api_key, secret, **kwargs) as client:
            response = client.request(args.method, params or None)
    except BinanceWSAPIError as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(response.result, indent=None if args.compact else 2, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="binance-wsapi", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"binance-wsapi {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("demo", help="a short session against a local exchange (offline)")
    run.add_argument("--pings", type=int, default=200, help="pings for the latency figures")
    run.add_argument("-v", "--verbose", action="store_true", help="log the client's DEBUG output")
    one = sub.add_parser("call", help="send one request and print its result as JSON")
    one.add_argument("method", help="the wire method, for example depth or order.status")
    one.add_argument("params", nargs="*", metavar="name=value", help="wire parameters, for example symbol=BTCUSDT")
    one.add_argument("--url", help="the WebSocket API URL (default: Binance's production endpoint)")
    one.add_argument("--testnet", action="store_true", help="use the API's testnet")
    one.add_argument("--market", choices=("spot", "usdm", "coinm"), default="spot",
                     help="which WebSocket API: Spot (default), USDⓈ-M or COIN-M Futures")
    one.add_argument("--key-file", help="a PEM private key (Ed25519 or RSA) instead of BINANCE_API_SECRET")
    one.add_argument("--timeout", type=float, default=10.0, help="seconds for the whole call (default 10)")
    one.add_argument("--compact", action="store_true", help="one line of JSON")
    args = parser.parse_args(argv)
    if args.command == "call":
        return call(args)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(threadName)s %(message)s")
        logging.getLogger("websockets").setLevel(logging.WARNING)
    return demo(args.pings)


if __name__ == "__main__":
    sys.exit(main())
