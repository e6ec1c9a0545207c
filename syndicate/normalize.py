"""Metadata normalization: language, summary, counts, slug, stable id, dates and caller overrides.

These are pure functions; :func:`build_metadata` is the one place a :class:`~syndicate.model.Metadata`
is assembled from what a reader found plus what the caller said, so every reader derives fields alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .errors import OptionsError
from .model import Author, Block, Evidence, Metadata, Outlet, Paragraph

__all__ = [
    "OVERRIDE_KEYS",
    "Found",
    "build_metadata",
    "detect_language",
    "override_metadata",
    "parse_date",
    "slugify",
    "source_date_epoch",
    "summarize",
]

#: Namespace for content-derived article ids (uuid5); never change it, ids depend on it.
SYNDICATE_NAMESPACE = bytes.fromhex("6f1c3b0e5d1a5c439a570d1f3b6e2a11")
#: RFC 4122's namespace for URLs (uuid.NAMESPACE_URL).
_NAMESPACE_URL = bytes.fromhex("6ba7b8119dad11d180b400c04fd430c8")


def uuid5(namespace: bytes, name: str) -> str:
    """RFC 4122 version-5 UUID text, as :func:`uuid.uuid5` makes it.

    Written out because importing :mod:`uuid` also imports :mod:`platform` on every start-up.
    """
    import hashlib

    digest = bytearray(hashlib.sha1(namespace + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


WORDS_PER_MINUTE = 230
SUMMARY_CHARS = 300

#: Keys a caller may override (``parse(..., title=...)``, ``--set title=...``, sidecar files).
OVERRIDE_KEYS = frozenset(
    {
        "title",
        "subtitle",
        "authors",
        "author",
        "publisher",
        "source",
        "original",
        "original_url",
        "language",
        "published",
        "updated",
        "summary",
        "tags",
        "canonical_url",
        "slug",
        "id",
    }
)

#: Zone abbreviations common in English-language datelines (seconds east of UTC).
_ZONES = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800,
    "ET": -18000, "EST": -18000, "EDT": -14400, "CT": -21600, "CST": -21600, "CDT": -18000,
    "MT": -25200, "MST": -25200, "MDT": -21600, "PT": -28800, "PST": -28800, "PDT": -25200,
    "IST": 19800, "JST": 32400, "AEST": 36000, "AEDT": 39600,
}  # fmt: skip

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9À-ÖØ-Þ])")


@dataclass(slots=True)
class Found:
    """What a reader learned about the article before normalization (mutable while reading only)."""

    title: str | None = None
    title_inferred: bool = False
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    publisher: str | None = None
    source: str | None = None
    original: Outlet | None = None
    published: dt.datetime | None = None
    updated: dt.datetime | None = None
    tags: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    language: str | None = None
    summary: str | None = None
    #: why each field has its value, by field name (the first reason found wins; overrides replace it)
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def because(self, name: str, rule: str, confidence: float, text: str = "") -> None:
        """Record why ``name`` got its value, unless a reason is already known."""
        self.evidence.setdefault(name, Evidence(name, rule, confidence, text))


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as an aware UTC datetime, or ``None`` when unset.

    An invalid value (not a whole number of seconds from 0 to year 9999) is ignored with a warning, so
    ``--strict`` builds fail instead of silently losing reproducibility.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        seconds = int(raw)
        if seconds < 0:
            raise ValueError(raw)
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (ValueError, OverflowError, OSError):
        _warn_epoch(raw)
        return None


@functools.cache
def _warn_epoch(raw: str) -> None:
    logging.getLogger("syndicate").warning(
        "SOURCE_DATE_EPOCH=%r is not a number of seconds since 1970; it is ignored", raw
    )


def parse_date(text: str) -> dt.datetime | None:
    """A date or date-time in ISO 8601 or a common written form; naive values are taken as UTC."""
    text = text.strip()
    if not text or not re.search(r"\d", text):
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from dateutil import parser as dateparser

        try:
            dayfirst = bool(re.match(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b", text))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # dateutil warns about zone names it does not know
                value = dateparser.parse(
                    text, dayfirst=dayfirst, fuzzy=False, default=dt.datetime(2000, 1, 1), tzinfos=_ZONES
                )
        except (ValueError, OverflowError):
            return None
        if value is None:
            return None
    if value.utcoffset() is None:
        value = value.replace(tzinfo=dt.UTC)
    return value


def detect_language(text: str) -> tuple[str, float] | None:
    """The BCP 47 code of the text's language and CLD2's confidence (0 to 1), or ``None`` when unsure."""
    import pycld2

    try:
        reliable, _, details = pycld2.detect(text[:2500], isPlainText=True)
    except pycld2.error:
        return None
    code = str(details[0][1])
    percent = float(details[0][2])
    # CLD2 calls short texts unreliable even when one language has most of them.
    if code in ("un", "xxx") or not (reliable or percent >= 60):
        return None
    return {"iw": "he", "in": "id", "jw": "jv"}.get(code, code), round(
        percent / 100 * (1 if reliable else 0.8), 2
    )


def sentences(text: str) -> list[str]:
    """A simple sentence split (good enough for leads and summaries)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def summarize(blocks: Sequence[Block], limit: int = SUMMARY_CHARS) -> str:
    """The lead: whole sentences of the first paragraph(s) up to ``limit`` characters."""
    for block in blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            out = ""
            for sentence in sentences(block.text):
                candidate = f"{out} {sentence}".strip()
                if len(candidate) > limit:
                    break
                out = candidate
            if out:
                return out
            cut = block.text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
            return cut + "…"
    return ""


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def count_words(blocks: Sequence[Block]) -> int:
    """Whitespace-separated words, as word processors count them; each Chinese or Japanese character
    counts as a word (those scripts put no spaces between words)."""
    text = "\n".join(block.text for block in blocks)
    if not text.isascii() and _CJK.search(text):
        return len(_CJK.findall(text)) + len(_CJK.sub(" ", text).split())
    return len(text.split())


