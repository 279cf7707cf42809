"""Write `api.py` and `futures_api.py`, the named methods, from the method tables:
``python -m binance_wsapi._generate``.

Generated rather than dynamic so that editors and type checkers see every method, parameter
and type. ``--check`` exits 1 if a generated file is not what this would write (so does
`tests/test_methods.py`).
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
import textwrap
from typing import Any, Optional

from .enums import ENUM_VALUES
from .futures_methods import CM_METHODS, UM_METHODS
from .methods import METHODS, Auth, MethodSpec, Param, ParamType, Security

TARGET = pathlib.Path(__file__).with_name("api.py")
FUTURES_TARGET = pathlib.Path(__file__).with_name("futures_api.py")

HEADER = '''# mypy: disable-error-code="no-any-return"
"""The named methods, one per WebSocket API method. Generated from `methods.py`: do not edit.

Run ``python -m binance_wsapi._generate`` after changing the method table.

`Client` inherits `Methods`, whose blocking methods return the response's ``result``, typed by
`results.py`; `client.futures` is a `FutureMethods`, with the same methods returning a
`concurrent.futures.Future` of it.
"""

from __future__ import annotations

from concurrent.futures import Future
from decimal import Decimal
from typing import Any, Literal, Mapping, NoReturn, Optional, Sequence, Union

from .config import USE_CLIENT_DEFAULT, UseClientDefault
from .enums import OrderType, Side, TimeInForce
from .results import (
{results_imports}
)

__all__ = ["FutureMethods", "Methods", "Number", "TimeoutArg"]

#: Prices and quantities: a Decimal or str (sent as written), an int, or a float that prints plainly.
Number = Union[Decimal, str, int, float]
#: Seconds, None to wait forever, or USE_CLIENT_DEFAULT for the client's timeout.
TimeoutArg = Union[float, None, UseClientDefault]
'''

_ENUM_CLASSES = {
    ENUM_VALUES["side"]: "Side",
    ENUM_VALUES["type"]: "OrderType",
    ENUM_VALUES["timeInForce"]: "TimeInForce",
}
_TYPES = {
    ParamType.STRING: "str",
    ParamType.INT: "int",
    ParamType.DECIMAL: "Number",
    ParamType.BOOL: "bool",
    ParamType.ARRAY: "Sequence[str]",
}


# Futures' true/false parameters, STRINGs on the wire: an editor offers the two values.
_FLAG_STRINGS = frozenset({"reduceOnly", "closePosition", "priceProtect"})


def _hint(param: Param) -> str:
    if param.type is ParamType.STRING and param.wire in _FLAG_STRINGS:
        return 'Literal["true", "false"]'
    if param.type is ParamType.ENUM:
        if not param.choices:
            return "str"
        # An editor offers the values; the exported enums (Side.BUY, ...) are still accepted.
        literal = "Literal[" + ", ".join(f'"{c}"' for c in param.choices) + "]"
        enum_class = _ENUM_CLASSES.get(param.choices)
        return f"Union[{enum_class}, {literal}]" if enum_class else literal
    return _TYPES[param.type]


# Klines and uiKlines answer rows of twelve columns, named only by comments in the docs' example.
_KLINE_COLUMNS = (
    "Each row: open time, open, high, low, close, volume, close time, quote asset volume, number of trades, "
    "taker buy base asset volume, taker buy quote asset volume, (unused)."
)


# The docs link their own pages relatively ("./enums.md#side"), which resolves nowhere once in
# a docstring: point such links at the published docs instead.
_DOC_LINK = re.compile(r"\]\((?:\./)?([\w/-]+)\.md(#[\w-]+)?\)")
_DOCS_SITE = "https://developers.binance.com/docs/binance-spot-api-docs/"


def _safe(text: str) -> str:
    text = _DOC_LINK.sub(lambda m: f"]({_DOCS_SITE}{m.group(1)}{m.group(2) or ''})", text)
    return text.replace("\\", "/").replace('"' * 3, "'" * 3)


def _descriptions() -> dict[str, dict[str, str]]:
    """Each method's parameter descriptions, from the docs' tables (the copy kept in tests/data)."""
    from .testing import _extract  # a development tool: needs the testing extra and a checkout

    table = _extract.extract(_extract.default_docs_dir())
    out: dict[str, dict[str, str]] = {}
    for method, doc in table.items():
        rows = list(doc["params"])
        if doc["inherits"]:
            rows = list(table[doc["inherits"]]["params"]) + rows
        # Written into docstrings: no backslash escapes, no closing quotes.
        out[method] = {row[0]: _safe(row[3]) for row in rows if row[3]}
    return out


def _docstring(spec: MethodSpec, described: Optional[dict[str, str]] = None, futures: bool = False) -> list[str]:
    security = spec.security.value
    notes = []
    if isinstance(spec.weight, int):
        weight = f"weight {spec.weight}" + ("; 0 when successful" if spec.free_on_success else "")
    else:
        weight = "weight by parameters"
        notes.append(f"Weight: {(spec.weight.__doc__ or '').strip()}")
    lines = [f"{spec.title}: `{spec.name}` ({security}, {weight})."]
    if spec.orders and futures:
        notes.append(f"Counts {spec.orders} against the account's order rate limits.")
    elif spec.orders:
        notes.append(f"Adds {spec.orders} to the unfilled order count.")
    if spec.client_order_id:
        notes.append(
            f"`{spec.by_wire[spec.client_order_id].name}` is generated when not given, so the order can be "
            "looked up if its outcome is unknown."
        )
    if spec.auth is Auth.SESSION:
        notes.append("Needs a connection logged on with an Ed25519 key (the client does it by default).")
    if spec.auth is Auth.API_KEY:
        notes.append("Carries the API key (not on a connection logged on with `session.logon`); not signed.")
    if spec.auth is Auth.SIGNED:
        notes.append("Signed by the client; `recv_window` overrides the client's for this call.")
    if spec.security is Security.TRADE and spec.state_changing:
        notes.append("Raises ExecutionStatusUnknown if it may have executed without a definitive answer.")
    if spec.name in ("klines", "uiKlines"):
        notes.append(_KLINE_COLUMNS)
    params = [(p.name, (described or {}).get(p.wire, "")) for p in spec.params]
    params = [(name, text) for name, text in params if text]
    if params:
        notes.append("Parameters (from the docs):")
        notes += [f"- {name}: {text}" for name, text in params]
    if notes:
        lines.append("")
        lines += notes
    return lines


def _method(spec: MethodSpec, described: Optional[dict[str, str]] = None, result: str = "Any",
            future: bool = False, futures_api: bool = False) -> list[str]:
    args = ["self", "*"]
    for param in spec.params:
        hint = _hint(param)
        args.append(f"{param.name}: {hint}" if param.required else f"{param.name}: Optional[{hint}] = None")
    args += ["timeout: TimeoutArg = USE_CLIENT_DEFAULT", "**unknown: NoReturn"]
    returns = f"Future[{result}]" if future else result
    out = [f"    def {spec.python_name}(", *(f"        {a}," for a in args), f"    ) -> {returns}:"]
    summary, *notes = _docstring(spec, described, futures_api)
    if future:
        summary, notes = f"{summary[:-1]}, as a Future (see `Methods.{spec.python_name}`).", []
    if notes:
        out.append(f'        """{summary}')
        for line in notes:
            indent = "          " if line.startswith("- ") else "        "
            out += textwrap.wrap(line, 104, initial_indent="        ", subsequent_indent=indent) or [""]
        out.append('        """')
    else:
        out.append(f'        """{summary}"""')
    out.append(f'        return self._named(\n            "{spec.name}",\n            timeout,\n            unknown,')
    if spec.params:
        out.append("            {")
        out += [f'                "{p.name}": {p.name},' for p in spec.params]
        out.append("            },")
    else:
        out.append("            {},")
    out.append("        )")
    return out


