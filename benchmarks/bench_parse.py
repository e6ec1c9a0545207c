"""Parse throughput and CLI cold start.

    python benchmarks/bench_parse.py [--articles 1000] [--repeat 5]

1. Parse + normalize 1,000 generated seed-like articles in-process on one core (median per article),
   next to a naive single regex pass over the same text, for scale.
2. Whole-process ``syndicate convert seed --to html`` (median wall time of several runs), next to
   ``pandoc -s -f markdown -t html5`` on the same text when pandoc is installed.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import syndicate

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "kim-putin-vostochny.txt"


def generated_articles(count: int) -> list[str]:
    """Seed-like articles: the seed's paragraphs shuffled, with varied credits (fixed random seed)."""
    lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body, tail = lines[:-3], lines[-3:]
    rng = random.Random(1234)
    out = []
    for i in range(count):
        paragraphs = body[:]
        rng.shuffle(paragraphs)
        head = f"Article number {i} about {rng.choice(['Kim', 'Putin', 'rockets', 'trains'])}"
        out.append("\n".join([head, *paragraphs[: rng.randint(6, len(paragraphs))], *tail]))
    return out


def time_per_item(func: object, items: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            func(item)  # type: ignore[operator]
        runs.append((time.perf_counter() - start) / len(items))
    return statistics.median(runs)


def wall(cmd: list[str], repeat: int, stdin: bytes | None = None) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, input=stdin, capture_output=True, check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    import logging

    logging.getLogger("syndicate").setLevel(logging.ERROR)
    texts = generated_articles(args.articles)
    syndicate.parse(texts[0])  # warm up imports and caches
    naive = re.compile(r"^(?:Source|Soource)\s*:.*$", re.M)
    parse_ms = time_per_item(syndicate.parse, texts, args.repeat) * 1000
    regex_ms = time_per_item(naive.findall, texts, args.repeat) * 1000
    print(f"parse + normalize: {parse_ms:.3f} ms per article (median of {args.repeat} x {args.articles})")
    print(f"naive regex pass:  {regex_ms:.3f} ms per article")
    # Hostile layouts: the multi-segment passes (link lists, boxes, cards, repeats) must stay linear, and no
    # pattern may backtrack without bound on a long line.
    lead = "Headline\n\nBody text that is long enough to be a real paragraph here.\n\nMore body text.\n\n"
    for name, text in (
        ("16,000 'Related' headers", lead + "\n".join(["Related"] * 16000)),
        ("8,000 tight 'Read more' links", lead + "\n".join(["Read more example.com"] * 8000)),
        ("5,000 headers each with an item", lead + "\n".join(["Related", "Council approves budget"] * 5000)),
        ("a closing bracketed credit of 600 dotted letters", lead + "[" + "A." * 300 + "x]"),
        ("16,000 repeated short lines", lead + "\n\n".join(["Catfish in the record book"] * 16000)),
        ("a full-letter link before 2,000 dots", lead + "Read the full letter at the A" + "." * 1969 + "!x"),
        ("a line of 500 page elements", lead + "A   " * 500),
        ("5,000 tight picture names", lead + "\n".join(f"council river vote {i}" for i in range(5000))),
        ("a call before 10,000 tab-separated dots", lead + "Click here " + ".\t" * 10000 + "a"),
        (
            "a carousel of 1,000 headlines shown twice",
            lead + "\n\n".join([f"Council votes on plan {i}" for i in range(1000)] * 2),
        ),
    ):
        start = time.perf_counter()
        syndicate.parse(text)
        print(f"hostile input, {name}: {(time.perf_counter() - start) * 1000:.0f} ms")

    # An installed package has bytecode (pip compiles it); an editable checkout under
    # PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run, so compile it once here.
    import compileall

    compileall.compile_dir(str(ROOT / "syndicate"), quiet=1)
    exe = shutil.which("syndicate") or str(Path(sys.executable).with_name("syndicate"))
    with tempfile.TemporaryDirectory() as out:
        cli = wall([exe, "convert", str(SEED), "--to", "html", "-q", "-o", out], args.repeat)
    print(f"syndicate convert seed --to html: {cli * 1000:.0f} ms (median of {args.repeat} runs)")
    pandoc = shutil.which("pandoc")
    if pandoc:
        seconds = wall(
            [pandoc, "-s", "-f", "markdown", "-t", "html5", "--metadata", "title=x", str(SEED)], args.repeat
        )
        print(f"pandoc -s -f markdown -t html5:   {seconds * 1000:.0f} ms; ratio {cli / seconds:.2f}x")
    else:
        print("pandoc not installed: no comparison (apt-get install pandoc)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
