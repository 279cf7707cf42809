"""The README's promises hold: its commands, and its first example runs as printed."""

from __future__ import annotations

import contextlib
import io
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def test_first_example_runs() -> None:
    """The ten-line example at the top of the README runs and prints what its comments say."""
    example = re.search(r"```python\n(.*?)```", README, re.S)
    assert example is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example.group(1), "README.md", "exec"), {})  # noqa: S102 - our own README
    lines = out.getvalue().splitlines()
    assert lines[0] == "{}" and lines[1] == "['50000.01000000', '0.00403000']"
    status, client_order_id = lines[2].split()
    assert status == "NEW" and client_order_id.startswith("bwsapi-")


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the README's second command."""
    commands = re.search(r"```sh\n(.*?)```", README, re.S)
    assert commands is not None
    demo, test = commands.group(1).strip().splitlines()
    assert "python -m binance_wsapi demo" in demo
    assert test in (ROOT / ".ci/run").read_text("utf-8").splitlines()
