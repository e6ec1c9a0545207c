"""Clean HTML5: one standalone page per article (or just its ``<article>`` with ``fragment``).

The body renderer (:func:`render_blocks`) and the ``<article>`` renderer (:func:`render_article`) are
shared with the EPUB and PDF writers. All text is escaped; the schema.org JSON-LD is made safe for a
``<script>`` element.

The page skeleton is a data file (``templates/article.html``, :class:`string.Template` syntax) filled with
escaped pieces built here. This path deliberately avoids Jinja2: importing and compiling it costs about
25 ms, a fifth of ``syndicate convert --to html`` (see benchmarks/bench_parse.py). The EPUB and PDF
writers, whose own start-up is dominated by ebooklib and WeasyPrint, use Jinja2 templates through
:func:`environment`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from string import Template
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

__all__ = [
    "HTMLWriter",
    "credited",
    "fill",
    "provenance",
    "render_article",
    "render_blocks",
    "render_inlines",
]

_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_RTL = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug"})


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment over ``syndicate/templates`` (autoescaping everything)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _template_text(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


@cache
def stylesheet(name: str = "article.css") -> str:
    """A stylesheet from ``syndicate/templates``."""
    return _template_text(name)


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


def credited(article: Article) -> list[str]:
    """Who a document's author metadata names: the people, else the outlet or agency credited (wire
    copy such as "Quelle: dpa"), so that PDF and EPUB readers show the same name."""
    meta = article.meta
    if meta.authors:
        return [a.name for a in meta.authors]
    outlet = meta.publisher or meta.source or (meta.original.name if meta.original else None)
    return [outlet] if outlet else []


def display_date(article: Article) -> str:
    published = article.meta.published
    if published is None:
        return ""
    return f"{published:%B} {published.day}, {published.year}"


def _byline(article: Article) -> Markup | None:
    meta = article.meta
    parts: list[Markup] = []
    if meta.authors:
        spans = [Markup('<span class="author">{}</span>').format(a.name) for a in meta.authors]
        names = spans[0]
        for i, span in enumerate(spans[1:], start=1):
            names += Markup(" and " if i == len(spans) - 1 else ", ") + span
        parts.append(Markup("By ") + names)
    if meta.publisher:
        parts.append(Markup('<span class="publisher">{}</span>').format(meta.publisher))
    if meta.published:
        parts.append(
            Markup('<time datetime="{}">{}</time>').format(meta.published.isoformat(), display_date(article))
        )
    return Markup(" · ").join(parts) if parts else None


def render_article(article: Article, heading_offset: int = 0) -> Markup:
    """The ``<article>`` element: header, body, footer with provenance, bios and tags.

    Well-formed as XHTML too (no void elements, every attribute quoted), so EPUB chapters embed it.
    """
    meta = article.meta
    lines = [
        Markup('<article class="syndicate-article" lang="{}">').format(meta.language),
        Markup("<header>"),
        Markup("<h1>{}</h1>").format(meta.title),
    ]
    if meta.subtitle:
        lines.append(Markup('<p class="subtitle">{}</p>').format(meta.subtitle))
    byline = _byline(article)
    if byline:
        lines += [Markup('<p class="byline">') + byline, Markup("</p>")]
    lines += [Markup("</header>"), render_blocks(article.blocks, heading_offset)]
    credit = provenance(article)
    bios = [a for a in meta.authors if a.bio]
    if credit or bios or meta.tags:
        lines.append(Markup("<footer>"))
        if credit:
            lines.append(Markup('<p class="provenance">{}</p>').format(credit))
        for author in bios:
            lines += [
                Markup('<section class="author-bio" aria-label="About {}">').format(author.name),
                Markup("<p>{}</p>").format(author.bio),
                Markup("</section>"),
            ]
        if meta.tags:
            lines.append(Markup('<ul class="tags">'))
            lines += [Markup("<li>{}</li>").format(tag) for tag in meta.tags]
            lines.append(Markup("</ul>"))
        lines.append(Markup("</footer>"))
    lines.append(Markup("</article>"))
    return Markup("\n").join(lines) + Markup("\n")


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


@cache
def _template(name: str) -> Template:
    return Template(_template_text(name))


def fill(name: str, **values: object) -> str:
    """Fill the :class:`string.Template` data file ``templates/NAME``; values are escaped unless Markup.

    The document writers' page skeletons use this instead of Jinja2, whose import and template
    compilation cost ~25 ms of every run; escaping everything that is not already
    :class:`~markupsafe.Markup` keeps the autoescaping guarantee.
    """
    return _template(name).substitute({key: escape(value) for key, value in values.items()})


def render_page(article: Article, *, stylesheet_text: str | None, generator: str) -> str:
    """A whole HTML5 document around :func:`render_article`."""
    meta = article.meta
    head: list[Markup] = []
    if meta.summary:
        head.append(Markup('<meta name="description" content="{}">').format(meta.summary))
    head += [Markup('<meta name="author" content="{}">').format(a.name) for a in meta.authors]
    if meta.tags:
        head.append(Markup('<meta name="keywords" content="{}">').format(", ".join(meta.tags)))
    head.append(Markup('<meta name="generator" content="{}">').format(generator))
    if meta.canonical_url:
        head.append(Markup('<link rel="canonical" href="{}">').format(meta.canonical_url))
    head += [
        Markup('<meta property="{}" content="{}">').format(prop, content)
        for prop, content in open_graph(article)
    ]
    if stylesheet_text:
        head.append(Markup("<style>\n{}\n</style>").format(Markup(stylesheet_text)))
    rtl = meta.language.split("-")[0] in _RTL
    return fill(
        "article.html",
        lang=meta.language,
        dir=Markup(' dir="rtl"') if rtl else "",
        title=meta.title,
        head=Markup("\n").join(head),
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
    requires: ClassVar[tuple[str, ...]] = ()
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
