"""The transport under load and under hostile input, over ws:// and wss:// alike.

    situation                                    expected outcome
    16 threads of pings, depth(5000), orders     every call answered; one connection, never lost
    KeyboardInterrupt inside a socket write      that connection is dropped; the next call works
    JSON nested 100,000 deep                     protocol error: this connection, not the client
    invalid UTF-8 in a text frame                protocol error: in flight fails at once, reconnect
    a response id of true or 7.0                 matches no request (ids match by type and value)
    a 4 MB ping                                  protocol error (RFC 6455: at most 125 bytes)
    rateLimits that is not a list of objects     ignored; the request completes, the client lives on
"""

from __future__ import annotations

import struct
import threading
from typing import Any, Callable

import pytest

from binance_wsapi import Client, ConnectionLost, RequestTimeout
from binance_wsapi import transport as transport_module
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import Kinds, LogWatcher, client_kwargs

pytestmark = pytest.mark.both_schemes

S = "BTCUSDT"


def server_frame(opcode: int, payload: bytes) -> bytes:
    """An unmasked, final server frame, built by hand so it can break the rules."""
    n = len(payload)
    if n < 126:
        header = bytes((0x80 | opcode, n))
    elif n < 65536:
        header = struct.pack("!BBH", 0x80 | opcode, 126, n)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 127, n)
    return header + payload


def test_sixteen_threads_share_one_connection_without_a_false_disconnect(
    make_exchange: Callable[..., LocalExchange],
) -> None:
    """16 threads of pings, depth(5000) and orders over one connection: no call fails, it is never lost."""
    exchange = make_exchange(orders_per_10s=10**9, orders_per_day=10**12, weight_limit=10**9)
    account = exchange.create_account({"USDT": "100000000", "BTC": "1000"})
    kinds = Kinds()
    errors: list[BaseException] = []
    with exchange.client(account, timeout=30) as client:
        client.add_connection_handler(kinds)
        client.connect()

        def work(n: int) -> None:
            # Mostly small round trips, where reads and writes overlap most often (the bug this
            # guards against showed about one false disconnect per 2 s here); some large books.
            for i in range(1500):
                try:
                    if i % 250 == n:
                        assert len(client.depth(symbol=S, limit=5000)["bids"]) == 5000
                    elif i % 10 == 5:  # far below the book and IOC: expires at once, leaves nothing open
                        order = client.order_place(
                            symbol=S, side="BUY", type="LIMIT", time_in_force="IOC", price="1000", quantity="0.01"
                        )
                        assert order["status"] == "EXPIRED"
                    elif i % 2:
                        assert len(client.depth(symbol=S, limit=100)["asks"]) == 100
                    else:
                        assert client.ping() == {}
                except BaseException as exc:  # noqa: BLE001 - every failure is the finding
                    errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not errors, errors[:3]
        assert kinds.kinds == ["connected"]
        assert exchange.connections_accepted == 1
        assert client.stats.reconnects == 0