RESULTS = pathlib.Path(__file__).with_name("results.py")

RESULTS_HEADER = '''"""The shape of each method's ``result``, as TypedDicts. Generated from the docs' response examples
(``python -m binance_wsapi._generate``): do not edit.

For type checkers and editors only: at run time every result is a plain dict or list. Every
field is optional (``total=False``): the docs' examples show fields that appear only in some
answers (by ``newOrderRespType``, by order type), and a TypedDict still flags a misspelt key.
"""

from __future__ import annotations

from typing import Any, TypedDict{union}
'''


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.replace(".", "_").split("_") if part)


class _Types:
    """Collects the TypedDicts that describe example values, nested ones first."""

    def __init__(self, merge_items: bool = False) -> None:
        self.classes: dict[str, list[str]] = {}
        # Futures' lists hold one kind of item whose examples differ only by the fields some
        # answers add (breakEvenPrice, marginAvailable in Multi-Assets mode): one TypedDict of
        # them all. Spot's may hold several kinds (filters), typed as plain dicts.
        self.merge_items = merge_items

    def hint(self, name: str, values: list[Any]) -> str:
        kinds = {type(v) for v in values if v is not None}
        if not kinds:
            return "Any"
        if kinds == {bool}:
            return "bool"
        if kinds <= {int, bool} or kinds == {int}:
            return "int"
        if kinds <= {int, float}:
            return "float"
        if kinds == {str}:
            return "str"
        if kinds == {dict}:
            return self.typed_dict(name, values)
        if kinds == {list}:
            items = [item for value in values for item in value]
            if (not self.merge_items and items and all(type(i) is dict for i in items)
                    and len({frozenset(i) for i in items}) > 1):
                # Items of different shapes (filters, order reports of several types): a TypedDict
                # made of the examples would flag keys that other items have.
                return "list[dict[str, Any]]"
            return f"list[{self.hint(name + 'Item', items)}]" if items else "list[Any]"
        hints = sorted({self.hint(name, [v for v in values if type(v) is kind]) for kind in kinds})
        return "Union[" + ", ".join(hints) + "]"

    def typed_dict(self, name: str, values: list[dict[str, Any]]) -> str:
        keys: dict[str, list[Any]] = {}
        for value in values:
            for key, item in value.items():
                keys.setdefault(key, []).append(item)
        if not keys:
            return "dict[str, Any]"
        fields = [f"    {key}: {self.hint(name + _pascal(key), items)}" for key, items in keys.items()
                  if key.isidentifier()]
        if len(fields) != len(keys):  # a key that is not a name: the functional form
            pairs = ", ".join(f"{key!r}: {self.hint(name + _pascal(key), items)}" for key, items in keys.items())
            self.classes[name] = [f"{name} = TypedDict({name!r}, {{{pairs}}}, total=False)"]
        else:
            self.classes[name] = [f"class {name}(TypedDict, total=False):", *fields]
        return name


