"""The one registry of readers and writers, built on entry points.

Built-in formats are declared in ``pyproject.toml`` under ``syndicate.readers`` and ``syndicate.formats``
exactly as a third-party plugin would declare its own. Entry points are loaded only when asked for, and a
writer module must not import its heavy dependency at import time: it names it in ``requires`` and the
registry checks it with :func:`importlib.util.find_spec`, so listing formats stays cheap.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Literal, Protocol, runtime_checkable

from ._entrypoints import EntryPoint, entry_points
from .errors import MissingDependencyError, OptionsError, UnknownFormatError
from .model import Article, Collection, Feed

__all__ = [
    "FormatInfo",
    "Reader",
    "Writer",
    "format_infos",
    "get_reader",
    "get_writer",
    "reader_for_path",
    "writer_for_path",
]

READERS_GROUP = "syndicate.readers"
WRITERS_GROUP = "syndicate.formats"

#: pip names for modules whose import name differs from the distribution name.
_PIP_NAMES = {"ebooklib": "EbookLib", "bs4": "beautifulsoup4", "yaml": "PyYAML"}


@runtime_checkable
class Writer(Protocol):
    """A format writer. ``write`` returns the whole output as bytes and touches neither disk nor network.

    ``kind`` is ``"document"`` for one output per article (``bundles`` says whether a
    :class:`~syndicate.model.Collection` can be written as one document) or ``"feed"`` for one output
    made of many articles. ``options`` lists the option names ``write`` accepts with their defaults.
    """

    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]
    kind: ClassVar[Literal["document", "feed"]]
    bundles: ClassVar[bool]
    requires: ClassVar[tuple[str, ...]]
    options: ClassVar[Mapping[str, Any]]
    description: ClassVar[str]

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes: ...


@runtime_checkable
class Reader(Protocol):
    """An input reader: bytes or text in, one :class:`~syndicate.model.Article` out."""

    name: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]

    def read(self, data: bytes | str, options: Mapping[str, Any]) -> Article: ...


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """What ``syndicate formats`` shows of one writer."""

    name: str
    extension: str
    media_type: str
    kind: str
    description: str
    available: bool
    hint: str | None


def _group(group: str) -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=group):
        found.setdefault(ep.name, ep)
    return found


@cache
def _writer_eps() -> dict[str, EntryPoint]:
    return _group(WRITERS_GROUP)


@cache
def _reader_eps() -> dict[str, EntryPoint]:
    return _group(READERS_GROUP)


@cache
def _load_writer(name: str) -> Writer:
    ep = _writer_eps()[name]
    try:
        obj = ep.load()()
    except ImportError as exc:
        raise MissingDependencyError(
            f"format {name!r} ({ep.value}) cannot be loaded: {exc}; "
            f"{_hint([exc.name]) if exc.name else 'reinstall the package that provides it'}"
        ) from exc
    if not isinstance(obj, Writer):
        raise UnknownFormatError(f"plugin {ep.value!r} registered as format {name!r} is not a writer")
    return obj


@cache
def _load_reader(name: str) -> Reader:
    ep = _reader_eps()[name]
    obj = ep.load()()
    if not isinstance(obj, Reader):
        raise UnknownFormatError(f"plugin {ep.value!r} registered as reader {name!r} is not a reader")
    return obj


def _missing(writer: Writer) -> list[str]:
    return [mod for mod in writer.requires if importlib.util.find_spec(mod) is None]


def _hint(missing: list[str]) -> str:
    return "pip install " + " ".join(_PIP_NAMES.get(m, m) for m in missing)


def format_names() -> list[str]:
    """Names of every registered writer, sorted."""
    return sorted(_writer_eps())


def format_infos() -> list[FormatInfo]:
    """Every registered writer with its availability, sorted by name."""
    infos = []
    for name in format_names():
        try:
            writer = _load_writer(name)
        except MissingDependencyError as exc:
            ep = _writer_eps()[name]
            infos.append(FormatInfo(name, "?", "?", "?", ep.value, False, str(exc)))
            continue
        missing = _missing(writer)
        infos.append(
            FormatInfo(
                name=name,
                extension=writer.extension,
                media_type=writer.media_type,
                kind=writer.kind,
                description=writer.description,
                available=not missing,
                hint=_hint(missing) if missing else None,
            )
        )
    return infos


def get_writer(name: str) -> Writer:
    """The writer called ``name`` (case-insensitive), ready to use."""
    key = name.strip().lower()
    if key not in _writer_eps():
        raise UnknownFormatError(f"unknown format {name!r}; available formats: {', '.join(format_names())}")
    writer = _load_writer(key)
    missing = _missing(writer)
    if missing:
        raise MissingDependencyError(
            f"format {key!r} needs {', '.join(missing)}, which is not installed: {_hint(missing)}"
        )
    return writer


def writer_for_path(path: str) -> Writer:
    """The writer whose extension matches ``path`` (e.g. ``out/a.html`` gives ``html``)."""
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    for info in format_infos():
        if info.extension == ext:
            return get_writer(info.name)
    raise UnknownFormatError(
        f"no format writes '.{ext}' files; available formats: {', '.join(format_names())}"
    )


def reader_names() -> list[str]:
    return sorted(_reader_eps())


def get_reader(name: str) -> Reader:
    """The reader called ``name``."""
    key = name.strip().lower()
    if key not in _reader_eps():
        raise UnknownFormatError(f"unknown reader {name!r}; available readers: {', '.join(reader_names())}")
    return _load_reader(key)


def reader_for_path(path: str) -> Reader:
    """The reader for a file name by its extension; plain text for anything unclaimed."""
    lower = path.lower()
    for name in reader_names():
        reader = _load_reader(name)
        if any(lower.endswith("." + ext) for ext in reader.extensions):
            return reader
    return get_reader("text")


def check_options(writer: Writer, options: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``options`` over the writer's defaults, refusing names it does not know."""
    unknown = sorted(set(options) - set(writer.options))
    if unknown:
        known = ", ".join(sorted(writer.options)) or "none"
        raise OptionsError(
            f"format {writer.name!r} has no option {', '.join(map(repr, unknown))}; its options are: {known}"
        )
    for key, value in options.items():
        default = writer.options[key]
        expected = type(default)
        if default is not None and not (
            isinstance(value, expected) and (expected is not int or not isinstance(value, bool))
        ):
            raise OptionsError(
                f"option {key!r} of format {writer.name!r} takes a {expected.__name__} "
                f"(like its default {default!r}), not {value!r}"
            )
    merged = dict(writer.options)
    merged.update(options)
    return merged
