"""HeldRequests, the governor's waiting line, driven by hand: no sockets, no threads, no clock."""

from __future__ import annotations

from typing import Optional

from binance_wsapi.exceptions import IPBanned, RateLimited, TooManyOrders
from binance_wsapi.ratelimit import HeldRequests, Hold
from binance_wsapi.request import Pending

NOW_MS = 1_000_000.0


def request(n: int, *, orders: int = 0, deadline: Optional[float] = None) -> Pending:
    pending = Pending(n, "order.place" if orders else "ping", b"", None, None, bool(orders), {}, None)
    pending.orders = orders
    pending.deadline = deadline  # on the same made-up monotonic clock as the tests' `now`
    return pending


def weight_hold(in_ms: float) -> Hold:
    return Hold(NOW_MS + in_ms, RateLimited, -1003, "REQUEST_WEIGHT is used up")


def orders_hold(in_ms: float) -> Hold:
    return Hold(NOW_MS + in_ms, TooManyOrders, -1015, "ORDERS is used up")


def test_a_request_held_for_weight_holds_back_everything_after_it() -> None:
    """Once one request waits for the weight window, any later request queues behind it, whatever it costs."""
    held = HeldRequests()
    first = request(1)
    assert held.ahead(first) is None
    hold = weight_hold(500)
    held.add(first, hold, held.ready_at(hold, 10.0, NOW_MS))
    assert held.ahead(request(2)) is hold and held.ahead(request(3, orders=1)) is hold
    assert held.wake == 10.5


def test_a_request_held_for_orders_holds_back_only_orders() -> None:
    """A ping may pass an order waiting for the ORDERS window; another order may not."""
    held = HeldRequests()
    hold = orders_hold(2000)
    held.add(request(1, orders=1), hold, held.ready_at(hold, 0.0, NOW_MS))
    assert held.ahead(request(2)) is None
    assert held.ahead(request(3, orders=1)) is hold


def test_release_admits_in_order_and_keeps_the_rest_in_place() -> None:
    """When the window resets, requests go in order until one is held again; those after it keep their place."""
    held = HeldRequests()
    items = [request(n) for n in range(1, 5)]
    for pending in items:
        held.add(pending, weight_hold(100), 0.1)
    assert held.release(0.05, NOW_MS, lambda p: None) == ([], [])  # not due yet
    budget = iter([None, None, weight_hold(1000)])
    ready, refused = held.release(0.2, NOW_MS + 200, lambda p: next(budget))
    assert ready == items[:2] and refused == []
    assert list(held) == items[2:] and len(held) == 2
    assert held.wake == 0.2 + 0.8


def test_release_refuses_what_cannot_make_its_deadline_or_is_banned() -> None:
    """A held request that would wait past its deadline, or meets a ban, comes back refused with the hold."""
    held = HeldRequests()
    short, banned = request(1, deadline=0.5), request(2)
    held.add(short, weight_hold(0), 0.0)
    ban = Hold(NOW_MS + 60_000, IPBanned, -1003, "banned")
    ready, refused = held.release(0.0, NOW_MS, lambda p: weight_hold(5000) if p is short else ban)
    assert ready == [] and refused[0][0] is short
    held.add(banned, weight_hold(0), 0.0)
    ready, refused = held.release(0.0, NOW_MS, lambda p: ban)
    assert refused == [(banned, ban)] and len(held) == 0


def test_take_and_clear_free_the_lanes() -> None:
    """Taking out the only request held for weight lets the next one be admitted; clear empties everything."""
    held = HeldRequests()
    first, second = request(1), request(2, orders=1)
    held.add(first, weight_hold(100), 1.0)
    held.add(second, orders_hold(100), 1.0)
    assert held.take(first) and not held.take(first)
    assert held.ahead(request(3)) is None and held.ahead(request(4, orders=1)) is not None
    assert held.clear() == [second] and len(held) == 0 and held.wake == float("inf")
