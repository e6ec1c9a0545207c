"""The reader on real text nobody here wrote (../shared/corpus; see its README).

A sample of BBC stories (every 7th; ``benchmarks/corpus_check.py`` runs all 2,225) must keep line 1 as
the title and every paragraph in the body (but the closing author bios labelled in
tests/corpus/bbc-bios.json), and every FNC-1 body must parse without an exception.
"""

from __future__ import annotations

import pytest

import syndicate
from benchmarks.corpus_check import bbc_failures, bbc_paths, fnc1_bodies
from syndicate.errors import ReadError
from syndicate.text.decode import clean_text

from .conftest import corpus_dir


def test_bbc_titles_and_bodies() -> None:
    paths = bbc_paths(corpus_dir("bbc").parent, every=7)
    assert len(paths) > 300
    failures = {p.name: f for p in paths if (f := bbc_failures(p))}
    assert not failures


def test_fnc1_bodies_all_parse() -> None:
    corpus = corpus_dir("fnc1").parent
    count = 0
    for name, body in fnc1_bodies(corpus):
        count += 1
        try:
            article = syndicate.parse(body)
        except ReadError:
            assert not body.strip(), f"{name}: ReadError for a non-empty body"
            continue
        # nothing is lost: every removed piece of text came from the input
        cleaned = " ".join(clean_text(body).split())
        for removed in article.removed:
            assert " ".join(removed.text.split()) in cleaned, name
    assert count == 2587


@pytest.mark.parametrize(
    "text",
    [
        "Sources in the ministry said the talks had failed.",
        "The company released open-source software on Monday.",
        "According to a source close to the talks, a deal is near.",
        "Source code for the app was published on GitHub last week.",
    ],
)
def test_mentions_of_sources_stay_in_the_body(text: str) -> None:
    article = syndicate.parse(f"Talks fail in Geneva\n\nFirst paragraph of the story goes here.\n\n{text}")
    assert article.removed == ()
    assert article.blocks[-1].text == text
