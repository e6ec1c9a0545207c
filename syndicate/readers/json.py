"""Reads syndicate's own JSON contract back, so a reviewed or edited JSON file can be rendered."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

from ..errors import ReadError
from ..model import Article
from ..normalize import Found, apply_overrides

__all__ = ["JSONReader"]


class JSONReader:
    """Reads ``.json`` files written by the ``json`` format (schema version 1)."""

    name: ClassVar[str] = "json"
    extensions: ClassVar[tuple[str, ...]] = ("json",)

    def read(self, data: bytes | str, options: Mapping[str, Any]) -> Article:
        try:
            payload = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ReadError(f"is not valid JSON: {exc}") from None
        if not isinstance(payload, dict):
            raise ReadError("is JSON but not a syndicate article (expected an object)")
        try:
            article = Article.from_dict(payload)
        except ValueError as exc:
            raise ReadError(f"is not a syndicate article: {exc}") from None
        overrides = options.get("overrides") or {}
        if not overrides:
            return article
        meta = article.meta
        found = Found(
            title=meta.title,
            subtitle=meta.subtitle,
            authors=list(meta.authors),
            publisher=meta.publisher,
            source=meta.source,
            original=meta.original,
            published=meta.published,
            updated=meta.updated,
            tags=list(meta.tags),
            canonical_url=meta.canonical_url,
            language=meta.language,
            summary=meta.summary,
        )
        apply_overrides(found, overrides)
        new_meta = replace(
            meta,
            title=found.title or meta.title,
            subtitle=found.subtitle,
            authors=tuple(found.authors),
            publisher=found.publisher,
            source=found.source,
            original=found.original,
            published=found.published,
            updated=found.updated,
            tags=tuple(found.tags),
            canonical_url=found.canonical_url,
            language=found.language or meta.language,
            summary=found.summary or "",
            id=str(overrides.get("id", meta.id)),
            slug=str(overrides.get("slug", meta.slug)),
        )
        return replace(article, meta=new_meta)
