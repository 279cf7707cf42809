"""The exchange's method table (read from the docs) and the client's, held side by side.

LocalExchange's rules (`binance_wsapi.testing.rules`) come from web-socket-api.md by a
route of their own (`_extract` writes `doc_table.py`); the client's (`binance_wsapi.methods`)
were written by hand. Wherever the two disagree, one of them misread the docs.
"""

from __future__ import annotations

import pathlib
from typing import Any

import pytest

from binance_wsapi.methods import METHODS, Group
from binance_wsapi.testing import _extract
from binance_wsapi.testing.doc_table import DOC_METHODS
from binance_wsapi.testing.rules import AUTH_PARAMS, RULES



def test_both_tables_have_the_same_methods() -> None:
    """Every documented method is in the client's table, and nothing else is."""
    assert sorted(RULES) == sorted(METHODS)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_security_charges_and_parameters_agree(method: str) -> None:
    """Security type, unfilled-order charge, free-on-success, and each parameter's type and required flag agree."""
    rule, spec = RULES[method], METHODS[method]
    assert rule.security == spec.security.value
    assert rule.orders == spec.orders
    assert rule.free_on_success == spec.free_on_success
    documented = {p.wire: p for p in rule.params if p.wire not in AUTH_PARAMS}
    assert sorted(documented) == sorted(spec.by_wire)
    for wire, param in spec.by_wire.items():
        assert (wire, documented[wire].type) == (wire, param.type.value)
        assert (wire, documented[wire].required) == (wire, param.required)


def _group_key(kind: str, names: tuple[str, ...]) -> tuple[str, Any]:
    # Order matters only where the first name is special.
    return (kind, names if kind in ("apart", "needs") else frozenset(names))


@pytest.mark.parametrize("method", sorted(METHODS))
def test_parameter_combination_rules_agree(method: str) -> None:
    """Which parameters go together (exactly one, at least one, at most one, apart, needs) agrees."""
    client = {_group_key(g.kind, g.names) for g in METHODS[method].groups if isinstance(g, Group)}
    exchange = {_group_key(kind, names) for kind, names in RULES[method].groups}
    assert exchange == client


def _samples(method: str) -> list[dict[str, Any]]:
    """Requests that walk through every case of the documented weight rules."""
    base: list[dict[str, Any]] = [{}]
    base += [{"symbol": "BTCUSDT"}] + [{"symbols": [f"S{i}" for i in range(n)]} for n in (1, 2, 19, 20, 21, 50, 51, 100, 101)]
    base += [{"limit": n} for n in (1, 100, 101, 500, 501, 1000, 1001, 5000)]
    base += [{"orderId": 1}, {"preventedMatchId": 1}, {"computeCommissionRates": True}, {"computeCommissionRates": "false"}]
    base += [{"symbolStatus": "TRADING"}]
    return base


@pytest.mark.parametrize("method", sorted(METHODS))
def test_request_weights_agree(method: str) -> None:
    """For requests covering every documented case, both tables charge the same weight."""
    for params in _samples(method):
        assert (params, RULES[method].weight(params)) == (params, METHODS[method].weight_for(params))


KEPT = pathlib.Path(__file__).parent / "data" / "binance-spot-api-docs"
REFERENCE = pathlib.Path(__file__).resolve().parents[2] / "shared" / "reference" / "binance-spot-api-docs"


def test_the_extracted_table_is_current() -> None:
    """doc_table.py is what the extractor makes of the docs kept in the repository."""
    assert _extract.main(["--check", str(KEPT)]) == 0, "run python -m binance_wsapi.testing._extract"


@pytest.mark.parametrize("name", ["web-socket-api.md", "CHANGELOG.md"])
def test_the_kept_docs_are_the_reference_copy(name: str) -> None:
    """The repository's copy of the docs is byte for byte the project's reference (where that is beside it)."""
    if not (REFERENCE / name).exists():
        pytest.skip("the project's reference copy is not beside this checkout; the kept copy is what the tests use")
    assert (KEPT / name).read_bytes() == (REFERENCE / name).read_bytes()


def test_group_names_are_parameters() -> None:
    """Every name in the exchange's combination rules is one of the method's documented parameters."""
    for rule in RULES.values():
        wires = {p.wire for p in rule.params}
        for _, names in rule.groups:
            assert set(names) <= wires, (rule.name, names)


def test_no_sample_is_wasted() -> None:
    """Each conditional weight rule gives more than one answer over the samples (the samples reach its cases)."""
    for name, rule in RULES.items():
        weights = {rule.weight(p) for p in _samples(name)}
        if not isinstance(_extract_weight(name), int):
            assert len(weights) > 1, name


def _extract_weight(name: str) -> Any:
    return DOC_METHODS[name]["weight"]



def test_local_exchange_never_imports_the_clients_method_table() -> None:
    """No module of binance_wsapi.testing imports binance_wsapi.methods (the oracle keeps its own rules)."""
    import ast
    from pathlib import Path

    import binance_wsapi.testing as testing

    for path in Path(testing.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = ("." * node.level) + (node.module or "")
                assert module not in ("..methods", "binance_wsapi.methods"), path.name
                assert not (module == ".." and any(a.name == "methods" for a in node.names)), path.name
            elif isinstance(node, ast.Import):
                assert all(a.name != "binance_wsapi.methods" for a in node.names), path.name
