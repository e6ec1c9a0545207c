"""The ``syndicate`` command line. It alone maps errors to exit codes:

* 0: success
* 1: a conversion failed, or ``--strict`` saw warnings
* 2: usage error, or an input that cannot be read
"""

from __future__ import annotations

import argparse
import contextvars
import datetime as dt
import functools
import importlib
import logging
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import __version__, api, registry
from .boilerplate import DEFAULT_RULES, Rule, rules_from_toml
from .errors import (
    OptionsError,
    ReadError,
    StrictModeError,
    SyndicateError,
    UnknownFormatError,
    WriteError,
)
from .feeds import DEFAULT_LINK_TEMPLATE, FeedItem, make_feed
from .model import Article, Collection, Feed
from .normalize import slugify

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_USAGE_ERRORS = (ReadError, OptionsError, UnknownFormatError)

log = logging.getLogger("syndicate")
_current_input: contextvars.ContextVar[str] = contextvars.ContextVar("input", default="")

EPILOG = """\
examples:
  syndicate convert article.txt --to html -o out/
  syndicate convert samples/*.txt --to html,json -o public/
  cat article.txt | syndicate convert - --to html -o - > article.html
  syndicate inspect article.txt            what was found and removed, and why
  syndicate inspect article.txt --json     the JSON contract (docs/json.md)
  syndicate formats                        every output format and whether it is usable

metadata: override anything inferred with --set KEY=VALUE (repeatable) or a sidecar file
NAME.meta.toml / .yaml / .json next to NAME.txt; --set wins over the sidecar, which wins over
inference. Keys: {keys}.

exit codes: 0 success; 1 a conversion failed or --strict saw warnings; 2 usage error or unreadable
input.
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


class _InputFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        current = _current_input.get()
        record.where = f"{current}: " if current else ""
        return True


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        record.level = record.levelname.lower()
        return super().format(record)


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _parser() -> argparse.ArgumentParser:
    keys = ", ".join(sorted(k for k in api_keys()))
    parser = _Parser(
        prog="syndicate",
        description=(
            "Turn raw article text into clean HTML, feeds, EPUB and PDF. syndicate reads titles, "
            "subheadings, authors and their bios, sources, syndication notices and other "
            "boilerplate out of plain text, keeps what it removed, and writes every format from one "
            "normalized article."
        ),
        epilog=EPILOG.format(keys=textwrap.fill(keys, 90, subsequent_indent="")),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"syndicate {__version__}")
    common = _Parser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    common.add_argument("-v", "--verbose", action="store_true", help="say what is written")
    common.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    common.add_argument("--strict", action="store_true", help="fail (exit 1) on any warning")
    reading = _Parser(add_help=False)
    reading.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a metadata field, e.g. --set title='A title' --set tags=a,b",
    )
    reading.add_argument("--encoding", help="input encoding (default: detected)")
    reading.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE.toml",
        help="extra boilerplate rules ([[rule]] tables; see docs/parsing.md), tried after the built-in ones",
    )
    reading.add_argument(
        "--max-size",
        type=_megabytes,
        default=api.MAX_INPUT_BYTES / 1e6,
        metavar="MB",
        help="refuse inputs larger than this (default: %(default).0f MB)",
    )
    reading.add_argument("--no-sidecar", action="store_true", help="ignore NAME.meta.toml/.yaml/.json files")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    convert = sub.add_parser(
        "convert",
        parents=[common, reading],
        help="convert articles to one or more formats",
        description="Convert each INPUT (a file, a directory of .txt/.md/.json files, or - for "
        "standard input) to every format in --to. Outputs are named after the input "
        "(article.txt gives OUTDIR/article.html). Everything is read and rendered before "
        "anything is written, and each file is written atomically.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders, or -")
    convert.add_argument(
        "-t",
        "--to",
        required=True,
        metavar="FORMAT[,FORMAT]",
        help="output formats (see 'syndicate formats')",
    )
    convert.add_argument(
        "-o",
        "--output",
        default=".",
        metavar="OUTDIR",
        help="output folder, or - for standard output (one output only); default: .",
    )
    convert.add_argument(
        "-O",
        "--option",
        dest="options",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a writer option, e.g. -O fragment=true for html (see 'syndicate formats -v')",
    )
    convert.add_argument(
        "--bundle",
        metavar="TITLE",
        help="bind all inputs into one book called TITLE (formats that bundle: epub, pdf)",
    )
    convert.add_argument("--cover", metavar="IMAGE", help="cover image (PNG, JPEG, GIF or SVG) for epub")
    convert.add_argument("--page-size", metavar="SIZE", help="pdf page size: A4, Letter or A5")
    convert.add_argument("--pdf-variant", metavar="VARIANT", help="pdf variant, e.g. pdf/ua-1, pdf/a-3b")
    feed = convert.add_argument_group("feeds (rss, atom, jsonfeed: one feed of all inputs)")
    feed.add_argument("--site-url", metavar="URL", help="where the site lives; entry links start here")
    feed.add_argument("--feed-title", metavar="TEXT", help="the feed's title")
    feed.add_argument("--feed-description", metavar="TEXT", help="the feed's description")
    feed.add_argument(
        "--link-template",
        metavar="TEMPLATE",
        default=DEFAULT_LINK_TEMPLATE,
        help="entry link for articles without a canonical URL (default: %(default)s)",
    )
    feed.add_argument(
        "--feed-name", metavar="NAME", default="feed", help="feed file name (default: %(default)s)"
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="render slow formats (pdf, epub) in N processes (default: %(default)s, the CPU count)",
    )
    inspect = sub.add_parser(
        "inspect",
        parents=[common, reading],
        help="show what was understood of an article",
        description="Show the metadata syndicate found in INPUT, the body outline, and every "
        "piece of text it removed and why; --json prints the JSON contract instead.",
    )
    inspect.add_argument("input", metavar="INPUT", help="an article file, or -")
    inspect.add_argument("--json", action="store_true", help="print the JSON contract")
    inspect.add_argument(
        "--explain",
        action="store_true",
        help="show the rule and confidence behind every field and removal (with --json: a provenance map)",
    )
    fmts = sub.add_parser(
        "formats",
        parents=[common],
        help="list output formats",
        description="List every registered output format (built-in or plugin) and whether its "
        "dependencies are installed.",
    )
    del fmts
    return parser


def _megabytes(text: str) -> float:
    value = float(text)
    if not 0 < value < 1e6:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"expected a size in MB above 0, not {text!r}")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def api_keys() -> list[str]:
    from .normalize import OVERRIDE_KEYS

    return sorted(OVERRIDE_KEYS)


def _pairs(items: Sequence[str], what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise OptionsError(f"{what} takes KEY=VALUE, not {item!r}")
        out[key.strip()] = value
    return out


def _option_value(value: str) -> Any:
    lowered = value.strip().lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off"):
        return False
    try:
        return int(value)
    except ValueError:
        return value


def _expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Files as given; a folder gives the raw-text articles directly inside it, sorted.

    Only the text reader's extensions (.txt, .md, ...) count in a folder: JSON files there are as
    likely to be earlier outputs (a json article, a JSON Feed) as inputs, so they are named one by one.
    """
    out: list[str] = []
    extensions = {f".{e}" for e in registry.get_reader("text").extensions}
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            try:
                found = sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file()
                    and p.suffix.lower() in extensions
                    and not p.name.endswith(api.SIDECAR_SUFFIXES)
                )
            except OSError as exc:
                raise ReadError(f"{path}: cannot list the folder: {exc.strerror or exc}") from None
            if not found:
                raise ReadError(f"{path}: folder has no article files (.txt, .text, .md, .markdown)")
            out.extend(str(p) for p in found)
        else:
            out.append(item)
    return out


