"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written with the json module.

Items carry ``content_html`` and ``summary``, ``authors`` (1.1; an e-mail becomes a ``mailto:`` URL),
``tags``, ``language`` per item and ``external_url`` for the original publication. Keys keep a fixed
order and the text is UTF-8, so the same feed gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from ..model import Article, Author, Collection, Feed
from ._feedcommon import as_feed, clean, clean_author, language_tag, prepare, self_url

__all__ = ["VERSION_URL", "JSONFeedWriter"]

VERSION_URL = "https://jsonfeed.org/version/1.1"


def _author(author: Author) -> dict[str, str]:
    out = {"name": author.name}
    if author.url:
        out["url"] = author.url
    elif author.email and "@" in author.email:
        out["url"] = "mailto:" + author.email
    return out


def _date(value: dt.datetime) -> str:
    return value.isoformat()


def build(feed: Feed, self_href: str) -> dict[str, Any]:
    """The JSON Feed object for ``feed`` served at ``self_href``."""
    doc: dict[str, Any] = {
        "version": VERSION_URL,
        "title": clean(feed.title),
        "home_page_url": clean(feed.link),
        "feed_url": clean(self_href),
    }
    if feed.description:
        doc["description"] = clean(feed.description)
    if feed.logo:
        doc["icon"] = clean(feed.logo)
    if feed.icon:
        doc["favicon"] = clean(feed.icon)
    if feed.authors:
        doc["authors"] = [_author(clean_author(a)) for a in feed.authors]
    language = language_tag(feed.language)
    if language:
        doc["language"] = language
    items = []
    for e in prepare(feed):
        item: dict[str, Any] = {"id": e.id, "url": e.link}
        if e.original_url:
            item["external_url"] = e.original_url
        item["title"] = e.title
        item["content_html"] = e.content_html
        item["summary"] = e.summary
        item["date_published"] = _date(e.published or e.date)
        if e.modified is not None:
            item["date_modified"] = _date(e.modified)
        if e.authors:
            item["authors"] = [_author(a) for a in e.authors]
        if e.tags:
            item["tags"] = list(e.tags)
        if e.language:
            item["language"] = e.language
        items.append(item)
    doc["items"] = items
    return doc


class JSONFeedWriter:
    """A JSON Feed 1.1 with each article's full HTML, summary, authors, tags and language."""

    name: ClassVar[str] = "jsonfeed"
    extension: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/feed+json"
    kind: ClassVar[Literal["document", "feed"]] = "feed"
    bundles: ClassVar[bool] = False
    requires: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = "JSON Feed 1.1 with full content"
    options: ClassVar[Mapping[str, Any]] = {"self_url": None}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        feed = as_feed(obj, self.name)
        doc = build(feed, self_url(feed, options, self.extension))
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
