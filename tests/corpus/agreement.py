"""How far two labellings of the same bodies agree, and how the reader scores against each.

    python tests/corpus/agreement.py FIRST.json... --second SECOND.json...

Each SECOND file labels the same bodies, in the same order, as the FIRST file at its position (made
blind by other labellers, from the same batch and the same guide). A drop of one labelling is found
in the other when both name the same line and one's text contains the other's (a dateline prefix
against its whole line, say). Printed: how many drops each has, the share of each one's drops that the
other has (its recall against the other), field by field agreement, and the reader's figures against
each labelling.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from syndicate.eval import _GROUP, _key, _norm, evaluate, load_truth, read_bodies  # noqa: E402

FIELDS = ("title", "authors", "source", "original", "publisher", "published")


def _same_drop(a: dict[str, Any], b: dict[str, Any]) -> bool:
    x, y = _norm(a["text"]), _norm(b["text"])
    return a["line"] == b["line"] and (x in y or y in x)


def _same_field(name: str, a: Any, b: Any) -> bool:
    if name == "authors":
        return [_key(x) for x in a or []] == [_key(x) for x in b or []]
    return _key(a) == _key(b)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("first", nargs="+", type=Path)
    parser.add_argument("--second", nargs="+", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    first, second = load_truth(args.first), load_truth(args.second)
    if [t["ref"] for t in first] != [t["ref"] for t in second]:
        sys.exit("agreement.py: the two labellings do not list the same bodies in the same order")
    found = {"first": 0, "second": 0}
    total = {"first": 0, "second": 0}
    groups: dict[str, list[int]] = {}
    fields = dict.fromkeys(FIELDS, 0)
    for a, b in zip(first, second, strict=True):
        total["first"] += len(a["drop"])
        total["second"] += len(b["drop"])
        for drop in a["drop"]:
            tally = groups.setdefault(_GROUP.get(drop["kind"], "page furniture"), [0, 0])
            tally[0] += 1
            if any(_same_drop(drop, other) for other in b["drop"]):
                found["first"] += 1
                tally[1] += 1
        found["second"] += sum(any(_same_drop(drop, other) for other in a["drop"]) for drop in b["drop"])
        for name in FIELDS:
            fields[name] += _same_field(name, a.get(name), b.get(name))
    count = len(first)
    print(f"{count} bodies; drops: first labelling {total['first']}, second {total['second']}")
    print(f"  first's drops the second also has   {found['first'] / total['first']:.4f}")
    print(f"  second's drops the first also has   {found['second'] / total['second']:.4f}")
    for group, (whole, same) in sorted(groups.items()):
        print(f"    {group:<20} {same} of {whole}")
    print("  fields alike: " + ", ".join(f"{name} {fields[name] / count:.3f}" for name in FIELDS))
    bodies = read_bodies(args.corpus)
    for name, truth in (("first", first), ("second", second)):
        score = evaluate(truth, bodies)
        print(
            f"  reader against the {name}: boilerplate recall {score.boilerplate_recall:.4f}, "
            f"precision {score.boilerplate_precision:.4f}, body recall {score.body_recall:.4f}"
        )


if __name__ == "__main__":
    main()
