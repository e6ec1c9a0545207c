"""The raw-text reader: scraped or exported article copy with no markup.

Steps, each a small pure function: decode and clean (:mod:`syndicate.text.decode`), split into
paragraph segments (:mod:`syndicate.text.segment`), take boilerplate off the head and the tail and out
of the body with the rules of :mod:`syndicate.boilerplate` (each removal recorded), find the title and
the subheadings, then build the metadata (:mod:`syndicate.normalize`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise, takewhile
from typing import Any, ClassVar

from ..boilerplate import (
    DEFAULT_RULES,
    Match,
    Rule,
    body_prefix_rules,
    body_suffix_rules,
    dateline_rules,
    first_match,
    longest,
    match_prefix,
    match_suffix,
    prefix_rules,
    stray_rules,
)
from ..errors import ReadError
from ..model import (
    Article,
    Author,
    Block,
    Emphasis,
    Heading,
    Inline,
    ListBlock,
    Outlet,
    Paragraph,
    Quote,
    Removed,
    Strong,
    Text,
    inlines_of,
)
from ..normalize import Found, build_metadata, parse_date, sentences
from ..text.decode import clean_text, decode
from ..text.segment import BULLET, Segment, segment

__all__ = ["TextReader", "read_text"]

log = logging.getLogger("syndicate")

_SURE = 0.8  # evidence at least this sure adds authors beside others; weaker evidence only fills a gap
_MAX_PREFIXES = 3  # pieces cut from the start of the lead (a byline, then a dateline)
_HEAD_WINDOW = 4  # segments looked at for a title, byline and dates
_TAIL_REACH = 6  # segments before the closing run of boilerplate where tail rules still apply
_STRAY_WORDS = 40  # ... to lines of at most this many words
_LIST_ITEM_WORDS = 16  # a link-list item after a "MORE STORIES" header is at most this long
_TIGHT_ITEM_WORDS = 24  # ... or this long, past the first item of a list with no blank lines in it
_TEASER_WORDS = 40  # ... and the teaser sentence under a listed story's byline
#: the byline of a listed story: "BY JANE DOE | 01/12/15 12:35 PM"
_LISTED_BYLINE = re.compile(r"^By\s+[^|]{3,60}\|\s*\S.{3,40}$", re.I)
#: the address shown in a text ad: "www.example.com", "example.org/Funeral"
_BARE_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.I)
#: a headline cut short for a teaser: "... arrested after...", "... declared to have the 'scariest..."
_TRUNCATED = re.compile(r"^\S.{0,150}\w['’]?(?:\.\.\.|…)$")
#: a picture credited to an agency or photographer: "... (Photo by Tom Briglia/FilmMagic)"
_CREDITED_PICTURE = re.compile(r"\((?:Photo|Image|Picture)s? (?:by|via|courtesy of) [^()]{2,80}\)$", re.I)
_HEADLINE_MAX_WORDS = 12
_HEADLINE_MAX_CHARS = 200
_SUBHEAD_MAX_WORDS = 14
_SUBHEAD_MAX_CHARS = 120
_NO_END = ".,:;!…"  # a headline or subheading does not end like a sentence (a "?" is allowed)
_BREAK = re.compile(r"^\*(?:\s*\*)+$")  # "* * *": a section break, kept as it stands
_ORDERED = re.compile(r"^\d{1,2}[.)]\s+")
# Markdown emphasis only where CommonMark would see it: the markers touch the text they wrap
# ("5 * 3 * 2" and "*.txt" stay as they are).
_INLINE_MD = re.compile(
    r"(?<![\w*\\])\*\*(?P<strong>\S(?:[^*\n]*?\S)?)\*\*(?![\w*])"
    r"|(?<![\w*\\])\*(?P<em>[^\s*](?:[^*\n]*?[^\s*\\])?)\*(?![\w*])"
)
_TITLE_WORDS = 12


class TextReader:
    """Reads plain text (``.txt``, ``.text``, ``.md`` and anything unclaimed)."""

    name: ClassVar[str] = "text"
    extensions: ClassVar[tuple[str, ...]] = ("txt", "text", "md", "markdown")

    def read(self, data: bytes | str, options: Mapping[str, Any]) -> Article:
        return read_text(data, **options)


def read_text(
    data: bytes | str,
    *,
    rules: Sequence[Rule] = DEFAULT_RULES,
    encoding: str | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Article:
    """Parse raw article text into an :class:`~syndicate.model.Article`.

    ``overrides`` win over anything inferred (see :data:`syndicate.normalize.OVERRIDE_KEYS`).
    """
    text = decode(data, encoding) if isinstance(data, bytes) else data
    text = clean_text(text)
    segments = _split_elements(segment(text), rules)
    if not segments:
        raise ReadError("contains no text")
    found = Found()
    removed: dict[int, Match] = {}
    limits = {where: longest(rules, where) for where in ("head", "tail", "body")}

    # Tail: the closing run of boilerplate, read backwards so the last credit wins ties.
    index = len(segments) - 1
    while index > 0:
        match = first_match(rules, segments[index].text, "tail", limits["tail"])
        if match is None:
            break
        removed[index] = match
        index -= 1
    end = index + 1  # segments[:end] is the article proper
    # Credit lines that a stray line (an ad, a related link) cut off from that run, among the last few
    # segments of the second half: tail rules apply there too, to short lines, one at a time.
    stray = stray_rules(rules)  # rules for the closing run only do not reach back over other lines
    for index in range(max(len(segments) // 2, end - _TAIL_REACH, 1), end):
        match = first_match(stray, segments[index].text, "tail", _STRAY_WORDS)
        if match is not None:
            removed[index] = match

    # Head: byline and date lines, the headline, then a dateline on the first paragraph.
    start = 0
    title_index: int | None = None
    lead_prefixes: list[Match] = []
    lead_index: int | None = None
    looked = 0  # segments of the head that stay (head lines taken out do not use up the window)
    for index in range(end):
        if index in removed:
            continue  # a credit the tail pass took (a short article's closing lines reach this far)
        seg = segments[index]
        match = first_match(rules, seg.text, "head", limits["head"])
        if match is not None:
            removed[index] = match
            start = index + 1 if lead_index is None else start
            if match.rule.opens_list and lead_index is not None:
                break  # what follows is a list of other stories, with their headlines and bylines
            continue
        looked += 1
        if looked > _HEAD_WINDOW:
            break
        if lead_index is not None:
            continue  # past the lead, only whole head lines (a date, a credit) are taken out
        if title_index is None and _is_headline(seg, index, segments[:end]):
            title_index, start = index, index + 1
            continue
        lead_index = index
        lead_prefixes = _cut_prefixes(prefix_rules(rules), seg.text)
    if title_index is not None:
        found.title = segments[title_index].text
        level = segments[title_index].level
        found.because("title", "markdown-heading" if level == 1 else "headline", 1.0 if level else 0.9)

    # Body: whole segments that are boilerplate wherever they stand; the body's first line is its own
    # (a deck "OFFICIAL: ..."), not a link to another story.
    for index in range(start, end):
        if index not in removed:
            match = first_match(rules, segments[index].text, "body", limits["body"])
            if match is not None and not (index == start and match.rule.kind == "read_also"):
                removed[index] = match
    _remove_repeated(segments, removed, start, end)
    _remove_repeated_runs(segments, removed, start, end)

    _keep_introduced(segments, removed)
    _remove_after_credits(segments, removed, start, end)
    # a list header above the headline heads nothing of the article's: it goes alone
    _remove_link_lists(segments, removed, title_index + 1 if title_index is not None else 0)
    _remove_link_blocks(segments, removed, start, end)
    kept = [(i, seg) for i, seg in enumerate(segments) if i not in removed and i != title_index]
    if not kept:
        # Everything after the head looked like boilerplate: when unsure, keep text in the body.
        removed = {i: m for i, m in removed.items() if i < start}
        kept = [(i, seg) for i, seg in enumerate(segments) if i not in removed and i != title_index]
    # Pieces cut from inside kept paragraphs, placed by where they stood: a byline and a dateline
    # before the lead ("By Jane Doe BERLIN (Reuters) - ..."), wire credits after the last paragraph of
    # copy that came as one line ("... (Writing by Jane Doe; Editing by John Roe)").
    placed: list[tuple[float, Match]] = [(i, m) for i, m in removed.items()]
    body_prefixes = body_prefix_rules(rules)
    # A lead without a dateline may be a picture's caption or a pull quote set above the story: the
    # next paragraph's dateline is then the story's, when it names a region or an agency ("ANTAKYA,
    # Turkey — ..."; a bare "LOOK – ..." there is the story's own word).
    second = next((i for i, _ in kept if lead_index is not None and i > lead_index), None)
    for position, (i, seg) in enumerate(kept):
        if i == lead_index:
            cuts = lead_prefixes
        elif (
            i == second
            and not lead_prefixes
            and (cuts := _cut_prefixes(dateline_rules(rules), seg.text))
            and all("," in c.text or "(" in c.text or c.rule.name == "place-dateline" for c in cuts)
        ):
            pass
        elif body_prefixes:
            cuts = _cut_prefixes(body_prefixes, seg.text)
            if cuts and _introduced(segments, i):
                # a paragraph that a line ending in ":" introduces is quoted whole, where the rule says so
                cuts = list(takewhile(lambda c: not c.rule.introduced_stays, cuts))
        else:
            continue
        if cuts:
            rest = seg.text
            for number, cut in enumerate(cuts):
                rest = rest[len(cut.text) :].lstrip(" -–—")
                placed.append((i - 0.5 + number / 100, cut))
            kept[position] = (i, Segment(rest, seg.line, seg.level))
    # Suffix rules cut the end of the last paragraph; those that may stand in the body, of any paragraph.
    body_suffixes = body_suffix_rules(rules)
    for position, (i, seg) in enumerate(kept):
        last = position == len(kept) - 1
        if not (last or body_suffixes):
            continue
        tail_cut = match_suffix(rules if last else body_suffixes, seg.text)
        if tail_cut is not None:
            kept[position] = (i, Segment(seg.text[: -len(tail_cut.text)].rstrip(), seg.line, seg.level))
            placed.append((i + 0.5, tail_cut))
    blocks = _blocks([seg for _, seg in kept])
    if not blocks:
        raise ReadError("contains no article body once boilerplate is removed")

    records = [m for _, m in sorted(placed, key=lambda p: p[0])]
    # The surest evidence fills a field first; among equals, the closing credits, then input order.
    _fill(found, sorted(records, key=lambda m: (-m.confidence, m.rule.where != frozenset({"tail"}))))
    if found.title is None:
        found.title, found.title_inferred = _infer_title(blocks), True
        found.because("title", "lead-sentence", 0.4, found.title)
        if not (overrides or {}).get("title"):
            log.warning("no headline found; title inferred from the lead sentence: %r", found.title)
    article_blocks = tuple(blocks)
    meta = build_metadata(found, article_blocks, overrides or {})
    return Article(
        meta=meta,
        blocks=article_blocks,
        removed=tuple(Removed(m.rule.kind, m.text, m.rule.name, m.confidence) for m in records),
        provenance=tuple(found.evidence.values()),
    )


_AFTER_CREDITS = Rule("after-credits", "other", "", frozenset({"tail"}), confidence=0.6)
_CREDIT_KINDS = frozenset({"source", "syndication", "copyright", "sign_off", "author_bio"})
_AFTER_CREDITS_LINES = 3  # short lines after the article's closing credit that are page furniture
_AFTER_CREDITS_WORDS = 20


_MAX_PIECES = 200  # a line of more page elements than this stays whole (each piece is tried as a rule)


def _split_elements(segments: list[Segment], rules: Sequence[Rule]) -> list[Segment]:
    """A line that runs elements of a page together ("CEN   Tragic: Doctors said ...") comes apart into
    its pieces when some piece with a letter in it, but not the whole line, is boilerplate; otherwise
    (a table row "Arsenal   2   Chelsea   1", a piece that opens with a list or quote marker) it stays
    one line."""
    if not any(seg.pieces for seg in segments):
        return segments
    out: list[Segment] = []
    for seg in segments:
        pieces = seg.pieces
        if (
            pieces
            and len(pieces) <= _MAX_PIECES
            and not any(BULLET.match(p) or p.startswith(">") for p in pieces[1:])
            and not _is_boilerplate(rules, seg.text)
            and any(any(c.isalpha() for c in p) and _is_boilerplate(rules, p) for p in pieces)
        ):
            out.extend(Segment(piece, seg.line) for piece in pieces)
        else:
            out.append(seg)
    return out


def _is_boilerplate(rules: Sequence[Rule], text: str) -> bool:
    return any(first_match(rules, text, where) is not None for where in ("body", "tail", "head"))


def _remove_after_credits(
    segments: Sequence[Segment], removed: dict[int, Match], start: int, end: int
) -> None:
    """A few short lines after the closing credit ("Source: X") are the page's, not the article's, when
    markup or a button ("Try it now →") stands among them: a product widget ("Get better reviews
    ...!"), a promotion. Remove them. Without such furniture they may be the author's last words, and
    stay."""
    credits = [
        i for i in removed if i >= max(start, end - _TAIL_REACH) and removed[i].rule.kind in _CREDIT_KINDS
    ]
    if not credits:
        return
    last = max(credits)
    after = [i for i in range(last + 1, end) if i not in removed]
    furniture = any(
        i in removed and (removed[i].rule.name == "markup-junk" or segments[i].text.endswith(("→", "»", "›")))
        for i in range(last + 1, len(segments))
    )
    if (
        furniture
        and 0 < len(after) <= _AFTER_CREDITS_LINES
        and all(len(segments[i].text.split()) <= _AFTER_CREDITS_WORDS for i in after)
    ):
        for i in after:
            removed[i] = Match(_AFTER_CREDITS, segments[i].text, {}, _AFTER_CREDITS.confidence)


_REPEATED = Rule("repeated-line", "other", "", frozenset({"body"}), confidence=0.7)
_REPEATS = 4  # times a short line stands in one text before it is the page's (a carousel, a credit)
_REPEATED_WORDS = 8


def _remove_repeated(segments: Sequence[Segment], removed: dict[int, Match], start: int, end: int) -> None:
    """A short line that stands four times or more in one article is the page's: a gallery's caption
    repeated per slide, a widget's site name under each headline. Lines without words ("* * *") stay."""
    if max(Counter(seg.text.casefold() for seg in segments[start:end]).values(), default=0) < _REPEATS:
        return  # the common case: no line stands four times
    seen: dict[str, list[int]] = {}
    for index in range(start, end):
        text = segments[index].text
        if (
            index not in removed
            and text.count(" ") < _REPEATED_WORDS
            and len(text) >= 3
            and sum(c.isalpha() for c in text) >= 3
            and "@" not in text  # a tweet's signature: one person's tweets, quoted in turn
        ):
            seen.setdefault(text.casefold(), []).append(index)
    groups = [
        indexes
        for indexes in seen.values()
        if len(indexes) >= _REPEATS
        # a subheading the story repeats ("Why it matters" over each section), a chant it quotes
        and not all(_heads_a_paragraph(segments, removed, i) for i in indexes)
        and not _introduced(segments, indexes[0])
    ]
    repeated = {i for indexes in groups for i in indexes}
    if not repeated or not _leaves_text(segments, removed, repeated, start, end):
        return  # the repeated lines are the text itself: nothing else of any length is left
    for index in repeated:
        removed[index] = Match(_REPEATED, segments[index].text, {}, _REPEATED.confidence)


def _leaves_text(
    segments: Sequence[Segment], removed: dict[int, Match], going: set[int], start: int, end: int
) -> bool:
    """Whether a line of running text stays once ``going`` is removed too."""
    return any(
        i not in removed and i not in going and segments[i].text.count(" ") >= _REPEATED_WORDS
        for i in range(start, end)
    )


_REPEATED_RUN = Rule("repeated-run", "other", "", frozenset({"body"}), confidence=0.7)
_RUN_LINES = 6  # short lines in a row that stand twice, in the same order: a carousel shown twice
_RUN_WORDS = 12  # ... each of at most this many words
#: a headline of three words or more: no sentence or verse ending ("...", a cut headline, is one)
_RUN_ITEM = re.compile(r"^[\w'‘\"“][^ ]*(?: [^ ]+){2,}(?:\.\.\.|…|[^.,;:])$")


def _remove_repeated_runs(
    segments: Sequence[Segment], removed: dict[int, Match], start: int, end: int
) -> None:
    """Six or more short headline-like lines that stand twice in the same order are a widget the page
    showed twice (a video carousel above and below the story): both showings go. Verse (lines ending in
    "," or "."), chants (lines of one or two words), a run that a line ending in ":" introduces (a list
    given twice), and a run that would leave nothing of any length stay."""
    short = [seg.text for seg in segments[start:end] if seg.text.count(" ") < _RUN_WORDS]
    if len(set(short)) > len(short) - _RUN_LINES:
        return  # the common case: fewer short lines stand twice than a run needs
    first_at: dict[tuple[str | None, ...], int] = {}
    runs: set[int] = set()
    keys = [
        seg.text if seg.text.count(" ") < _RUN_WORDS and _RUN_ITEM.match(seg.text) else None
        for seg in segments
    ]
    opens = list(range(len(segments)))  # where the stretch of headline-like lines at each index starts
    for index in range(start + 1, end):
        if keys[index] is not None and keys[index - 1] is not None:
            opens[index] = opens[index - 1]
    for index in range(start, end - _RUN_LINES + 1):
        window = keys[index : index + _RUN_LINES]
        if None in window:
            continue
        key = tuple(window)
        earlier = first_at.setdefault(key, index)
        if (
            earlier != index
            and earlier + _RUN_LINES <= index
            and not _introduced(segments, opens[earlier])
            and not _introduced(segments, opens[index])
        ):
            runs.update(range(earlier, earlier + _RUN_LINES))
            runs.update(range(index, index + _RUN_LINES))
    if not runs or not _leaves_text(segments, removed, runs, start, end):
        return
    for index in sorted(runs - removed.keys()):
        removed[index] = Match(_REPEATED_RUN, segments[index].text, {}, _REPEATED_RUN.confidence)


def _introduced(segments: Sequence[Segment], index: int) -> bool:
    """Whether the line before ``index`` ends in ":" and so introduces it ("The winners were:")."""
    return index > 0 and segments[index - 1].text.endswith(":")


def _mid_sentence(segments: Sequence[Segment], first: int, last: int) -> bool:
    """Whether lines ``first``..``last`` sit inside a sentence that the lines around them break off and go
    on with ("... i.e. like an" / "agent provocateur" / "and perhaps ...": a phrase set apart in italics)."""
    return (
        first > 0
        and last + 1 < len(segments)
        and re.search(r"[\w,]$", segments[first - 1].text) is not None
        and segments[last + 1].text[:1].islower()
    )


def _heads_a_paragraph(segments: Sequence[Segment], removed: dict[int, Match], index: int) -> bool:
    """Whether the next line is a paragraph of running text that stays (``index`` is its subheading)."""
    following = index + 1
    return (
        following < len(segments)
        and following not in removed
        and segments[following].text.count(" ") >= _REPEATED_WORDS
    )


def _keep_introduced(segments: Sequence[Segment], removed: dict[int, Match]) -> None:
    """Lines that a line ending in ":" introduces stay, for rules that say so ("The winners were:"
    followed by web addresses; "The chorus goes:" followed by a question), and so do such lines inside a
    sentence that breaks off before them and goes on after them."""
    keep = []
    first = previous = -2
    for index in sorted(i for i, m in removed.items() if m.rule.introduced_stays):
        if index != previous + 1:
            first = index  # a run of such lines starts here (a line run together with the one before)
        previous = index
        if _introduced(segments, first) or _mid_sentence(segments, first, index):
            keep.append(index)
    for index in keep:
        del removed[index]


def _cut_prefixes(rules: Sequence[Rule], text: str) -> list[Match]:
    """The boilerplate at the start of the lead paragraph: a dateline, perhaps after a byline."""
    cuts: list[Match] = []
    while len(cuts) < _MAX_PREFIXES:
        cut = next((m for rule in rules if (m := match_prefix(rule, text)) is not None), None)
        if cut is None:
            break
        cuts.append(cut)
        text = text[len(cut.text) :].lstrip(" -–—")
        if cut.rule.kind == "dateline":
            break  # a dateline is followed by the story, not by another dateline
    return cuts


def _remove_link_lists(segments: Sequence[Segment], removed: dict[int, Match], floor: int) -> None:
    """After a link-list header ("MORE STORIES", "Related"), the list's items go too.

    An item is a title-like line, a headline cut short ("... arrested after..."), a page number, a
    picture credited to an agency, or the byline of a listed story ("BY JANE DOE | 01/12/15 12:35 PM")
    or the address of an advertiser ("www.example.com"), each with the teaser sentence under it. Lines
    already removed (pager links, share buttons) do not end the list; a paragraph of running text does.
    Headers before ``floor`` (above the headline) open nothing.
    """
    reached = floor  # segments before this are walked already (or are the head)
    for index in sorted(i for i, m in removed.items() if i >= floor and m.rule.opens_list):
        if index < reached:
            continue  # a header inside a list already walked
        header = removed[index]
        confidence = round(header.confidence - 0.15, 2)
        following = index + 1
        teaser_next = False
        spaced = False  # a blank line has come after a list whose items had none between them
        tight = True  # no blank line between the items so far
        while following < len(segments):
            gap = segments[following].line > segments[following - 1].line + 1
            if gap and following > index + 2 and tight:
                spaced = True
            tight = tight and not gap
            if following in removed:
                # an advertiser's address taken as page junk still heads its description
                teaser_next = bool(_BARE_DOMAIN.match(segments[following].text))
                following += 1
                continue
            text = segments[following].text
            words = len(text.split())
            strong = bool(_TRUNCATED.search(text) or text.isdigit() or _CREDITED_PICTURE.search(text))
            if _LISTED_BYLINE.match(text) or _BARE_DOMAIN.match(text):
                teaser_next = True
            elif teaser_next and words <= _TEASER_WORDS:
                teaser_next = False  # the teaser under a listed story's byline, or an ad's address
            elif spaced and not strong:
                break  # the list was one block, and it has ended: what follows is the article's
            elif not (
                (
                    words <= (_TIGHT_ITEM_WORDS if tight and following > index + 1 else _LIST_ITEM_WORDS)
                    and (not _ends_like_sentence(text) or text.endswith("!"))
                )
                or strong
            ):
                break
            removed[following] = Match(header.rule, text, {}, confidence)
            following += 1
        reached = following


_CARD_RULE = Rule("link-card", "read_also", "", frozenset({"body"}), confidence=0.7)
_CARD_LINES = 10  # lines in a card for another story, at most
_CARD_WORDS = 30  # ... each of at most this many words
_MORE_LINK = re.compile(
    r"^\W{0,3}(?:more|read more|see more|full story|continue reading)(?:\s*(?:\.\.\.|…|»|›|>))?"
    r"(?:\s+(?:at |on )?[\w.-]+\.[a-z]{2,}(?:/\S*)?)?\W{0,3}$",
    re.I,
)
_LINK_RULE = Rule("link-block", "read_also", "", frozenset({"body"}), confidence=0.7)
_LINK_BLOCK_MIN = 3  # lines in a block of links
_LINK_MIN_WORDS = 4  # ... with at least this many words (headlines, not a list of short phrases)


def _remove_link_blocks(segments: Sequence[Segment], removed: dict[int, Match], start: int, end: int) -> None:
    """In text whose paragraphs are set apart by blank lines, three or more headline-like lines with no
    blank line between them are a box of links (related stories, a promotion): remove them.

    Paragraphs from a page come apart with blank lines; the items of a link box come as one tight block,
    because they were links inside one element. Lines that a line ending in ":" introduces (in the
    same block or just before it) are a list the article itself makes, and stay.
    """
    if not _spaced(segments):
        return
    _remove_link_cards(segments, removed, start, end)
    run: list[int] = []
    introduced = False
    for index in range(start, end + 1):
        seg = segments[index] if index < end else None
        tight = seg is not None and index > start and seg.line == segments[index - 1].line + 1
        if seg is not None and tight and (index in removed or (not introduced and _is_link_text(seg))):
            if index not in removed:
                run.append(index)
        else:
            if sum(len(segments[i].text.split()) >= _LINK_MIN_WORDS for i in run) >= _LINK_BLOCK_MIN:
                for i in run:
                    removed[i] = Match(_LINK_RULE, segments[i].text, {}, _LINK_RULE.confidence)
            if seg is None:
                break
            if not tight:  # a new block: introduced by the line before it?
                introduced = _introduced(segments, index)
            run = [index] if index not in removed and not introduced and _is_link_text(seg) else []
        introduced = introduced or seg.text.endswith(":")


def _spaced(segments: Sequence[Segment]) -> bool:
    """Whether most paragraphs are set apart by blank lines."""
    gaps = [b.line - a.line for a, b in pairwise(segments)]
    return len(gaps) >= 3 and sum(gap > 1 for gap in gaps) >= 0.5 * len(gaps)


def _remove_link_cards(segments: Sequence[Segment], removed: dict[int, Match], start: int, end: int) -> None:
    """Short lines with no blank line between them, from a blank line down to a "more" link, are a card
    for another story (its headline, a teaser, "Read more example.com"): remove the whole card. The
    card starts with a headline, and no line ending in ":" introduces it (a quote would)."""
    for last in range(start, end):
        if not _MORE_LINK.match(segments[last].text):
            continue
        first = last
        while first > start and segments[first].line == segments[first - 1].line + 1:
            first -= 1
            if last - first >= _CARD_LINES:
                break  # longer than any card
        card = range(first, last + 1)
        if (
            1 < len(card) <= _CARD_LINES
            and all(len(segments[i].text.split()) <= _CARD_WORDS for i in card)
            and _is_link_text(segments[first])
            and not _introduced(segments, first)
        ):
            for i in card:
                if i not in removed:
                    removed[i] = Match(_CARD_RULE, segments[i].text, {}, _CARD_RULE.confidence)


def _is_link_text(seg: Segment) -> bool:
    text = seg.text
    return (
        seg.level is None
        and len(text.split()) <= _LIST_ITEM_WORDS
        and (not _ends_like_sentence(text) or bool(_TRUNCATED.search(text)))
        and _starts_like_a_title(text)
        and not BULLET.match(text)
        and "@" not in text  # a tweet's author and text, set in the page as a block, are the story's
    )


def _starts_like_a_title(text: str) -> bool:
    """A capital, a digit, or a letter of a script without case (Arabic, Chinese, Hebrew, ...)."""
    first = text[:1]
    return first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper())


