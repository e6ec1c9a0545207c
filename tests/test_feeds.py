"""The feed writers (rss, atom, jsonfeed): conformance, reproducibility and the feedgen 1.0.0 traps.

The outputs are rendered once per module (the seed article and a 50-entry feed) and checked by
independent readers: feedparser (bozo must be 0), lxml with the RELAX NG schema of RFC 4287 Appendix B
(``tests/data/atom-rfc4287.rng``), the RSS 2.0 rules, and the JSON Feed 1.1 required fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from lxml import etree

import syndicate
from syndicate import Article, Author, Feed, Outlet, make_feed, render
from syndicate.cli import main
from syndicate.errors import OptionsError, WriteError
from syndicate.feeds import FeedItem
from syndicate.model import Paragraph, Text

from .conftest import EPOCH, SEED

DATA = Path(__file__).resolve().parent / "data"
SITE = "https://example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORMATS = ("rss", "atom", "jsonfeed")
XML_FORMATS = ("rss", "atom")

TOPICS = ["economy", "science", "politics", "culture", "sport", "climate", "health"]
LANGS = ["en", "de", "fr", "en-GB"]
_PHRASE = (
    "the council met on Tuesday to discuss a budget for schools roads and the harbour "
    "while residents asked questions about rents trains and the new library"
)
WORDS = _PHRASE.split(" ")


def _body(i: int) -> str:
    """A few paragraphs of varied text (a heading, a quote and a list in some) for article ``i``."""
    paras = []
    for p in range(3 + i % 4):
        words = [WORDS[(i * 7 + p * 3 + k) % len(WORDS)] for k in range(40 + (i * 13 + p) % 50)]
        paras.append(" ".join(words).capitalize() + f". Paragraph {p} of story {i} & <co>.")
        if p == 1 and i % 3 == 0:
            paras.append(f"## Section {i}")
    return "\n\n".join(paras)


def make_articles(n: int = 50) -> list[Article]:
    """``n`` varied articles: dates (some equal, for the tie order), authors, tags, languages."""
    articles = []
    base = dt.datetime(2023, 9, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    for i in range(n):
        overrides: dict[str, Any] = {
            "title": f"Story {i:02d}: {WORDS[i % len(WORDS)].title()} & more",
            # Groups of three share one date, so ties are broken by id.
            "published": (base + dt.timedelta(hours=(i // 3) * 5)).isoformat(),
            "tags": ", ".join(TOPICS[(i + k) % len(TOPICS)] for k in range(1 + i % 3)),
            "language": LANGS[i % len(LANGS)],
        }
        if i % 2 == 0:
            overrides["authors"] = [f"Author {i} <author{i}@example.net>"]
        elif i % 5 == 1:
            overrides["authors"] = [f"Writer {i}", f"Second Writer {i}"]
        else:
            overrides["authors"] = [f"Writer {i}"]
        if i % 10 == 0:
            overrides["canonical_url"] = f"https://news.example.com/2023/story-{i}"
        if i % 7 == 0:
            overrides["original"] = "Zeit Online"
            overrides["original_url"] = f"https://www.zeit.de/story-{i}"
        if i % 11 == 0:
            overrides["updated"] = (base + dt.timedelta(days=30, hours=i)).isoformat()
        articles.append(syndicate.parse(_body(i), **overrides))
    return articles


def seed_feed() -> Feed:
    article = syndicate.load(SEED)
    mtime = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    return make_feed([FeedItem(article, str(SEED), mtime)], title="Seed feed", site_url=SITE)


@pytest.fixture(scope="module")
def big_feed() -> Feed:
    return make_feed(
        make_articles(50), title="Fifty stories", site_url=SITE, description="Fifty varied stories"
    )


@pytest.fixture(scope="module")
def feeds(big_feed: Feed) -> dict[str, Feed]:
    return {"seed": seed_feed(), "fifty": big_feed}


@pytest.fixture(scope="module")
def outputs(feeds: dict[str, Feed]) -> dict[tuple[str, str], bytes]:
    """Every (feed, format) rendered once."""
    return {(name, fmt): render(feed, fmt) for name, feed in feeds.items() for fmt in FORMATS}


@pytest.fixture(scope="module")
def parsed(outputs: dict[tuple[str, str], bytes]) -> dict[tuple[str, str], Any]:
    return {key: feedparser.parse(data) for key, data in outputs.items() if key[1] in XML_FORMATS}


@pytest.fixture(scope="module")
def atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(DATA / "atom-rfc4287.rng")))


def _when(struct: Any) -> dt.datetime:
    return dt.datetime(*struct[:6], tzinfo=dt.UTC)


# ------------------------------------------------------------------------------- reproducibility
class _FrozenClockMeta(type):
    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, dt.datetime)


def frozen_datetime(year: int) -> type[dt.datetime]:
    """A ``datetime`` whose ``now()`` is in ``year`` (and which still accepts real datetimes)."""

    class Frozen(dt.datetime, metaclass=_FrozenClockMeta):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Frozen:  # type: ignore[override]
            return cls(year, 6, 15, 12, 0, 0, tzinfo=tz or dt.UTC)

    return Frozen


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set feedgen's clock: ``clock(2099)``."""
    import feedgen.entry
    import feedgen.feed

    def set_year(year: int) -> None:
        monkeypatch.setattr(feedgen.feed, "datetime", frozen_datetime(year))
        monkeypatch.setattr(feedgen.entry, "datetime", frozen_datetime(year))

    yield set_year


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_renders_are_byte_identical_across_clocks(
    fmt: str, big_feed: Feed, clock: Any, outputs: dict[tuple[str, str], bytes]
) -> None:
    clock(2099)
    first = render(big_feed, fmt)
    clock(2101)
    second = render(big_feed, fmt)
    assert first == second == outputs[("fifty", fmt)]
    text = first.decode("utf-8")
    assert "2099" not in text and "2101" not in text


