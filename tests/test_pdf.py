"""The pdf writer: metadata, fonts, text, outline, anthologies, safety and reproducibility.

WeasyPrint takes about half a second per document, so every PDF is rendered once in a module-scoped
fixture and the checks read the files with poppler (pdfinfo, pdffonts, pdftotext), qpdf and pypdf.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

import syndicate
from syndicate import Article, Collection, OptionsError
from syndicate.cli import main
from syndicate.formats import pdf as pdfmod
from syndicate.model import Heading, Link, ListBlock, Paragraph, Text, plain_text
from syndicate.registry import Writer, get_writer

from .conftest import EPOCH, SEED, sample_paths

TOOLS = ("pdfinfo", "pdffonts", "pdftotext", "qpdf")
MM = 72 / 25.4

POLYGLOT = """\
Москва и Афины: два города, одна выставка

Выставка «Свет и камень» открылась в Государственном историческом музее. Кураторы собрали более \
двухсот предметов из частных и государственных коллекций.

Посетители увидят амфоры, мозаики и рукописи, которые никогда прежде не покидали Грецию. Экспозиция \
разделена на шесть залов, каждый посвящён отдельной эпохе.

Что говорят кураторы

«Η τέχνη είναι η γλώσσα που καταλαβαίνουν όλοι», είπε η επιμελήτρια της έκθεσης. Η συνεργασία των \
δύο μουσείων κράτησε σχεδόν τρία χρόνια, και οι αρχαιολόγοι εργάστηκαν μαζί σε κάθε αίθουσα.

По словам директора музея, выставка продлится до конца марта, а затем отправится в Санкт-Петербург \
и Казань.
"""


# ----------------------------------------------------------------------------------------- spies
class _Spy:
    """Records every attempt to open /etc/passwd or to connect anywhere (Python audit events)."""

    def __init__(self) -> None:
        self.active = False
        self.events: list[tuple[str, str]] = []

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        if event == "open" and args and "passwd" in str(args[0]):
            self.events.append((event, str(args[0])))
        elif event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
            self.events.append((event, repr(args[:2])))


_SPY = _Spy()
sys.addaudithook(_SPY)


@pytest.fixture(scope="module")
def listener() -> Iterator[socket.socket]:
    """A local TCP server that hostile URLs point at: it must never see a connection."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    yield server
    server.close()


def _no_connection(server: socket.socket) -> bool:
    try:
        conn, _ = server.accept()
    except TimeoutError:
        return True
    conn.close()
    return False


# ------------------------------------------------------------------------------------- fixtures
def _run(*cmd: str) -> str:
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module", autouse=True)
def _tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: apt-get install -y poppler-utils qpdf")


def _polyglot() -> Article:
    return syndicate.parse(
        POLYGLOT,
        authors=["Анна Петрова <anna@example.org>"],
        published="2024-02-03T10:00:00+03:00",
        tags="культура, Ελλάδα, museums",
        language="ru",
    )


def _hostile(port: int) -> Article:
    text = (
        "Hostile input\n\n"
        'The tag <img src="file:///etc/passwd"> and <link rel=stylesheet '
        f'href="http://127.0.0.1:{port}/x.css"> and <script>alert(1)</script> sit here.\n\n'
        f"See http://127.0.0.1:{port}/tracker.png or <style>@import url(file:///etc/passwd)</style>.\n"
    )
    article = syndicate.parse(text, title='Hostile <img src="file:///etc/passwd">')
    links = Paragraph(
        (
            Text("Links: "),
            Link((Text("local file"),), "file:///etc/passwd"),
            Text(" and "),
            Link((Text("tracker"),), f"http://127.0.0.1:{port}/pixel.png"),
            Text("."),
        )
    )
    return dataclasses.replace(article, blocks=(*article.blocks, links))


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def rendered(outdir: Path, listener: socket.socket) -> dict[str, tuple[Article, Path]]:
    """Every sample, the Greek/Cyrillic article and the hostile one, rendered once."""
    port = listener.getsockname()[1]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        articles = {p.stem: syndicate.load(p) for p in sample_paths()}
        articles["polyglot"] = _polyglot()
        articles["hostile"] = _hostile(port)
        out: dict[str, tuple[Article, Path]] = {}
        _SPY.active = True
        try:
            for name, article in articles.items():
                path = outdir / f"{name}.pdf"
                path.write_bytes(syndicate.render(article, "pdf"))
                out[name] = (article, path)
        finally:
            _SPY.active = False
    return out


