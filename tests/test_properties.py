"""Property tests for the reader: it never crashes, and loses nothing."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import syndicate
from syndicate.boilerplate import DEFAULT_RULES, first_match
from syndicate.errors import ReadError

WORDS = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "Source: Example Wire",
                "Soource :Watson",
                "By Ann Example",
                "This article first appeared on Example Online.",
                "BERLIN (Reuters) - The start.",
                "Read more: elsewhere",
                "© 2024 Example",
                "A short heading",
                "- a list item",
                "# Title",
                "## Part",
                "(Reporting by A; Editing by B)",
            ]
        ),
        st.text(alphabet="abcdefghij KLMNOP.,:;!?-–()'\"\t", min_size=1, max_size=120),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(WORDS)
def test_never_raises_on_arbitrary_text(text: str) -> None:
    try:
        article = syndicate.parse(text)
    except ReadError:
        return  # a clear, expected error (e.g. no text at all); anything else fails the test
    assert article.meta.title
    assert article.blocks


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_nothing_is_silently_lost(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        article = syndicate.parse(text)
    except ReadError:
        return
    kept = " ".join(
        [article.meta.title if not article.meta.title_inferred else ""]
        + [b.text for b in article.blocks]
        + [r.text for r in article.removed]
    )
    # every non-space character of the input is in the title, the body or `removed`, as a multiset
    # (bullets, Markdown markers and the dash after a dateline are markup, not text)
    markup = r"[\s\-*•·▪–—#>]"
    assert sorted(re.sub(markup, "", kept)) == sorted(re.sub(markup, "", text))


@settings(max_examples=150, deadline=None)
@given(LINES)
@example(["Source: Example Wire"] * 3 + ["K", "BERLIN (Reuters) - The start."])  # source line vs dateline
# a closing credit that is also the second line: the dateline after it is still the lead's
@example(["By Ann Example", "(Reporting by A; Editing by B)", "BERLIN (Reuters) - The start."])
@example([":", "–Kb"])  # a name signed under the text is written back as a byline the reader knows
def test_markdown_rendering_parses_to_the_same_body(lines: list[str]) -> None:
    try:
        article = syndicate.parse("\n".join(lines))
    except ReadError:
        return
    zones = ("head", "tail", "body")
    if any(first_match(DEFAULT_RULES, b.text, zone) for b in article.blocks for zone in zones):
        return  # a body that is itself credit-shaped was kept only because nothing else was left
    again = syndicate.parse(syndicate.render(article, "markdown"))
    assert (again.meta.source, again.meta.original) == (article.meta.source, article.meta.original)
    assert [b.text for b in again.blocks] == [b.text for b in article.blocks]
    assert [type(b) for b in again.blocks] == [type(b) for b in article.blocks]