def _ends_like_sentence(text: str) -> bool:
    return text.rstrip("\"'”’»)]")[-1:] in _NO_END


def _is_headline(seg: Segment, index: int, segments: Sequence[Segment]) -> bool:
    if seg.level == 1:
        return True
    if seg.level is not None or len(segments) < 2 or index + 1 >= len(segments):
        return False
    text = seg.text
    return (
        len(text) <= _HEADLINE_MAX_CHARS
        and len(text.split()) <= _HEADLINE_MAX_WORDS
        and (not _ends_like_sentence(text) or text.endswith(("...", "…")))
        and not BULLET.match(text)
        and (_starts_like_a_title(text) or text[:1] in "\"'“‘«")
    )


def _is_subheading(text: str, following: Segment | None) -> bool:
    if following is None or following.level is not None or BULLET.match(following.text):
        return False
    return (
        len(text) <= _SUBHEAD_MAX_CHARS
        and 1 <= len(text.split()) <= _SUBHEAD_MAX_WORDS
        and not _ends_like_sentence(text)
        and not text.endswith("?")
        and not BULLET.match(text)
        and _starts_like_a_title(text)
        and not _is_short_heading_like(following.text)
    )


def _is_short_heading_like(text: str) -> bool:
    return len(text.split()) <= _SUBHEAD_MAX_WORDS and not _ends_like_sentence(text)


