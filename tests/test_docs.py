"""The manual (docs/) builds without a warning, covers the public API, and its examples run as printed.

Every ```python block of a page runs, in order, as one program against LocalExchange; a block with a title
(```python title="...") is one the tests cannot run (it needs Binance, or another library), and says so.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import binance_wsapi
import binance_wsapi.exceptions
import binance_wsapi.testing

from .conftest import library_threads

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = DOCS / "pages"
TOPICS = sorted(p for p in PAGES.glob("*.md"))
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
_SNIPPET = re.compile(r'^--8<-- "([^":]+):([\w-]+)"$', re.M)


def _expand_snippets(text: str) -> str:
    """Put in what a `--8<-- "file:section"` line includes, as pymdownx.snippets does."""

    def section(match: re.Match[str]) -> str:
        source = (ROOT / match.group(1)).read_text("utf-8")
        name = re.escape(match.group(2))
        found = re.search(rf"--8<-- \[start:{name}\][^\n]*\n(.*?)\n[^\n]*--8<-- \[end:{name}\]", source, re.S)
        assert found, f"{match.group(0)}: no such section"
        return found.group(1)

    return _SNIPPET.sub(section, text)


def test_the_manual_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    """`mkdocs build --strict` (the README's docs command) succeeds: no broken link, no unresolved reference."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "docs/mkdocs.yml", "-d", str(tmp_path / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr, done.stderr[-3000:]
    client_page = (tmp_path / "site" / "reference" / "client" / "index.html").read_text("utf-8")
    assert "order_place" in client_page and "resolve_order" in client_page


def test_every_page_is_in_the_navigation() -> None:
    """No page of docs/pages is left out of mkdocs.yml's nav, and nav names no missing page."""
    config = (DOCS / "mkdocs.yml").read_text("utf-8")
    listed = set(re.findall(r":\s*([\w/-]+\.md)\s*$", config, re.M))
    present = {str(p.relative_to(PAGES)) for p in PAGES.rglob("*.md")}
    assert listed == present


def test_the_reference_covers_every_public_name() -> None:
    """Each name binance_wsapi and binance_wsapi.testing export has its entry in the API reference."""
    reference = "\n".join(p.read_text("utf-8") for p in (PAGES / "reference").glob("*.md"))
    documented = set(re.findall(r"^::: ([\w.]+)$", reference, re.M))
    whole_modules = {"binance_wsapi.exceptions": binance_wsapi.exceptions.__all__}
    covered = {name for module, names in whole_modules.items() if module in documented for name in names}
    missing = [name for name in binance_wsapi.__all__ if f"binance_wsapi.{name}" not in documented and name not in covered]
    missing += [f"testing.{name}" for name in binance_wsapi.testing.__all__
                if f"binance_wsapi.testing.{name}" not in documented]
    assert not missing, missing


_FENCE = re.compile(r"^\s*```(py\w*)(.*)$", re.M)
_TITLED = re.compile(r'^```python title="[^"]+"\n(.*?)^```', re.S | re.M)


@pytest.mark.parametrize("page", sorted(PAGES.rglob("*.md")), ids=lambda p: p.stem)
def test_no_python_block_escapes_the_runner(page: Path) -> None:
    """Every Python fence is either run (```python) or titled as not run, unindented; titled ones still compile."""
    text = _expand_snippets(page.read_text("utf-8"))
    for match in _FENCE.finditer(text):
        kind, rest = match.group(1), match.group(2)
        assert kind == "python" and (rest == "" or rest.startswith(' title="')), match.group(0)
        assert not match.group(0).startswith((" ", "\t")), f"indented block in {page.name}: {match.group(0)}"
    for block in _TITLED.findall(text):
        compile(block, page.name, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)  # a notebook may await


@pytest.mark.parametrize("page", TOPICS, ids=[p.stem for p in TOPICS])
def test_the_examples_of_a_page_run(page: Path) -> None:
    """The page's python blocks run in order as one program, and leave no library thread behind."""
    blocks = _BLOCK.findall(_expand_snippets(page.read_text("utf-8")))
    if not blocks:
        pytest.skip(f"{page.name} has no example to run")
    before = set(library_threads())
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem}"}
    try:
        for number, block in enumerate(blocks, 1):
            exec(compile(block, f"{page.name}, example {number}", "exec"), namespace)  # noqa: S102 - our own docs
        left = [t.name for t in library_threads() if t not in before and t.is_alive()]
    finally:
        for value in list(namespace.values()):  # a failed example must not leave its client or server running
            if isinstance(value, (binance_wsapi.Client, binance_wsapi.testing.LocalExchange)):
                value.close()
    assert not left, f"{page.name} leaves {left} running: close what it opens"
