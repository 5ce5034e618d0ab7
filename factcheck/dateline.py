"""Datelines: the line near the top of an article that says when it was published.

Pages write them every way: "23 Jul, 2025 10:19", "Posted on: 3:35 pm, December 23,2012",
"Last updated at 11:24, Tuesday, 18 June 2013", "(10:27 am PDT, Jun 11th 2012)",
"Published: 2012.08.08 09:01 AM". A line is a dateline when, once a date and an
optional time (with its zone) are taken out, only label words ("posted", "updated",
"on", "at"), weekday names and punctuation remain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)"
# "December 23,2012": copied or re-tokenised text often loses the space after the comma.
_DATES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"(?<![\w.]){_DAY}\s+{_MONTH},?\s*{_YEAR}",  # 23 Jul, 2025 / 18 June 2013
        rf"(?<![\w.]){_MONTH}\s+{_DAY},?\s*{_YEAR}",  # Dec 23 2012 / MAR. 14,2013
        rf"(?<![\w.]){_YEAR}[-./](?P<month>[01]?\d)[-./](?P<day>[0-3]?\d)(?!\d)",  # 2012.08.08
        r"(?<![\w.])(?P<first>[0-3]?\d)(?P<sep>[-./])(?P<second>[0-3]?\d)(?P=sep)"
        r"(?P<year>(?:19|20)\d{2})(?!\d)",  # 9/10/2010, 23.07.2025
    )
)

# Fixed offsets for zone abbreviations; the bare US names (ET, PT) follow daylight saving.
_ZONES = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "jst": 540, "aest": 600, "aedt": 660,
}  # fmt: skip
_REGION_ZONES = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}
_ZONE_NAMES = "|".join(sorted([*_ZONES, *_REGION_ZONES], key=len, reverse=True))
_TIME = re.compile(
    r"(?<![\d:.])(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap])\.?(?:m\.?)?)?(?![\w])"
    rf"(?:\s*(?P<zone>{_ZONE_NAMES})(?![\w]))?"
    r"(?:\s*(?P<offset>[+-]\d{1,2})(?::?(?P<offmin>\d{2}))?)?",
    re.IGNORECASE,
)

_LABEL_WORDS = frozenset(
    """published publish posted updated update last modified edited first date time on at t
    created dated released monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun""".split()  # noqa: SIM905 (a word list reads better)
)
_LEFTOVER = re.compile(r"[\s,.|:;()\[\]@/\-–—]*")

# A dateline stands above the article (sometimes under a one-sentence summary); a date
# lower down is part of the story or a related link. Longer lines are prose.
DATELINE_LINES = 12
_MAX_LENGTH = 80


@dataclass(frozen=True, slots=True)
class Dateline:
    """A line near the top of a text that gives its publication date."""

    start: int
    end: int
    published: str
    """ISO 8601: "2025-07-23T10:19", "2025-07-23" without a time; "Z" or an offset when the line names a zone."""


def _date_of(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        # "9/10/2010" is American month/day; "23.07.2025" is day.month. A number over 12
        # settles the order whatever the separator.
        month_first = groups["sep"] == "/"
        if first > 12:
            month_first = False
        elif second > 12:
            month_first = True
        month, day = (first, second) if month_first else (second, first)
    else:
        name = groups["month"]
        month = int(name) if name.isdigit() else _MONTHS[name[:3].lower()]
        day = int(groups["day"])
    try:
        return date(year, month, day)
    except ValueError:  # "31 Feb 2025"
        return None


def _zone_suffix(match: re.Match[str], day: date, hour: int, minute: int) -> str:
    zone = (match.group("zone") or "").lower()
    if match.group("offset"):
        offset = int(match.group("offset")) * 60
        minutes = int(match.group("offmin") or 0)
        offset += -minutes if offset < 0 else minutes
    elif zone in _REGION_ZONES:
        local = datetime(
            day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(_REGION_ZONES[zone])
        )
        delta = local.utcoffset() or timedelta(0)
        offset = int(delta.total_seconds() // 60)
    elif zone:
        offset = _ZONES[zone]
        if offset == 0:
            return "Z"
    else:
        return ""
    sign = "-" if offset < 0 else "+"
    return f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"


def _time_of(match: re.Match[str], day: date) -> str | None:
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    if match.group("ampm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group("ampm").lower() == "p" else 0)
    if hour > 23:
        return None
    return f"T{hour:02d}:{minute:02d}{_zone_suffix(match, day, hour, minute)}"


def parse_dateline(line: str) -> str | None:
    """The ISO date (and time) a line states when the line is only a dateline, else None."""
    if len(line) > _MAX_LENGTH:
        return None
    found = [m for pattern in _DATES if (m := pattern.search(line))]
    if not found:
        return None
    date_match = min(found, key=lambda m: (m.start(), -m.end()))
    day = _date_of(date_match)
    if day is None:
        return None
    rest = line[: date_match.start()] + " " * len(date_match.group()) + line[date_match.end() :]
    time_match = _TIME.search(rest)
    time = ""
    if time_match:
        found_time = _time_of(time_match, day)
        if found_time is None:
            return None
        time = found_time
        rest = rest[: time_match.start()] + rest[time_match.end() :]
    words = re.findall(r"[^\W\d_]+", rest)
    if any(word.lower() not in _LABEL_WORDS for word in words):
        return None
    if _LEFTOVER.fullmatch(re.sub(r"[^\W\d_]+", "", rest)) is None:
        return None  # digits or other text left over: not only a date
    return day.isoformat() + time


def lines_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line as (start, end, content): end excludes the line break (LF or CRLF)."""
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        yield offset, offset + len(content), content
        offset += len(raw)


