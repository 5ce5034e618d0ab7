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

from factcheck.dateline import (
    Dateline,
    find_dateline,
    find_datelines,
    lines_with_offsets,
    top_lines,
)

__all__ = ["Dateline", "find_chrome_spans", "find_dateline", "find_datelines", "merge_spans"]

Span = tuple[int, int]

# --- line helpers -------------------------------------------------------------------


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
# Linear on purpose: a nested-repetition regex backtracked exponentially on a long run
# followed by a full stop.
_NOT_ICON_CHAR = re.compile(r"[^a-z0-9 \-]")
_ICON_NAME_MAX = 30
_ICON_MIN = 3


def _icon_run_start(line: str) -> int | None:
    """Where a run of three or more icon names starts, when one ends the line."""
    line = line.rstrip()
    # The run is lower-case letters, digits, spaces and hyphens up to the end of the line.
    tail = max((m.end() for m in _NOT_ICON_CHAR.finditer(line)), default=0)
    icons = [m.start() for m in re.finditer("icon", line[tail:])]
    if len(icons) < _ICON_MIN:
        return None
    ends = [*icons[1:], len(line) - tail]
    # Each name (from one "icon" to the next) is short; start after the last long one.
    first = max(
        (
            i + 1
            for i, (s, e) in enumerate(zip(icons, ends, strict=True))
            if e - s - 4 > _ICON_NAME_MAX
        ),
        default=0,
    )
    for index in range(first, len(icons)):
        start = tail + icons[index]
        if start == 0 or not line[start - 1].isalpha():  # "lexicon", "iconic" are words
            return start if len(icons) - index >= _ICON_MIN else None
    return None


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
_PLAYER_START = re.compile(r"0?0:00(?:\s*/.*)?")
_MEDIA_HEADING = re.compile(
    r"(?:podcasts?|listen(?: to (?:this|the) (?:article|story|episode))?|audio|video|watch|"
    r"play|now playing|episode)\s*:?",
    re.IGNORECASE,
)


def _is_timer(line: str) -> bool:
    return _TIMER.fullmatch(line.strip()) is not None


def _media_spans(text: str) -> Iterator[Span]:
    """A media heading followed by timer lines, or a run of timer lines that starts a player ("0:00").

    A single "25:48" line on its own could be a score or a clock time in a list, so a
    lone timer is only chrome under a "Podcasts"/"Listen" heading.
    """
    lines = list(lines_with_offsets(text))
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
        block = [line[2].strip() for line in lines[first:last] if _is_timer(line[2])]
        # Without a heading, a player shows itself by its "0:00" start; two clock times in
        # a row ("15:00", "17:30") may be a schedule the story gives.
        has_start = any(_PLAYER_START.fullmatch(timer) for timer in block)
        if (is_heading and block) or (len(block) >= 2 and has_start):
            yield (start if is_heading else lines[first][0]), lines[last - 1][1]
            index = last
        else:
            index += 1


# --- share, follow and comment boilerplate -------------------------------------------------

# Whole lines that are a site's notices, whatever their length: a comment-section notice
# ("Dear readers! ... Please check our commenting policy"), a copyright line.
_COMMENT_NOTICE = re.compile(
    r"^\s*dear (?:readers?|users?|visitors?)\b|"
    r"\bcomment(?:ing|s)? (?:policy|rules|guidelines|system|section)\b|"
    r"\b(?:register|log ?in|sign in) to (?:leave a |post a )?comment|"
    r"\bto (?:leave|post) (?:a )?comments?\b|"
    # wire-service and player notices, whatever their length ("Copyright 2019 The ... Press.
    # All rights reserved. This material may not be published, broadcast, rewritten ...")
    r"\ball rights reserved\b|\bmay not be (?:published|reproduced|copied)\b|"
    r"\bmedia playback is (?:unsupported|not supported)\b",
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
    r"(?:photo|image|picture|video|file photo|credit)s?:.*|cookies?\b.*(?:accept|policy|settings).*|"
    r"skip to (?:main )?content|image (?:caption|source|copyright).*|click here\b.*|"
    r"\((?:ap |afp |reuters )?photo\b[^)]*\)|"
    # furniture with numbers in it: the page's age, reading time, counters
    r"(?:updated |posted |published )?\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|"
    r"\d+[- ]min(?:ute)?s?(?: read)?|reading time:? .*|"
    r"\d[\d.,]*[km]? (?:shares?|comments?|views?|likes?|reactions?))"
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


# A line that is only a web address: the source URL pasted above the article, or a link
# left behind by a removed embed.
_URL_LINE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def _line_spans(text: str) -> Iterator[Span]:
    """Spans found one line at a time: icon runs, menus, boilerplate, image leftovers."""
    for start, end, content in lines_with_offsets(text):
        stripped = content.strip()
        if not stripped:
            continue
        icons = _icon_run_start(content)
        if icons is not None:
            yield start + icons, end
            continue
        is_chrome = (
            _IMAGE_LEFTOVER.fullmatch(stripped) is not None
            or _URL_LINE.fullmatch(stripped) is not None
            or _COMMENT_NOTICE.search(stripped) is not None
            or (len(stripped) <= _SHORT_LINE and _BOILERPLATE.fullmatch(stripped) is not None)
            or (len(stripped) <= _SHORT_LINE and _is_menu_line(stripped))
        )
        if is_chrome:
            yield start, end


# Pages print the headline twice (the title block, then again above the body); the
# copy repeats any number in it. Only near the top, and only whole lines long enough to
# be a headline: a short line like "Reuters" may well repeat.
_REPEAT_LINES = 12
_REPEAT_MIN = 20


def _repeated_headline_spans(text: str) -> Iterator[Span]:
    seen: set[str] = set()
    for start, content, stripped in top_lines(text, _REPEAT_LINES):
        if len(stripped) >= _REPEAT_MIN and stripped in seen:
            yield start, start + len(content)
        seen.add(stripped)


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
    spans = [*_line_spans(text), *_media_spans(text), *_repeated_headline_spans(text)]
    merged = merge_spans(_strip_span(text, start, end) for start, end in spans)
    # Neighbouring chrome lines ("Share this" above "Follow us on X") make one region.
    joined: list[Span] = []
    for start, end in merged:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)
