"""The package's public surface: exports, typing marker, method table, config objects."""

from __future__ import annotations

import importlib.resources
import pathlib
import re

import pytest

import binance_wsapi
from binance_wsapi import USE_CLIENT_DEFAULT, Backoff, Heartbeat, Timeout
from binance_wsapi.methods import METHODS, Auth, Security, spec_for

# The 55 method names in web-socket-api.md at the commit in PROTOCOL-NOTES.md, from
#   grep -o '"method": *"[^"]*"' web-socket-api.md | sort -u
DOCUMENTED_METHODS = {
    "account.commission", "account.rateLimits.orders", "account.status", "allOrderLists", "allOrders",
    "avgPrice", "blockTrades.historical", "depth", "exchangeInfo", "executionRules", "klines", "myAllocations",
    "myFilters", "myPreventedMatches", "myTrades", "openOrderLists.status", "openOrders.cancelAll",
    "openOrders.status", "order.amend.keepPriority", "order.amendments", "order.cancel", "order.cancelReplace",
    "order.place", "order.status", "order.test", "orderList.cancel", "orderList.place", "orderList.place.oco",
    "orderList.place.opo", "orderList.place.opoco", "orderList.place.oto", "orderList.place.otoco",
    "orderList.status", "ping", "referencePrice", "referencePrice.calculation", "session.logon",
    "session.logout", "session.status", "session.subscriptions", "sor.order.place", "sor.order.test", "ticker",
    "ticker.24hr", "ticker.book", "ticker.price", "ticker.tradingDay", "time", "trades.aggregate",
    "trades.historical", "trades.recent", "uiKlines", "userDataStream.subscribe",
    "userDataStream.subscribe.signature", "userDataStream.unsubscribe",
}
# The copy the repository keeps (tests/data/binance-spot-api-docs/README.md says where it is from).
DOCS = pathlib.Path(__file__).parent / "data" / "binance-spot-api-docs" / "web-socket-api.md"


def test_all_is_sorted_and_importable() -> None:
    """One sorted public __all__, every name of which exists."""
    assert binance_wsapi.__all__ == sorted(binance_wsapi.__all__)
    assert len(set(binance_wsapi.__all__)) == len(binance_wsapi.__all__)
    for name in binance_wsapi.__all__:
        assert getattr(binance_wsapi, name) is not None


def test_package_ships_py_typed() -> None:
    """The package is marked as typed."""
    assert importlib.resources.files("binance_wsapi").joinpath("py.typed").is_file()


def test_method_table_has_exactly_the_documented_methods() -> None:
    """The table lists the 55 current methods and none of the removed listenKey ones."""
    assert len(DOCUMENTED_METHODS) == 55
    assert set(METHODS) == DOCUMENTED_METHODS


def test_documented_method_list_matches_the_reference_docs() -> None:
    """DOCUMENTED_METHODS is what web-socket-api.md lists (checked where the docs are present)."""
    found = set(re.findall(r'"method": *"([^"]*)"', DOCS.read_text("utf-8")))
    assert found == DOCUMENTED_METHODS


def test_security_types_follow_the_docs() -> None:
    """TRADE/USER_DATA methods are signed; logon and signature subscriptions always sign."""
    for spec in METHODS.values():
        if spec.security in (Security.TRADE, Security.USER_DATA):
            assert spec.auth is Auth.SIGNED, spec.name
        if spec.security is Security.NONE:
            assert spec.auth is Auth.NONE, spec.name
    assert METHODS["session.logon"].auth is Auth.ALWAYS_SIGNED
    assert METHODS["userDataStream.subscribe.signature"].auth is Auth.ALWAYS_SIGNED
    assert METHODS["userDataStream.subscribe"].auth is Auth.SESSION
    assert METHODS["userDataStream.unsubscribe"].security is Security.NONE


def test_state_changing_methods_are_the_order_entry_ones() -> None:
    """Only methods that can move orders or balances are state-changing (tests are not)."""
    changing = {name for name, spec in METHODS.items() if spec.state_changing}
    assert "order.place" in changing and "order.cancel" in changing and "orderList.place.otoco" in changing
    assert not changing & {"order.test", "sor.order.test", "order.status", "account.status"}
    assert all(METHODS[name].security is Security.TRADE for name in changing)