def test_frozen_clock_reaches_feedgen(clock: Any) -> None:
    """The clock patch is effective: feedgen left alone stamps it (the trap the writers avoid)."""
    from feedgen.feed import FeedGenerator

    clock(2099)
    fg = FeedGenerator()
    fg.id("tag:example.org,2023:x")
    fg.title("t")
    fg.link(href="https://example.org/", rel="alternate")
    fg.description("d")
    assert b"2099-06-15T12:00:00" in fg.atom_str()
    assert b"15 Jun 2099" in fg.rss_str()


def test_feed_updated_is_newest_entry_date(
    feeds: dict[str, Feed], parsed: dict[tuple[str, str], Any], outputs: dict[tuple[str, str], bytes]
) -> None:
    for name, feed in feeds.items():
        newest = max(e.date for e in feed.entries)
        assert _when(parsed[(name, "atom")].feed.updated_parsed) == newest
        build = etree.fromstring(outputs[(name, "rss")]).findtext("channel/lastBuildDate")
        assert email.utils.parsedate_to_datetime(build) == newest


# ----------------------------------------------------------------------------------- feedparser
@pytest.mark.parametrize("name", ["seed", "fifty"])
@pytest.mark.parametrize("fmt", XML_FORMATS)
def test_feedparser_reads_everything_back(
    name: str, fmt: str, feeds: dict[str, Feed], parsed: dict[tuple[str, str], Any]
) -> None:
    feed = feeds[name]
    result = parsed[(name, fmt)]
    assert result.bozo == 0, result.get("bozo_exception")
    assert result.version == ("atom10" if fmt == "atom" else "rss20")
    assert result.feed.title == feed.title
    assert result.feed.link == feed.link
    assert len(result.entries) == len(feed.entries)
    for got, want in zip(result.entries, feed.entries, strict=True):
        meta = want.article.meta
        assert got.title == meta.title
        assert got.link == want.link
        if meta.authors:
            names = {a.get("name") for a in got.authors}
            assert names >= {a.name for a in meta.authors}
            assert got.author_detail.name in names
        if fmt == "atom":
            assert _when(got.updated_parsed) == want.date
            if meta.published:
                assert _when(got.published_parsed) == meta.published
        else:
            assert _when(got.published_parsed) == (meta.published or want.date)
        html = got.content[0].value
        assert got.content[0].type == "text/html"
        assert want.article.blocks[0].text[:40] in html.replace("&amp;", "&").replace("&lt;", "<")
        assert got.summary
        assert [t.term for t in got.get("tags", [])] == list(meta.tags)


