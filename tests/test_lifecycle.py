"""Connecting, closing, abandoning, thread death, callbacks, and what reaches the logs."""

from __future__ import annotations

import gc
import socket
import subprocess
import sys
import threading
import time
import weakref
from typing import Callable

import pytest

from binance_wsapi import (
    Client,
    ClientClosed,
    ConnectFailed,
    ExecutionStatusUnknown,
    IOThreadDied,
    RequestTimeout,
    StatusUnknownClientClosed,
    Timeout,
)
from binance_wsapi import protocol as protocol_module
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import LogWatcher, library_threads

pytestmark = pytest.mark.both_schemes

ORDER = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", "price": "45000", "quantity": "0.01"}


def test_first_call_connects_lazily(exchange: LocalExchange, account: LocalAccount) -> None:
    """Creating a client opens nothing; the first call connects."""
    with exchange.client(account) as client:
        assert exchange.connections_accepted == 0 and client.threads == []
        client.ping()
        assert exchange.connections_accepted == 1


def test_connect_fails_fast_when_nothing_listens() -> None:
    """With no server, the first call raises ConnectFailed at once rather than at its deadline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but not listening: connections are refused
        with Client(url=f"ws://127.0.0.1:{port}/ws-api/v3", timeout=10) as client:
            started = time.monotonic()
            with pytest.raises(ConnectFailed, match="could not connect"):
                client.ping()
            with pytest.raises(ConnectFailed):
                client.connect(timeout=10)
            assert time.monotonic() - started < 5


def test_close_fails_pending_requests_and_stops_threads(exchange: LocalExchange, account: LocalAccount) -> None:
    """close() fails in-flight requests with ClientClosed (orders as unknown) and joins its threads."""
    client = exchange.client(account, timeout=30)
    client.connect()
    exchange.never_answer("order.place", execute=True)
    exchange.never_answer("depth")
    order = client.request_future("order.place", ORDER)
    book = client.request_future("depth", {"symbol": "BTCUSDT"})
    assert exchange.wait_until(lambda ex: ex.request_count("depth") == 1 and ex.request_count("order.place") == 1)
    threads = client.threads
    client.close()
    assert type(order.exception(1)) is StatusUnknownClientClosed
    assert type(book.exception(1)) is ClientClosed
    assert not [t for t in threads if t.is_alive()]
    client.close()  # idempotent


def test_closed_client_refuses_calls_at_once(client: Client) -> None:
    """After close(), every call raises ClientClosed immediately; connect() does not reopen."""
    client.ping()
    client.close()
    assert client.closed
    with pytest.raises(ClientClosed):
        client.ping()
    with pytest.raises(ClientClosed):
        client.futures.ping()
    with pytest.raises(ClientClosed, match="create a new Client"):
        client.connect()


def test_close_from_an_event_handler(exchange: LocalExchange, account: LocalAccount) -> None:
    """An event handler may close the client; it runs off the I/O thread, so nothing deadlocks."""
    client = exchange.client(account)
    seen: list[str] = []
    closed = threading.Event()

    def handler(event: dict) -> None:
        seen.append(threading.current_thread().name)
        client.close()
        closed.set()

    client.add_event_handler(handler)
    client.connect()
    exchange.send_server_shutdown(close_after=None)
    assert closed.wait(5)
    assert seen[0].endswith("-callbacks") and client.closed


def test_done_callbacks_run_on_the_callback_thread(client: Client) -> None:
    """Future callbacks never run on the I/O thread."""
    ran_on: list[str] = []
    done = threading.Event()
    client.connect()
    future = client.futures.ping()
    future.add_done_callback(lambda f: (ran_on.append(threading.current_thread().name), done.set()))
    assert done.wait(5)
    assert ran_on[0] in (threading.current_thread().name, f"{client.name}-callbacks")
    assert "-io-" not in ran_on[0]


def test_abandoned_client_is_cleaned_up(exchange: LocalExchange, account: LocalAccount) -> None:
    """A client dropped without close() (a re-run notebook cell) closes its threads and socket."""
    client = exchange.client(account)
    client.ping()
    threads = client.threads
    ref = weakref.ref(client)
    del client
    gc.collect()
    assert ref() is None
    for thread in threads:
        thread.join(5)
    assert not [t for t in threads if t.is_alive()]
    assert exchange.wait_until(lambda ex: ex.connection_count == 0)


def test_rebinding_a_name_closes_the_old_client(exchange: LocalExchange, account: LocalAccount) -> None:
    """Re-running `client = Client(...)` leaves only the new client's threads."""
    client = exchange.client(account)
    client.ping()
    old_threads = client.threads
    client = exchange.client(account)
    client.ping()
    for thread in old_threads:
        thread.join(5)
    assert not [t for t in old_threads if t.is_alive()]
    assert {t.name for t in library_threads()} >= {t.name for t in client.threads}
    client.close()


