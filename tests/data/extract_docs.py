"""Extract each method's examples and parameter table from web-socket-api.md into ws_api_docs.json.

    python tests/data/extract_docs.py path/to/web-socket-api.md

The user data stream's event examples are read from user-data-stream.md beside it.

The tests read the JSON file, so they run where the docs are not checked out. Regenerate it
when the docs move; the docs' commit is recorded in the output.
"""

from __future__ import annotations

import html
import json
import pathlib
import re
import sys
from typing import Any

HEADING = re.compile(r"^(#{2,4}) (.+)$")
BLOCK = re.compile(r"```(?:javascript|json)\n(.*?)```", re.S)


def strip_js(text: str) -> str:
    """Drop // comments outside strings and trailing commas, leaving JSON."""
    out = []
    in_string = escaped = False
    i = 0
    while i < len(text):
        ch = text[i]
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        else:
            out.append(ch)
        i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def parse_block(text: str) -> Any:
    try:
        return json.loads(strip_js(text))
    except ValueError:
        return None


def cells_of_markdown(section: str) -> list[list[str]]:
    rows = []
    for line in section.splitlines():
        if "|" not in line or set(line.strip()) <= set("|-: "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3:
            rows.append(cells)
    return rows


def cells_of_html(table: str) -> list[list[str]]:
    rows: list[list[str]] = []
    carry: dict[int, tuple[str, int]] = {}  # column -> (text, rows left) for rowspan
    for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[hd]([^>]*)>(.*?)</t[hd]>", tr, re.S)
        row: list[str] = []
        col = 0
        queue = list(cells)
        while queue or col in carry:
            if col in carry:
                text, left = carry[col]
                row.append(text)
                carry[col] = (text, left - 1)
                if left - 1 == 0:
                    del carry[col]
                col += 1
                continue
            attrs, raw = queue.pop(0)
            text = html.unescape(re.sub(r"<[^>]+>", " ", raw)).strip()
            text = re.sub(r"\s+", " ", text)
            span = re.search(r'rowspan="(\d+)"', attrs)
            if span and int(span.group(1)) > 1:
                carry[col] = (text, int(span.group(1)) - 1)
            row.append(text)
            col += 1
        rows.append(row)
    return rows


def parameter_rows(section: str) -> list[dict[str, Any]]:
    match = re.search(r"\*\*Parameters:?\*\*(.*?)(?:\n\*\*[A-Z][^*]*:?\*\*|\Z)", section, re.S)
    if not match:
        return []
    body = match.group(1)
    table = re.search(r"<table>.*?</table>", body, re.S)
    markdown = re.search(r"^[^\n]*\|[^\n]*$", body, re.M)
    use_html = table is not None and (markdown is None or table.start() < markdown.start())
    rows = cells_of_html(table.group(0)) if use_html and table else cells_of_markdown(body)
    params = []
    for cells in rows:
        name = re.sub(r"[`*]", "", cells[0]).strip()
        if name.lower() in ("name", "") or not re.match(r"^[A-Za-z][A-Za-z0-9]*$", name):
            continue
        mandatory = cells[2].upper() if len(cells) > 2 else ""
        params.append(
            {
                "name": name,
                "type": cells[1].strip().upper() if len(cells) > 1 else "",
                "mandatory": mandatory,
                "description": cells[3] if len(cells) > 3 else "",
            }
        )
    return params


def main(path: str) -> None:
    text = pathlib.Path(path).read_text("utf-8")
    start = text.index("# Public API requests")
    lines = text[start:].splitlines(keepends=True)
    sections: list[tuple[str, str]] = []
    title, buf = "", []
    for line in lines:
        heading = HEADING.match(line.rstrip("\n"))
        if heading:
            if title:
                sections.append((title, "".join(buf)))
            title, buf = heading.group(2), []
        else:
            buf.append(line)
    sections.append((title, "".join(buf)))
    methods: dict[str, Any] = {}
    for title, body in sections:
        blocks = [parse_block(b) for b in BLOCK.findall(body)]
        requests = [b for b in blocks if isinstance(b, dict) and "method" in b and "status" not in b]
        if not requests:
            continue
        names = {r["method"] for r in requests}
        responses = [b for b in blocks if isinstance(b, dict) and "status" in b]
        for name in names:
            entry = methods.setdefault(name, {"title": title, "requests": [], "params": [], "responses": []})
            entry["requests"] += [r for r in requests if r["method"] == name]
            entry["params"] = entry["params"] or parameter_rows(body)
            entry["responses"] += responses
    events: dict[str, Any] = {}
    uds = pathlib.Path(path).with_name("user-data-stream.md").read_text("utf-8")
    for block in BLOCK.findall(uds):
        parsed = parse_block(block)
        event = parsed.get("event") if isinstance(parsed, dict) else None
        if isinstance(event, dict) and "e" in event:
            events.setdefault(event["e"], event)
    out = pathlib.Path(__file__).with_name("ws_api_docs.json")
    out.write_text(json.dumps({"source": "binance-spot-api-docs web-socket-api.md and user-data-stream.md",
                               "methods": methods, "events": events},
                              indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    print(f"{len(methods)} methods, {len(events)} events -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
