"""Extract LocalExchange's method table from the official docs: ``python -m binance_wsapi.testing._extract``.

LocalExchange is the oracle the client is tested against, so its rules must not come from
the client's own table (`binance_wsapi.methods`): a misreading shared by both would pass
every test. This script reads the methods straight out of ``web-socket-api.md`` (the
request example's ``"method"``, the heading's security type, the **Weight** section and the
**Parameters** table, markdown or HTML with its ``rowspan`` groups) and writes them, as
the docs print them, to ``doc_table.py``. What the exchange makes of them (types, weights
that depend on the request) is decided in `rules.py`, from this data.

    python -m binance_wsapi.testing._extract [DOCS_DIR]           # rewrite doc_table.py
    python -m binance_wsapi.testing._extract --check [DOCS_DIR]   # exit 1 if it is stale

DOCS_DIR defaults to $BINANCE_SPOT_DOCS, else the copy in ``tests/data/binance-spot-api-docs``,
else ``../shared/reference/binance-spot-api-docs`` beside the repository.
"""

from __future__ import annotations

import html
import os
import pprint
import re
import sys
from pathlib import Path
from typing import Any, Optional

__all__ = ["extract", "free_on_success", "ignored_params", "render", "default_docs_dir"]

_HEADING = re.compile(r"^(#{2,4}) (.+?)\s*$")
_METHOD = re.compile(r'"method":\s*"([^"]+)"')
_SECURITY = re.compile(r"\((TRADE|USER_DATA|USER_STREAM|SIGNED|MARKET_DATA|USER_STREAM)\)")
_BOLD = re.compile(r"^\*\*([A-Za-z ]+?)(?::\*\*|\*\*:|\*\*$)\s*(.*)$")
_CELL_TAG = re.compile(r"<(td|th)([^>]*)>(.*?)</\1>", re.S)
_ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
_ROWSPAN = re.compile(r'rowspan="?(\d+)"?')

TABLE_FILE = Path(__file__).with_name("doc_table.py")


def default_docs_dir() -> Path:
    """$BINANCE_SPOT_DOCS, else the copy the repository's tests keep (tests/data), else the reference beside it."""
    env = os.environ.get("BINANCE_SPOT_DOCS")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[2]
    kept = root / "tests" / "data" / "binance-spot-api-docs"
    if (kept / "web-socket-api.md").exists():
        return kept
    return root.parent / "shared" / "reference" / "binance-spot-api-docs"


def _plain(cell: str) -> str:
    """A table cell as text: tags dropped, entities decoded, code quotes and spaces tidied."""
    cell = re.sub(r"<br\s*/?>", " ", cell)
    cell = re.sub(r"<[^>]+>", "", cell)
    cell = html.unescape(cell).replace("`", "").replace("\\*", "*")
    return " ".join(cell.split())


