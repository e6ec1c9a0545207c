"""PDF through WeasyPrint: the HTML writer's ``<article>`` in a print page, tagged, safe and reproducible.

Why it is built this way:

* It composes: each article is :func:`syndicate.formats.html.render_article` (all text escaped) inside
  ``pdf-document.html.j2`` with ``print.css``; an anthology adds a title page and a table of contents.
* WeasyPrint takes the PDF metadata from the page (``<title>``, ``<meta name=author|description|
  keywords|dcterms.created|dcterms.modified>``, ``<html lang>``); WeasyPrint 70 does not read
  ``SOURCE_DATE_EPOCH`` itself, so the dates are written into the page from the article, else from
  ``SOURCE_DATE_EPOCH``, else left out (never the clock).
* Nothing is fetched: the fetcher from :func:`safe_fetcher` serves ``data:`` URLs and files inside
  syndicate's own ``templates``/``data`` folders and refuses everything else (network,
  ``/etc/passwd``), logging a warning; WeasyPrint then skips the resource. Fonts come from
  fontconfig, not from URLs.
* Byte-reproducible: the file identifier derives from the article ids, and the one random value
  WeasyPrint writes (an XMP ``DocumentID`` uuid4, only for PDF/X-4 and X-5) is replaced by a uuid5.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import mimetypes
import os
import re
import sys
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, Literal, cast
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from markupsafe import Markup

from ..errors import OptionsError, WriteError
from ..model import Article, Collection, Feed
from ..normalize import source_date_epoch
from .html import _RTL, credited, environment, render_article, stylesheet

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

__all__ = [
    "DEFAULT_VARIANT",
    "PAGE_SIZES",
    "PDFWriter",
    "asset_path",
    "html_to_pdf",
    "page_html",
    "safe_fetcher",
    "variants",
]

log = logging.getLogger("syndicate")

#: WeasyPrint's PDF/UA-1: tagged (structure tree, MarkInfo), /Lang, DisplayDocTitle, XMP with the
#: pdfuaid marker, PDF 1.7. Accessibility is what every article needs; archives can ask for pdf/a-3b.
DEFAULT_VARIANT = "pdf/ua-1"


@dataclass(frozen=True, slots=True)
class PageSize:
    """A CSS page size with the margins and body size that suit it."""

    css: str
    margins: str
    font_size: str


#: ``page_size`` option values (case-insensitive) -> the ``@page`` rule the writer adds to print.css.
PAGE_SIZES: Mapping[str, PageSize] = {
    "A4": PageSize("A4", "22mm 22mm 24mm", "10pt"),
    "Letter": PageSize("letter", "0.9in 0.9in 1in", "10pt"),
    "A5": PageSize("A5", "16mm 15mm 18mm", "9pt"),
}

#: Variants WeasyPrint offers that are not PDF standards.
_NOT_VARIANTS = frozenset({"debug"})
#: Variants whose XMP needs a modification date (WeasyPrint asserts one).
_NEEDS_DATE = frozenset({"pdf/x-4", "pdf/x-5g"})


def load_weasyprint() -> ModuleType:
    """Import WeasyPrint once, answering its shared-library probes from one ``ldconfig -p`` listing.

    On import WeasyPrint (through cffi) asks :func:`ctypes.util.find_library` for about twenty library
    names (Windows and macOS spellings included); each name ctypes cannot find directly costs a
    ``gcc``/``ld`` run of ~10 ms, about half of WeasyPrint's import time (Kozea/WeasyPrint#1125). During
    this import only, names are answered from the linker cache; if the import then fails (a library
    outside the cache), it is retried with ctypes' own lookup, so nothing that works without this
    breaks with it.
    """
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    import ctypes.util

    original = ctypes.util.find_library
    known = _linker_cache()
    if known:
        ctypes.util.find_library = lambda name: known.get(name)
        try:
            import weasyprint

            return cast(ModuleType, weasyprint)
        except OSError:
            for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
                del sys.modules[name]
        finally:
            ctypes.util.find_library = original
    import weasyprint

    return cast(ModuleType, weasyprint)


def _linker_cache() -> dict[str, str]:
    """``{"pango-1.0": "libpango-1.0.so.0", ...}`` from ``ldconfig -p``; empty where there is none."""
    import subprocess

    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            listing = subprocess.run(
                [ldconfig, "-p"], capture_output=True, text=True, timeout=10, check=True
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        known: dict[str, str] = {}
        for line in listing.splitlines()[1:]:
            soname = line.strip().split(" ", 1)[0]
            match = re.match(r"lib(.+?)\.so(?:\.\d+)*$", soname)
            if match:
                known.setdefault(match.group(1), soname)
        return known
    return {}


def variants() -> list[str]:
    """The ``variant`` values this WeasyPrint supports, plus ``none`` (a plain tagged PDF)."""
    load_weasyprint()
    from weasyprint.pdf import VARIANTS

    return [*sorted(set(VARIANTS) - _NOT_VARIANTS), "none"]


def _page_size(value: Any) -> PageSize:
    for name, size in PAGE_SIZES.items():
        if isinstance(value, str) and value.strip().lower() == name.lower():
            return size
    raise OptionsError(f"unknown page size {value!r} for pdf; use one of: {', '.join(PAGE_SIZES)}")


def _variant(value: Any) -> str | None:
    choices = variants()
    key = value.strip().lower() if isinstance(value, str) else value
    if key not in choices:
        raise OptionsError(f"unknown pdf variant {value!r}; valid variants: {', '.join(choices)}")
    return None if key == "none" else str(key)


# ----------------------------------------------------------------------------------------- safety
@cache
def _asset_roots() -> tuple[Path, ...]:
    package = Path(str(files("syndicate")))
    return tuple(Path(os.path.realpath(package / name)) for name in ("templates", "data"))


def asset_path(url: str) -> Path | None:
    """The file behind a ``file:`` URL if it is one of syndicate's own assets, else ``None``."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    real = Path(os.path.realpath(url2pathname(unquote(parts.path))))
    if any(real.is_relative_to(root) for root in _asset_roots()) and real.is_file():
        return real
    return None


