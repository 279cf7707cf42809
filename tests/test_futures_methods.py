"""The UM and CM method tables against the derivatives docs copy, parsed here independently."""

from __future__ import annotations

import pathlib
import re
from typing import Any, NamedTuple

import pytest

from binance_wsapi.futures_methods import (
    CM_ENUM_VALUES,
    CM_METHODS,
    FUTURES_CHECKS,
    UM_ENUM_VALUES,
    UM_METHODS,
    USER_STREAM_AUTH,
)
from binance_wsapi.methods import Auth, MethodSpec, ParamType, Security

# The copy the repository keeps (tests/data/binance-derivatives-docs/README.md says where it is from).
DOCS_ROOT = pathlib.Path(__file__).parent / "data" / "binance-derivatives-docs"
REFERENCE = pathlib.Path(__file__).resolve().parents[2] / "shared" / "reference" / "binance-derivatives-docs"

APIS = {"um": "usds-margined-futures", "cm": "coin-margined-futures"}
TABLES: dict[str, dict[str, MethodSpec]] = {"um": UM_METHODS, "cm": CM_METHODS}
ENUMS: dict[str, dict[str, tuple[str, ...]]] = {"um": UM_ENUM_VALUES, "cm": CM_ENUM_VALUES}
CLIENT_OWNED = {"apiKey", "signature", "timestamp"}
DOC_TYPES = {"STRING": "STRING", "LONG": "INT", "INT": "INT", "DECIMAL": "DECIMAL", "ENUM": "ENUM"}
STATE_CHANGING = {"order.place", "order.modify", "order.cancel", "algoOrder.place", "algoOrder.cancel"}
CONDITIONAL_TYPES = {"STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET"}

# Documented parameters the table leaves out, each with the reason (FUTURES-NOTES §2.3, §8 #1).
_UM_LEGACY = "UM conditional orders moved to algoOrder.place on 2025-12-09; the SDK dropped it on 2026-06-09"
REMOVED_PARAMS: dict[tuple[str, str], dict[str, str]] = {
    ("um", "order.place"): {
        name: _UM_LEGACY
        for name in ("stopPrice", "closePosition", "activationPrice", "callbackRate", "workingType", "priceProtect")
    },
}
# Parameters the table has that the docs copy lacks, each with the reason (FUTURES-NOTES §2.4, §9).
_MODIFY_ID = "added 2026-07-28, after the docs copy (FUTURES-NOTES §2.4)"
ADDED_PARAMS: dict[tuple[str, str], dict[str, str]] = {
    ("um", "order.modify"): {"modifyId": _MODIFY_ID},
    ("cm", "order.modify"): {"modifyId": _MODIFY_ID},
}
# Parameters the docs mark mandatory that the table makes one of a pair, with the reason.
_PRICE_OR_MATCH = "mandatory in the table, yet priceMatch 'Can't be passed together with price' (FUTURES-NOTES §8 #11)"
NOT_REQUIRED: dict[tuple[str, str], dict[str, str]] = {
    ("um", "order.modify"): {"price": _PRICE_OR_MATCH},
    ("cm", "order.modify"): {"price": _PRICE_OR_MATCH},
}
# Values the table drops from, or adds to, a common-definition value set, with the reason.
_OPP = {"OPPONENT_10", "OPPONENT_20"}
_OPP_REASON = "temporarily removed from place/amend since 2025-10-23 (change log 2025-10-21)"
ENUM_DIFFERENCES: dict[tuple[str, str], tuple[set[str], set[str], str]] = {
    ("um", "type"): (CONDITIONAL_TYPES, set(), "order.place takes LIMIT/MARKET only since 2025-12-09 (-4120)"),
    ("cm", "type"): (CONDITIONAL_TYPES, set(), "CM order.place rejects them with -4120 since 2026-06-30"),
    ("um", "priceMatch"): (_OPP, set(), _OPP_REASON),
    ("cm", "priceMatch"): (_OPP, set(), _OPP_REASON),
    ("um", "selfTradePreventionMode"): (set(), {"NONE"}, "order.place's description lists NONE, the default"),
}


class DocParam(NamedTuple):
    type: str
    required: bool
    description: str


class DocMethod(NamedTuple):
    name: str
    title: str
    security: str
    weight: str
    params: dict[str, DocParam]
    text: str


def _table_rows(text: str) -> list[list[str]]:
    """The body rows of the first markdown table in `text` (header and rule skipped)."""
    rows: list[list[str]] = []
    for line in text.strip().splitlines():
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[2:]