@functools.cache
def _rules_from(path: str) -> tuple[Rule, ...]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OptionsError(f"--rules {path}: cannot read: {exc}") from None
    return rules_from_toml(text, path)


def _rules(paths: Sequence[str]) -> tuple[Rule, ...]:
    """The built-in rules followed by those of every ``--rules`` file."""
    extra = [rule for path in paths for rule in _rules_from(path)]
    return (*DEFAULT_RULES, *extra)


def _read(item: str, args: argparse.Namespace) -> Article:
    overrides: dict[str, Any] = dict(_pairs(args.overrides, "--set"))
    rules = _rules(args.rules)
    _current_input.set("stdin" if item == "-" else item)
    if item == "-":
        data = sys.stdin.buffer.read(int(args.max_size * 1e6) + 1)
        if len(data) > args.max_size * 1e6:
            raise ReadError(f"stdin: input is over the {args.max_size:.0f} MB limit")
        reader = "json" if data.lstrip()[:1] == b"{" and b'"schema_version"' in data[:4096] else "text"
        try:
            if reader == "json":
                return api.parse(data, reader="json", **overrides)
            return api.parse(data, encoding=args.encoding, rules=rules, **overrides)
        except (ReadError, OptionsError) as exc:
            raise type(exc)(f"stdin: {exc}") from None
    return api.load(
        item,
        encoding=args.encoding,
        rules=rules,
        max_bytes=int(args.max_size * 1e6),
        sidecar=not args.no_sidecar,
        **overrides,
    )


