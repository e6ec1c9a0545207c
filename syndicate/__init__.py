"""syndicate: raw article text to clean HTML, feeds, EPUB and PDF.

The public API is what this module exports (``__all__``); everything else is private. Importing
syndicate is cheap: format writers load their heavy dependencies only when they write.
"""

from __future__ import annotations

import logging

# Import the ``formats`` and ``readers`` packages first: importing a subpackage later would rebind the
# attribute ``syndicate.formats`` from the function below to the package.
from . import formats as _formats_package  # noqa: F401
from . import readers as _readers_package  # noqa: F401
from .api import convert, formats, load, parse, render, write
from .boilerplate import DEFAULT_RULES, Rule
from .errors import (
    MissingDependencyError,
    OptionsError,
    ReadError,
    StrictModeError,
    SyndicateError,
    UnknownFormatError,
    WriteError,
)
from .feeds import make_feed
from .model import Article, Author, Collection, Feed, FeedEntry, Metadata, Outlet, Removed

__version__ = "0.1.0"

logging.getLogger("syndicate").addHandler(logging.NullHandler())

__all__ = [
    "DEFAULT_RULES",
    "Article",
    "Author",
    "Collection",
    "Feed",
    "FeedEntry",
    "Metadata",
    "MissingDependencyError",
    "OptionsError",
    "Outlet",
    "ReadError",
    "Removed",
    "Rule",
    "StrictModeError",
    "SyndicateError",
    "UnknownFormatError",
    "WriteError",
    "__version__",
    "convert",
    "formats",
    "load",
    "make_feed",
    "parse",
    "render",
    "write",
]
