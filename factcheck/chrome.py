"""Page chrome and datelines in plain text: found as spans, never deleted.

Text copied from a web page carries the page around the article: the names of the
site's icons run together ("icon bookmarkicon closeicon chevron down..."), a podcast
player's timers, the comment section's boilerplate, leftovers of image links. Numbers in
them ("25:48", "0:00") are not claims. This module finds those regions so that extraction
can skip them while every offset still points into the text the person sees.

The rules are generic shapes of page furniture, not phrases from one page: each one
names the kind of chrome it is for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

Span = tuple[int, int]

# --- line helpers -------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line as (start, end, content): end excludes the line break (LF or CRLF)."""
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        yield offset, offset + len(content), content
        offset += len(raw)


def _strip_span(text: str, start: int, end: int) -> Span:
    """Narrow a span to its non-blank characters, so excluded spans hold no edge whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- icon and menu names --------------------------------------------------------------

# A site's icon font leaks its glyph names when the page is copied: "icon bookmarkicon
# closeicon chevron downicon fb...". Three or more "icon" names in a row, running to the
# end of the line, are chrome. The run may be glued to the last sentence of the article
# ("...78 of their own.icon bookmarkicon close"), so it starts at the word "icon", not at
# the line start; it must not start inside a word ("lexicon", "iconic").
_ICON_RUN = re.compile(r"(?<![A-Za-z])(?:icon[ \-]?[a-z][a-z0-9 \-]{0,30}?){3,}[ \t]*$")

# Navigation words that a menu line is made of ("Home | World | Business | Sport").
_MENU_WORDS = frozenset(
    """home news world business sport sports politics opinion op-ed culture science tech
    technology health entertainment lifestyle travel video videos podcasts photos
    gallery live latest trending shows features analysis search menu more about
    contact subscribe login log in sign in sign up register account newsletter
    newsletters privacy terms cookies rss apps""".split()  # noqa: SIM905 (a word list reads better)
)
_MENU_SEPARATORS = re.compile(r"\s*[|•·»/]\s*|\s{2,}|\t")


def _is_menu_line(line: str) -> bool:
    """A line made only of navigation words, at least three items ("Home | World | Sport")."""
    items = [item for item in _MENU_SEPARATORS.split(line.strip()) if item]
    if len(items) < 3:
        # Without separators, a menu copied as one line is a run of capitalised nav words.
        items = line.split()
        if len(items) < 4:
            return False
    words = " ".join(items).lower().split()
    return all(word.strip(":") in _MENU_WORDS for word in words)


# --- media players ----------------------------------------------------------------------

# A player's clock: "0:00", "25:48", and the truncated "47:0" that copying leaves;
# optionally "0:00 / 25:48".
_TIMER = re.compile(r"-?\d{1,2}:\d{1,2}(?::\d{2})?(?:\s*/\s*-?\d{1,2}:\d{1,2}(?::\d{2})?)?")
_MEDIA_HEADING = re.compile(
    r"(?:podcasts?|listen(?: to (?:this|the) (?:article|story|episode))?|audio|video|watch|"
    r"play|now playing|episode)\s*:?",
    re.IGNORECASE,
)


def _is_timer(line: str) -> bool:
    return _TIMER.fullmatch(line.strip()) is not None


def _media_spans(text: str) -> Iterator[Span]:
    """A media heading followed by timer lines, or two or more timer lines in a row.

    A single "25:48" line on its own could be a score or a clock time in a list, so a
    lone timer is only chrome under a "Podcasts"/"Listen" heading.
    """
    lines = list(_lines(text))
    index = 0
    while index < len(lines):
        start, _, content = lines[index]
        is_heading = _MEDIA_HEADING.fullmatch(content.strip()) is not None
        first = index + 1 if is_heading else index
        last = first
        while last < len(lines) and (_is_timer(lines[last][2]) or not lines[last][2].strip()):
            last += 1
        # trailing blank lines are not part of the block
        while last > first and not lines[last - 1][2].strip():
            last -= 1
        timers = sum(1 for line in lines[first:last] if _is_timer(line[2]))
        if (is_heading and timers >= 1) or timers >= 2:
            yield (start if is_heading else lines[first][0]), lines[last - 1][1]
            index = last
        else:
            index += 1


# --- share, follow and comment boilerplate -------------------------------------------------

# Whole lines that are a site's calls to action, whatever their length: a comment-section
# notice ("Dear readers! ... Please check our commenting policy").
_COMMENT_NOTICE = re.compile(
    r"^\s*dear (?:readers?|users?|visitors?)\b|"
    r"\bcomment(?:ing|s)? (?:policy|rules|guidelines|system|section)\b|"
    r"\b(?:register|log ?in|sign in) to (?:leave a |post a )?comment|"
    r"\bto (?:leave|post) (?:a )?comments?\b",
    re.IGNORECASE,
)

# Short lines that are share/follow/newsletter prompts or section furniture. Only short
# lines qualify: "Follow us on X" is chrome, a sentence reporting that a minister told
# people to follow the ministry on X is not.
_SHORT_LINE = 100
_BOILERPLATE = re.compile(
    r"(?:share(?: this)?(?: (?:article|story|page|post))?(?: (?:on|via|with)\b.*)?|"
    r"follow us\b.*|sign up\b.*|subscribe\b.*|get our .*newsletter.*|"
    r"(?:read|see) (?:more|also)\b.*|related(?: (?:articles?|stories|news|topics|content))?:?|"
    r"you (?:may|might) (?:also )?like.*|more (?:from|on|stories)\b.*|most (?:read|popular).*|"
    r"trending(?: now)?:?|advertisement|sponsored(?: content)?|comments?(?: \(\d+\))?:?|"
    r"\d+ comments?|(?:print|email|copy link|save)(?: this (?:article|story))?|"
    r"tags?:.*|topics?:.*|all rights reserved.*|(?:©|\(c\)|copyright)\b.*|.*©.*|"
    r"(?:photo|image|picture|video|file photo|credit)s?:.*|cookies?\b.*(?:accept|policy|settings).*)"
    r"\s*$",
    re.IGNORECASE,
)

# --- image leftovers -----------------------------------------------------------------------

# What is left of an image link when a page is copied as text: ".jpg)", "photo.png)",
# or a whole Markdown image "![caption](https://.../a.webp)".
_IMAGE_LEFTOVER = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\S*\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?\)?",
    re.IGNORECASE,
)


def _line_spans(text: str) -> Iterator[Span]:
    """Spans found one line at a time: icon runs, menus, boilerplate, image leftovers."""
    for start, end, content in _lines(text):
        stripped = content.strip()
        if not stripped:
            continue
        icons = _ICON_RUN.search(content)
        if icons:
            yield start + icons.start(), end
            continue
        is_chrome = (
            _IMAGE_LEFTOVER.fullmatch(stripped) is not None
            or _COMMENT_NOTICE.search(stripped) is not None
            or (len(stripped) <= _SHORT_LINE and _BOILERPLATE.fullmatch(stripped) is not None)
            or (len(stripped) <= _SHORT_LINE and _is_menu_line(stripped))
        )
        if is_chrome:
            yield start, end


def merge_spans(spans: Iterator[Span] | tuple[Span, ...] | list[Span]) -> tuple[Span, ...]:
    """Sort spans and merge the ones that overlap or touch."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def find_chrome_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Regions of ``text`` that are page chrome, sorted and merged; ``text`` is not changed."""
    spans = [*_line_spans(text), *_media_spans(text)]
    merged = merge_spans(_strip_span(text, start, end) for start, end in spans)
    # Neighbouring chrome lines ("Share this" above "Follow us on X") make one region.
    joined: list[Span] = []
    for start, end in merged:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)