@pytest.mark.parametrize(
    "method, params, weight",
    [
        ("depth", {}, 5),
        ("depth", {"limit": 100}, 5),
        ("depth", {"limit": 101}, 25),
        ("depth", {"limit": 1000}, 50),
        ("depth", {"limit": 5000}, 250),
        ("ticker.24hr", {"symbol": "BTCUSDT"}, 2),
        ("ticker.24hr", {"symbols": ["A"] * 21}, 40),
        ("ticker.24hr", {}, 80),
        ("ticker", {"symbols": ["A"] * 3}, 12),
        ("ticker", {"symbols": ["A"] * 60}, 200),
        ("myTrades", {"orderId": 1}, 5),
        ("myTrades", {}, 20),
        ("openOrders.status", {}, 80),
        ("order.test", {"computeCommissionRates": True}, 20),
        ("exchangeInfo", {}, 20),
    ],
)
def test_weights_follow_the_docs(method: str, params: dict[str, object], weight: int) -> None:
    """Variable weights are computed from the request's parameters."""
    spec = spec_for(method)
    assert spec is not None and spec.weight_for(params) == weight


def test_version_prefix_is_understood() -> None:
    """"v3/order.place" is order.place."""
    assert spec_for("v3/order.place") is METHODS["order.place"]


def test_config_objects_are_immutable_validated_and_readable() -> None:
    """Timeout, Backoff and Heartbeat are frozen, validate their values and have useful reprs."""
    timeout = Timeout(request=3.0)
    assert repr(timeout) == "Timeout(request=3.0, connect=10.0, close=5.0)"
    with pytest.raises(AttributeError):
        timeout.request = 1.0  # type: ignore[misc]
    with pytest.raises(ValueError):
        Timeout(connect=0)
    with pytest.raises(ValueError):
        Backoff(jitter=2)
    assert Timeout.coerce(None).request is None and Timeout.coerce(2).request == 2.0
    assert repr(USE_CLIENT_DEFAULT) == "USE_CLIENT_DEFAULT"
    assert Heartbeat(idle=1, timeout=2).idle == 1


def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    """Backoff delays double up to the maximum and jitter only shortens them."""
    import random

    backoff = Backoff(initial=0.1, maximum=1.0, multiplier=2.0, jitter=0.5)
    rng = random.Random(1)
    for attempt, base in [(0, 0.1), (1, 0.2), (2, 0.4), (3, 0.8), (4, 1.0), (50, 1.0)]:
        delays = [backoff.delay(attempt, rng) for _ in range(50)]
        assert all(base * 0.5 <= d <= base for d in delays)
        assert max(delays) - min(delays) > 0


def test_the_license_file_matches_the_declared_license() -> None:
    """setup.cfg declares MIT, names LICENSE as its file, and LICENSE is the MIT license."""
    root = pathlib.Path(__file__).resolve().parents[1]
    config = (root / "setup.cfg").read_text("utf-8")
    assert "license = MIT\n" in config and "license_files = LICENSE" in config
    assert "License :: OSI Approved :: MIT License" in config
    text = (root / "LICENSE").read_text("utf-8")
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text


def test_the_changelog_has_one_heading_of_each_kind_per_release() -> None:
    """CHANGELOG.md follows Keep a Changelog: Unreleased first, then releases, each with at most one of each heading."""
    root = pathlib.Path(__file__).resolve().parents[1]
    text = (root / "CHANGELOG.md").read_text("utf-8")
    releases = re.split(r"^## ", text, flags=re.M)[1:]
    assert releases and releases[0].startswith("[Unreleased]")
    kinds = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    for release in releases:
        headings = re.findall(r"^### (.+)$", release, re.M)
        assert set(headings) <= kinds, (release.splitlines()[0], headings)
        assert len(headings) == len(set(headings)), (release.splitlines()[0], headings)
