"""Write `api.py`, the named methods, from the method table: ``python -m binance_wsapi._generate``.

Generated rather than dynamic so that editors and type checkers see every method, parameter
and type. ``--check`` exits 1 if `api.py` is not what this would write (so does
`tests/test_methods.py`).
"""

from __future__ import annotations

import pathlib
import sys
import textwrap
from typing import Optional

from .enums import ENUM_VALUES
from .methods import METHODS, Auth, MethodSpec, Param, ParamType, Security

TARGET = pathlib.Path(__file__).with_name("api.py")

HEADER = '''"""The named methods, one per WebSocket API method. Generated from `methods.py`: do not edit.

Run ``python -m binance_wsapi._generate`` after changing the method table.

`Client` inherits these blocking methods (each returns the response's ``result``);
`client.futures` has the same methods returning a `concurrent.futures.Future` of it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Generic, Literal, Mapping, NoReturn, Optional, Sequence, TypeVar, Union

from .config import USE_CLIENT_DEFAULT, UseClientDefault
from .enums import OrderType, Side, TimeInForce

__all__ = ["Methods", "Number", "TimeoutArg"]

_R = TypeVar("_R")
#: Prices and quantities: a Decimal or str (sent as written), an int, or a float that prints plainly.
Number = Union[Decimal, str, int, float]
#: Seconds, None to wait forever, or USE_CLIENT_DEFAULT for the client's timeout.
TimeoutArg = Union[float, None, UseClientDefault]


class Methods(Generic[_R]):
    """Every WebSocket API method by its snake_case name; `_named` does the work."""

    def _named(self, method: str, timeout: TimeoutArg, unknown: Mapping[str, Any], values: Mapping[str, Any]) -> _R:
        raise NotImplementedError
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


def _hint(param: Param) -> str:
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


def _safe(text: str) -> str:
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


def _docstring(spec: MethodSpec, described: Optional[dict[str, str]] = None) -> list[str]:
    security = spec.security.value
    notes = []
    if isinstance(spec.weight, int):
        weight = f"weight {spec.weight}" + ("; 0 when successful" if spec.free_on_success else "")
    else:
        weight = "weight by parameters"
        notes.append(f"Weight: {(spec.weight.__doc__ or '').strip()}")
    lines = [f"{spec.title}: `{spec.name}` ({security}, {weight})."]
    if spec.orders:
        notes.append(f"Adds {spec.orders} to the unfilled order count.")
    if spec.client_order_id:
        notes.append(
            f"`{spec.by_wire[spec.client_order_id].name}` is generated when not given, so the order can be "
            "looked up if its outcome is unknown."
        )
    if spec.auth is Auth.SESSION:
        notes.append("Needs a connection logged on with an Ed25519 key (the client does it by default).")
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


def _method(spec: MethodSpec, described: Optional[dict[str, str]] = None) -> list[str]:
    args = ["self", "*"]
    for param in spec.params:
        hint = _hint(param)
        args.append(f"{param.name}: {hint}" if param.required else f"{param.name}: Optional[{hint}] = None")
    args += ["timeout: TimeoutArg = USE_CLIENT_DEFAULT", "**unknown: NoReturn"]
    out = [f"    def {spec.python_name}(", *(f"        {a}," for a in args), "    ) -> _R:"]
    summary, *notes = _docstring(spec, described)
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


def render() -> str:
    """The text of api.py for the current method table."""
    lines = [HEADER.rstrip("\n")]
    described = _descriptions()
    for spec in METHODS.values():
        lines.append("")
        lines += _method(spec, described.get(spec.name))
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is stale: run python -m binance_wsapi._generate", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
