"""Durations written in more than one unit: "7 minutes 41 seconds", "7:42 left", "2 hours and 3 minutes".

Pure functions over text and quantities, no model. ``factcheck.mentions`` turns their results
into mentions: without them "7 minutes 41 seconds" reads as two claims (7 minutes; 41 seconds)
and a game clock "with 7:42 left" as no claim at all, so two reports of one basket could not
be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from factcheck.model import Bound, Quantity, Unit

SECOND = Unit(name="second", dimension="time", base="second", symbol="s")
# "2 hours, 3 minutes and 20 seconds", "1 hour 30 minutes", "2 years and 6 months".
COMPOUND_GAP = re.compile(r"\s*,?\s*(?:and\s+)?")
# m:ss or h:mm:ss is an elapsed time, not a time of day, only where the words say so: a clock
# that counts down ("with 7:42 left", "4:08 to play") or a race time ("finished in 2:03:59").
# After hours, the minutes take two digits ("2:01:09"; "12:7:42" is no time).
_CLOCK = r"(?P<clock>(?:(?P<h>\d{1,2}):(?=[0-5]\d:))?(?P<m>\d{1,2}):(?P<s>[0-5]\d(?:\.\d+)?))"
_ELAPSED_AFTER = re.compile(
    _CLOCK + r"(?=\s+(?:left|remaining|to\s+go|to\s+play|on\s+the\s+clock|elapsed)\b)", re.I
)
_ELAPSED_BEFORE = re.compile(
    r"\b(?:in\s+a\s+time\s+of|a\s+time\s+of|clocked|timed\s+at|finished\s+in|won\s+in|ran\s+in)"
    r"\s+" + _CLOCK + r"(?!\s*(?:[ap]\.?m\b|GMT|UTC|BST))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Elapsed:
    """An elapsed time written as a clock face: "7:42" left on a game clock."""

    start: int
    end: int
    seconds: float
    detail: str
    """How it was read, for the explanation: "7:42 = 7 min 42 s = 462 s"."""


def find_elapsed(text: str) -> Iterator[Elapsed]:
    """Clock faces that state an elapsed time, in text order."""
    found: dict[int, Elapsed] = {}
    for pattern in (_ELAPSED_AFTER, _ELAPSED_BEFORE):
        for match in pattern.finditer(text):
            start, end = match.span("clock")
            if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ":."):
                continue  # inside a longer number or a ratio ("12:7:42")
            hours = int(match.group("h") or 0)
            minutes, seconds = int(match.group("m")), float(match.group("s"))
            total = hours * 3600 + minutes * 60 + seconds
            parts = (f"{hours} h " if hours else "") + f"{minutes} min {_number(seconds)} s"
            found[start] = Elapsed(
                start, end, total, f"{match.group('clock')} = {parts} = {_number(total)} s"
            )
    return iter(sorted(found.values(), key=lambda e: e.start))


def elapsed_quantity(seconds: float) -> Quantity:
    return Quantity(seconds, seconds, seconds, Bound.EXACT, SECOND, seconds, seconds)


def compound_quantity(parts: Sequence[Quantity]) -> Quantity | None:
    """One duration for exact parts in falling units ("7 minutes" + "41 seconds" = 461 s), else None."""
    if len(parts) < 2 or any(not _is_exact_duration(q) for q in parts):
        return None
    sizes = [(q.base_lo or 0.0) / (q.value or 1.0) for q in parts]
    if any(later >= earlier for earlier, later in pairwise(sizes)):
        return None  # "3 minutes, 20 minutes" is a list, and "20 seconds 3 minutes" no compound
    smallest = parts[-1]
    total_base = sum(q.base_lo or 0.0 for q in parts)
    value = total_base / sizes[-1]
    return Quantity(value, value, value, Bound.EXACT, smallest.unit, total_base, total_base)


def _is_exact_duration(q: Quantity) -> bool:
    return (
        q.bound is Bound.EXACT
        and q.unit.dimension == "time"
        and bool(q.value)
        and q.base_lo is not None
        and q.base_lo == q.base_hi
    )


def _number(value: float) -> str:
    return f"{value:.15g}"
