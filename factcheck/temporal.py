"""Dates, weekdays, years and clock times in raw text, normalised as ``factcheck.model`` prescribes.

``find_temporal(text, published)`` is the whole interface: pure, no spaCy, linear in the text.

How things are resolved (each rule is shown in the match's ``detail``):

- A date with no year takes the year that puts it nearest the publication date ("December 30"
  in a story of 2 January is the previous year); with no publication date it stays "--07-23".
- A weekday resolves to its nearest occurrence around an anchor (offsets -3..+3 days, so no
  ties): the adjacent written date when there is one ("Tuesday, July 22" → that week), else the
  publication date. "last"/"next" Wednesday take the previous/next one strictly.
- "today", "tonight", "this morning", "yesterday", "last night", "tomorrow" are offsets from the
  publication date; with no publication date they say nothing and are not reported.
- A clock time with a zone converts to UTC on the day the text is about: the nearest date in the
  same sentence, else the publication date. With no day known the offset of the current date is
  used and, when the zone has daylight saving, ``detail`` says so; ``normalized`` then has no date.
- Approximate times ("about 7 pm") get an interval of ±15 minutes ("shortly before" the quarter
  hour before). Interval ends are not wrapped at midnight, so "around midnight" is -15..15.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from factcheck.clock import ClockHit, find_clock_times
from factcheck.dates import (
    DateHit,
    RelativeHit,
    WeekdayHit,
    YearHit,
    find_dates,
    find_relative_days,
    find_weekdays,
    find_years,
)
from factcheck.model import Bound, Kind, Quantity, Unit
from factcheck.zones import format_offset, has_fixed_offset, offset_minutes

DATE_UNIT = Unit("day", "calendar date")
WEEKDAY_UNIT = Unit("weekday", "weekday")
YEAR_UNIT = Unit("year", "calendar year")
UTC_TIME_UNIT = Unit("minute", "time of day UTC")
LOCAL_TIME_UNIT = Unit("minute", "local time of day")


@dataclass(frozen=True, slots=True)
class TemporalMatch:
    """One date, weekday, year or clock time found in a text."""

    start: int
    end: int
    """Character offsets into the text given (end exclusive)."""
    kind: Kind
    """DATE, TIME or YEAR."""
    quantity: Quantity
    normalized: str
    """ISO form per ``factcheck.model``: "2025-07-23", "--07-23", "2025", "2025-07-23T16:00Z", "T19:00"."""
    detail: str
    """The working, for a person to check: "7 pm Moscow time (UTC+3) = 16:00 UTC"."""


Hit = DateHit | WeekdayHit | RelativeHit | YearHit | ClockHit

# A sentence ends at . ! ? (and closing quotes/brackets) before a capital, or at a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[\"“‘(]?[A-Z0-9])|\n")
# Weekday and date written together: "Tuesday, July 22", "July 22 (Tuesday)", "on Tuesday 22 July".
_ADJACENT_GAP = re.compile(r"[ \t]*[,(]?[ \t]*(?:the[ \t]+)?")


def parse_published(published: str) -> date | None:
    """The publication date from ISO 8601 ("2025-07-23", "2025-07-23T10:19+03:00"), or None."""
    text = published.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _nearest_year(month: int, day: int, anchor: date) -> date | None:
    best: date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if best is None or abs((candidate - anchor).days) < abs((best - anchor).days):
            best = candidate
    return best


def _weekday_near(weekday: int, anchor: date, direction: int) -> date:
    """The date of ``weekday`` nearest ``anchor``; strictly before/after it when ``direction`` says."""
    diff = (weekday - anchor.isoweekday()) % 7
    if direction < 0:
        return anchor - timedelta(days=(7 - diff) or 7)
    if direction > 0:
        return anchor + timedelta(days=diff or 7)
    return anchor + timedelta(days=diff - 7 if diff > 3 else diff)


def _select(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, earliest first; at one start the longest wins (the date over its year)."""
    chosen: list[Hit] = []
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if hit.start >= last_end and hit.end > hit.start:
            chosen.append(hit)
            last_end = hit.end
    return chosen


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    published: date | None
    boundaries: tuple[int, ...]
    """Sentence boundary offsets (the character after which a new sentence starts)."""
    day_marks: tuple[tuple[int, date, str], ...]
    """(offset, resolved date, surface) of every date-bearing match, in text order."""


def _sentence_of(context: _Context, position: int) -> int:
    return bisect.bisect_right(context.boundaries, position)


def _day_in_sentence(context: _Context, hit: ClockHit) -> tuple[date, str] | None:
    """The date nearest the time within its sentence, with its surface."""
    sentence = _sentence_of(context, hit.start)
    best: tuple[int, date, str] | None = None
    offsets = [mark[0] for mark in context.day_marks]
    low = bisect.bisect_left(offsets, hit.start - 400)
    high = bisect.bisect_right(offsets, hit.end + 400)
    for offset, day, surface in context.day_marks[low:high]:
        if _sentence_of(context, offset) != sentence:
            continue
        distance = abs(offset - hit.start)
        if best is None or distance < best[0]:
            best = (distance, day, surface)
    return None if best is None else (best[1], best[2])