#: Typographic punctuation that says nothing in a slug: dropped (apostrophes) or a word break.
_PUNCTUATION = str.maketrans(
    {"’": None, "‘": " ", "“": " ", "”": " ", "«": " ", "»": " ", "—": " ", "–": " ", "…": " "}
)


def slugify(text: str, max_length: int = 80) -> str:
    """A lowercase ASCII file-name-safe slug (transliterating other scripts).

    Text that is Latin once accents are stripped is slugged here; anything else (Cyrillic, Greek, CJK,
    "ß") goes to python-slugify, whose transliteration tables take ~10 ms to load.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    if not stripped.isascii():
        from slugify import slugify as _slugify

        return str(_slugify(text, max_length=max_length, word_boundary=True, save_order=True))
    stripped = re.sub(r"(?<=\d),(?=\d)", "", stripped.replace("'", ""))
    words = re.findall(r"[a-z0-9]+", stripped.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "-".join(words)[:max_length]


def article_id(canonical_url: str | None, title: str, blocks: Sequence[Block]) -> str:
    """A stable id: uuid5 of the canonical URL when known, else of the title and body text."""
    if canonical_url:
        return f"urn:uuid:{uuid5(_NAMESPACE_URL, canonical_url)}"
    body = "\n".join(block.text for block in blocks)
    return f"urn:uuid:{uuid5(SYNDICATE_NAMESPACE, title + chr(10) + body)}"


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, Sequence):
        return [str(part).strip() for part in value if str(part).strip()]
    raise OptionsError(f"expected a list or comma-separated text, not {value!r}")


def _author(value: Any) -> Author:
    if isinstance(value, Author):
        return value
    if isinstance(value, Mapping):
        if "name" not in value:
            raise OptionsError(f"an author needs a name: {dict(value)!r}")
        return Author(
            name=str(value["name"]),
            bio=value.get("bio"),
            url=value.get("url"),
            email=value.get("email"),
        )
    text = str(value).strip()
    m = re.fullmatch(r"(.+?)\s*<([^<>@\s]+@[^<>\s]+)>", text)
    return Author(name=m.group(1), email=m.group(2)) if m else Author(name=text)


def _date(key: str, value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.utcoffset() is not None else value.replace(tzinfo=dt.UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    parsed = parse_date(str(value))
    if parsed is None:
        raise OptionsError(f"{key}: cannot read {value!r} as a date (use ISO 8601, e.g. 2023-09-13)")
    return parsed


_TEXT_KEYS = frozenset({"title", "subtitle", "publisher", "source", "canonical_url", "language", "summary"})
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")


def _is_web_url(value: str) -> bool:
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def apply_overrides(found: Found, overrides: Mapping[str, Any]) -> None:
    """Let the caller's values win over inference; unknown keys are an :class:`OptionsError`."""
    unknown = sorted(set(overrides) - OVERRIDE_KEYS)
    if unknown:
        raise OptionsError(
            f"unknown metadata key {', '.join(map(repr, unknown))}; "
            f"known keys: {', '.join(sorted(OVERRIDE_KEYS))}"
        )
    for key, value in overrides.items():
        name = {"author": "authors", "original_url": "original"}.get(key, key)
        found.evidence[name] = Evidence(name, "override", 1.0, str(value))
        if key in _TEXT_KEYS and value is not None and not isinstance(value, str | int | float):
            raise OptionsError(f"{key} must be text, not {value!r}")
        if key in ("canonical_url", "original_url") and value and not _is_web_url(str(value)):
            raise OptionsError(f"{key} must be an absolute http(s) URL, not {value!r}")
        if key == "language" and value and not _LANGUAGE_TAG.fullmatch(str(value)):
            raise OptionsError(f"language must be a BCP 47 tag such as en or pt-BR, not {value!r}")
        if key == "slug" and value and not _SLUG.fullmatch(str(value)):
            raise OptionsError(
                f"slug must be a plain file name (letters, digits, '-', '_', '.'), not {value!r}"
            )
        if key in (
            "title",
            "subtitle",
            "publisher",
            "source",
            "canonical_url",
            "language",
            "summary",
        ):
            setattr(found, key, None if value is None else str(value).strip() or None)
            if key == "title" and value:
                found.title_inferred = False
        elif key in ("authors", "author"):
            items = value if isinstance(value, list | tuple) else _as_list(value)
            found.authors = [_author(v) for v in items]
        elif key == "original":
            if isinstance(value, Mapping):
                if not value.get("name"):
                    raise OptionsError(
                        f"original needs a name, as in {{name = 'Zeit Online'}}, not {dict(value)!r}"
                    )
                found.original = Outlet(str(value["name"]), value.get("url"))
            else:
                url = found.original.url if found.original else None
                found.original = Outlet(str(value), url) if value else None
        elif key == "original_url":
            if not value:
                if found.original is not None:
                    found.original = Outlet(found.original.name, None)
                continue
            name = found.original.name if found.original else str(value)
            found.original = Outlet(name, str(value))
        elif key in ("published", "updated"):
            setattr(found, key, _date(key, value))
        elif key == "tags":
            found.tags = _as_list(value)


