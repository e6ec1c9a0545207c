"""EPUB 3: one article as a one-chapter book, or a :class:`~syndicate.model.Collection` as an anthology.

ebooklib builds the package document, the navigation document and the NCX; the chapters are the HTML
writer's ``<article>`` (:func:`~syndicate.formats.html.render_article`) in an XHTML shell, so EPUB,
HTML and PDF show the same byline, body, provenance and bios. The output is byte-reproducible:
ebooklib's random identifier and clock are replaced by a ``uuid5`` of the article or collection and a
date taken from the content (else ``SOURCE_DATE_EPOCH``, else :data:`FALLBACK_EPOCH`), and the zip is
written with fixed member order, timestamps and attributes. See ``docs/epub.md``.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Literal

from markupsafe import Markup

from ..errors import OptionsError, WriteError
from ..model import Article, Author, Collection, Feed, Heading
from ..normalize import source_date_epoch
from .html import _RTL, credited, fill, render_article, stylesheet

__all__ = ["FALLBACK_EPOCH", "EPUBWriter", "book_identifier", "sniff_image"]

#: The date used when neither the content nor ``SOURCE_DATE_EPOCH`` gives one (never the clock).
FALLBACK_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

#: Namespace of the books' ``urn:uuid:`` identifiers: ``uuid5(NAMESPACE_URL, "syndicate:epub")``, written
#: out so that importing this module hashes nothing.
_BOOK_NAMESPACE = uuid.UUID("f72e976f-b7c8-51a7-8754-0f53b5df9948")

_FOLDER = "EPUB"
_CSS = "style.css"
_XHTML = "application/xhtml+xml"
_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
# Characters XML 1.0 forbids; they would make a chapter or the package document malformed.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HEADING_TAG = re.compile(r"<h([1-6])>")
_LINK = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_ACCESSIBILITY_SUMMARY = (
    "Text with a navigable table of contents and headings in a logical reading order; the cover image "
    "has a text alternative; no colours are set, so reading-system themes and font settings apply."
)


@dataclass(frozen=True, slots=True)
class _Cover:
    """A cover image ready for the package: bytes, where it goes and how it is described."""

    data: bytes
    media_type: str
    file_name: str
    animated: bool = False


@dataclass(frozen=True, slots=True)
class _Chapter:
    """One article as an XHTML document, with the subheadings the table of contents links to."""

    article: Article
    uid: str
    file_name: str
    content: bytes
    headings: tuple[tuple[int, str, str], ...]  # (level, fragment id, text)


# ------------------------------------------------------------------------------------------ helpers
def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def _direction(language: str) -> str | None:
    return "rtl" if language.split("-")[0].lower() in _RTL else None


def file_as(name: str) -> str:
    """The sort form "Last, First" of a personal name (unchanged if it has one word or a comma)."""
    parts = name.split()
    if len(parts) < 2 or "," in name:
        return name.strip()
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def book_identifier(obj: Article | Collection) -> str:
    """The book's ``urn:uuid:``: a uuid5 of the article id, or of the collection's title and ids."""
    if isinstance(obj, Article):
        key = "article\n" + obj.meta.id
    else:
        key = "collection\n" + obj.title + "\n" + "\n".join(a.meta.id for a in obj.articles)
    return f"urn:uuid:{uuid.uuid5(_BOOK_NAMESPACE, key)}"


def _modified(articles: Sequence[Article]) -> dt.datetime:
    """dcterms:modified: the newest article date, else ``SOURCE_DATE_EPOCH``, else the fixed epoch."""
    dates = [_utc(d) for a in articles for d in (a.meta.updated or a.meta.published,) if d is not None]
    if dates:
        return max(dates)
    return source_date_epoch() or FALLBACK_EPOCH


def _zip_time(value: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry time (UTC, clamped to the range the format can store)."""
    v = _utc(value)
    if v.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if v.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (v.year, v.month, v.day, v.hour, v.minute, v.second)


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


