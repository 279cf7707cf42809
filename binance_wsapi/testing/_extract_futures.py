"""Extract LocalExchange's futures tables from the official docs: ``python -m binance_wsapi.testing._extract_futures``.

The futures counterpart of `_extract`: LocalExchange is the oracle the client is tested
against, so what it knows of the USDⓈ-M (UM) and COIN-M (CM) Futures WebSocket APIs must
come from the docs by a route of its own, never from the client's tables
(`binance_wsapi.futures_methods`): a misreading shared by both would pass every test.

From each API's folder of the derivatives docs this reads

* every WebSocket API method page (``trade/websocket-api*``, ``account/websocket-api*``,
  ``market-data/websocket-api*`` and the listenKey pages ``user-data-streams/*-Wsp.md``):
  the wire name from the request example's ``"method"`` (checked against the page's
  ``## Method`` line), the title and its security label, the weight section and the
  parameters table;
* the session methods (``session.logon``, ``session.status``, ``session.logout``) from the
  ``**Weight:** / **Method**: / **Parameters**`` blocks of ``websocket-api-general-info.md``;
* the error codes of ``error-code.md`` and the ENUM value sets of ``common-definition.md``,

and writes them, as the docs print them, to ``futures_doc_table.py``. Nothing is corrected
here: what the exchange makes of the data is for a rules module to decide.

    python -m binance_wsapi.testing._extract_futures [DOCS_DIR]           # rewrite futures_doc_table.py
    python -m binance_wsapi.testing._extract_futures --check [DOCS_DIR]   # exit 1 if it is stale

DOCS_DIR (the folder holding ``usds-margined-futures/`` and ``coin-margined-futures/``)
defaults to $BINANCE_DERIVATIVES_DOCS, else the copy in ``tests/data/binance-derivatives-docs``,
else ``../shared/reference/binance-derivatives-docs`` beside the repository.
"""

from __future__ import annotations

import html
import json
import os
import pprint
import re
import sys
from pathlib import Path
from typing import Any, Optional

__all__ = [
    "APIS",
    "default_docs_dir",
    "extract",
    "extract_enums",
    "extract_errors",
    "extract_methods",
    "main",
    "render",
]

#: The prefix of each generated name, and the API's folder in the docs.
APIS: dict[str, str] = {"UM": "usds-margined-futures", "CM": "coin-margined-futures"}

#: The method pages of one API, relative to its folder. A page's index (``trade/websocket-api.md``)
#: documents a method too (New Order), so it is globbed beside its subfolder.
METHOD_PAGES = (
    "trade/websocket-api.md",
    "trade/websocket-api/*.md",
    "account/websocket-api.md",
    "account/websocket-api/*.md",
    "market-data/websocket-api.md",
    "market-data/websocket-api/*.md",
    "user-data-streams/*-Wsp.md",
)
SESSION_PAGE = "websocket-api-general-info.md"
ERROR_PAGE = "error-code.md"
ENUM_PAGE = "common-definition.md"

TABLE_FILE = Path(__file__).with_name("futures_doc_table.py")

Param = tuple[str, str, str, str]

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_METHOD = re.compile(r'"method":\s*"([^"]+)"')
_SECURITY = re.compile(r"\s*\(([A-Z_]+)\)\s*$")
# A bold label opening a line ("**Weight:**", "**Method**:", "**Parameters**", "**Note**:"), not
# a bold number such as ticker.price's "**1** for a single symbol".
_LABEL = re.compile(r"^\*\*([A-Za-z][A-Za-z ]*?)(?::\*\*|\*\*:?)(.*)$")
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)\1", re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
# An ENUM set's label on a line of its own: "**Order types (orderTypes, type):**", "**Working Type (workingType)**".
_ENUM_LABEL = re.compile(r"^\*\*([^*]+?):?\*\*:?\s*$")
_ERROR_HEADING = re.compile(r"^### \\?(-?\d+) (.+?)\s*$")
_SESSION_BLOCK = re.compile(
    r'^\*\*Weight:\*\*(?P<weight>.*?)^\*\*Method\*\*:\s*"(?P<method>[^"]+)"[ \t]*$'
    r"(?P<rest>.*?)(?=^\*\*Weight:\*\*|^#|\Z)",
    re.M | re.S,
)


