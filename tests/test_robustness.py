"""Defects found in review, each pinned: user mistakes are one-line errors, nothing is lost or escapes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import syndicate
from syndicate.cli import main

from .conftest import SEED

ARTICLE = "Harbour plans approved\n\nThe council approved the harbour plans on Monday after a long debate.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_api_convert_never_overwrites_an_input(tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(syndicate.OptionsError, match="is an input"):
        syndicate.convert([source], "markdown", tmp_path)
    assert source.read_text(encoding="utf-8") == ARTICLE
    assert [p.name for p in syndicate.convert(str(source), "html", tmp_path / "out")] == ["story.html"]


@pytest.mark.parametrize(
    "text",
    ["The formula is 5 * 3 * 2 = 30.", r"Files like C:\temp\*.txt and the glob *.md are matched."],
)
def test_asterisks_in_plain_text_are_kept(text: str) -> None:
    article = syndicate.parse(f"Headline here\n\n{text}")
    assert article.blocks[0].text == text
    assert [type(span).__name__ for span in article.blocks[0].inlines] == ["Text"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "slug=../escaped"], "slug must be a plain file name"),
        (["--set", "canonical_url=javascript:alert(1)"], "must be an absolute http(s) URL"),
        (["--set", "language=not a tag"], "BCP 47"),
        (["--max-size", "nan"], "expected a size in MB"),
        (["--max-size", "0"], "expected a size in MB"),
        (["-j", "0"], "at least 1"),
        (["-O", "fragment=maybe"], "takes a bool"),
        (["--bundle", "Book"], "--bundle needs a format that makes one book"),
    ],
)
def test_usage_mistakes_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["convert", str(SEED), "--to", "html", "-q", *args, "-o", str(tmp_path)], capsys)
    assert code == 2, err
    assert message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--site-url", "https://e.org/blog?x=1"], "no ?query or #fragment"),
        (["--site-url", "https://e.org", "--feed-name", ""], "--feed-name must be a plain file name"),
        (["--site-url", "https://e.org", "--link-template", "{slug.x}"], "--link-template"),
        (["--site-url", "https://e.org", "--link-template", "posts/{slug}"], "absolute http(s) links"),
    ],
)
def test_feed_mistakes_exit_2(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["convert", str(SEED), "--to", "rss", "--feed-title", "T", "-q", *args, "-o", str(tmp_path)]
    code, _, err = run(argv, capsys)
    assert code == 2, err
    assert message in err


def test_sidecar_original_without_a_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"original": {"url": "https://x.example"}}', encoding="utf-8")
    code, _, err = run(["inspect", str(tmp_path / "a.txt")], capsys)
    assert code == 2
    assert "original needs a name" in err and "a.txt" in err


@pytest.mark.parametrize(
    ("change", "message"),
    [({"title": None}, "'title' must be a non-empty string"), ({"tags": "abc"}, "'tags' must be a list")],
)
def test_malformed_json_articles_are_read_errors(
    change: dict[str, object], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = syndicate.load(SEED).to_dict()
    data.update(change)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(["convert", str(path), "--to", "html", "-o", str(tmp_path / "out")], capsys)
    assert code == 2
    assert message in err


def test_json_on_stdin_is_read_as_json(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = syndicate.load(SEED)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(syndicate.render(article, "json"))))
    code, out, _ = run(["inspect", "-", "--json", "-q"], capsys)
    assert code == 0
    assert syndicate.Article.from_dict(json.loads(out)) == article


def test_folders_take_text_articles_not_earlier_json_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):  # the second run must not pick up a.json or feed.json from the first
        code, _, err = run(
            ["convert", str(tmp_path), "--to", "html,json,jsonfeed", "--site-url", "https://e.org",
             "--feed-title", "T", "--set", "published=2024-01-01", "-q", "-o", str(tmp_path)],
            capsys,
        )  # fmt: skip
        assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.json", "a.txt", "feed.json"]


def test_scripts_without_case_have_headlines_and_short_russian_has_a_language() -> None:
    arabic = syndicate.parse(
        "عنوان المقال هنا\n\nهذا نص المقال باللغة العربية وهو طويل بما يكفي للكشف عن اللغة."
    )
    assert (arabic.meta.title, arabic.meta.title_inferred) == ("عنوان المقال هنا", False)
    chinese = syndicate.parse(
        "北京举行新闻发布会\n\n今天下午，北京市政府举行新闻发布会，介绍了最新的交通规划和城市建设情况。"
    )
    assert chinese.meta.title == "北京举行新闻发布会" and chinese.meta.word_count > 20
    russian = syndicate.parse(
        "Заголовок\n\nВ понедельник городской совет утвердил новый план развития порта после долгих споров."
    )
    assert russian.meta.language == "ru"


def test_an_invalid_source_date_epoch_is_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from syndicate.normalize import _warn_epoch

    _warn_epoch.cache_clear()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "garbage")
    argv = ["convert", str(SEED), "--to", "rss", "--site-url", "https://e.org", "--feed-title", "T"]
    code, _, err = run([*argv, "--set", "title=T", "--strict", "-o", str(tmp_path)], capsys)
    assert code == 1
    assert "SOURCE_DATE_EPOCH='garbage' is not a number of seconds" in err


def test_empty_original_url_leaves_no_empty_credit() -> None:
    article = syndicate.load(SEED, original_url="")
    assert article.meta.original is not None and article.meta.original.url is None
    assert b"First published by Zeit Online" in syndicate.render(article, "html")


def test_svg_cover_with_an_external_entity_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cover = tmp_path / "cover.svg"
    cover.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>&x;</title></svg>\n',
        encoding="utf-8",
    )
    code, _, err = run(
        ["convert", str(SEED), "--to", "epub", "--cover", str(cover), "-q", "-o", str(tmp_path / "o")], capsys
    )
    assert code == 2
    assert "DOCTYPE or entities" in err
    assert not (tmp_path / "o").exists()
