"""Would a learned line classifier add to the rules? A measurement, not part of syndicate.

    pip install scikit-learn
    python benchmarks/line_model.py [--corpus ../shared/corpus] [--bbc] [--c 10]

For every line of the labelled development bodies (tests/corpus/fnc1-*.json) that the reader keeps, a
logistic regression over the line's words (hashed unigrams and bigrams, first and last words), its shape
(length, capitals, punctuation, digits, links) and its place (distance from the end, neighbours, how much
around it the rules removed) estimates how likely the line is boilerplate. The model is cross-validated
by truth file (five folds, each file's bodies held out together) and the script prints, at several
probability thresholds, how many more labelled boilerplate lines it would remove and how many article
lines it would take with them. With ``--bbc`` half of the BBC stories join the training set as article
text and the script counts what the model would remove from the other half (the control allows none).

docs/parsing.md (Accuracy) has what this measured and why syndicate ships no model.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from syndicate.api import parse
from syndicate.errors import ReadError
from syndicate.eval import _norm, _overlaps, load_truth, read_bodies
from syndicate.text.decode import clean_text, decode

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"[a-z]+|\d+|[^\w\s]", re.I)
_THRESHOLDS = (0.8, 0.9, 0.95, 0.97)


def _shape(text: str) -> dict[str, float]:
    words = text.split()
    count = len(words)
    capitals = sum(1 for w in words if w[:1].isupper())
    return {
        "words": min(count, 60) / 60,
        "short": float(count <= 3),
        "mid": float(3 < count <= 8),
        "long": float(count > 25),
        "ends_sentence": float(text[-1:] in ".!?\"”'"),
        "ends_colon": float(text.endswith(":")),
        "capitals": capitals / max(1, count),
        "all_caps": float(text.upper() == text and any(c.isalpha() for c in text)),
        "digit": float(any(c.isdigit() for c in text)),
        "link": float(bool(re.search(r"https?://|www\.|\.com\b", text))),
        "at": float("@" in text),
        "pipe": float("|" in text),
        "bracket": float(text.startswith(("(", "["))),
        "bullet": float(bool(re.match(r"^[-*•·»›]", text))),
    }


def line_features(lines: Sequence[str], index: int, removed: Sequence[bool]) -> dict[str, float]:
    """What the model sees of line ``index``: its words, its shape and what stands around it."""
    text, count = lines[index], len(lines)
    features = {f"shape:{k}": v for k, v in _shape(text).items()}
    from_end = count - 1 - index
    features |= {
        "at:last": float(from_end == 0),
        "at:end2": float(from_end <= 2),
        "at:end5": float(from_end <= 5),
        "at:first3": float(index < 3),
        "at:relative": index / max(1, count - 1),
    }
    after = removed[index + 1 :]
    features["around:removed_after"] = sum(after) / len(after) if after else 0.0
    features["around:previous_removed"] = float(index > 0 and removed[index - 1])
    features["around:next_removed"] = float(index + 1 < count and removed[index + 1])
    for step, name in ((-1, "previous"), (1, "next")):
        if 0 <= index + step < count:
            shape = _shape(lines[index + step])
            features |= {f"{name}:{k}": shape[k] for k in ("short", "long", "ends_sentence")}
        else:
            features[f"{name}:none"] = 1.0
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    features |= {f"word:{t}": 1.0 for t in tokens}
    features |= {f"pair:{a} {b}": 1.0 for a, b in pairwise(tokens)}
    features |= {f"first{k}:{t}": 1.0 for k, t in enumerate(tokens[:3])}
    if tokens:
        features[f"last:{tokens[-1]}"] = 1.0
    return features


def _lines(text: str, drops: list[dict[str, Any]] | None) -> list[tuple[dict[str, float], int, bool]]:
    """(features, label, removed by the rules) for each non-blank line; label 1 is a whole-line drop,
    0 article text, -1 a line only partly labelled (left out)."""
    try:
        removed_texts = [r.text for r in parse(text).removed]
    except ReadError:
        return []
    numbered = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    lines = [line for _, line in numbered]
    removed = [any(_overlaps(line, r) for r in removed_texts) for line in lines]
    whole = {d["line"] for d in drops or [] if _norm(d["text"]) == _norm(dict(numbered).get(d["line"], ""))}
    partly = {d["line"] for d in drops or []} - whole
    rows = []
    for index, (number, _) in enumerate(numbered):
        label = 1 if number in whole else -1 if number in partly else 0
        rows.append((line_features(lines, index, removed), label, removed[index]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--bbc", action="store_true", help="train on half the BBC stories, test on the rest")
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation strength (default 10)")
    args = parser.parse_args(argv)
    try:
        from sklearn.feature_extraction import FeatureHasher
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        print("line_model.py: error: needs scikit-learn (pip install scikit-learn)", file=sys.stderr)
        return 2
    logging.getLogger("syndicate").setLevel(logging.ERROR)
    bodies = read_bodies(args.corpus)
    files = sorted((ROOT / "tests" / "corpus").glob("fnc1-*.json"))
    rows: list[tuple[dict[str, float], int, bool, int]] = []
    for fold, path in enumerate(files):
        for truth in load_truth([path]):
            rows += [(f, y, r, fold % 5) for f, y, r in _lines(bodies[truth["ref"]], truth.get("drop", []))]
    rows = [row for row in rows if row[1] >= 0]
    bbc_train: list[dict[str, float]] = []
    bbc_test: list[list[dict[str, float]]] = []
    if args.bbc:
        for number, path in enumerate(sorted((args.corpus / "bbc").glob("*/*.txt"))):
            story = [f for f, _, kept in _lines(clean_text(decode(path.read_bytes())), None)[1:] if not kept]
            (bbc_train.extend(story) if number % 2 == 0 else bbc_test.append(story))
    hasher = FeatureHasher(n_features=2**20, input_type="dict", alternate_sign=False)
    kept_rows = [(row, i) for i, row in enumerate(rows) if not row[2]]
    probability = [0.0] * len(rows)
    for fold in range(5):
        train = [row for row in rows if row[3] != fold]
        x = hasher.transform([f for f, *_ in train] + bbc_train)
        y = [label for _, label, *_ in train] + [0] * len(bbc_train)
        model = LogisticRegression(C=args.c, max_iter=5000).fit(x, y)
        test = [(row, i) for row, i in kept_rows if row[3] == fold]
        for (_, i), p in zip(
            test, model.predict_proba(hasher.transform([r[0] for r, _ in test]))[:, 1], strict=True
        ):
            probability[i] = float(p)
    drops = sum(1 for row, _ in kept_rows if row[1] == 1)
    print(
        f"{len(rows)} labelled lines in {len(files)} truth files; the rules keep {len(kept_rows)}, "
        f"{drops} of them labelled boilerplate"
    )
    for threshold in _THRESHOLDS:
        taken = [rows[i][1] for _, i in kept_rows if probability[i] >= threshold]
        print(
            f"  p >= {threshold}: {taken.count(1)} more boilerplate lines removed, "
            f"{taken.count(0)} article lines"
        )
    if args.bbc:
        x = hasher.transform([f for f, *_ in rows] + bbc_train)
        model = LogisticRegression(C=args.c, max_iter=5000).fit(
            x, [r[1] for r in rows] + [0] * len(bbc_train)
        )
        lines = [f for story in bbc_test for f in story]
        scores = model.predict_proba(hasher.transform(lines))[:, 1]
        for threshold in _THRESHOLDS:
            print(
                f"  BBC, the other {len(bbc_test)} stories: {int((scores >= threshold).sum())} lines removed "
                f"at p >= {threshold}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
