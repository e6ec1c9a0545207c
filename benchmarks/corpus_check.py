"""Check the reader against the shared corpus (a script over all of it; tests use samples).

BBC (../shared/corpus/bbc): the title must be line 1 and no body paragraph may be removed (the closing
author bios labelled in tests/corpus/bbc-bios.json go, to the author's bio).
FNC-1 (../shared/corpus/fnc1): every body must parse without an exception.

    python benchmarks/corpus_check.py [--corpus ../shared/corpus] [--every N] [--show K]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import syndicate
from syndicate.errors import ReadError
from syndicate.eval import bbc_bios, is_labelled_bio
from syndicate.model import ListBlock, plain_text
from syndicate.readers.text import BULLET
from syndicate.text.decode import clean_text, decode

ROOT = Path(__file__).resolve().parent.parent


def bbc_paths(corpus: Path, every: int = 1) -> list[Path]:
    return sorted((corpus / "bbc").glob("*/*.txt"))[::every]


def fnc1_bodies(corpus: Path) -> Iterator[tuple[str, str]]:
    csv.field_size_limit(10**8)
    for name in ("train_bodies.csv", "competition_test_bodies.csv"):
        with (corpus / "fnc1" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield f"{name}:{row['Body ID']}", row["articleBody"]


def bbc_failures(path: Path) -> list[str]:
    """What is wrong with one BBC story's parse: an empty list when title and body are right."""
    raw = clean_text(decode(path.read_bytes()))
    lines = [ln.strip() for ln in raw.splitlines()]
    expected_title = " ".join(lines[0].split())
    paragraphs = [" ".join(ln.split()) for ln in lines[1:] if ln.strip()]
    article = syndicate.load(path)
    problems = []
    if article.meta.title != expected_title:
        problems.append(f"title {article.meta.title!r} != {expected_title!r}")
    bio_label = bbc_bios().get(path.relative_to(path.parents[2]).as_posix())
    # a column's closing line about its author (labelled by hand) is the one thing to take out
    unlabelled = [r for r in article.removed if not is_labelled_bio(r.text, bio_label)]
    if unlabelled:
        problems.append("removed " + "; ".join(f"{r.kind}: {r.text[:60]!r}" for r in unlabelled))
    kept = {b.text for b in article.blocks}
    kept.update(plain_text(item) for b in article.blocks if isinstance(b, ListBlock) for item in b.items)
    # a "- item" line becomes a list item without its bullet: the text itself is kept
    lost = [
        p
        for p in paragraphs
        if p not in kept and BULLET.sub("", p, count=1) not in kept and not is_labelled_bio(p, bio_label)
    ]
    if lost and not unlabelled:
        problems.append(f"{len(lost)} paragraph(s) changed, e.g. {lost[0][:60]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--every", type=int, default=1, help="check every Nth BBC story")
    parser.add_argument("--show", type=int, default=15, help="failures to print")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    paths = bbc_paths(args.corpus, args.every)
    bad = [(p, f) for p in paths if (f := bbc_failures(p))]
    ok = len(paths) - len(bad)
    print(f"BBC: {ok}/{len(paths)} stories right ({100 * ok / len(paths):.2f}%)")
    for path, problems in bad[: args.show]:
        print(f"  {path.relative_to(args.corpus)}: {' | '.join(problems)}")

    errors = 0
    count = 0
    removed = 0
    for name, body in fnc1_bodies(args.corpus):
        count += 1
        try:
            removed += len(syndicate.parse(body).removed)
        except ReadError:
            pass  # an empty body is a clear ReadError, not a crash
        except Exception as exc:
            errors += 1
            print(f"  FNC-1 {name}: {type(exc).__name__}: {exc}")
    print(f"FNC-1: {count - errors}/{count} bodies parsed without an exception; {removed} removals")
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0 if not errors and ok / len(paths) >= 0.99 else 1


if __name__ == "__main__":
    sys.exit(main())
