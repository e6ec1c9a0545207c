"""Atom 1.0 (RFC 4287) with feedgen: full HTML content, summary, per-entry language and provenance.

feedgen 1.0.0 needs three workarounds, each pinned by a test in ``tests/test_feeds.py``:

* it stamps ``now()`` into ``<updated>`` unless told otherwise: the feed and every entry get their date
  set explicitly (the newest entry date, and each entry's own);
* ``add_entry`` prepends by default, reversing the feed: entries are added with ``order="append"``;
* entry links lose ``rel`` and ``type`` (lkiesow/python-feedgen#135, a shadowed loop variable): entry
  links are never given to feedgen but added by :class:`_AtomEntryExtension`, which also writes what
  feedgen cannot (``xml:lang`` per entry, ``<source>`` with a title alone).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from ..model import Article, Author, Collection, Feed
from ._feedcommon import (
    PreparedEntry,
    as_feed,
    clean,
    clean_author,
    feed_updated,
    language_tag,
    prepare,
    self_url,
)

__all__ = ["AtomWriter", "person"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def person(author: Author) -> dict[str, str]:
    """An Atom person construct as feedgen takes it (``email`` only if it looks like one)."""
    out = {"name": author.name}
    if author.email and "@" in author.email:
        out["email"] = author.email
    if author.url:
        out["uri"] = author.url
    return out


class _FeedExtension:
    """feedgen wants a feed-level class with every extension; ours adds nothing at feed level."""

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_atom(self, feed: Any) -> Any:
        return feed

    def extend_rss(self, feed: Any) -> Any:
        return feed


class _AtomEntryExtension(_FeedExtension):
    """Writes the entry parts feedgen 1.0.0 drops or lacks: links with rel/type, xml:lang, <source>.

    feedgen builds its elements without a namespace and declares Atom's as the default on the root, so
    the elements added here are un-namespaced too.
    """

    def __init__(self) -> None:
        self.entry: PreparedEntry | None = None

    def extend_atom(self, feed: Any) -> Any:
        from feedgen.util import xml_elem  # lxml's SubElement

        e = self.entry
        if e is None:
            return feed
        if e.language:
            feed.set(XML_LANG, e.language)
        xml_elem("link", feed, rel="alternate", type="text/html", href=e.link)
        if e.original_url:
            xml_elem("link", feed, rel="via", href=e.original_url, title=e.original_name or "")
        if e.original_name or e.original_url:
            source = xml_elem("source", feed)
            if e.original_name:
                xml_elem("title", source).text = e.original_name
            if e.original_url:
                xml_elem("link", source, rel="alternate", href=e.original_url)
        return feed


def build(feed: Feed, self_href: str) -> bytes:
    """The Atom document for ``feed`` served at ``self_href``."""
    from feedgen.feed import FeedGenerator

    from .. import __version__

    entries = prepare(feed)
    fg = FeedGenerator()
    fg.register_extension("syndicate", _FeedExtension, _AtomEntryExtension, atom=True, rss=False)
    fg.id(clean(self_href))
    fg.title(clean(feed.title))
    fg.updated(feed_updated(feed))  # feedgen's default is now()
    fg.link(href=clean(feed.link), rel="alternate", type="text/html")
    fg.link(href=clean(self_href), rel="self", type="application/atom+xml")
    language = language_tag(feed.language)
    if language:
        fg.language(language)
    if feed.description:
        fg.subtitle(clean(feed.description))
    authors = [person(clean_author(a)) for a in feed.authors]
    if not authors and any(not e.authors for e in entries):
        # RFC 4287 4.1.1: an entry without an author inherits the feed's, so the feed must have one.
        authors = [{"name": clean(feed.title)}]
    if authors:
        fg.author(authors)
    if feed.generator == "syndicate":
        fg.generator("syndicate", version=__version__)
    else:
        fg.generator(clean(feed.generator))
    if feed.icon:
        fg.icon(clean(feed.icon))
    if feed.logo:
        fg.logo(clean(feed.logo))
    if feed.rights:
        fg.rights(clean(feed.rights))
    for e in entries:
        fe = fg.add_entry(order="append")  # feedgen prepends by default
        fe.id(e.id)
        fe.title(e.title)
        fe.updated(e.date)  # feedgen's default is now()
        if e.published is not None:
            fe.published(e.published)
        if e.authors:
            fe.author([person(a) for a in e.authors])
        fe.content(e.content_html, type="html")
        fe.summary(e.summary)
        if e.tags:
            fe.category([{"term": t} for t in e.tags])
        fe.syndicate.entry = e
    data: bytes = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return data


class AtomWriter:
    """An Atom 1.0 feed carrying each article's full HTML, its summary, authors, tags and provenance."""

    name: ClassVar[str] = "atom"
    extension: ClassVar[str] = "atom"
    media_type: ClassVar[str] = "application/atom+xml"
    kind: ClassVar[Literal["document", "feed"]] = "feed"
    bundles: ClassVar[bool] = False
    requires: ClassVar[tuple[str, ...]] = ("feedgen", "lxml")
    description: ClassVar[str] = "Atom 1.0 feed (RFC 4287) with full content"
    options: ClassVar[Mapping[str, Any]] = {"self_url": None}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        feed = as_feed(obj, self.name)
        return build(feed, self_url(feed, options, self.extension))
