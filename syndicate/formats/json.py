"""The JSON contract (schema version 1): what ``syndicate inspect --json`` prints; see docs/json.md."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from ..errors import WriteError
from ..model import Article, Collection, Feed

__all__ = ["JSONWriter", "dumps"]


def dumps(article: Article, explain: bool = False) -> str:
    """The article as pretty, key-stable JSON text ending in a newline (``explain``: with provenance)."""
    return json.dumps(article.to_dict(explain=explain), ensure_ascii=False, indent=2) + "\n"


class JSONWriter:
    """The article as syndicate's JSON contract (lossless: ``syndicate convert x.json`` reads it back)."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/json"
    kind: ClassVar[Literal["document", "feed"]] = "document"
    bundles: ClassVar[bool] = False
    requires: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = "syndicate's JSON document model (schema version 1)"
    options: ClassVar[Mapping[str, Any]] = {"explain": False}

    def write(self, obj: Article | Collection | Feed, options: Mapping[str, Any]) -> bytes:
        if not isinstance(obj, Article):
            raise WriteError("the json format writes one article at a time, not a collection or feed")
        return dumps(obj, explain=bool(options.get("explain"))).encode("utf-8")