# -------------------------------------------------------------------------------------------- cover
def sniff_image(data: bytes) -> tuple[str, str]:
    """The media type and file extension of a cover image, from its first bytes.

    Raises :class:`OptionsError` for anything that is not PNG, JPEG, GIF or a safe SVG.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return "image/png", "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", "jpg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif", "gif"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"<svg" in data[:4096]:
        _check_svg(data)
        return "image/svg+xml", "svg"
    raise OptionsError("the cover is not a PNG, JPEG, GIF or SVG image; give --cover one of those")


def _check_svg(data: bytes) -> None:
    """Refuse SVG covers that would make the book invalid or unsafe: malformed, scripted, or remote."""
    import importlib

    # lxml ships no type stubs; loaded as a module object, it is simply ``Any`` to mypy.
    etree: Any = importlib.import_module("lxml.etree")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OptionsError(f"the SVG cover is not well-formed XML: {exc}") from None
    if root.tag != f"{{{_SVG_NS}}}svg":
        raise OptionsError("the cover is not a PNG, JPEG, GIF or SVG image; give --cover one of those")
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.system_url or b"<!ENTITY" in data:
        raise OptionsError("the SVG cover has a DOCTYPE or entities; use a plain SVG without them")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        if local in ("script", "foreignObject"):
            raise OptionsError(f"the SVG cover contains <{local}>; use an SVG without scripts or HTML")
        for name, value in element.attrib.items():
            attr = etree.QName(name).localname
            if attr.lower().startswith("on"):
                raise OptionsError("the SVG cover has event handlers (on... attributes); remove them")
            if attr == "href" and not value.startswith(("#", "data:")):
                raise OptionsError(f"the SVG cover refers to another file ({value}); embed it instead")


def _gif_animated(data: bytes) -> bool:
    return b"NETSCAPE2.0" in data or data.count(b"\x21\xf9\x04") > 1


def _user_cover(value: object) -> _Cover | None:
    if value is None:
        return None
    if not isinstance(value, bytes | bytearray | memoryview):
        raise OptionsError("the cover option takes the image's bytes (PNG, JPEG, GIF or SVG), not a path")
    data = bytes(value)
    if not data:
        raise OptionsError("the cover image is empty; give --cover a PNG, JPEG, GIF or SVG file")
    media_type, extension = sniff_image(data)
    animated = media_type == "image/gif" and _gif_animated(data)
    return _Cover(data, media_type, f"cover.{extension}", animated)


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Lines of at most ``width`` columns (wide CJK characters count two), breaking at spaces or,
    in text without spaces, between characters; the last kept line ends in an ellipsis if cut."""
    lines: list[str] = []
    line = ""
    tokens = re.findall(r"\S+\s*", text.strip())
    for token in tokens:
        for piece in _split_long(token, width):
            candidate = line + piece
            if line and sum(map(_width, candidate.rstrip())) > width:
                lines.append(line.rstrip())
                line = piece
            else:
                line = candidate
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" .,;:") + "…"
    return lines


def _split_long(token: str, width: int) -> list[str]:
    if sum(map(_width, token)) <= width:
        return [token]
    pieces: list[str] = []
    current = ""
    for char in token:
        if current and sum(map(_width, current + char)) > width:
            pieces.append(current)
            current = ""
        current += char
    pieces.append(current)
    return pieces


def _credit(authors: Sequence[Author]) -> str:
    names = [a.name for a in authors]
    return ", ".join(names[:3]) + (", …" if len(names) > 3 else "")


def _svg_cover(title: str, authors: Sequence[Author], publisher: str | None, lang: str) -> _Cover:
    """The generated cover: title, authors and publisher, sized to fit, in black on white."""
    size, chars, max_lines = (64, 14, 4) if len(title) <= 40 else (48, 19, 6)
    if len(title) > 90:
        size, chars, max_lines = 38, 24, 8
    title_lines = wrap(title, chars, max_lines)
    leading = int(size * 1.2)
    credit = _credit(authors)
    author_lines = wrap(credit, 30, 3) if credit else []
    title_y = 150 + size
    rule_y = title_y + leading * (len(title_lines) - 1) + 50
    label = " — ".join(part for part in (title, credit, publisher) if part)
    # The cover's text lines, laid out here; templates/cover.svg is the fixed frame around them.
    lines = [
        Markup('<text x="300" y="{}" font-size="{}" font-weight="bold">{}</text>').format(
            title_y + i * leading, size, line
        )
        for i, line in enumerate(title_lines)
    ]
    if author_lines:
        lines.append(Markup('<rect x="240" y="{}" width="120" height="3" fill="#000000"/>').format(rule_y))
        lines += [
            Markup('<text x="300" y="{}" font-size="30">{}</text>').format(rule_y + 60 + i * 40, line)
            for i, line in enumerate(author_lines)
        ]
    if publisher and publisher.strip():
        lines.append(
            Markup('<text x="300" y="820" font-size="24" font-style="italic">{}</text>').format(
                wrap(publisher, 36, 1)[0]
            )
        )
    svg = fill(
        "cover.svg",
        lang=lang,
        label=label,
        direction=Markup(' direction="rtl"') if _direction(lang) is not None else "",
        lines=Markup("").join(Markup("\n") + line for line in lines),
    )
    return _Cover(_clean(svg).encode("utf-8"), "image/svg+xml", "cover.svg")


