"""Entry points without importing :mod:`importlib.metadata` on the common path.

On Python 3.11 ``import importlib.metadata`` costs 25-40 ms (it pulls in the ``email`` package to read
``METADATA`` files), which is most of the CLI's start-up budget. Entry points only need each installed
distribution's ``entry_points.txt``, so when every ``sys.path`` entry is a plain folder this reads those
files directly, with the same rules importlib.metadata applies: folders in ``sys.path`` order, the first
distribution of a (normalized) name wins, ``*.dist-info`` and ``*.egg-info`` both count. Anything else on
``sys.path`` (a zip or egg file) falls back to importlib.metadata itself.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass
from typing import Any

__all__ = ["EntryPoint", "entry_points"]

_DIST = re.compile(r"^(?P<name>[^-]+)(?:-[^/]*)?\.(?:dist|egg)-info$")


@dataclass(frozen=True, slots=True)
class EntryPoint:
    """``name = module:attr`` from a distribution's ``entry_points.txt``."""

    name: str
    value: str
    group: str

    def load(self) -> Any:
        module, _, attr = self.value.partition(":")
        obj: Any = importlib.import_module(module.strip())
        for part in attr.split("[", 1)[0].strip().split(".") if attr else ():
            obj = getattr(obj, part)
        return obj


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _parse(text: str, group: str) -> list[EntryPoint]:
    found: list[EntryPoint] = []
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, _, value = line.partition("=")
            found.append(EntryPoint(name.strip(), value.strip(), group))
    return found


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point in ``group``, as :func:`importlib.metadata.entry_points` would list them."""
    paths = [entry or "." for entry in sys.path]
    if any(os.path.isfile(path) for path in paths):
        from importlib import metadata

        return [EntryPoint(ep.name, ep.value, group) for ep in metadata.entry_points(group=group)]
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for path in paths:
        try:
            names = sorted(os.listdir(path))
        except OSError:
            continue
        for name in names:
            match = _DIST.match(name)
            if match is None:
                continue
            dist = _normalize(match.group("name"))
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(path, name, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except OSError:
                continue
            found.extend(_parse(text, group))
    return found
