"""Finding calendar expressions in raw text: dates (and fixed-date holidays), weekdays, relative days, years.

Only finding and parsing happen here; resolving a date against the publication date is done by
``factcheck.temporal``. Patterns are linear and context checks read bounded windows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip
# Days relative to publication. "last night" in a morning story is the evening before.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "tomorrow": 1,
}  # fmt: skip
MIN_YEAR, MAX_YEAR = 1600, 2100
_S = r"[ \t\u00a0\u202f]"  # a space: web text often has no-break spaces ("July\u00a023")


# Holidays on one fixed date everywhere they are named so. Moving feasts (Easter) and
# "Independence Day" (a different date in each country) are left out on purpose.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new years day": (1, 1), "new years eve": (12, 31), "christmas day": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26), "valentines day": (2, 14),
    "halloween": (10, 31), "fourth of july": (7, 4), "bastille day": (7, 14),
    "armistice day": (11, 11), "remembrance day": (11, 11), "veterans day": (11, 11),
    "st patricks day": (3, 17), "saint patricks day": (3, 17),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateHit:
    """A calendar date as written: "July 23", "23 Jul, 2025", "2025-07-23"."""

    start: int
    end: int
    month: int
    day: int
    year: int | None


@dataclass(frozen=True, slots=True)
class WeekdayHit:
    """A weekday, possibly with "last"/"next" ("last Wednesday")."""

    start: int
    end: int
    weekday: int
    """ISO weekday, 1 = Monday."""
    direction: int = 0
    """-1 for "last Wednesday", +1 for "next Wednesday", 0 for the nearest one."""


@dataclass(frozen=True, slots=True)
class RelativeHit:
    """A day named relative to publication: "today", "yesterday", "this evening"."""

    start: int
    end: int
    days: int


@dataclass(frozen=True, slots=True)
class YearHit:
    """A year in a year-ish context: "in 1945", "the 2003 season", "2012's"."""

    start: int
    end: int
    year: int


# Month names are capitalised in news copy ("June", "JUNE 11,2012"); requiring the capital keeps
# the verbs "may" and "march" out. The full names come first so "Jan" does not cut "January" short.
_MONTH = (
    r"(?P<{g}>(?=[A-Z])(?i:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?))"
)
_ORD = r"(?:st|nd|rd|th)?"
# ",?\s*" before the year also takes "December 23,2012", a corpus artefact with no space.
_YEAR_TAIL = rf"(?:,?{_S}*(?P<{{g}}>\d{{{{4}}}})(?!\d|[.,]\d))?"
# Day ranges come first so that "July 22-23" and "22-23 July" give two dates, not one and a stray "23".
_DASH = rf"{_S}*[-–]{_S}*"
DATE = re.compile(
    rf"\b(?P<rm>{_MONTH.format(g='rmon')}{_S}+(?P<ra>\d{{1,2}}){_ORD})"
    rf"{_DASH}(?P<rbd>(?P<rb>\d{{1,2}}){_ORD}\b){_YEAR_TAIL.format(g='ry')}"
    rf"|\b(?P<qad>(?P<qa>\d{{1,2}}){_ORD}){_DASH}(?P<qbm>(?P<qb>\d{{1,2}}){_ORD}{_S}+(?:of{_S}+)?"
    rf"{_MONTH.format(g='qmon')}){_YEAR_TAIL.format(g='qy')}"
    rf"|\b(?P<md1>{_MONTH.format(g='m1')}{_S}+(?P<d1>\d{{1,2}}){_ORD}\b){_YEAR_TAIL.format(g='y1')}"
    rf"|\b(?P<md2>(?P<d2>\d{{1,2}}){_ORD}{_S}+(?:of{_S}+)?{_MONTH.format(g='m2')}){_YEAR_TAIL.format(g='y2')}"
    rf"|(?<![\w\-/.])(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?![\w\-])"
)
# "in July 2025": the year is claimed (as a YEAR); the month alone is not a date.
MONTH_YEAR = re.compile(rf"\b{_MONTH.format(g='m')}{_S}+(?P<y>\d{{4}})(?!\d|[.,]\d)")
WEEKDAY = re.compile(
    rf"\b(?:(?P<dir>[Ll]ast|[Nn]ext){_S}+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![A-Za-z])"
)
HOLIDAY = re.compile(
    rf"\b(?:New{_S}+Year['’]s{_S}+(?:Day|Eve)|Christmas{_S}+(?:Day|Eve)|Boxing{_S}+Day|"
    rf"Valentine['’]s{_S}+Day|Halloween|Fourth{_S}+of{_S}+July|Bastille{_S}+Day|Armistice{_S}+Day|"
    rf"Remembrance{_S}+Day|Veterans['’]?{_S}+Day|(?:St\.?|Saint){_S}+Patrick['’]s{_S}+Day)\b"
)
RELATIVE = re.compile(
    rf"\b(?P<rel>today|tonight|yesterday|tomorrow|(?:this{_S}+(?:morning|afternoon|evening))|"
    rf"last{_S}+night)\b",
    re.IGNORECASE,
)
# "mid-2020" is the one place a hyphen may precede a year.
YEAR = re.compile(
    r"(?:(?<=mid-)|(?<![\w$£€.,\-/:]))(?P<y>1[6-9]\d\d|20\d\d|2100)(?![\w%]|[.,:]\d|-\d\d-)"
)
_YEAR_BEFORE = re.compile(
    r"(?i:\b(?P<prep>in|since|by|until|till|from|of|between|before|after|during|and|to|through|or)"
    rf"{_S}+(?:(?:early|late|mid|the{_S}+end{_S}+of|the{_S}+start{_S}+of)[ \t-]+)?)$"
)
# "from", "to", "by", "of", "and", "or" also introduce counts: "rose from 1650 to 2015", "a total
# of 2019". After a verb of change or a total within a few words, the number is a count.
_WEAK_PREPOSITIONS = frozenset({"from", "to", "by", "of", "and", "or", "through"})
_CHANGE = re.compile(
    r"(?i:\b(?:rose|rise[sn]?|rising|increased?|increasing|fell|fallen|falls?|dropped|drops?|climbed|"
    r"jumped|grew|grown|declined?|down|up|totall?(?:ed|ing)?|total|reached|hit|cut|raised|lowered|"
    r"number|count|tally|toll|sum)\b)"
)
_DECADE = re.compile(r"(?i:\b(?:the|mid|early|late)[ \t-]+)\d{4}['’]s$")
_YEAR_AFTER = re.compile(
    rf"(?:'s|’s)(?![A-Za-z])|{_S}+(?:season|seasons|election|elections|census|campaign|Olympics|"
    rf"World{_S}+Cup|budget|midterms?|general{_S}+election|presidential{_S}+election|"
    r"vintage|model|edition|championship|tournament)\b"
)
# After "of 2000" a plural noun means a count ("a crowd of 2000 people", "1945 protesters");
# "9 August 2008 shown in ..." or "in 2012 was" is still a year. These words may follow a year
# even though they end in "s"; the irregular plurals below make a count without one.
_NEXT_WORD = re.compile(rf"{_S}+([a-z]+)")
_YEAR_FOLLOWERS = frozenset({
    "as", "is", "was", "has", "its", "his", "this", "these", "those", "thus", "plus", "us",
    "onwards", "afterwards", "towards", "always", "perhaps",
})  # fmt: skip
# Unit symbols after a number make it a measure: "between 1180 and 1980 mm".
_UNIT_WORDS = frozenset({
    "mm", "cm", "m", "km", "kg", "g", "mg", "lb", "lbs", "oz", "ft", "mi", "ml", "l", "t",
    "kw", "mw", "gw", "kwh", "mwh", "mph", "kph", "hz", "khz", "mhz", "ghz", "v", "kv", "w",
    "ha", "sq", "bn", "mn", "k", "nm", "pm", "am", "s", "ms", "min", "h", "hr", "hrs", "yr", "yrs",
})  # fmt: skip
_IRREGULAR_PLURALS = frozenset({
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "sheep",
    "fish", "feet", "mice", "geese", "data", "more", "other", "others", "new", "extra",
})  # fmt: skip


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").casefold()]


def _valid_year(raw: str | None) -> int | None:
    if raw is None:
        return None
    year = int(raw)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _is_count_next(text: str, end: int) -> bool:
    """True when a word that makes the number a count comes next ("1945 people", "2000 homes")."""
    m = _NEXT_WORD.match(text, end, min(len(text), end + 30))
    if m is None:
        return False
    word = m.group(1)
    if word in _IRREGULAR_PLURALS or word in _UNIT_WORDS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us")) and word not in _YEAR_FOLLOWERS


def find_dates(text: str) -> list[DateHit]:
    """Every calendar date with a month and a day; the year is None when not written."""
    hits: list[DateHit] = []
    for m in DATE.finditer(text):
        year: int | None
        if m.group("rm") or m.group("qa"):
            hits.extend(_range_hits(text, m))
            continue
        if m.group("y3"):
            year, month, day = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
            if _valid_year(m.group("y3")) is None or not 1 <= month <= 12:
                continue
            end = m.end()
        else:
            g = "1" if m.group("m1") else "2"
            month, day = _month(m.group("m" + g)), int(m.group("d" + g))
            year = _valid_year(m.group("y" + g))
            # "July 23, 2000 people marched": the four digits are a count, not the year.
            if year is not None and _is_count_next(text, m.end()):
                year = None
            end = m.end() if year is not None else m.end("md" + g)
        if not 1 <= day <= _days_in_month(month, year):
            continue
        hits.append(DateHit(m.start(), end, month, day, year))
    return hits


def _range_hits(text: str, m: re.Match[str]) -> list[DateHit]:
    """Both ends of "July 22-23, 2025" ("July 22" and "23, 2025") or "22-23 July" ("22", "23 July")."""
    r = "r" if m.group("rm") else "q"
    month = _month(m.group(r + "mon"))
    year = _valid_year(m.group(r + "y"))
    if year is not None and _is_count_next(text, m.end()):
        year = None
    if r == "r":
        first = (m.start(), m.end("rm"), int(m.group("ra")))
        second_end = m.end() if year is not None else m.end("rbd")
        second = (m.start("rb"), second_end, int(m.group("rb")))
    else:
        first = (m.start("qa"), m.end("qad"), int(m.group("qa")))
        second_end = m.end() if year is not None else m.end("qbm")
        second = (m.start("qb"), second_end, int(m.group("qb")))
    if not 1 <= first[2] < second[2] <= _days_in_month(month, year):
        # "May 12-40" or "5-3 May" is no range: keep the end that has its month beside it.
        start, end, day = first if r == "r" else second
        return (
            [DateHit(start, end, month, day, year)]
            if 1 <= day <= _days_in_month(month, year)
            else []
        )
    return [DateHit(start, end, month, day, year) for start, end, day in (first, second)]


def _days_in_month(month: int, year: int | None) -> int:
    if month == 2:
        is_leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        return 29 if is_leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def find_holidays(text: str) -> list[DateHit]:
    """Fixed-date holidays as dates: "Christmas Day" is December 25 (a year is never taken from them)."""
    hits: list[DateHit] = []
    for m in HOLIDAY.finditer(text):
        key = " ".join(re.sub(r"['’.]", "", m.group(0)).casefold().split())
        month, day = HOLIDAYS[key]
        hits.append(DateHit(m.start(), m.end(), month, day, None))
    return hits


def find_weekdays(text: str) -> list[WeekdayHit]:
    """Every weekday name ("Wednesday", "last Friday"); plurals ("Wednesdays") are habits, not days."""
    hits: list[WeekdayHit] = []
    for m in WEEKDAY.finditer(text):
        direction = {"last": -1, "next": 1}.get((m.group("dir") or "").casefold(), 0)
        hits.append(WeekdayHit(m.start(), m.end(), WEEKDAYS[m.group("wd").casefold()], direction))
    return hits


def find_relative_days(text: str) -> list[RelativeHit]:
    """ "today", "tonight", "yesterday", "tomorrow", "this morning/afternoon/evening", "last night"."""
    hits: list[RelativeHit] = []
    for m in RELATIVE.finditer(text):
        word = " ".join(m.group("rel").casefold().split())
        if m.group("rel")[0].isupper() and _follows_name(text, m.start()):
            continue  # "Russia Today", "USA Today": a title, not a day
        hits.append(RelativeHit(m.start(), m.end(), RELATIVE_DAYS[word]))
    return hits


def _follows_name(text: str, start: int) -> bool:
    before = text[max(0, start - 20) : start]
    stripped = before.rstrip(" \t")
    if len(stripped) == len(before) or not stripped:
        return False
    word = stripped.split()[-1] if stripped.split() else ""
    return word[:1].isupper() and word[-1:].isalpha()


def _has_year_preposition(text: str, start: int) -> bool:
    """True after "in", "since", ... ; after "from"/"to"/"of" only when no verb of change precedes."""
    m = _YEAR_BEFORE.search(text, max(0, start - 28), start)
    if m is None:
        return False
    if m.group("prep").casefold() not in _WEAK_PREPOSITIONS:
        return True
    window = re.split(r"[;:.!?]", text[max(0, m.start() - 40) : m.start()])[-1]  # this clause only
    return _CHANGE.search(window) is None


def find_years(text: str) -> list[YearHit]:
    """Years 1600-2100 standing in a year-ish context: "in 1945", "the 2003 season", "2012's"."""
    hits: list[YearHit] = []
    for m in YEAR.finditer(text):
        year = int(m.group("y"))
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        if year % 10 == 0 and _DECADE.search(
            text, max(0, m.start() - 8), min(len(text), m.end() + 2)
        ):
            continue  # "the mid 1930's", "the 1990's": a decade
        if _YEAR_AFTER.match(text, m.end(), min(len(text), m.end() + 40)) or (
            _has_year_preposition(text, m.start()) and not _is_count_next(text, m.end())
        ):
            hits.append(YearHit(m.start(), m.end(), year))
    for m in MONTH_YEAR.finditer(text):
        year_value = _valid_year(m.group("y"))
        if year_value is not None:
            hits.append(YearHit(m.start("y"), m.end("y"), year_value))
    return hits