def _params(section: str) -> dict[str, DocParam]:
    if section.strip().startswith(("None", ": None")):
        return {}
    section = section[section.index("|"):]
    return {
        row[0].strip("`"): DocParam(row[1], row[2] == "YES", row[3] if len(row) > 3 else "")
        for row in _table_rows(section)
        if row[0].strip("`")
    }


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^{heading}\s*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match is not None, heading
    return match.group(1)


def _method_page(path: pathlib.Path) -> DocMethod:
    text = path.read_text("utf-8")
    name = re.search(r"^## Method\s*\n\s*`([^`]+)`", text, re.M)
    title = re.search(r'^title: "(.*)"$', text, re.M)
    assert name is not None and title is not None, path
    security = re.search(r"\((\w+)\)\s*$", title.group(1))
    weight = _section(text, r"(?:## Request Weight|\*\*Weight:\*\*)")
    return DocMethod(
        name.group(1),
        re.sub(r"\s*\(\w+\)\s*$", "", title.group(1)),
        security.group(1) if security else "NONE",
        weight.strip(),
        _params(_section(text, "## Request Parameters")),
        text,
    )


def _session_methods(path: pathlib.Path) -> list[DocMethod]:
    """The `**Weight:** / **Method**: / **Parameters**` blocks of websocket-api-general-info.md."""
    text = path.read_text("utf-8")
    signed = "".join(
        part for part in re.split(r"^### ", text, flags=re.M) if part.splitlines()[0].rstrip().endswith("(SIGNED)")
    )
    found = []
    for m in re.finditer(
        r'\*\*Weight:\*\*\s*(\d+)\s*\n\s*\*\*Method\*\*:\s*"([^"]+)"\s*\n\s*\*\*Parameters\*\*(.*?)(?=^#|^\*\*|\Z)',
        text,
        re.M | re.S,
    ):
        name = m.group(2)
        security = "SIGNED" if f'"method": "{name}"' in signed else "NONE"
        found.append(DocMethod(name, "", security, f"**{m.group(1)}**", _params(m.group(3)), m.group(0)))
    return found


def documented(api: str) -> dict[str, DocMethod]:
    """Every method the docs copy documents for `api`, by wire name."""
    root = DOCS_ROOT / APIS[api]
    methods = [_method_page(p) for p in sorted(root.rglob("*.md")) if "\n## Method" in p.read_text("utf-8")]
    methods += _session_methods(root / "websocket-api-general-info.md")
    by_name = {m.name: m for m in methods}
    assert len(by_name) == len(methods), "a method documented twice"
    return by_name


DOCS = {api: documented(api) for api in APIS}
CASES = [(api, name) for api in APIS for name in sorted(DOCS[api])]


def common_definitions(api: str) -> dict[str, set[str]]:
    """The ENUM lists of common-definition.md, by each wire name in the heading's parentheses."""
    text = (DOCS_ROOT / APIS[api] / "common-definition.md").read_text("utf-8")
    sets: dict[str, set[str]] = {}
    for m in re.finditer(r"^\*\*[^*(]*\(([\w, ]+)\):?\*\*:?\s*\n(.*?)(?=^\*\*|^#)", text, re.M | re.S):
        values = {v.replace("\\", "") for v in re.findall(r"^- ([A-Z0-9_\\]+)", m.group(2), re.M)}
        for key in m.group(1).split(","):
            sets[key.strip()] = values
    return sets


def test_the_parser_finds_the_catalogued_counts() -> None:
    """The docs copy yields 21 UM and 13 CM methods, as FUTURES-NOTES §2.1 counts them."""
    assert (len(DOCS["um"]), len(DOCS["cm"])) == (21, 13)
    assert {"v2/account.position", "v2/account.balance", "v2/account.status"} <= set(DOCS["um"])


@pytest.mark.parametrize("api", sorted(APIS))
def test_tables_cover_exactly_the_documented_methods(api: str) -> None:
    """Every documented method is in the table, keyed by wire name, and nothing else is."""
    assert list(TABLES[api]) == [spec.name for spec in TABLES[api].values()]
    assert set(TABLES[api]) == set(DOCS[api])


@pytest.mark.parametrize(("api", "method"), CASES)
def test_parameters_match_the_docs(api: str, method: str) -> None:
    """Each parameter has the docs' type and mandatory flag; only the listed exceptions differ."""
    spec, doc = TABLES[api][method], DOCS[api][method]
    removed = REMOVED_PARAMS.get((api, method), {})
    added = ADDED_PARAMS.get((api, method), {})
    expected = {name: p for name, p in doc.params.items() if name not in CLIENT_OWNED and name not in removed}
    assert set(removed) <= set(doc.params), "an exception for a parameter the docs do not have"
    assert not set(added) & set(doc.params), "an exception for a parameter the docs already have"
    assert {p.wire for p in spec.params} == set(expected) | set(added)
    relaxed = NOT_REQUIRED.get((api, method), {})
    assert all(expected[name].required for name in relaxed), "an exception for a parameter that is not mandatory"
    for param in spec.params:
        if param.wire in expected:
            assert param.type.value == DOC_TYPES[expected[param.wire].type], param.wire
            assert param.required == (expected[param.wire].required and param.wire not in relaxed), param.wire


