"""The futures tables LocalExchange reads from the derivatives docs (`futures_doc_table.py`).

`_extract_futures` writes them from the pages by a route of its own; these tests hold the
generated file to the docs copy the repository keeps, spot-check values that a broken parser
would get wrong, and make sure neither module leans on the client's tables.
"""

from __future__ import annotations

import ast
import pathlib

import pytest

from binance_wsapi.testing import _extract_futures
from binance_wsapi.testing.futures_doc_table import (
    CM_DOC_ENUM_FIELDS,
    CM_DOC_ENUMS,
    CM_DOC_ERROR_NAMES,
    CM_DOC_ERRORS,
    CM_DOC_METHODS,
    UM_DOC_ENUM_FIELDS,
    UM_DOC_ENUMS,
    UM_DOC_ERROR_MESSAGES,
    UM_DOC_ERROR_NAMES,
    UM_DOC_ERRORS,
    UM_DOC_METHODS,
)

KEPT = pathlib.Path(__file__).parent / "data" / "binance-derivatives-docs"
PACKAGE = pathlib.Path(_extract_futures.__file__).resolve().parents[1]

UM_NAMES = {
    "order.place", "order.modify", "order.cancel", "order.status",
    "algoOrder.place", "algoOrder.cancel",
    "account.position", "v2/account.position",
    "account.balance", "v2/account.balance", "account.status", "v2/account.status",
    "depth", "ticker.price", "ticker.book",
    "userDataStream.start", "userDataStream.ping", "userDataStream.stop",
    "session.logon", "session.status", "session.logout",
}  # fmt: skip
CM_NAMES = {
    "order.place", "order.modify", "order.cancel", "order.status",
    "account.position", "account.balance", "account.status",
    "userDataStream.start", "userDataStream.ping", "userDataStream.stop",
    "session.logon", "session.status", "session.logout",
}  # fmt: skip
TABLES = {"um": UM_DOC_METHODS, "cm": CM_DOC_METHODS}


def _mandatory(method: dict[str, object]) -> set[str]:
    params = method["params"]
    assert isinstance(params, tuple)
    return {name for name, _type, mandatory, _description in params if mandatory == "YES"}


# --- (a) the generated file is current ------------------------------------------------------


def test_the_generated_table_is_current() -> None:
    """futures_doc_table.py is exactly what the extractor makes of the docs copy kept in tests/data."""
    assert _extract_futures.main(["--check", str(KEPT)]) == 0, "run python -m binance_wsapi.testing._extract_futures"


