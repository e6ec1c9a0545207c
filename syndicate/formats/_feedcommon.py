"""What the RSS, Atom and JSON Feed writers share: ids, content, XML-safe text, dates, the self URL.

Every value a writer emits goes through :func:`prepare`, so the three formats agree on ids, links, dates
and content, and none of them can see the clock: dates come from the :class:`~syndicate.model.Feed`
(article dates or the documented fallback) or ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from ..errors import OptionsError, WriteError
from ..model import Article, Author, Collection, Feed, FeedEntry
from ..normalize import source_date_epoch
from .html import provenance, render_blocks

__all__ = [
    "PreparedEntry",
    "as_feed",
    "clean",
    "clean_author",
    "content_html",
    "entry_id",
    "feed_updated",
    "language_tag",
    "prepare",
    "self_url",
]

#: Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) plus
#: DEL and the C1 controls, which XML allows but feed validators and HTML reject.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Characters kept verbatim in the specific part of a ``tag:`` URI (RFC 4151 ``pchar``, ``/`` and ``?``).
_TAG_SAFE = "-._~!$&'()*+,;=:@/?"


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")


def language_tag(value: str | None) -> str | None:
    """A language tag as RFC 3066 (and Atom's schema) spells it, or ``None`` for unknown ones."""
    if not value:
        return None
    tag = value.strip().replace("_", "-")
    return tag if tag.lower() != "und" and _LANGUAGE_TAG.fullmatch(tag) else None


def clean(text: str) -> str:
    """``text`` without the characters an XML 1.0 document (or a feed reader) cannot take."""
    return _NOT_XML.sub("", text)


def as_feed(obj: object, fmt: str) -> Feed:
    """The feed to write, or a :class:`WriteError` telling the caller how to make one."""
    if isinstance(obj, Feed):
        return obj
    what = {Article: "an article", Collection: "a collection"}.get(type(obj), type(obj).__name__)
    raise WriteError(f"the {fmt} format writes feeds, not {what}; build one with syndicate.make_feed(...)")


def self_url(feed: Feed, options: Mapping[str, Any], extension: str) -> str:
    """Where the feed will be served: the ``self_url`` option, else ``{feed.link}feed.{extension}``."""
    given = options.get("self_url")
    if given is None:
        return f"{feed.link}feed.{extension}"
    url = str(given).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in url:
        raise OptionsError(f"self_url must be an absolute http(s) URL, not {given!r}")
    return url


def feed_updated(feed: Feed) -> dt.datetime:
    """The feed's date: its newest entry's; for an empty feed ``SOURCE_DATE_EPOCH``; never the clock."""
    updated = feed.updated or source_date_epoch()
    if updated is None:
        raise WriteError("a feed without entries needs SOURCE_DATE_EPOCH for its date")
    return updated


def entry_id(entry: FeedEntry, host: str) -> str:
    """A permanent id: the canonical URL, else an RFC 4151 ``tag:`` URI, else the article's own id.

    The tag is ``tag:HOST,DATE:ID`` with the site's host, the article's publication date in UTC and the
    article id (its ``urn:uuid:`` prefix dropped). An article with no publication date keeps its
    content-derived ``urn:uuid:`` id: a date taken from ``SOURCE_DATE_EPOCH`` or the file's mtime would
    change the id whenever the build date or the file's timestamp changes. An id that is already a
    ``tag:`` or http(s) URI is kept as it is.
    """
    meta = entry.article.meta
    if meta.canonical_url:
        return meta.canonical_url
    if meta.id.startswith(("tag:", "http://", "https://")) or meta.published is None:
        return meta.id
    date = meta.published.astimezone(dt.UTC).date().isoformat()
    specific = quote(meta.id.removeprefix("urn:uuid:"), safe=_TAG_SAFE)
    return f"tag:{host},{date}:{specific}"


def content_html(article: Article) -> str:
    """The full entry body as HTML: subtitle, blocks, then the provenance credit and author bios.

    The title and byline are left out: every feed format carries them in their own fields.
    """
    meta = article.meta
    parts: list[Markup] = []
    if meta.subtitle:
        parts.append(Markup('<p class="subtitle"><em>{}</em></p>').format(meta.subtitle))
    parts.append(render_blocks(article.blocks))
    credit = provenance(article)
    if credit:
        original = meta.original.url if meta.original else None
        if original and original.lower().startswith(("http://", "https://")):
            link = Markup(' (<a href="{}">original</a>)').format(original)
            parts.append(Markup('<p class="provenance"><em>{}{}</em></p>').format(credit, link))
        else:
            parts.append(Markup('<p class="provenance"><em>{}</em></p>').format(credit))
    for author in meta.authors:
        if author.bio:
            parts.append(Markup('<p class="author-bio">{}</p>').format(author.bio))
    return clean(str(Markup("\n").join(p for p in parts if p)))


@dataclass(frozen=True, slots=True)
class PreparedEntry:
    """One entry with every field the writers need, already XML-safe."""

    id: str
    link: str
    title: str
    summary: str
    content_html: str
    date: dt.datetime
    published: dt.datetime | None
    modified: dt.datetime | None
    language: str | None
    authors: tuple[Author, ...]
    tags: tuple[str, ...]
    original_name: str | None
    original_url: str | None


def _summary(article: Article) -> str:
    """The article's summary, else the start of its text (RSS needs a description), else its title."""
    text = article.meta.summary.strip() or textwrap.shorten(article.text, 300, placeholder=" …")
    return clean(text or article.meta.title)


def clean_author(author: Author) -> Author:
    """The author with XML-safe fields and no bio (feeds carry bios in the content)."""
    return Author(
        name=clean(author.name).strip() or "Unknown",
        bio=None,
        url=clean(author.url) if author.url else None,
        email=clean(author.email) if author.email else None,
    )


def prepare(feed: Feed) -> list[PreparedEntry]:
    """Every entry with its id, content and cleaned metadata, in feed order; duplicate ids are an error."""
    host = (urlsplit(feed.link).hostname or "").lower()
    if not host:
        raise OptionsError(f"the feed link must be an absolute URL with a host, not {feed.link!r}")
    seen: dict[str, str] = {}
    out: list[PreparedEntry] = []
    for entry in feed.entries:
        meta = entry.article.meta
        ident = clean(entry_id(entry, host))
        if ident in seen:
            raise OptionsError(
                f"the articles {seen[ident]!r} and {meta.title!r} would have the same feed id {ident}; "
                "give one a different --set id=... or canonical_url"
            )
        seen[ident] = meta.title
        original = meta.original
        out.append(
            PreparedEntry(
                id=ident,
                link=clean(entry.link),
                title=clean(meta.title),
                summary=_summary(entry.article),
                content_html=content_html(entry.article),
                date=entry.date,
                published=meta.published,
                modified=meta.updated,
                language=language_tag(meta.language),
                authors=tuple(clean_author(a) for a in meta.authors),
                tags=tuple(t for t in (clean(tag).strip() for tag in meta.tags) if t),
                original_name=clean(original.name) if original else None,
                original_url=clean(original.url) if original and original.url else None,
            )
        )
    return out