@pytest.fixture(scope="module")
def bundle(outdir: Path) -> tuple[list[Article], Path]:
    """A 3-article anthology written by the CLI in-process."""
    inputs = sample_paths()[:3]
    target = outdir / "bundle"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        code = main(["convert", *map(str, inputs), "--to", "pdf", "--bundle", "Weekend Reader",
                     "-o", str(target), "-q"])  # fmt: skip
    assert code == 0
    return [syndicate.load(p) for p in inputs], target / "weekend-reader.pdf"


SAMPLE_NAMES = [p.stem for p in sample_paths()]
ALL_NAMES = [*SAMPLE_NAMES, "polyglot"]


def _info(path: Path) -> dict[str, str]:
    out = _run("pdfinfo", "-enc", "UTF-8", "-isodates", str(path))
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def _body_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """pdftotext of the area inside the page margins (no running header, no page numbers)."""
    width, height = (float(x) for x in re.findall(r"[\d.]+", _info(path)["Page size"])[:2])
    crop = ["-x", "0", "-y", f"{20 * MM:.0f}", "-W", f"{width:.0f}", "-H", f"{height - 40 * MM:.0f}"]
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return _run("pdftotext", "-enc", "UTF-8", *crop, *pages, str(path), "-")


def _norm(text: str) -> str:
    """Compare text without whitespace and hyphens, so line breaks and hyphenation do not matter."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def _outline(path: Path) -> list[tuple[int, str, int]]:
    reader = pypdf.PdfReader(str(path))
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 1)
    return found


# ---------------------------------------------------------------------------------------- writer
def test_writer_declares_the_protocol() -> None:
    writer = get_writer("pdf")
    assert isinstance(writer, Writer)
    assert (writer.extension, writer.media_type, writer.kind) == ("pdf", "application/pdf", "document")
    assert writer.bundles and getattr(writer, "parallel", False)
    assert writer.requires == ("weasyprint",)
    assert dict(writer.options) == {"page_size": "A4", "variant": "pdf/ua-1"}


def test_module_import_does_not_load_weasyprint() -> None:
    code = "import sys, syndicate.formats.pdf; sys.exit('weasyprint' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# -------------------------------------------------------------------------------------- metadata
@pytest.mark.parametrize("name", ALL_NAMES)
def test_pdfinfo_shows_metadata_and_tags(name: str, rendered: dict[str, tuple[Article, Path]]) -> None:
    article, path = rendered[name]
    info = _info(path)
    meta = article.meta
    assert info["Title"] == meta.title
    outlet = meta.publisher or meta.source or (meta.original.name if meta.original else "")
    assert info["Author"] == (", ".join(a.name for a in meta.authors) or outlet)
    assert info["Tagged"] == "yes"
    if meta.summary:
        assert _norm(info["Subject"]) == _norm(meta.summary)
    if meta.tags:
        assert info["Keywords"] == ", ".join(meta.tags)
    expected = meta.published or dt.datetime.fromtimestamp(int(EPOCH), dt.UTC)
    assert dt.datetime.fromisoformat(info["CreationDate"]) == expected
    reader = pypdf.PdfReader(str(path))
    assert reader.trailer["/Root"]["/Lang"] == meta.language


def test_every_pdf_passes_qpdf_and_carries_pdfua_markers(
    rendered: dict[str, tuple[Article, Path]], bundle: tuple[list[Article], Path]
) -> None:
    paths = [p for _, p in rendered.values()] + [bundle[1]]
    for path in paths:
        assert "No syntax or stream encoding errors" in _run("qpdf", "--check", str(path)), path
        reader = pypdf.PdfReader(str(path))
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]), path
        assert "/StructTreeRoot" in root, path
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]), path
        xmp = reader.xmp_metadata
        assert xmp is not None and xmp.rdf_root is not None
        assert b'pdfuaid:part="1"' in root["/Metadata"].get_data(), path


@pytest.mark.parametrize("name", [*ALL_NAMES, "hostile"])
def test_every_font_is_embedded_dejavu(name: str, rendered: dict[str, tuple[Article, Path]]) -> None:
    rows = _run("pdffonts", str(rendered[name][1])).splitlines()[2:]
    assert rows
    for row in rows:
        fields = row.split()
        assert "DejaVu" in fields[0], row
        emb = fields[-5]
        assert emb == "yes", row


# ------------------------------------------------------------------------------------------ text
@pytest.mark.parametrize("name", ALL_NAMES)
def test_text_gives_back_every_paragraph_in_order(
    name: str, rendered: dict[str, tuple[Article, Path]]
) -> None:
    article, path = rendered[name]
    text = _norm(_body_text(path))
    position = text.find(_norm(article.meta.title))
    assert position >= 0
    pieces = [
        piece
        for block in article.blocks
        for piece in (
            [plain_text(item) for item in block.items] if isinstance(block, ListBlock) else [block.text]
        )
    ]
    body_start = -1
    for piece in pieces:
        found = text.find(_norm(piece), position)
        assert found >= position, f"{name}: missing or out of order: {piece[:60]!r}"
        body_start = found if body_start < 0 else body_start
        position = found + len(_norm(piece))
    for removed in article.removed:
        where = text.find(_norm(removed.text))
        if removed.kind == "byline":  # shown again as the byline, above the body
            assert where < body_start, f"{name}: the byline came back inside the body"
        elif removed.kind == "author_bio":  # shown again as the bio, after the body
            assert where >= position, f"{name}: the bio belongs after the body"
        else:
            assert where < 0, f"{name}: removed {removed.kind} came back: {removed.text[:60]!r}"


def test_greek_and_cyrillic_come_back_as_text(rendered: dict[str, tuple[Article, Path]]) -> None:
    text = _body_text(rendered["polyglot"][1])
    assert "Государственном" in text.replace("-\n", "") or _norm("Государственном") in _norm(text)
    assert _norm("Η τέχνη είναι η γλώσσα που καταλαβαίνουν όλοι") in _norm(text)
    assert "\ufffd" not in text


def test_seed_layout_running_header_page_numbers_hyphenation(
    rendered: dict[str, tuple[Article, Path]],
) -> None:
    article, path = rendered[SEED.stem]
    pages = int(_info(path)["Pages"])
    assert pages >= 2
    full = _run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")
    for number in range(1, pages + 1):
        assert re.search(rf"\b{number}\s*/\s*{pages}\b", full[number - 1]), "page numbers n / N"
    header = ["pdftotext", "-enc", "UTF-8", "-y", "0", "-H", f"{20 * MM:.0f}", "-W", "600"]
    assert _run(*header, "-f", "1", "-l", "1", str(path), "-").strip() == "", "no header over the title"
    assert _run(*header, "-f", "2", "-l", "2", str(path), "-").strip() == article.meta.title
    body = " ".join(b.text for b in article.blocks)
    hyphenated = re.findall(r"(\w+)[-\u2010]\n(\w+)", _body_text(path))
    assert any(a + b in body for a, b in hyphenated), "English hyphenation breaks words"
    assert "About Amelia James" in full[pages - 1], "the bio closes the article"


def test_outline_has_the_headings(rendered: dict[str, tuple[Article, Path]]) -> None:
    for name in (SEED.stem, "polyglot"):
        article, path = rendered[name]
        expected = [(1, article.meta.title)] + [
            (b.level, b.text) for b in article.blocks if isinstance(b, Heading)
        ]
        assert [(d, t) for d, t, _ in _outline(path)] == expected
        assert len(expected) >= 2


# --------------------------------------------------------------------------------------- options
def test_page_size_changes_the_media_box(rendered: dict[str, tuple[Article, Path]]) -> None:
    seed = rendered[SEED.stem][0]
    boxes = {"A4": (595.28, 841.89)}
    for size, expected in (("Letter", (612, 792)), ("A5", (419.53, 595.28))):
        data = syndicate.render(seed, "pdf", page_size=size)
        box = pypdf.PdfReader(_bytes_io(data)).pages[0].mediabox
        boxes[size] = (float(box.width), float(box.height))
        assert boxes[size] == pytest.approx(expected, abs=0.5)
    default = pypdf.PdfReader(str(rendered[SEED.stem][1])).pages[0].mediabox
    assert (float(default.width), float(default.height)) == pytest.approx(boxes["A4"], abs=0.5)


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"page_size": "B5"}, "A4, Letter, A5"),
        ({"page_size": 4}, "takes a str"),
        ({"variant": "pdf/z-9"}, "pdf/ua-1"),
        ({"variant": "debug"}, "pdf/a-3b"),
        ({"colour": "red"}, "page_size, variant"),
    ],
)
def test_bad_options_are_refused(options: dict[str, Any], message: str) -> None:
    article = syndicate.parse("A title\n\nOne paragraph of text.")
    with pytest.raises(OptionsError, match=re.escape(message)):
        syndicate.render(article, "pdf", **options)


def test_pdfa_variant_is_passed_through(rendered: dict[str, tuple[Article, Path]]) -> None:
    data = syndicate.render(rendered["polyglot"][0], "pdf", variant="pdf/a-3b")
    reader = pypdf.PdfReader(_bytes_io(data))
    root = reader.trailer["/Root"]
    assert b'pdfaid:part="3"' in root["/Metadata"].get_data()
    assert "/OutputIntents" in root


def test_variant_none_is_a_plain_tagged_pdf() -> None:
    article = syndicate.parse("A title\n\nOne paragraph of text.", language="en")
    reader = pypdf.PdfReader(_bytes_io(syndicate.render(article, "pdf", variant="none")))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and reader.pdf_header == "%PDF-1.7"
    assert "/Metadata" not in root or b"pdfuaid" not in root["/Metadata"].get_data()


def test_pdfx4_needs_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    article = syndicate.parse("A title\n\nOne paragraph of text.")
    with pytest.raises(OptionsError, match="SOURCE_DATE_EPOCH"):
        syndicate.render(article, "pdf", variant="pdf/x-4")


# ------------------------------------------------------------------------------- reproducibility
def test_byte_reproducible_in_process_and_across_processes(
    rendered: dict[str, tuple[Article, Path]], outdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    article, path = rendered[SEED.stem]
    assert syndicate.render(article, "pdf") == path.read_bytes()
    other = outdir / "again.pdf"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "12345"}
    code = (
        "import sys, syndicate; from pathlib import Path; "
        "Path(sys.argv[2]).write_bytes(syndicate.render(syndicate.load(sys.argv[1]), 'pdf'))"
    )
    subprocess.run([sys.executable, "-c", code, str(SEED), str(other)], check=True, env=env)
    assert other.read_bytes() == path.read_bytes()


def test_pdfx4_random_document_id_is_made_stable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    article = syndicate.parse("A title\n\nOne paragraph of text.")
    first = syndicate.render(article, "pdf", variant="pdf/x-4")
    assert first == syndicate.render(article, "pdf", variant="pdf/x-4")
    xmp = pypdf.PdfReader(_bytes_io(first)).trailer["/Root"]["/Metadata"].get_data()
    assert b"xmp.did:" in xmp


# ------------------------------------------------------------------------------------ anthology
def test_bundle_has_title_page_contents_and_one_article_per_page(
    bundle: tuple[list[Article], Path],
) -> None:
    articles, path = bundle
    info = _info(path)
    assert info["Title"] == "Weekend Reader" and info["Tagged"] == "yes"
    assert info["Subject"] == "; ".join(a.meta.title for a in articles)
    pages = _run("pdftotext", "-enc", "UTF-8", str(path), "-").split("\f")
    assert "Weekend Reader" in pages[0] and "3 articles" in pages[0]
    assert "Contents" in pages[1]
    top = [(t, page) for depth, t, page in _outline(path) if depth == 1]
    assert [t for t, _ in top] == [a.meta.title for a in articles]
    starts = [page for _, page in top]
    assert len(set(starts)) == 3 and starts == sorted(starts) and starts[0] == 2
    contents = _norm(pages[1])
    for article, start in zip(articles, starts, strict=True):
        # the contents line carries the title and its page number (1-based)
        assert re.search(re.escape(_norm(article.meta.title)) + r"\.*" + str(start + 1), contents)
        first_page = _body_text(path, start + 1, start + 1).strip()
        assert _norm(first_page).startswith(_norm(article.meta.title)), "a new page per article"
        for author in article.meta.authors:
            assert author.name in first_page, "each article keeps its byline"


# --------------------------------------------------------------------------------------- safety
def test_hostile_article_text_is_printed_not_fetched(
    rendered: dict[str, tuple[Article, Path]], listener: socket.socket
) -> None:
    path = rendered["hostile"][1]
    text = _body_text(path)
    assert '<img src="file:///etc/passwd">' in text.replace("\n", " ")
    assert "<script>alert(1)</script>" in text
    assert _SPY.events == []
    assert _no_connection(listener)


HOSTILE_PAGE = """<!DOCTYPE html><html lang="en"><head><title>x</title><base href="file:///etc/">
<link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">
<link rel="attachment" href="file:///etc/passwd">
<style>
@import url(file:///etc/passwd);
@font-face {{ font-family: Evil; src: url(file:///etc/passwd); }}
body {{ background: url(http://127.0.0.1:{port}/bg.png); font-family: Evil, "DejaVu Serif"; }}
</style></head>
<body><p>Text.</p><img src="file:///etc/passwd" alt="a"><img src="passwd" alt="b">
<img src="../../../../etc/passwd" alt="c"><object data="http://127.0.0.1:{port}/o"></object>
</body></html>"""


def test_hostile_template_and_stylesheet_fetch_nothing(
    listener: socket.socket, caplog: pytest.LogCaptureFixture
) -> None:
    port = listener.getsockname()[1]
    fetcher = pdfmod.safe_fetcher()
    _SPY.events.clear()
    _SPY.active = True
    try:
        with caplog.at_level(logging.WARNING, logger="syndicate"):
            data = pdfmod.html_to_pdf(HOSTILE_PAGE.format(port=port), fetcher=fetcher)
    finally:
        _SPY.active = False
    assert data.startswith(b"%PDF-")
    assert _SPY.events == [], "no file opened, no socket, no urllib request"
    assert _no_connection(listener)
    refused = set(fetcher.refused)
    assert refused == {
        "file:///etc/passwd",
        f"http://127.0.0.1:{port}/a.css",
        f"http://127.0.0.1:{port}/bg.png",
        f"http://127.0.0.1:{port}/o",
    }
    assert any("refused to fetch file:///etc/passwd" in r.getMessage() for r in caplog.records)


def test_own_assets_are_the_only_files_served() -> None:
    css = pdfmod.asset_path((Path(pdfmod.__file__).parent.parent / "templates" / "print.css").as_uri())
    assert css is not None and css.name == "print.css"
    templates = (Path(pdfmod.__file__).parent.parent / "templates").as_uri()
    assert pdfmod.asset_path(templates + "/../../../../../etc/passwd") is None
    assert pdfmod.asset_path(templates + "/../formats/pdf.py") is None
    assert pdfmod.asset_path("file://evil.example/etc/passwd") is None
    assert pdfmod.asset_path("http://127.0.0.1/print.css") is None
    fetcher = pdfmod.safe_fetcher()
    page = '<html lang="en"><head><link rel="stylesheet" href="print.css"></head><p>x</p></html>'
    assert pdfmod.html_to_pdf(page, variant=None, fetcher=fetcher).startswith(b"%PDF-")
    assert fetcher.refused == []


# ------------------------------------------------------------------------------------------- cli
def test_cli_converts_the_seed(tmp_path: Path) -> None:
    assert main(["convert", str(SEED), "--to", "pdf", "-o", str(tmp_path), "-q"]) == 0
    assert (tmp_path / f"{SEED.stem}.pdf").read_bytes().startswith(b"%PDF-1.7")


def test_cli_rejects_bad_page_size(tmp_path: Path) -> None:
    assert main(["convert", str(SEED), "--to", "pdf", "--page-size", "B5", "-o", str(tmp_path), "-q"]) == 2
    assert not list(tmp_path.iterdir())


def test_collection_object_is_accepted_by_the_api() -> None:
    article = syndicate.parse("A title\n\nOne paragraph of text.")
    data = syndicate.render(Collection(title="One", articles=(article,)), "pdf")
    assert data.startswith(b"%PDF-")


def test_weasyprint_loads_with_the_linker_cache_and_falls_back() -> None:
    """The fast import answers library probes from ldconfig, restores ctypes, and retries without it."""
    code = (
        "import ctypes.util, sys\n"
        "from syndicate.formats import pdf\n"
        "original = ctypes.util.find_library\n"
        "if sys.argv[1] == 'broken':\n"
        "    pdf._linker_cache = lambda: {'pango-1.0': '/nonexistent/libpango.so'}\n"
        "module = pdf.load_weasyprint()\n"
        "assert module.__name__ == 'weasyprint' and module.HTML\n"
        "assert ctypes.util.find_library is original\n"
        "print('ok')\n"
    )
    for mode in ("cache", "broken"):
        result = subprocess.run(
            [sys.executable, "-c", code, mode], capture_output=True, text=True, timeout=120, check=False
        )
        assert result.stdout.strip() == "ok", result.stderr[-2000:]