def default_docs_dir() -> Path:
    """$BINANCE_DERIVATIVES_DOCS, else the copy the repository's tests keep, else the reference beside it."""
    env = os.environ.get("BINANCE_DERIVATIVES_DOCS")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[2]
    kept = root / "tests" / "data" / "binance-derivatives-docs"
    if (kept / APIS["UM"] / SESSION_PAGE).exists():
        return kept
    return root.parent / "shared" / "reference" / "binance-derivatives-docs"


# --- markdown as the page prints it ------------------------------------------------------


def _prose(text: str) -> str:
    """Markdown outside code spans as printed: bold marks, backslash escapes and entities resolved."""
    text = re.sub(r"<br\s*/?>", " ", text).replace("**", "")
    return html.unescape(_ESCAPE.sub(r"\1", text))


def _plain(text: str) -> str:
    """Markdown as the rendered page shows it, whitespace tidied.

    Code spans keep their backslashes: ``^[\\.A-Z\\:/a-z0-9_-]{1,36}$`` is a pattern, while
    ``MARK\\_PRICE`` outside one is markdown for MARK_PRICE.
    """
    out: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_prose(text[pos : m.start()]))
        out.append(m.group(2))
        pos = m.end()
    out.append(_prose(text[pos:]))
    return " ".join("".join(out).split())


def _page(path: Path) -> str:
    """A page's text without the scraper's front matter (which repeats the title, unescaped)."""
    return _FRONT_MATTER.sub("", path.read_text(encoding="utf-8"), count=1)


def _outside_fences(text: str) -> list[tuple[int, str]]:
    """(line number, line) for the lines not inside a ``` block: code samples hold '#' lines too."""
    out: list[tuple[int, str]] = []
    fence = False
    for number, line in enumerate(text.split("\n")):
        if line.lstrip().startswith("```"):
            fence = not fence
        elif not fence:
            out.append((number, line))
    return out


def _sections(text: str, marker: str) -> list[tuple[str, str]]:
    """(heading, body) for each heading starting with `marker` ("## "); a body ends at any heading
    of that level or above (the ENUM list stops at "# Filters"). Headings in ``` blocks are code."""
    lines = text.split("\n")
    level = marker.count("#")
    ends = [n for n, line in _outside_fences(text) if re.match(rf"#{{1,{level}}} ", line)]
    out = []
    for n in ends:
        if lines[n].startswith(marker):
            end = next((e for e in ends if e > n), len(lines))
            out.append((lines[n][len(marker) :].strip(), "\n".join(lines[n + 1 : end])))
    return out


def _section(sections: list[tuple[str, str]], heading: str) -> Optional[str]:
    return next((body for h, body in sections if h == heading), None)


def _labelled(text: str, label: str) -> Optional[str]:
    """The text after a bold label (``**Weight:**``) up to the next label or heading."""
    block: Optional[list[str]] = None
    for _, line in _outside_fences(text):
        m = _LABEL.match(line.strip())
        if block is None:
            if m and m.group(1).strip().lower() == label.lower():
                block = [m.group(2)]
        elif m or line.startswith("#"):
            break
        else:
            block.append(line)
    return None if block is None else "\n".join(block)