@cache
def _fetcher_class() -> type[URLFetcher]:
    """Built on first use, because the base class lives in WeasyPrint (a heavy import)."""
    load_weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint is untyped
        """Serves ``data:`` URLs and syndicate's own asset files; refuses and records the rest."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            path = asset_path(url)
            if path is None:
                self.refused.append(url)
                log.warning("pdf: refused to fetch %s (only syndicate's own assets are used)", url)
                raise ValueError(f"syndicate does not fetch {url}")
            media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers={"Content-Type": media_type})

    return AssetFetcher


def safe_fetcher() -> Any:
    """A new URL fetcher that reads nothing but syndicate's assets (``.refused`` lists the rest)."""
    return _fetcher_class()()


# ------------------------------------------------------------------------------------------ pages
def _w3c(value: dt.datetime | None) -> str | None:
    return None if value is None else value.replace(microsecond=0).isoformat()


def _dates(articles: Sequence[Article]) -> tuple[str | None, str | None]:
    """(created, modified): the article dates, else ``SOURCE_DATE_EPOCH``, else none."""
    published = [a.meta.published for a in articles if a.meta.published]
    changed = [a.meta.updated or a.meta.published for a in articles]
    epoch = source_date_epoch()
    created = min(published) if published else epoch
    modified = max((d for d in changed if d), default=None) or created
    return _w3c(created), _w3c(modified)


def _names(article: Article) -> list[str]:
    return [a.name for a in article.meta.authors]


def _page_rule(size: PageSize) -> Markup:
    return Markup("@page {{ size: {}; margin: {}; }}\nhtml {{ font-size: {}; }}").format(
        size.css, size.margins, size.font_size
    )


def page_html(obj: Article | Collection, page_size: str = "A4") -> str:
    """The HTML page WeasyPrint lays out (stylesheet inlined): for tests, debugging and benchmarks."""
    from .. import __version__

    size = _page_size(page_size)
    template = environment().get_template("pdf-document.html.j2")
    common: dict[str, Any] = {
        "css": Markup(stylesheet("print.css")),
        "page_rule": _page_rule(size),
        "generator": f"syndicate {__version__}",
    }
    if isinstance(obj, Article):
        meta = obj.meta
        created, modified = _dates([obj])
        return template.render(
            common,
            lang=meta.language,
            dir="rtl" if meta.language.split("-")[0] in _RTL else None,
            title=meta.title,
            authors=credited(obj),
            subject=meta.summary,
            keywords=", ".join(meta.tags),
            created=created,
            modified=modified,
            article=render_article(obj),
        )
    articles = obj.articles
    created, modified = _dates(articles)
    authors = [a.name for a in obj.authors] or list(
        dict.fromkeys(name for article in articles for name in credited(article))
    )
    tags = dict.fromkeys(tag for article in articles for tag in article.meta.tags)
    languages = {a.meta.language for a in articles}
    lang = obj.language or (languages.pop() if len(languages) == 1 else "mul")
    chapters = [
        {
            "id": f"article-{index}",
            "title": article.meta.title,
            "byline": ", ".join(_names(article)),
            "body": render_article(article),
        }
        for index, article in enumerate(articles, start=1)
    ]
    return template.render(
        common,
        lang=lang,
        dir="rtl" if lang.split("-")[0] in _RTL else None,
        title=obj.title,
        authors=authors,
        editors=", ".join(a.name for a in obj.authors),
        publisher=obj.publisher,
        description=obj.description,
        subject=obj.description or "; ".join(a.meta.title for a in articles),
        keywords=", ".join(tags),
        created=created,
        modified=modified,
        chapters=chapters,
    )


