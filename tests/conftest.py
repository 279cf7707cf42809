from __future__ import annotations

import contextlib
import json
import logging
import signal
import sys
import threading
import time
import zlib
from typing import Any, Callable, Iterator

import pytest
import websocket

from binance_wsapi import Client
from binance_wsapi.signing import HmacSigner, signature_payload
from binance_wsapi.request import Pending
from binance_wsapi.transport import _waiter
from binance_wsapi.testing import LocalAccount, LocalExchange

LIBRARY_THREADS = ("binance-wsapi", "local-exchange")


def library_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(LIBRARY_THREADS)]


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Every test must leave no client or exchange thread running once its fixtures are closed."""
    before = set(library_threads())
    yield
    deadline = time.monotonic() + 5
    for thread in set(library_threads()) - before:
        thread.join(max(0.0, deadline - time.monotonic()))
    leaked = [t.name for t in set(library_threads()) - before if t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Only transport-level modules opt in: doubling the matching or validation tests would
    # take time and prove nothing about TLS.
    if "scheme" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_schemes"):
        metafunc.parametrize("scheme", ["ws", "wss"], indirect=True)
    # Modules about user data events run with each order of answers and events the exchange can
    # produce: production often sends an order's events before its answer, but not always.
    if "event_order" in metafunc.fixturenames and metafunc.definition.get_closest_marker("event_orders"):
        metafunc.parametrize("event_order", ["events_first", "answer_first", "random"], indirect=True)


@pytest.fixture
def scheme(request: pytest.FixtureRequest) -> str:
    """The URL scheme exchanges are served over: "ws", and "wss" too in modules marked both_schemes."""
    return str(getattr(request, "param", "ws"))


@pytest.fixture
def event_order(request: pytest.FixtureRequest) -> str:
    """The exchange's order of answers and events: its default, and each one in modules marked event_orders."""
    return str(getattr(request, "param", "events_first"))


@pytest.fixture
def make_exchange(scheme: str, event_order: str, request: pytest.FixtureRequest) -> Iterator[Callable[..., LocalExchange]]:
    """Makes LocalExchanges served over `scheme` with `event_order` (same arguments); closes them all at teardown.

    A random order is seeded from the test's name, so a failure repeats when the test is run again.
    """
    made: list[LocalExchange] = []
    seed = zlib.crc32(request.node.nodeid.encode())

    def make(**kwargs: Any) -> LocalExchange:
        kwargs.setdefault("event_order", event_order)
        kwargs.setdefault("seed", seed)
        made.append(LocalExchange(**kwargs, tls=scheme == "wss"))
        return made[-1]

    yield make
    for ex in made:
        ex.close()


def client_kwargs(exchange: LocalExchange) -> dict[str, Any]:
    """`Client` keyword arguments to reach `exchange`: its URL and, over wss, a context trusting its CA."""
    if exchange.tls:
        return {"url": exchange.url, "ssl_context": exchange.client_ssl_context()}
    return {"url": exchange.url}


@pytest.fixture
def exchange(make_exchange: Callable[..., LocalExchange]) -> LocalExchange:
    """A small exchange whose order-count limits stay out of the way (tests of limits make their own)."""
    return make_exchange(book_levels=50, orders_per_10s=100_000)


@pytest.fixture
def account(exchange: LocalExchange) -> LocalAccount:
    return exchange.create_account({"USDT": "10000", "BTC": "1"})


@pytest.fixture
def client(exchange: LocalExchange, account: LocalAccount) -> Iterator[Client]:
    with exchange.client(account, timeout=5) as c:
        yield c


class Hammer:
    """N threads calling `call` in a loop until stopped; counts successes, keeps every error."""

    def __init__(self, call: Callable[[int], Any], threads: int = 16) -> None:
        self.calls = [0] * threads
        self.errors: list[BaseException] = []
        self._stop = threading.Event()
        self._call = call
        self._threads = [threading.Thread(target=self._run, args=(i,)) for i in range(threads)]
        for thread in self._threads:
            thread.start()

    def _run(self, index: int) -> None:
        while not self._stop.is_set():
            try:
                self._call(index)
            except BaseException as exc:  # noqa: BLE001 - asserted by the test
                self.errors.append(exc)
                return
            self.calls[index] += 1

    def stop(self) -> int:
        self._stop.set()
        for thread in self._threads:
            thread.join(10)
        assert not any(t.is_alive() for t in self._threads), "a caller hung"
        return sum(self.calls)


