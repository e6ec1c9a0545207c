"""The Python API: ``parse``, ``load``, ``render``, ``write``, ``convert``, ``formats``."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from . import registry
from .boilerplate import DEFAULT_RULES, Rule
from .errors import OptionsError, ReadError, SyndicateError, WriteError
from .model import Article, Collection, Feed

__all__ = [
    "MAX_INPUT_BYTES",
    "SIDECAR_SUFFIXES",
    "convert",
    "formats",
    "load",
    "parse",
    "read_sidecar",
    "render",
    "write",
]

log = logging.getLogger("syndicate")

#: Inputs larger than this are refused (one article is rarely over 1 MB); ``max_bytes`` raises it.
MAX_INPUT_BYTES = 16_000_000
SIDECAR_SUFFIXES = (".meta.toml", ".meta.yaml", ".meta.yml", ".meta.json")


def parse(
    data: bytes | str,
    *,
    reader: str = "text",
    rules: Sequence[Rule] = DEFAULT_RULES,
    encoding: str | None = None,
    **overrides: Any,
) -> Article:
    """Parse article text (or bytes in any common encoding) into an :class:`Article`.

    Keyword arguments other than the ones named override inferred metadata, e.g.
    ``parse(text, title="A title", authors=["Ann Author <ann@example.org>"], tags="a, b")``.
    """
    chosen = registry.get_reader(reader)
    options: dict[str, Any] = {"overrides": overrides}
    if reader == "text":
        options.update(rules=rules, encoding=encoding)
    return chosen.read(data, options)


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata overrides from ``NAME.meta.toml`` / ``.yaml`` / ``.yml`` / ``.json`` beside ``path``."""
    stem = path.name.rsplit(".", 1)[0] if "." in path.name else path.name
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(stem + suffix)
        if not candidate.is_file():
            continue
        try:
            text = candidate.read_text(encoding="utf-8")
            if suffix == ".meta.toml":
                import tomllib

                data: Any = tomllib.loads(text)
            elif suffix == ".meta.json":
                data = json.loads(text)
            else:
                import yaml

                data = yaml.safe_load(text) or {}
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise OptionsError(f"{candidate}: cannot read metadata: {exc}") from None
        except Exception as exc:  # yaml.YAMLError has no common base with ValueError
            if type(exc).__module__.startswith("yaml"):
                raise OptionsError(f"{candidate}: cannot read metadata: {exc}") from None
            raise
        if not isinstance(data, dict):
            raise OptionsError(f"{candidate}: metadata must be a table of KEY = VALUE")
        return data
    return {}


def load(
    path: str | os.PathLike[str],
    *,
    reader: str | None = None,
    rules: Sequence[Rule] = DEFAULT_RULES,
    encoding: str | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    sidecar: bool = True,
    **overrides: Any,
) -> Article:
    """Read one article file. A sidecar (``NAME.meta.toml`` etc.) fills metadata; ``overrides`` win.

    Every :class:`ReadError` or :class:`OptionsError` names the file.
    """
    p = Path(path)
    if "\0" in str(p):
        raise ReadError(f"{str(p)!r}: a file name cannot contain a NUL character")
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise ReadError("is a directory, not an article file")
        if size > max_bytes:
            raise ReadError(
                f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article"
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{p}: no such file") from None
    except PermissionError:
        raise ReadError(f"{p}: permission denied") from None
    except IsADirectoryError:
        raise ReadError(f"{p}: is a directory, not an article file") from None
    except ReadError as exc:
        raise ReadError(f"{p}: {exc}") from None
    except OSError as exc:
        raise ReadError(f"{p}: cannot read: {exc.strerror or exc}") from None
    merged = {**(read_sidecar(p) if sidecar else {}), **overrides}
    chosen = registry.get_reader(reader) if reader else registry.reader_for_path(p.name)
    options: dict[str, Any] = {"overrides": merged}
    if chosen.name == "text":
        options.update(rules=rules, encoding=encoding)
    try:
        return chosen.read(data, options)
    except (ReadError, OptionsError) as exc:
        raise type(exc)(f"{p}: {exc}") from None


def render(obj: Article | Collection | Feed, format: str, **options: Any) -> bytes:
    """Render an article, a collection (bundle formats) or a feed (feed formats) to bytes."""
    writer = registry.get_writer(format)
    merged = registry.check_options(writer, options)
    if writer.kind == "feed" and not isinstance(obj, Feed):
        raise WriteError(f"the {writer.name} format writes feeds; build one with syndicate.make_feed(...)")
    if isinstance(obj, Feed) and writer.kind != "feed":
        raise WriteError(f"the {writer.name} format cannot write a feed")
    if isinstance(obj, Collection):
        if writer.kind != "feed" and not writer.bundles:
            raise WriteError(f"the {writer.name} format writes single articles, not collections")
        if not obj.articles:
            raise WriteError(f"cannot write an empty collection as {writer.name}")
    try:
        return writer.write(obj, merged)
    except SyndicateError:
        raise
    except (ValueError, TypeError, KeyError, OSError) as exc:
        raise WriteError(f"the {writer.name} writer failed: {exc}") from exc


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a partial file."""
    import tempfile

    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(
    obj: Article | Collection | Feed,
    format: str,
    target: str | os.PathLike[str] | IO[bytes],
    **options: Any,
) -> None:
    """Render ``obj`` and store it at ``target`` (a path, written atomically, or a binary stream)."""
    data = render(obj, format, **options)
    if isinstance(target, str | os.PathLike):
        atomic_write(Path(target), data)
    else:
        target.write(data)


def convert(
    paths: Iterable[str | os.PathLike[str]],
    formats: str | Sequence[str],
    outdir: str | os.PathLike[str],
    **overrides: Any,
) -> list[Path]:
    """Convert article files to each of ``formats`` in ``outdir``; returns the written paths.

    Every input is read and every output rendered before anything is written, so a bad input leaves
    no outputs behind.
    """
    names = [formats] if isinstance(formats, str) else list(formats)
    writers = list({w.name: w for w in (registry.get_writer(n) for n in names)}.values())
    inputs = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    articles = [(Path(p), load(p, **overrides)) for p in inputs]
    jobs = []
    for path, article in articles:
        for writer in writers:
            if writer.kind != "document":
                raise OptionsError(f"the {writer.name} format needs the CLI's feed options")
            jobs.append((Path(outdir) / f"{path.stem}.{writer.extension}", str(path), article, writer.name))
    check_targets([(target, owner) for target, owner, *_ in jobs], inputs, "outdir")
    planned = {target: render(article, name) for target, _, article, name in jobs}
    for target, data in planned.items():
        atomic_write(target, data)
    return list(planned)


def check_targets(
    targets: Iterable[tuple[Path, str]], inputs: Iterable[str | os.PathLike[str]], option: str
) -> None:
    """Refuse an output path that is an input, or that two inputs would both write.

    ``targets`` pairs each output path with the input it comes from; ``option`` names the flag or
    argument that chose the output folder, for the message.
    """
    sources = {Path(i).resolve() for i in inputs if str(i) != "-"}
    owners: dict[Path, str] = {}
    for target, owner in targets:
        if target.resolve() in sources:
            raise OptionsError(
                f"{target} is an input; writing it would overwrite it (choose another {option})"
            )
        if target in owners:
            raise OptionsError(f"{owner} and {owners[target]} would both write {target}; rename one")
        owners[target] = owner


def formats() -> list[registry.FormatInfo]:
    """Every registered output format, with whether it can be used here."""
    return registry.format_infos()