def _cells(line: str) -> list[str]:
    """The cells of one markdown table row, split on unescaped pipes (as GitHub markdown does)."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [_plain(cell) for cell in _CELL_SPLIT.split(inner)]


def _first_table(text: str) -> tuple[list[str], list[list[str]]]:
    """The header and body rows of the first markdown table in `text`; what follows it is not read."""
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if line.lstrip().startswith("|"):
            if not re.fullmatch(r"\s*\|[\s:|-]+\|?\s*", line):  # the |---|---| rule
                rows.append(_cells(line))
        elif rows:
            break
    if not rows:
        return [], []
    return rows[0], rows[1:]


# --- method pages ------------------------------------------------------------------------


def _params(text: str) -> tuple[Param, ...]:
    """The rows of a parameters table as printed: (name, type, mandatory, description)."""
    text = text.strip().lstrip(":").strip()
    if not text or text.split()[0].rstrip(".") in ("None", "NONE"):
        return ()
    header, rows = _first_table(text)
    if [h.lower() for h in header[:3]] != ["name", "type", "mandatory"]:
        raise ValueError(f"not a parameters table: {header}")
    out: list[Param] = []
    for row in rows:
        if len(row) < 3 or not row[0]:
            continue  # a padding row such as "|    |  |  |  |"
        out.append((row[0], row[1], row[2], row[3] if len(row) > 3 else ""))
    return tuple(out)


def _weight(block: str) -> dict[str, Any]:
    """A weight section: its text, the number when it states one, the cases and order counts it states.

    The forms the pages use: "**5**"; "**2** for a single symbol; **5** when the symbol
    parameter is omitted"; "Adjusted based on the limit:" and a Limit | Weight table; and
    order.modify's "1 on 10s order rate limit(X-MBX-ORDER-COUNT-10S); 1 on 1min order rate
    limit(X-MBX-ORDER-COUNT-1M); 1 on IP rate limit(x-mbx-used-weight-1m)".
    """
    lines = [line for line in block.strip().split("\n") if line.strip()]
    if not lines:
        raise ValueError("an empty weight section")
    prose_lines = [line for line in lines if not line.lstrip().startswith("|")]
    text = " ".join(_plain(line) for line in prose_lines)
    cases = [
        (_plain(condition).strip(" ;"), int(number))
        for number, condition in re.findall(r"\*\*(\d+)\*\*([^\n]*)", "\n".join(prose_lines))
        if condition.strip(" ;")
    ]
    header, rows = _first_table(block)
    cases += [(f"{header[0]}: {row[0]}", int(row[1])) for row in rows]
    ip = re.search(r"(\d+) on IP rate limit", text)
    orders = [clause.strip() for clause in text.split(";") if "order rate limit" in clause]
    return {
        "weight_text": text,
        # The one number charged whatever the request, when the text states one.
        "weight": int(text) if text.isdigit() else int(ip.group(1)) if ip else None,
        "weight_cases": tuple(cases),
        "order_count": "; ".join(orders),
        "order_counts": tuple((int(n), window) for n, window in re.findall(r"(\d+) on (\w+) order rate limit", text)),
    }


def _title(heading: str) -> tuple[str, str]:
    """("New Order", "TRADE") from "New Order(TRADE)"; a title without a label is security NONE."""
    heading = _plain(heading)
    m = _SECURITY.search(heading)
    return (_SECURITY.sub("", heading), m.group(1)) if m else (heading, "NONE")


def _example_rate_limits(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """The distinct (rateLimitType, interval, intervalNum, limit) of a response example, in printed order.

    The only place a page shows that a call counts against the ORDERS limits when its weight
    text does not say so (order.place, algoOrder.place).
    """
    out: list[tuple[str, str, int, int]] = []
    for obj in re.findall(r"\{[^{}]*\"rateLimitType\"[^{}]*\}", text):
        entry = json.loads(obj)
        key = (entry["rateLimitType"], entry["interval"], int(entry["intervalNum"]), int(entry["limit"]))
        if key not in out:
            out.append(key)
    return tuple(out)


def _method_page(path: Path, api_dir: Path) -> tuple[str, dict[str, Any]]:
    text = _page(path)
    h1 = re.search(r"^# (.+)$", text, re.M)
    sections = _sections(text, "## ")
    request, method_line = _section(sections, "Request"), _section(sections, "Method")
    if h1 is None or request is None or method_line is None:
        raise ValueError(f"{path}: not a method page (no title, ## Method or ## Request)")
    example, named = _METHOD.search(request), re.search(r"`([^`]+)`", method_line)
    if example is None or named is None or example.group(1) != named.group(1):
        raise ValueError(f"{path}: the request example's method and the ## Method line differ")
    # ticker.price has no "## Request Weight" section but a "**Weight:**" label under ## Request.
    weight = _section(sections, "Request Weight")
    if weight is None:
        weight = _labelled(text, "Weight")
    if weight is None:
        raise ValueError(f"{path}: no weight")
    title, security = _title(h1.group(1))
    return example.group(1), {
        "title": title,
        "security": security,
        **_weight(weight),
        "params": _params(_section(sections, "Request Parameters") or ""),
        "example_rate_limits": _example_rate_limits(_section(sections, "Response Example") or ""),
        "page": path.relative_to(api_dir).as_posix(),
    }


def _session_methods(api_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    """The session methods: the **Weight:** / **Method**: / **Parameters** blocks of the general info page.

    Their titles and labels are the ``###`` headings of the section holding the blocks, paired
    in order: the CM page prints session.logon's block *before* its heading (and
    session.logout's request example under the next section), so nearness would mislead.
    """
    path = api_dir / SESSION_PAGE
    text = _page(path)
    holding = [(h, body) for h, body in _sections(text, "## ") if _SESSION_BLOCK.search(body)]
    if len(holding) != 1:
        raise ValueError(f"{path}: the session methods are not in one section")
    body = holding[0][1]
    blocks = list(_SESSION_BLOCK.finditer(body))
    headings = [h for h, _ in _sections(body, "### ")]
    if len(headings) != len(blocks):
        raise ValueError(f"{path}: {len(blocks)} session methods under {len(headings)} headings")
    examples = set(_METHOD.findall(text))
    out = []
    for heading, block in zip(headings, blocks):
        name = block.group("method")
        if name not in examples:
            raise ValueError(f"{path}: {name} has no request example")
        params = re.search(r"^\*\*Parameters\*\*(.*)", block.group("rest"), re.M | re.S)
        title, security = _title(heading)
        out.append((name, {
            "title": title,
            "security": security,
            **_weight(block.group("weight")),
            "params": _params(params.group(1) if params else ""),
            "example_rate_limits": (),  # not read: the CM page scatters these examples
            "page": SESSION_PAGE,
        }))
    return out


def extract_methods(api_dir: Path) -> dict[str, dict[str, Any]]:
    """Every WebSocket API method of one API folder, by wire name (``v2/`` prefixes kept)."""
    pages = sorted({p for pattern in METHOD_PAGES for p in api_dir.glob(pattern)})
    found = [_method_page(p, api_dir) for p in pages] + _session_methods(api_dir)
    table: dict[str, dict[str, Any]] = {}
    for name, method in found:
        if name in table:
            raise ValueError(f"{name} is documented twice ({table[name]['page']} and {method['page']})")
        table[name] = method
    return table


# --- error codes and ENUM definitions -----------------------------------------------------


def extract_errors(api_dir: Path) -> dict[int, tuple[str, tuple[str, ...]]]:
    """error-code.md: code -> (NAME, messages), each "### -1000 UNKNOWN" heading with its bullets."""
    path = api_dir / ERROR_PAGE
    out: dict[int, tuple[str, list[str]]] = {}
    current: Optional[list[str]] = None
    for _, line in _outside_fences(_page(path)):
        heading = _ERROR_HEADING.match(line)
        if heading:
            code = int(heading.group(1))
            if code in out:
                raise ValueError(f"{path}: {code} is listed twice")
            current = []
            out[code] = (_plain(heading.group(2)), current)
        elif line.startswith("#"):
            current = None  # a group heading ("## 20xx - Processing Issues") or the page's end
        elif current is not None and line.startswith("- "):
            current.append(_plain(line[2:]))
        elif current is not None and line.strip():
            if not (line.startswith((" ", "\t")) and current):
                raise ValueError(f"{path}: unread line under an error code: {line!r}")
            current[-1] = f"{current[-1]} {_plain(line)}"  # a bullet carried onto the next line
    for code, (name, messages) in out.items():
        if not messages:
            raise ValueError(f"{path}: {code} {name} has no message")
    return {code: (name, tuple(messages)) for code, (name, messages) in out.items()}


def extract_enums(api_dir: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """common-definition.md's ENUM definitions: (label -> values, field -> labels).

    Sets are keyed by the docs' label ("Time in force"), because one field may name two sets:
    ``status`` is both a contract status and an order status. The field index maps each name
    in a label's parentheses ("Order types (orderTypes, type)") to the labels listing it.
    """
    path = api_dir / ENUM_PAGE
    body = _section(_sections(_page(path), "## "), "ENUM definitions")
    if body is None:
        raise ValueError(f"{path}: no ENUM definitions")
    sets: dict[str, list[str]] = {}
    fields: dict[str, list[str]] = {}
    values: Optional[list[str]] = None
    for _, line in _outside_fences(body):
        label = _ENUM_LABEL.match(line.strip())
        if label:
            names = re.search(r"\(([^)]*)\)\s*$", label.group(1))
            name = _plain(label.group(1)[: names.start()] if names else label.group(1))
            if name in sets:
                raise ValueError(f"{path}: {name} is defined twice")
            for field in names.group(1).split(",") if names else ():
                fields.setdefault(field.strip(), []).append(name)
            values = sets[name] = []
        elif values is not None and line.startswith("- "):
            # The value is the bullet's first word: "GTC - Good Till Cancel", "NONE: no price match".
            m = re.match(r"[A-Za-z0-9_]+", _plain(line[2:]))
            if m is None:
                raise ValueError(f"{path}: unread value {line!r}")
            values.append(m.group(0))
    return ({k: tuple(v) for k, v in sets.items()}, {k: tuple(v) for k, v in sorted(fields.items())})


# --- the generated module -----------------------------------------------------------------


def extract(docs_dir: Path) -> dict[str, Any]:
    """The generated module's values by name: {UM,CM}_DOC_ + METHODS, ERRORS, ERROR_NAMES, ERROR_MESSAGES,
    ENUMS and ENUM_FIELDS."""
    out: dict[str, Any] = {}
    for prefix, folder in APIS.items():
        api_dir = docs_dir / folder
        errors = extract_errors(api_dir)
        enums, fields = extract_enums(api_dir)
        out[f"{prefix}_DOC_METHODS"] = extract_methods(api_dir)
        out[f"{prefix}_DOC_ERRORS"] = {code: messages[0] for code, (_, messages) in errors.items()}
        out[f"{prefix}_DOC_ERROR_NAMES"] = {code: name for code, (name, _) in errors.items()}
        out[f"{prefix}_DOC_ERROR_MESSAGES"] = {code: messages for code, (_, messages) in errors.items()}
        out[f"{prefix}_DOC_ENUMS"] = enums
        out[f"{prefix}_DOC_ENUM_FIELDS"] = fields
    return out


#: Each generated name's annotation and comment; {api} is the API's folder.
_VARIABLES: tuple[tuple[str, str, str], ...] = (
    ("DOC_METHODS", "dict[str, dict[str, Any]]", "{api}: the WebSocket API methods, by wire name."),
    ("DOC_ERRORS", "dict[int, str]", "{api}/error-code.md: code -> its first message."),
    ("DOC_ERROR_NAMES", "dict[int, str]", "{api}/error-code.md: code -> its name (as in the heading)."),
    ("DOC_ERROR_MESSAGES", "dict[int, tuple[str, ...]]", "{api}/error-code.md: code -> every message listed."),
    ("DOC_ENUMS", "dict[str, tuple[str, ...]]", "{api}/common-definition.md: ENUM label -> values."),
    ("DOC_ENUM_FIELDS", "dict[str, tuple[str, ...]]", "{api}/common-definition.md: field -> the labels naming it."),
)

_HEADER = '''"""The USDⓈ-M (UM) and COIN-M (CM) Futures WebSocket APIs as the docs print them.

