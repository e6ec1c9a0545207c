"""Measure the text reader against labelled real-world articles.

    python -m syndicate.eval tests/corpus/*.json [--corpus ../shared/corpus] [--bbc] [--worst 10]

Truth files (``tests/corpus/fnc1-*.json``) hold what a careful reader sees in FNC-1 bodies: title,
authors, source, original outlet, publisher, date, subheadings, and which lines (or dateline prefixes)
are boilerplate. The bodies themselves are read from the shared corpus (they are not copied here).
Printed: per-field accuracy, body recall (share of must-keep lines still in the body), boilerplate
precision and recall, the BBC control (titles right, nothing removed) and the worst cases.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import logging
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .api import parse
from .errors import ReadError
from .model import Article, ListBlock, plain_text
from .normalize import parse_date
from .text.decode import clean_text, decode

__all__ = ["Score", "evaluate", "main"]

FIELDS = ("title", "authors", "source", "original", "publisher", "published", "headings")
#: Attribution (what syndicate reads that other tools do not) against page furniture (links, calls, junk).
_GROUP = dict.fromkeys(
    (
        "source", "syndication", "author_bio", "byline", "dateline", "published_line", "copyright",
        "disclaimer", "sign_off", "tags",
    ),
    "attribution",
)  # fmt: skip
_BULLET = re.compile(r"^(?:[-*•·▪–]|\d{1,2}[.)])\s+")
_ROOT = Path(__file__).resolve().parent.parent


def _norm(text: str) -> str:
    return " ".join(clean_text(text).split())


def _key(text: str | None) -> str:
    """Loose form for comparing names: case, punctuation and spacing ignored."""
    return re.sub(r"[\W_]+", "", (text or "").casefold())


@dataclass
class Case:
    """One labelled body and what the parser made of it."""

    ref: str
    errors: list[str] = field(default_factory=list)
    keep_total: int = 0
    keep_found: int = 0
    drop_total: int = 0
    drop_found: int = 0
    removed_total: int = 0
    removed_right: int = 0
    fields_right: dict[str, bool] = field(default_factory=dict)
    #: labelled drops by kind: (labelled, removed)
    kinds: dict[str, list[int]] = field(default_factory=dict)


@dataclass
class Score:
    """Totals over a labelled set."""

    cases: list[Case]

    def _sum(self, name: str) -> int:
        return sum(getattr(c, name) for c in self.cases)

    @property
    def body_recall(self) -> float:
        return self._sum("keep_found") / max(1, self._sum("keep_total"))

    @property
    def boilerplate_recall(self) -> float:
        return self._sum("drop_found") / max(1, self._sum("drop_total"))

    @property
    def boilerplate_precision(self) -> float:
        return self._sum("removed_right") / max(1, self._sum("removed_total"))

    def recall_by_group(self) -> dict[str, tuple[int, int]]:
        """Labelled and removed boilerplate lines, by group of kinds."""
        totals: dict[str, list[int]] = {}
        for case in self.cases:
            for group, (labelled, found) in case.kinds.items():
                tally = totals.setdefault(group, [0, 0])
                tally[0] += labelled
                tally[1] += found
        return {group: (t[0], t[1]) for group, t in sorted(totals.items())}

    def field_accuracy(self, name: str) -> float:
        return sum(c.fields_right[name] for c in self.cases) / max(1, len(self.cases))


def read_bodies(corpus: Path) -> dict[str, str]:
    """FNC-1 bodies by reference (``train_bodies.csv#123``)."""
    csv.field_size_limit(10**8)
    bodies = {}
    for name in ("train_bodies.csv", "competition_test_bodies.csv"):
        with (corpus / "fnc1" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                bodies[f"{name}#{row['Body ID']}"] = row["articleBody"]
    return bodies


def _body_text(article: Article) -> str:
    parts: list[str] = []
    for block in article.blocks:
        if isinstance(block, ListBlock):
            parts.extend(plain_text(item) for item in block.items)
        else:
            parts.append(block.text)
    return _norm(" \n ".join(parts))


def _overlaps(truth: str, found: str) -> bool:
    """Whether a removed text and a labelled drop are the same piece (allowing for trimming)."""
    a, b = _norm(truth), _norm(found)
    if not a or not b:
        return False
    return (a in b and len(a) >= 0.5 * len(b)) or (b in a and len(b) >= 0.8 * len(a))


def _inside(found: str, truth: str) -> bool:
    """A removed piece that lies inside a labelled drop (a drop the reader cut in pieces)."""
    piece = _norm(found)
    return len(piece) >= 2 and piece in _norm(truth)


def _covered(truth: str, removed: list[str]) -> bool:
    """Whether pieces removed from inside a labelled drop cover most of it (4/5 of its characters)."""
    letters = len(_norm(truth).replace(" ", ""))
    pieces = {_norm(r) for r in removed if _inside(r, truth)}  # a piece removed twice counts once
    covered = sum(len(p.replace(" ", "")) for p in pieces)
    return letters > 0 and covered >= 0.8 * letters


def _without_parts(text: str, parts: list[str]) -> str:
    """``text`` less the labelled parts of its line, whatever order they were labelled in: each is
    taken off the start or the end, or else out of the middle."""
    parts = [p for p in parts if p]
    while parts:
        for part in parts:
            if text.startswith(part):
                text = text[len(part) :].lstrip(" -–—")
                break
            if text.endswith(part):
                text = text[: -len(part)].rstrip()
                break
        else:
            part = parts[0]
            text = " ".join(text.replace(part, " ", 1).split())
        parts.remove(part)
    return text


def _field(article: Article, name: str) -> Any:
    meta = article.meta
    if name == "title":
        return None if meta.title_inferred else meta.title
    if name == "authors":
        return [a.name for a in meta.authors]
    if name == "original":
        return meta.original.name if meta.original else None
    if name == "published":
        return meta.published.date() if meta.published else None
    if name == "headings":
        return sorted(_norm(b.text) for b in article.blocks if type(b).__name__ == "Heading")
    return getattr(meta, name)


def _same(name: str, found: Any, truth: Any) -> bool:
    if name == "authors":
        return [_key(a) for a in found] == [_key(a) for a in truth or []]
    if name == "published":
        expected = parse_date(truth) if truth else None
        return bool(found == (expected.date() if expected else None))
    if name == "headings":
        return bool(found == sorted(_norm(h) for h in truth or []))
    return _key(found) == _key(truth)


def score_case(truth: dict[str, Any], body: str) -> Case:
    case = Case(truth["ref"])
    try:
        article = parse(body)
    except ReadError as exc:
        case.errors.append(f"ReadError: {exc}")
        article = None
    lines = {n: line.strip() for n, line in enumerate(body.splitlines(), 1) if line.strip()}
    drops = truth.get("drop", [])
    dropped_lines = {d["line"] for d in drops if _norm(d["text"]) == _norm(lines.get(d["line"], ""))}
    skip = {_norm(h) for h in truth.get("headings", [])} | {_norm(truth.get("title") or "\0")}
    keeps = []
    for number, line in lines.items():
        if number in dropped_lines or _norm(line) in skip:
            continue
        text = _without_parts(_norm(line), [_norm(d["text"]) for d in drops if d["line"] == number])
        text = _BULLET.sub("", text.lstrip(" -–—"))
        if text:
            keeps.append(text)
    case.keep_total, case.drop_total = len(keeps), len(drops)
    if article is None:
        case.fields_right = dict.fromkeys(FIELDS, False)
        return case
    body_text = _body_text(article)
    bare_text = body_text.replace("*", "")  # "*a* *b*" in the input is emphasis in the body, not lost text
    for text in keeps:
        if _norm(text) in body_text or " ".join(text.replace("*", "").split()) in bare_text:
            case.keep_found += 1
        else:
            case.errors.append(f"lost body text: {text[:70]!r}")
    removed = [r.text for r in article.removed]
    for drop in drops:
        tally = case.kinds.setdefault(_GROUP.get(drop["kind"], "page furniture"), [0, 0])
        tally[0] += 1
        if any(_overlaps(drop["text"], r) for r in removed) or _covered(drop["text"], removed):
            case.drop_found += 1
            tally[1] += 1
        else:
            case.errors.append(f"kept boilerplate ({drop['kind']}): {drop['text'][:70]!r}")
    case.removed_total = len(removed)
    for item in article.removed:
        if any(_overlaps(d["text"], item.text) or _inside(item.text, d["text"]) for d in drops):
            case.removed_right += 1
        else:
            case.errors.append(f"removed body text ({item.kind}): {item.text[:70]!r}")
    for name in FIELDS:
        found, expected = _field(article, name), truth.get(name)
        if name == "title":
            right = _key(found) == _key(expected) if expected else found is None or not _key(found)
        else:
            right = _same(name, found, expected)
        case.fields_right[name] = right
        if not right:
            case.errors.append(f"{name}: got {found!r}, expected {expected!r}")
    return case


def evaluate(truth: Iterable[dict[str, Any]], bodies: dict[str, str]) -> Score:
    """Score every labelled body; a reference missing from ``bodies`` is an error."""
    cases = []
    for item in truth:
        if item["ref"] not in bodies:
            raise KeyError(f"{item['ref']} is not in the corpus")
        cases.append(score_case(item, bodies[item["ref"]]))
    return Score(cases)


#: The BBC control set's labels (the closing author bios), beside the FNC-1 truth files.
BBC_BIOS = _ROOT / "tests" / "corpus" / "bbc-bios.json"


@functools.cache
def bbc_bios(path: Path = BBC_BIOS) -> dict[str, dict[str, str]]:
    """The BBC stories that close with a line about their author, labelled by hand (``ref`` ->
    ``author``, ``bio``): the control set's only boilerplate."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    return {entry["ref"]: entry for entry in entries}


def is_labelled_bio(text: str, label: dict[str, str] | None) -> bool:
    """Whether a removed text is the labelled closing bio of its story (spacing ignored)."""
    return label is not None and _norm(text) == _norm(label["bio"])


@dataclass
class BBCScore:
    """The BBC control set: titles on line 1, nothing removed but the labelled author bios."""

    stories: int = 0
    titles_right: int = 0
    #: stories that lost anything besides a labelled author bio
    body_removed: int = 0
    bios: int = 0
    #: labelled bios removed from the body and read as the named author's bio
    bios_read: int = 0


def bbc_control(corpus: Path, labels: Path = BBC_BIOS) -> BBCScore:
    """Score the 2,225 BBC stories (``corpus/bbc/*/*.txt``) against their labelled bios (``labels``)."""
    score = BBCScore()
    bios = bbc_bios(labels)
    for path in sorted((corpus / "bbc").glob("*/*.txt")):
        data = path.read_bytes()
        first = clean_text(decode(data)).splitlines()[0].strip()
        article = parse(data)
        score.stories += 1
        score.titles_right += _norm(article.meta.title) == _norm(first)
        label = bios.get(path.relative_to(corpus).as_posix())
        score.body_removed += any(not is_labelled_bio(r.text, label) for r in article.removed)
        if label:
            score.bios += 1
            authors = {_key(a.name): a.bio or "" for a in article.meta.authors}
            score.bios_read += is_labelled_bio(authors.get(_key(label["author"]), ""), label)
    return score


def load_truth(paths: Sequence[Path]) -> list[dict[str, Any]]:
    truth: list[dict[str, Any]] = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError(f"{path}: expected a JSON list of labelled bodies")
        truth.extend(data)
    return truth


def report(score: Score, worst: int, name: str = "FNC-1 labelled bodies") -> str:
    lines = [f"{name}: {len(score.cases)}"]
    lines.append(f"  body recall            {score.body_recall:.4f}  (must-keep lines still in the body)")
    lines.append(
        f"  boilerplate precision  {score.boilerplate_precision:.4f}  (removals that were boilerplate)"
    )
    lines.append(f"  boilerplate recall     {score.boilerplate_recall:.4f}  (boilerplate lines removed)")
    for group, (labelled, found) in score.recall_by_group().items():
        lines.append(f"    {group:<20} {found / max(1, labelled):.4f}  ({found} of {labelled} lines)")
    for field_name in FIELDS:
        lines.append(f"  {field_name + ' accuracy':<22} {score.field_accuracy(field_name):.4f}")
    bad = sorted(score.cases, key=lambda c: -len(c.errors))[:worst]
    bad = [c for c in bad if c.errors]
    if bad:
        lines.append(f"worst {len(bad)}:")
        for case in bad:
            lines.append(f"  {case.ref}: {len(case.errors)} problem(s)")
            lines.extend(f"    - {error}" for error in case.errors[:6])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m syndicate.eval",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "truth",
        nargs="*",
        type=Path,
        help="truth files (default: the development set tests/corpus/*.json, then the held-out set "
        "tests/corpus/holdout/*.json, each scored on its own)",
    )
    parser.add_argument("--corpus", type=Path, default=_ROOT.parent / "shared" / "corpus")
    parser.add_argument("--bbc", action="store_true", help="also run the BBC control set (2,225 stories)")
    parser.add_argument(
        "--worst",
        type=int,
        default=10,
        help="worst cases to show (default: 10); never for the held-out set, unless its files are named",
    )
    args = parser.parse_args(argv)
    logging.getLogger("syndicate").setLevel(logging.ERROR)
    corpus = _ROOT / "tests" / "corpus"
    # The held-out set shows its totals only: its failures are not to be studied while writing rules.
    if args.truth:
        sets = [("FNC-1 labelled bodies", args.truth, args.worst)]
    else:
        development, held_out = sorted(corpus.glob("fnc1-*.json")), sorted(corpus.glob("holdout/fnc1-*.json"))
        sets = [
            ("FNC-1 development set (rules were tuned on it)", development, args.worst),
            ("FNC-1 held-out set (never used to tune rules)", held_out, 0),
        ]
        sets = [entry for entry in sets if entry[1]]
        if not sets:
            parser.error("no truth files given or found in tests/corpus/")
    try:
        bodies = read_bodies(args.corpus)
        for name, paths, worst in sets:
            print(report(evaluate(load_truth(paths), bodies), worst, name))
    except (OSError, ValueError, KeyError) as exc:
        print(f"syndicate.eval: error: {exc}", file=sys.stderr)
        return 2
    if args.bbc:
        bbc = bbc_control(args.corpus)
        print(
            f"BBC control: {bbc.stories} stories, titles right {bbc.titles_right / bbc.stories:.4f}, "
            f"stories that lost body text {bbc.body_removed}; closing author bios (labelled) read as "
            f"the author's bio {bbc.bios_read} of {bbc.bios}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