# ------------------------------------------------------------------------------------------ write
def _identifier(obj: Article | Collection) -> str:
    ids = [obj.meta.id] if isinstance(obj, Article) else [a.meta.id for a in obj.articles]
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:32]


def _stable_document_id(identifier: str) -> Any:
    """A WeasyPrint finisher that swaps the uuid4 in PDF/X-4 XMP for a uuid5 of the identifier."""
    stable = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, 'syndicate:pdf:' + identifier)}".encode()
    pattern = re.compile(rb"xmp\.did:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

    def finish(document: Any, pdf: Any) -> None:
        reference = pdf.catalog.get("Metadata")
        if reference is None:
            return
        number = int(str(reference.decode() if isinstance(reference, bytes) else reference).split()[0])
        stream = pdf.objects[number]
        stream.stream = [pattern.sub(stable, bytes(chunk)) for chunk in stream.stream]

    return finish


def html_to_pdf(
    html: str,
    *,
    variant: str | None = DEFAULT_VARIANT,
    identifier: str = "syndicate",
    fetcher: Any = None,
) -> bytes:
    """Lay out ``html`` with WeasyPrint through the safe fetcher; the one place WeasyPrint is called.

    Relative URLs resolve inside syndicate's templates folder; whatever they or absolute URLs point
    at outside syndicate's assets is refused. ``fetcher`` lets a caller inspect ``.refused``.
    """
    weasyprint = load_weasyprint()
    base = _asset_roots()[0].as_uri() + "/"
    document = weasyprint.HTML(
        string=html, base_url=base, url_fetcher=fetcher or safe_fetcher(), media_type="print"
    )
    data = document.write_pdf(
        pdf_variant=variant,
        pdf_tags=True,
        pdf_identifier=identifier.encode("ascii"),
        finisher=_stable_document_id(identifier),
    )
    if not isinstance(data, bytes):  # pragma: no cover - write_pdf(None) returns bytes
        raise WriteError("WeasyPrint returned no PDF")
    return data


class PDFWriter:
    """A print-ready, tagged PDF (PDF/UA-1 by default); a collection becomes an anthology."""

    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"
    kind: ClassVar[Literal["document", "feed"]] = "document"
    bundles: ClassVar[bool] = True
    parallel: ClassVar[bool] = True
    requires: ClassVar[tuple[str, ...]] = ("weasyprint",)
    description: ClassVar[str] = "tagged, print-ready PDF (WeasyPrint); bundles an anthology"
    options: ClassVar[Mapping[str, Any]] = {"page_size": "A4", "variant": DEFAULT_VARIANT}

    def prepare(self) -> None:
        """Load WeasyPrint now (process-pool workers call this once, before any article)."""
        load_weasyprint()

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        if isinstance(obj, Feed):
            raise WriteError("the pdf format writes an article or a collection, not a feed")
        if isinstance(obj, Collection) and not obj.articles:
            raise WriteError("cannot write an empty collection as pdf")
        variant = _variant(options.get("variant", DEFAULT_VARIANT))
        html = page_html(obj, options.get("page_size", "A4"))
        articles = [obj] if isinstance(obj, Article) else list(obj.articles)
        if variant in _NEEDS_DATE and _dates(articles)[1] is None:
            raise OptionsError(
                f"the {variant} variant needs a date: give the article a published date "
                "or set SOURCE_DATE_EPOCH"
            )
        try:
            return html_to_pdf(html, variant=variant, identifier=_identifier(obj))
        except (OSError, ValueError, AssertionError) as exc:
            raise WriteError(f"WeasyPrint could not render the pdf: {exc}") from exc