def _progress(args: argparse.Namespace, index: int, total: int, item: str) -> None:
    if total > 1 and not args.quiet and sys.stderr.isatty():
        end = "\n" if index == total else ""
        sys.stderr.write(f"\r\x1b[K[{index}/{total}] {item}{end}")
        sys.stderr.flush()


_Task = tuple[Path | None, str, "Article | Collection | Feed", str, dict[str, Any]]


def _flag_options(args: argparse.Namespace) -> dict[str, Any]:
    """Writer options given as dedicated flags (each goes to the writers that have the option)."""
    options: dict[str, Any] = {}
    if args.page_size:
        options["page_size"] = args.page_size
    if args.pdf_variant:
        options["variant"] = args.pdf_variant
    if args.cover:
        cover = Path(args.cover)
        try:
            options["cover"] = cover.read_bytes()
        except OSError as exc:
            raise OptionsError(f"--cover {cover}: {exc.strerror or exc}") from None
    return options


def _warm(names: Sequence[str]) -> None:
    """Process-pool initializer: each writer loads its heavy dependency once per worker.

    A writer may define ``prepare()`` for that (the pdf writer imports WeasyPrint its own faster way);
    otherwise the modules it ``requires`` are imported.
    """
    for name in names:
        writer = registry.get_writer(name)
        prepare = getattr(writer, "prepare", None)
        if callable(prepare):
            prepare()
        else:
            for module in writer.requires:
                importlib.import_module(module)


def _render_all(tasks: list[_Task], jobs: int) -> list[bytes]:
    slow = [t for t in tasks if getattr(registry.get_writer(t[3]), "parallel", False)]
    if jobs <= 1 or len(slow) <= 1:
        return [api.render(obj, fmt, **opts) for _, _, obj, fmt, opts in tasks]
    from concurrent.futures import ProcessPoolExecutor

    names = sorted({t[3] for t in slow})
    results: dict[int, bytes] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm, initargs=(names,)) as pool:
        futures = {
            i: pool.submit(api.render, obj, fmt, **opts)
            for i, (_, _, obj, fmt, opts) in enumerate(tasks)
            if getattr(registry.get_writer(fmt), "parallel", False)
        }
        for i, (_, _, obj, fmt, opts) in enumerate(tasks):
            if i not in futures:
                results[i] = api.render(obj, fmt, **opts)
        for i, future in futures.items():
            results[i] = future.result()
    return [results[i] for i in range(len(tasks))]


def _to_stdout(data: bytes) -> None:
    if sys.stdout is None:
        raise WriteError("standard output is closed")
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise WriteError(f"cannot write to standard output: {exc.strerror or exc}") from None


def _mtime(item: str) -> dt.datetime | None:
    if item == "-":
        return None
    return dt.datetime.fromtimestamp(int(Path(item).stat().st_mtime), dt.UTC)


