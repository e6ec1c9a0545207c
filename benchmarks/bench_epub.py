"""Benchmark the EPUB writer against the targets of issue 4 and against pandoc.

1. one article (the seed) to EPUB in-process, warm: target at most 5 ms;
2. a 100-article anthology in-process: target at most 2 s;
3. the whole process ``syndicate convert SEED --to epub`` against ``pandoc -t epub3`` on the same text,
   run alternately in the same session: target at most 2.5x pandoc. The HTML conversion is timed too,
   to show how much of the whole-process time is the writer and how much is starting syndicate.

Prints medians (and minima for the processes)::

    python benchmarks/bench_epub.py [--runs N] [--check]

``--check`` exits 1 if a target is missed. Timings on a shared machine vary by tens of percent.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import syndicate
from syndicate.model import Article, Collection

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "kim-putin-vostochny.txt"


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def anthology(size: int) -> Collection:
    """``size`` distinct articles (the seed under different titles and dates)."""
    text = SEED.read_text(encoding="utf-8")
    articles: list[Article] = [
        syndicate.parse(
            text,
            title=f"Article {i}: the North Korean dictator must have been satisfied",
            published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+00:00",
            authors=[f"Writer {i % 17} Example"],
        )
        for i in range(size)
    ]
    return Collection(title=f"{size} articles", articles=tuple(articles), publisher="Bench Weekly")


def processes(runs: int) -> dict[str, list[float]]:
    syndicate_bin = Path(sys.executable).with_name("syndicate")
    commands: dict[str, list[str]] = {
        "syndicate epub": [str(syndicate_bin), "convert", str(SEED), "--to", "epub", "-q", "-o"],
        "syndicate html": [str(syndicate_bin), "convert", str(SEED), "--to", "html", "-q", "-o"],
    }
    pandoc = shutil.which("pandoc")
    if pandoc:
        # The same text, read as markdown; the title is given so pandoc does not warn.
        commands["pandoc epub3"] = [
            pandoc,
            str(SEED),
            "-f",
            "markdown",
            "-t",
            "epub3",
            "--metadata",
            "title=The North Korean dictator must have been satisfied",
            "-o",
        ]
    times: dict[str, list[float]] = {name: [] for name in commands}
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1694649600"}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):  # alternate, so that load on the machine hits every command alike
            for name, command in commands.items():
                target = tmp if name.startswith("syndicate") else str(Path(tmp) / "pandoc.epub")
                start = time.perf_counter()
                subprocess.run([*command, target], check=True, capture_output=True, env=env)
                times[name].append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="process runs per command (default 15)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    missed: list[str] = []
    # An installed package has bytecode (pip compiles it); an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run, so compile it once here.
    import compileall

    compileall.compile_dir(str(Path(syndicate.__file__).parent), quiet=1)

    article = syndicate.load(SEED)
    syndicate.render(article, "epub")  # warm: imports, templates
    one = statistics.median(timed(lambda: syndicate.render(article, "epub"), 200)) * 1000
    print(f"one article, in-process:        median {one:7.2f} ms   (target <= 5 ms)")
    if one > 5:
        missed.append("one article")

    book = anthology(100)
    many = statistics.median(timed(lambda: syndicate.render(book, "epub"), 5))
    size = len(syndicate.render(book, "epub"))
    print(f"100-article anthology:          median {many * 1000:7.1f} ms   (target <= 2000 ms; {size} bytes)")
    if many > 2:
        missed.append("anthology")

    times = processes(args.runs)
    for name, values in times.items():
        print(
            f"whole process, {name + ':':<17} median {statistics.median(values) * 1000:7.1f} ms"
            f"   (min {min(values) * 1000:.1f} ms, {len(values)} runs)"
        )
    if "pandoc epub3" in times:
        ratio = statistics.median(times["syndicate epub"]) / statistics.median(times["pandoc epub3"])
        writer = statistics.median(times["syndicate epub"]) - statistics.median(times["syndicate html"])
        print(f"syndicate epub / pandoc epub3:  {ratio:.2f}x   (target <= 2.5x)")
        print(f"epub over html (writer's own whole-process cost): {writer * 1000:+.1f} ms")
        if ratio > 2.5:
            missed.append("whole process vs pandoc")
    else:
        print("pandoc is not installed (apt-get install -y pandoc): no comparison")
    if missed:
        print("missed: " + ", ".join(missed))
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