def _inlines(text: str) -> tuple[Inline, ...]:
    """Spans for one paragraph; Markdown ``**strong**`` and ``*emphasis*`` are kept."""
    if "*" not in text:
        return inlines_of(text)
    spans: list[Inline] = []
    pos = 0
    for m in _INLINE_MD.finditer(text):
        if m.start() > pos:
            spans.append(Text(text[pos : m.start()]))
        if m.group("strong") is not None:
            spans.append(Strong((Text(m.group("strong")),)))
        else:
            spans.append(Emphasis((Text(m.group("em")),)))
        pos = m.end()
    if pos < len(text):
        spans.append(Text(text[pos:]))
    return tuple(spans) if spans else inlines_of(text)


def _blocks(segments: Sequence[Segment]) -> list[Block]:
    blocks: list[Block] = []
    items: list[tuple[Inline, ...]] = []
    ordered = False
    for i, seg in enumerate(segments):
        text = seg.text
        section_break = bool(_BREAK.match(text))
        bullet = None if section_break else BULLET.match(text)
        if bullet and not seg.level:
            if not items:
                ordered = bool(_ORDERED.match(text))
            items.append(_inlines(text[bullet.end() :]))
            continue
        if items:
            blocks.append(ListBlock(tuple(items), ordered))
            items = []
        following = segments[i + 1] if i + 1 < len(segments) else None
        if section_break:
            blocks.append(Paragraph(inlines_of(text)))  # not Markdown emphasis
        elif seg.level is not None:
            blocks.append(Heading(max(2, seg.level), _inlines(text)))
        elif text.startswith(">"):
            blocks.append(Quote(_inlines(text.lstrip("> ").strip())))
        elif _is_subheading(text, following) and blocks:
            blocks.append(Heading(2, _inlines(text)))
        else:
            blocks.append(Paragraph(_inlines(text)))
    if items:
        blocks.append(ListBlock(tuple(items), ordered))
    return blocks