def test_dead_io_thread_fails_waiters_and_later_calls(
    exchange: LocalExchange, account: LocalAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the I/O thread dies of a bug, waiters get IOThreadDied and later calls raise it at once."""
    client = exchange.client(account, timeout=30)
    client.connect()
    exchange.never_answer("order.place", execute=True)
    waiting = client.request_future("order.place", ORDER)
    assert exchange.wait_until(lambda ex: ex.request_count("order.place") == 1)

    def broken(items: object) -> tuple[()]:
        raise RuntimeError("bug in frame handling")

    # Called for each successful response: the next one now kills the I/O thread mid-resolution.
    monkeypatch.setattr(protocol_module, "rate_limits_from_wire", broken)
    answered = client.request_future("time")
    error = waiting.exception(5)
    assert isinstance(error, ClientClosed) and isinstance(error, ExecutionStatusUnknown)
    assert "bug in frame handling" in str(error)
    assert type(answered.exception(5)) is IOThreadDied  # the response being resolved is not lost
    with pytest.raises(IOThreadDied, match="bug in frame handling") as later:
        client.ping()
    assert isinstance(later.value.__cause__, RuntimeError)
    client.close()


def test_debug_logs_name_requests_but_never_secrets(exchange: LocalExchange, logs: LogWatcher) -> None:
    """DEBUG logs carry request ids, methods and latency, and no secret or signature."""
    account = exchange.create_account({"USDT": "10"}, key_type="hmac")
    with exchange.client(account) as client:
        response = client.request("account.status")
    text = logs.text()
    assert f"request id={response.id} account.status sent" in text
    assert f"response id={response.id} account.status status=200 in" in text
    assert account.api_secret not in text
    assert "signature" not in text.lower()


def test_close_aborts_a_handshake_that_never_ends(exchange: LocalExchange, account: LocalAccount) -> None:
    """close() during an upgrade answered one byte at a time ends the attempt: True, waiters fail, no thread left."""
    exchange.trickle_upgrades(0.05)
    client = exchange.client(account, timeout=Timeout(request=30, connect=30))
    pending = client.futures.ping()
    assert exchange.wait_until(lambda ex: any(t.name.endswith("-io-1") for t in client.threads), timeout=5)
    started = time.monotonic()
    assert client.close(timeout=5) is True
    assert time.monotonic() - started < 2
    assert isinstance(pending.exception(1), ClientClosed)
    assert not [t for t in client.threads if t.is_alive()]


def test_connect_timeout_bounds_a_trickled_handshake(exchange: LocalExchange, account: LocalAccount) -> None:
    """A handshake that keeps making progress still fails at the connect timeout, and the attempt ends."""
    exchange.trickle_upgrades(0.05)
    with exchange.client(account, timeout=Timeout(request=30, connect=0.5)) as client:
        started = time.monotonic()
        with pytest.raises(ConnectFailed, match="within 0.5 s"):
            client.connect(timeout=5)
        assert time.monotonic() - started < 2.5
        exchange.clear_faults()
        assert client.ping() == {}  # and the next attempt works


def test_future_deadline_holds_while_a_connection_is_being_opened(
    exchange: LocalExchange, account: LocalAccount
) -> None:
    """A future's deadline is enforced while the client is stuck opening a connection, not after it."""
    exchange.trickle_upgrades(0.05)
    with exchange.client(account, timeout=Timeout(request=30, connect=20)) as client:
        started = time.monotonic()
        future = client.futures.ping(timeout=0.5)
        error = future.exception(5)
        assert isinstance(error, RequestTimeout) and error.sent is False
        assert time.monotonic() - started < 2


def test_completed_futures_are_not_kept_until_their_deadline(make_exchange: Callable[..., LocalExchange]) -> None:
    """5,000 answered futures with a 600 s deadline are released once answered, not 600 s later."""
    exchange = make_exchange(weight_limit=10**9)
    account = exchange.create_account({"USDT": "1"})
    with exchange.client(account, timeout=600) as client:
        futures = [client.futures.ping() for _ in range(5_000)]
        assert [f.result(30) for f in futures] == [{}] * 5_000
        refs = [weakref.ref(f) for f in futures]
        del futures

        def kept() -> int:
            gc.collect()
            return sum(ref() is not None for ref in refs)

        deadline = time.monotonic() + 5
        while kept() > 100 and time.monotonic() < deadline:
            time.sleep(0.05)  # the deadline thread drops finished entries in the background
        assert kept() <= 100


EXIT_PROGRAM = """
import sys, threading
from binance_wsapi.testing import LocalExchange
exchange = LocalExchange(tls=sys.argv[1] == "wss")
account = exchange.create_account({"USDT": "1000"})
client = exchange.client(account, timeout=30)
client.connect()
exchange.never_answer("ping")
exchange.never_answer("order.place", execute=True)
def call(i):
    if i % 2:
        client.ping()
    else:
        client.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC", price="1000",
                           quantity="0.01")
for i in range(4):
    threading.Thread(target=call, args=(i,), daemon=True).start()
exchange.wait_until(lambda ex: ex.request_count("ping") + ex.request_count("order.place") == 4)
print("exiting with 4 calls in flight", flush=True)
"""


def test_interpreter_exit_with_calls_in_flight_is_quiet(scheme: str) -> None:
    """Exiting while daemon threads wait on calls hangs up cleanly: no traceback per blocked thread."""
    done = subprocess.run([sys.executable, "-c", EXIT_PROGRAM, scheme], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "exiting with 4 calls in flight" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
