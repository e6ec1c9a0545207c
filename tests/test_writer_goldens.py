"""Writer goldens: one canonical article rendered by each text format, reviewed as a diff.

Regenerate with ``pytest --accept`` and review ``git diff tests/golden/writers``. The EPUB golden is
its package document and chapter (the zip around them is checked for reproducibility elsewhere).
"""

from __future__ import annotations

import io
import zipfile

import pytest

import syndicate

from .conftest import GOLDEN, SEED, check_golden


@pytest.fixture(scope="module")
def canonical() -> syndicate.Article:
    return syndicate.load(
        SEED,
        title="Kim and Putin meet at the Vostochny spaceport",
        published="2023-09-13T08:00:00+02:00",
        tags="north korea, russia",
        canonical_url="https://example.org/kim-putin",
    )


@pytest.mark.parametrize(("format", "name"), [("json", "canonical.json"), ("markdown", "canonical.md")])
def test_document_writer_golden(canonical: syndicate.Article, format: str, name: str, accept: bool) -> None:
    check_golden(GOLDEN / "writers" / name, syndicate.render(canonical, format).decode("utf-8"), accept)


@pytest.mark.parametrize("format", ["rss", "atom", "jsonfeed"])
def test_feed_writer_golden(canonical: syndicate.Article, format: str, accept: bool) -> None:
    other = syndicate.load(SEED.parent / "wire-dateline.txt", published="2024-02-03T10:00:00Z")
    feed = syndicate.make_feed([canonical, other], title="Example feed", site_url="https://example.org")
    extension = {"rss": "rss", "atom": "atom", "jsonfeed": "feed.json"}[format]
    data = syndicate.render(feed, format).decode("utf-8")
    check_golden(GOLDEN / "writers" / f"canonical.{extension}", data, accept)


def test_epub_package_golden(canonical: syndicate.Article, accept: bool) -> None:
    with zipfile.ZipFile(io.BytesIO(syndicate.render(canonical, "epub"))) as book:
        names = book.namelist()
        opf = next(n for n in names if n.endswith(".opf"))
        chapter = next(n for n in names if n.endswith(".xhtml") and "chapter" in n)
        text = f"{names}\n\n{book.read(opf).decode()}\n\n{book.read(chapter).decode()}"
    check_golden(GOLDEN / "writers" / "canonical.epub.txt", text, accept)
