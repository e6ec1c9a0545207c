"""Clean text to paragraph segments, for the three layouts raw articles come in.

1. One paragraph per line (exported copy; the seed article), blank lines optional.
2. Paragraphs separated by blank lines.
3. Hard-wrapped wire copy: lines of roughly equal width, paragraphs marked by blank lines or an indent;
   such lines are joined back into whole paragraphs.

Markdown ATX headings (``# Title``, ``## Sub``) always stand alone and keep their level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["Segment", "segment"]

_ATX = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
#: A list item line: it always starts a segment of its own, even inside wrapped text.
BULLET = re.compile(r"^(?:[-*•·▪–]|\d{1,2}[.)])\s+")
_TERMINAL = ".!?:;…\"'”’»)]"
_WRAP_MIN_WIDTH = 40  # a wrapped layout has its longest lines at least this wide
_WRAP_MAX_WIDTH = 100  # ... and at most this wide
_UNWRAPPED_WIDTH = 150  # lines this wide were not wrapped by an editor
#: Three spaces or more inside a line, before anything but a lower-case word, may join elements of a
#: page that a scraper ran together ("CEN   Tragic: ...", "... said.   BF_STATIC.timequeue.push(...)").
_ELEMENT_GAP = re.compile(r"(?<=\S) {3,}(?=[^\sa-z])")
_SHORT_CHUNK = 3  # lines, the most that such text runs together without being a wrapped quote
_HEADER_WORDS = 3  # ... under a header of at most this many words
#: a line that ends mid-phrase: a comma, or a word that cannot end a headline or a credit
_BREAKS_OFF = re.compile(
    r"(?:,|\b(?:that|the|a|an|of|to|and|or|but|said|says|in|on|at|for|with|by|from|as|is|was|were|are|"
    r"has|have|had|will|would|who|which|whose|when|where|than|into|after|before|about|its|his|her|their|"
    r"our|this|these|those|not))$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Segment:
    """One paragraph-sized piece of the input; ``level`` is set for Markdown headings."""

    text: str
    line: int  # 1-based line number where it starts
    level: int | None = None
    #: elements of a page that a scraper ran together on this line, where three spaces or more split it
    pieces: tuple[str, ...] = ()


def segment(text: str) -> list[Segment]:
    """Split cleaned text (``\\n`` newlines) into paragraph segments."""
    lines = [ln.rstrip() for ln in text.split("\n")]
    # Text with some lines far wider than any wrapping editor's keeps one paragraph per line: there, a
    # pair or trio of short lines without a blank between them is separate lines (a headline and its
    # site, a link and a question), not a paragraph wrapped short, unless a line goes on in lower case.
    unwrapped = sum(len(line) > _UNWRAPPED_WIDTH for line in lines) >= 2
    out: list[Segment] = []
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        heading = _ATX.match(line.strip())
        if heading and not line.startswith("    "):
            _flush(chunk, out, unwrapped)
            chunk = []
            out.append(Segment(_squash(heading.group(2)), number, len(heading.group(1))))
        elif line.strip():
            chunk.append((number, line))
        else:
            _flush(chunk, out, unwrapped)
            chunk = []
    _flush(chunk, out, unwrapped)
    return out


def _pieces(line: str) -> tuple[str, ...]:
    """The elements of a page that a line of its own runs together (none in an indented, code line)."""
    stripped = line.strip()
    if "   " not in stripped or line.startswith(("    ", "\t")):
        return ()
    pieces = _ELEMENT_GAP.split(stripped)
    return tuple(_squash(piece) for piece in pieces) if len(pieces) > 1 else ()


def _squash(text: str) -> str:
    return " ".join(text.split())


def _separate_lines(chunk: list[tuple[int, str]]) -> bool:
    """A short chunk whose lines after the first all start with a capital, a digit or a quote, after a
    line that does not break off mid-phrase (a line that goes on in lower case, or after a comma or a
    word such as "that" or "the", continues the one before it: "... the superintendent said that /
    Oakwood Elementary would stay open"). A header of a few words may stand above such lines ("Related")."""
    first = chunk[0][1].strip()
    if len(chunk) == _SHORT_CHUNK + 1 and len(first.split()) <= _HEADER_WORDS and first[-1:] not in _TERMINAL:
        chunk = chunk[1:]
    if len(chunk) > _SHORT_CHUNK:
        return False
    for (_, before), (_, line) in pairwise(chunk):
        start = line.lstrip()[:1]
        if not (start.isupper() or start in "\"'“‘0123456789") or _BREAKS_OFF.search(before):
            return False
    return True


def _is_wrapped(chunk: list[tuple[int, str]]) -> bool:
    """Whether a multi-line chunk is hard-wrapped prose rather than one paragraph per line."""
    first = chunk[0][1].strip()
    if len(chunk) > 2 and len(first) < _WRAP_MIN_WIDTH and first[-1:] not in _TERMINAL + ",":
        chunk = chunk[1:]  # a subheading on the first line says nothing about the layout
    if sum(1 for _, line in chunk if BULLET.match(line.strip())) >= 2:
        return False  # a list, one item per line
    widths = [len(line.strip()) for _, line in chunk]
    longest = max(widths)
    # Lines that nearly all start with a capital, and that a wrapping editor would not have broken
    # where they break (the next word would have fitted), are items: titles, links, a menu.
    lines = [line.strip() for _, line in chunk]
    starts = [line[:1] for line in lines[1:]]
    capitals = sum(c.isupper() or c in "\"'“‘" for c in starts)
    if len(lines) >= 4 and capitals >= 0.8 * len(starts) and not _greedy(lines, longest):
        return False
    if not _WRAP_MIN_WIDTH <= longest <= _WRAP_MAX_WIDTH:
        return False
    body = widths[:-1]  # the last line of a paragraph may be short
    full = sum(1 for w in body if w >= 0.6 * longest)
    # Lines of a wrapped paragraph rarely end a sentence; lines of one-per-line text always do.
    open_ended = sum(1 for _, line in chunk[:-1] if line.rstrip()[-1:] not in _TERMINAL)
    return full >= 0.6 * len(body) and open_ended >= 0.5 * len(body)


def _first_word_length(line: str) -> int:
    space = line.find(" ")
    return len(line) if space < 0 else space


def _greedy(lines: list[str], longest: int) -> bool:
    """Whether most lines break where greedy wrapping at about ``longest`` columns would: the next
    line's first word would not have fitted."""
    pairs = list(pairwise(lines))
    fits = sum(len(a) + 1 + _first_word_length(b) > 0.9 * longest for a, b in pairs if b)
    return fits >= 0.8 * len(pairs)


def _flush(chunk: list[tuple[int, str]], out: list[Segment], unwrapped: bool) -> None:
    if not chunk:
        return
    if len(chunk) == 1 or (unwrapped and _separate_lines(chunk)) or not _is_wrapped(chunk):
        out.extend(Segment(_squash(line), number, pieces=_pieces(line)) for number, line in chunk)
        return
    indent = min(len(line) - len(line.lstrip()) for _, line in chunk)
    # the first line counts as following a finished sentence, so a subheading there stands alone

    longest = max(len(line.strip()) for _, line in chunk)
    current: list[str] = []
    start = chunk[0][0]
    previous = "."
    previous_heading = False
    for number, line in chunk:
        stripped = line.strip()
        indented = len(line) - len(line.lstrip()) > indent
        heading = _looks_like_heading_line(stripped, previous, longest)
        # A new paragraph starts at an indent, after a short line that ended a sentence, and around
        # a bare short line that follows a finished sentence (a subheading).
        new_paragraph = current and (
            indented
            or heading
            or BULLET.match(stripped)
            or previous_heading
            or (previous[-1:] in _TERMINAL and len(previous) < 0.6 * longest)
        )
        if new_paragraph:
            out.append(Segment(_squash(" ".join(current)), start))
            current, start = [], number
        current.append(stripped)
        previous, previous_heading = stripped, heading
    if current:
        out.append(Segment(_squash(" ".join(current)), start))


def _looks_like_heading_line(line: str, previous: str, longest: int) -> bool:
    """A short bare line right after a finished sentence, inside wrapped text."""
    return (
        bool(previous)
        and previous[-1:] in '.!?"”’'
        and len(line) < 0.6 * longest
        and line[-1:] not in _TERMINAL + ","
        and line[:1].isupper()
    )