# --- datelines -------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATES = (
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",  # 23 Jul, 2025 / Wed, 23 July 2025
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # July 23, 2025
    rf"{_YEAR}-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)",  # 2025-07-23
    rf"(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]{_YEAR}",  # 23.07.2025, 23/07/2025
)
_TIME = (
    r"(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    r"(?:\s*(?P<zone>GMT|UTC|Z)(?:\s*(?P<offset>[+-]\d{1,2})(?::?(?P<offmin>\d{2}))?)?)?"
)
_LABEL = r"(?:(?:first |last )?(?:published|updated|posted|modified|date)(?: on| at)?\s*:?\s*)?"
# One pattern per date order: the group names repeat, which one pattern could not hold.
_DATELINES = tuple(
    re.compile(
        rf"^\s*{_LABEL}{form}(?:\s*(?:,|\||-|–|at|T)?\s*{_TIME})?\s*$",
        re.IGNORECASE,
    )
    for form in _DATES
)

# A dateline stands above the article; one lower down is part of a story or a related link.
_DATELINE_LINES = 12


@dataclass(frozen=True, slots=True)
class Dateline:
    """A line near the top of a text that gives its publication date."""

    start: int
    end: int
    published: str
    """ISO 8601: "2025-07-23T10:19", "2025-07-23" without a time, a "Z" or offset when the line names GMT/UTC."""


def _iso(match: re.Match[str]) -> str | None:
    """The ISO form of a dateline match, or None when the numbers make no date."""
    groups = match.groupdict()
    name = groups["month"]
    month = int(name) if name.isdigit() else _MONTHS[name[:3].lower()]
    year, day = int(groups["year"]), int(groups["day"])
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:  # "31.02.2025"
        return None
    if groups["hour"] is None:
        return iso
    hour, minute = int(groups["hour"]), int(groups["minute"])
    if groups["ampm"]:
        hour = hour % 12 + (12 if groups["ampm"][0].lower() == "p" else 0)
    if hour > 23:
        return None
    iso += f"T{hour:02d}:{minute:02d}"
    if groups["zone"]:
        if groups["offset"]:
            offset = int(groups["offset"])
            iso += f"{'-' if offset < 0 else '+'}{abs(offset):02d}:{groups['offmin'] or '00'}"
        else:
            iso += "Z"
    return iso


def find_dateline(text: str) -> Dateline | None:
    """The first line near the top that is only a date (and time): "23 Jul, 2025 10:19"."""
    seen = 0
    for start, end, content in _lines(text):
        if not content.strip():
            continue
        seen += 1
        if seen > _DATELINE_LINES:
            return None
        matches = (pattern.match(content) for pattern in _DATELINES)
        match = next((found for found in matches if found is not None), None)
        published = _iso(match) if match is not None else None
        if published is not None:
            span_start, span_end = _strip_span(text, start, end)
            return Dateline(start=span_start, end=span_end, published=published)
    return None
