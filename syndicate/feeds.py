"""Building a :class:`~syndicate.model.Feed` from articles: links, dates, order, id checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import OptionsError
from .model import Article, Author, Feed, FeedEntry
from .normalize import source_date_epoch

__all__ = ["DEFAULT_LINK_TEMPLATE", "FeedItem", "check_site_url", "make_feed"]

DEFAULT_LINK_TEMPLATE = "{site_url}/{slug}.html"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """An article on its way into a feed, with the name of its input and that file's mtime."""

    article: Article
    name: str = "<article>"
    mtime: dt.datetime | None = None


def check_site_url(url: str) -> str:
    """An absolute http(s) URL without a trailing slash, or an :class:`OptionsError`."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or " " in url.strip()
        or parts.query
        or parts.fragment
    ):
        raise OptionsError(
            f"--site-url must be an absolute http(s) URL with no ?query or #fragment, not {url!r}"
        )
    return url.strip().rstrip("/")


def entry_date(item: FeedItem) -> dt.datetime:
    """The article's date; else ``SOURCE_DATE_EPOCH``; else the input's mtime; never the clock."""
    meta = item.article.meta
    date = meta.updated or meta.published or source_date_epoch() or item.mtime
    if date is None:
        raise OptionsError(
            f"{item.name}: the article has no date; set one (--set published=...) or SOURCE_DATE_EPOCH"
        )
    return date


def make_feed(
    items: Sequence[FeedItem | Article],
    *,
    title: str,
    site_url: str,
    description: str | None = None,
    language: str | None = None,
    authors: Sequence[Author] = (),
    link_template: str = DEFAULT_LINK_TEMPLATE,
    icon: str | None = None,
    logo: str | None = None,
    rights: str | None = None,
    generator: str = "syndicate",
) -> Feed:
    """A feed of ``items`` (newest first, ties by id); duplicate ids are an error naming both."""
    site = check_site_url(site_url)
    if not title.strip():
        raise OptionsError("a feed needs a title (--feed-title)")
    wrapped = [i if isinstance(i, FeedItem) else FeedItem(i) for i in items]
    if not wrapped:
        raise OptionsError("a feed needs at least one article")
    seen: dict[str, str] = {}
    entries = []
    for item in wrapped:
        meta = item.article.meta
        if meta.id in seen:
            raise OptionsError(
                f"{item.name} and {seen[meta.id]} have the same id {meta.id}; "
                "give one a different --set id=... or canonical_url"
            )
        seen[meta.id] = item.name
        try:
            link = meta.canonical_url or link_template.format(site_url=site, slug=meta.slug, id=meta.id)
        except (KeyError, IndexError, ValueError, AttributeError) as exc:
            raise OptionsError(
                f"--link-template {link_template!r} is invalid ({exc}); use {{site_url}}, {{slug}} and {{id}}"
            ) from None
        if not link.startswith(("http://", "https://")):
            raise OptionsError(f"--link-template must give absolute http(s) links, not {link!r}")
        entries.append(FeedEntry(item.article, link, entry_date(item)))
    entries.sort(key=lambda e: (-e.date.timestamp(), e.article.meta.id))
    languages = {e.article.meta.language for e in entries} - {"und"}
    return Feed(
        title=title.strip(),
        link=site + "/",
        entries=tuple(entries),
        description=description,
        language=language or (languages.pop() if len(languages) == 1 else None),
        authors=tuple(authors),
        icon=icon,
        logo=logo,
        rights=rights,
        generator=generator,
    )
