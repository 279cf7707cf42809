"""Ctrl-C while a call waits: a state-changing request that may have executed is kept findable.

Ctrl-C is simulated as the terminal delivers it: SIGINT sent to the main thread (where pytest
runs tests), with `signal.pthread_kill`. `_thread.interrupt_main()` would not do: it only
flags the interrupt without a signal, so a thread blocked on a lock (as a waiting call is)
notices it only once the lock is released, when the answer has already arrived. The signal is
sent once the main thread is blocked waiting for the request (its innermost frame is
`Pending.wait`), so where the interrupt lands does not depend on timing.
"""

from __future__ import annotations

import signal
import sys
from typing import Any, Callable

import pytest

from binance_wsapi import Client, ExecutionStatusUnknown, RequestTimeout, StatusUnknownTimeout
from binance_wsapi.outcomes import UnknownOutcomes
from binance_wsapi.testing import LocalAccount, LocalExchange

from .conftest import LogWatcher, ctrl_c_when

pytestmark = [
    pytest.mark.both_schemes,
    pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs signal.pthread_kill (POSIX)"),
]

S = "BTCUSDT"


def sent(logs: LogWatcher, method: str) -> Callable[[], bool]:
    """True once the client has logged writing a `method` request (the `logs` fixture enables DEBUG)."""
    return lambda: any(f" {method} sent on " in r.getMessage() for r in list(logs.records))




def place(client: Client, **extra: Any) -> Any:
    return client.order_place(
        symbol=S, side="BUY", type="LIMIT", time_in_force="GTC", price="40000", quantity="0.01", **extra
    )


def test_ctrl_c_during_an_order_leaves_it_findable(client: Client, exchange: LocalExchange, logs: LogWatcher) -> None:
    """Ctrl-C while an order is in flight warns, notes how to resolve it, lists it, and resolve_order finds it."""
    client.ping()  # connected: the order is written before the call starts waiting
    exchange.delay("order.place", 2, times=1)  # executed, and answered, 2 s after it arrives
    with ctrl_c_when(sent(logs, "order.place")), pytest.raises(KeyboardInterrupt) as info:
        place(client, new_client_order_id="interrupted-1")
    warning = logs.wait_for(lambda r: r.levelname == "WARNING" and "interrupted by KeyboardInterrupt" in r.getMessage())
    text = warning.getMessage()
    assert "order.place" in text and "'interrupted-1'" in text and "request id" in text
    assert "outcome is unknown" in text and "client.resolve_order(" in text and "client.unknown_outcomes" in text
    if sys.version_info >= (3, 11):
        assert info.value.__notes__ == [text]
    (entry,) = client.unknown_outcomes
    assert isinstance(entry, StatusUnknownTimeout) and entry.method == "order.place"
    assert entry.client_order_id == "interrupted-1" and entry.params["newClientOrderId"] == "interrupted-1"
    assert "signature" not in entry.params and str(entry) == text
    order = client.resolve_order(entry)  # keeps looking until the delayed order lands
    assert order is not None and order["clientOrderId"] == "interrupted-1" and order["status"] == "NEW"
    assert exchange.request_count("order.place") == 1  # looked up, never sent again
    assert client.ping() == {}  # the client carries on


def test_ctrl_c_during_a_read_only_call_lists_nothing(
    client: Client, exchange: LocalExchange, logs: LogWatcher
) -> None:
    """Ctrl-C during a ping (which changes nothing) adds nothing to unknown_outcomes and warns of nothing."""
    client.ping()
    exchange.delay("ping", 2, times=1)
    with ctrl_c_when(sent(logs, "ping")), pytest.raises(KeyboardInterrupt) as info:
        client.ping()
    assert client.unknown_outcomes == ()
    assert not [r for r in logs.records if r.levelname == "WARNING" and "interrupted" in r.getMessage()]
    assert not getattr(info.value, "__notes__", None)


def test_ctrl_c_before_an_order_was_sent_lists_nothing(
    exchange: LocalExchange, account: LocalAccount, logs: LogWatcher
) -> None:
    """Ctrl-C while an order still waits for a connection: it certainly did not execute, so no entry and no warning."""
    exchange.trickle_upgrades(0.05)  # a handshake that never completes: the order stays queued
    with exchange.client(account, timeout=5) as client:
        with ctrl_c_when(lambda: True), pytest.raises(KeyboardInterrupt):
            place(client)
        assert client.unknown_outcomes == ()
        assert not [r for r in logs.records if r.levelname == "WARNING" and "interrupted" in r.getMessage()]
    exchange.clear_faults()
    assert exchange.request_count("order.place") == 0


def test_requests_that_raise_status_unknown_are_listed(client: Client, exchange: LocalExchange) -> None:
    """A state-changing call that times out after it was sent is listed too, as raised but without its traceback."""
    client.connect()  # the short deadline below is for the order, not for connecting too
    exchange.never_answer("order.place", execute=True, times=1)
    with pytest.raises(ExecutionStatusUnknown) as info:
        place(client, timeout=0.3)
    entry = client.unknown_outcomes[-1]
    assert type(entry) is type(info.value) and str(entry) == str(info.value)
    assert entry is not info.value and entry.__traceback__ is None
    assert (entry.client_order_id, entry.params, entry.request_id) == (
        info.value.client_order_id, info.value.params, info.value.request_id
    )
    assert client.resolve_order(entry) is not None
    place(client)  # answered: not listed
    assert len(client.unknown_outcomes) == 1


def test_futures_that_fail_with_status_unknown_are_listed_before_they_complete(
    client: Client, exchange: LocalExchange
) -> None:
    """An order through client.futures whose outcome is unknown is listed by the time its future fails; pings are not."""
    client.connect()
    exchange.never_answer("order.place", execute=True, times=1)
    exchange.never_answer("ping", times=1)
    order = client.futures.order_place(symbol="BTCUSDT", side="BUY", type="LIMIT", time_in_force="GTC",
                                       price="40000", quantity="0.01", timeout=0.3)
    ping = client.futures.ping(timeout=0.3)
    error = order.exception(5)
    assert isinstance(error, ExecutionStatusUnknown) and isinstance(ping.exception(5), RequestTimeout)
    (entry,) = client.unknown_outcomes
    assert entry.client_order_id == error.client_order_id and entry is not error
    assert client.resolve_order(entry)["status"] == "NEW"  # type: ignore[index]


def test_unknown_outcomes_keeps_the_last_hundred() -> None:
    """The list is bounded: the oldest entries go first."""
    kept = UnknownOutcomes()
    errors = [StatusUnknownTimeout(f"lost {i}") for i in range(150)]
    for error in errors:
        kept.failed(error)
    assert [str(e) for e in kept.entries()] == [f"lost {i}" for i in range(50, 150)]