def test_check_reports_a_stale_table(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--check returns 1, writing nothing, when the table on disk differs from the docs' reading."""
    stale = tmp_path / "futures_doc_table.py"
    stale.write_text("# stale\n", encoding="utf-8")
    monkeypatch.setattr(_extract_futures, "TABLE_FILE", stale)
    assert _extract_futures.main(["--check", str(KEPT)]) == 1
    assert stale.read_text(encoding="utf-8") == "# stale\n"


# --- (b) spot checks ------------------------------------------------------------------------


def test_the_documented_methods_are_all_found() -> None:
    """UM documents exactly 21 WebSocket API methods and CM exactly 13, session and listenKey ones included."""
    assert set(UM_DOC_METHODS) == UM_NAMES and len(UM_DOC_METHODS) == 21
    assert set(CM_DOC_METHODS) == CM_NAMES and len(CM_DOC_METHODS) == 13


def test_order_place_parameters_as_printed() -> None:
    """UM order.place's table is read whole and in order, the per-type table after it left out."""
    method = UM_DOC_METHODS["order.place"]
    assert (method["title"], method["security"], method["weight"]) == ("New Order", "TRADE", 0)
    assert _mandatory(method) == {"symbol", "side", "type", "timestamp"}
    names = [p[0] for p in method["params"]]
    assert names[:4] == ["symbol", "side", "positionSide", "type"] and names[-1] == "timestamp" and len(names) == 21
    assert "Type" not in names  # the "Additional mandatory parameters based on type" table
    # Markdown escapes resolved outside code, kept inside it (a regex).
    params = {p[0]: p for p in method["params"]}
    working_type = 'stopPrice triggered by: "MARK_PRICE", "CONTRACT_PRICE". Default "CONTRACT_PRICE"'
    assert params["workingType"][3] == working_type
    assert params["newClientOrderId"][3].endswith(r"^[\.A-Z\:/a-z0-9_-]{1,36}$")
    # CM prints other types for the same names.
    cm = {p[0]: p for p in CM_DOC_METHODS["order.place"]["params"]}
    assert cm["timestamp"] == ("timestamp", "INT", "YES", "") and cm["priceProtect"][1] == "ENUM"


def test_weights_as_printed() -> None:
    """The weight forms: a number, per-case numbers, the depth limit table and order.modify's order counts."""
    depth = UM_DOC_METHODS["depth"]
    assert depth["weight_text"] == "Adjusted based on the limit:" and depth["weight"] is None
    assert depth["weight_cases"] == (
        ("Limit: 5, 10, 20, 50", 2),
        ("Limit: 100", 5),
        ("Limit: 500", 10),
        ("Limit: 1000", 20),
    )
    # ticker.price states its weight under a "**Weight:**" label, not a "## Request Weight" heading.
    assert UM_DOC_METHODS["ticker.price"]["weight_cases"] == (
        ("for a single symbol", 1),
        ("when the symbol parameter is omitted", 2),
    )
    book = UM_DOC_METHODS["ticker.book"]
    assert book["weight_text"] == "2 for a single symbol; 5 when the symbol parameter is omitted"
    um, cm = UM_DOC_METHODS["order.modify"], CM_DOC_METHODS["order.modify"]
    assert um["order_count"] == cm["order_count"] == (
        "1 on 10s order rate limit(X-MBX-ORDER-COUNT-10S); 1 on 1min order rate limit(X-MBX-ORDER-COUNT-1M)"
    )
    assert um["order_counts"] == ((1, "10s"), (1, "1min"))
    assert (um["weight"], cm["weight"]) == (0, 1)  # "0 on IP rate limit" on UM, "1 on ..." on CM
    assert UM_DOC_METHODS["account.status"]["weight"] == 5 and UM_DOC_METHODS["account.status"]["weight_text"] == "5"


@pytest.mark.parametrize("api", sorted(TABLES))
def test_listen_key_and_session_methods(api: str) -> None:
    """listenKey methods are USER_STREAM; session.logon is SIGNED with its table, status and logout take none."""
    table = TABLES[api]
    start = table["userDataStream.start"]
    assert (start["security"], start["title"], start["weight"]) == ("USER_STREAM", "Start User Data Stream", 1)
    logon, status = table["session.logon"], table["session.status"]
    assert (logon["security"], logon["title"], logon["weight"]) == ("SIGNED", "Log in with API key", 2)
    assert [p[:3] for p in logon["params"]] == [
        ("apiKey", "STRING", "YES"),
        ("recvWindow", "INT", "NO"),
        ("signature", "STRING", "YES"),
        ("timestamp", "INT", "YES"),
    ]
    assert (status["security"], status["title"], status["params"]) == ("NONE", "Query session status", ())
    assert table["session.logout"]["title"] == "Log out of the session"


def test_the_apis_print_listen_key_parameters_differently() -> None:
    """UM's start takes apiKey YES and ping/stop none; CM's three take apiKey NO, as each page prints."""
    assert UM_DOC_METHODS["userDataStream.start"]["params"] == (("apiKey", "STRING", "YES", ""),)
    assert UM_DOC_METHODS["userDataStream.ping"]["params"] == UM_DOC_METHODS["userDataStream.stop"]["params"] == ()
    note = "Required if session is not authenticated via session.logon"
    for name in ("userDataStream.start", "userDataStream.ping", "userDataStream.stop"):
        assert CM_DOC_METHODS[name]["params"] == (("apiKey", "STRING", "NO", note),)


def test_versioned_names_keep_their_prefix() -> None:
    """`v2/` methods are keyed by their wire name and titled by their own pages."""
    assert UM_DOC_METHODS["v2/account.position"]["title"] == "Position Information V2"
    assert UM_DOC_METHODS["v2/account.balance"]["page"] == "account/websocket-api.md"
    assert CM_DOC_METHODS["account.balance"]["page"] == "account/websocket-api.md"


def test_error_codes_as_printed() -> None:
    """Each code maps to its first message, its heading name and every message listed, typos kept."""
    assert (len(UM_DOC_ERRORS), len(CM_DOC_ERRORS)) == (205, 154)
    assert UM_DOC_ERRORS[-2019] == CM_DOC_ERRORS[-2019] == "Margin is insufficient."
    assert UM_DOC_ERROR_NAMES[-2019] == CM_DOC_ERROR_NAMES[-2019] == "MARGIN_NOT_SUFFICIEN"
    assert UM_DOC_ERRORS[-1021] == "Timestamp for this request is outside of the recvWindow."
    assert UM_DOC_ERROR_MESSAGES[-1102] == (
        "A mandatory parameter was not sent, was empty/null, or malformed.",
        "Mandatory parameter '%s' was not sent, was empty/null, or malformed.",
        "Param '%s' or '%s' must be sent, but both were empty/null!",
    )
    assert UM_DOC_ERROR_NAMES[-1008] == "Request Throttled"
    assert CM_DOC_ERRORS[-4155] == "PStop price is lower than price multiplier floor."
    assert -4155 not in UM_DOC_ERRORS and UM_DOC_ERRORS[-4211] == "Stop price is lower than price multiplier floor."


def test_enum_sets_as_printed() -> None:
    """common-definition.md's sets by label, values without their descriptions, and the field index."""
    assert UM_DOC_ENUMS["Time in force"] == ("GTC", "IOC", "FOK", "GTX", "GTD", "RPI")
    assert CM_DOC_ENUMS["Time in force"] == ("GTC", "IOC", "FOK", "GTX")
    assert UM_DOC_ENUMS["STP MODE"] == ("EXPIRE_TAKER", "EXPIRE_BOTH", "EXPIRE_MAKER")
    assert CM_DOC_ENUMS["Self-Trade Prevention mode"] == ("NONE", "EXPIRE_TAKER", "EXPIRE_BOTH", "EXPIRE_MAKER")
    assert UM_DOC_ENUMS["Price Match"][:3] == ("NONE", "OPPONENT", "OPPONENT_5")
    assert UM_DOC_ENUM_FIELDS["type"] == UM_DOC_ENUM_FIELDS["orderTypes"] == ("Order types",)
    assert UM_DOC_ENUM_FIELDS["status"] == CM_DOC_ENUM_FIELDS["status"] == ("Contract status", "Order status")
    assert CM_DOC_ENUMS[CM_DOC_ENUM_FIELDS["newOrderRespType"][0]] == ("ACK", "RESULT")
    assert len(UM_DOC_ENUMS["Kline/Candlestick chart intervals"]) == 16  # "Filters" after the list is not read


# --- (c) independence from the client -------------------------------------------------------


def _imported_modules(path: pathlib.Path) -> set[str]:
    """Every module a file imports, relative imports resolved against binance_wsapi.testing."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = "binance_wsapi.testing".split(".")[: 2 - (node.level - 1)]
                found.add(".".join(base + ([node.module] if node.module else [])))
            else:
                found.add(node.module or "")
    return found


@pytest.mark.parametrize("name", ["_extract_futures.py", "futures_doc_table.py"])
def test_no_client_imports(name: str) -> None:
    """The extractor and its table import nothing of binance_wsapi outside binance_wsapi.testing."""
    modules = _imported_modules(PACKAGE / "testing" / name)
    ours = {m for m in modules if m == "binance_wsapi" or m.startswith("binance_wsapi.")}
    assert {m for m in ours if not (m + ".").startswith("binance_wsapi.testing.")} == set()


def test_the_import_check_sees_client_imports(tmp_path: pathlib.Path) -> None:
    """The check above resolves relative imports, so `from ..methods import X` would not slip past it."""
    sample = tmp_path / "sample.py"
    sample.write_text("from ..methods import METHODS\nimport binance_wsapi.futures_methods\nfrom .model import x\n")
    expected = {"binance_wsapi.methods", "binance_wsapi.futures_methods", "binance_wsapi.testing.model"}
    assert _imported_modules(sample) == expected
