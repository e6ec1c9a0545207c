"""Reader goldens: every sample parses to its reviewed JSON (``pytest --accept`` rewrites them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import syndicate

from .conftest import GOLDEN, SEED, check_golden, sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_reader_golden(path: Path, accept: bool) -> None:
    article = syndicate.load(path)
    text = json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n"
    check_golden(GOLDEN / "readers" / f"{path.stem}.json", text, accept)


def test_seed_acceptance() -> None:
    """The metadata the foundation issue states for the seed article, field by field."""
    data = json.loads(syndicate.render(syndicate.load(SEED), "json"))
    assert [a["name"] for a in data["authors"]] == ["Amelia James"]
    assert data["authors"][0]["bio"].startswith("I am Amelia James, a passionate journalist")
    assert data["authors"][0]["bio"].endswith("political issues around the world.")
    assert data["publisher"] == "24 Instant News"
    assert data["source"] == "Watson"
    assert data["original"] == {"name": "Zeit Online", "url": None}
    assert data["language"] == "en"
    assert data["title_inferred"] is True
    headings = [b["text"] for b in data["body"] if b["type"] == "heading"]
    assert headings == ["North Korea has many conventional weapons"]
    paragraphs = [b["text"] for b in data["body"] if b["type"] == "paragraph"]
    assert paragraphs[0].startswith("The North Korean dictator must have been satisfied.")
    assert paragraphs[-1].endswith("A horror duo, if you will.")
    # every body line of the input is there, in order
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body_lines = lines[: lines.index(next(ln for ln in lines if ln.startswith("This article first")))]
    assert [b["text"] for b in data["body"]] == body_lines
    body = "\n".join(b["text"] for b in data["body"])
    for gone in ("first appeared on Zeit Online", "Soource", "I am Amelia James"):
        assert gone not in body
    assert [r["kind"] for r in data["removed"]] == ["syndication", "source", "author_bio"]
    assert data["removed"][1]["text"] == "Soource :Watson"
