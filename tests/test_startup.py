"""Start-up stays light: the CLI imports no heavy writer dependency unless that format is asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import SEED

# The writers' heavy dependencies, plus what the start-up budget cannot afford on the common path:
# Jinja2 (only the EPUB and PDF templates use it) and importlib.metadata (~25 ms on Python 3.11).
HEAVY = ("weasyprint", "ebooklib", "feedgen", "lxml", "jinja2", "importlib.metadata")


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "syndicate", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            names.update({name, name.split(".")[0]})
    return names


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("formats",),
        ("convert", str(SEED), "--to", "html,json", "-o", "-OUT-"),
        ("inspect", str(SEED), "--json"),
    ],
    ids=["help", "formats", "convert-html", "inspect"],
)
def test_no_heavy_imports(args: tuple[str, ...], tmp_path: object) -> None:
    args = tuple(str(tmp_path) if a == "-OUT-" else a for a in args)
    modules = imported_modules(*args, *(["-q"] if args[0] in ("convert", "inspect") else []))
    assert "syndicate" in modules
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
