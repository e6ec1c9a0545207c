"""Attribution and boilerplate rules: data, plus the small engine that applies them to segments.

A :class:`Rule` says what a piece of boilerplate looks like (a regular expression over one whole
segment, or over the start of the first paragraph for ``prefix`` rules), where it may stand (``head``:
before the first paragraph; ``tail``: the run of segments closing the article; ``body``: anywhere), and
what it tells (named groups ``author``, ``publisher``, ``source``, ``outlet``, ``date``, ``updated``,
``tags``; ``extract`` patterns searched inside the match fill more). Users extend the list by passing
their own rules (``parse(text, rules=DEFAULT_RULES + (my_rule,))``).

Precision comes first: every rule matches a whole short segment, never a phrase inside running text, so
"Sources in the ministry said ..." or "open-source software" stay in the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .text.places import AMBIGUOUS_CITIES, DATELINE_CITIES

__all__ = [
    "DEFAULT_RULES", "Match", "Rule", "body_prefix_rules", "body_suffix_rules", "dateline_rules",
    "edit_distance", "prefix_rules", "rules_from_toml", "stray_rules",
]  # fmt: skip

Where = Literal["head", "tail", "body"]

# Building blocks ------------------------------------------------------------------------------
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|le|la|bin|al)"
NAME = rf"[A-Z][\w'’.-]+(?:\s+{_NAME_WORD}){{1,3}}"
_NAMES = rf"{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*"
_OUTLET = (
    r"(?P<outlet>(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|de|uk|co|io|news|fr|ch|at|eu)\b"
    r"|[^.;:()\n]+?)"
)
_OUTLET_END = r"(?=\s+(?:on|under|and|at)\s|\s*[.;:()]|,|\s*$)"
_ROLE = (
    r"(?:journalist|writer|reporter|correspondent|editor|author|columnist|contributor|freelancer|"
    r"blogger|analyst|producer|photographer|commentator|novelist)"
)
_PUB_WORD = r"[A-Z0-9](?:[\w&'’-]|\.(?=\w))*"
_PUBLISHER = rf"(?:the\s+)?(?P<publisher>{_PUB_WORD}(?:(?:\s+(?:of|the|and|&|on|de))?\s+{_PUB_WORD}){{0,5}})"
_AGENCY = (
    r"Reuters|AP|AFP|Agence France[- ]Presse|Bloomberg|UPI|dpa|DPA|AFX|IANS|PTI|ANI|Xinhua|TASS|Kyodo|EFE|"
    r"ANSA|CNN|JTA|AAP|Yonhap|KCNA|CBS News|NBC News|ABC News|BBC|The Associated Press|Associated Press|"
    r"MCT|TNS"
)
_PHOTO_AGENCY = (
    r"Getty Images|Getty|Reuters|AP Photo|AP|AFP|EPA|Shutterstock|Alamy|MCT|TNS|WENN|Corbis|Rex Features|"
    r"Flickr|iStock(?:photo)?|Facebook|Twitter|Instagram|YouTube|WireImage|FilmMagic|Invision|Splash News|"
    r"Barcroft Media|SWNS|CEN|USA TODAY Sports|Icon Sportswire|Imagn"
)
#: a screenshot's file name, as macOS writes it: "Screen Shot 2015-01-30 at 9.40.33 AM"
_SCREENSHOT = r"Screen ?shot \d{4}-\d{2}-\d{2} at \d{1,2}[.:]\d{2}[.:]\d{2}(?: ?[AP]M)?"
#: where a reporter can be reached: an address, a phone number, a handle
_REACHABLE = (
    r"(?:[\w.+-]+@[\w-]+\.|\+?\(?\d[\d ().-]{6,}|@\w|(?i:twitter|facebook)\b|"
    r"(?:www\.)?[\w-]+\.(?:com|org|net)\b)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: a month's name or its abbreviation and nothing longer ("Mar", "March", not "Marvel" or "Mayor")
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)

# Words that make a short "Label: value" line a source credit; typos within one edit are tolerated.
SOURCE_KEYWORDS = ("source", "sources", "quelle", "quellen", "fuente", "fuentes", "fonte")
#: Where images come from: a "Source:" line naming one of these credits a picture, not the article.
_IMAGE_HOSTS = (
    r"Getty(?: ?Images)?|Imgur|Giphy|Kinja-img|YouTube|Instagram|Flickr|Shutterstock|Twitter|Facebook|"
    r"Wikimedia(?: Commons)?|Wikipedia|AP Photo|Corbis|Pinterest|Tumblr|Vine|iStock(?:photo)?|Reddit|"
    r"WireImage"
)


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


#: Patterns compiled so far, by source and flags (a plain dict: cheaper per call than re's own cache).
_COMPILED: dict[tuple[str, int], re.Pattern[str]] = {}


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of boilerplate; see the module docstring."""

    name: str
    kind: str
    #: a compiled pattern, or its source (compiled with ``flags`` on first use, through re's cache:
    #: the built-in rules compile only when a segment is short enough to reach them)
    pattern: re.Pattern[str] | str
    where: frozenset[Where]
    max_words: int = 60
    prefix: bool = False
    extract: tuple[re.Pattern[str] | str, ...] = ()
    #: with ``keywords``, the ``label`` group must be within one edit of one of them
    keywords: tuple[str, ...] = ()
    #: the whole segment is the author's bio (sets ``Author.bio``)
    bio: bool = False
    flags: int = 0
    #: how sure a match is (0 to 1), shown by ``syndicate inspect --explain``; a fuzzy keyword costs 0.1
    confidence: float = 0.9
    #: a header of a link list ("MORE STORIES", "Related"): the title-like lines after it go too
    opens_list: bool = False
    #: a quick test before the regular expression: the rule can only match text that contains one of
    #: these (lower-case) strings; empty means always try it (prefix rules skip it: their anchored
    #: pattern is the quicker test)
    needs: tuple[str, ...] = ()
    #: the pattern is searched at the end of the article's last paragraph (with "body" in ``where``, of
    #: any paragraph), and what it matches is cut from there (wire credits after copy that came as one line)
    suffix: bool = False
    #: only in the closing run of the article (its very last lines), never among stray lines before it
    closing: bool = False
    #: a line that a line ending in ":" introduces stays ("The winners were:", a list of addresses)
    introduced_stays: bool = False

    def regex(self, pattern: re.Pattern[str] | str | None = None) -> re.Pattern[str]:
        """``pattern`` (default: the rule's own) compiled."""
        source = self.pattern if pattern is None else pattern
        if isinstance(source, re.Pattern):
            return source
        compiled = _COMPILED.get((source, self.flags))
        if compiled is None:
            compiled = _COMPILED[source, self.flags] = re.compile(source, self.flags)
        return compiled


@dataclass(frozen=True, slots=True)
class Match:
    """A rule that matched a segment: the text it removes and the fields it found."""

    rule: Rule
    text: str
    fields: dict[str, str] = field(default_factory=dict)
    confidence: float = 1.0


def _rule(
    name: str,
    kind: str,
    pattern: str,
    where: Iterable[Where],
    *,
    flags: int = 0,
    max_words: int = 60,
    prefix: bool = False,
    extract: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    bio: bool = False,
    confidence: float = 0.9,
    opens_list: bool = False,
    suffix: bool = False,
    needs: tuple[str, ...] | None = None,
    closing: bool = False,
    introduced_stays: bool = False,
) -> Rule:
    """A rule; ``needs`` defaults to the built-in table (user rules pass ``()``)."""
    return Rule(
        name,
        kind,
        pattern,
        frozenset(where),
        max_words,
        prefix,
        extract,
        keywords,
        bio,
        flags,
        confidence,
        opens_list,
        _NEEDS.get(name, ()) if needs is None else needs,
        suffix,
        closing,
        introduced_stays,
    )


_DIGITS = tuple("0123456789")
#: Words a line of prose in lower case hardly goes without; a picture's file name or alt text has none.
_FUNCTION_WORDS = (
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "is", "are", "was", "were", "be", "been", "am", "it", "its", "this", "that", "there", "then", "so",
    "i", "you", "he", "she", "we", "they", "me", "my", "your", "his", "her", "our", "their", "not", "no",
    "if", "up", "out", "all", "just", "what", "who", "how", "why", "when", "where", "do", "did", "can",
    "will", "would", "lol", "omg",
)  # fmt: skip
#: What each built-in rule needs in a segment before its pattern is worth running (see Rule.needs).
#: Short body lines (subheadings) meet every body rule, so this keeps most patterns from ever compiling.
_NEEDS: dict[str, tuple[str, ...]] = {
    "image-source-line": ("source",),
    "syndication-first-appeared": ("appeared", "published", "ran ", "posted"),
    "syndication-republished": ("published", "reprinted", "syndicated", "reproduced", "shared"),
    "syndication-originally": ("originally", "first"),
    "syndication-other-languages": ("dieser", "cet article", "este art"),
    "syndication-creative-commons": ("republished",),
    "syndication-free-content": ("content created",),
    "staff-reports": ("reports",),
    "bio-first-person": ("i'm", "i’m", "i am"),
    "bio-third-person": (
        "journalist", "write", "report", "correspondent", "editor", "author", "columnist", "contributor",
        "freelancer", "blog", "analyst", "producer", "photographer", "commentator", "novelist",
    ),
    "bio-role-first": (
        "journalist", "writer", "reporter", "correspondent", "editor", "author", "columnist", "contributor",
        "freelancer", "blogger", "analyst", "producer", "photographer", "commentator", "novelist",
    ),
    "about-the-author": ("about the author",),
    "quoted-wire-dateline": ("(",),
    "related-on": ("related",),
    "gallery-counter": (" of ",),
    "agency-before-caption": (
        "cen ", "getty", "wireimage", "filmmagic", "rex features", "barcroft", "swns", "splash", "reuters",
        "pa ", "epa ",
    ),
    "contact-author": ("write to", "contact", "reach", "mail", "follow", "@"),
    "update-note": ("(",),
    "caps-label-link": (":",),
    "handle-line": ("@",),
    "bracketed-source": ("[",),
    "attribution-note": ("attribution",),
    "comment-header": (":",),
    "photo-agency-line": (
        "fameflynet", "bauer", "infphoto", "x17", "backgrid", "mega agency", "europics",
        "getty", "wireimage", "filmmagic", "shutterstock", "rex", "splash", "barcroft", "caters", "cen",
        "central european", "swns", "corbis", "alamy", "epa", "afp", "ap", "reuters", "nurphoto", "anadolu",
        "xinhua", "zuma", "pa", "youtube", "facebook", "twitter", "instagram", "google", "flickr", "tumblr",
        "reddit", "imgur", "supplied", "handout",
    ),
    "helpline": ("if you",),
    "opinion-link": ("opinion:",),
    "byline": ("by",),
    "published-line": ("published", "posted", "date", "veröffentlicht", "publié", "publicado", "datum"),
    "updated-line": ("update", "modified", "aktualisiert", "mis à jour", "actualizado"),
    "author-credit": ("writes", "reports", "blogs"),
    "copyright": ("©", "(c)", "copyright", "rights reserved", "tm and", "paste"),
    "disclaimer": (
        "disclaimer", "disclosure", "views", "note", "this article", "this post", "this content", "opinions",
    ),
    "wire-credits": (" by", "reporting from", "reporting:", "reporting :"),
    "contributed-to-report": ("contribut", "reported", "with "),
    "tags-line": ("tags", "topics", "keywords", "filed", "posted"),
    "source-line": (":", "："),
    "via-line": ("via",),
    "source-caps": ("source",),
    "source-link": ("source", "original"),
    "hat-tip-explicit": ("h/t", "hat tip"),
    "thanks-tip": ("heads up", "heads-up", " tip"),
    "source-handle": ("source",),
    "hat-tip": ("h/t", "hat tip", "via"),
    "related-glued": ("related",),
    "comment-call": ("comment",),
    "reader-question": ("you",),
    "reader-call": ("?",),
    "newsletter-promo": ("briefing", "newsletter"),
    "hat-tip-head": ("h/t", "via"),
    "bare-address": (".",),
    "syndication-retitled": ("published",),
    "signed-name": ("-", "–", "—"),
    "via-link": ("via",),
    "wire-credits-suffix": (" by",),
    "image-via": ("via", "by", "courtesy", "credit"),
    "syndication-bracketed": ("originally", "first"),
    "updated-note": (
        "updated", "corrected", "been update", "update added", "updates added", "update below",
        "updates below",
    ),
    "related-header": (
        "more", "related", "recommended", "you may", "you might", "most ", "trending", "top stories",
        "read", "see", "also", "further", "earlier", "complete coverage", "archive",
    ),
    "read-also": (
        "read", "see", "more", "continue", "related", "recommended", "watch", "listen", "earlier",
        "full video", "live",
    ),
    "read-more-link": ("read", "see", "watch", "for more", "in pictures", "check out", "the full", "click",
        "coverage",
    ),
    "call-to-action": (
        "share", "follow", "subscribe", "sign up", "like us", "click", "join", "don", "download", "get ",
        "support", "tap here", "send us", "got a", "email the", "leave a", "scroll down", "find", "report",
        "keep in touch", "want", "contact", "for more", "newsletter", "conversation", "if you know", "@",
        " on facebook", " on twitter", " on instagram", "mobile device", "up to date", "up-to-date",
        "vote now", " below", " above",
    ),
    "contact-line": ("@",),
    "photo-credit": (
        "photo", "image", "picture", "illustration", "video", "credit", "screen", "courtesy", "render",
        "mock", "concept", "artist",
    ),
    "agency-photo-credit": ("/", "(", "[", "©", "uploaded"),
    "developing": (
        "develop", "breaking", "being updated", "to come", "to follow", "check back", "stay tuned",
        "update this", "will be", "bring you more", "more coming", "will update", "continue to update",
    ),
    "related-suffix": ("related", "read more"),
    "bracketed-read-more": ("read ", "caught up", "catch up"),
    "arrow-link": ("»", "›"),
    "widget-button": ("view all", "photos", "pictures", "images", "expand", "powered by"),
    "markup-junk": ("(", "<", "{"),
    "date-line": _DIGITS,
    "dateline-line": ("|", "•", "-", "–", "—"),
    "update-note-prefix": ("(",),
    "bracketed-date-prefix": ("(",),
    "via-picture-host": ("via",),
    "pic-shows": ("shows",),
    "information-from": ("information from",),
    "screenshot-name": ("screen",),
    "ads-header": ("ads", "sponsored", "promoted", "around the web", "paid", "featured", "recommended by"),
}  # fmt: skip


