"""The futures named methods return TypedDicts generated from the derivatives docs' response examples."""

from __future__ import annotations

import pathlib
import subprocess
import sys
import typing

import pytest

from binance_wsapi import _generate, futures_results
from binance_wsapi.futures_api import CMFutureMethods, CMMethods, UMFutureMethods, UMMethods
from binance_wsapi.futures_methods import CM_METHODS, UM_METHODS
from binance_wsapi.methods import MethodSpec

API = {"UM": (UM_METHODS, UMMethods, UMFutureMethods), "CM": (CM_METHODS, CMMethods, CMFutureMethods)}

#: Methods whose docs give no successful response example, and why. None today: the session
#: methods' examples are on websocket-api-general-info.md, every other method's on its page.
WITHOUT_EXAMPLES: dict[str, dict[str, str]] = {"UM": {}, "CM": {}}


def _examples(prefix: str) -> dict[str, list[typing.Any]]:
    return _generate.futures_examples(_generate.FUTURES_DOCS / _generate.FUTURES_FOLDERS[prefix])


def _returns(cls: type, spec: MethodSpec) -> str:
    return str(getattr(cls, spec.python_name).__annotations__["return"])


def test_generated_futures_files_are_current() -> None:
    """futures_results.py and futures_api.py are exactly what `python -m binance_wsapi._generate` writes."""
    assert _generate.FUTURES_RESULTS.read_text("utf-8") == _generate.futures_result_types()[0]
    assert _generate.FUTURES_TARGET.read_text("utf-8") == _generate.render_futures()
    assert _generate.main(["--check"]) == 0


@pytest.mark.parametrize("prefix", ["UM", "CM"])
def test_every_method_with_a_docs_example_has_a_typed_result(prefix: str) -> None:
    """Each method the docs show a successful result for returns a hint other than Any, its twin a Future of it."""
    table, blocking, future = API[prefix]
    examples = _examples(prefix)
    without = {name for name in table if not examples.get(name)}
    assert without == set(WITHOUT_EXAMPLES[prefix])
    for name, spec in table.items():
        hint = _returns(blocking, spec)
        assert (hint == "Any") == (name in without), (name, hint)
        assert _returns(future, spec) == f"Future[{hint}]"
        # Results with fields name this API's TypedDicts (userDataStream.stop answers {}).
        if name != "userDataStream.stop":
            assert f"{prefix}{_generate._pascal(spec.python_name)}Result" in hint, (name, hint)


def test_um_and_cm_results_differ_and_every_field_is_optional() -> None:
    """UM and CM get their own classes (CM's orders carry pair and cumBase, UM's cumQuote), all total=False."""
    um, cm = futures_results.UMOrderPlaceResult, futures_results.CMOrderPlaceResult
    assert {"pair", "cumBase"} <= cm.__optional_keys__ and not {"pair", "cumBase"} & um.__optional_keys__
    assert "cumQuote" in um.__optional_keys__ and "cumQuote" not in cm.__optional_keys__
    for name in futures_results.__all__:
        cls = getattr(futures_results, name)
        assert name.startswith(("UM", "CM")) and cls.__total__ is False and not cls.__required_keys__, name
    depth = futures_results.UMDepthResult.__annotations__
    assert {"bids", "asks", "lastUpdateId"} <= set(depth)  # inside result (FUTURES-NOTES §8 #12)


def test_docs_json_repairs_only_the_known_breakage() -> None:
    """docs_json drops comments, adds a comma missing at a line's end and drops trailing commas; other breakage raises."""
    text = (
        '{\n  "a": "x"   // the "a" field\n\n  "b": [ // list\u00a0\n    {"c": 1},\n    // ... ...\n  ],\n'
        '  "d": true\n  "e": "http://x"\n}'
    )
    assert _generate.docs_json(text) == {"a": "x", "b": [{"c": 1}], "d": True, "e": "http://x"}
    with pytest.raises(ValueError):
        _generate.docs_json('{"a": 1 "b": 2}')
    # The UM account pages lose "maxWithdrawAmount"'s comma before "assets": both keys survive.
    status = _examples("UM")["v2/account.status"]
    assert len(status) == 2 and all({"maxWithdrawAmount", "assets", "positions"} <= set(s) for s in status)
    assert all(len(s["assets"]) == 2 and "crossUnPnl" in s["assets"][0] for s in status)


def _mypy(tmp_path: pathlib.Path, name: str, program: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / name
    path.write_text(program)
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "--no-incremental"]
    return subprocess.run([*command, str(path)], cwd=tmp_path, capture_output=True, text=True, timeout=300)


_HEAD = (
    "from binance_wsapi import CMFuturesClient, UMFuturesClient\n\n"
    "um = UMFuturesClient()\ncm = CMFuturesClient()\n"
    "order = um.order_place(symbol='BTCUSDT', side='BUY', type='MARKET', quantity='1')\n"
    "positions = um.account_position_v2(symbol='BTCUSDT')\n"
    "coin = cm.order_place(symbol='BTCUSD_PERP', side='BUY', type='MARKET', quantity='1')\n"
)


def test_mypy_flags_a_misspelt_key_in_um_and_cm_results(tmp_path: pathlib.Path) -> None:
    """mypy accepts real keys of UM and CM results (dict, list, Future) in a user's program and flags misspelt ones."""
    good = _mypy(tmp_path, "futures_good.py", _HEAD + (
        "client_id: str = order['clientOrderId']\n"
        "amount: str = positions[0]['positionAmt']\n"
        "pair: str = coin['pair']\n"
        "later: str = um.futures.order_status(symbol='BTCUSDT', order_id=1).result()['status']\n"
        "bids = um.depth(symbol='BTCUSDT')['bids'][0][0]\n"
    ))
    assert good.returncode == 0, good.stdout
    bad = _mypy(tmp_path, "futures_bad.py", _HEAD + (
        "print(order['clientOrderIdd'])\n"
        "print(positions[0]['positionAmtt'])\n"
        "print(coin['cumBasee'])\n"
    ))
    assert bad.returncode == 1, bad.stdout
    for line, key, cls in ((8, "clientOrderIdd", "UMOrderPlaceResult"),
                           (9, "positionAmtt", "UMAccountPositionV2ResultItem"),
                           (10, "cumBasee", "CMOrderPlaceResult")):
        assert f"futures_bad.py:{line}: error: TypedDict \"{cls}\" has no key \"{key}\"" in bad.stdout, bad.stdout
    assert "Found 3 errors" in bad.stdout and "import-not-found" not in bad.stdout, bad.stdout