def _examples() -> dict[str, list[Any]]:
    """Each method's successful results in the docs' response examples (the kept extraction)."""
    import json

    path = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "ws_api_docs.json"
    methods = json.loads(path.read_text(encoding="utf-8"))["methods"]
    return {name: [r["result"] for r in doc["responses"] if r.get("status") == 200 and "result" in r]
            for name, doc in methods.items()}


def result_types() -> tuple[str, dict[str, str]]:
    """The text of results.py and each method's result hint."""
    types = _Types()
    examples = _examples()
    hints = {}
    for spec in METHODS.values():
        values = examples.get(spec.name, [])
        hint = types.hint(_pascal(spec.python_name) + "Result", values) if values else "Any"
        hints[spec.name] = hint
    names = sorted(n for n in types.classes)
    bodies = "\n".join(line for body in types.classes.values() for line in body)
    header = RESULTS_HEADER.rstrip("\n").replace("{union}", ", Union" if "Union[" in bodies else "")
    lines = [header, "", f"__all__ = {names!r}".replace("'", '"')]
    for name, body in types.classes.items():
        lines += ["", "", *body]
    return "\n".join(lines) + "\n", hints


_CLASSES = (
    ("Methods", "Any", False,
     "Every WebSocket API method by its snake_case name, blocking; `_named` does the work."),
    ("FutureMethods", "Future[Any]", True,
     "Every WebSocket API method by its snake_case name, returning a Future; `_named` does the work."),
)


def render() -> str:
    """The text of api.py for the current method table."""
    described = _descriptions()
    _, results = result_types()
    used = sorted({name for hint in results.values() for name in re.findall(r"\b\w+Result\w*\b", hint)})
    lines = [HEADER.rstrip("\n").replace("{results_imports}", "\n".join(f"    {name}," for name in used))]
    for name, named_returns, future, doc in _CLASSES:
        lines += ["", "", f"class {name}:", f'    """{doc}"""', "", "    __slots__ = ()", "",
                  "    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], "
                  f"values: Mapping[str, Any]) -> {named_returns}:",
                  "        raise NotImplementedError"]
        for spec in METHODS.values():
            lines.append("")
            lines += _method(spec, described.get(spec.name), results[spec.name], future)
    return "\n".join(lines) + "\n"


FUTURES_HEADER = '''# mypy: disable-error-code="no-any-return"
"""The named methods of the USDⓈ-M and COIN-M Futures WebSocket APIs. Generated from
`futures_methods.py`: do not edit.

Run ``python -m binance_wsapi._generate`` after changing the method tables.

`UMFuturesClient` inherits `UMMethods` and `CMFuturesClient` `CMMethods`, whose blocking methods
return the response's ``result``, typed by `futures_results.py`; their ``futures`` twins are
`UMFutureMethods` and `CMFutureMethods`, returning a `concurrent.futures.Future` of it.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Literal, Mapping, NoReturn, Optional, Union

from .api import Number, TimeoutArg
from .config import USE_CLIENT_DEFAULT
from .enums import {enums}
from .futures_results import (
{results_imports}
)

__all__ = ["CMFutureMethods", "CMMethods", "UMFutureMethods", "UMMethods"]
'''