def _cmd_convert(args: argparse.Namespace, counter: _Counter) -> int:
    names = [n for n in (part.strip() for part in args.to.split(",")) if n]
    if not names:
        raise OptionsError("--to needs at least one format")
    writers = list({w.name: w for w in (registry.get_writer(n) for n in names)}.values())
    options = {k: _option_value(v) for k, v in _pairs(args.options, "--option").items()}
    options.update(_flag_options(args))
    for key in options:
        if not any(key in w.options for w in writers):
            raise OptionsError(
                f"no chosen format has the option {key!r} "
                f"(options: {', '.join(sorted({o for w in writers for o in w.options})) or 'none'})"
            )
    feeds = [w for w in writers if w.kind == "feed"]
    if feeds and not (args.site_url and args.feed_title):
        raise OptionsError("feed formats need --site-url URL and --feed-title TEXT")
    if args.bundle is not None and not args.bundle.strip():
        raise OptionsError("--bundle needs a title")
    if args.bundle and not any(w.bundles for w in writers):
        bundling = ", ".join(i.name for i in registry.format_infos() if i.available and _bundles(i.name))
        raise OptionsError(f"--bundle needs a format that makes one book of many articles: {bundling}")
    if not args.feed_name.strip() or "/" in args.feed_name:
        raise OptionsError(f"--feed-name must be a plain file name, not {args.feed_name!r}")
    inputs = _expand_inputs(args.inputs)
    if inputs.count("-") > 1:
        raise OptionsError("standard input (-) can be read only once")
    to_stdout = args.output == "-"
    outdir = Path(args.output)

    articles: list[tuple[str, Article]] = []
    for index, item in enumerate(inputs, start=1):
        _progress(args, index, len(inputs), item)
        articles.append((item, _read(item, args)))
    _current_input.set("")
    if args.strict and counter.count:
        raise StrictModeError(f"{counter.count} warning(s) in strict mode; nothing was written")

    tasks: list[_Task] = []
    for writer in writers:
        own = {k: v for k, v in options.items() if k in writer.options}
        if writer.kind == "feed":
            feed = make_feed(
                [FeedItem(a, "stdin" if item == "-" else item, _mtime(item)) for item, a in articles],
                title=args.feed_title,
                site_url=args.site_url,
                description=args.feed_description,
                link_template=args.link_template,
            )
            filename = f"{args.feed_name}.{writer.extension}"
            if "self_url" in writer.options:
                own.setdefault("self_url", f"{feed.link}{filename}")
            tasks.append((outdir / filename, "all inputs", feed, writer.name, own))
        elif args.bundle and writer.bundles:
            collection = _collection(args.bundle, [a for _, a in articles])
            filename = f"{slugify(args.bundle) or 'bundle'}.{writer.extension}"
            tasks.append((outdir / filename, "all inputs", collection, writer.name, own))
        else:
            for item, article in articles:
                stem = article.meta.slug if item == "-" else Path(item).name.rsplit(".", 1)[0]
                filename = f"{stem}.{writer.extension}"
                tasks.append((outdir / filename, item, article, writer.name, own))
    if to_stdout:
        if len(tasks) != 1:
            raise OptionsError("-o - writes to standard output, which takes exactly one output")
        tasks = [(None, *tasks[0][1:])]
    api.check_targets([(t[0], t[1]) for t in tasks if t[0] is not None], inputs, "-o")
    if len(tasks) > 1 and not args.quiet and sys.stderr.isatty():
        sys.stderr.write(f"rendering {len(tasks)} outputs...\n")
    rendered = _render_all(tasks, args.jobs)
    if args.strict and counter.count:  # warnings while building feeds or rendering count too
        raise StrictModeError(f"{counter.count} warning(s) in strict mode; nothing was written")
    for (target, *_), data in zip(tasks, rendered, strict=True):
        if target is None:
            _to_stdout(data)
        else:
            api.atomic_write(target, data)
            log.info("wrote %s", target)
    return EXIT_OK


def _bundles(name: str) -> bool:
    return registry.get_writer(name).bundles


def _collection(title: str, articles: Sequence[Article]) -> Collection:
    languages = {a.meta.language for a in articles}
    publishers = {a.meta.publisher for a in articles}
    return Collection(
        title=title.strip(),
        articles=tuple(articles),
        language=languages.pop() if len(languages) == 1 else None,
        publisher=publishers.pop() if len(publishers) == 1 else None,
    )