def override_metadata(meta: Metadata, overrides: Mapping[str, Any]) -> tuple[Metadata, dict[str, Evidence]]:
    """``meta`` with the caller's overrides applied (nothing re-derived), and the evidence for them."""
    shared = [f.name for f in dataclasses.fields(Found) if f.name in Metadata.__dataclass_fields__]
    values: dict[str, Any] = {name: getattr(meta, name) for name in shared}
    lists: dict[str, Any] = {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
    found = Found(**lists)
    apply_overrides(found, overrides)
    changed: dict[str, Any] = {name: getattr(found, name) for name in shared}
    changed = {k: tuple(v) if isinstance(v, list) else v for k, v in changed.items()}
    changed["title"] = changed["title"] or meta.title
    changed["language"] = changed["language"] or meta.language
    changed["summary"] = changed["summary"] or ""
    if changed["title"] != meta.title:
        changed["title_inferred"] = False
    updated = dataclasses.replace(
        meta, **changed, id=str(overrides.get("id", meta.id)), slug=str(overrides.get("slug", meta.slug))
    )
    return updated, found.evidence


def build_metadata(
    found: Found,
    blocks: Sequence[Block],
    overrides: Mapping[str, Any],
) -> Metadata:
    """Apply ``overrides`` to ``found`` and derive the remaining fields from the body."""
    apply_overrides(found, overrides)
    title = (found.title or "").strip() or "Untitled"
    words = count_words(blocks)
    language = found.language
    if not language:
        detected = detect_language(" ".join(b.text for b in blocks))
        language, confidence = detected or ("und", 0.0)
        found.because("language", "cld2", confidence)
    if found.summary is None:
        found.because("summary", "lead", 1.0)
    canonical = found.canonical_url
    ident = str(overrides["id"]) if overrides.get("id") else article_id(canonical, title, blocks)
    slug = str(overrides["slug"]) if overrides.get("slug") else slugify(title)
    if not slug:
        slug = "article-" + ident.rsplit(":", 1)[-1][:8]
    tags: list[str] = []
    for tag in found.tags:
        if tag.lower() not in (t.lower() for t in tags):
            tags.append(tag)
    return Metadata(
        title=title,
        id=ident,
        slug=slug,
        language=language,
        title_inferred=found.title_inferred,
        subtitle=found.subtitle,
        authors=tuple(found.authors),
        publisher=found.publisher,
        source=found.source,
        original=found.original,
        published=found.published,
        updated=found.updated,
        summary=found.summary if found.summary is not None else summarize(blocks),
        tags=tuple(tags),
        canonical_url=canonical,
        word_count=words,
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0,
    )
