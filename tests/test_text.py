"""Decoding and paragraph segmentation of raw text."""

from __future__ import annotations

import codecs

import pytest

import syndicate
from syndicate.errors import ReadError
from syndicate.text.decode import clean_text, decode
from syndicate.text.segment import segment

TEXT = "Café “naïve” résumé — Grüße"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
        (TEXT + " and some more plain words to detect the encoding well").encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be-bom", "cp1252"],
)
def test_encodings(data: bytes) -> None:
    assert decode(data).startswith(TEXT)


def test_latin1_german() -> None:
    data = "Grüße aus München, schöne Straße und viele Bäume am Fluss.".encode("latin-1")
    assert decode(data) == "Grüße aus München, schöne Straße und viele Bäume am Fluss."


def test_cyrillic_legacy_encoding() -> None:
    text = "Привет, как дела? Это статья о новостях и политике в мире."
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"%PDF-1.7\n...", "PDF document"),
        (b"text\x00with\x00nuls", "NUL bytes"),
        ("café".encode() + b"\xff\xfe rest", "not valid UTF-8: byte 0xff at offset 5"),
    ],
)
def test_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(ReadError, match=message):
        decode(data)


def test_explicit_encoding() -> None:
    assert decode("Grüße".encode("cp1252"), "cp1252") == "Grüße"
    with pytest.raises(ReadError, match="unknown encoding"):
        decode(b"x", "no-such-codec")


def test_clean_text() -> None:
    raw = "a\r\nb\rc\u200bd\u00ade\x07f\u00a0g\ufeff"
    assert clean_text(raw) == "a\nb\ncdef g"
    assert clean_text("e\u0301") == "é"  # NFC


def test_one_paragraph_per_line() -> None:
    text = "First paragraph is here.\nSecond paragraph is here.\nA heading\nThird one."
    assert [s.text for s in segment(text)] == [
        "First paragraph is here.",
        "Second paragraph is here.",
        "A heading",
        "Third one.",
    ]


def test_blank_line_separated() -> None:
    text = "Para one, line.\n\n\nPara two.\n\nPara three."
    assert [s.text for s in segment(text)] == ["Para one, line.", "Para two.", "Para three."]


WRAPPED = """\
The government said on Monday that it would raise taxes on tobacco and
alcohol next year to help close a budget gap, a move that drew sharp
criticism from the opposition parties.
    Finance minister Ann Example said the measures were needed. She
added that more cuts would follow in the spring.

Opposition reacts
The opposition said the plan would hurt families and small firms
across the country and called for a vote in parliament.
"""


def test_hard_wrapped_wire_copy_is_unwrapped() -> None:
    assert [s.text for s in segment(WRAPPED)] == [
        "The government said on Monday that it would raise taxes on tobacco and alcohol next year "
        "to help close a budget gap, a move that drew sharp criticism from the opposition parties.",
        "Finance minister Ann Example said the measures were needed. She added that more cuts "
        "would follow in the spring.",
        "Opposition reacts",
        "The opposition said the plan would hurt families and small firms across the country and "
        "called for a vote in parliament.",
    ]


def test_wrapped_article_parses_with_subheading() -> None:
    article = syndicate.parse("Taxes to rise next year\n\n" + WRAPPED)
    kinds = [type(b).__name__ for b in article.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Heading", "Paragraph"]


def test_markdown_headings_and_lists() -> None:
    article = syndicate.parse(
        "# Title here\n\nIntro paragraph with **bold** and *em* words.\n\n## Part\n\n- one\n- two\n\nEnd."
    )
    assert article.meta.title == "Title here"
    assert article.meta.title_inferred is False
    data = article.to_dict()["body"]
    assert [b["type"] for b in data] == ["paragraph", "heading", "list", "paragraph"]
    assert [i["type"] for i in data[0]["inlines"]] == ["text", "strong", "text", "emphasis", "text"]
    assert data[2]["items"][1]["text"] == "two"


def test_empty_input_is_an_error() -> None:
    with pytest.raises(ReadError, match="no text"):
        syndicate.parse(b"   \n\n  ")


def test_wrapped_prose_whose_lines_start_with_capitals_is_rejoined() -> None:
    text = (
        "Hollywood stars including Spike Lee, Burt Reynolds and Oscar nominee\n"
        "Alan Alda have paid tribute to actor Ossie Davis at a funeral in New\n"
        "York. The Rev Jesse Jackson and many others spoke at the service, which\n"
        "Davis's family had planned for more than a week, friends said later.\n"
    )
    assert [s.text[:22] for s in segment(text)] == ["Hollywood stars includ"]


def test_short_title_lines_that_start_with_capitals_are_items() -> None:
    text = "related Links\nIdentifying Fake-News Articles and Websites\n'Ruins of Ancient City Found'\n"
    text += "Fake Picture: 'The Snake Girl' - A Hoax\nWhat's New Top Ten Special Features Subscribe\n"
    assert len(segment(text)) == 5


def test_short_lines_run_together_in_text_of_long_lines_are_separate() -> None:
    long = "A paragraph of the story that runs on one line, as exported copy does, " * 3
    pair = "Singer Cries For Her Friend And Fans Wonder Why\nExample Life"
    # a wrapped pair in hard-wrapped text is one paragraph; beside lines no editor wraps, two lines
    assert len(segment(f"{pair}\n\nMore of the text.\n")) == 2
    assert [s.text for s in segment(f"{long}\n\n{pair}\n\n{long}\n")][1:3] == pair.split("\n")
    wrapped = "the lines of a quoted letter, hard wrapped at about sixty\ncolumns by whoever sent it in\n"
    assert segment(f"{long}\n\n{wrapped}\n{long}\n")[1].text == " ".join(wrapped.split())


def test_a_short_header_may_stand_above_such_lines() -> None:
    long = "A paragraph of the story that runs on one line, as exported copy does, " * 3
    box = "Related\nCouncil earnings beat analysts' expectations\n"
    box += "City partnership launches first apps with big help\nAdvertisement"
    assert [s.text for s in segment(f"{long}\n\n{box}\n\n{long}\n")][1:5] == box.split("\n")
    # four such lines under a longer first line stay one paragraph, as before: a quote wrapped short
    quote = "We came here in the spring of that year\nBecause the town by the river was the place\n"
    quote += "Where our parents had met before the war\nAnd where they wanted us to grow up"
    assert segment(f"{long}\n\n{quote}\n\n{long}\n")[1].text == " ".join(quote.split())


def test_a_short_line_that_breaks_off_mid_phrase_is_continued_by_the_next() -> None:
    long = "A paragraph of the story that runs on one line, as exported copy does, " * 3
    wrapped = "In a letter to parents, the superintendent said that\nOakwood Elementary would stay open."
    segments = segment(f"{long}\n\n{wrapped}\n\n{long}\n")
    assert [s.text for s in segments][1] == " ".join(wrapped.split())


def test_a_line_that_runs_page_elements_together_knows_its_pieces() -> None:
    (seg,) = segment("CEN   Tragic: Doctors said the boy was lucky to be alive\n")
    assert seg.text == "CEN Tragic: Doctors said the boy was lucky to be alive"
    assert seg.pieces == ("CEN", "Tragic: Doctors said the boy was lucky to be alive")
    # three spaces before a word in lower case, or in an indented (code) line, are no seam
    assert segment("He said   that it was over\n")[0].pieces == ()
    assert segment("    x = 1   # a comment\n")[0].pieces == ()