def top_lines(text: str, limit: int = DATELINE_LINES) -> Iterator[tuple[int, str, str]]:
    """(start, content, stripped content) of the first ``limit`` lines that are not blank."""
    seen = 0
    for start, _, content in lines_with_offsets(text):
        stripped = content.strip()
        if not stripped:
            continue
        seen += 1
        if seen > limit:
            return
        yield start, content, stripped


def find_datelines(text: str) -> tuple[Dateline, ...]:
    """Every dateline among the first lines ("Published ...", then "Edited ..."), in order."""
    found: list[Dateline] = []
    for start, content, stripped in top_lines(text):
        published = parse_dateline(stripped)
        if published is not None:
            begin = start + content.index(stripped)
            found.append(Dateline(start=begin, end=begin + len(stripped), published=published))
    return tuple(found)


def find_dateline(text: str) -> Dateline | None:
    """The first dateline near the top of ``text`` ("23 Jul, 2025 10:19"), or None."""
    found = find_datelines(text)
    return found[0] if found else None


# A wire dateline opens the first paragraph: "LIMA, March 14 (Reuters) - ...", "DAYTON, Ohio
# (AP) — ...", "KYIV: ...". The place is in capitals; a region, a date and an agency may follow.
_WIRE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'.\-]+(?: (?:[A-Z][A-Z'.\-]+|de|da|del|la|el|al))*)"
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \([A-Za-z. ]{2,20}\))?"
    r"\s*(?:[-–—]|:)\s+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class WirePlace:
    """The place a wire dateline names, and the IANA zone of its clock."""

    place: str
    """As the article writes it, in title case ("Lima", "New York")."""
    zone: str


def find_wire_place(text: str) -> WirePlace | None:
    """The place of the wire dateline at the start of a paragraph near the top, when the
    gazetteer knows it: the clock that "local time" reads in that article."""
    from factcheck.zones import place_zone  # the gazetteer loads only when a dateline is there

    for _, _, stripped in top_lines(text):
        match = _WIRE_DATELINE.match(stripped)
        if match is None or len(match.group("place")) < 3:
            continue
        place = match.group("place").title()
        zone = place_zone(place) or place_zone(match.group("region") or "")
        if zone:
            return WirePlace(place, zone)
    return None
