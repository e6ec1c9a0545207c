"""The document model: one immutable :class:`Article` that every reader produces and every writer reads.

The model is complete on construction (frozen, slotted dataclasses; tuples, aware datetimes) and
round-trips through :meth:`Article.to_dict` / :meth:`Article.from_dict`, the JSON contract documented in
``docs/json.md`` and versioned by :data:`SCHEMA_VERSION`.

Body text is a closed set of blocks (:data:`Block`) whose content is a sequence of inline spans
(:data:`Inline`), so that richer inputs can keep emphasis and links; every block and span also has its
plain ``text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

__all__ = [
    "REMOVED_KINDS",
    "SCHEMA_VERSION",
    "Article",
    "Author",
    "Block",
    "Code",
    "Collection",
    "Emphasis",
    "Evidence",
    "Feed",
    "FeedEntry",
    "Heading",
    "Inline",
    "Link",
    "ListBlock",
    "Metadata",
    "Outlet",
    "Paragraph",
    "Quote",
    "Removed",
    "Strong",
    "Text",
]

SCHEMA_VERSION = 1

#: The kinds of text the parser takes out of a body; ``Removed.kind`` is one of these.
REMOVED_KINDS = frozenset(
    {
        "author_bio",
        "byline",
        "call_to_action",
        "copyright",
        "dateline",
        "disclaimer",
        "photo_credit",
        "published_line",
        "read_also",
        "sign_off",
        "source",
        "syndication",
        "tags",
        "other",
    }
)


# --------------------------------------------------------------------------------------- inlines
@dataclass(frozen=True, slots=True)
class Text:
    """Plain text."""

    text: str

    @property
    def plain(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code, shown verbatim."""

    text: str

    @property
    def plain(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Emphasised spans (``<em>``)."""

    children: tuple[Inline, ...]

    @property
    def plain(self) -> str:
        return plain_text(self.children)


@dataclass(frozen=True, slots=True)
class Strong:
    """Strongly emphasised spans (``<strong>``)."""

    children: tuple[Inline, ...]

    @property
    def plain(self) -> str:
        return plain_text(self.children)


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink around spans."""

    children: tuple[Inline, ...]
    url: str

    @property
    def plain(self) -> str:
        return plain_text(self.children)


Inline: TypeAlias = Text | Code | Emphasis | Strong | Link


def plain_text(inlines: Iterable[Inline]) -> str:
    """The text of spans without markup."""
    return "".join(span.plain for span in inlines)


def inlines_of(text: str) -> tuple[Inline, ...]:
    """Spans for a plain string (one ``Text``, or none for the empty string)."""
    return (Text(text),) if text else ()


# ---------------------------------------------------------------------------------------- blocks
@dataclass(frozen=True, slots=True)
class Heading:
    """A subheading; level 2 is the first level below the article title."""

    level: int
    inlines: tuple[Inline, ...]

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 6:
            raise ValueError(f"heading level must be 1..6, not {self.level}")

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of running text."""

    inlines: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass(frozen=True, slots=True)
class Quote:
    """A block quotation, with an optional attribution."""

    inlines: tuple[Inline, ...]
    cite: str | None = None

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass(frozen=True, slots=True)
class ListBlock:
    """A bulleted or numbered list; each item is a sequence of spans."""

    items: tuple[tuple[Inline, ...], ...]
    ordered: bool = False

    @property
    def text(self) -> str:
        return "\n".join(plain_text(item) for item in self.items)


Block: TypeAlias = Heading | Paragraph | Quote | ListBlock


# -------------------------------------------------------------------------------------- metadata
@dataclass(frozen=True, slots=True)
class Author:
    """A person credited with the article."""

    name: str
    bio: str | None = None
    url: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Outlet:
    """A publication, e.g. the outlet where a syndicated article first appeared."""

    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input that the parser took out of the body, and why.

    ``rule`` names the rule that removed it and ``confidence`` (0 to 1) says how sure that rule is;
    both appear in the JSON only in the optional ``provenance`` map (``to_dict(explain=True)``).
    """

    kind: str
    text: str
    rule: str = field(default="", compare=False)
    confidence: float = field(default=1.0, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in REMOVED_KINDS:
            raise ValueError(f"unknown removed kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a metadata field has its value: the rule, how sure it is (0 to 1), and the input it read."""

    field: str
    rule: str
    confidence: float
    text: str = ""


@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything known about an article besides its body.

    ``id`` is stable across runs (derived from the canonical URL or the content), ``slug`` is safe as a
    file name, and the dates are timezone-aware or ``None``.
    """

    title: str
    id: str
    slug: str
    language: str = "und"
    title_inferred: bool = False
    subtitle: str | None = None
    authors: tuple[Author, ...] = ()
    publisher: str | None = None
    source: str | None = None
    original: Outlet | None = None
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    summary: str = ""
    tags: tuple[str, ...] = ()
    canonical_url: str | None = None
    word_count: int = 0
    reading_minutes: int = 0

    def __post_init__(self) -> None:
        for name in ("published", "updated"):
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")
        if not self.title.strip():
            raise ValueError("title must not be empty")
        if not self.id or not self.slug:
            raise ValueError("id and slug must not be empty")


# --------------------------------------------------------------------------------------- article
@dataclass(frozen=True, slots=True)
class Article:
    """One article: metadata, body blocks, and what was removed from the body."""

    meta: Metadata
    blocks: tuple[Block, ...]
    removed: tuple[Removed, ...] = ()
    #: one entry per metadata field the reader found or derived (see :class:`Evidence`)
    provenance: tuple[Evidence, ...] = field(default=(), compare=False)

    @property
    def text(self) -> str:
        """The body as plain text, one block per paragraph."""
        return "\n\n".join(block.text for block in self.blocks)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The JSON contract (schema version 1); see ``docs/json.md``.

        With ``explain``, an optional ``provenance`` map is added: which rule produced each metadata
        field and each removed piece, with what confidence. Version 1 readers may ignore it.
        """
        m = self.meta
        data = {
            "schema_version": SCHEMA_VERSION,
            "title": m.title,
            "title_inferred": m.title_inferred,
            "subtitle": m.subtitle,
            "authors": [{"name": a.name, "bio": a.bio, "url": a.url, "email": a.email} for a in m.authors],
            "publisher": m.publisher,
            "source": m.source,
            "original": None if m.original is None else {"name": m.original.name, "url": m.original.url},
            "language": m.language,
            "published": _iso(m.published),
            "updated": _iso(m.updated),
            "summary": m.summary,
            "tags": list(m.tags),
            "word_count": m.word_count,
            "reading_minutes": m.reading_minutes,
            "id": m.id,
            "slug": m.slug,
            "canonical_url": m.canonical_url,
            "body": [_block_to_dict(b) for b in self.blocks],
            "removed": [{"kind": r.kind, "text": r.text} for r in self.removed],
        }
        if explain:
            data["provenance"] = {
                "fields": {
                    e.field: {"rule": e.rule, "confidence": e.confidence, "text": e.text}
                    for e in self.provenance
                },
                "removed": [{"rule": r.rule, "confidence": r.confidence} for r in self.removed],
            }
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict` output; raises ``ValueError`` on malformed data."""
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {version!r} (expected {SCHEMA_VERSION})")
        try:
            original = data.get("original")
            if original is not None and not isinstance(original, Mapping):
                raise ValueError(f"original must be an object with a name, not {original!r}")
            authors = _items(data, "authors", Mapping)
            meta = Metadata(
                title=_text(data, "title", required=True),
                id=_text(data, "id", required=True),
                slug=_text(data, "slug", required=True),
                language=_text(data, "language") or "und",
                title_inferred=bool(data.get("title_inferred", False)),
                subtitle=_text(data, "subtitle"),
                authors=tuple(
                    Author(
                        name=_text(a, "name", required=True),
                        bio=_text(a, "bio"),
                        url=_text(a, "url"),
                        email=_text(a, "email"),
                    )
                    for a in authors
                ),
                publisher=_text(data, "publisher"),
                source=_text(data, "source"),
                original=None
                if original is None
                else Outlet(name=_text(original, "name", required=True), url=_text(original, "url")),
                published=_parse_iso(data.get("published")),
                updated=_parse_iso(data.get("updated")),
                summary=_text(data, "summary") or "",
                tags=tuple(_items(data, "tags", str)),
                canonical_url=_text(data, "canonical_url"),
                word_count=int(data.get("word_count", 0)),
                reading_minutes=int(data.get("reading_minutes", 0)),
            )
            blocks = tuple(_block_from_dict(b) for b in data.get("body", ()))
            explained = data.get("provenance") or {}
            why = list(explained.get("removed", ()))
            removed = tuple(
                Removed(
                    kind=str(r["kind"]),
                    text=str(r["text"]),
                    rule=str(why[i]["rule"]) if i < len(why) else "",
                    confidence=float(why[i]["confidence"]) if i < len(why) else 1.0,
                )
                for i, r in enumerate(data.get("removed", ()))
            )
            provenance = tuple(
                Evidence(str(name), str(e["rule"]), float(e["confidence"]), str(e.get("text", "")))
                for name, e in (explained.get("fields") or {}).items()
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"malformed article data: {exc!r}") from exc
        return cls(meta=meta, blocks=blocks, removed=removed, provenance=provenance)


@dataclass(frozen=True, slots=True)
class Collection:
    """Several articles bound together (an anthology for EPUB/PDF, the entries of a feed)."""

    title: str
    articles: tuple[Article, ...]
    language: str | None = None
    publisher: str | None = None
    description: str | None = None
    authors: tuple[Author, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One article in a feed: where it lives and the date the feed shows for it.

    ``date`` is the article's ``updated`` or ``published`` date, or the documented fallback
    (``SOURCE_DATE_EPOCH``, else the input file's modification time) when it has neither.
    """

    article: Article
    link: str
    date: dt.datetime

    def __post_init__(self) -> None:
        if self.date.utcoffset() is None:
            raise ValueError("feed entry dates must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Feed:
    """A syndication feed: channel metadata and entries, newest first (ties broken by id).

    Build one with :func:`syndicate.feeds.make_feed`, which derives links, dates and order.
    """

    title: str
    link: str
    entries: tuple[FeedEntry, ...]
    description: str | None = None
    language: str | None = None
    authors: tuple[Author, ...] = ()
    icon: str | None = None
    logo: str | None = None
    rights: str | None = None
    generator: str = "syndicate"

    @property
    def updated(self) -> dt.datetime | None:
        """The newest entry date: the feed's ``updated`` / ``lastBuildDate``."""
        return max((e.date for e in self.entries), default=None)


# ----------------------------------------------------------------------------------- serialising
def _text(data: Mapping[str, Any], key: str, required: bool = False) -> Any:
    """A string field (or ``None`` when optional); anything else is a ``ValueError`` naming the key."""
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"{key!r} must be {'a non-empty' if required else 'a'} string, not {value!r}")
    return value


def _items(data: Mapping[str, Any], key: str, kind: type) -> list[Any]:
    """A list field whose items are all ``kind``."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        raise ValueError(f"{key!r} must be a list of {kind.__name__} items, not {value!r}")
    return value


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _parse_iso(value: object) -> dt.datetime | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(str(value))
    if parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def _inline_to_dict(span: Inline) -> dict[str, Any]:
    match span:
        case Text(text):
            return {"type": "text", "text": text}
        case Code(text):
            return {"type": "code", "text": text}
        case Emphasis(children):
            return {"type": "emphasis", "inlines": [_inline_to_dict(c) for c in children]}
        case Strong(children):
            return {"type": "strong", "inlines": [_inline_to_dict(c) for c in children]}
        case Link(children, url):
            return {"type": "link", "url": url, "inlines": [_inline_to_dict(c) for c in children]}
    raise TypeError(f"not an inline: {span!r}")  # pragma: no cover - closed union


def _inline_from_dict(data: Mapping[str, Any]) -> Inline:
    kind = data["type"]
    if kind == "text":
        return Text(str(data["text"]))
    if kind == "code":
        return Code(str(data["text"]))
    children = tuple(_inline_from_dict(c) for c in data.get("inlines", ()))
    if kind == "emphasis":
        return Emphasis(children)
    if kind == "strong":
        return Strong(children)
    if kind == "link":
        return Link(children, str(data["url"]))
    raise ValueError(f"unknown inline type {kind!r}")


def _spans(items: Sequence[Inline]) -> list[dict[str, Any]]:
    return [_inline_to_dict(s) for s in items]


def _block_to_dict(block: Block) -> dict[str, Any]:
    match block:
        case Heading(level, inlines):
            return {
                "type": "heading",
                "level": level,
                "text": block.text,
                "inlines": _spans(inlines),
            }
        case Paragraph(inlines):
            return {"type": "paragraph", "text": block.text, "inlines": _spans(inlines)}
        case Quote(inlines, cite):
            return {"type": "quote", "text": block.text, "cite": cite, "inlines": _spans(inlines)}
        case ListBlock(items, ordered):
            return {
                "type": "list",
                "ordered": ordered,
                "text": block.text,
                "items": [{"text": plain_text(i), "inlines": _spans(i)} for i in items],
            }
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - closed union


def _inlines(data: Mapping[str, Any]) -> tuple[Inline, ...]:
    if "inlines" in data:
        return tuple(_inline_from_dict(s) for s in data["inlines"])
    return inlines_of(str(data.get("text", "")))


def _block_from_dict(data: Mapping[str, Any]) -> Block:
    kind: Literal["heading", "paragraph", "quote", "list"] = data["type"]
    if kind == "heading":
        return Heading(int(data["level"]), _inlines(data))
    if kind == "paragraph":
        return Paragraph(_inlines(data))
    if kind == "quote":
        return Quote(_inlines(data), data.get("cite"))
    if kind == "list":
        return ListBlock(tuple(_inlines(i) for i in data["items"]), bool(data.get("ordered")))
    raise ValueError(f"unknown block type {kind!r}")