class Recorder:
    """A callback that records what it is called with, and lets a test wait for a condition on it."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self._cond = threading.Condition()

    def __call__(self, item: Any) -> None:
        with self._cond:
            self.items.append(item)
            self._cond.notify_all()

    def wait_until(self, predicate: Callable[[list[Any]], bool], timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: predicate(self.items), timeout)


class Kinds(Recorder):
    """A connection handler recording the kinds of `ConnectionEvent`s as they arrive."""

    @property
    def kinds(self) -> list[str]:
        return [event.kind for event in self.items]

    def wait_for(self, kind: str, count: int = 1, timeout: float = 5.0) -> None:
        assert self.wait_until(lambda events: [e.kind for e in events].count(kind) >= count, timeout), self.kinds


class LogWatcher(logging.Handler):
    """Collects binance_wsapi log records and lets a test wait for one, without sleeping."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self._cond = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        with self._cond:
            self.records.append(record)
            self._cond.notify_all()

    def wait_for(self, predicate: Callable[[logging.LogRecord], bool], timeout: float = 5.0) -> logging.LogRecord:
        with self._cond:
            found: list[logging.LogRecord] = []

            def match() -> bool:
                found[:] = [r for r in self.records if predicate(r)]
                return bool(found)

            assert self._cond.wait_for(match, timeout), "expected log record never arrived"
            return found[0]

    def text(self) -> str:
        return "\n".join(self.format(r) for r in self.records)


@pytest.fixture
def logs() -> Iterator[LogWatcher]:
    watcher = LogWatcher()
    watcher.setFormatter(logging.Formatter("%(levelname)s %(threadName)s %(message)s"))
    logger = logging.getLogger("binance_wsapi")
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(watcher)
    yield watcher
    logger.removeHandler(watcher)
    logger.setLevel(old_level)


# Where a waiting call blocks: for another thread to complete it, or in poll() reading the
# answer itself (Connection.wait_for).
_BLOCKING = (Pending.wait_completed.__code__, _waiter(-1).__code__)


def main_thread_waits_for_a_request() -> bool:
    """True while the main thread is blocked waiting for a request's answer."""
    frame = sys._current_frames().get(threading.main_thread().ident or 0)
    if frame is None or frame.f_code not in _BLOCKING:
        return False
    while frame is not None and frame.f_code is not Pending.wait.__code__:
        frame = frame.f_back
    return frame is not None


@contextlib.contextmanager
def ctrl_c_when(ready: Callable[[], bool]) -> Iterator[None]:
    """Deliver one SIGINT to the main thread once `ready()` holds and it is blocked waiting for a request.

    To the main thread itself (a process-wide signal may land on another thread, and then never
    wakes a wait with no deadline), with Python's own handler installed for the time: a shell
    that starts a run in the background has SIGINT ignored, and Python then installs none.
    """
    assert threading.current_thread() is threading.main_thread()
    main_id = threading.get_ident()
    stop = threading.Event()

    def interrupt() -> None:
        while not stop.wait(0.002):
            if ready() and main_thread_waits_for_a_request():
                signal.pthread_kill(main_id, signal.SIGINT)
                return

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    helper = threading.Thread(target=interrupt, name="test-ctrl-c", daemon=True)
    helper.start()
    try:
        yield
    finally:
        stop.set()
        helper.join(5)
        signal.signal(signal.SIGINT, previous)
    assert not helper.is_alive()


class Raw:
    """A bare websocket-client connection: one request, one response."""

    def __init__(self, url: str) -> None:
        self.ws = websocket.create_connection(url, timeout=5)

    def send(self, body: Any) -> dict[str, Any]:
        self.ws.send(body if isinstance(body, (str, bytes)) else json.dumps(body), opcode=0x2 if isinstance(body, bytes) else 0x1)
        reply: dict[str, Any] = json.loads(self.ws.recv())
        return reply

    def call(self, method: str, params: dict[str, Any] | None = None, request_id: Any = "r1") -> dict[str, Any]:
        body: dict[str, Any] = {"id": request_id, "method": method}
        if params is not None:
            body["params"] = params
        return self.send(body)

    def signed(self, account: LocalAccount, method: str, params: dict[str, Any], exchange: LocalExchange) -> dict[str, Any]:
        params = {**params, "apiKey": account.api_key, "timestamp": exchange.now_ms()}
        params["signature"] = HmacSigner(account.api_secret).sign(signature_payload(params))
        return self.call(method, params)


@pytest.fixture
def raw(exchange: LocalExchange) -> Iterator[Raw]:
    connection = Raw(exchange.url)
    yield connection
    connection.ws.close()


@pytest.fixture
def hmac_account(exchange: LocalExchange) -> LocalAccount:
    return exchange.create_account({"USDT": "10000", "BTC": "1"}, key_type="hmac")