def _describe(article: Article, explain: bool = False) -> str:
    """The human summary of ``syndicate inspect``; with ``explain``, the rule behind every value."""
    m = article.meta
    why = {e.field: e for e in article.provenance}

    def line(label: str, value: str, field: str | None = None) -> str:
        text = f"{label + ':':<11} {value}"
        evidence = why.get(field or label) if explain else None
        if evidence is not None:
            origin = f" from {textwrap.shorten(evidence.text, 40)!r}" if evidence.text else ""
            text += f"    [{evidence.rule} {evidence.confidence:.2f}{origin}]"
        return text

    title = m.title + ("  (inferred from the lead)" if m.title_inferred else "")
    lines = [line("title", title)]
    if m.subtitle:
        lines.append(line("subtitle", m.subtitle))
    for author in m.authors:
        lines.append(line("author", author.name + (f" <{author.email}>" if author.email else ""), "authors"))
        if author.bio:
            lines.append("  bio:      " + textwrap.shorten(author.bio, 100))
    original = m.original and m.original.name + (f" <{m.original.url}>" if m.original.url else "")
    for label, value in (
        ("publisher", m.publisher),
        ("source", m.source),
        ("original", original),
        ("published", m.published and m.published.isoformat()),
        ("updated", m.updated and m.updated.isoformat()),
        ("canonical", m.canonical_url),
    ):
        if value:
            lines.append(line(label, value, "canonical_url" if label == "canonical" else label))
    lines.append(line("language", m.language))
    if m.tags:
        lines.append(line("tags", ", ".join(m.tags)))
    lines.append(line("words", f"{m.word_count} ({m.reading_minutes} min)"))
    lines.append(line("id", m.id))
    lines.append(line("slug", m.slug))
    lines.append(line("summary", textwrap.shorten(m.summary, 100) if m.summary else "-"))
    lines.append("")
    lines.append(f"body: {len(article.blocks)} blocks")
    for block in article.blocks:
        kind = type(block).__name__.lower()
        if kind == "heading":
            lines.append(f"  ## {block.text}")
        else:
            lines.append(f"  {kind:<9} {textwrap.shorten(block.text, 80)}")
    lines.append("")
    lines.append(f"removed: {len(article.removed)}")
    for item in article.removed:
        text = f"  {item.kind:<15} {textwrap.shorten(item.text, 80)}"
        if explain:
            text += f"    [{item.rule or '?'} {item.confidence:.2f}]"
        lines.append(text)
    return "\n".join(lines) + "\n"


def _cmd_inspect(args: argparse.Namespace, counter: _Counter) -> int:
    article = _read(args.input, args)
    _current_input.set("")
    if args.strict and counter.count:
        raise StrictModeError(f"{counter.count} warning(s) in strict mode")
    if args.json:
        from .formats.json import dumps

        sys.stdout.write(dumps(article, explain=args.explain))
    else:
        sys.stdout.write(_describe(article, explain=args.explain))
    return EXIT_OK


def _cmd_formats(args: argparse.Namespace) -> int:
    infos = registry.format_infos()
    width = max(len(i.name) for i in infos)
    for info in infos:
        status = "" if info.available else f"  [unavailable: {info.hint}]"
        sys.stdout.write(
            f"{info.name:<{width}}  .{info.extension:<5} {info.kind:<8} {info.description}{status}\n"
        )
        if args.verbose:
            opts = registry.get_writer(info.name).options if info.available else {}
            for key, default in opts.items():
                sys.stdout.write(f"{'':<{width}}    -O {key}=VALUE (default: {default!r})\n")
    return EXIT_OK


def _setup_logging(args: argparse.Namespace) -> _Counter:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_InputFilter())
    handler.setFormatter(_Formatter("syndicate: %(level)s: %(where)s%(message)s"))
    level = logging.ERROR if getattr(args, "quiet", False) else logging.WARNING
    if getattr(args, "verbose", False):
        level = logging.INFO
    handler.setLevel(level)
    counter = _Counter()
    log.addHandler(handler)
    log.addHandler(counter)
    log.setLevel(logging.DEBUG)
    log.propagate = False
    return counter


def _teardown_logging(saved: tuple[list[logging.Handler], int, bool]) -> None:
    """Leave the ``syndicate`` logger as main() found it (main() may run many times in one process)."""
    log.handlers[:], level, log.propagate = saved
    log.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises for user errors)."""
    parser = _parser()
    debug = "--debug" in (sys.argv[1:] if argv is None else argv)
    saved = (list(log.handlers), log.level, log.propagate)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        counter = _setup_logging(args)
        if args.command == "convert":
            return _cmd_convert(args, counter)
        if args.command == "inspect":
            return _cmd_inspect(args, counter)
        return _cmd_formats(args)
    except _UsageError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except SyndicateError as exc:
        if debug:
            raise
        sys.stderr.write(f"syndicate: error: {exc}\n")
        return EXIT_USAGE if isinstance(exc, _USAGE_ERRORS) else EXIT_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("syndicate: interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_FAILED
    except Exception as exc:  # a bug, not a user error: still one line, and the way to learn more
        if debug:
            raise
        where = _current_input.get()
        sys.stderr.write(
            f"syndicate: internal error{f' while reading {where}' if where else ''}: "
            f"{type(exc).__name__}: {exc} (run again with --debug for the traceback, and report it)\n"
        )
        return EXIT_FAILED
    finally:
        _current_input.set("")
        _teardown_logging(saved)
