"""A latency-floor Binance WebSocket API server: pre-serialised answers, no checks at all.

    python benchmarks/fast_server.py [--tls] [--impl auto|picows|websockets]

LocalExchange spends ~200 us on each reply (a matching engine, rate limits, signature
checks), which hides what the client itself costs. This server does as little as a
websocket server can: every answer is built once at start as a byte template, and a
request's ``id`` is spliced in front of it (``b'{"id":' + id + rest``). It answers

* ``ping`` -> ``{}``; ``time`` and ``session.status`` (the futures APIs' clock) -> the current
  serverTime (live: a client keeps a clock offset from it);
* ``depth`` -> a fixed book of 5000 (or 1000, futures' largest) levels a side if the request
  asks for that ``"limit"``, else of 100;
* ``order.place`` -> a fixed FULL response of a resting LIMIT order (status NEW, no fills),
  whatever was asked, on any path (Spot's or a futures API's: the server ignores paths);
  nothing is signed-checked, so any HMAC secret will do;
* ``session.logon`` -> success; anything else -> a 400 error.

No ``rateLimits`` array is sent: parsing it would cost a client and the bare loop alike,
and the point here is what differs between them.

It prints one JSON line (``url``, ``ca_file``: the CA to trust with ``--tls``, else null,
``impl``) once listening, and exits when stdin closes, like
``python -m binance_wsapi.testing serve``.

Backends: ``picows`` (``pip install picows``: not a dependency of the package; ``auto`` uses
it when it is installed), else the ``websockets`` library's asyncio server. A bare
websocket-client ping loop measured ~35 us against picows, ~80 us against websockets'
asyncio server and ~95 us against its threaded sync server (on a quiet moment of a 2-core
VM; under load all three drift to 120-170 us, the kernel's wake-ups then dominate).
Building an answer costs ~0.7 us (a depth of 5000 levels: ~9 us, copying its 320 kB).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import ssl
import sys
import threading
import time
from typing import Any, Callable, Optional

from binance_wsapi.testing.tls import make_certificates

Answer = Callable[[bytes], bytes]  # request payload -> response payload

_HEAD = b'{"id":'
_METHOD = b'"method":"'


def _ok(result: Any) -> bytes:
    """The part of a success response after the id."""
    return b',"status":200,"result":' + json.dumps(result, separators=(",", ":")).encode() + b"}"


def _book(levels: int) -> dict[str, Any]:
    return {
        "lastUpdateId": 1027024,
        "bids": [[f"{49999.99 - i * 0.01:.8f}", "1.00000000"] for i in range(levels)],
        "asks": [[f"{50000.01 + i * 0.01:.8f}", "1.00000000"] for i in range(levels)],
    }


# The FULL response of a LIMIT order that rests (web-socket-api.md, "order.place").
_ORDER = {
    "symbol": "BTCUSDT",
    "orderId": 12569099453,
    "orderListId": -1,
    "clientOrderId": "4d96324ff9d44481926157ec08158a40",
    "transactTime": 1660801715639,
    "price": "49000.00000000",
    "origQty": "0.00100000",
    "executedQty": "0.00000000",
    "origQuoteOrderQty": "0.000000",
    "cummulativeQuoteQty": "0.00000000",
    "status": "NEW",
    "timeInForce": "GTC",
    "type": "LIMIT",
    "side": "BUY",
    "workingTime": 1660801715639,
    "selfTradePreventionMode": "NONE",
    "fills": [],
}

_FIXED = {
    b"ping": _ok({}),
    b"order.place": _ok(_ORDER),
    b"session.logon": _ok({"apiKey": "bench", "authorizedSince": 1660801715639, "connectedSince": 1660801715639,
                           "returnRateLimits": False, "serverTime": 1660801715639, "userDataStream": False}),
}
_DEPTH = {100: _ok(_book(100)), 1000: _ok(_book(1000)), 5000: _ok(_book(5000))}
_UNKNOWN = b',"status":400,"error":{"code":-1100,"msg":"fast_server does not answer this method."}}'


def _split(payload: bytes) -> tuple[bytes, bytes]:
    """The raw id and the method of a request.

    Clients put ``{"id":N,"method":"..."`` first, so two finds do; json.loads is the fallback
    for any other layout (its id is then re-rendered as JSON).
    """
    if payload.startswith(_HEAD):
        comma = payload.find(b",", 6)
        if comma > 6 and payload.startswith(_METHOD, comma + 1):
            start = comma + 1 + len(_METHOD)
            return payload[6:comma], payload[start:payload.find(b'"', start)]
    request = json.loads(payload)
    return json.dumps(request.get("id")).encode(), str(request.get("method")).encode()


def answer(payload: bytes) -> bytes:
    request_id, method = _split(payload)
    rest = _FIXED.get(method)
    if rest is None:
        if method == b"depth":
            rest = _DEPTH[5000 if b'"limit":5000' in payload else 1000 if b'"limit":1000' in payload else 100]
        elif method == b"time":
            rest = b',"status":200,"result":{"serverTime":%d}}' % (time.time_ns() // 1_000_000)
        elif method == b"session.status":  # the futures APIs' clock (and lightest call)
            rest = (b',"status":200,"result":{"apiKey":null,"authorizedSince":null,"connectedSince":1660801715639,'
                    b'"returnRateLimits":false,"serverTime":%d}}' % (time.time_ns() // 1_000_000))
        else:
            rest = _UNKNOWN
    return _HEAD + request_id + rest


async def _serve_picows(context: Optional[ssl.SSLContext], ready: Callable[[int], None], done: asyncio.Future[Any]) -> None:
    import picows

    text = picows.WSMsgType.TEXT

    class Listener(picows.WSListener):
        def on_ws_frame(self, transport: picows.WSTransport, frame: picows.WSFrame) -> None:
            if frame.msg_type == text:
                transport.send(text, answer(frame.get_payload_as_bytes()))
            elif frame.msg_type == picows.WSMsgType.CLOSE:
                transport.send_close(frame.get_close_code())
                transport.disconnect()

    # Handshakes are not timed: a client may take its time to send its upgrade request.
    server = await picows.ws_create_server(lambda _request: Listener(), "127.0.0.1", 0, ssl=context,
                                           websocket_handshake_timeout=None, max_frame_size=1 << 26)
    ready(server.sockets[0].getsockname()[1])
    await done
    server.close()


async def _serve_websockets(context: Optional[ssl.SSLContext], ready: Callable[[int], None], done: asyncio.Future[Any]) -> None:
    from websockets.asyncio.server import ServerConnection, serve
    from websockets.exceptions import ConnectionClosed

    async def handler(ws: ServerConnection) -> None:
        try:
            while True:
                # decode=False: text frames as bytes, not decoded; text=True: sent as TEXT as they are.
                await ws.send(answer(await ws.recv(decode=False)), text=True)
        except ConnectionClosed:
            pass

    async with serve(handler, "127.0.0.1", 0, ssl=context, compression=None, max_size=None,
                     ping_interval=None, open_timeout=None) as server:
        server_socket = next(iter(server.sockets))
        ready(server_socket.getsockname()[1])
        await done


def _run(impl: str, context: Optional[ssl.SSLContext], ready: Callable[[int], None]) -> None:
    serve = _serve_picows if impl == "picows" else _serve_websockets

    async def run() -> None:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[Any] = loop.create_future()
        # Reading stdin blocks: a thread does it, then ends the loop.
        threading.Thread(target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(done.set_result, None)),
                         daemon=True).start()
        await serve(context, ready, done)

    asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tls", action="store_true", help="serve wss:// with a throwaway CA (ca_file in the output)")
    parser.add_argument("--impl", choices=("auto", "picows", "websockets"), default="auto")
    args = parser.parse_args()
    impl = args.impl
    if impl == "auto":
        try:
            import picows  # noqa: F401
            impl = "picows"
        except ImportError:
            impl = "websockets"
    certs = make_certificates() if args.tls else None

    def ready(port: int) -> None:
        scheme = "wss" if certs else "ws"
        # The certificate names 127.0.0.1 too, so wss:// checks out without resolving localhost.
        print(json.dumps({"url": f"{scheme}://127.0.0.1:{port}/", "ca_file": certs and certs.ca_file, "impl": impl}),
              flush=True)

    context = certs.server_context() if certs else None
    try:
        _run(impl, context, ready)
    finally:
        if certs:
            certs.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