@pytest.mark.parametrize(("api", "method"), CASES)
def test_security_and_auth(api: str, method: str) -> None:
    """Security is the docs' label; signed kinds are signed, USER_STREAM uses the stand-in auth."""
    spec = TABLES[api][method]
    assert spec.security.value == DOCS[api][method].security
    auth = {
        Security.NONE: Auth.NONE,
        Security.TRADE: Auth.SIGNED,
        Security.USER_DATA: Auth.SIGNED,
        Security.SIGNED: Auth.ALWAYS_SIGNED,
        Security.USER_STREAM: USER_STREAM_AUTH,
    }
    assert spec.auth is auth[spec.security]
    signed = spec.auth in (Auth.SIGNED, Auth.ALWAYS_SIGNED)
    assert ("recvWindow" in spec.by_wire) == signed
    if signed:
        assert spec.by_wire["recvWindow"].type is ParamType.INT


@pytest.mark.parametrize(("api", "method"), CASES)
def test_titles_follow_the_page_titles(api: str, method: str) -> None:
    """A method page's title, without its security label, is the spec's title (case aside)."""
    doc = DOCS[api][method]
    if doc.title:
        assert TABLES[api][method].title.lower() == doc.title.lower()


def _expected_weights(doc: DocMethod) -> list[tuple[dict[str, Any], int]]:
    """(params, weight) pairs the weight text states; fails on text it cannot read."""
    text = doc.weight
    if m := re.fullmatch(r"\*\*(\d+)\*\*", text):
        return [({}, int(m.group(1)))]
    if m := re.search(r"\*\*(\d+)\*\* for a single symbol;\s*\*\*(\d+)\*\* when the symbol parameter is omitted", text):
        return [({"symbol": "BTCUSDT"}, int(m.group(1))), ({}, int(m.group(2)))]
    if m := re.search(r"(\d+) on IP rate limit", text):
        return [({}, int(m.group(1)))]
    if "Adjusted based on the limit" in text:
        pairs: list[tuple[dict[str, Any], int]] = []
        for limits, weight in _table_rows(text[text.index("|"):]):
            pairs += [({"limit": int(n)}, int(weight)) for n in limits.split(",")]
        default = re.search(r"Default (\d+)", doc.params["limit"].description)
        assert default is not None
        pairs.append(({}, dict((p["limit"], w) for p, w in pairs)[int(default.group(1))]))
        return pairs
    raise AssertionError(f"unread weight text for {doc.name}: {text!r}")


@pytest.mark.parametrize(("api", "method"), CASES)
def test_weights_match_the_docs(api: str, method: str) -> None:
    """The weight for each case the docs state is what the spec charges; functions state their rule."""
    spec = TABLES[api][method]
    for params, weight in _expected_weights(DOCS[api][method]):
        assert spec.weight_for(params) == weight, params
    if not isinstance(spec.weight, int):
        assert spec.weight.__doc__
    assert not spec.free_on_success


@pytest.mark.parametrize(("api", "method"), CASES)
def test_order_counts_match_the_docs(api: str, method: str) -> None:
    """Methods whose example rateLimits carry ORDERS charge an order count (the stated one if any)."""
    spec, doc = TABLES[api][method], DOCS[api][method]
    assert (spec.orders > 0) == ('"rateLimitType": "ORDERS"' in doc.text)
    if m := re.search(r"(\d+) on 1min order rate limit", doc.weight):
        assert spec.orders == int(m.group(1))
    if spec.orders:
        assert spec.orders == 1


@pytest.mark.parametrize(("api", "method"), CASES)
def test_state_changing_and_client_ids(api: str, method: str) -> None:
    """The five order-changing methods are state-changing; the placing ones generate their client id."""
    spec = TABLES[api][method]
    assert spec.state_changing == (method in STATE_CHANGING)
    expected = {"order.place": "newClientOrderId", "algoOrder.place": "clientAlgoId"}.get(method)
    assert spec.client_order_id == expected
    if expected is not None:
        assert expected in DOCS[api][method].params and expected in spec.by_wire


