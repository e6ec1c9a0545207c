"""Clean HTML5: one standalone page per article (or just its ``<article>`` with ``fragment``).

The body renderer (:func:`render_blocks`) and the ``<article>`` renderer (:func:`render_article`) are
shared with the EPUB and PDF writers. All text is escaped; the schema.org JSON-LD is made safe for a
``<script>`` element.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from markupsafe import Markup, escape

from ..errors import WriteError
from ..model import (
    Article,
    Block,
    Code,
    Collection,
    Emphasis,
    Feed,
    Heading,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Strong,
    Text,
)

if TYPE_CHECKING:
    import jinja2

__all__ = ["HTMLWriter", "provenance", "render_article", "render_blocks", "render_inlines"]

_RTL = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug"})


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment over ``syndicate/templates`` (autoescaping everything)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("syndicate", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@cache
def stylesheet(name: str = "article.css") -> str:
    from importlib.resources import files

    return files("syndicate").joinpath("templates", name).read_text(encoding="utf-8")


def _safe_url(url: str) -> str | None:
    """Only web and mail links survive; ``javascript:`` and friends become plain text."""
    lowered = url.strip().lower()
    if lowered.startswith(("http://", "https://", "mailto:", "#", "/")):
        return url.strip()
    return None


def render_inlines(spans: Iterable[Inline]) -> Markup:
    parts: list[str] = []
    for span in spans:
        match span:
            case Text(text):
                parts.append(escape(text))
            case Code(text):
                parts.append(Markup("<code>{}</code>").format(text))
            case Emphasis(children):
                parts.append(Markup("<em>{}</em>").format(render_inlines(children)))
            case Strong(children):
                parts.append(Markup("<strong>{}</strong>").format(render_inlines(children)))
            case Link(children, url):
                safe = _safe_url(url)
                inner = render_inlines(children)
                parts.append(Markup('<a href="{}">{}</a>').format(safe, inner) if safe else inner)
    return Markup("").join(parts)


def render_blocks(blocks: Iterable[Block], heading_offset: int = 0) -> Markup:
    """The body as HTML; ``heading_offset`` shifts subheading levels (for anthologies)."""
    out: list[Markup] = []
    for block in blocks:
        match block:
            case Heading(level, inlines):
                h = min(6, level + heading_offset)
                out.append(Markup("<h{0}>{1}</h{0}>").format(h, render_inlines(inlines)))
            case Paragraph(inlines):
                out.append(Markup("<p>{}</p>").format(render_inlines(inlines)))
            case Quote(inlines, cite):
                footer = Markup("<footer>{}</footer>").format(cite) if cite else Markup("")
                out.append(
                    Markup("<blockquote><p>{}</p>{}</blockquote>").format(render_inlines(inlines), footer)
                )
            case ListBlock(items, ordered):
                tag = "ol" if ordered else "ul"
                lis = Markup("").join(Markup("<li>{}</li>").format(render_inlines(item)) for item in items)
                out.append(Markup("<{0}>{1}</{0}>").format(tag, lis))
    return Markup("\n").join(out)


def provenance(article: Article) -> str | None:
    """The credit line: "First published by Zeit Online; via Watson"."""
    meta = article.meta
    parts = []
    if meta.original is not None:
        parts.append(f"First published by {meta.original.name}")
    if meta.source and (meta.original is None or meta.source != meta.original.name):
        parts.append(f"via {meta.source}")
    return "; ".join(parts) or None


def display_date(article: Article) -> str:
    published = article.meta.published
    if published is None:
        return ""
    return f"{published:%B} {published.day}, {published.year}"


def article_context(article: Article, heading_offset: int = 0) -> dict[str, Any]:
    meta = article.meta
    return {
        "lang": meta.language,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": meta.authors,
        "publisher": meta.publisher,
        "published": meta.published,
        "published_display": display_date(article),
        "body": render_blocks(article.blocks, heading_offset),
        "provenance": provenance(article),
        "bios": [a for a in meta.authors if a.bio],
        "tags": meta.tags,
    }


def render_article(article: Article, heading_offset: int = 0) -> Markup:
    """The ``<article>`` element: header, body, footer with provenance and bios."""
    template = environment().get_template("article-fragment.html.j2")
    return Markup(template.render(article_context(article, heading_offset)))


def json_ld(article: Article) -> Markup:
    """schema.org NewsArticle, safe inside ``<script>`` (``<``, ``>`` and ``&`` escaped)."""
    meta = article.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": meta.title,
        "inLanguage": meta.language,
        "wordCount": meta.word_count,
        "identifier": meta.id,
    }
    if meta.summary:
        data["description"] = meta.summary
    if meta.authors:
        data["author"] = [
            {"@type": "Person", "name": a.name, **({"url": a.url} if a.url else {})} for a in meta.authors
        ]
    if meta.publisher:
        data["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.published:
        data["datePublished"] = meta.published.isoformat()
    if meta.updated:
        data["dateModified"] = meta.updated.isoformat()
    if meta.tags:
        data["keywords"] = list(meta.tags)
    if meta.canonical_url:
        data["url"] = meta.canonical_url
        data["mainEntityOfPage"] = meta.canonical_url
    if meta.original:
        based: dict[str, Any] = {"@type": "CreativeWork", "publisher": meta.original.name}
        if meta.original.url:
            based["url"] = meta.original.url
        data["isBasedOn"] = based
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def open_graph(article: Article) -> list[tuple[str, str]]:
    meta = article.meta
    tags = [("og:type", "article"), ("og:title", meta.title)]
    if meta.summary:
        tags.append(("og:description", meta.summary))
    if meta.canonical_url:
        tags.append(("og:url", meta.canonical_url))
    if meta.published:
        tags.append(("article:published_time", meta.published.isoformat()))
    if meta.updated:
        tags.append(("article:modified_time", meta.updated.isoformat()))
    tags.extend(("article:tag", tag) for tag in meta.tags)
    return tags


def render_page(article: Article, *, stylesheet_text: str | None, generator: str) -> str:
    meta = article.meta
    template = environment().get_template("article.html.j2")
    return template.render(
        lang=meta.language,
        dir="rtl" if meta.language.split("-")[0] in _RTL else None,
        title=meta.title,
        description=meta.summary,
        authors=meta.authors,
        keywords=", ".join(meta.tags),
        generator=generator,
        canonical_url=meta.canonical_url,
        open_graph=open_graph(article),
        css=Markup(stylesheet_text) if stylesheet_text else None,
        jsonld=json_ld(article),
        article=render_article(article),
    )


class HTMLWriter:
    """A standalone, valid HTML5 page (or a bare ``<article>`` with ``fragment=True``)."""

    name: ClassVar[str] = "html"
    extension: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"
    kind: ClassVar[Literal["document", "feed"]] = "document"
    bundles: ClassVar[bool] = False
    requires: ClassVar[tuple[str, ...]] = ("jinja2",)
    description: ClassVar[str] = "HTML5 page with schema.org metadata"
    options: ClassVar[Mapping[str, Any]] = {"fragment": False, "stylesheet": True}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        if not isinstance(obj, Article):
            raise WriteError("the html format writes one article at a time, not a collection or feed")
        if options.get("fragment"):
            return (render_article(obj) + "\n").encode("utf-8")
        from .. import __version__

        css = stylesheet() if options.get("stylesheet", True) else None
        page = render_page(obj, stylesheet_text=css, generator=f"syndicate {__version__}")
        return page.encode("utf-8")