# ------------------------------------------------------------------------------------------ chapters
def _fix_links(markup: str, base: str | None) -> str:
    """Links that work inside a book: site-relative ones (``/path``) are resolved against the
    article's canonical URL, or become plain text when it has none; fragment links (``#x``) point
    into the original page, not this chapter, so they become plain text too.

    EPUBCheck rejects both as they are: ``/path`` leaks outside the container, ``#x`` is undefined.
    """
    from html import escape, unescape
    from urllib.parse import urljoin

    def fix(match: re.Match[str]) -> str:
        href = unescape(match.group(1))
        if href.startswith("/") and not href.startswith("//") and base:
            return f'<a href="{escape(urljoin(base, href))}">{match.group(2)}</a>'
        if href.startswith(("#", "/")):
            return match.group(2)
        return match.group(0)

    return _LINK.sub(fix, markup)


def _chapter(article: Article, index: int) -> _Chapter:
    """The article's XHTML document; headings get ids so the table of contents can link to them."""
    texts = [b.text for b in article.blocks if isinstance(b, Heading)]
    counter = itertools.count()
    uid = f"chapter-{index:03d}"

    def add_id(match: re.Match[str]) -> str:
        return f'<h{match.group(1)} id="h-{next(counter)}">'

    base = article.meta.canonical_url
    if base is not None and not base.startswith(("http://", "https://")):
        base = None
    markup = _fix_links(_HEADING_TAG.sub(add_id, str(render_article(article))), base)
    used = next(counter)
    if used != len(texts) + 1:  # the title's <h1>, then one per Heading block
        raise WriteError("the article's rendered headings do not match its outline; please report this bug")
    levels = [b.level for b in article.blocks if isinstance(b, Heading)]
    headings = tuple(
        (lvl, f"h-{i + 1}", text) for i, (lvl, text) in enumerate(zip(levels, texts, strict=True))
    )
    meta = article.meta
    page = fill(
        "epub-chapter.xhtml",
        lang=meta.language,
        dir=_dir_attribute(meta.language),
        title=meta.title,
        css=_CSS,
        heading_id="h-0",
        article=Markup(markup),
    )
    return _Chapter(article, uid, f"{uid}.xhtml", _clean(page).encode("utf-8"), headings)


def _dir_attribute(lang: str) -> Markup | str:
    direction = _direction(lang)
    return Markup(' dir="{}"').format(direction) if direction else ""


def _cover_page(cover: _Cover, title: str, alt: str, lang: str) -> bytes:
    page = fill(
        "epub-cover.xhtml",
        lang=lang,
        dir=_dir_attribute(lang),
        title=title,
        css=_CSS,
        image=cover.file_name,
        alt=alt,
    )
    return _clean(page).encode("utf-8")


# ------------------------------------------------------------------------------------- ebooklib glue
@cache
def _classes() -> tuple[type[Any], type[Any]]:
    """ebooklib subclasses, made on first use so importing this module stays cheap.

    ``_Document`` serves our own XHTML instead of re-parsing it with lxml.html; ``_Writer`` writes the
    container with fixed timestamps and attributes instead of ebooklib's clock (``ZipFile.writestr``
    with a name stamps the current local time).
    """
    from ebooklib import epub

    class _Document(epub.EpubHtml):  # type: ignore[misc]
        def __init__(self, uid: str, file_name: str, title: str, lang: str, content: bytes) -> None:
            super().__init__(uid=uid, file_name=file_name, media_type=_XHTML, title=title, lang=lang)
            self.content = content

        def get_content(self, default: Any = None) -> bytes:
            return bytes(self.content)

    class _Writer(epub.EpubWriter):  # type: ignore[misc]
        def write(self) -> None:
            date_time = self.options["zip_date_time"]
            with zipfile.ZipFile(self.file_name, "w") as archive:
                self.out = _FixedZip(archive, date_time)
                self.out.writestr("mimetype", "application/epub+zip")
                self._write_container()
                self._write_opf()
                self._write_items()

    return _Document, _Writer


class _FixedZip:
    """The part of :class:`zipfile.ZipFile` ebooklib uses, with reproducible entries.

    ``mimetype`` is stored, everything else deflated; every entry has the same time, Unix attributes
    ``0644`` and no extra fields, whatever the platform.
    """

    def __init__(self, archive: zipfile.ZipFile, date_time: tuple[int, int, int, int, int, int]) -> None:
        self._archive = archive
        self._date_time = date_time

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        info = zipfile.ZipInfo(name, self._date_time)
        info.create_system = 3
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
        self._archive.writestr(info, data, compresslevel=9)


