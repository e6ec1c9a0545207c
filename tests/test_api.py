"""The public Python API: its surface, overrides, rendering, atomic writes and the registry."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import syndicate
from syndicate import registry
from syndicate.errors import OptionsError, UnknownFormatError, WriteError

from .conftest import SEED

EXPECTED_ALL = [
    "DEFAULT_RULES", "Article", "Author", "Collection", "Feed", "FeedEntry", "Metadata",
    "MissingDependencyError", "OptionsError", "Outlet", "ReadError", "Removed", "Rule",
    "StrictModeError", "SyndicateError", "UnknownFormatError", "WriteError", "__version__",
    "convert", "formats", "load", "make_feed", "parse", "render", "write",
]  # fmt: skip


def test_public_surface_is_pinned() -> None:
    assert sorted(syndicate.__all__) == sorted(EXPECTED_ALL)
    for name in syndicate.__all__:
        assert hasattr(syndicate, name), name
    assert callable(syndicate.formats)  # not shadowed by the syndicate.formats package


def test_error_tree() -> None:
    for name in ("ReadError", "UnknownFormatError", "OptionsError", "WriteError", "MissingDependencyError"):
        assert issubclass(getattr(syndicate, name), syndicate.SyndicateError)


def test_parse_with_overrides() -> None:
    article = syndicate.parse(
        SEED.read_bytes(),
        title="Kim and Putin meet at Vostochny",
        authors=["Amelia James <amelia@example.org>"],
        published="2023-09-13T10:00:00+03:00",
        tags="north korea, russia",
        canonical_url="https://example.org/kim-putin",
    )
    meta = article.meta
    assert meta.title == "Kim and Putin meet at Vostochny"
    assert meta.title_inferred is False
    assert meta.authors[0].email == "amelia@example.org"
    assert meta.published is not None and meta.published.utcoffset() is not None
    assert meta.tags == ("north korea", "russia")
    assert meta.slug == "kim-and-putin-meet-at-vostochny"
    # the id derives from the canonical URL: stable, not random
    assert (
        meta.id == syndicate.parse(SEED.read_bytes(), canonical_url="https://example.org/kim-putin").meta.id
    )


def test_ids_are_stable_and_content_derived() -> None:
    a = syndicate.load(SEED)
    b = syndicate.load(SEED)
    assert a.meta.id == b.meta.id and a.meta.id.startswith("urn:uuid:")
    c = syndicate.parse(SEED.read_text(encoding="utf-8") + "\nOne more paragraph at the very end.")
    assert c.meta.id != a.meta.id


def test_non_latin_slug_is_transliterated() -> None:
    article = syndicate.parse(
        "Путин встретился с Ким Чен Ыном\n\nТекст статьи идёт здесь, достаточно длинный."
    )
    assert article.meta.slug.startswith("putin-vstretilsia")
    assert article.meta.language == "ru"


def test_render_and_write(tmp_path: Path) -> None:
    article = syndicate.load(SEED)
    html = syndicate.render(article, "html")
    assert html.startswith(b"<!DOCTYPE html>")
    target = tmp_path / "sub" / "kim.html"
    syndicate.write(article, "html", target)
    assert target.read_bytes() == html
    stream = io.BytesIO()
    syndicate.write(article, "json", stream)
    assert syndicate.Article.from_dict(__import__("json").loads(stream.getvalue())) == article


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from syndicate import api

    target = tmp_path / "out.html"
    target.write_bytes(b"previous content")

    def explode(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(api.os, "replace", explode)
    with pytest.raises(WriteError, match="No space left on device"):
        api.atomic_write(target, b"new content")
    assert target.read_bytes() == b"previous content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_convert(tmp_path: Path) -> None:
    written = syndicate.convert([SEED], ["html", "json"], tmp_path)
    assert sorted(p.name for p in written) == ["kim-putin-vostochny.html", "kim-putin-vostochny.json"]


def test_unknown_format_and_option() -> None:
    article = syndicate.load(SEED)
    with pytest.raises(UnknownFormatError, match=r"available formats: .*html"):
        syndicate.render(article, "docx")
    with pytest.raises(OptionsError, match="has no option 'colour'"):
        syndicate.render(article, "html", colour="red")


def test_registry_lookup_by_name_and_extension() -> None:
    assert registry.get_writer("HTML").name == "html"
    assert registry.writer_for_path("out/page.html").name == "html"
    assert registry.reader_for_path("a.md").name == "text"
    assert registry.reader_for_path("a.json").name == "json"
    infos = {i.name: i for i in syndicate.formats()}
    assert infos["html"].available and infos["html"].media_type == "text/html"


def test_missing_dependency_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    writer = registry.get_writer("html")
    monkeypatch.setattr(type(writer), "requires", ("no_such_module_xyz",))
    with pytest.raises(syndicate.MissingDependencyError, match=r"pip install no_such_module_xyz"):
        registry.get_writer("html")
    info = next(i for i in registry.format_infos() if i.name == "html")
    assert not info.available and info.hint == "pip install no_such_module_xyz"


def test_json_reader_round_trip(tmp_path: Path) -> None:
    article = syndicate.load(SEED)
    path = tmp_path / "kim.json"
    syndicate.write(article, "json", path)
    assert syndicate.load(path) == article
    assert syndicate.load(path, title="Edited").meta.title == "Edited"


def test_entry_points_match_importlib_metadata() -> None:
    """The fast entry-point reader lists what importlib.metadata lists, for both groups."""
    from importlib import metadata

    from syndicate._entrypoints import entry_points

    for group in ("syndicate.formats", "syndicate.readers", "console_scripts"):
        ours = sorted((ep.name, ep.value) for ep in entry_points(group))
        theirs = sorted((ep.name, ep.value) for ep in metadata.entry_points(group=group))
        assert ours == theirs, group