def _infer_title(blocks: Sequence[Block]) -> str:
    lead = next((b.text for b in blocks if isinstance(b, Paragraph | Heading)), "")
    found = sentences(lead)
    first = found[0] if found else lead
    words = first.split()
    if len(words) > _TITLE_WORDS:
        return " ".join(words[:_TITLE_WORDS]).rstrip(",;:") + "…"
    return first.rstrip(".!;: ") or "Untitled"


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", names) if n.strip()]


def _fill(found: Found, matches: Sequence[Match]) -> None:
    """Move what the rules found into ``found``; the first value for a field wins."""
    for match in matches:
        fields = match.fields

        def because(name: str, match: Match = match) -> None:
            found.because(name, match.rule.name, match.confidence, match.text)

        if "author" in fields and (match.confidence >= _SURE or not found.authors):
            # a weaker hint (a name signed under the text, a dateline) names the author only when
            # nothing surer has
            because("authors")
            for name in _split_names(fields["author"]):
                bio = fields.get("bio")
                known = next((a for a in found.authors if a.name.lower() == name.lower()), None)
                if known is None:
                    found.authors.append(Author(name=name, bio=bio))
                elif bio and not known.bio:
                    found.authors[found.authors.index(known)] = Author(
                        known.name, bio, known.url, known.email
                    )
        elif match.rule.bio and found.authors and not found.authors[-1].bio:
            last = found.authors[-1]
            found.authors[-1] = Author(last.name, match.text, last.url, last.email)
        if "publisher" in fields and found.publisher is None:
            found.publisher = fields["publisher"]
            because("publisher")
        if "source" in fields and found.source is None:
            found.source = fields["source"]
            because("source")
        if "outlet" in fields and found.original is None:
            found.original = Outlet(fields["outlet"], fields.get("outlet_url"))
            because("original")
        if "date" in fields and found.published is None:
            found.published = parse_date(fields["date"])
            if found.published is not None:
                because("published")
        if "updated" in fields and found.updated is None:
            found.updated = parse_date(fields["updated"])
            if found.updated is not None:
                because("updated")
        if "tags" in fields:
            found.tags.extend(t.strip() for t in re.split(r"[,;|]", fields["tags"]) if t.strip())
            because("tags")
