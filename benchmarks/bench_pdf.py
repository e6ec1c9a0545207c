"""Benchmark the pdf writer against bare WeasyPrint, pandoc, and itself with more processes.

Run: ``.venv/bin/python benchmarks/bench_pdf.py [--repeat 5]``. Prints medians (seconds):

1. in process: ``syndicate.render(seed, "pdf")`` vs a bare ``weasyprint.HTML(string=html).write_pdf()``
   of the same HTML (the page syndicate lays out), and vs bare WeasyPrint with the same options
   (``pdf_variant="pdf/ua-1"``, tags), which isolates syndicate's own overhead. Target: <= 1.15x.
2. whole process: ``syndicate convert seed --to pdf`` vs ``pandoc --pdf-engine=weasyprint`` on the
   same text (skipped when pandoc is not installed). Target: syndicate faster.
3. 20 articles, ``--jobs 2`` vs ``--jobs 1``. Target: >= 1.3x faster (needs 2 free cores).
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

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "kim-putin-vostochny.txt"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1694649600", "PATH": f"{BIN}:{os.environ['PATH']}"}


def _once(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def medians(repeat: int, *fns: Callable[[], object]) -> list[float]:
    """Median wall time of each function, run interleaved so a change in machine load hits all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for slot, fn in zip(times, fns, strict=True):
            slot.append(_once(fn))
    return [statistics.median(slot) for slot in times]


def run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(cmd[:3])}... failed ({done.returncode}):\n{done.stderr}")


def in_process(repeat: int) -> None:
    import weasyprint

    import syndicate
    from syndicate.formats.pdf import page_html

    os.environ["SOURCE_DATE_EPOCH"] = ENV["SOURCE_DATE_EPOCH"]
    article = syndicate.load(SEED)
    html = page_html(article)
    syndicate.render(article, "pdf")  # warm up fonts, hyphenation dictionaries, templates
    weasyprint.HTML(string=html).write_pdf()
    ours, bare, same = medians(
        repeat,
        lambda: syndicate.render(article, "pdf"),
        lambda: weasyprint.HTML(string=html).write_pdf(),
        lambda: weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True),
    )
    print(f"in-process   syndicate.render(seed, 'pdf')            {ours:.3f} s")
    print(f"             bare HTML(string=html).write_pdf()       {bare:.3f} s  ratio {ours / bare:.2f}x")
    print(f"             bare, same options (pdf/ua-1, tagged)    {same:.3f} s  ratio {ours / same:.2f}x")


def whole_process(repeat: int, work: Path) -> None:
    syndicate_cmd = [str(BIN / "syndicate"), "convert", "-q", str(SEED), "--to", "pdf", "-o", str(work)]
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        (ours,) = medians(repeat, lambda: run(syndicate_cmd))
        print(f"process      syndicate convert seed --to pdf          {ours:.3f} s")
        print("             pandoc --pdf-engine=weasyprint           unmeasured (pandoc not installed)")
        return
    pandoc_cmd = [pandoc, "-f", "markdown", str(SEED), "--pdf-engine=weasyprint",
                  "--metadata", "title=The North Korean dictator must have been satisfied",
                  "-o", str(work / "pandoc.pdf")]  # fmt: skip
    ours, theirs = medians(repeat, lambda: run(syndicate_cmd), lambda: run(pandoc_cmd))
    print(f"process      syndicate convert seed --to pdf          {ours:.3f} s")
    print(f"             pandoc --pdf-engine=weasyprint           {theirs:.3f} s  ratio {ours / theirs:.2f}x")


def jobs(repeat: int, work: Path) -> None:
    inputs = work / "in"
    inputs.mkdir()
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".md"))
    for i in range(20):
        source = samples[i % len(samples)]
        shutil.copy(source, inputs / f"{i:02d}-{source.name}")
    files = [str(p) for p in sorted(inputs.iterdir())]

    def convert(n: int) -> Callable[[], None]:
        out = work / f"jobs{n}"
        cmd = [str(BIN / "syndicate"), "convert", "-q", *files, "--to", "pdf", "-o", str(out)]
        return lambda: run([*cmd, "--jobs", str(n)])

    one, two = medians(repeat, convert(1), convert(2))
    print(f"batch        20 articles --jobs 1                     {one:.3f} s")
    print(f"             20 articles --jobs 2                     {two:.3f} s  speed-up {one / two:.2f}x")
    print(f"             (CPUs: {os.cpu_count()})")


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def control(repeat: int) -> None:
    """What 2 processes can gain on this machine right now: pure-Python CPU work, no syndicate."""
    from concurrent.futures import ProcessPoolExecutor

    def pool(n: int) -> Callable[[], None]:
        def go() -> None:
            with ProcessPoolExecutor(n) as executor:
                list(executor.map(_spin, [2_000_000] * 8))

        return go

    one, two = medians(repeat, pool(1), pool(2))
    print(f"control      CPU-bound Python, 8 tasks, 1 vs 2 processes: {one:.3f} s / {two:.3f} s"
          f"  speed-up {one / two:.2f}x (the ceiling for --jobs 2 here)")  # fmt: skip


def main() -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    in_process(args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        whole_process(args.repeat, Path(tmp))
    with tempfile.TemporaryDirectory() as tmp:
        jobs(args.repeat, Path(tmp))
    control(max(3, args.repeat // 2))
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
