"""Markdown: the article as CommonMark text that the text reader reads back to the same body."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Literal

from ..errors import WriteError
from ..model import (
    Article,
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

__all__ = ["MarkdownWriter", "to_markdown"]


def _inlines(spans: Iterable[Inline]) -> str:
    out = []
    for span in spans:
        match span:
            case Text(text):
                out.append(text)
            case Code(text):
                out.append(f"`{text}`")
            case Emphasis(children):
                out.append(f"*{_inlines(children)}*")
            case Strong(children):
                out.append(f"**{_inlines(children)}**")
            case Link(children, url):
                out.append(f"[{_inlines(children)}]({url})")
    return "".join(out)


def to_markdown(article: Article) -> str:
    meta = article.meta
    parts = [f"# {meta.title}"]
    if meta.authors:
        parts.append("By " + " and ".join(a.name for a in meta.authors))
    for block in article.blocks:
        match block:
            case Heading(level, inlines):
                parts.append(f"{'#' * level} {_inlines(inlines)}")
            case Paragraph(inlines):
                parts.append(_inlines(inlines))
            case Quote(inlines, cite):
                parts.append(f"> {_inlines(inlines)}" + (f"\n>\n> — {cite}" if cite else ""))
            case ListBlock(items, ordered):
                parts.append(
                    "\n".join(
                        f"{f'{i}.' if ordered else '-'} {_inlines(item)}" for i, item in enumerate(items, 1)
                    )
                )
    # Credits in the canonical form the text reader takes back into metadata.
    if meta.original is not None:
        parts.append(f"Originally published by {meta.original.name}.")
    if meta.source:
        parts.append(f"Source: {meta.source}")
    return "\n\n".join(parts) + "\n"


class MarkdownWriter:
    """CommonMark text: title, byline, body, then credit lines (author bios are not written)."""

    name: ClassVar[str] = "markdown"
    extension: ClassVar[str] = "md"
    media_type: ClassVar[str] = "text/markdown"
    kind: ClassVar[Literal["document", "feed"]] = "document"
    bundles: ClassVar[bool] = False
    requires: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = "CommonMark text"
    options: ClassVar[Mapping[str, Any]] = {}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        if not isinstance(obj, Article):
            raise WriteError("the markdown format writes one article at a time, not a collection or feed")
        return to_markdown(obj).encode("utf-8")
