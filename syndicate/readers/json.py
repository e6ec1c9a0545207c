"""Reads syndicate's own JSON contract back, so a reviewed or edited JSON file can be rendered."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, ClassVar

from ..errors import ReadError
from ..model import Article
from ..normalize import override_metadata

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
        meta, evidence = override_metadata(article.meta, overrides)
        provenance = {e.field: e for e in article.provenance} | evidence
        return replace(article, meta=meta, provenance=tuple(provenance.values()))