_HEAD: tuple[Where] = ("head",)
_TAIL: tuple[Where] = ("tail",)
_ANY: tuple[Where, Where, Where] = ("head", "tail", "body")
_EDGES: tuple[Where, Where] = ("head", "tail")
_URL = r"(?P<outlet_url>https?://\S+?)[.)]*(?:\s|$)"

DEFAULT_RULES: tuple[Rule, ...] = (
    # --- attribution -----------------------------------------------------------------------------
    _rule(
        "image-source-line",
        "photo_credit",
        r"^\W{0,3}(?:(?:Image|Photo|Picture)s? )?Sources?\s*[:：]\s*(?:[^/]{0,40}/\s*)?"
        rf"(?i:{_IMAGE_HOSTS})\W*$",
        _ANY,
        max_words=10,
    ),
    _rule(
        "source-line",
        "source",
        r"^\W{0,3}(?P<label>[^\W\d_]{3,9})\s*[:：]\s*(?P<source>https?://\S{2,300}?|[^\n]{2,100}?)\W{0,2}$",
        _ANY,
        max_words=10,
        keywords=SOURCE_KEYWORDS,
    ),
    _rule(
        "information-from",
        "source",
        r"^Information from\s*:\s*(?P<source>[^,]{2,80}?)(?:,\s*https?://\S+)?\.?$",
        _EDGES,
        max_words=16,
    ),
    _rule(
        "via-line",
        "source",
        r"^\W{0,3}(?P<label>via)\s*[:：]\s*(?P<source>https?://\S{2,300}?|[^\n]{2,100}?)\W{0,2}$",
        _ANY,
        flags=re.I,
        max_words=10,
        confidence=0.85,  # "via" names a hop on the way; a "Source:" line, where it is, wins
    ),
    _rule(
        "source-caps",
        "source",
        r"^SOURCES?\s*[-–—]?\s+(?P<source>[A-Z][\w.&'’ ]{1,40}?)\s*[-–—]?$|^SOURCE-(?P<dashed>[^-]{2,40})-$",
        _ANY,
        max_words=6,
    ),
    _rule("source-link", "source", r"^(?:Source|Original) (?:link|article)\W*$", _TAIL, flags=re.I),
    _rule(
        "closing-outlet",
        "source",
        r"^[-–—]?\s*(?!The (?:Last|First) Post$)(?P<source>(?:The )?(?:[A-Z][\w.'’&-]* ){1,3}"
        r"(?:Post|Times|Herald|Tribune|Journal|Guardian|Telegraph|Independent|Globe|Chronicle|Gazette|"
        r"Observer|Examiner|Inquirer|Courier|Dispatch|Bulletin)|(?:USA|WA) Today|(?:The )?Daily Mail|"
        r"(?:THE )?(?:[A-Z][A-Z.'’&-]* ){0,3}(?:POST|TIMES|HERALD|TRIBUNE|JOURNAL|GUARDIAN|TELEGRAPH|GLOBE|"
        r"CHRONICLE|GAZETTE)|"
        r"(?:[A-Z]{2,6}|[A-Z][a-z]+)\s*/\s*(?:wires|agencies))\.?$",
        _TAIL,
        max_words=6,
        closing=True,
        confidence=0.75,  # the outlet the copy came from, set alone under it; a "Source:" line wins
    ),
    _rule(
        "agencies-credit",
        "source",
        r"^(?P<source>(?:Agencies|News agencies|Wires)\s*/\s*[\w.&'’-]+(?: [\w.&'’-]+){0,3}|"
        r"[\w.&'’-]+(?: [\w.&'’-]+){0,3}\s*/\s*(?:Agencies|News agencies|Wires))$",
        _TAIL,
        max_words=8,
        confidence=0.8,  # "Agencies/Canadajournal": the copy's agencies and the outlet that compiled it
    ),
    _rule(
        "hat-tip-explicit",
        "source",
        r"^[(\[]?(?:h/t|hat tip)(?: to)?(?:\s*:)?\s+(?P<source>[^\s()\[\]|/][^()\[\]|/]{1,59}?)"
        r"(?:\s*[|/]\s[^\[\]]*)?[)\]]?"
        r"(?:\s*[(\[][^()\[\]]{2,80}[)\]])*\.?$",
        _ANY,
        flags=re.I,
        max_words=16,
    ),
    _rule(
        "thanks-tip",
        "source",
        r"^[(\[]Thanks?(?: you)? to (?P<source>(?-i:[A-Z])[^()\[\]]{1,39}?) for the (?:heads[- ]up|tip)"
        r"\W{0,2}[)\]]$",
        _ANY,
        flags=re.I,
        max_words=16,
        introduced_stays=True,  # "[Thanks to Barrons for the heads up]": who pointed the writer to the story
    ),
    _rule(
        "source-handle",
        "source",
        r"^\W{0,3}Sources?\s+(?P<source>@\w{2,30})\W{0,2}$",
        _ANY,
        max_words=3,
    ),
    _rule(
        "hat-tip",
        "source",
        r"^(?!.*:$)(?:[-–—]{1,2}\s*)?[(\[]?(?:h/t|hat tip|via)(?: to)?\s*:?\s+"
        rf"(?!(?:www\.)?(?:{_IMAGE_HOSTS})\b)"
        r"(?P<source>[^()\[\]]{2,60}?)[)\]]?\.?$",
        _TAIL,
        flags=re.I,
        max_words=8,
    ),
    _rule(
        "hat-tip-head",
        "source",
        rf"^(?!.*:$)(?:[(\[](?i:h/t|via)\s+|(?:h/t|via)\s+)(?!(?:www\.)?(?i:{_IMAGE_HOSTS})\b)"
        r"(?P<source>[A-Z][^()\[\]:]{1,60}?)[)\]]?\.?$",
        _HEAD,
        max_words=8,
    ),
    _rule(
        "image-via",
        "photo_credit",
        r"^[(\[][^()\[\]]{0,60}?\b(?:Image|Photo|Picture|Video|Featured image|Screen ?grab|Screen ?shot)s?\s+"
        r"(?:via|by|courtesy of|credit:?)\s+[^()\[\]]{2,80}[)\]]$",
        _ANY,
        flags=re.I,
        max_words=15,
    ),
    _rule(
        "syndication-first-appeared",
        "syndication",
        r"^[(\[]?(?:Editor['’]?s note\s*:\s*)?(?:This|The|A version of this|An earlier version of this) "
        r"(?:article|story|post|piece|column|essay|interview|report|blog post|op-ed)\s+"
        r"(?:was\s+|has been\s+|is\s+)?"
        r"(?:first|originally)?\s*(?:appeared|published|ran|posted)\s+(?:on|in|at|by|with)\s+"
        rf"(?:[\w'’]+ (?:print )?edition of (?:the )?)?{_OUTLET}{_OUTLET_END}",
        _EDGES,
        flags=re.I,
        max_words=80,
        extract=(_URL,),
    ),
    _rule(
        "syndication-republished",
        "syndication",
        r"^[(\[]?(?:This|The) (?:article|story|post|piece|column|essay|interview|report)\s+"
        r"(?:is|was|has been)\s+(?:re-?published|reprinted|syndicated|reproduced|shared)\s+"
        rf"(?:here\s+)?(?:from|with (?:the )?permission (?:from|of)|courtesy of|by)\s+{_OUTLET}{_OUTLET_END}",
        _EDGES,
        flags=re.I,
        max_words=80,
        extract=(_URL,),
    ),
    _rule(
        "syndication-originally",
        "syndication",
        r"^[(\[]?(?:Originally|First) (?:published|appeared|posted)\s+(?:by|in|on|at)\s+"
        rf"{_OUTLET}{_OUTLET_END}",
        _EDGES,
        flags=re.I,
        max_words=60,
        extract=(_URL,),
    ),
    _rule(
        "syndication-other-languages",
        "syndication",
        r"^[(\[]?(?:Dieser (?:Artikel|Beitrag|Text) (?:erschien|wurde) (?:zuerst|ursprünglich)\s+"
        r"(?:veröffentlicht\s+)?(?:in|auf|bei|im)|"
        r"Cet article a (?:d'abord|initialement|originellement) été publié (?:sur|dans|par)|"
        r"Este artículo (?:fue|se) publicó? (?:originalmente|primero|por primera vez) en)\s+"
        r"(?:der |dem |den |die |das |le |la |les |l'|el |la )?"
        rf"{_OUTLET}{_OUTLET_END}",
        _EDGES,
        flags=re.I,
        max_words=60,
        extract=(_URL,),
    ),
    _rule(
        "syndication-retitled",
        "syndication",
        r"^[(\[]?Originally published (?:as|under the (?:title|headline))\s+\S.{0,200}$",
        _EDGES,
        flags=re.I,
        max_words=40,
    ),
    _rule(
        "syndication-creative-commons",
        "syndication",
        rf"^.{{0,80}}\brepublished from {_OUTLET} under a Creative Commons",
        _EDGES,
        flags=re.I,
        max_words=60,
        extract=(_URL,),
    ),
    _rule(
        "syndication-free-content",
        "syndication",
        # the notice a news foundation's free copy carries: "Content created by The Daily Caller News
        # Foundation is available without charge to any eligible news publisher ..." (its labels name no
        # original outlet: the copy is the foundation's own)
        r"^Content created by .{2,80}? is available without charge\b.{0,400}$",
        _EDGES,
        flags=re.I,
        max_words=90,
    ),
    _rule(
        "syndication-bracketed",
        "syndication",
        r"^[(\[].{0,60}\b(?:originally|first) (?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s+"
        rf"{_OUTLET}{_OUTLET_END}.*[)\]]$",
        ("body",),
        flags=re.I,
        max_words=40,
        extract=(_URL,),
    ),
    # --- authors ---------------------------------------------------------------------------------
    _rule(
        "bio-first-person",
        "author_bio",
        rf"^I(?:'m|’m| am) (?P<author>{NAME}),?\s+(?:a|an|the)\b.*\b{_ROLE}",
        _TAIL,
        max_words=150,
        bio=True,
        extract=(rf"\b{_ROLE}s?\b(?:\s+and\s+\w+)?\s+(?:for|at|with)\s+{_PUBLISHER}",),
    ),
    _rule(
        "bio-third-person",
        "author_bio",
        rf"^[-–—]?\s*(?:About the author\W*)?(?P<author>{NAME}) "
        rf"(?:(?:is|was|has been|works as) (?:a|an|the)\b(?:[^.]|\.(?=\w)){{0,120}}\b{_ROLE}|"
        r"(?:writes|reports|blogs) (?:for|about|on|regularly)\b|writes \S+['’]s?\b)",
        _TAIL,
        max_words=120,
        bio=True,
        extract=(
            rf"\b{_ROLE}s?\b\s+(?:for|at|with)\s+{_PUBLISHER}",
            rf"\b(?:writes|reports|works|blogs)\b[^.]{{0,80}}?\b(?:for|at)\s+{_PUBLISHER}",
        ),
    ),
    _rule(
        "bio-role-first",
        "author_bio",
        r"^(?!(?:Former|Veteran|The|Retired|Ex-|Longtime|Fellow|Another|One|A|An)\b)"
        rf"(?:[A-Z][\w&'’.-]*\s+){{1,4}}(?i:{_ROLE})\s+(?P<author>{NAME})\s+(?:is|was|has been)\s+"
        r"(?:a|an|the)\b.{5,300}$",
        _TAIL,
        max_words=80,
        bio=True,
        extract=(rf"\b{_ROLE}s?\b\s+(?:for|at|with)\s+{_PUBLISHER}",),
    ),
    _rule("about-the-author", "author_bio", r"^About the authors?\W*$", _TAIL, flags=re.I, max_words=4),
    _rule(
        "byline",
        "byline",
        rf"^(?i:by):?\s+(?P<author>{_NAMES})(?:\s*(?:[|,]|[–—-]\s)\s*(?P<date>[^|]{{4,40}}))?\.?$|"
        rf"^(?P<dated>(?i:{_MONTH})\s+\d{{1,2}},\s+\d{{4}})\s+by\s+(?!The\b)(?P<by>{_NAMES})(?:\s+\d+\s+Comments?)?$",
        _HEAD,
        max_words=16,
    ),
    _rule(
        "staff-reports",
        "byline",
        r"^(?:From |By )?(?:Staff|Wire|Staff and wire|News services?|Wire services?) reports\.?$",
        _EDGES,
        flags=re.I,
        max_words=6,
    ),
    # --- dates and places ------------------------------------------------------------------------
    _rule(
        "dateline-line",
        "dateline",
        r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,30}?\s*[|•]|[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){0,3}"
        r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?|\s*\((?P<source>[A-Z][\w.&/' -]{1,30})\))"
        r"\s*[-–—]{1,2})$",
        _HEAD,
        max_words=5,
        confidence=0.6,
    ),
    _rule(
        "published-line",
        "published_line",
        r"^(?:Published|Posted|First published|Date(?: created| published)?|Veröffentlicht|Publié|Publicado|"
        r"Datum)\s*(?:on|at|am|le|el)?\s*[:\-–]?\s*"
        rf"(?P<date>(?=\d|(?i:{_MONTH}|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b))[^|]{{6,60}}?)"
        r"(?:\s*\|\s*(?:Updated|Last updated)\s*(?:on|at)?\s*[:\-–]?\s*(?P<updated>.{6,60}))?$",
        _EDGES,
        max_words=14,
    ),
    _rule(
        "updated-note",
        "published_line",
        r"^(?:[-–—]\s*)?[(\[]?(?:(?:Note:\s*)?This|Update:\s*(?:This|The)) (?:story|article|post|report) "
        r"(?:was|has been) (?:updated?|corrected)\b[^()\[\]]{0,120}[)\]]?\.?$|"
        r"^\W{0,3}Update(?:s|d)? (?:added|below)\b[^.]{0,30}$",
        _EDGES,
        flags=re.I,
        max_words=25,
    ),
    _rule(
        "updated-line",
        "published_line",
        r"^(?:Updated|(?i:Last updated?)|Updates?(?= at \d)|Last modified|Aktualisiert|Mis à jour|"
        r"Actualizado)"
        r"\s*(?:on|at|am|le|el)?\s*[:\-–]?\s*(?P<updated>.{6,60})(?<!:)$",
        _EDGES,
        max_words=12,
    ),
    _rule(
        "bracketed-date-prefix",
        "published_line",
        rf"^\((?P<date>(?i:{_MONTH})\s+\d{{1,2}},\s+\d{{4}})(?:,\s*(?i:updated?)\s+[^()]{{1,20}})?\)"
        r"\s*(?:[-–—]{1,2}\s*)?(?=[A-Z\"“])",
        _HEAD,
        prefix=True,
    ),
    _rule(
        "update-note-prefix",
        "other",
        r"^\((?:Updates|Adds|Recasts|Corrects|Changes|Repeats|Refiles)\b[^()]{2,120}\)\s*",
        _HEAD,
        prefix=True,
    ),
    _rule(
        "update-note",
        "other",
        r"^\((?:Updates|Adds|Recasts|Corrects|Changes|Repeats|Refiles)(?:\s+[\w'’-]+){0,3}?\s+"
        r"(?:with|to|throughout|headline|dateline|byline|paragraph)\b[^()]{0,120}\)$",
        ("body", "tail"),
        max_words=25,
    ),
    _rule(
        "screenshot-name",
        "other",
        rf"^{_SCREENSHOT}",
        ("head", "body"),
        flags=re.I,
        prefix=True,
    ),
    _rule(
        "byline-before-dateline",
        "byline",
        rf"^By\s+(?P<author>{_NAMES})\s+(?=(?:[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){{0,3}},?[^()]{{0,40}}"
        rf"|(?i:{_MONTH})\s+\d{{1,2}}\s*)\((?:{_AGENCY})\)\s*[-–—])",
        _HEAD,
        prefix=True,
        confidence=0.85,
    ),
    _rule(
        "dated-dateline",
        "dateline",
        # "CORSICANA (October 14, 2014) - Navarro County officials ...", "Rajasthan, Oct 14: A man ...",
        # "(ANSA) - Ancona, January 23 - A nun ...": a place, then the day the story was filed,
        # before the lead (not a weekday, a timeline's or a diary's day: "Friday, Nov 13: ...")
        rf"^(?:(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){{0,3}}),?\s+"
        rf"\((?P<date>{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}})\)\s*[-–—]{{1,2}}\s*|"
        r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|Match|Game|Race|Week|To|Yester)day\b|"
        r"(?:In|On|At|By|From|Meanwhile|Then|Later|And|But|So|Also|Tomorrow|Day|Week|Entry|Update)\b)"
        rf"[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}},\s+{_MONTH_NAME}\s+\d{{1,2}}\s*:\s*|"
        rf"\((?P<agency>{_AGENCY})\)\s*[-–—]{{1,2}}\s*[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}},\s+{_MONTH_NAME}\s+"
        r"\d{1,2}\s*[-–—]{1,2}\s*)(?=[A-Z\"“])",
        _HEAD,
        prefix=True,
        confidence=0.7,
    ),
    _rule(
        "dateline",
        "dateline",
        r"^(?:(?P<place>[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){0,3}(?= ?,| ?\(|\s*[-–—])\s?"
        rf"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?(?:,\s+(?i:{_MONTH})\s+\d{{1,2}})?)\s*"
        rf"(?:\(\s?(?P<source>[A-Z][\w.&/' -]{{0,30}}?)\)(?:,\s+(?P<author>{NAME}))?)?"
        rf"|[A-Z][\w.'’ -]{{1,40}}?(?:\s*\([^()]{{1,30}}\))?\s*\((?P<wire>{_AGENCY})\)"
        r"|[A-Z][\w.'’ -]{1,40}?,\s+[A-Z][\w.'’ -]{1,30}?\s*\((?P<station>"
        rf"(?:CBS|NBC|ABC|FOX|CW|PBS|NPR|[KW][A-Z]{{2,3}})(?:[ -][A-Z\d]{{2,12}}){{0,2}}|{_AGENCY})\)"
        rf"|\((?P<date>(?i:{_MONTH})\s+\d{{1,2}},\s+\d{{4}})\)"
        r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
        rf"(?:,\s+(?:{_MONTH_NAME}\s+\d{{1,2}}|[A-Z][a-z.]+(?:\s+[A-Z][a-z.]+)?)"
        r"|\s*\([A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|and|of|the))*\))"
        r"(?=\s*(?:[-–—]{1,2})\s*[A-Z\"“])"
        rf"|(?:(?i:{_MONTH})\s+\d{{1,2}}\s*)?\((?P<agency>{_AGENCY})\))"
        r"\s*(?:[-–—]{1,2}\s+|(?:[–—]{1,2}|--)(?=[A-Z\"“]))"
        r"(?=\S)",
        _HEAD,
        prefix=True,
        confidence=0.75,  # an agency in a dateline credits the wire, weaker than a source line
    ),
    _rule(
        "bracket-dateline",
        "dateline",
        # "(AP) The ...", "(RNS) When ...", "Sanaa, Yemen (CNN)Rebels took ...": a bracket that opens the
        # lead, or a place of capitalised words glued to the lead by its agency, with no dash after it
        rf"^(?:\((?P<agency>(?i:{_AGENCY}))\)|"
        r"\((?!(?:UPDATED?|UPDATES?|VIDEOS?|PHOTOS?|WATCH|LISTEN|EXCLUSIVE|BREAKING|OPINION|ANALYSIS|SATIRE|"
        r"AUDIO|LIVE|CORRECTED|CORRECTION|LEAD|NASA)\))(?P<bracketed>[A-Z]{2,10})\)|"
        rf"[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){{0,3}} ?\((?P<wire>{_AGENCY})\)(?=[A-Z\"“]))\s*(?=[A-Z\"“])",
        _HEAD,
        prefix=True,
        confidence=0.75,
    ),
    _rule(
        "place-dateline",
        "dateline",
        r"^(?:(?P<place>"
        + "|".join(map(re.escape, sorted(set(DATELINE_CITIES) - AMBIGUOUS_CITIES, key=len, reverse=True)))
        + "|"
        + "|".join(c.upper() for c in map(re.escape, DATELINE_CITIES))
        + r")"
        r"\s*(?:[:|]|[-–—]{1,2}(?![^.]{3,80}?\s[-–—]{1,2}\s))|"
        r"\((?P<bracketed>[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][A-Za-z.]{1,15})?)\)"
        r"\s*[-–—]{1,2})\s*(?=[A-Z\"“])",
        _HEAD,
        prefix=True,
        confidence=0.7,  # a capital or a large city before the lead: "Beirut: ...", "(WASHINGTON, DC) – ..."
    ),
    _rule(
        "quoted-wire-dateline",
        "dateline",
        r"^[A-Z][A-Z.'’]+(?:[ /-][A-Z][A-Z.'’]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
        rf"\s*\((?:{_AGENCY})\)\s*[-–—]{{1,2}}\s*(?=[A-Z\"“])",
        ("body",),
        prefix=True,
        confidence=0.6,  # wire copy quoted inside the article: a dateline, but not this copy's source
        introduced_stays=True,  # "From the Associated Press:" quotes the copy whole
    ),
    _rule(
        "gallery-counter",
        "other",
        r"^\d{1,3} of \d{1,3}(?=[A-Z\"“‘'])",
        ("body",),
        prefix=True,
        confidence=0.8,  # "1 of 3Kim Yo-jong (circled) ...": a slideshow's counter glued to the caption
    ),
    _rule(
        "agency-before-caption",
        "photo_credit",
        r"^(?:(?>CEN|Getty(?: Images)?|WireImage|FilmMagic|Rex Features|Barcroft Media|SWNS|Splash News)\s+"
        r"(?=[A-Z\"“‘'])|(?:Reuters|PA|EPA)\s+(?=[A-Z][\w'’-]*(?:\s[\w'’-]+){0,3}[:?]\s))"
        # not the agency named as the subject: "Getty Images said ...", "EPA Administrator ...: ..."
        r"(?!(?:Images|Museum|Center|Centre|Foundation|Trust|Institute|Director|Chief|President|Chairman|"
        r"Spokes\w+|Officer|Manager|Head|Poll|Survey|Consulting|Administrator|Television|TV|News|Group|"
        r"Breakingviews|Investigates)\b)",
        ("body",),
        prefix=True,
        confidence=0.8,  # "CEN   Tragic: Doctors said ...": the picture's agency, then its caption
    ),
    _rule(
        "agency-glued-caption",
        "photo_credit",
        r"^(?:Getty(?= ?Images[A-Z])(?: ?Images)?|Getty(?!Images)|Reuters|REUTERS|AFP|EPA|CEN|REX|"
        r"Rex Features)(?=[A-Z][a-z]+[ -][A-Z])",
        ("body",),
        prefix=True,
        confidence=0.8,  # "ReutersKim Jong Un looking at fast food": the agency glued to its caption
    ),
    _rule(
        "credit-before-quote",
        "photo_credit",
        r"^(?:Photo|Image|Picture)s?\s*:\s*[A-Z][\w.&'’-]{1,30}(?: [A-Z][\w.&'’-]{1,30}){0,2}(?=[“\"])",
        ("body",),
        prefix=True,
        confidence=0.8,  # "Photo: Facebook“My whole dream ...,” she said.": a credit glued to a quote
    ),
    # --- calls, credits, notices -----------------------------------------------------------------
    _rule(
        "related-header",
        "read_also",
        r"^\W{0,3}(?:More(?: (?:stories|news|headlines|from [\w .&'’-]{1,40}|on this|in [\w ]{1,30}))?|"
        r"(?-i:MORE [A-Z][A-Z ]{2,40})|"
        r"Related(?: (?:articles?|stories|coverage|content|reading|links?|posts?))?|"
        r"Recommended(?: for you)?|You (?:may|might) also like|Most (?:popular|read)|"
        r"Trending(?: now)?|"
        r"Top stories|(?:Read|See) (?:more|also)|Also (?:read|see)|Further reading|From earlier|"
        r"From the archives?|(?:Other )?stories you (?:may|might) (?:find interesting|like|enjoy)|"
        r"Also on [\w .]{1,30}|Complete coverage)\W{0,3}$",
        _ANY,
        flags=re.I,
        max_words=8,
        opens_list=True,
    ),
    _rule(
        "related-on",
        "read_also",
        r"^Related (?:on|from|in|at) [\w .&'’-]{1,30}:\s*\S.{2,150}$",
        _ANY,
        max_words=30,
        opens_list=True,  # "Related on Checkpoint: <headline>", and more headlines below it
    ),
    _rule(
        "ads-header",
        "other",
        r"^\W{0,3}(?:Ads(?: by \w+)?|Sponsored(?: (?:links?|content|stories|posts))?|"
        r"Featured (?:resources?|partners?)|Recommended by (?-i:[A-Z][\w.]+)(?: (?-i:[A-Z][\w.]+))?|"
        r"Promoted (?:links?|stories|content)|(?:From )?Around the web|"
        r"Paid (?:content|partner content))"
        r"\W{0,3}$",
        _ANY,
        flags=re.I,
        max_words=5,
        opens_list=True,
    ),
    _rule(
        "read-also",
        "read_also",
        r"^[-–—\[(]?\s*(?:Read (?:also|more|next|this|(?:the )?full (?:story|article))|See (?:also|more at)|"
        r"Also read|More on this|Continue reading|(?-i:MORE)|From earlier|"
        r"For more(?: on this)?,? (?:see|read)\b|"
        r"Related(?: (?:on|from|in|at) [\w .&'’-]{1,30}| \w+)?|(?-i:Related[A-Z][\w'’]*)|Recommended|"
        r"Watch(?: (?:the )?video)?|WATCH|Listen|(?-i:READ)|See (?:the )?(?:video|photos?|pictures)|"
        r"Now read(?=\s*:)|Full video|"
        r"Live (?:updates|blog|coverage)(?: here)?)\s*(?:[:>»|\-–—]|$)",
        _ANY,
        flags=re.I,
        max_words=30,
    ),
    _rule(
        "ad-copy",
        "other",
        # an ad network's teasers, in the title case ad copy is set in: "Special: Doctors Reversing
        # Diabetes ...", "Unique Method Regrows Lost Hair (Do This Daily)", "1 Weird Trick for ..."
        r"^(?:Special: (?:(?:[A-Z0-9][\w'’:.-]*|a|an|the|of|to|in|on|for|and|with|at|by|from|is|[—–&-]|\.)"
        r"\s+){4,}"
        r"[A-Z0-9.][\w'’.-]*|"
        r"(?!.*\.$)(?:.{5,120}\((?:Do|Try|Watch|See) (?:This|Why|How)\b[\w ]{0,20}\)|"
        r"(?:\d+|One) (?:Weird|Simple|Strange|Odd) Tricks?\b.{0,150}|"
        r".{0,120}\b(?:Shocking Claim|You Won['’]t Believe|Doctors (?:Are )?(?:Stunned|Baffled))\b"
        r".{0,120}))$",
        ("body", "tail"),
        max_words=30,
    ),
    _rule(
        "bracketed-link",
        "read_also",
        r"^[\[(]\s*(?:Video|Photos?|Pictures|Gallery|Slideshow|Related|Read|Watch)\s*:"
        r"\s*[^\[\]()]{3,150}[\])]$",
        _ANY,
        max_words=30,
    ),
    _rule(
        "related-glued",
        "read_also",
        r"^(?:[a-z](?=R))?(?-i:Related) ?(?=[A-Z0-9'‘\"“]).{2,}$",
        ("body", "tail"),
        max_words=150,
        opens_list=True,  # a related-stories widget: its section, more headlines and "SEE ALL" follow
    ),
    _rule(
        "read-more-link",
        "read_also",
        r"^\W{0,3}(?:\(Excerpt\)\s*)?"
        r"(?:Continue reading\.(?=$)|"
        r"(?:You can )?(?:Read|See|Watch) (?:more|the (?:full|whole|entire|original) (?:blog |news )?"
        r"(?:story|article|piece|report|post|video))|"
        r"(?:You can )?(?:Read|See|Watch|Listen to) the (?:full|whole|entire|original) (?:text of the )?"
        r"(?:letter|statement|transcript|interview|speech)(?: (?:here|below|above)|"
        r"(?: (?:over )?(?:at|on|in) (?:the )?(?-i:[A-Z])[\w.-]*+(?: (?-i:[A-Z])[\w.-]*+){0,3}))?\W*$|"
        r"For more(?: (?:information|details|news|coverage|discussion|stories|reading))?"
        r"(?: (?:on|about) [^,.]{1,40})?,? (?:see|read|visit|go to|head (?:on )?(?:over )?to|check out)\b"
        r"(?!.*[.!?]\s+[A-Z])|"
        r"Click (?:for|to (?:read|see|hear|watch)) (?:more|audio|video)\b:?|"
        r"Click (?:the )?(?:photo|image|picture) (?:for|to (?:see|view)) "
        r"(?:the |a )?(?:slideshow|gallery|more)\b\.?|"
        r"For (?:full|complete|more|the latest|continuing) coverage\b.{0,80}\b(?:visit|see|go to|head to)\b|"
        r"See (?:an?|the|our) (?:(?-i:[A-Z])[\w.&'’-]*\s){1,4}(?:story|report|article|video|interview) "
        r"(?:below|above)[.!]?$|"
        r"In pictures\s*:|The full (?:text of the )?(?:letter|transcript|speech|decision|ruling|complaint|"
        r"lawsuit|filing) (?:is|can be (?:read|found|seen|viewed)) (?:here|below|online)\W*$|"
        r"The full (?:story|article|report|interview|statement) (?:is|can be (?:read|found)) "
        r"(?:here\W*$|(?:at|on) (?:https?://|www\.|our\b|the [\w ]{1,30}(?:website|site|page)\b))|"
        r"Read (?:this|the) (?:story|article) in (?-i:[A-Z])\w+|Check out (?:our|the) .{2,80}\bhere\W*$)"
        r"(?: (?:at|on|about|here))?(?:\s+\S.{0,150})?$",
        _ANY,
        flags=re.I,
        max_words=20,
    ),
    _rule(
        "author-credit",
        "author_bio",
        rf"^[-–—]?\s*(?P<author>{NAME}) (?:writes|reports|blogs) (?:for|at) {_PUBLISHER}\W*$",
        _EDGES,
        max_words=16,
        bio=True,
    ),
    _rule(
        "call-to-action",
        "call_to_action",
        r"^\W{0,8}(?:[A-Za-z]{2,12}:\s*)?(?:Please\s+)?"
        r"(?:Share (?:this|on|the)\b|(?:You can )?Follow (?:us|me|@)|Follow \w+(?: \w+)? (?:at|on) @\w+|"
        r"Like (?:and|&) share\b|Keep in touch\s*[!.:]|To contact the (?:author|writer|reporter|editors?)\b|"
        r"If you know more\b.{0,150}@|"
        r"(?=[^.!?]{0,150}\?)[^.!?]{0,150}\byour?\b[^.!?]{0,150}\?\s*(?:E-?mail|Write to|Tweet|Contact us)\s+"
        r"(?:us\s+)?(?:at\s+|on\s+)?[\w.+-]+@[\w.-]+\.\w+(?![^.]{0,80}\b(?:said|says|told|police)\b).{0,80}$|"
        r"Get (?:our|the|free|(?-i:[A-Z])\w*)\b.{0,60}\bnewsletters?\W*$|Join the conversation\b|"
        r"Follow (?:(?:the )?live updates|(?:the rest of )?our(?: [\w-]+){0,4} (?:coverage|blog|updates))\b"
        r".{0,120}$|"
        r"For more (?:stories|news|updates)\b.{0,40}?,? (?:like|follow)\b|"
        r"(?:To (?:get|receive|read)|For)\b.{0,80},\s*sign up (?:for|to|now)\b.{0,120}$|"
        r"See (?:more )?[^.!?]{3,80}\bin (?:the|our|this) (?:gallery|slideshow|video|photos?|pictures) "
        r"(?:below|above)\W*$|"
        r"Scroll down for\b|Scroll down to (?:read|see|watch|view) (?:the |our |(?-i:[A-Z])[\w'’]* )?"
        r"(?:full |latest |whole )?(?:story|article|video|gallery|photos?|pictures|comments|list|letter|"
        r"statement|post|interview|transcript)\b[^,;]{0,40}$|Click below (?:to|for)\b|"
        r"(?:On|Using) a mobile device\?.{0,60}|"
        r".{0,80}\bto stay up[- ]to[- ]date with (?:our|us)\b.{0,80}|(?-i:.{0,100}\bVote Now\b.{0,60})|"
        r"To report (?:a |an )?(?:problems?|errors?|typos?)(?: or (?:to )?leave feedback)?"
        r"(?: (?:on|about|in) this (?:article|story|page))?,?\s*(?:e-?mail|contact|write|please|call us)\b|"
        r"Want more\b.{0,40}\?\s*(?:Download|Follow|Subscribe|Sign up|Like)\b|"
        r"(?:Follow|Find) [A-Z][\w'’-]+ on (?:Twitter|X|Facebook|Instagram)\W*$|"
        r"(?:Follow|Find) (?P<author>" + NAME + r")(?: \(@\w+\))? on "
        r"(?:Twitter|X|Facebook|Instagram|Google\+)(?:\W|$)|"
        r"Subscribe\b|(?:Free )?Sign up\b|"
        r"Like (?:us|[\w .&'’-]{2,40}?) on (?:Facebook|Twitter|Instagram)(?=\s*(?:$|[/|!.]))|"
        r"(?<![\"“‘'])(?:Be sure to |Don['’]?t forget to )['‘]?Like['’]? "
        r"(?:us|(?-i:[A-Z])[\w.&'’-]*(?: [\w.&'’-]+){0,4}) on (?:Facebook|Twitter|Instagram)(?:\W*$|\s*[/|])|"
        r"Click here\b|Join (?:us|our)\b(?! next\b)|Don'?t miss\b|"
        r"Download (?:our|the) app|Get (?:our|the) (?:newsletter|app)|Support (?:our|independent) journalism|"
        r"Tap here|Send us a tip|Got a (?:news )?tip|Email the author|Leave a comment|"
        r".{0,150}(?:[.?!:,;–—-]\s*|\bplease\s+)click here\b.{0,80}$|"
        r".{0,150}\bclick here\W{0,3}$)",
        _ANY,
        flags=re.I,
        max_words=40,
    ),
    _rule(
        "contact-line",
        "call_to_action",
        r"^(?:E-?mail\s*:\s*)?[\w.+-]+@[\w-]+\.[\w.-]+(?:\s.{0,100})?$",
        _TAIL,
        flags=re.I,
        max_words=16,
    ),
    _rule(
        "contact-author",
        "author_bio",
        rf"^(?:Write to|Contact|E-?mail|Reach) (?P<contacts>{NAME} (?:at|on|via) {_REACHABLE}.{{0,300}})$|"
        rf"^(?P<addressed>{NAME} at [\w.+-]+@[\w-]+\.[\w.-]+)$|"
        r"^(?:You can )?(?:reach|contact|follow) (?:this (?:post|article|story)['’]s|the) "
        r"(?:author|writer|reporter),? "
        rf"(?P<author>{NAME}),? (?:on|at|via)\b.{{2,100}}$|"
        rf"^To (?:reach|contact) (?P<reach>{NAME}),? (?:call|e-?mail|send|write|tweet)\b.{{2,200}}$",
        _TAIL,
        max_words=60,
        confidence=0.7,  # the reporters to write to are the authors when no byline names any
    ),
    _rule(
        "handle-line",
        "call_to_action",
        r"^(?:Twitter|Instagram|Facebook|X)\s*:\s*@\w{1,30}$",
        _TAIL,
        max_words=3,
    ),
    _rule(
        "comment-header",
        "other",
        r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
        r"(?:(?:Yesterday|Today|\s\d{1,2} \w{3,9} \d{4})\s?|(?<=[a-z]))\d{1,2}:\d{2}"
        r"(?:\s?[AP]M)?(?:\+\d+)?$",
        ("body", "tail"),
        max_words=6,
        confidence=0.7,  # a comment's author and time: "Ann ExampleYesterday 19:58"
    ),
    _rule(
        "comment-call",
        "call_to_action",
        r"^(?:.{0,200}\b(?:you|your|us|share (?:it|them|your)|leave|sound off)\b.{0,80}"
        r"\b(?:in|to|on) the comments?(?: section)?(?: below)?|"
        r".{0,120}\b(?:let us know|tell us|sound off)\b (?:in|to|on) the comments?(?: section)?(?: below)?"
        r",? (?:if|whether|what|how)\b[^.!?]{0,120})\W{0,3}$",
        _TAIL,
        flags=re.I,
        max_words=40,
    ),
    _rule(
        "reader-question",
        "call_to_action",
        r"^(?:What do you (?:think|make of)|Do you think|How do you feel|What are your thoughts|"
        r"[A-Z][\w'’]+, (?:are|were|would|will|do|did|what do) you\b|"
        r"(?:[^.!?\"“”]{0,120},\s*)?(?:which|what)(?: \w+){1,2} (?:do|did|will|would) you "
        r"(?:think|plan|prefer|like|want|choose|pick|buy|expect|make of)\b|"
        r"(?-i:(?:[^.!?\"“”]{0,60}\s)?[A-Z]?[a-z]+ YOU\b))[^.!?]{0,150}\?"
        r"(?:\s+[^.!?]{0,150}\?)*(?:\s+(?:Share|Tell us|Let us know|Sound off|Leave|Comment)\b.{0,100})?$",
        _TAIL,
        flags=re.I,
        max_words=40,
        closing=True,
        introduced_stays=True,
    ),
    _rule(
        "photo-credit",
        "photo_credit",
        r"^[(\[]?(?:(?:(?:Top|Main|Lead|Header|Cover|Featured) )?(?:Photo|Image|Picture)|Photograph|"
        r"Illustration|Video|Credit)s?(?:\s+(?:credit|source)s?)?\s*"
        # (not a caption that is a sentence of six words or more with no credit in it)
        r"(?::|-|–|—|by\b|via\b|courtesy\b|property of\b)"
        r"(?!(?=.*\.$)(?!.*\b(?:by|via|courtesy|credit)\b)\s*(?:\S+\s+){5,}).{2,120}$|"
        r"^(?:(?!(?:He|She|I|We|They|You|It|The|A|An|This|That|His|Her|Our|My)\b)(?-i:[A-Z])[\w.]* )?"
        r"(?:[\w.]+ )?(?:screen ?shot|screen ?grab|video still)s?(?: (?:via|from) .{2,60})?$|"
        r"^\((?-i:[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) (?:photo|image|picture)s?\)$|"
        r"^Representational (?:image|photo|picture)\b.{0,60}$|"
        r"^Courtesy(?: of)?\s*:?\s+[^,.;]{2,50}\.?$|"
        r"^(?:Rendering|Render|Mock-?up|Concept(?: art| image)?|Artist['’]s (?:impression|rendering))s?\b"
        r".{0,80}?\b(?:by|courtesy of) (?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})\.?$|"
        r"^(?:File|Stock|Archive) (?:photo|image|picture)s?(?: (?:photo|image|picture))?"
        r"(?: (?:via|by|from) (?:(?-i:[A-Z0-9@])[\w.&'’/-]*\s?){1,5})?\.?$",
        _ANY,
        flags=re.I,
        max_words=25,
    ),
    _rule(
        "agency-photo-credit",
        "photo_credit",
        rf"^(?:.{{0,80}}/\s*(?i:{_PHOTO_AGENCY})|"
        rf"(?!(?i:Facebook|Twitter|Instagram|YouTube)\b)(?i:{_PHOTO_AGENCY})(?: (?i:photo))?\s*/\s*"
        rf"[^/.!?\s]+(?:\s[^/.!?\s]+){{0,5}}|[(\[](?i:{_PHOTO_AGENCY})[)\]]|.{{0,60}}©\s*(?i:{_PHOTO_AGENCY})"
        r"|(?P<dup>\w[\w.-]{2,})/(?P=dup)|[^/]{2,60}\s/\s(?i:via)\s[^/]{2,80}"
        r"|(?i:Uploaded by)\s*:?\s*\S.{0,60})[)\]]?\.?$",
        _ANY,
        max_words=15,
    ),
    _rule(
        "attribution-note",
        "source",
        r"^\[Attribution\s*:\s*(?P<source>[^\]]{2,60}?)(?:(?<!\b[A-Z])\.\s|\.?\]).{0,200}$",
        _ANY,
        max_words=40,
    ),
    _rule(
        "bracketed-source",
        "source",
        r"^\[(?!With\b)(?![A-Z]{5,}\])(?!(?i:applause|laughter|inaudible|crosstalk|music|cheers|end|sic)\])"
        r"(?P<source>[A-Z][\w&'’-]*+(?:[ .][A-Z\d][\w&'’.-]*+){0,4}(?:\.[a-z]{2,4})?)\]$",
        _TAIL,
        max_words=5,
        confidence=0.7,  # "[Buzzfeed]", "[The Boston Globe]" under the text: where the story came from
    ),
    _rule(
        "copyright",
        "copyright",
        r"^\W{0,3}(?:©|\(c\)\s|Copyright\b|All rights reserved|TM and ©|.{0,60}\ball rights reserved\b|"
        r".{0,200}\bdo not (?:cut|copy) (?:&|and) paste\b)",
        _EDGES,
        flags=re.I,
        max_words=60,
    ),
    _rule(
        "disclaimer",
        "disclaimer",
        r"^[(\[]?(?:Disclaimer\b|Disclosure\s*:|The views (?:and opinions )?expressed\b|"
        r"(?:Editors?['’]?s?|Ed\.)\s*note\s*:|"
        r"This (?:article|post|content) (?:is (?:for informational|not (?:intended|meant))|"
        r"does not (?:constitute|represent))|Opinions expressed\b|"
        r"Note\s*:\s*This (?:article|story|post) is (?:a )?(?:satire|satirical|parody|fiction)\b"
        r"(?!\s+account)(?![^.]*\bbut\b))",
        _TAIL,
        flags=re.I,
        max_words=80,
    ),
    _rule(
        "reader-call",
        "call_to_action",
        # a question to readers and a call to write in: "Have any tips ...? Drop us a line!", "Did we
        # miss any? E-mail ann@example.com", "Really love Batman? X is always looking for writers!"
        r"^(?![\"“‘'])(?!.*\b(?:said|says|asked|told|demand(?:s|ed)?|pleaded|wrote|added|insisted|urged)\b)"
        r"[^\"“”]{0,200}\?\s*"
        r"(?:Drop us a line|Let us know|Tell us|Sound off|E-?mail (?:us|me)|"
        r"Write to us|Leave (?:us )?a comment|Tweet\b|E-?mail\s+[\w.+-]+@[\w.-]+\.\w+|"
        r"(?=.*(?:!|@|\b(?:apply|contact|e-?mail|leave|send|get in touch)\b))"
        r"[^.!?]{2,60}\b(?:is|are) (?:always )?looking for (?:new |volunteer |guest )?"
        r"(?:writers|contributors|bloggers))\b.{0,200}$",
        _TAIL,
        flags=re.I,
        max_words=60,
        closing=True,
    ),
    _rule(
        "newsletter-promo",
        "call_to_action",
        r"^(?!.*\b(?:said|says|explained|wrote|added)\b)[^.!?,\"“”]{2,60} (?:is|are) our "
        r"(?:(?:new|free|essential|daily|weekly|e-?mail) ){1,4}(?:briefing|newsletter)s?\b[^,\"“”]{0,150}$",
        _ANY,
        flags=re.I,
        max_words=40,
    ),
    _rule(
        "wire-credits",
        "sign_off",
        r"^[(\[]?(?:(?:With )?(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Research) by\b[^\n]*|"
        r"Additional reporting from (?-i:[A-Z][\w.'’&-]*(?:(?:,| and| &)? [A-Z][\w.'’&-]*)*)\s*|"
        r"(?:Additional )?Reporting\s*:\s*(?-i:[A-Z][\w.'’&-]*(?:(?:,| and| &)? [A-Z][\w.'’&-]*)*)\s*|"
        r"Edited by\s+[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|and|&)){0,8}\s*)[)\]]?\.?$",
        _TAIL,
        flags=re.I,
        max_words=40,
        extract=(r"(?P<credits>.+)",),
        confidence=0.75,  # the reporters name the author only when no byline does
    ),
    _rule(
        "wire-credits-suffix",
        "sign_off",
        r"\s(?:STORY_NUMBER:\s*\S+\s+STORY_DATE:\s*[\d/]+\s+STORY_TIME:\s*\d{3,4}\s*GMT\s*)?"
        r"[(\[](?:Additional (?i:reporting)|Reporting|Writing|Editing|Compiled|Research) (?i:by)\b"
        r"[^()\[\]]{2,200}[)\]]\.?$",
        _TAIL,
        suffix=True,
        extract=(r"(?P<credits>.+)",),
        confidence=0.75,
    ),
    _rule(
        "bracketed-read-more",
        "read_also",
        r"^\((?:[^():?]{1,60}[:?]\s*)?(?:Read (?:more|our)\b|Read the (?:full|latest|rest)\b|Get caught up|"
        r"Catch up on\b)[^()]{0,120}\)$",
        _ANY,
        max_words=40,  # "(Canada in Kuwait: Read more about the mission)": a link to more, in brackets
    ),
    _rule(
        "related-suffix",
        "read_also",
        r"(?<=[.!?\"”’])\s+[(\[](?:RELATED|Related|READ MORE|Read more)\s*:"
        r"\s*[^()\[\]]{3,150}[)\]]$",
        ("body", "tail"),
        suffix=True,  # "... said. (RELATED: <another story's headline>)", at the end of any paragraph
    ),
    _rule(
        "arrow-link",
        "read_also",
        r"^(?!.*[«‹])[»›]\s*(?:More\b[^:]{0,60}:|Read (?:more|also)\b|Related\b|See (?:also|more)\b|"
        r"Watch\b[^:]{0,60}:).{0,150}$",
        _ANY,
        max_words=30,  # "» More Kim Kardashian: The 31 Best ...": another story, behind an arrow
    ),
    _rule(
        "contributed-to-report",
        "sign_off",
        r"^(?:.{3,200}?\b(?:contributed|reported)(?: reporting)? (?:to )?"
        r"(?:(?:this|the) (?:report|story|article)|this post)(?: (?:from|in) [^.]{2,80})?|"
        r".{3,120}?\b(?:writer|reporter|correspondent)s?\b.{0,80}?"
        r"\b(?:contributed|reported)\b(?! to (?!(?:this|the) (?:report|story|article))).{0,80}|"
        r"Contributing\s*:.{2,120}|"
        r".{3,160}?\bcontributed reporting(?: from [^.]{2,80})?|"
        r"(?:[\w.]+['’]s |Journalist )?(?:[A-Z][\w.'’-]+ ){2,3}reported from\b[^.]{2,80}?\b"
        r"(?:[A-Z][\w.'’-]+ ){2,3}(?:wrote|reported) (?:in|from) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
        r"(?: and [^.]{2,60})?"
        r"(?:\.\s+.{3,160}?\bcontributed\b.{0,40})?|"
        r"[\[(]?\s*With (?:(?i:agencies|(?:news )?wires?(?: services)?)|AP|Reuters|AFP|"
        r"(?:[Tt]he )?Associated Press|files from [^\])]{2,80}|"
        r"reports? from (?:the )?[A-Z][\w.&'’-]*(?:(?:,| and| in| &)? (?:the )?[A-Z][\w.&'’-]*)*)"
        r"\s*[\])]?|"
        r"[^,]{2,60}, with files from .{2,80}|"
        rf"[\[(][A-Z][\w.&'’-]*(?: [A-Z0-9][\w.&'’-]*){{0,3}} with (?:{_AGENCY})"
        rf"(?:\s*(?:,|and|&)\s*(?:{_AGENCY}))*"
        r"[\])])\.?$",
        _TAIL,
        max_words=45,
    ),
    _rule(
        "wire-sign-off",
        "sign_off",
        rf"^(?-i:[a-z]{{2,3}}(?:/[a-z]{{2,3}})+\s+(?=\())?"
        rf"[-–—\s]*\(?(?P<source>(?:{_AGENCY}|Reuter)(?:\s*(?:,|and|&|/)\s*(?:{_AGENCY}))*)\)?[-–—\s]*$",
        _TAIL,
        confidence=0.8,  # the agency closing the copy: a "Source:" line, where there is one, wins
    ),
    _rule(
        "signed-name",
        "byline",
        r"^(?:[-–—]\s?){1,2}\s*(?P<author>[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][a-z][\w'’.-]*){1,2})$",
        _TAIL,
        max_words=4,
        confidence=0.7,  # a name signed under the text: the author, most likely
    ),
    _rule(
        "photo-agency-line",
        "photo_credit",
        r"^\W{0,2}(?:(?:Photo|Image|Picture)s?\s*:\s*)?(?:Getty(?: Images)?|WireImage|FilmMagic|Shutterstock|"
        r"Rex(?: Features)?|REX|Splash(?: News)?|Barcroft(?: Media)?|Caters(?: News(?: Agency)?)?|CEN|"
        r"Central European News|SWNS|Corbis|Alamy|EPA|AFP|AP(?: Photo)?|Reuters|REUTERS|NurPhoto|"
        r"Anadolu(?: Agency)?|Xinhua|ZUMA(?: Press)?|PA(?: Wire)?|FameFlynet|Bauer-Griffin|INFphoto|X17|"
        r"Backgrid|BACKGRID|Mega Agency|Europics(?:\s*\[CEN\])?|"
        # a platform the picture was taken from, or a handout, under the picture ("Facebook", "Google
        # Maps" or "Handout" alone in mixed case may head a section about it, and stays)
        r"YOUTUBE|FACEBOOK|TWITTER|INSTAGRAM|Supplied|SUPPLIED|HANDOUT|"
        r"(?<=[(\[])(?:YouTube|Facebook|Twitter|Instagram|Reddit|Tumblr|Flickr|Imgur|"
        r"Google (?:Maps|Street View|Earth)|Handout)(?=[)\]]))"
        r"(?:\s*/\s*(?:Getty(?: Images)?|AFP|AP|Reuters|REX|Shutterstock|EPA|PA(?: Wire)?))*\W{0,2}$",
        _ANY,
        max_words=5,
        confidence=0.7,
    ),
    _rule(
        "helpline",
        "other",
        r"^If you(?:['’]ve| have)? been affected by (?:any of )?"
        r"(?:the issues|the topics|this (?:story|article)|anything)\b.{0,300}$",
        _ANY,
        flags=re.I,
        max_words=70,
    ),
    _rule(
        "caps-label-link",
        "read_also",
        r"^(?!(?:WHEN|WHERE|WHAT|WHO|WHY|HOW|COST|PRICE|TICKETS|CONTACT|SCORE|RESULT|NOTE|UPDATE|UPDATED|"
        r"CORRECTION|BREAKING|EDITOR['’]?S NOTE|Q|A|DATE|TIME|VENUE|LOCATION|ADDRESS|PHONE|EMAIL|WEBSITE|"
        r"VERDICT|(?:THE )?BOTTOM LINE|BACKGROUND|CONTEXT|SUMMARY|FACT ?BOX)\s*:)"
        r"[A-Z][A-Z'’ -]{1,25}:\s+(?![^a-z]*$)(?!.*(?:@|pic\.twitter))"
        r"(?!.*\b(?:I|I['’]m|I['’]ve|we|We|you|You|my|My|our|Our)\b)\S.{5,150}[^.!?\"”:,;)\]]$",
        ("body",),
        max_words=25,
        # "MORE: ...", "SHOCK LOSS: ...": a label in capitals over another story's headline (a section's
        # heading in capitals throughout, "LONDON: POLICE ALLEGE A PLOT", and a tweet stay)
        confidence=0.7,
    ),
    _rule(
        "opinion-link",
        "read_also",
        r"^Opinion:\s+[^.!]{5,120}[^.!:;,\"”]$",
        ("body",),
        max_words=20,
        confidence=0.7,
    ),
    _rule(
        "pic-shows",
        "photo_credit",
        r"^Pic(?:ture)? shows\s*:.{2,600}$",
        _ANY,
        flags=re.I,
        max_words=100,
    ),
    _rule(
        "via-picture-host",
        "photo_credit",
        rf"^\W{{0,3}}via\s+(?:{_IMAGE_HOSTS})\W*$",
        _ANY,
        flags=re.I,
        max_words=4,
    ),
    _rule(
        "via-link",
        "photo_credit",
        r"^\W{0,3}via\s+(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$",
        _ANY,
        flags=re.I,
        max_words=2,
    ),
    _rule(
        "date-line",
        "published_line",
        r"^(?P<date>(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?"
        rf"(?:\d{{1,2}}\s+(?i:{_MONTH})\s+\d{{4}}|(?i:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}}|"
        r"\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})"
        r"(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?)$",
        _EDGES,
        max_words=8,
    ),
    _rule(
        "developing",
        "other",
        r"^\W{0,3}(?:This is a (?:developing|breaking)(?: news)? (?:story|post|report)|"
        r"This is breaking news\b|"
        r"(?:This|The) (?:is a )?(?:story|post|article|report) (?:is )?(?:still )?"
        r"(?:developing|breaking|being updated)|(?:Story )?developing\W*$|"
        r"(?:More|Updates?) to (?:come|follow)|More coming(?: soon)?(?:\.{0,3}|…)$|"
        r"(?:More )?(?:pictures|photos|images|details|updates) will be (?:posted|added|published)"
        r"(?: (?:as (?:they|it) comes? (?:in|through)|when (?:they are |it is )?available|soon|shortly))?"
        r"\W*$|"
        r"Check back (?:later |soon )?for|Stay tuned|"
        r"(?<![“\"‘'])(?!.*\b(?:said|says|told|promised|added)\b)"
        r"(?:(?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})|We|I) will (?:continue to )?update "
        r"(?:this (?:story|post|article|report) )?(?:when|as|once) more (?:info(?:rmation)? |details )?"
        r"(?:becomes|is) (?:available|known)\W*$|"
        r"(?<![“\"‘'])(?!.*\b(?:said|says|told|promised|added)\b)"
        r"We(?:['’]ll| will) bring you more (?:details|updates|information)\b[^”\"]{0,60}$|"
        r"(?<![“\"‘'])(?:We|I)['’]ll (?:continue to )?update this (?:story|post|article)\b[^”\"]{0,100}$)",
        _ANY,
        flags=re.I,
        max_words=30,
    ),
    _rule(
        "page-junk",
        "other",
        r"^(?:[a-z](?=[A-Z]))?(?:Advertisement|(?:Continue reading the main story)+|\d+ comments?|Comments?|"
        r"Anzeige|Werbung|Publicité|Publicidad|Pubblicità|Reklama|Реклама|إعلان|广告|廣告|広告|Advertentie|"
        r"(?-i:\$[a-z_][\w.]{2,30})|\{\{\s*[\w.]{2,30}\s*\}\}|"
        r"(?:What'?s this\?\s*)?inRead\S{0,2} invented by Teads\b.{0,20}|"
        r"(?:Photo|Video|Picture|Image) gallery|"
        r"(?:&(?:amp;)*(?:nbsp|amp|quot|#\d+);?\s*)+|View (?:full|larger?) (?:image|size|photo|picture)|"
        r"Sponsored by [^,;.]{2,40}|[\w-]{3,60}\.(?:jpe?g|png|gif|webp)|Post by [^.]{2,60}\.|"
        r"Prev(?:ious)?\s*[|/]?\s*Next|null|undefined|NaN|[\w-]+(?: [\w-]+)?_\d{2,4}|(?:Photo|Image|Video)s?|"
        r"View gallery.*|Sorry,? we are not currently accepting comments.*|"
        r"(?:Twitter|Facebook|LinkedIn|Reddit|Google\+|Email|Print|WhatsApp|Pinterest|Share|Comments?){2,}|"
        r"Comments? \(\d+\)|Save (?:&|and) share|Twitter Ads info (?:&|and) Privacy|Follow|"
        r"\d{1,2}-\d{1,2}-\d{4} \d{1,2}-\d{2}-\d{2} [AP]M|"
        r"(?:\d[\d,.]*[km]?\s+){1,2}Retweets?\s+(?:\d[\d,.]*[km]?\s+){1,2}Likes?|"
        r"\d{1,2}:\d{2}\s?[AP]M\s?-\s?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}|"
        r"Warning\s*[:!-]?\s*(?:contains )?(?:graphic|disturbing) (?:content|images?|video|footage)"
        r"(?: below)?\W*|"
        r"(?=.*[-–—_=~•·])[-–—_*=~•·\s]{2,}|"
        r"\+?\d{1,3}|\d{1,2}:\d{2}|Previous|Next|Please enable JavaScript.*|(?:Poll|Video) loading\b.*|\?+|"
        r"[(\[](?:via )?(?:Google )?translat(?:e|ed|ion)(?: by Google)?[)\]]|"
        r"Loading(?:\.\.\.|…)?|"
        r"View (?:this )?(?:post |photo |video )?on (?:Instagram|Twitter|Facebook|YouTube)|"
        r"View (?:all )?(?:photos|pictures|images)(?: in (?:the )?gallery)?|"
        r"(?:\[\+\]\s*)?Enlarge(?-i:[A-Z].*)?|"
        r"Comments? (?:are )?(?:unavailable|closed|disabled)|"
        r"A (?:photo|video) posted by .{2,80}\(@\w+\) on .{5,40}|"
        r"(?:The )?(?:story|article) continues (?:below|after)\b.*|"
        r"Advertisement\W{0,3}content continues (?:below|after)\W*|"
        r"Image \d+ of \d+|(?:Photo gallery\s*\|?\s*)?\d{1,3} of \d{1,3}(?: (?:images|photos|pictures))?|"
        r"(?:Add|Write|Post) a comment|(?:Recent|Latest|All) comments|"
        r"See all comments(?:\s+(?:Add|Write|Post) a comment)?|"
        r"(?:Show|Hide) caption|Play (?:video|audio)|[⟨⟩‹›«»←→\s]{2,6}|"
        r"Print(?:er)?[- ]?(?:version|friendly)|(?:\+\s*-?\s*)?Font size|"
        r"(?:Send|E-?mail) (?:this )?to (?:a )?friend|"
        r"Share (?:by|via) e-?mail|(?:Facebook|Twitter|Instagram)\s*:\s*\d{6,}|"
        r"(?:Original|Earlier) (?:story|post|article) (?:below|follows)\W*|"
        r"Got something to say\?\s*(?:Start the conversation|Leave a comment|Comment)\b.{0,80}|"
        r"Skip (?:ad|advert)\w*|Replay video|Watch (?:again|next)|Share|"
        r"\d{6,}|(?=\S*(?-i:[a-z]))[a-z\d]+(?:-[a-z\d]+){2,}|"
        rf"{_SCREENSHOT}|"
        r"(?:Auto-?refresh|Refresh automatically)\b.{0,20}|"
        r"(?:Unfortunately,? )?your browser does not support\b.*|Tags?|"
        r"\d[\d,.]*[km]? (?:shares?|comments?|views?|likes?|retweets?)|"
        r".{1,40}\s[→»›])$",
        _ANY,
        flags=re.I,
        max_words=40,
    ),
    _rule(
        "widget-button",
        "other",
        r"^(?:View all|\d{1,3} (?:photos|pictures|images)|Expand|"
        r"Powered by (?-i:[A-Z])[\w.-]*(?: (?-i:[A-Z])[\w.-]*)?)$",
        _ANY,
        flags=re.I,
        max_words=4,
        introduced_stays=True,  # a gallery's or a widget's button; "The options were:" / "Expand" stays
    ),
    _rule(
        "picture-name",
        "other",
        r"^(?=[^A-Z]*$)(?!.*\b(?:" + "|".join(_FUNCTION_WORDS) + r")\b)"
        r"(?=.*\d)(?:[a-z][\w'’&-]*(?:\s+[\w'’&.-]+){1,5}(?<=\w)|[a-z][a-z\d]*(?:[-_][a-z\d]+)+|[a-z]{2,}\d+)$",
        ("body", "tail"),
        max_words=6,
        confidence=0.7,  # "kevin vickers 2", "potshop-400x404": a picture's name or alt text left in the copy
        introduced_stays=True,
    ),
    _rule(
        "bare-address",
        "other",
        r"^(?:[»›>]\s*)?(?:[\w-]+\.)+(?:com|org|net|co\.uk|tv|info|at|de|fr|it|es|ch|nl|ru|io|ly|me|cn|jp|au|ca|"
        r"in|eu|us|ie|nz|za|br|mx|pl|se|no|dk|fi|be|pt|hk|sg|news)(?:/\S*)?$",
        _ANY,
        flags=re.I,
        max_words=2,
        introduced_stays=True,
    ),
    _rule(
        "markup-junk",
        "other",
        r"^(?:[\w.$]+\((?:function\b|['\"]).*|"
        r"var [\w$]+\s*=.*;.*|[\w.$]+\(\);?|!?\(?function\s*\(.*|<(?:a|div|script|iframe|span|img)\b[^>]*>.*|"
        r"<!--.*|"
        r"(?://\s*)?<!\[CDATA\[.*|"
        r"@media\b.*\{.*|\.[\w-]+\s*\{.*)$",
        ("body", "tail"),
        max_words=60,
    ),
    _rule(
        "tags-line",
        "tags",
        r"^(?:(?:Tags|Topics|Keywords|Filed under)\s*:\s*(?P<tags>.{2,300})"
        r"|(?:Filed (?:in|under)|Posted in)\s+(?P<filed>[^.>]{1,40}(?:\s*>\s*[^.>]{1,40})+)"
        r"(?:\.\s.{0,200})?)$",
        _TAIL,
        flags=re.I,
        max_words=40,
    ),
)


def _matched(rule: Rule, m: re.Match[str] | None, text: str) -> Match | None:
    if m is None:
        return None
    confidence = rule.confidence
    if rule.keywords:
        label = (m.group("label") or "").lower()
        limit = 1 if len(label) >= 5 else 0
        if label not in rule.keywords:
            near = (k for k in rule.keywords if len(k) >= 5 and abs(len(k) - len(label)) <= limit)
            if not any(edit_distance(label, k) <= limit for k in near):
                return None
            confidence -= 0.1
    return Match(rule, text, _fields(rule, m, text), round(confidence, 2))


def match_prefix(rule: Rule, text: str) -> Match | None:
    """For ``prefix`` rules: the removed start of the first paragraph. A prefix pattern is anchored, so
    where it does not apply it fails at once: cheaper than the ``needs`` prefilter, not consulted here."""
    if not rule.prefix:
        return None
    m = rule.regex().match(text)
    if m is None or not m.group(0).strip() or not text[m.end() :].strip(" -–—"):
        return None  # nothing cut, or nothing left: a prefix never takes the whole paragraph
    return _matched(rule, m, m.group(0).strip())


def match_suffix(rules: Sequence[Rule], text: str) -> Match | None:
    """The first ``suffix`` rule that matches the end of ``text`` (and not all of it): the cut text."""
    lowered = text.lower()
    for rule in rules:
        if rule.suffix and (not rule.needs or any(n in lowered for n in rule.needs)):
            m = rule.regex().search(text)
            if m is None or m.end() != len(text):
                continue
            cut = m.group(0).strip()
            if cut and text[: m.start()].strip():  # something is cut, and something stays
                found = _matched(rule, m, cut)
                if found is not None:
                    return found
    return None


#: Where a credit's name ends: a sentence (not an initial: "U.S. News"), a second credit ("... / Photo
#: Sources: ..."), a parenthesis.
_SOURCE_TAIL = re.compile(
    r"(?<!\b[A-Z])\.\s|\s+/\s*(?:Photo|Image|Picture|Video)|,\s*(?:Photo|Image|Picture|Video)s?\b|\s+\("
)


_CREDIT_PART = re.compile(r"^\W*(?:Reporting|Writing)\s+(?i:by)\s+(?P<names>.*\w)")
_PLACE_WORDS = r"(?>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"  # atomic: no backing off
#: " in London", " at the United Nations", " in Washington and New York" (a second place, unless a
#: place of its own follows it: "... in Paris and Bo Sample in Rome")
_CREDIT_PLACE = re.compile(rf"\s+(?:in|at)\s+{_PLACE_WORDS}(?:\s+and\s+{_PLACE_WORDS}(?!\s+(?:in|at)\b))*")
_NOT_A_PERSON = re.compile(rf"^(?:{_AGENCY})\b|\b(?:Television|TV|newsroom|staff|desk|bureau)\b")
_FULL_NAME = re.compile(rf"^{NAME}$")
_CONTACT_NAME = re.compile(rf"(?:^|,\s*|\band\s+)({NAME}) (?:at|on|via)\b")


def _credited_names(credits: str) -> list[str]:
    """The reporters and writers of a wire sign-off, without their places; editors are not authors."""
    names: list[str] = []
    for part in re.split(r";|\)\s*\(|,\s*(?=(?:Writing|Editing|Additional|Reporting)\b)", credits):
        m = _CREDIT_PART.match(part.strip(" ([)]."))
        if m is None:
            continue
        for name in re.split(r",\s*|\s+and\s+|\s*&\s*", _CREDIT_PLACE.sub("", m.group("names"))):
            name = name.strip()
            if _FULL_NAME.match(name) and not _NOT_A_PERSON.search(name) and name not in names:
                names.append(name)
    return names


def _fields(rule: Rule, m: re.Match[str], text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    groups = [m.groupdict()]
    for pattern in rule.extract:
        extra = rule.regex(pattern).search(text)
        if extra:
            groups.append(extra.groupdict())
    for groupdict in groups:
        for key, value in groupdict.items():
            if value and key not in ("label", "place", "dup", "bracketed") and key not in found:
                if key == "filed":  # a breadcrumb of sections: "Apple > Cellphones"
                    key, value = "tags", value.replace(">", ",")
                elif key == "addressed":  # "A at a@example.com", under "To contact the author:"
                    key, value = "author", value.split(" at ")[0]
                elif key in ("reach", "by"):  # "To reach A, call ...", "May 5, 2015 by A"
                    key = "author"
                elif key == "dated":  # "May 5, 2015 by A"
                    key = "date"
                elif key == "contacts":  # "Write to A at a@example.com and B at b@example.com"
                    key, value = "author", ", ".join(dict.fromkeys(_CONTACT_NAME.findall(value)))
                elif key == "credits":  # "(Reporting by A in X, B in Y; Writing by C; Editing by D)"
                    key, value = "author", ", ".join(_credited_names(value))
                    if not value:
                        continue
                if key in ("source", "dashed", "agency", "wire", "station"):
                    key, value = "source", _SOURCE_TAIL.split(value, maxsplit=1)[0]
                found[key] = value.strip(" \t.,;:-–—")
    if rule.bio:
        found["bio"] = text
    return found


def longest(rules: Sequence[Rule], where: Where) -> int:
    """The most words any rule in ``rules`` accepts at ``where``: longer segments are running text."""
    most: int = _derived(
        f"longest-{where}",
        rules,
        lambda: max(
            (r.max_words for r in rules if where in r.where and not (r.prefix or r.suffix)), default=0
        ),
    )
    return most


def first_match(rules: Sequence[Rule], text: str, where: Where, limit: int | None = None) -> Match | None:
    """The first rule in ``rules`` that removes ``text`` at ``where``.

    ``limit`` is :func:`longest` for these rules, when the caller has it at hand.
    """
    # Segments have single spaces between words, so counting spaces counts words without a split.
    words = text.count(" ") + 1
    if words > (longest(rules, where) if limit is None else limit):
        return None  # longer than any rule for this place: running text (the common case)
    lowered = text.lower()
    for entry in _zone(rules, where):
        rule = entry[0]
        if words > rule.max_words:
            continue
        if rule.needs:  # a plain loop: cheaper than any() over a generator, on this hot path
            for need in rule.needs:
                if need in lowered:
                    break
            else:
                continue
        pattern = entry[1]
        if pattern is None:  # compiled on first use: most rules never see a short enough segment
            pattern = entry[1] = rule.regex()
        found = _matched(rule, pattern.match(text), text)
        if found is not None:
            return found
    return None


#: What is derived from a rule list, by (what, id of the list): the list itself is kept beside the value,
#: so a new list that reuses a freed list's id is not mistaken for it.
_DERIVED: dict[tuple[str, int], tuple[Sequence[Rule], Any]] = {}


def _derived(what: str, rules: Sequence[Rule], build: Callable[[], Any]) -> Any:
    cached = _DERIVED.get((what, id(rules)))
    if cached is not None and cached[0] is rules:
        return cached[1]
    if len(_DERIVED) > 256:
        _DERIVED.clear()
    value = build()
    _DERIVED[what, id(rules)] = (rules, value)
    return value


def stray_rules(rules: Sequence[Rule]) -> Sequence[Rule]:
    """``rules`` without those for the closing run only."""
    filtered: Sequence[Rule] = _derived("stray", rules, lambda: tuple(r for r in rules if not r.closing))
    return filtered


def prefix_rules(rules: Sequence[Rule]) -> Sequence[Rule]:
    """The prefix rules of ``rules``: all of them may cut from the lead paragraph."""
    found: Sequence[Rule] = _derived("prefix", rules, lambda: tuple(r for r in rules if r.prefix))
    return found


def dateline_rules(rules: Sequence[Rule]) -> Sequence[Rule]:
    """The prefix rules of ``rules`` that cut a dateline before the lead."""
    found: Sequence[Rule] = _derived(
        "dateline",
        rules,
        lambda: tuple(r for r in rules if r.prefix and r.kind == "dateline" and "head" in r.where),
    )
    return found


def body_suffix_rules(rules: Sequence[Rule]) -> Sequence[Rule]:
    """The suffix rules of ``rules`` that cut the end of any paragraph, not only the last one's."""
    found: Sequence[Rule] = _derived(
        "body-suffix", rules, lambda: tuple(r for r in rules if r.suffix and "body" in r.where)
    )
    return found


def body_prefix_rules(rules: Sequence[Rule]) -> Sequence[Rule]:
    """The prefix rules of ``rules`` that cut from any paragraph, not only the lead."""
    found: Sequence[Rule] = _derived(
        "body-prefix", rules, lambda: tuple(r for r in rules if r.prefix and "body" in r.where)
    )
    return found


def _zone(rules: Sequence[Rule], where: Where) -> list[list[Any]]:
    """``[rule, compiled pattern or None]`` for the rules that apply at ``where``, per rule list."""
    zone: list[list[Any]] = _derived(
        where, rules, lambda: [[r, None] for r in rules if where in r.where and not (r.prefix or r.suffix)]
    )
    return zone


#: Named groups a rule may use: the metadata they fill, and the helpers the built-in rules use.
_FIELD_GROUPS = frozenset(
    {"author", "publisher", "source", "outlet", "outlet_url", "date", "updated", "tags"}
)
_GROUPS = _FIELD_GROUPS | {
    "label", "place", "agency", "wire", "station", "dashed", "dup", "filed", "credits",
}  # fmt: skip

_RULE_KEYS = {
    "name", "kind", "pattern", "where", "max_words", "prefix", "extract", "keywords", "bio",
    "ignore_case", "confidence", "opens_list", "suffix", "closing", "introduced_stays",
}  # fmt: skip


def rules_from_toml(text: str, origin: str = "rules file") -> tuple[Rule, ...]:
    """User rules from TOML: an array of ``[[rule]]`` tables (see docs/parsing.md).

    Every problem is a :class:`~syndicate.errors.OptionsError` naming ``origin`` and the rule.
    """
    import tomllib

    from .errors import OptionsError
    from .model import REMOVED_KINDS

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OptionsError(f"{origin}: not valid TOML: {exc}") from None
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise OptionsError(f"{origin}: expected one or more [[rule]] tables")
    rules = []
    for number, table in enumerate(tables, 1):
        label = f"{origin}: rule {table.get('name') or number}"
        unknown = sorted(set(table) - _RULE_KEYS)
        if unknown:
            raise OptionsError(f"{label}: unknown key(s) {', '.join(unknown)}")
        for key in ("name", "kind", "pattern"):
            if not isinstance(table.get(key), str) or not table[key]:
                raise OptionsError(f"{label}: '{key}' must be a non-empty string")
        if table["kind"] not in REMOVED_KINDS:
            raise OptionsError(f"{label}: kind must be one of {', '.join(sorted(REMOVED_KINDS))}")
        where = table.get("where", ["tail"])
        if not isinstance(where, list) or not where or not set(where) <= {"head", "tail", "body"}:
            raise OptionsError(f"{label}: 'where' must list some of head, tail, body")
        extract = table.get("extract", [])
        keywords = table.get("keywords", [])
        for key, value in (("extract", extract), ("keywords", keywords)):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise OptionsError(f"{label}: '{key}' must be a list of strings")
        max_words = table.get("max_words", 60)
        if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
            raise OptionsError(f"{label}: 'max_words' must be a whole number of at least 1")
        confidence = table.get("confidence", 0.9)
        if (
            not isinstance(confidence, int | float)
            or isinstance(confidence, bool)
            or not 0 <= confidence <= 1
        ):
            raise OptionsError(f"{label}: 'confidence' must be a number from 0 to 1")
        for key in ("prefix", "bio", "ignore_case", "opens_list", "suffix", "closing", "introduced_stays"):
            if key in table and not isinstance(table[key], bool):
                raise OptionsError(f"{label}: '{key}' must be true or false")
        if table.get("prefix") and table.get("suffix"):
            raise OptionsError(f"{label}: a rule is a prefix or a suffix, not both")
        flags = re.IGNORECASE if table.get("ignore_case", False) else 0
        try:
            compiled = [re.compile(source, flags) for source in (table["pattern"], *extract)]
        except re.error as exc:
            raise OptionsError(f"{label}: bad regular expression: {exc}") from None
        unknown_groups = sorted({g for c in compiled for g in c.groupindex} - _GROUPS)
        if unknown_groups:
            raise OptionsError(
                f"{label}: unknown named group(s) {', '.join(unknown_groups)}; "
                f"groups fill {', '.join(sorted(_FIELD_GROUPS))}"
            )
        rules.append(
            _rule(
                table["name"],
                table["kind"],
                table["pattern"],
                where,
                flags=flags,
                max_words=max_words,
                prefix=bool(table.get("prefix", False)),
                extract=tuple(extract),
                keywords=tuple(keywords),
                bio=bool(table.get("bio", False)),
                confidence=float(confidence),
                opens_list=bool(table.get("opens_list", False)),
                suffix=bool(table.get("suffix", False)),
                closing=bool(table.get("closing", False)),
                introduced_stays=bool(table.get("introduced_stays", False)),
                needs=(),  # the built-in prefilters belong to the built-in patterns, not to a name
            )
        )
    return tuple(rules)
