"""The model is frozen, complete, and round-trips through the JSON contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from syndicate.model import (
    Article,
    Author,
    Code,
    Emphasis,
    Heading,
    Link,
    ListBlock,
    Metadata,
    Outlet,
    Paragraph,
    Quote,
    Removed,
    Strong,
    Text,
)

from .conftest import SEED

CONTRACT_KEYS = [
    "schema_version", "title", "title_inferred", "subtitle", "authors", "publisher", "source",
    "original", "language", "published", "updated", "summary", "tags", "word_count",
    "reading_minutes", "id", "slug", "canonical_url", "body", "removed",
]  # fmt: skip


def rich_article() -> Article:
    meta = Metadata(
        title="A title",
        id="urn:uuid:00000000-0000-5000-8000-000000000000",
        slug="a-title",
        language="en",
        authors=(
            Author("Ann Author", bio="Ann writes.", url="https://example.org/ann", email="a@example.org"),
        ),
        publisher="Example Times",
        source="Wire",
        original=Outlet("First Paper", "https://first.example"),
        published=dt.datetime(2023, 9, 13, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        updated=dt.datetime(2023, 9, 14, tzinfo=dt.UTC),
        summary="Lead.",
        tags=("a", "b"),
        canonical_url="https://example.org/a",
        word_count=12,
        reading_minutes=1,
    )
    blocks = (
        Heading(2, (Text("Sub"),)),
        Paragraph((Text("Plain "), Emphasis((Text("em"),)), Text(" "), Strong((Text("strong"),)))),
        Paragraph((Link((Text("link"),), "https://example.org"), Text(" "), Code("x = 1"))),
        Quote((Text("Quoted."),), cite="Someone"),
        ListBlock(((Text("one"),), (Text("two"),)), ordered=True),
    )
    return Article(meta, blocks, (Removed("source", "Source: Wire"),))


def test_round_trip_is_lossless() -> None:
    article = rich_article()
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article


def test_contract_keys_are_pinned() -> None:
    data = rich_article().to_dict()
    assert list(data) == CONTRACT_KEYS
    assert data["schema_version"] == 1
    assert data["published"] == "2023-09-13T08:00:00+02:00"
    assert data["original"] == {"name": "First Paper", "url": "https://first.example"}
    assert data["body"][0] == {
        "type": "heading",
        "level": 2,
        "text": "Sub",
        "inlines": [{"type": "text", "text": "Sub"}],
    }
    assert data["body"][1]["text"] == "Plain em strong"
    assert data["body"][4]["items"][1]["text"] == "two"


def test_seed_round_trips() -> None:
    import syndicate

    article = syndicate.load(SEED)
    assert Article.from_dict(article.to_dict()) == article


def test_model_is_frozen() -> None:
    article = rich_article()
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.meta.title = "x"  # type: ignore[misc]


def test_naive_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        Metadata(title="t", id="i", slug="s", published=dt.datetime(2023, 1, 1))


def test_unknown_removed_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown removed kind"):
        Removed("gossip", "x")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(schema_version=2),
        lambda d: d.pop("title"),
        lambda d: d["body"].append({"type": "table"}),
    ],
)
def test_from_dict_rejects_malformed(mutate: object) -> None:
    data = rich_article().to_dict()
    mutate(data)  # type: ignore[operator]
    with pytest.raises(ValueError):
        Article.from_dict(data)


def test_provenance_round_trips_and_is_not_content() -> None:
    import syndicate

    article = syndicate.load(SEED, source="Wire")
    data = json.loads(json.dumps(article.to_dict(explain=True)))
    back = Article.from_dict(data)
    assert back == article
    assert back.provenance == article.provenance
    assert [(r.rule, r.confidence) for r in back.removed] == [(r.rule, r.confidence) for r in article.removed]
    why = {e.field: e for e in back.provenance}
    assert (why["source"].rule, why["source"].confidence, why["source"].text) == ("override", 1.0, "Wire")
    # a reader of version 1 without provenance gets the same article content
    plain = article.to_dict()
    assert "provenance" not in plain
    assert Article.from_dict(plain) == article


def test_uuid5_matches_the_standard_library() -> None:
    import uuid

    from syndicate.normalize import SYNDICATE_NAMESPACE, uuid5

    for name in ("", "https://example.org/a", "Ünïcödé title\nbody"):
        assert uuid5(uuid.NAMESPACE_URL.bytes, name) == str(uuid.uuid5(uuid.NAMESPACE_URL, name))
        assert uuid5(SYNDICATE_NAMESPACE, name) == str(uuid.uuid5(uuid.UUID(bytes=SYNDICATE_NAMESPACE), name))
