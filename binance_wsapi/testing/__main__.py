"""Run a LocalExchange in its own process: ``python -m binance_wsapi.testing serve``.

Prints one JSON line: ``url`` (the WebSocket API), ``rest_url`` (the REST API and the admin
channel, ``POST {rest_url}/_local/<knob>``), ``ca_file`` with ``--tls`` (the CA to trust;
null without) and the credentials of the accounts asked for (``--accounts N`` of
``--key-type``, and ``--account TYPE`` each). Then serves until stdin closes or the process
is interrupted. Any client can be pointed at it; benchmarks use it so that the server does
not share the client's GIL.
"""

from __future__ import annotations

import argparse
import json
import sys

from .server import LocalExchange


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m binance_wsapi.testing")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve a LocalExchange until stdin closes")
    serve.add_argument("--port", type=int, default=0)
    serve.add_argument("--book-levels", type=int, default=5000)
    serve.add_argument("--weight-limit", type=int, default=6000, help="REQUEST_WEIGHT per minute (enforced)")
    serve.add_argument("--orders-per-10s", type=int, default=100, help="ORDERS per 10 seconds (enforced)")
    serve.add_argument("--orders-per-day", type=int, default=200000, help="ORDERS per day (enforced)")
    serve.add_argument("--tls", action="store_true", help="serve wss:// with a throwaway CA (ca_file in the output)")
    serve.add_argument("--accounts", type=int, default=0, metavar="N", help="create N accounts of --key-type")
    serve.add_argument("--key-type", choices=("ed25519", "rsa", "hmac"), default="ed25519")
    serve.add_argument("--account", choices=("ed25519", "rsa", "hmac"), action="append", default=[],
                       help="create an account with this key type (repeatable)")
    serve.add_argument("--event-order", choices=("events_first", "answer_first", "random"), default="events_first",
                       help="user data events before or after the answer to the request that caused them")
    serve.add_argument("--seed", type=int, default=None, help="seed for --event-order random")
    serve.add_argument("--futures-weight-limit", type=int, default=2400,
                       help="REQUEST_WEIGHT per minute of both futures APIs together (enforced)")
    serve.add_argument("--futures-orders-per-10s", type=int, default=300, help="futures ORDERS per 10 s (enforced)")
    serve.add_argument("--futures-orders-per-minute", type=int, default=1200, help="futures ORDERS a minute (enforced)")
    args = parser.parse_args(argv)
    with LocalExchange(port=args.port, book_levels=args.book_levels, weight_limit=args.weight_limit,
                       orders_per_10s=args.orders_per_10s, orders_per_day=args.orders_per_day, tls=args.tls,
                       event_order=args.event_order, seed=args.seed, futures_weight_limit=args.futures_weight_limit,
                       futures_orders_per_10s=args.futures_orders_per_10s,
                       futures_orders_per_minute=args.futures_orders_per_minute) as exchange:
        accounts = [
            exchange.create_account({"USDT": "1000000", "BTC": "100"}, key_type=key_type)
            for key_type in [args.key_type] * args.accounts + args.account
        ]
        print(json.dumps({
            "url": exchange.url,
            "usdm_url": exchange.url_for("usdm"),
            "coinm_url": exchange.url_for("coinm"),
            "rest_url": exchange.rest_url,
            "ca_file": exchange.ca_file,
            "accounts": [{"api_key": a.api_key, "api_secret": a.api_secret, "key_type": a.key_type} for a in accounts],
        }), flush=True)
        try:
            sys.stdin.read()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
