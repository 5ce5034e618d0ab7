"""Clock times in raw text: "7 pm", "7:30 a.m.", "19:00", "1630 GMT", "noon", with zones.

``find_clock_times`` finds and parses them; ``read_clock`` converts one to UTC on a day the
caller chose (``factcheck.temporal`` decides which day). Every pattern is linear (no nested
quantifiers) and every look beyond the match reads a bounded window, so a 5 MB line of digits
is scanned in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.model import Bound, Quantity, Unit
from factcheck.zones import (
    Zone,
    abbreviation_zone,
    format_offset,
    has_fixed_offset,
    named_zone,
    offset_minutes,
)

UTC_TIME_UNIT = Unit("minute", "time of day UTC")
# "3:42 a.m. local time" under a "LIMA, March 14 -" dateline: UTC by the dateline's zone, an
# assumption (a story datelined London may give Lima's local time), so it only ever agrees.
DATELINE_TIME_UNIT = Unit("minute", "time of day UTC by the dateline's zone")
LOCAL_TIME_UNIT = Unit("minute", "local time of day")


@dataclass(frozen=True, slots=True)
class ClockHit:
    """One clock time as written, before any conversion."""

    start: int
    end: int
    minutes: int
    """Minutes after midnight on the clock face as written (7 pm → 1140; 1440 for "before midnight")."""
    zone: Zone | None
    """The zone named after the time, or None (none named, or "local time")."""
    is_local: bool = False
    """True when the text says "local time": the zone exists but is not named."""
    unknown_zone: str = ""
    """A "<Name> time" phrase that could not be resolved ("Gaza time"), kept for the explanation."""
    bound: Bound = Bound.EXACT
    lo_delta: int | None = 0
    """Lower end of the interval relative to ``minutes``; None when unbounded."""
    hi_delta: int | None = 0


# Twelve-hour clock: "7 pm", "7pm", "7 p.m.", "7:30 a.m.", "4.30pm". The dot separator is only
# accepted with am/pm ("4.30" alone is a decimal). "(?![A-Za-z])" keeps "7 amendments" out.
_TWELVE = (
    r"(?P<h12>\d{1,2})(?:[:.](?P<m12>\d{2}))?\s?(?P<ap>[AaPp])(?:\.[Mm]\.|\.?[Mm](?![A-Za-z]))"
)
# Twenty-four-hour clock with a colon: "19:00", "06:00"; checked further in _is_plain_clock.
# "19.00" (British and European usage) only with a zone or "hours": otherwise it is a decimal.
_COLON = r"(?P<h24>\d{1,2})(?P<sep24>[:.])(?P<m24>\d{2})(?![\d:]|[.,]\d)"
# Military "1630": only kept when a zone or "hours" follows (checked after the match).
_MILITARY = r"(?P<hmil>[01]\d|2[0-3])(?P<mmil>[0-5]\d)(?![\d,]|\.\d)"
_WORDS = r"(?P<twelve>12\s+)?(?P<word>noon|midday|midnight)"
# A dash may precede a twelve-hour time ("9-11 am") but not a bare "19:00" ("2025-19:00").
CLOCK = re.compile(
    rf"(?<![\w.,:$£€/+])(?:{_TWELVE})|(?<![\w.,:$£€/+\-])(?:{_COLON}|{_MILITARY})|\b(?i:{_WORDS})\b",
)

# What may follow a clock time: an offset, an abbreviation, "<Name(s)> time", "local time", "hours".
_AFTER = re.compile(
    r"""(?:
        \s?(?P<offset>(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)(?!\d)
      | \s(?P<local>[Ll]ocal\s[Tt]ime)\b
      | \s(?P<name>(?:[A-Z][A-Za-z'’.\-]*\s){1,4})[Tt]ime\b
      | \s(?P<region>Eastern|Central|Pacific|Mountain)\b(?!\s[A-Z])
      | \s?(?P<abbr>[A-Z]{2,5})(?![\w+\-−])
      | \s(?P<hours>hours|hrs)\b
    )""",
    re.VERBOSE,
)
_AFTER_WINDOW = 60

# Words before a time that set its interval. "shortly before 9pm" is the quarter hour before.
_QUALIFIER = re.compile(
    r"(?i:\b(?P<q>about|around|approximately|roughly|circa|some\s?time\s+around|shortly\s+before|"
    r"just\s+before|shortly\s+after|just\s+after|soon\s+after|no\s+later\s+than|before|after|by)"
    r"\s+(?:at\s+)?)$"
)
_QUALIFIER_WINDOW = 32
# The bare first hour of a range whose second hour carries am/pm: "9-11 am", "from 9 to 11 pm".
_RANGE_START = re.compile(
    r"(?:\b(?P<lead>[Bb]etween|[Ff]rom)[ \t\u00a0\u202f]+)?(?<![\w.,:$£€/+\-])(?P<h>\d{1,2})(?:[:.](?P<mm>\d{2}))?"
    r"[ \t\u00a0\u202f]*(?P<sep>-|–|to|and|until|till)[ \t\u00a0\u202f]*$"
)
APPROXIMATE_MINUTES = 15
_QUALIFIERS: dict[str, tuple[Bound, int | None, int | None]] = {
    "about": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "around": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "approximately": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "roughly": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "circa": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "sometime around": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "some time around": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, APPROXIMATE_MINUTES),
    "shortly before": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, 0),
    "just before": (Bound.APPROXIMATELY, -APPROXIMATE_MINUTES, 0),
    "shortly after": (Bound.APPROXIMATELY, 0, APPROXIMATE_MINUTES),
    "just after": (Bound.APPROXIMATELY, 0, APPROXIMATE_MINUTES),
    "soon after": (Bound.APPROXIMATELY, 0, APPROXIMATE_MINUTES),
    "before": (Bound.FEWER_THAN, None, 0),
    "after": (Bound.MORE_THAN, 0, None),
    "by": (Bound.AT_MOST, None, 0),
    "no later than": (Bound.AT_MOST, None, 0),
}

# A bare "9:15" (one-digit hour, no am/pm, no zone) is a time only after one of these words;
# otherwise "Psalm 23:4"-style references and "3:45" race results would pass.
_CLOCK_CONTEXT = frozenset({
    "at", "around", "about", "approximately", "by", "before", "after", "from", "until", "till",
    "since", "between", "to", "and", "noon", "midnight", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
})  # fmt: skip
_WORD_TIME_CONTEXT = frozenset({
    "at", "around", "about", "approximately", "by", "before", "after", "from", "until", "till",
    "since", "to", "and", "past", "near", "towards", "shortly", "just",
})  # fmt: skip
# Capitalised words that start a "<Name> time" phrase without naming a place ("The time").
_NOT_PLACES = frozenset({
    "the", "this", "that", "a", "an", "each", "every", "any", "some", "no", "next", "last", "same", "first",
})  # fmt: skip
_DAY_ENDS = frozenset({"before", "by", "until", "till"})
_LINE_WINDOW = 200
_GAME_CLOCK = re.compile(r"[ \t\u00a0\u202f]+(?:to[ \t\u00a0\u202f]+(?:play|go)|left|remaining)\b")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[\s,]*$")


def _previous_word(text: str, start: int) -> str:
    m = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    return m.group(1) if m else ""


def _is_word_time(text: str, start: int) -> bool:
    """True when "noon"/"midnight" follows a word that makes it a moment ("at noon", "after midnight")."""
    return _previous_word(text, start).casefold() in _WORD_TIME_CONTEXT


def _line_is_only(text: str, start: int, end: int) -> bool:
    """True when the match is alone on its line: media-player timers ("0:00" / "25:48") are."""
    head = text[max(0, start - _LINE_WINDOW) : start].rsplit("\n", 1)
    tail = text[end : end + _LINE_WINDOW].split("\n", 1)
    if (len(head) == 1 and start > _LINE_WINDOW) or (
        len(tail) == 1 and end + _LINE_WINDOW < len(text)
    ):
        return False  # a line this long holds more than a timer (and reading it all would be quadratic)
    return not head[-1].strip() and not tail[0].strip()


def _is_plain_clock(text: str, start: int, end: int, hours: int, minutes: int) -> bool:
    """Whether an "H:MM" with no am/pm and no zone is a time of day and not a timer or a reference."""
    if hours >= 24 or minutes >= 60 or (hours == 0 and minutes == 0):
        return False  # "25:48" is minutes:seconds; a lone "0:00" is a player's counter
    if _line_is_only(text, start, end):
        return False
    if text[end : end + 2][:1] in ("-", "–") and text[end + 1 : end + 2].isdigit():
        return False  # "3:16-18": a verse range
    if _GAME_CLOCK.match(text, end, min(len(text), end + 20)):
        return False  # "with 10:03 to play": a game clock counting down, not a time of day
    previous = _previous_word(text, start)
    if previous.casefold() in _CLOCK_CONTEXT:
        return True
    if previous[:1].isupper():
        return False  # "Psalm 23:4", "Room 10:15": a capitalised word right before
    return len(text[start:end].split(":")[0]) == 2  # "19:00" stands on its own; "9:15" does not


def _range_start(text: str, start: int, second: int) -> tuple[int, int, int] | None:
    """(start, end, minutes) of the bare first hour in "9-11 am" or "between 9 and 11 pm".

    It shares the second time's am/pm, unless that would put it after the second
    ("11-1 pm" runs from 11 am). Its zone is the second time's.
    """
    m = _RANGE_START.search(text, max(0, start - _QUALIFIER_WINDOW), start)
    if m is None or (m.group("sep") not in ("-", "–") and not m.group("lead")):
        return None
    hours, minutes = int(m.group("h")), int(m.group("mm") or 0)
    if not 1 <= hours <= 12 or minutes >= 60:
        return None
    first = (hours % 12) * 60 + minutes + (720 if second >= 720 else 0)
    if first >= second:
        first = (first + 720) % 1440
    return m.start("h"), m.end("mm") if m.group("mm") else m.end("h"), first


def _zone_after(text: str, end: int) -> tuple[int, Zone | None, bool, str, bool]:
    """(new end, zone, is_local, unresolved name, has_hours) for what follows a time at ``end``."""
    m = _AFTER.match(text, end, min(len(text), end + _AFTER_WINDOW))
    if not m:
        return end, None, False, "", False
    if m.group("offset"):
        zone = abbreviation_zone(m.group("offset").replace(" ", ""))
        return (m.end(), zone, False, "", False) if zone else (end, None, False, "", False)
    if m.group("abbr"):
        zone = abbreviation_zone(m.group("abbr"))
        return (m.end(), zone, False, "", False) if zone else (end, None, False, "", False)
    if m.group("local"):
        return m.end(), None, True, "", False
    if m.group("region"):  # "4 p.m. Eastern", US usage without "time"
        return m.end(), named_zone(m.group("region")), False, "", False
    if m.group("hours"):
        return m.end(), None, False, "", True
    name = m.group("name").strip()
    if name.split()[0].casefold() in _NOT_PLACES:
        return end, None, False, "", False  # "at 9 am The time ...": no place, no gazetteer load
    zone = named_zone(name)
    if zone is None:
        return end, None, False, f"{name} time", False
    return m.end(), zone, False, "", False


def _qualifier(text: str, start: int) -> tuple[int, Bound, int | None, int | None]:
    m = _QUALIFIER.search(text, max(0, start - _QUALIFIER_WINDOW), start)
    if not m:
        return start, Bound.EXACT, 0, 0
    key = " ".join(m.group("q").casefold().split())
    bound, lo, hi = _QUALIFIERS[key]
    return m.start(), bound, lo, hi


def _parse(m: re.Match[str]) -> tuple[int, str] | None:
    """(minutes on the clock face, form) for one CLOCK match, or None when not a valid time."""
    if m.group("h12") is not None:
        hours, minutes = int(m.group("h12")), int(m.group("m12") or 0)
        if not 1 <= hours <= 12 or minutes >= 60:
            return None
        hours = hours % 12 + (12 if m.group("ap") in "Pp" else 0)
        return hours * 60 + minutes, "twelve"
    if m.group("h24") is not None:
        return int(m.group("h24")) * 60 + int(m.group("m24")), "colon"
    if m.group("hmil") is not None:
        return int(m.group("hmil")) * 60 + int(m.group("mmil")), "military"
    word = m.group("word").casefold()
    return (0 if word == "midnight" else 720), "word"


def find_clock_times(text: str) -> list[ClockHit]:
    """Every clock time in ``text``, with its zone and qualifier, in text order."""
    hits: list[ClockHit] = []
    for m in CLOCK.finditer(text):
        parsed = _parse(m)
        if parsed is None:
            continue
        minutes, form = parsed
        end, zone, is_local, unknown, has_hours = _zone_after(text, m.end())
        has_zone = zone is not None or is_local
        if form == "military" and not (has_zone or has_hours):
            continue  # "1945 people": four digits are a time only with a zone or "hours"
        if form == "colon":
            hours, mins = int(m.group("h24")), int(m.group("m24"))
            if hours >= 24 or mins >= 60:
                continue
            if not (has_zone or has_hours) and m.group("sep24") == ".":
                continue
            if not (has_zone or has_hours) and not _is_plain_clock(
                text, m.start(), m.end(), hours, mins
            ):
                continue
        if form == "word" and not (has_zone or m.group("twelve") or _is_word_time(text, m.start())):
            continue  # "midday trading", "the midnight deadline": a part of the day, not a clock
        start, bound, lo, hi = _qualifier(text, m.start())
        if (
            form == "word"
            and minutes == 0
            and _previous_word(text, m.start()).casefold() in _DAY_ENDS
        ):
            minutes = 1440  # "before midnight on Friday" is the end of Friday, not its start
        if form == "twelve":
            first = _range_start(text, m.start(), minutes)
            if first is not None:
                hits.append(ClockHit(first[0], first[1], first[2], zone, is_local, unknown))
        hits.append(ClockHit(start, end, minutes, zone, is_local, unknown, bound, lo, hi))
    return hits


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


def read_clock(
    hit: ClockHit, surface: str, day: date | None, season: date, source: str
) -> tuple[Quantity, str, str]:
    """(quantity, normalized, detail) for a clock time, converted to UTC when it has a zone.

    ``day`` is the date the time is on (None when unknown), ``season`` a date to take the zone's
    offset on (``day`` itself, or a month and day that tells the daylight-saving season), and
    ``source`` says where they came from, for the detail. Unzoned times stay on the local clock.
    """
    if hit.zone is None:
        value = hit.minutes % 1440
        lo, hi = _interval(hit, value)
        why = "zone not stated" if hit.is_local else "no zone stated"
        if hit.unknown_zone:
            why = f"zone '{hit.unknown_zone}' not recognised"
        detail = f"{surface} = {_hhmm(value)} on the local clock ({why}){_interval_note(hit)}"
        quantity = Quantity(float(value), lo, hi, hit.bound, LOCAL_TIME_UNIT, lo, hi)
        return quantity, f"T{_hhmm(value)}", detail
    offset = offset_minutes(hit.zone, season, hit.minutes)
    utc = hit.minutes - offset
    value = utc % 1440
    lo, hi = _interval(hit, value)
    unit = DATELINE_TIME_UNIT if hit.is_local else UTC_TIME_UNIT
    quantity = Quantity(float(value), lo, hi, hit.bound, unit, lo, hi)
    zone_note = format_offset(offset)
    if hit.is_local:
        zone_note = f"{hit.zone.place} by the dateline, {zone_note}"
    detail = f"{surface} ({zone_note}) = {_hhmm(value)} UTC"
    if day is not None:
        utc_day = day + timedelta(days=utc // 1440)
        normalized = f"{utc_day.isoformat()}T{_hhmm(value)}Z"
        shift = {-1: ", the day before", 1: ", the day after"}.get(utc // 1440, "")
        detail += f" on {utc_day.isoformat()} ({source}{shift})"
    else:
        normalized = f"T{_hhmm(value)}Z"
        if not has_fixed_offset(hit.zone, season.year):
            when = season.isoformat() if source == "today" else season.strftime("--%m-%d")
            detail += f" (no date known: offset as on {when}, from {source})"
    if hit.zone.place:
        detail += f" [{hit.zone.place} → {hit.zone.iana}]"
    return quantity, normalized, detail + _interval_note(hit)