# ---------------------------------------------------------------------------------------- Atom
@pytest.mark.parametrize("name", ["seed", "fifty"])
def test_atom_validates_against_rfc4287_schema(
    name: str, outputs: dict[tuple[str, str], bytes], atom_schema: etree.RelaxNG
) -> None:
    doc = etree.fromstring(outputs[(name, "atom")])
    assert atom_schema.validate(doc), atom_schema.error_log
    # The RFC's two Schematron rules, which RELAX NG leaves out.
    feed_has_author = doc.find(f"{ATOM}author") is not None
    for entry in doc.iter(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}author") is not None or feed_has_author
        rels = [link.get("rel", "alternate") for link in entry.iter(f"{ATOM}link")]
        assert "alternate" in rels or entry.find(f"{ATOM}content") is not None


def test_schema_rejects_what_feedgen_gets_wrong(atom_schema: etree.RelaxNG) -> None:
    """The schema check has teeth: feedgen's type="CDATA" and a missing id both fail."""
    head = '<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>t</title>'
    ok = head + "<updated>2023-01-01T00:00:00Z</updated></feed>"
    assert atom_schema.validate(etree.fromstring(ok))
    cdata = (
        head + "<updated>2023-01-01T00:00:00Z</updated><entry><id>e</id><title>t</title>"
        '<updated>2023-01-01T00:00:00Z</updated><content type="CDATA">x</content></entry></feed>'
    )
    assert not atom_schema.validate(etree.fromstring(cdata))
    no_id = ok.replace("<id>x</id>", "")
    assert not atom_schema.validate(etree.fromstring(no_id))
    bad_date = ok.replace("2023-01-01T00:00:00Z", "Sun, 01 Jan 2023 00:00:00 +0000")
    assert not atom_schema.validate(etree.fromstring(bad_date))


def test_atom_entries_carry_language_links_and_provenance(
    big_feed: Feed, outputs: dict[tuple[str, str], bytes]
) -> None:
    doc = etree.fromstring(outputs[("fifty", "atom")])
    entries = doc.findall(f"{ATOM}entry")
    for entry, want in zip(entries, big_feed.entries, strict=True):
        meta = want.article.meta
        assert entry.get(XML_LANG) == meta.language
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert entry.find(f"{ATOM}summary").text == meta.summary
        assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == list(meta.tags)
        if meta.original is not None:
            assert entry.findtext(f"{ATOM}source/{ATOM}title") == meta.original.name
            via = entry.find(f"{ATOM}link[@rel='via']")
            assert via is not None and via.get("href") == meta.original.url
            assert "First published by Zeit Online" in entry.findtext(f"{ATOM}content")
        else:
            assert entry.find(f"{ATOM}source") is None