def _toc_entries(chapter: _Chapter, link: Callable[[str, str, str], Any]) -> list[Any]:
    """The chapter's subheadings nested by level, as ebooklib toc items."""
    root: list[Any] = []
    stack: list[tuple[int, list[Any]]] = [(0, root)]
    for level, fragment, text in chapter.headings:
        if not _clean(text).strip():  # an empty link would make the navigation document invalid
            continue
        while stack[-1][0] >= level:
            stack.pop()
        children: list[Any] = []
        stack[-1][1].append(
            [link(f"{chapter.file_name}#{fragment}", _clean(text), f"{chapter.uid}-{fragment}"), children]
        )
        stack.append((level, children))

    def convert(nodes: list[Any]) -> list[Any]:
        return [(head, convert(kids)) if kids else head for head, kids in nodes]

    return convert(root)


# ------------------------------------------------------------------------------------------- writer
@dataclass(frozen=True, slots=True)
class _Book:
    """Everything the package document says, gathered from an article or a collection."""

    identifier: str
    title: str
    languages: list[str]
    authors: list[Author]
    publisher: str | None
    sources: list[str]
    published: dt.datetime | None
    modified: dt.datetime
    description: str
    subjects: list[str]
    articles: tuple[Article, ...]
    anthology: bool


def _book(obj: Article | Collection) -> _Book:
    if isinstance(obj, Article):
        meta = obj.meta
        sources = [meta.canonical_url or ""]
        if meta.original is not None:
            sources.append(meta.original.url or meta.original.name)
        elif meta.source:
            sources.append(meta.source)
        return _Book(
            identifier=book_identifier(obj),
            title=meta.title,
            languages=[meta.language],
            authors=[Author(name) for name in credited(obj)] if not meta.authors else list(meta.authors),
            publisher=meta.publisher,
            sources=_unique(sources),
            published=meta.published,
            modified=_modified([obj]),
            description=meta.summary,
            subjects=_unique(meta.tags),
            articles=(obj,),
            anthology=False,
        )
    articles = obj.articles
    if not articles:
        raise WriteError("cannot write an empty collection as epub; give it at least one article")
    if not _clean(obj.title).strip():
        raise WriteError("the collection has no title; give it one (--bundle TITLE)")
    authors = (
        list(obj.authors)
        or list({a.name: a for article in articles for a in article.meta.authors}.values())
        or [Author(name) for name in dict.fromkeys(n for article in articles for n in credited(article))]
    )
    published = [a.meta.published for a in articles if a.meta.published is not None]
    outlets = [
        (a.meta.original.url or a.meta.original.name) if a.meta.original else (a.meta.source or "")
        for a in articles
    ]
    return _Book(
        identifier=book_identifier(obj),
        title=obj.title,
        languages=_unique([obj.language or "", *(a.meta.language for a in articles)]),
        authors=authors,
        publisher=obj.publisher,
        sources=_unique(outlets),
        published=max(published, key=_utc) if published else None,
        modified=_modified(articles),
        description=obj.description or "; ".join(a.meta.title for a in articles),
        subjects=_unique(t for a in articles for t in a.meta.tags),
        articles=articles,
        anthology=True,
    )


