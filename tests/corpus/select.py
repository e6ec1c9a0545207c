"""Pick FNC-1 bodies to label, and write them as numbered batches for the labellers.

    python tests/corpus/select.py --seed 20261127 --cap 5 --signalled 40 --random 20 --letters def OUT
    python tests/corpus/select.py --seed 7112026 --cap 7 --signalled 60 --random 30 --letters ghi OUT
    python tests/corpus/select.py --seed 27112026 --cap 7 --signalled 60 --random 30 --letters klm OUT
    python tests/corpus/select.py --seed 4242027 --cap 8 --signalled 60 --random 30 --letters nop OUT
    python tests/corpus/select.py --seed 5052027 --cap 9 --signalled 60 --random 30 --letters qrs OUT
    python tests/corpus/select.py --seed 6062027 --cap 9 --signalled 60 --random 35 --letters tuv OUT
    python tests/corpus/select.py --seed 7072027 --cap 10 --signalled 75 --random 80 --letters wxyz OUT
    python tests/corpus/select.py --seed 8082027 --cap 10 --signalled 75 --random 80 --letters 1234 OUT
    python tests/corpus/select.py --seed 9092027 --cap 10 --signalled 75 --random 80 --letters 5678 OUT
    python tests/corpus/select.py --seed 10102027 --cap 10 --signalled 75 --random 80 --letters 9,10,11,12 OUT
    python tests/corpus/select.py --seed 11112027 --cap 10 --signalled 75 --random 100 \
        --letters 13,14,15,16 OUT
    python tests/corpus/select.py --seed 12122027 --cap 10 --signalled 75 --random 100 \
        --letters 17,18,19,20 OUT
    python tests/corpus/select.py --seed 13132027 --cap 10 --signalled 75 --random 100 \
        --letters 21,22,23,24 OUT
    python tests/corpus/select.py --seed 14142027 --cap 10 --signalled 75 --random 100 \
        --letters 25,26,27,28 OUT
    python tests/corpus/select.py --seed 15152027 --cap 10 --signalled 75 --random 100 \
        --letters 29,30,31,32 OUT
    python tests/corpus/select.py --seed 16162027 --cap 10 --signalled 75 --random 100 \
        --letters 33,34,35,36 OUT
    python tests/corpus/select.py --seed 17172027 --cap 10 --signalled 75 --random 100 \
        --letters 37,38,39,40 OUT
    python tests/corpus/select.py --seed 18182027 --cap 10 --signalled 75 --random 100 \
        --letters 41,42,43,44 OUT
    python tests/corpus/select.py --seed 19192027 --cap 10 --signalled 75 --random 100 \
        --letters 45,46,47,48 OUT
    python tests/corpus/select.py --seed 20202027 --cap 10 --signalled 75 --random 100 \
        --letters 49,50,51,52 OUT
    python tests/corpus/select.py --seed 21212027 --cap 10 --signalled 75 --random 100 \
        --letters 53,54,55,56 OUT
    python tests/corpus/select.py --seed 22222027 --cap 10 --signalled 75 --random 100 \
        --letters 57,58,59,60 OUT
    python tests/corpus/select.py --seed 23232027 --cap 10 --signalled 75 --random 100 \
        --letters 61,62,63,64 OUT
    python tests/corpus/select.py --seed 24242027 --cap 10 --signalled 75 --random 100 \
        --letters 65,66,67,68 OUT

(the calls that picked ``fnc1-d`` to ``fnc1-68``, each run when only the files before it were labelled;
the last found only 86 bodies left under 12,000 characters that are neither labelled nor near-copies;
the first two without ``--dedupe``, which came later). Bodies already labelled in
``tests/corpus/**/*.json`` are skipped, and with ``--dedupe`` (the default now) so are bodies that
share more than half of their 8-word runs with a labelled one: FNC-1 holds the same article under
several ids, and a near-copy of a development body in the held-out set is not held out. Bodies of
12,000 characters or more are skipped too. Bodies are shuffled with ``--seed``; each is taken while
one of its signals (a credit line, a notice, a dateline, ...) is under ``--cap``, up to
``--signalled`` bodies; then ``--random`` more, whatever they
hold. ``OUT/batch-X.txt`` gets every Nth body (N batches), each line numbered as the labels refer to it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from syndicate.eval import read_bodies  # noqa: E402

SIGNALS = {
    "source": re.compile(r"^\W{0,3}sou?rc?e\s*:", re.I | re.M),
    "originally": re.compile(r"(originally|first) (appeared|published)", re.I),
    "via": re.compile(r"^\W?(via|h/t|hat tip)\b", re.I | re.M),
    "wire": re.compile(r"\((Reuters|AP|AFP|CNN)\)\s*[-–—]"),
    "byline": re.compile(r"^By [A-Z]", re.M),
    "readmore": re.compile(r"^\W?(read more|related|more:|see also|click here)", re.I | re.M),
    "photo": re.compile(r"(Photo|Image)\s*(credit|:|via)", re.I),
    "social": re.compile(r"(follow (us|me)|share this|subscribe|sign up)", re.I),
    "copyright": re.compile(r"(©|copyright|all rights reserved)", re.I),
}


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 8]) for i in range(max(1, len(words) - 7))}


def _near_copy(a: set[str], others: list[set[str]]) -> bool:
    return any(len(a & b) > 0.5 * len(a | b) for b in others)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--cap", type=int, default=5, help="bodies per signal")
    parser.add_argument("--signalled", type=int, default=40, help="bodies picked for their signals")
    parser.add_argument("--random", type=int, default=20, help="bodies picked at random")
    parser.add_argument(
        "--letters", default="def", help="one batch per letter, or per comma-separated name (9,10,11)"
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--dedupe",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="skip near-copies of labelled bodies (default: on)",
    )
    args = parser.parse_args()

    bodies = read_bodies(args.corpus)
    labelled = {
        entry["ref"]
        for path in (ROOT / "tests" / "corpus").glob("**/*.json")
        for entry in json.loads(path.read_text(encoding="utf-8"))
    }
    rng = random.Random(args.seed)
    refs = sorted(r for r in bodies if r not in labelled and len(bodies[r]) < 12000)
    if args.dedupe:
        seen = [_shingles(bodies[r]) for r in labelled if r in bodies]
        refs = [r for r in refs if not _near_copy(_shingles(bodies[r]), seen)]
    rng.shuffle(refs)
    picked: list[str] = []
    taken = dict.fromkeys(SIGNALS, 0)
    for ref in refs:
        hits = [name for name, pattern in SIGNALS.items() if pattern.search(bodies[ref])]
        name = next((n for n in hits if taken[n] < args.cap), None)
        if name:
            taken[name] += 1
            picked.append(ref)
        if len(picked) >= args.signalled:
            break
    picked += [r for r in refs if r not in picked][: args.random]
    rng.shuffle(picked)
    args.out.mkdir(parents=True, exist_ok=True)
    names = args.letters.split(",") if "," in args.letters else list(args.letters)
    for number, letter in enumerate(names):
        batch = picked[number :: len(names)]
        with (args.out / f"batch-{letter}.txt").open("w", encoding="utf-8") as out:
            for ref in batch:
                out.write(f"===== {ref}\n")
                for line_number, line in enumerate(bodies[ref].splitlines(), 1):
                    out.write(f"{line_number:4}| {line}\n")
                out.write("\n")
        print(f"batch-{letter}.txt: {len(batch)} bodies")
    print("by signal:", taken)


if __name__ == "__main__":
    main()