def _date_match(
    hit: DateHit, text: str, published: date | None
) -> tuple[TemporalMatch, date | None]:
    surface = text[hit.start : hit.end]
    if hit.year is not None:
        day = date(hit.year, hit.month, hit.day)
        note = ""
    elif published is not None:
        nearest = _nearest_year(hit.month, hit.day, published)
        if nearest is None:
            return _partial_date(hit, surface), None
        day = nearest
        note = f" (year nearest publication {published.isoformat()})"
    else:
        return _partial_date(hit, surface), None
    ordinal = float(day.toordinal())
    quantity = Quantity(ordinal, ordinal, ordinal, unit=DATE_UNIT, base_lo=ordinal, base_hi=ordinal)
    match = TemporalMatch(
        hit.start,
        hit.end,
        Kind.DATE,
        quantity,
        day.isoformat(),
        f"{surface} = {day.isoformat()}{note}",
    )
    return match, day


def _partial_date(hit: DateHit, surface: str) -> TemporalMatch:
    normalized = f"--{hit.month:02d}-{hit.day:02d}"
    detail = f"{surface} = {normalized} (no year stated, no publication date)"
    return TemporalMatch(
        hit.start,
        hit.end,
        Kind.DATE,
        Quantity(None, None, None, unit=DATE_UNIT),
        normalized,
        detail,
    )


def _adjacent_date(
    hit: WeekdayHit, text: str, dates: list[tuple[DateHit, date | None]]
) -> tuple[DateHit, date | None] | None:
    for date_hit, day in dates:
        if date_hit.start >= hit.end:
            gap = _ADJACENT_GAP.match(text, hit.end, date_hit.start)
            if gap and gap.end() == date_hit.start and date_hit.start - hit.end <= 8:
                return date_hit, day
        elif date_hit.end <= hit.start and hit.start - date_hit.end <= 3:
            gap_text = text[date_hit.end : hit.start]
            if gap_text.strip(" \t,(") == "":
                return date_hit, day
    return None


def _weekday_match(
    hit: WeekdayHit, text: str, published: date | None, dates: list[tuple[DateHit, date | None]]
) -> tuple[TemporalMatch, date | None]:
    surface = text[hit.start : hit.end]
    value = float(hit.weekday)
    quantity = Quantity(value, value, value, unit=WEEKDAY_UNIT, base_lo=value, base_hi=value)
    adjacent = _adjacent_date(hit, text, dates)
    if adjacent is not None:
        date_hit, anchor = adjacent
        written = text[date_hit.start : date_hit.end]
        if anchor is None:
            detail = f"{surface} (next to {written}, whose year is unknown)"
            return TemporalMatch(hit.start, hit.end, Kind.DATE, quantity, "", detail), None
        day = _weekday_near(hit.weekday, anchor, hit.direction)
        detail = f"{surface} = {day.isoformat()} (week of {written} = {anchor.isoformat()})"
        return TemporalMatch(hit.start, hit.end, Kind.DATE, quantity, day.isoformat(), detail), None
    if published is None:
        detail = f"{surface} (no publication date to resolve it against)"
        return TemporalMatch(hit.start, hit.end, Kind.DATE, quantity, "", detail), None
    day = _weekday_near(hit.weekday, published, hit.direction)
    detail = f"{surface} = {day.isoformat()} (week of publication {published.isoformat()})"
    return TemporalMatch(hit.start, hit.end, Kind.DATE, quantity, day.isoformat(), detail), day


def _relative_match(hit: RelativeHit, text: str, published: date) -> tuple[TemporalMatch, date]:
    surface = text[hit.start : hit.end]
    day = published + timedelta(days=hit.days)
    if hit.days == 0:
        note = "publication date"
    else:
        note = f"publication date {published.isoformat()} {'+' if hit.days > 0 else '-'} {abs(hit.days)} day"
    ordinal = float(day.toordinal())
    quantity = Quantity(ordinal, ordinal, ordinal, unit=DATE_UNIT, base_lo=ordinal, base_hi=ordinal)
    detail = f"{surface} = {day.isoformat()} ({note})"
    return TemporalMatch(hit.start, hit.end, Kind.DATE, quantity, day.isoformat(), detail), day


def _year_match(hit: YearHit) -> TemporalMatch:
    value = float(hit.year)
    quantity = Quantity(value, value, value, unit=YEAR_UNIT, base_lo=value, base_hi=value)
    return TemporalMatch(hit.start, hit.end, Kind.YEAR, quantity, str(hit.year), f"year {hit.year}")


def _hhmm(minutes: int) -> str:
    hours, rest = divmod(minutes % 1440, 60)
    return f"{hours:02d}:{rest:02d}"