def test_keyboard_interrupt_inside_a_write_drops_only_that_connection(
    exchange: LocalExchange, account: LocalAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a request is being written kills that connection; later calls reconnect and work."""
    with exchange.client(account, timeout=5) as client:
        client.connect()
        kinds = Kinds()
        client.add_connection_handler(kinds)
        transport_class = transport_module.TlsTransport if exchange.tls else transport_module.PlainTransport
        real_send = transport_class.send
        armed = [True]

        def interrupted(self: Any, data: Any, timeout: Any = None) -> None:
            if armed[0]:
                armed[0] = False
                raise KeyboardInterrupt
            real_send(self, data, timeout)

        monkeypatch.setattr(transport_class, "send", interrupted)
        with pytest.raises(KeyboardInterrupt):
            client.ping()
        kinds.wait_for("disconnected")
        assert client.ping() == {}
        assert client.account_status()["balances"]
        assert exchange.connections_accepted == 2


@pytest.mark.parametrize(
    "send, logged",
    [
        (lambda ex: ex.send_raw("[" * 100_000 + "]" * 100_000), "nested too deeply"),
        (lambda ex: ex.send_frame_bytes(server_frame(0x1, b'{"id": "\xff\xfe"}')), "not valid UTF-8"),
    ],
    ids=["nested-100k-deep", "invalid-utf8"],
)
def test_an_undecodable_frame_costs_the_connection_not_the_client(
    exchange: LocalExchange, account: LocalAccount, logs: LogWatcher, send: Callable[[LocalExchange], None], logged: str
) -> None:
    """JSON nested 100,000 deep, or invalid UTF-8: a protocol error; in flight fails at once, the client reconnects."""
    with exchange.client(account, timeout=5) as client:
        client.connect()
        exchange.never_answer("depth", times=1)
        stuck = client.futures.depth(symbol=S, timeout=30)
        assert exchange.wait_until(lambda ex: ex.request_count("depth") == 1)
        send(exchange)
        assert type(stuck.exception(5)) is ConnectionLost
        assert logged in logs.wait_for(lambda r: "lost" in r.getMessage()).getMessage()
        assert client.ping() == {} and not client.closed
        assert exchange.connections_accepted == 2


@pytest.mark.parametrize("fake_id", ["true", "1.0"])
def test_response_ids_match_by_type_and_value(exchange: LocalExchange, logs: LogWatcher, fake_id: str) -> None:
    """A response id of true or 1.0 completes no request with id 1: that request still times out."""
    with Client(timeout=5, **client_kwargs(exchange)) as client:  # no key: the first request has id 1
        exchange.never_answer("ping", times=1)
        first = client.futures.ping(timeout=1)
        assert exchange.wait_until(lambda ex: ex.request_count("ping") == 1)
        exchange.send_raw('{"id": %s, "status": 200, "result": {"forged": true}}' % fake_id)
        logs.wait_for(lambda r: "unknown id" in r.getMessage())
        assert type(first.exception(5)) is RequestTimeout


def test_oversized_ping_is_a_protocol_error(exchange: LocalExchange, account: LocalAccount, logs: LogWatcher) -> None:
    """A 4 MB ping is refused as a protocol error (control frames carry at most 125 bytes), not echoed."""
    with exchange.client(account, timeout=5) as client:
        client.connect()
        pongs_before = exchange.pongs_received
        exchange.send_frame_bytes(server_frame(0x9, b"x" * (4 << 20)))
        assert "RFC 6455 allows 125" in logs.wait_for(lambda r: "lost" in r.getMessage()).getMessage()
        assert client.ping() == {}
        assert exchange.connections_accepted == 2 and exchange.pongs_received == pongs_before


def test_unanswered_request_still_times_out_on_a_quiet_connection(exchange: LocalExchange) -> None:
    """With blocking reads and no socket timeout, a call that gets no answer still ends at its deadline."""
    with Client(timeout=5, **client_kwargs(exchange)) as client:
        client.connect()
        exchange.never_answer("ping", times=1)
        with pytest.raises(RequestTimeout):
            client.ping(timeout=0.3)
        assert client.ping() == {}


@pytest.mark.parametrize("rate_limits", ["1", '"x"', '{"a": 1}', '[1, null, {"rateLimitType": []}]'])
def test_malformed_rate_limits_are_ignored(exchange: LocalExchange, rate_limits: str) -> None:
    """A response whose rateLimits is not Binance's list of objects completes its request; the client lives on."""
    with Client(timeout=5, **client_kwargs(exchange)) as client:  # no key: the first request has id 1
        exchange.never_answer("ping", times=1)
        first = client.futures.ping()
        assert exchange.wait_until(lambda ex: ex.request_count("ping") == 1)
        exchange.send_raw('{"id": null, "status": 200, "rateLimits": %s}' % rate_limits)
        exchange.send_raw('{"id": 1, "status": 200, "result": {}, "rateLimits": %s}' % rate_limits)
        assert first.result(5) == {}
        assert client.ping() == {} and not client.closed
