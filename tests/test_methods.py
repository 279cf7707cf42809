"""The method table against the docs, and the named methods against the table."""

from __future__ import annotations

import inspect
import json
import pathlib

import pytest

from binance_wsapi import Client
from binance_wsapi import _generate
from binance_wsapi.api import Methods
from binance_wsapi.client import Futures
from binance_wsapi.enums import ENUM_VALUES
from binance_wsapi.methods import METHODS, REMOVED_METHODS, python_name
from binance_wsapi.validation import check_names

DOCS = json.loads((pathlib.Path(__file__).parent / "data/ws_api_docs.json").read_text("utf-8"))["methods"]
CLIENT_OWNED = {"apiKey", "signature", "timestamp"}
DOC_TYPES = {"STRING": "STRING", "LONG": "INT", "INT": "INT", "DECIMAL": "DECIMAL", "ENUM": "ENUM",
             "BOOLEAN": "BOOL", "ARRAY OF STRING": "ARRAY"}


def table_type(method: str, wire: str, doc_type: str) -> str:
    """The docs' type, except where the docs' own tables disagree with each other."""
    if (method, wire) == ("executionRules", "symbols"):
        return "ARRAY"  # typed STRING in this one table; a list everywhere else
    if wire.lower().endswith("icebergqty"):
        return "DECIMAL"  # LONG in the OCO table, DECIMAL in the others: it is a quantity
    if wire.lower().endswith("trailingdelta"):
        return "INT"  # DECIMAL in some tables, INT in order.place: basis points, an integer
    return DOC_TYPES[doc_type]


def test_table_covers_the_documented_methods() -> None:
    """The table has exactly the methods the docs have examples for."""
    assert set(METHODS) == set(DOCS)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_parameters_match_the_docs(method: str) -> None:
    """Each method's parameters are the docs' parameter table, minus what the client adds."""
    spec = METHODS[method]
    documented = {p["name"]: p for p in DOCS[method]["params"] if p["name"] not in CLIENT_OWNED}
    if method in ("order.test", "sor.order.test"):  # "same as order.place" plus computeCommissionRates
        base = "order.place" if method == "order.test" else "sor.order.place"
        documented = {**{p.wire: {"name": p.wire} for p in METHODS[base].params}, **documented}
    table = {p.wire for p in spec.params}
    if spec.security.value == "USER_DATA":
        documented.setdefault("recvWindow", {"name": "recvWindow"})  # some USER_DATA tables omit it
    assert table == set(documented)
    for param in spec.params:
        doc_type = documented[param.wire].get("type")
        if doc_type is not None:
            assert param.type.value == table_type(method, param.wire, doc_type), param.wire


def test_named_methods_match_the_table() -> None:
    """There is one named method per table row, with the row's parameters in snake_case."""
    named = {name for name, _ in inspect.getmembers(Methods, inspect.isfunction) if not name.startswith("_")}
    assert named == {spec.python_name for spec in METHODS.values()}
    for spec in METHODS.values():
        signature = inspect.signature(getattr(Methods, spec.python_name))
        params = [p for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY]
        assert [p.name for p in params] == [p.name for p in spec.params] + ["timeout"]
        for param, declared in zip(spec.params, params):
            assert (declared.default is inspect.Parameter.empty) == param.required, (spec.name, param.wire)
        assert spec.name in (getattr(Methods, spec.python_name).__doc__ or "")


def test_generated_api_is_up_to_date() -> None:
    """api.py is exactly what `python -m binance_wsapi._generate` writes from the table."""
    assert _generate.TARGET.read_text("utf-8") == _generate.render()
    assert _generate.RESULTS.read_text("utf-8") == _generate.result_types()[0]


@pytest.mark.parametrize(
    "wire, name",
    [
        ("order.place", "order_place"),
        ("ticker.24hr", "ticker_24hr"),
        ("orderList.place.oco", "order_list_place_oco"),
        ("account.rateLimits.orders", "account_rate_limits_orders"),
        ("userDataStream.subscribe.signature", "user_data_stream_subscribe_signature"),
        ("timeInForce", "time_in_force"),
        ("newClientOrderId", "new_client_order_id"),
        ("pendingAbovePegOffsetValue", "pending_above_peg_offset_value"),
    ],
)
def test_names_are_mechanical(wire: str, name: str) -> None:
    """Dots and camelCase become snake_case, so names can be guessed from the docs."""
    assert python_name(wire) == name


def test_table_rules_refer_to_known_params_and_checks() -> None:
    """Every group names parameters of its method, and every check exists."""
    for spec in METHODS.values():
        for group in spec.groups:
            assert set(group.names) <= set(spec.by_wire), (spec.name, group)
        assert set(spec.checks) <= check_names()
        if spec.client_order_id:
            assert spec.client_order_id in spec.by_wire


def test_enum_parameters_know_their_values() -> None:
    """Order-related enums resolve to their value sets (ticker's `type` is FULL/MINI)."""
    place = METHODS["order.place"].by_wire
    assert place["side"].choices == ENUM_VALUES["side"] and place["type"].choices == ENUM_VALUES["type"]
    assert METHODS["ticker"].by_wire["type"].choices == ("FULL", "MINI")
    oto = METHODS["orderList.place.otoco"].by_wire
    assert oto["pendingAbovePegPriceType"].choices == ENUM_VALUES["pegPriceType"]
    assert oto["pendingAboveType"].choices == ENUM_VALUES["type"]


def test_removed_methods_are_not_offered() -> None:
    """The listenKey methods removed on 2026-02-20 have no named method."""
    for wire in REMOVED_METHODS:
        assert not hasattr(Client, python_name(wire)) and wire not in METHODS


def test_futures_twins_take_the_same_arguments() -> None:
    """Every named method has a futures twin with the same parameters, returning a Future of the same result type."""
    import inspect

    from binance_wsapi.api import FutureMethods

    assert issubclass(Client, Methods) and issubclass(Futures, FutureMethods)
    for spec in METHODS.values():
        blocking = inspect.signature(getattr(Client, spec.python_name))
        future = inspect.signature(getattr(Futures, spec.python_name))
        assert list(blocking.parameters.values()) == list(future.parameters.values()), spec.name
        assert future.return_annotation == f"Future[{blocking.return_annotation}]", spec.name