_FUTURES_CLASSES = (
    ("UMMethods", "UM", UM_METHODS, "USDⓈ-M Futures", False),
    ("UMFutureMethods", "UM", UM_METHODS, "USDⓈ-M Futures", True),
    ("CMMethods", "CM", CM_METHODS, "COIN-M Futures", False),
    ("CMFutureMethods", "CM", CM_METHODS, "COIN-M Futures", True),
)

FUTURES_RESULTS = pathlib.Path(__file__).with_name("futures_results.py")

#: The derivatives docs copy the repository keeps (never $BINANCE_DERIVATIVES_DOCS or the
#: reference beside the checkout): what ``--check`` compares against is in every checkout.
FUTURES_DOCS = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "binance-derivatives-docs"
#: Each API's folder in the docs, by the prefix of its result types.
FUTURES_FOLDERS = {"UM": "usds-margined-futures", "CM": "coin-margined-futures"}

FUTURES_RESULTS_HEADER = '''"""The shape of each USDⓈ-M (``UM...``) and COIN-M (``CM...``) Futures method's
``result``, as TypedDicts. Generated from the response examples of the derivatives docs kept in
``tests/data/binance-derivatives-docs`` (``python -m binance_wsapi._generate``): do not edit.

For type checkers and editors only: at run time every result is a plain dict or list. Every
field is optional (``total=False``): the examples show fields that appear only in some answers
(by ``newOrderRespType``, position mode, Multi-Assets mode), and ``avgPrice``, ``cumQuote`` (UM)
and ``cumBase`` (CM) left the place, modify and cancel results in 2026-07; a TypedDict still
flags a misspelt key.
"""

from __future__ import annotations

from typing import Any, TypedDict{union}
'''

