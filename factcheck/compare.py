"""Comparing two claims' values: can both be true at once?

Claims are compared on the normalised values the extractor gave them (see the ``model``
module docstring for each kind's encoding): intervals in base units for quantities, UTC
minutes for clock times, ISO strings for dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from factcheck.model import Bound, Claim, Kind
from factcheck.options import Options

WEEKDAY = "weekday"
UTC_TIME = "time of day UTC"
DATELINE_TIME = "time of day UTC by the dateline's zone"
MINUTES_PER_DAY = 24 * 60
# "about 2045 GMT" and "shortly before 9pm" describe one moment: a hedged clock time
# may stray this far and still agree.
APPROXIMATE_MINUTES = 30
# Quantities compared across units ("12 miles" vs "19 km") are rounded conversions,
# so they get the rounding tolerance even when neither is hedged.
NUMERIC_KINDS = frozenset(
    {Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.MEASURE, Kind.DURATION, Kind.AGE, Kind.ORDINAL}
)
# Kinds a reader may write either way for one fact: "2007" vs "December 2007".
_INTERCHANGEABLE = {frozenset({Kind.YEAR, Kind.DATE})}
# Kinds an extractor may tell apart differently for one fact ("an eight-game streak" vs "the
# eighth straight win", "352 yards" vs "352 net yards" read as a count): such pairs may agree
# on an equal number, but a different number is never called a conflict across kinds.
_LOOSE_KINDS = frozenset({Kind.COUNT, Kind.ORDINAL, Kind.MEASURE, Kind.PERCENT, Kind.AGE})
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Verdict(StrEnum):
    AGREE = "agree"
    CONFLICT = "conflict"
    UNKNOWN = "unknown"
    """The two values cannot be compared (a clock time with a zone vs one without)."""


@dataclass(frozen=True, slots=True)
class Comparison:
    verdict: Verdict
    is_equal: bool = False
    """The values are the same, not merely compatible: strong evidence of one fact."""
    gap: str = ""
    """How far apart the values are, for the explanation ("differ by 61%")."""


def is_comparable(a: Claim, b: Claim) -> bool:
    """The hard gate: a clock time never pairs with a count, metres never with dollars."""
    if a.singles_out != b.singles_out:
        # "one of the wounded employees is in hospital" does not count the wounded
        return False
    if a.kind != b.kind:
        if a.kind in _LOOSE_KINDS and b.kind in _LOOSE_KINDS:
            return True
        # "2007" vs "December 2007"; never a year against a weekday.
        return frozenset({a.kind, b.kind}) in _INTERCHANGEABLE and not (
            is_weekday(a) or is_weekday(b)
        )
    if a.kind in (Kind.MEASURE, Kind.DURATION, Kind.PERCENT):
        return a.quantity.unit.dimension == b.quantity.unit.dimension
    if a.kind is Kind.MONEY:
        # Currency conversions need exchange rates we do not have ("$US1 million ($1.52 million)").
        return a.quantity.unit.name == b.quantity.unit.name
    return True


def compare(a: Claim, b: Claim, options: Options = Options()) -> Comparison:
    """Can ``a`` and ``b`` both be true? Assumes ``is_comparable(a, b)``."""
    if a.kind != b.kind and a.kind in _LOOSE_KINDS and b.kind in _LOOSE_KINDS:
        same = a.quantity.value is not None and a.quantity.value == b.quantity.value
        return Comparison(Verdict.AGREE, is_equal=True) if same else Comparison(Verdict.UNKNOWN)
    if a.kind is Kind.TIME and b.kind is Kind.TIME:
        return _compare_times(a, b)
    if Kind.DATE in (a.kind, b.kind) or (a.kind is Kind.YEAR and b.kind is Kind.YEAR):
        return _compare_dates(a, b)
    if a.kind is Kind.SCORE:
        return _compare_scores(a, b)
    return _compare_intervals(a, b, options)


# ---------------------------------------------------------------- quantities


@dataclass(frozen=True, slots=True)
class _Interval:
    lo: float | None
    hi: float | None
    lo_open: bool = False
    hi_open: bool = False


def _interval(claim: Claim, tolerance: float) -> _Interval | None:
    q = claim.quantity
    lo = q.base_lo if q.base_lo is not None else q.lo
    hi = q.base_hi if q.base_hi is not None else q.hi
    if lo is None and hi is None:
        if q.value is None:
            return None
        lo = hi = q.value
    if tolerance:
        lo = None if lo is None else lo - abs(lo) * tolerance
        hi = None if hi is None else hi + abs(hi) * tolerance
    # Bounds are taken as closed: outlets round, so "just more than four minutes" and "four
    # minutes" left on the clock are one fact, as are "more than 6,000" and "6,000".
    return _Interval(lo, hi)


def _overlap(x: _Interval, y: _Interval) -> bool:
    lo, lo_open = _max_lo(x, y)
    hi, hi_open = _min_hi(x, y)
    if lo is None or hi is None:
        return True
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def _max_lo(x: _Interval, y: _Interval) -> tuple[float | None, bool]:
    if x.lo is None:
        return y.lo, y.lo_open
    if y.lo is None or x.lo > y.lo:
        return x.lo, x.lo_open
    if y.lo > x.lo:
        return y.lo, y.lo_open
    return x.lo, x.lo_open or y.lo_open


def _min_hi(x: _Interval, y: _Interval) -> tuple[float | None, bool]:
    if x.hi is None:
        return y.hi, y.hi_open
    if y.hi is None or x.hi < y.hi:
        return x.hi, x.hi_open
    if y.hi < x.hi:
        return y.hi, y.hi_open
    return x.hi, x.hi_open or y.hi_open


def _tolerance(claim: Claim, other: Claim, options: Options) -> float:
    if claim.quantity.bound is Bound.APPROXIMATELY:
        return options.relative_tolerance
    if _is_conversion(claim, other):
        # "64 kilometres" vs "40 miles" (64.4 km): a conversion is rounded by whoever wrote it.
        return options.relative_tolerance
    return 0.0


# Two floors (or ceilings) whose figures differ by less than this share of the smaller agree.
FLOOR_SPREAD = 0.25
_FLOORS = frozenset({Bound.MORE_THAN, Bound.AT_LEAST})
_CEILINGS = frozenset({Bound.FEWER_THAN, Bound.AT_MOST, Bound.UP_TO})


def _same_direction_bounds(a: Claim, b: Claim) -> bool:
    bounds = {a.quantity.bound, b.quantity.bound}
    return bounds <= _FLOORS or bounds <= _CEILINGS


def _compare_bounds(a: Claim, b: Claim, options: Options) -> Comparison:
    """Two floors (or two ceilings) for one figure: they agree when they name nearly one number.

    "more than 6,000" and "more than 8,000" could both hold, but two outlets that give a floor
    for one figure give the round number just under it; floors a third apart disagree about
    the figure. Floors one round step apart agree ("at least 120" vs "more than 100": a toll
    counted later, or rounded further down).
    """
    x = _interval(a, 0.0)
    y = _interval(b, 0.0)
    u = None if x is None else _middle(x)
    v = None if y is None else _middle(y)
    if u is None or v is None:
        return Comparison(Verdict.UNKNOWN)
    gap = _relative_gap(_Interval(u, u), _Interval(v, v))
    spread = max(FLOOR_SPREAD, 2 * options.relative_tolerance)
    close = abs(u - v) < spread * min(abs(u), abs(v))
    return Comparison(Verdict.AGREE if close else Verdict.CONFLICT, is_equal=u == v, gap=gap)


def _is_conversion(a: Claim, b: Claim) -> bool:
    """Two different units of one measured dimension ("miles" vs "km"); a bare count against
    "points" or "people" is no conversion."""
    x, y = a.quantity.unit, b.quantity.unit
    return bool(x.name and y.name and x.name != y.name and x.dimension != "dimensionless")


def _compare_intervals(a: Claim, b: Claim, options: Options) -> Comparison:
    if _same_direction_bounds(a, b):
        return _compare_bounds(a, b, options)
    x = _interval(a, _tolerance(a, b, options))
    y = _interval(b, _tolerance(b, a, options))
    if x is None or y is None:
        if a.normalized and b.normalized:
            equal = a.normalized == b.normalized
            return Comparison(Verdict.AGREE if equal else Verdict.CONFLICT, is_equal=equal)
        return Comparison(Verdict.UNKNOWN)
    exact_x, exact_y = _interval(a, 0.0), _interval(b, 0.0)
    is_equal = exact_x == exact_y or (
        a.quantity.bound == b.quantity.bound and _overlap(x, y) and _is_point(x) and _is_point(y)
    )
    gap = _relative_gap(exact_x, exact_y)
    if _overlap(x, y):
        return Comparison(Verdict.AGREE, is_equal=is_equal, gap=gap)
    return Comparison(Verdict.CONFLICT, gap=gap)


def is_same_value(a: Claim, b: Claim) -> bool:
    """Exactly the same value (a headline repeating the body), not merely close."""
    if a.kind in NUMERIC_KINDS and b.kind in NUMERIC_KINDS:
        x, y = _interval(a, 0.0), _interval(b, 0.0)
        return x is not None and x == y and a.quantity.bound == b.quantity.bound
    return compare(a, b).is_equal


def value_ratio(a: Claim, b: Claim) -> float:
    """How many times larger one claim's value is than the other's; 1 when not numeric.

    Scores compare part by part: "8-1" vs "9-1" is a near miss (1.1), "10-5" vs "9-1" is not (3).
    """
    if a.kind is Kind.SCORE and b.kind is Kind.SCORE:
        x_parts, y_parts = score_numbers(a), score_numbers(b)
        if len(x_parts) != len(y_parts) or not x_parts:
            return 1.0
        return max(
            max(p + 1, q + 1) / min(p + 1, q + 1) for p, q in zip(x_parts, y_parts, strict=True)
        )
    x, y = _interval(a, 0.0), _interval(b, 0.0)
    if x is None or y is None or a.kind not in NUMERIC_KINDS:
        return 1.0
    u = _middle(x)
    v = _middle(y)
    if u is None or v is None or u == v:
        return 1.0
    small, large = sorted((abs(u), abs(v)))
    if (u < 0) != (v < 0) and u and v:
        return float("inf")
    return large / small if small else float("inf")


def _middle(x: _Interval) -> float | None:
    if x.lo is not None and x.hi is not None:
        return (x.lo + x.hi) / 2
    return x.lo if x.lo is not None else x.hi


def _is_point(x: _Interval) -> bool:
    return x.lo is not None and x.hi is not None and (x.hi - x.lo) <= abs(x.hi) * 0.2


def _relative_gap(x: _Interval | None, y: _Interval | None) -> str:
    if x is None or y is None or None in (x.lo, x.hi, y.lo, y.hi):
        return ""
    assert x.lo is not None and x.hi is not None and y.lo is not None and y.hi is not None
    a, b = (x.lo + x.hi) / 2, (y.lo + y.hi) / 2
    if a == b or min(abs(a), abs(b)) == 0:
        return ""
    return f"differ by {abs(a - b) / min(abs(a), abs(b)):.0%}"


# ---------------------------------------------------------------- times, dates, scores


def _compare_times(a: Claim, b: Claim) -> Comparison:
    x, y = a.quantity.value, b.quantity.value
    if x is None or y is None:
        return Comparison(Verdict.UNKNOWN)
    difference = abs(x - y) % MINUTES_PER_DAY
    difference = min(difference, MINUTES_PER_DAY - difference)
    gap = f"{difference:.0f} minutes apart" if difference else ""
    hedged = Bound.APPROXIMATELY in (a.quantity.bound, b.quantity.bound)
    limit = APPROXIMATE_MINUTES if hedged else 0
    dimensions = {a.quantity.unit.dimension, b.quantity.unit.dimension}
    if DATELINE_TIME in dimensions and dimensions <= {UTC_TIME, DATELINE_TIME}:
        # The dateline's zone is an assumption: it can confirm a time, never refute one.
        agree = difference <= limit
        return Comparison(Verdict.AGREE if agree else Verdict.UNKNOWN, is_equal=agree, gap=gap)
    if a.quantity.unit.dimension != b.quantity.unit.dimension:
        # One clock has a zone, the other not: a writer giving local time means the zone of the
        # place, so the faces are compared ("approximately 06:00 BST" vs "6am"); when they differ
        # the verdict would hang on a zone the text does not give, so there is none.
        face = _face_difference(a, b)
        agree = face is not None and face <= limit
        return Comparison(Verdict.AGREE if agree else Verdict.UNKNOWN, is_equal=agree, gap=gap)
    if difference <= limit:
        # Within a hedge's reach ("about 2045 GMT" vs "shortly before 9pm") counts as equal.
        return Comparison(Verdict.AGREE, is_equal=True, gap=gap)
    return Comparison(Verdict.CONFLICT, gap=gap)


_OFFSET = re.compile(r"UTC([+-]\d{1,2})(?::(\d{2}))?")


def _face(claim: Claim) -> float | None:
    """The clock face a claim shows: UTC minutes plus the zone offset its working names."""
    value = claim.quantity.value
    if value is None or claim.quantity.unit.dimension not in (UTC_TIME, DATELINE_TIME):
        return value
    match = _OFFSET.search(claim.detail)
    if match is None:
        return value if re.search(r"\b(GMT|UTC|Z)\b", claim.text) else None
    hours = int(match.group(1))
    minutes = int(match.group(2) or 0) * (1 if hours >= 0 else -1)
    return value + hours * 60 + minutes


def _face_difference(a: Claim, b: Claim) -> float | None:
    x, y = _face(a), _face(b)
    if x is None or y is None:
        return None
    difference = abs(x - y) % MINUTES_PER_DAY
    return min(difference, MINUTES_PER_DAY - difference)


def date_key(claim: Claim) -> str:
    q = claim.quantity
    if claim.kind is Kind.YEAR and q.lo is not None and q.hi is not None and q.hi - q.lo == 9:
        # "the 1930s": its key "193" is a prefix of every year and date inside the decade
        return f"{q.lo:04.0f}"[:3]
    if claim.kind is Kind.YEAR and claim.quantity.value is not None:
        return f"{claim.quantity.value:04.0f}"
    return claim.normalized


def _compare_dates(a: Claim, b: Claim) -> Comparison:
    if is_weekday(a) or is_weekday(b):
        return _compare_weekdays(a, b)
    return _compare_date_strings(date_key(a), date_key(b))


def _compare_date_strings(x: str, y: str) -> Comparison:
    if not x or not y:
        return Comparison(Verdict.UNKNOWN)
    if x == y:
        return Comparison(Verdict.AGREE, is_equal=True)
    if x.startswith("--") or y.startswith("--"):
        # A date without a year ("--07-23") fits any full date with that month and day.
        agree = x[-5:] == y[-5:] and len(x) >= 7 and len(y) >= 7
        return Comparison(Verdict.AGREE if agree else Verdict.CONFLICT, is_equal=agree)
    # "2007" vs "2007-12": one is a coarser statement of the other.
    if x.startswith(y) or y.startswith(x):
        return Comparison(Verdict.AGREE)
    return Comparison(Verdict.CONFLICT)


def is_weekday(claim: Claim) -> bool:
    return claim.kind is Kind.DATE and claim.quantity.unit.name == WEEKDAY


def iso_weekday(claim: Claim) -> int | None:
    if is_weekday(claim):
        return None if claim.quantity.value is None else int(claim.quantity.value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", claim.normalized):
        return dt.date.fromisoformat(claim.normalized).isoweekday()
    return None


def _compare_weekdays(a: Claim, b: Claim) -> Comparison:
    """A weekday against a weekday or a date, on what the texts state.

    Two weekdays compare as days of the week: each outlet's "Saturday" was resolved against
    its own publication date, and those may be a week apart. A weekday and a full date compare
    by day of the week. Against a date without a year ("July 23"), only the weekday's resolved
    date can say anything, and since that resolution is an inference it can agree but never
    conflict.
    """
    day_a, day_b = iso_weekday(a), iso_weekday(b)
    if day_a is not None and day_b is not None:
        same = day_a == day_b
        return Comparison(Verdict.AGREE if same else Verdict.CONFLICT, is_equal=same)
    x, y = _as_date(a.normalized), _as_date(b.normalized)
    if x and y and _compare_date_strings(x, y).verdict is Verdict.AGREE:
        return Comparison(Verdict.AGREE, is_equal=True)
    return Comparison(Verdict.UNKNOWN)


def _as_date(text: str) -> str:
    return text if re.fullmatch(r"(\d{4}|-)-\d{2}-\d{2}", text) else ""


def _is_full_date(text: str) -> bool:
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is not None


def score_numbers(claim: Claim) -> tuple[int, ...]:
    # Outlets name the winner first or the home team first: "20-13" and "13-20" are one score.
    return tuple(sorted(int(n) for n in re.findall(r"\d+", claim.normalized or claim.text)))


def _compare_scores(a: Claim, b: Claim) -> Comparison:
    x, y = score_numbers(a), score_numbers(b)
    if not x or not y:
        return Comparison(Verdict.UNKNOWN)
    return Comparison(Verdict.AGREE if x == y else Verdict.CONFLICT, is_equal=x == y)
