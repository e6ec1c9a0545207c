"""Time the feed writers on a 10,000-entry feed with ~7 KB bodies against building Atom with lxml.

The baseline builds the same Atom document (byte for byte: the script checks) with lxml directly from
the same prepared entries, so the ratio is the cost of going through feedgen and its workarounds. Each
writer also runs in a child process to measure its peak memory: the peak resident set during the render
(``VmHWM``, reset through ``/proc/self/clear_refs`` just before) minus the resident set before it, which
sees libxml2's C allocations, and the Python heap peak (``tracemalloc``), which does not. Linux only.

Usage: ``.venv/bin/python benchmarks/bench_feeds.py [--entries 10000] [--repeat 5]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from syndicate import Article, Author, Feed, Metadata, Outlet, make_feed, render
from syndicate.formats._feedcommon import (
    clean,
    feed_updated,
    language_tag,
    prepare,
    self_url,
)
from syndicate.model import Heading, Paragraph, Text

SITE = "https://example.org"
FORMATS = ("atom", "rss", "jsonfeed")
_TEXT = (
    "council budget harbour residents rents trains library spring minister election coalition "
    "reform inflation energy prices farmers drought river bridge school teachers hospital nurses "
    "research university climate summit treaty border trade exports festival museum orchestra"
)
_WORDS = _TEXT.split(" ")


def _paragraph(i: int, p: int) -> str:
    words = [_WORDS[(i * 31 + p * 7 + k * k) % len(_WORDS)] for k in range(95)]
    return " ".join(words).capitalize() + f" & <{i}.{p}>."


def make_articles(n: int) -> list[Article]:
    """``n`` articles of about 7 KB of body text each, built straight from the model (no parsing)."""
    base = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    articles = []
    for i in range(n):
        blocks: list[Heading | Paragraph] = []
        for p in range(10):
            if p == 5:
                blocks.append(Heading(2, (Text(f"Part two of story {i}"),)))
            blocks.append(Paragraph((Text(_paragraph(i, p)),)))
        meta = Metadata(
            title=f"Story {i}: {_WORDS[i % len(_WORDS)]}",
            id=f"urn:uuid:00000000-0000-5000-8000-{i:012d}",
            slug=f"story-{i}",
            language="en",
            authors=(Author(f"Writer {i % 97}", email=f"w{i % 97}@example.net" if i % 2 else None),),
            original=Outlet("Zeit Online", f"https://www.zeit.de/{i}") if i % 5 == 0 else None,
            published=base + dt.timedelta(minutes=37 * i),
            summary=_paragraph(i, 0)[:280],
            tags=(_WORDS[i % 7], _WORDS[(i + 3) % 11]),
        )
        articles.append(Article(meta=meta, blocks=tuple(blocks)))
    return articles


def lxml_atom(feed: Feed) -> bytes:
    """The Atom document the atom writer produces, built with lxml alone (the baseline)."""
    from lxml import etree  # type: ignore[import-untyped]

    from syndicate import __version__

    a = "{http://www.w3.org/2005/Atom}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    sub = etree.SubElement
    href = self_url(feed, {}, "atom")
    root = etree.Element(a + "feed", nsmap={None: a[1:-1]})
    language = language_tag(feed.language)
    if language:
        root.set(lang, language)
    sub(root, a + "id").text = href
    sub(root, a + "title").text = clean(feed.title)
    sub(root, a + "updated").text = feed_updated(feed).isoformat()
    sub(root, a + "link", href=feed.link, rel="alternate", type="text/html")
    sub(root, a + "link", href=href, rel="self", type="application/atom+xml")
    sub(root, a + "generator", version=__version__).text = "syndicate"
    for e in prepare(feed):
        entry = sub(root, a + "entry")
        sub(entry, a + "id").text = e.id
        sub(entry, a + "title").text = e.title
        sub(entry, a + "updated").text = e.date.isoformat()
        for author in e.authors:
            person = sub(entry, a + "author")
            sub(person, a + "name").text = author.name
            if author.email:
                sub(person, a + "email").text = author.email
        sub(entry, a + "content", type="html").text = e.content_html
        sub(entry, a + "summary").text = e.summary
        for tag in e.tags:
            sub(entry, a + "category", term=tag)
        if e.published is not None:
            sub(entry, a + "published").text = e.published.isoformat()
        if e.language:
            entry.set(lang, e.language)
        sub(entry, a + "link", rel="alternate", type="text/html", href=e.link)
        if e.original_url:
            sub(entry, a + "link", rel="via", href=e.original_url, title=e.original_name or "")
        if e.original_name or e.original_url:
            source = sub(entry, a + "source")
            if e.original_name:
                sub(source, a + "title").text = e.original_name
            if e.original_url:
                sub(source, a + "link", rel="alternate", href=e.original_url)
    data: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return data


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _status_kib(key: str) -> int:
    """A memory figure of this process from Linux ``/proc/self/status`` (KiB)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def _reset_peak() -> bool:
    """Reset the peak resident set (``VmHWM``, Linux >= 4.0) so it measures what follows alone."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _memory_child(fmt: str, entries: int) -> None:
    """Runs in a child process: peak memory of one render (RSS growth, then the Python heap peak)."""
    feed = make_feed(make_articles(entries), title="Benchmark", site_url=SITE)
    small = make_feed(make_articles(1), title="Warm-up", site_url=SITE)

    def fn(obj: Feed = feed) -> object:
        return lxml_atom(obj) if fmt == "lxml-atom" else render(obj, fmt)

    fn(small)  # imports and caches, so that the growth below is the big render's own
    before = _status_kib("VmRSS")
    if not _reset_peak():
        raise SystemExit("cannot reset the peak resident set (/proc/self/clear_refs)")
    fn()
    after = _status_kib("VmHWM")
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"rss_growth_mb": (after - before) / 1024, "baseline_rss_mb": before / 1024,
                      "py_peak_mb": peak / 2**20}))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        _memory_child(args.memory_child, args.entries)
        return 0

    start = time.perf_counter()
    feed = make_feed(make_articles(args.entries), title="Benchmark", site_url=SITE)
    print(f"built {len(feed.entries)} articles in {time.perf_counter() - start:.1f} s")
    body = statistics.mean(len(e.article.text.encode()) for e in feed.entries)
    print(f"mean body: {body / 1024:.1f} KiB of text per entry")

    atom, baseline = render(feed, "atom"), lxml_atom(feed)
    same = "byte-identical" if atom == baseline else "DIFFERENT"
    print(f"atom writer vs lxml baseline output: {same} ({len(atom) / 2**20:.1f} MiB)")

    jobs: dict[str, Callable[[], object]] = {
        "lxml-atom (baseline)": lambda: lxml_atom(feed),
        "prepare (shared part)": lambda: prepare(feed),
        **{fmt: (lambda fmt=fmt: render(feed, fmt)) for fmt in FORMATS},  # type: ignore[misc]
    }
    medians = {name: _median_time(fn, args.repeat) for name, fn in jobs.items()}
    base = medians["lxml-atom (baseline)"]
    print(f"\nmedian of {args.repeat} runs, {args.entries} entries (target: each writer <= 1.5x baseline)")
    print(f"{'what':<24} {'seconds':>8} {'x baseline':>11} {'size MiB':>9}")
    for name, seconds in medians.items():
        size = f"{len(render(feed, name)) / 2**20:9.1f}" if name in FORMATS else " " * 9
        print(f"{name:<24} {seconds:8.2f} {seconds / base:11.2f} {size}")

    print("\npeak memory of one render (child process per writer)")
    print(f"{'what':<24} {'resident growth MiB':>20} {'Python heap peak MiB':>21}")
    for name in ("lxml-atom", *FORMATS):
        out = subprocess.run(
            [sys.executable, __file__, "--memory-child", name, "--entries", str(args.entries)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        mem = json.loads(out)
        print(f"{name:<24} {mem['rss_growth_mb']:20.0f} {mem['py_peak_mb']:21.0f}")
    worst = max(medians[f] / base for f in FORMATS)
    print(f"\nslowest writer: {worst:.2f}x the lxml baseline ({'meets' if worst <= 1.5 else 'misses'} 1.5x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