def test_feedgen_trap_entry_links_keep_rel_and_type(outputs: dict[tuple[str, str], bytes]) -> None:
    """lkiesow/python-feedgen#135: feedgen drops rel/type from entry links; ours keep them."""
    doc = etree.fromstring(outputs[("fifty", "atom")])
    for entry in doc.iter(f"{ATOM}entry"):
        links = entry.findall(f"{ATOM}link")
        assert links and all(link.get("rel") for link in links)
        alternate = [link for link in links if link.get("rel") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("type") == "text/html"


def test_feedgen_trap_135_still_exists_in_feedgen() -> None:
    """Canary: if this fails, feedgen fixed #135 and the entry-link workaround in atom.py can go."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id("x")
    fg.title("t")
    fe = fg.add_entry()
    fe.id("e")
    fe.title("t")
    fe.content("c")
    fe.link(href="https://example.org/a", rel="alternate", type="text/html")
    xml = fg.atom_str().decode()
    assert '<link href="https://example.org/a"/>' in xml


def test_feedgen_trap_entries_are_not_prepended(
    feeds: dict[str, Feed], outputs: dict[tuple[str, str], bytes]
) -> None:
    """feedgen's add_entry prepends by default, which would reverse the feed."""
    feed = feeds["fifty"]
    atom_ids = [
        e.findtext(f"{ATOM}id") for e in etree.fromstring(outputs[("fifty", "atom")]).iter(f"{ATOM}entry")
    ]
    rss_ids = [i.findtext("guid") for i in etree.fromstring(outputs[("fifty", "rss")]).iter("item")]
    json_ids = [i["id"] for i in json.loads(outputs[("fifty", "jsonfeed")])["items"]]
    assert atom_ids == rss_ids == json_ids
    titles = [i.findtext("title") for i in etree.fromstring(outputs[("fifty", "rss")]).iter("item")]
    assert titles == [e.article.meta.title for e in feed.entries]
    # And the default really prepends (so the test above would catch a missing order="append").
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    for title in ("first", "second"):
        fg.add_entry().title(title)
    assert [e.title() for e in fg.entry()] == ["second", "first"]


# ------------------------------------------------------------------------------------ ordering
def test_entries_newest_first_ties_by_id(big_feed: Feed, outputs: dict[tuple[str, str], bytes]) -> None:
    dates = [e.date for e in big_feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert len(set(dates)) < len(dates), "the fixture must contain equal dates"
    for a, b in zip(big_feed.entries, big_feed.entries[1:], strict=False):
        if a.date == b.date:
            assert a.article.meta.id < b.article.meta.id
    # Feed order survives into every format, read back by dates.
    atom = feedparser.parse(outputs[("fifty", "atom")])
    assert [_when(e.updated_parsed) for e in atom.entries] == [d.astimezone(dt.UTC) for d in dates]
    items = json.loads(outputs[("fifty", "jsonfeed")])["items"]
    assert [i["title"] for i in items] == [e.article.meta.title for e in big_feed.entries]


# ----------------------------------------------------------------------------------------- RSS
@pytest.mark.parametrize("name", ["seed", "fifty"])
def test_rss_follows_the_spec_and_best_practices(
    name: str, feeds: dict[str, Feed], outputs: dict[tuple[str, str], bytes]
) -> None:
    feed = feeds[name]
    root = etree.fromstring(outputs[(name, "rss")])
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == feed.title
    assert channel.findtext("link") == feed.link
    assert channel.findtext("description")
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == f"{SITE}/feed.rss"
    assert self_link.get("type") == "application/rss+xml"
    email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate"))
    items = channel.findall("item")
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == len(items) == len(feed.entries)
    for item, want in zip(items, feed.entries, strict=True):
        meta = want.article.meta
        date = item.findtext("pubDate")
        assert email.utils.parsedate_to_datetime(date) == (meta.published or want.date)
        assert date[:3] in {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
        guid = item.find("guid")
        assert guid.get("isPermaLink") == ("true" if guid.text == want.link else "false")
        assert item.findtext("description") == meta.summary
        assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        creators = [c.text for c in item.findall("{http://purl.org/dc/elements/1.1/}creator")]
        assert creators == [a.name for a in meta.authors]
        authors = [a.text for a in item.findall("author")]
        mailers = [a for a in meta.authors if a.email]
        assert authors == ([f"{mailers[0].email} ({mailers[0].name})"] if mailers else [])
        source = item.find("source")
        if meta.original is not None and meta.original.url:
            assert source.get("url") == meta.original.url and source.text == meta.original.name
        else:
            assert source is None


# ----------------------------------------------------------------------------------- JSON Feed
@pytest.mark.parametrize("name", ["seed", "fifty"])
def test_json_feed_has_what_version_1_1_requires(
    name: str, feeds: dict[str, Feed], outputs: dict[tuple[str, str], bytes]
) -> None:
    feed = feeds[name]
    data = outputs[(name, "jsonfeed")]
    assert data.endswith(b"\n")
    doc = json.loads(data)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["title"] == feed.title
    assert doc["home_page_url"] == feed.link
    assert doc["feed_url"] == f"{SITE}/feed.json"
    assert isinstance(doc["items"], list) and len(doc["items"]) == len(feed.entries)
    ids = [item["id"] for item in doc["items"]]
    assert len(set(ids)) == len(ids)
    for item, want in zip(doc["items"], feed.entries, strict=True):
        meta = want.article.meta
        assert isinstance(item["id"], str) and item["id"]
        assert item["url"] == want.link
        assert item["title"] == meta.title
        assert item["content_html"].startswith("<")
        assert item["summary"] == meta.summary
        published = dt.datetime.fromisoformat(item["date_published"])
        assert published == (meta.published or want.date)
        if meta.updated:
            assert dt.datetime.fromisoformat(item["date_modified"]) == meta.updated
        assert [a["name"] for a in item.get("authors", [])] == [a.name for a in meta.authors]
        assert item.get("tags", []) == list(meta.tags)
        assert item["language"] == meta.language
        if meta.original and meta.original.url:
            assert item["external_url"] == meta.original.url
        for author, source in zip(item.get("authors", []), meta.authors, strict=True):
            if source.email:
                assert author["url"] == f"mailto:{source.email}"
    assert "author" not in doc  # the 1.0 field, deprecated in 1.1


# --------------------------------------------------------------------------------- ids, content
def test_ids_are_tag_uris_or_canonical_urls(big_feed: Feed, outputs: dict[tuple[str, str], bytes]) -> None:
    doc = etree.fromstring(outputs[("fifty", "atom")])
    ids = [e.findtext(f"{ATOM}id") for e in doc.iter(f"{ATOM}entry")]
    assert len(set(ids)) == len(ids) == 50
    for ident, want in zip(ids, big_feed.entries, strict=True):
        meta = want.article.meta
        if meta.canonical_url:
            assert ident == meta.canonical_url
        else:
            day = meta.published.astimezone(dt.UTC).date().isoformat()
            assert ident == f"tag:example.org,{day}:{meta.id.removeprefix('urn:uuid:')}"
    assert doc.findtext(f"{ATOM}id") == f"{SITE}/feed.atom"


def test_guid_is_permalink_when_it_is_the_link() -> None:
    url = "https://news.example.com/a-story"
    article = syndicate.parse(_body(1), title="A story", canonical_url=url, published="2023-01-02T03:04:05Z")
    feed = make_feed([article], title="T", site_url=SITE)
    guid = etree.fromstring(render(feed, "rss")).find("channel/item/guid")
    assert guid.text == url and guid.get("isPermaLink") == "true"


def test_content_is_the_full_body_with_the_credit(feeds: dict[str, Feed], parsed: dict[Any, Any]) -> None:
    article = feeds["seed"].entries[0].article
    for fmt in XML_FORMATS:
        html = parsed[("seed", fmt)].entries[0].content[0].value
        for block in article.blocks:
            assert block.text[:60].replace("&", "&amp;") in html
        assert "First published by Zeit Online; via Watson" in html
        assert article.meta.authors[0].bio[:60] in html
    jf = json.loads(render(feeds["seed"], "jsonfeed"))["items"][0]
    assert "First published by Zeit Online; via Watson" in jf["content_html"]


def test_control_characters_are_removed() -> None:
    dirty = "Bad\x00 \x01text\x0b with\x1b controls\x7f and\x85 C1\ufffe"
    article = syndicate.parse(_body(4), title="Clean", published="2023-01-01T00:00:00Z")
    meta = dataclasses.replace(
        article.meta,
        title="Title " + dirty,
        summary="Summary " + dirty,
        tags=("tag\x02one", "two"),
        authors=(Author(name="Ann\x03 Author", email="ann@example.org"),),
        original=Outlet(name="Zeit\x04 Online", url="https://www.zeit.de/x"),
    )
    article = dataclasses.replace(article, meta=meta, blocks=(Paragraph((Text("Body " + dirty),)),))
    desk = Author(name="News\x07 Desk", email="desk@example.org")
    feed = make_feed([article], title="Feed\x05 title", site_url=SITE, description="desc\x06", authors=[desk])
    for fmt in FORMATS:
        text = render(feed, fmt).decode("utf-8")
        assert not any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x0b\x1b\x7f\x85\ufffe")
        assert "Bad text with controls and C1" in text
        assert "Ann Author" in text and "Zeit Online" in text and "Feed title" in text
        assert fmt == "rss" or "News Desk" in text
        if fmt != "jsonfeed":
            assert feedparser.parse(text.encode()).bozo == 0
            etree.fromstring(text.encode())


# ----------------------------------------------------------------------------------------- API
def test_self_url_option_and_default() -> None:
    feed = seed_feed()
    assert b'href="https://example.org/feed.atom" rel="self"' in render(feed, "atom")
    custom = render(feed, "atom", self_url="https://cdn.example.org/news.xml")
    assert b'href="https://cdn.example.org/news.xml" rel="self"' in custom
    assert json.loads(render(feed, "jsonfeed", self_url="https://example.org/f.json"))["feed_url"] == (
        "https://example.org/f.json"
    )
    with pytest.raises(OptionsError, match="self_url"):
        render(feed, "rss", self_url="feed.rss")


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_writers_refuse_articles(fmt: str) -> None:
    with pytest.raises(WriteError, match="make_feed"):
        render(syndicate.load(SEED), fmt)


def test_duplicate_feed_ids_are_an_error() -> None:
    """Two articles whose derived ids collide (same canonical URL, different article ids)."""
    url = "https://news.example.com/same"
    a = syndicate.parse(_body(1), title="One", canonical_url=url, id="one", published="2023-01-01T00:00:00Z")
    b = syndicate.parse(_body(2), title="Two", canonical_url=url, id="two", published="2023-01-02T00:00:00Z")
    feed = make_feed([a, b], title="T", site_url=SITE)
    for fmt in FORMATS:
        with pytest.raises(OptionsError, match=r"'One' and 'Two'|'Two' and 'One'"):
            render(feed, fmt)


def test_writers_do_not_import_feedgen_at_import_time() -> None:
    code = (
        "import sys, syndicate.formats.rss, syndicate.formats.atom, syndicate.formats.jsonfeed;"
        "print(sorted(m for m in ('feedgen', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ----------------------------------------------------------------------------------------- CLI
def test_cli_writes_three_feeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    argv = ["convert", str(SEED), "--to", "rss,atom,jsonfeed", "--site-url", SITE, "--feed-title", "T"]
    assert main([*argv, "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.atom", "feed.json", "feed.rss"]
    assert feedparser.parse(tmp_path / "feed.atom").bozo == 0
    assert feedparser.parse(tmp_path / "feed.rss").bozo == 0
    assert json.loads((tmp_path / "feed.json").read_text())["title"] == "T"
    # The seed has no date: the entry date is the input's mtime, never the build time.
    mtime = dt.datetime.fromtimestamp(int(SEED.stat().st_mtime), dt.UTC)
    updated = feedparser.parse(tmp_path / "feed.atom").entries[0].updated_parsed
    assert _when(updated) == mtime
    again = tmp_path / "again"
    assert main([*argv, "-o", str(again)]) == 0
    for name in ("feed.atom", "feed.json", "feed.rss"):
        assert (again / name).read_bytes() == (tmp_path / name).read_bytes()


def test_undated_ids_do_not_depend_on_fallback_dates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An undated article's entry id is its content-derived id, whatever date the entry falls back to."""
    argv = ["convert", str(SEED), "--to", "jsonfeed", "--site-url", SITE, "--feed-title", "T"]
    ids = []
    for epoch in ("1000000000", "1700000000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        assert main([*argv, "-o", str(tmp_path / epoch)]) == 0
        ids.append(json.loads((tmp_path / epoch / "feed.json").read_text())["items"][0]["id"])
    assert ids[0] == ids[1] == syndicate.load(SEED).meta.id


def test_cli_source_date_epoch_is_the_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    argv = ["convert", str(SEED), "--to", "jsonfeed", "--site-url", SITE, "--feed-title", "T"]
    assert main([*argv, "-o", str(tmp_path)]) == 0
    item = json.loads((tmp_path / "feed.json").read_text())["items"][0]
    assert dt.datetime.fromisoformat(item["date_published"]) == dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)


def test_cli_duplicate_ids_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(SEED, first)
    shutil.copy(SEED, second)
    argv = ["convert", str(first), str(second), "--to", "atom", "--site-url", SITE, "--feed-title", "T"]
    assert main([*argv, "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert str(first) in err and str(second) in err and "same id" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("url", ["example.org", "ftp://example.org", "https://", "not a url"])
def test_cli_invalid_site_url_exit_2(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["convert", str(SEED), "--to", "rss", "--site-url", url, "--feed-title", "T", "-o", str(tmp_path)]
    assert main(argv) == 2
    assert "--site-url" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_entries_without_authors_inherit_a_feed_author(atom_schema: etree.RelaxNG) -> None:
    """RFC 4287 4.1.1: an entry needs an author of its own or one on the feed."""
    article = syndicate.parse(_body(5), title="Anonymous", published="2023-01-01T00:00:00Z", language="de")
    assert article.meta.authors == ()
    feed = make_feed([article], title="Newsroom", site_url=SITE)
    doc = etree.fromstring(render(feed, "atom"))
    assert atom_schema.validate(doc), atom_schema.error_log
    assert doc.findtext(f"{ATOM}author/{ATOM}name") == "Newsroom"
    assert doc.get(XML_LANG) == "de"
    rss = etree.fromstring(render(feed, "rss")).find("channel")
    assert rss.findtext("language") == "de" and rss.find("item/author") is None
    assert "authors" not in json.loads(render(feed, "jsonfeed"))["items"][0]
