"""RSS 2.0 with feedgen: ``content:encoded`` full HTML plus a ``description`` summary per item.

What the RSS 2.0 specification and the RSS Advisory Board's best practices ask for: channel title, link
and description, ``atom:link rel="self"``, RFC 822 dates, a unique ``guid`` per item
(``isPermaLink="false"`` unless the id is the item's link). ``<author>`` holds an e-mail address only,
so names go to ``dc:creator``. The feedgen 1.0.0 workarounds (explicit dates instead of its ``now()``,
``order="append"``) are the ones described in :mod:`syndicate.formats.atom`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from ..model import Article, Collection, Feed
from ._feedcommon import as_feed, clean, feed_updated, language_tag, prepare, self_url

__all__ = ["RSSWriter"]


def build(feed: Feed, self_href: str) -> bytes:
    """The RSS 2.0 document for ``feed`` served at ``self_href``."""
    from feedgen.feed import FeedGenerator

    from .. import __version__

    entries = prepare(feed)
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.title(clean(feed.title))
    # feedgen makes the channel <link> of the *last* link given, so the self link goes first.
    fg.link(href=clean(self_href), rel="self", type="application/rss+xml")
    fg.link(href=clean(feed.link), rel="alternate")
    fg.description(clean(feed.description or feed.title))
    fg.updated(feed_updated(feed))  # lastBuildDate; feedgen's default is now()
    language = language_tag(feed.language)
    if language:
        fg.language(language)
    generator = "syndicate " + __version__ if feed.generator == "syndicate" else feed.generator
    fg.generator(clean(generator))
    if feed.rights:
        fg.copyright(clean(feed.rights))
    if feed.logo:
        fg.image(url=clean(feed.logo), title=clean(feed.title), link=clean(feed.link))
    for e in entries:
        fe = fg.add_entry(order="append")  # feedgen prepends by default
        fe.title(e.title)
        fe.link(href=e.link, rel="alternate")
        fe.guid(e.id, permalink=e.id == e.link)
        fe.pubDate(e.published or e.date)
        fe.description(e.summary)
        fe.content(e.content_html, type="html")
        mailers = [a for a in e.authors if a.email and "@" in a.email]
        if mailers:
            # RSS allows one <author>, an e-mail address; feedgen writes "email (name)".
            fe.author({"name": mailers[0].name, "email": mailers[0].email})
        if e.authors:
            fe.dc.dc_creator([a.name for a in e.authors])
        if e.tags:
            fe.category([{"term": t} for t in e.tags])
        if e.original_url and e.original_name:
            fe.source(url=e.original_url, title=e.original_name)
    data: bytes = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return data


class RSSWriter:
    """An RSS 2.0 feed with full content (``content:encoded``), summaries, authors and categories."""

    name: ClassVar[str] = "rss"
    extension: ClassVar[str] = "rss"
    media_type: ClassVar[str] = "application/rss+xml"
    kind: ClassVar[Literal["document", "feed"]] = "feed"
    bundles: ClassVar[bool] = False
    requires: ClassVar[tuple[str, ...]] = ("feedgen", "lxml")
    description: ClassVar[str] = "RSS 2.0 feed with full content (content:encoded)"
    options: ClassVar[Mapping[str, Any]] = {"self_url": None}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        feed = as_feed(obj, self.name)
        return build(feed, self_url(feed, options, self.extension))