def _sections(lines: list[str]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        m = _HEADING.match(line)
        if m:
            out.append((m.group(2), []))
        elif out:
            out[-1][1].append(line)
    return out


def _blocks(body: list[str]) -> dict[str, list[str]]:
    """The lines under each bold label (**Weight:**, **Parameters:**, ...), up to the next label."""
    blocks: dict[str, list[str]] = {}
    current: Optional[list[str]] = None
    fence = False
    for line in body:
        if line.startswith("```"):
            fence = not fence
        m = None if fence else _BOLD.match(line.strip())
        if m:
            current = blocks.setdefault(m.group(1).strip().lower(), [])
            if m.group(2):
                current.append(m.group(2))
        elif current is not None:
            current.append(line)
    return blocks


def _markdown_rows(lines: list[str]) -> list[list[str]]:
    rows = []
    for line in lines:
        if "|" not in line or re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line):
            continue
        rows.append([_plain(c) for c in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header


def _html_rows(text: str) -> list[list[str]]:
    """Rows of an HTML table with rowspans filled in; a spanned Mandatory cell gets a group mark."""
    rows: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (value, rows still to fill)
    group = 0
    for row_html in _ROW.findall(text):
        cells = _CELL_TAG.findall(row_html)
        if cells and cells[0][0] == "th":
            continue
        row: list[str] = []
        it = iter(cells)
        col = 0
        while True:
            if col in pending:
                value, left = pending[col]
                row.append(value)
                if left == 1:
                    del pending[col]
                else:
                    pending[col] = (value, left - 1)
                col += 1
                continue
            cell = next(it, None)
            if cell is None:
                break
            _, attrs, content = cell
            value = _plain(content)
            span = _ROWSPAN.search(attrs)
            if span and int(span.group(1)) > 1:
                group += 1
                value = f"{value} #{group}"  # the rows share this cell: one statement about all of them
                pending[col] = (value, int(span.group(1)) - 1)
            row.append(value)
            col += 1
        rows.append(row)
    return rows


def _params(lines: list[str]) -> tuple[tuple[str, str, str, str], ...]:
    text = "\n".join(lines).strip()
    if not text or text.split()[0] == "NONE":
        return ()
    # Only the first table: what follows it (order.place's per-type requirements,
    # cancelReplace's outcome matrix) is about the parameters, not a list of them.
    markdown = re.search(r"^\s*\|?\s*Name\s*\|", text, re.M)
    if "<table" in text and (markdown is None or text.index("<table") < markdown.start()):
        rows = _html_rows(text[text.index("<table") : text.index("</table>")])
    else:
        first: list[str] = []
        for line in lines:
            if "|" in line:
                first.append(line)
            elif first and line.strip():
                break
        rows = _markdown_rows(first)
    out = []
    for row in rows:
        if len(row) < 3 or not row[0]:
            continue
        name, ptype, mandatory = row[0], row[1], row[2]
        description = row[3] if len(row) > 3 else ""
        out.append((name, ptype, mandatory, description))
    return tuple(out)


def _weight(lines: list[str]) -> Any:
    text = " ".join(_plain(line) for line in lines if line.strip())
    return int(text) if text.isdigit() else text


def extract(docs_dir: Path) -> dict[str, dict[str, Any]]:
    """Every method in web-socket-api.md: title, security, weight (int or the docs' text), params."""
    lines = (docs_dir / "web-socket-api.md").read_text(encoding="utf-8").split("\n")
    table: dict[str, dict[str, Any]] = {}
    for heading, body in _sections(lines):
        blocks = _blocks(body)
        if "parameters" not in blocks and "weight" not in blocks:
            continue
        methods = [m.group(1) for m in map(_METHOD.search, body) if m]
        if not methods:
            continue
        security = _SECURITY.search(heading)
        title = _SECURITY.sub("", heading).strip()
        method = methods[0]
        if method in table:
            raise ValueError(f"{method} is documented twice ({table[method]['title']!r} and {title!r})")
        table[method] = {
            "title": title,
            "security": security.group(1) if security else "NONE",
            "weight": _weight(blocks.get("weight", [])),
            "unfilled_order_count": _weight(blocks.get("unfilled order count", [])) or 0,
            "params": _params(blocks.get("parameters", [])),
            "inherits": _inherits(blocks.get("parameters", [])),
        }
    return table


def _inherits(lines: list[str]) -> Optional[str]:
    """The method whose parameters this one takes too ("In addition to all parameters accepted by ...")."""
    m = re.search(r"parameters accepted by \[?`([\w.]+)`", " ".join(lines))
    return m.group(1) if m else None


def free_on_success(docs_dir: Path) -> tuple[str, ...]:
    """The WebSocket methods whose successful calls cost no weight, with any note, from the CHANGELOG.

    The 2026-03-27 entry lists them (in effect from 2026-04-02): after "WebSocket API", one
    bullet per method, such as "`order.place`" or "`order.amend.keepPriority` (see ... for an update)".
    """
    text = (docs_dir / "CHANGELOG.md").read_text(encoding="utf-8")
    start = text.index("become 0 when the request is successful")
    section = text[start : text.index("\n---", start)]
    ws = section[section.index("WebSocket API") :]
    out = []
    for line in ws.split("\n")[1:]:
        m = re.match(r"\s+\* `([\w.]+)`(.*)$", line)
        if not m:
            if line.strip():
                break
            continue
        note = _plain(re.sub(r"\]\([^)]*\)", "]", m.group(2))).strip()
        out.append(m.group(1) + (f" {note}" if note else ""))
    return tuple(out)


def ignored_params(docs_dir: Path, methods: Any) -> dict[str, tuple[str, ...]]:
    """Parameters the CHANGELOG says a WebSocket method now ignores (accepted, unread).

    For example "Changes to `trades.historical`: ... This means that the `apiKey` parameter is
    no longer necessary and is now ignored."
    """
    out: dict[str, list[str]] = {}
    method: Optional[str] = None
    for line in (docs_dir / "CHANGELOG.md").read_text(encoding="utf-8").split("\n"):
        changes = re.match(r"\s*\* Changes to `([\w.]+)`", line)
        if changes:
            method = changes.group(1) if changes.group(1) in methods else None
            continue
        if method is None:
            continue
        if not line.startswith((" ", "\t")):
            method = None
            continue
        m = re.search(r"`(\w+)` parameter is no longer necessary and is now ignored", line)
        if m:
            out.setdefault(method, []).append(m.group(1))
    return {k: tuple(v) for k, v in sorted(out.items())}


def render(table: dict[str, dict[str, Any]], free: tuple[str, ...], ignored: dict[str, tuple[str, ...]]) -> str:
    body = pprint.pformat(table, width=110, sort_dicts=True)
    free_body = pprint.pformat(free, width=110)
    return (
        '"""The Spot WebSocket API methods as web-socket-api.md prints them (generated: do not edit).\n\n'
        "Written by ``python -m binance_wsapi.testing._extract`` from the official docs; each\n"
        "parameter is (name, type, mandatory, description) as in its table, a mandatory cell shared\n"
        'by several rows marked ``#n``. `rules.py` says what LocalExchange makes of it.\n"""\n\n'
        "from typing import Any\n\n"
        f"DOC_METHODS: dict[str, dict[str, Any]] = {body}\n\n"
        "#: CHANGELOG.md, 2026-03-27: methods whose successful requests cost no weight (with notes).\n"
        f"FREE_ON_SUCCESS: tuple[str, ...] = {free_body}\n\n"
        "#: CHANGELOG.md: parameters a method no longer needs and now ignores.\n"
        f"IGNORED_PARAMS: dict[str, tuple[str, ...]] = {pprint.pformat(ignored, width=110)}\n"
    )


def main(argv: list[str]) -> int:
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    docs = Path(rest[0]) if rest else default_docs_dir()
    table = extract(docs)
    text = render(table, free_on_success(docs), ignored_params(docs, table))
    if check:
        if TABLE_FILE.read_text(encoding="utf-8") != text:
            print(f"{TABLE_FILE} is stale: run python -m binance_wsapi.testing._extract", file=sys.stderr)
            return 1
        return 0
    TABLE_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE_FILE} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