def _package(book: _Book, cover: _Cover, chapters: list[_Chapter], cover_alt: str) -> bytes:
    """Assemble the EPUB with ebooklib and return the zip's bytes."""
    from ebooklib import epub

    from .. import __version__

    document, writer_class = _classes()
    lang = book.languages[0]
    direction = _direction(lang)
    title = _clean(book.title)

    pub = epub.EpubBook()
    # ebooklib's reset() stored a uuid4 and its own generator; both are replaced here.
    pub.metadata[epub.NAMESPACES["OPF"]]["generator"] = [
        ("", {"name": "generator", "content": f"syndicate {__version__}"})
    ]
    pub.set_identifier(book.identifier)
    pub.set_title(title)
    for language in book.languages:
        pub.add_metadata("DC", "language", language)
    pub.language = lang
    pub.set_direction(direction)
    for number, author in enumerate(book.authors, start=1):
        ref = f"creator{number}"
        pub.add_metadata("DC", "creator", _clean(author.name), {"id": ref})
        pub.add_metadata(
            None, "meta", "aut", {"refines": f"#{ref}", "property": "role", "scheme": "marc:relators"}
        )
        pub.add_metadata(
            None, "meta", _clean(file_as(author.name)), {"refines": f"#{ref}", "property": "file-as"}
        )
    if book.publisher:
        pub.add_metadata("DC", "publisher", _clean(book.publisher))
    for source in book.sources:
        pub.add_metadata("DC", "source", _clean(source))
    if book.published is not None:
        pub.add_metadata("DC", "date", book.published.isoformat(timespec="seconds"))
    if book.description:
        pub.add_metadata("DC", "description", _clean(book.description))
    for subject in book.subjects:
        pub.add_metadata("DC", "subject", _clean(subject))
    for prop, value in _accessibility(cover):
        pub.add_metadata(None, "meta", value, {"property": prop})
    pub.add_metadata(None, "meta", "", {"name": "cover", "content": "cover-img"})

    css = epub.EpubItem(uid="style", file_name=_CSS, media_type="text/css", content=stylesheet("epub.css"))
    pub.add_item(css)
    image = epub.EpubCover(uid="cover-img", file_name=cover.file_name)
    image.media_type = cover.media_type
    image.content = cover.data
    pub.add_item(image)
    cover_page = document("cover", "cover.xhtml", title, lang, _cover_page(cover, title, cover_alt, lang))
    pub.add_item(cover_page)
    nav = epub.EpubNav(uid="nav", file_name="nav.xhtml", title=title, direction=direction)
    nav.add_item(css)
    pub.add_item(nav)
    pub.add_item(epub.EpubNcx())
    # The NCX is read by EPUB 2 systems only, but it too says what language it is in.
    pub.set_template(
        "ncx",
        b'<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">'
        b'<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="'
        + lang.encode("ascii", "replace")
        + b'"/>',
    )

    toc: list[Any] = []
    items = []
    for chapter in chapters:
        meta = chapter.article.meta
        item = document(chapter.uid, chapter.file_name, _clean(meta.title), meta.language, chapter.content)
        pub.add_item(item)
        items.append(item)
        children = _toc_entries(chapter, epub.Link)
        toc.append((item, children) if children else item)
    pub.toc = toc
    # A contents page in the reading order helps in an anthology; for one article it would be noise.
    pub.spine = [cover_page, nav, *items] if book.anthology else [cover_page, *items]

    out = io.BytesIO()
    writer = writer_class(
        out,
        pub,
        {
            "epub2_guide": False,
            "epub3_landmark": False,
            "epub3_pages": False,
            "play_order": {"enabled": True, "start_from": 1},
            "mtime": _utc(book.modified).replace(tzinfo=None),
            "zip_date_time": _zip_time(book.modified),
        },
    )
    writer.process()
    writer.write()
    return out.getvalue()


def _accessibility(cover: _Cover) -> list[tuple[str, str]]:
    """schema.org accessibility metadata; each claim is true of every book this writer makes."""
    return [
        ("schema:accessMode", "textual"),
        ("schema:accessMode", "visual"),  # the cover image
        ("schema:accessModeSufficient", "textual"),  # the cover has a text alternative
        ("schema:accessibilityFeature", "structuralNavigation"),
        ("schema:accessibilityFeature", "tableOfContents"),
        ("schema:accessibilityFeature", "readingOrder"),
        ("schema:accessibilityFeature", "alternativeText"),
        ("schema:accessibilityFeature", "displayTransformability"),
        ("schema:accessibilityHazard", "unknown" if cover.animated else "none"),
        ("schema:accessibilitySummary", _ACCESSIBILITY_SUMMARY),
        ("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
    ]


class EPUBWriter:
    """EPUB 3 with a navigation document, an NCX, accessibility metadata and a cover."""

    name: ClassVar[str] = "epub"
    extension: ClassVar[str] = "epub"
    media_type: ClassVar[str] = "application/epub+zip"
    kind: ClassVar[Literal["document", "feed"]] = "document"
    bundles: ClassVar[bool] = True
    parallel: ClassVar[bool] = True
    requires: ClassVar[tuple[str, ...]] = ("ebooklib", "lxml")
    description: ClassVar[str] = "EPUB 3 e-book (one article, or an anthology with --bundle)"
    #: ``cover``: the cover image's bytes (PNG, JPEG, GIF or SVG); ``None`` draws an SVG cover.
    options: ClassVar[Mapping[str, Any]] = {"cover": None}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        if isinstance(obj, Feed):
            raise WriteError("the epub format cannot write a feed; give it an article or a collection")
        user_cover = _user_cover(options.get("cover"))
        book = _book(obj)
        credit = _credit(book.authors)
        lang = book.languages[0]
        cover = user_cover or _svg_cover(book.title, book.authors, book.publisher, lang)
        alt = _clean(" — ".join(part for part in (book.title, credit) if part))
        chapters = [_chapter(article, i) for i, article in enumerate(book.articles, start=1)]
        return _package(book, cover, chapters, alt)