_FENCED = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
# A JSON string (the docs' strings never span lines), a // comment, or what lies between.
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|[^"/]+|[\s\S]')
# What a response example may hold beside "result".
_ENVELOPE = frozenset({"id", "status", "result", "rateLimits"})


def docs_json(text: str) -> Any:
    """A JSON example as the docs print it, repaired where it is not JSON.

    The repairs, each outside string literals: ``//`` comments are dropped (the UM account
    pages annotate fields, quoting values such as "BOTH" in them; the CM ones elide items with
    ``// ... ...``); the scrape's non-breaking spaces become spaces; a comma missing at the end
    of a line before the next line's key is added (``"maxWithdrawAmount": "23.72469206"`` before
    ``"assets": [``, ``"crossUnPnl": "0.00000000"`` before ``"availableBalance"`` in the UM
    account pages); a trailing comma before ``]`` or ``}`` is dropped (left by the elisions).
    Anything else still broken raises ValueError.
    """
    try:
        return json.loads(text)
    except ValueError:
        pass
    parts: list[str] = []  # string literals and, between them, the rest with comments dropped
    for token in _JSON_TOKEN.findall(text):
        if token.startswith("//"):
            continue
        if len(token) > 1 and token.startswith('"') or not parts or parts[-1].startswith('"'):
            parts.append(token)
        else:
            parts[-1] += token
    out: list[str] = []
    for n, part in enumerate(parts):
        if part.startswith('"') and len(part) > 1:
            out.append(part)
            continue
        part = re.sub(r",(\s*[}\]])", r"\1", part.replace("\xa0", " "))
        body = part.rstrip()
        ends_value = body[-1:] in ("}", "]", "e", "l") or body[-1:].isdigit() or (not body and n > 0)
        if ends_value and n + 1 < len(parts) and "\n" in part[len(body):]:
            part = body + "," + part[len(body):]
        out.append(part)
    try:
        return json.loads("".join(out))
    except ValueError as exc:
        raise ValueError(f"a docs example is not JSON, even repaired: {exc}") from None


def _response_result(response: Any, method: str, page: pathlib.Path) -> list[Any]:
    """A response example's ``result``, in a list; none for an error example."""
    if not isinstance(response, dict) or "result" not in response or response.get("status") != 200:
        return []
    beside = {k: response[k] for k in response if k not in _ENVELOPE}
    if beside and method == "depth" and isinstance(response["result"], dict):
        # FUTURES-NOTES §8 #12: depth's bids and asks are the result's, although one source
        # prints them beside it (the kept page has them inside).
        return [{**response["result"], **beside}]
    if beside:
        raise ValueError(f"{page}: {method}'s response example has {sorted(beside)} beside its result")
    return [response["result"]]


def futures_examples(api_dir: pathlib.Path) -> dict[str, list[Any]]:
    """Each method of one API folder with its successful results in the docs' response examples.

    A method page's examples are the fenced blocks of its ``## Response Example`` section; the
    session methods' are on ``websocket-api-general-info.md``, each the response printed next
    after its request example. Which page documents which method is `_extract_futures`'s reading.
    """
    from .testing import _extract_futures as docs  # a development tool: needs a checkout

    examples: dict[str, list[Any]] = {}
    session: set[str] = set()
    for method, doc in docs.extract_methods(api_dir).items():
        page = api_dir / doc["page"]
        if doc["page"] == docs.SESSION_PAGE:
            session.add(method)
            continue
        section = docs._section(docs._sections(docs._page(page), "## "), "Response Example")
        blocks = _FENCED.findall(section or "")
        examples[method] = [r for block in blocks for r in _response_result(docs_json(block), method, page)]
    page = api_dir / docs.SESSION_PAGE
    asked: Optional[str] = None
    for block in _FENCED.findall(docs._page(page)):
        try:
            value = docs_json(block)
        except ValueError:
            continue  # the page's Python sample
        if isinstance(value, dict) and "method" in value:
            asked = value["method"] if value["method"] in session else None
        elif asked is not None and isinstance(value, dict) and "status" in value:
            examples.setdefault(asked, []).extend(_response_result(value, asked, page))
            asked = None
    return examples


def futures_result_types() -> tuple[str, dict[str, dict[str, str]]]:
    """The text of futures_results.py and each API's result hint per method (by wire name)."""
    types = _Types(merge_items=True)
    hints: dict[str, dict[str, str]] = {}
    for prefix, table in (("UM", UM_METHODS), ("CM", CM_METHODS)):
        examples = futures_examples(FUTURES_DOCS / FUTURES_FOLDERS[prefix])
        hints[prefix] = {}
        for spec in table.values():
            values = examples.get(spec.name, [])
            name = prefix + _pascal(spec.python_name) + "Result"
            hints[prefix][spec.name] = types.hint(name, values) if values else "Any"
    names = sorted(types.classes)
    bodies = "\n".join(line for body in types.classes.values() for line in body)
    header = FUTURES_RESULTS_HEADER.rstrip("\n").replace("{union}", ", Union" if "Union[" in bodies else "")
    lines = [header, "", f"__all__ = {names!r}".replace("'", '"')]
    for body in types.classes.values():
        lines += ["", "", *body]
    return "\n".join(lines) + "\n", hints


def render_futures() -> str:
    """The text of futures_api.py for the current futures method tables."""
    _, results = futures_result_types()
    lines: list[str] = []
    for name, prefix, table, title, future in _FUTURES_CLASSES:
        returns = "Future[Any]" if future else "Any"
        kind = "returning a Future" if future else "blocking"
        lines += ["", "", f"class {name}:",
                  f'    """Every {title} WebSocket API method by its snake_case name, {kind}; `_named` does the work."""',
                  "", "    __slots__ = ()", "",
                  "    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], "
                  f"values: Mapping[str, Any]) -> {returns}:",
                  "        raise NotImplementedError"]
        for spec in table.values():
            lines.append("")
            lines += _method(spec, None, results[prefix][spec.name], future, futures_api=True)
    body = "\n".join(lines)
    enums = ", ".join(sorted(c for c in set(_ENUM_CLASSES.values()) if re.search(rf"\b{c}\b", body)))
    used = sorted({n for api in results.values() for hint in api.values() for n in re.findall(r"\b[UC]M\w+\b", hint)})
    header = FUTURES_HEADER.rstrip("\n").replace("{enums}", enums)
    return header.replace("{results_imports}", "\n".join(f"    {n}," for n in used)) + "\n" + body + "\n"


def main(argv: list[str]) -> int:
    outputs = (
        (TARGET, render()),
        (RESULTS, result_types()[0]),
        (FUTURES_TARGET, render_futures()),
        (FUTURES_RESULTS, futures_result_types()[0]),
    )
    if "--check" in argv:
        stale = [str(path) for path, text in outputs if not path.exists() or path.read_text(encoding="utf-8") != text]
        if stale:
            print(f"{', '.join(stale)} stale: run python -m binance_wsapi._generate", file=sys.stderr)
            return 1
        return 0
    for path, text in outputs:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