def _interval(hit: ClockHit, value: int) -> tuple[float | None, float | None]:
    lo = None if hit.lo_delta is None else float(value + hit.lo_delta)
    hi = None if hit.hi_delta is None else float(value + hit.hi_delta)
    return lo, hi


def _interval_note(hit: ClockHit) -> str:
    if hit.bound is Bound.EXACT:
        return ""
    lo = "" if hit.lo_delta is None else f"{hit.lo_delta:+d}"
    hi = "" if hit.hi_delta is None else f"{hit.hi_delta:+d}"
    return f" [{hit.bound.value}: {lo or 'open'}..{hi or 'open'} min]"


def _time_match(hit: ClockHit, context: _Context) -> TemporalMatch:
    surface = context.text[hit.start : hit.end]
    if hit.zone is None:
        value = hit.minutes
        lo, hi = _interval(hit, value)
        why = "zone not stated" if hit.is_local else "no zone stated"
        if hit.unknown_zone:
            why = f"zone '{hit.unknown_zone}' not recognised"
        detail = f"{surface} = {_hhmm(value)} on the local clock ({why}){_interval_note(hit)}"
        quantity = Quantity(float(value), lo, hi, hit.bound, LOCAL_TIME_UNIT, lo, hi)
        return TemporalMatch(hit.start, hit.end, Kind.TIME, quantity, f"T{_hhmm(value)}", detail)
    found = _day_in_sentence(context, hit)
    if found is not None:
        day, source = found[0], f"date from '{found[1]}' in the same sentence"
    elif context.published is not None:
        day, source = context.published, "publication date"
    else:
        day, source = None, ""
    reference = day or datetime.now(UTC).date()
    offset = offset_minutes(hit.zone, reference, hit.minutes)
    utc = hit.minutes - offset
    value = utc % 1440
    lo, hi = _interval(hit, value)
    quantity = Quantity(float(value), lo, hi, hit.bound, UTC_TIME_UNIT, lo, hi)
    detail = f"{surface} ({format_offset(offset)}) = {_hhmm(value)} UTC"
    if day is not None:
        utc_day = day + timedelta(days=utc // 1440)
        normalized = f"{utc_day.isoformat()}T{_hhmm(value)}Z"
        shift = {-1: ", the day before", 1: ", the day after"}.get(utc // 1440, "")
        detail += f" on {utc_day.isoformat()} ({source}{shift})"
    else:
        normalized = f"T{_hhmm(value)}Z"
        if not has_fixed_offset(hit.zone, reference.year):
            detail += f" (no date known: offset as on {reference.isoformat()})"
    if hit.zone.place:
        detail += f" [{hit.zone.place} → {hit.zone.iana}]"
    return TemporalMatch(
        hit.start, hit.end, Kind.TIME, quantity, normalized, detail + _interval_note(hit)
    )


def find_temporal(text: str, published: str = "") -> tuple[TemporalMatch, ...]:
    """Every date, weekday, relative day, year and clock time in ``text``, sorted and non-overlapping.

    ``published`` (ISO 8601 or "") anchors years, weekdays, "today" and the day of clock times.
    """
    pub = parse_published(published)
    hits: list[Hit] = [
        *find_clock_times(text),
        *find_dates(text),
        *find_weekdays(text),
        *find_years(text),
    ]
    if pub is not None:
        hits.extend(find_relative_days(text))
    chosen = _select(hits)

    dates: list[tuple[DateHit, date | None]] = []
    results: dict[int, TemporalMatch] = {}
    marks: list[tuple[int, date, str]] = []
    for hit in chosen:
        if isinstance(hit, DateHit):
            match, day = _date_match(hit, text, pub)
            dates.append((hit, day))
            results[hit.start] = match
            if day is not None:
                marks.append((hit.start, day, text[hit.start : hit.end]))
    for hit in chosen:
        if isinstance(hit, WeekdayHit):
            match, _ = _weekday_match(hit, text, pub, dates)
            results[hit.start] = match
            if match.normalized:
                marks.append(
                    (hit.start, date.fromisoformat(match.normalized), text[hit.start : hit.end])
                )
        elif isinstance(hit, RelativeHit) and pub is not None:
            match, day = _relative_match(hit, text, pub)
            results[hit.start] = match
            marks.append((hit.start, day, text[hit.start : hit.end]))
        elif isinstance(hit, YearHit):
            results[hit.start] = _year_match(hit)

    inside = [(h.start, h.end) for h in chosen]
    boundaries = tuple(
        m.start() for m in _SENTENCE_END.finditer(text) if not _is_inside(m.start(), inside)
    )
    context = _Context(text, pub, boundaries, tuple(sorted(marks)))
    for hit in chosen:
        if isinstance(hit, ClockHit):
            results[hit.start] = _time_match(hit, context)
    return tuple(results[start] for start in sorted(results))


def _is_inside(position: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (position, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]
