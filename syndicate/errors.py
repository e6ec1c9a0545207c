"""The one exception tree of syndicate.

Every error a user can cause is a :class:`SyndicateError` whose ``str()`` is a sentence they can act
on; the CLI alone maps the classes to exit codes::

    SyndicateError
    ├── ReadError               input missing, unreadable, not text, too large, or malformed
    ├── UnknownFormatError      no reader or writer of that name or extension
    ├── OptionsError            a bad option, override or sidecar value
    ├── WriteError              an output could not be produced or stored
    └── MissingDependencyError  the format needs a package that is not installed
"""

from __future__ import annotations

__all__ = [
    "MissingDependencyError",
    "OptionsError",
    "ReadError",
    "StrictModeError",
    "SyndicateError",
    "UnknownFormatError",
    "WriteError",
]


class SyndicateError(Exception):
    """Root of every error syndicate raises on purpose."""


class ReadError(SyndicateError):
    """The input could not be read as an article."""


class UnknownFormatError(SyndicateError):
    """No reader or writer is registered under that name or extension."""


class OptionsError(SyndicateError):
    """An option, override or sidecar value is invalid."""


class WriteError(SyndicateError):
    """An output could not be rendered or stored."""


class MissingDependencyError(SyndicateError):
    """A format needs an optional package that is not installed."""


class StrictModeError(SyndicateError):
    """``strict`` mode saw a warning and refuses to go on."""