@pytest.mark.parametrize(("api", "method"), CASES)
def test_groups_follow_the_docs(api: str, method: str) -> None:
    """"Either X or Y must be sent" is an "any" group; "can't be passed together with price" a "most" one."""
    spec, doc = TABLES[api][method], DOCS[api][method]
    groups = {(g.kind, g.names) for g in spec.groups}
    for g in spec.groups:
        assert set(g.names) <= set(spec.by_wire), g
    either = re.findall(r"Either `(\w+)` or `(\w+)` must be sent", doc.text)
    assert {g for g in groups if g[0] == "any"} == {("any", pair) for pair in either}
    price_match = doc.params.get("priceMatch")
    together = price_match is not None and "Can't be passed together with `price`" in price_match.description
    # Where the docs mark price mandatory (order.modify), the table asks for exactly one of the two.
    exactly_one = together and "price" in NOT_REQUIRED.get((api, method), {})
    assert (("one", ("price", "priceMatch")) in groups) == exactly_one
    assert (("most", ("price", "priceMatch")) in groups) == (together and not exactly_one)
    assert {g for g in groups if g[0] not in ("any", "most", "one")} == set()


@pytest.mark.parametrize("api", sorted(APIS))
def test_enum_sets_match_the_common_definitions(api: str) -> None:
    """Each value set named in common-definition.md equals it, but for the listed differences."""
    docs = common_definitions(api)
    table = ENUMS[api]
    shared = set(table) & set(docs)
    assert {"side", "positionSide", "type", "timeInForce", "workingType", "newOrderRespType", "priceMatch",
            "selfTradePreventionMode"} <= shared
    for key in shared:
        removed, added, _reason = ENUM_DIFFERENCES.get((api, key), (set(), set(), ""))
        assert removed <= docs[key] and not added & docs[key], key
        assert set(table[key]) == (docs[key] - removed) | added, key
        assert len(table[key]) == len(set(table[key])), key


def test_algo_order_sets_match_its_page() -> None:
    """algoOrder.place's algoType, type and timeInForce sets are the ones its page describes."""
    params = DOCS["um"]["algoOrder.place"].params
    spec = UM_METHODS["algoOrder.place"].by_wire
    for wire in ("algoType", "type", "timeInForce"):
        described = set(re.findall(r"`([A-Z_]+)`", params[wire].description))
        if wire == "type":
            described.discard("CONDITIONAL")  # "For `CONDITIONAL` algoType, ..."
        choices = spec[wire].choices
        assert choices is not None and set(choices) == described, wire
    assert set(UM_ENUM_VALUES["algoPriceMatch"]) == common_definitions("um")["priceMatch"]


@pytest.mark.parametrize(("api", "method"), CASES)
def test_every_enum_parameter_has_a_value_set(api: str, method: str) -> None:
    """No ENUM parameter is left unchecked, and no other parameter has choices."""
    for param in TABLES[api][method].params:
        assert (param.choices is not None) == (param.type is ParamType.ENUM), param.wire


def test_checks_are_described() -> None:
    """Every check a spec names has its rule written in FUTURES_CHECKS, and every rule is used."""
    named = {c for table in TABLES.values() for spec in table.values() for c in spec.checks}
    assert named == set(FUTURES_CHECKS)


def test_listed_exceptions_are_still_needed() -> None:
    """Each exception names a method that exists in the docs, so none outlives its reason unnoticed."""
    for api, method in (*REMOVED_PARAMS, *ADDED_PARAMS, *NOT_REQUIRED):
        assert method in DOCS[api]
    for (api, key), (_removed, _added, reason) in ENUM_DIFFERENCES.items():
        assert key in ENUMS[api] and reason


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the project's reference copy is not beside this checkout")
def test_the_kept_docs_equal_the_reference_copy() -> None:
    """tests/data's pages are the reference's, unchanged: no page added, dropped or edited."""
    kept = {p.relative_to(DOCS_ROOT): p.read_bytes() for p in DOCS_ROOT.rglob("*.md") if p.name != "README.md"}
    reference = {p.relative_to(REFERENCE): p.read_bytes() for p in REFERENCE.rglob("*.md")}
    assert kept.keys() == reference.keys() and all(kept[k] == reference[k] for k in kept)


def test_versioned_methods_get_the_version_as_a_suffix() -> None:
    """`v2/account.position` is named `account_position_v2`; unversioned names are unchanged."""
    assert UM_METHODS["v2/account.position"].python_name == "account_position_v2"
    assert UM_METHODS["account.position"].python_name == "account_position"
    assert UM_METHODS["algoOrder.place"].python_name == "algo_order_place"