Generated: do not edit.

Written by ``python -m binance_wsapi.testing._extract_futures`` from the official derivatives
docs, nothing corrected. Each method has: ``title`` and ``security`` (the page title's label,
NONE without one); ``weight_text`` (its weight section as printed, a table left out),
``weight`` (the number when the text states one for every request, else None),
``weight_cases`` ((condition, weight) pairs the text or its table states), ``order_count``
and ``order_counts`` (the order-rate-limit clauses, and their (count, window) pairs);
``params`` ((name, type, mandatory, description) rows of the parameters table);
``example_rate_limits`` ((rateLimitType, interval, intervalNum, limit) in the response
example; not read for the session methods) and ``page`` (its file in the API's folder).
"""

from typing import Any
'''


def render(values: dict[str, Any]) -> str:
    parts = [_HEADER]
    for prefix, folder in APIS.items():
        for suffix, annotation, comment in _VARIABLES:
            name = f"{prefix}_{suffix}"
            body = pprint.pformat(values[name], width=110, sort_dicts=True)
            parts.append(f"#: {comment.format(api=folder)}\n{name}: {annotation} = {body}\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    docs = Path(rest[0]) if rest else default_docs_dir()
    text = render(extract(docs))
    if check:
        if not TABLE_FILE.exists() or TABLE_FILE.read_text(encoding="utf-8") != text:
            print(f"{TABLE_FILE} is stale: run python -m binance_wsapi.testing._extract_futures", file=sys.stderr)
            return 1
        return 0
    TABLE_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE_FILE} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
