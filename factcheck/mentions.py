"""Numbers plus units → typed mentions with interval quantities: pure functions, no model.

A ``Mention`` is a claim without its sentence-level reading (referent, attribution): the
span, the kind, the quantity as an interval, the normalised form. ``factcheck.extract``
adds the rest from the parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.durations import (
    COMPOUND_GAP,
    Elapsed,
    compound_quantity,
    elapsed_quantity,
    find_elapsed,
)
from factcheck.model import DIMENSIONLESS, Bound, Kind, Quantity, Unit
from factcheck.numbers import (
    BELOW_APPROXIMATORS,
    MONEY_SCALES,
    SCALES,
    NumberMatch,
    find_numbers,
    parse_fraction,
)
from factcheck.units import UnitMatch, read_after, read_before, read_per, to_base

PERCENT = Unit(name="percentage", dimension="dimensionless", symbol="%")
YEAR_OF_AGE = Unit(name="year", dimension="time", base="second", symbol="a")
# Age written around the number: "16-year-old", "16 years old", "aged 16", "age of 16".
AGE_AFTER = re.compile(r"[\s-]*years?[\s-]*old\b", re.I)
# "two women -- 68 and 48-years-old": the first of a coordinated pair of ages is an age too.
AGE_COORDINATED = re.compile(r"\s*(?:,|and|or|to)\s*\d{1,3}[\s-]*years?[\s-]*old\b", re.I)
AGE_BEFORE = re.compile(r"\b(?:aged|age of|ages of)\s+$", re.I)
# Sport and election results near a hyphenated pair make it a score, not a range ("won 20-13").
SCORE_WORDS = re.compile(
    r"\b(?:w[oi]n|won|wins|beat|beats|defeat(?:ed|s)?|lost|loss|los[et]|draw|drew|lead|led|"
    r"victory|record|score[ds]?|vote[ds]?|margin|tie[ds]?|edged|routed|thrashed|final)\b",
    re.I,
)
# A win-loss record in brackets after a team's name: "The Colts (10-5, 4-4 away)", "Jaguars (2-13)".
TEAM_RECORD = re.compile(r"\b[A-Z][a-z]+s\s*\(\s*$")
# A team's record moving: "fell to 5-10 on its way", "improved to 9-5 with the win" ("rose to
# 5-6%" is a range: a unit follows).
RECORD_MOVE = re.compile(
    r"\b(?:fell|falls?|dropped|drops|improved|improves|moved|moves|slipped)\s+to\s+$"
)
# "a mile and a half", "two hours and a quarter": a fraction word after the unit adds to the number.
TRAILING_FRACTION = re.compile(
    r"\s+and\s+((?:an?|one|two|three)[\s-](?:half|quarters?|thirds?))\b(?![\s-]+(?:of|per)\b)", re.I
)
# Things that look like numbers but state no quantity: phone numbers, URLs, e-mail addresses.
NOT_CLAIMS = re.compile(
    r"https?://\S+|www\.\S+|(?<!\S)[^\s@]+@\S+\.\w+|\+?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b|24/7"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A number with its unit, kind and interval, before the parse reads its sentence."""

    start: int
    end: int
    kind: Kind
    quantity: Quantity
    normalized: str
    value_start: int
    value_end: int
    role: str
    """How the parse should look for the referent: count, measure, ordinal."""
    detail: str = ""
    bound_phrase: str = ""
    scaled: bool = False
    """A scale word multiplied the value ("$93 billion")."""


def format_number(value: float) -> str:
    """6000.0 → '6000'; 1.25 → '1.25' (no exponent below 1e15)."""
    return f"{value:.15g}" if abs(value) < 1e15 else f"{value:.6g}"


def interval(
    number: NumberMatch, tolerance: float, scale: float = 1.0
) -> tuple[float | None, float | None, float | None]:
    """(value, lo, hi) for the number's bound: "about 50" → (50, 47.5, 52.5) at 5 %."""
    if number.bound is Bound.RANGE:
        lo = None if number.lo is None else number.lo * scale
        hi = None if number.hi is None else number.hi * scale
        return None, lo, hi
    value = None if number.value is None else number.value * scale
    if value is None:
        return None, None, None
    bound = number.bound
    if bound is Bound.APPROXIMATELY:
        low, high = sorted((value * (1 - tolerance), value * (1 + tolerance)))
        return value, low, value if number.bound_phrase in BELOW_APPROXIMATORS else high
    if bound in (Bound.MORE_THAN, Bound.AT_LEAST):
        return value, value, None
    if bound in (Bound.FEWER_THAN, Bound.AT_MOST, Bound.UP_TO):
        return value, None, value
    return value, value, value


SIGNS = {
    Bound.EXACT: "", Bound.APPROXIMATELY: "~", Bound.MORE_THAN: ">", Bound.AT_LEAST: ">=",
    Bound.FEWER_THAN: "<", Bound.AT_MOST: "<=", Bound.UP_TO: "<=", Bound.RANGE: "",
}  # fmt: skip


def normalized_form(quantity: Quantity) -> str:
    """'>6000', '~12 mile', '5-10 percentage', '2.5e+06 dollar' style: compact and comparable."""
    if quantity.bound is Bound.RANGE:
        lo = "" if quantity.lo is None else format_number(quantity.lo)
        hi = "" if quantity.hi is None else format_number(quantity.hi)
        number = f"{lo}-{hi}"
    elif quantity.value is None:
        return ""
    else:
        number = SIGNS[quantity.bound] + format_number(quantity.value)
    return f"{number} {quantity.unit.name}".strip()


def _kind_for(unit: Unit) -> Kind:
    if unit.name in ("percentage", "percentage point", "basis point"):
        return Kind.PERCENT
    if unit.dimension.startswith("currency"):  # "US$58.24 per barrel" is a price
        return Kind.MONEY
    if unit.dimension == "time":
        return Kind.DURATION
    if unit.dimension in ("dimensionless", ""):
        return Kind.COUNT
    return Kind.MEASURE


def _score(text: str, number: NumberMatch) -> Mention:
    surface = text[number.start : number.end]
    first, second = re.split(r"\s*[-–—]\s*", surface, maxsplit=1)
    quantity = Quantity(value=None, lo=None, hi=None)
    return Mention(number.start, number.end, Kind.SCORE, quantity, f"{first}-{second}",
                   number.start, number.end, "count")  # fmt: skip


def _is_score(text: str, number: NumberMatch) -> bool:
    if number.bound is not Bound.RANGE or not re.fullmatch(
        r"\d+\s?[-–]\s?\d+", text[number.core_start : number.core_end]
    ):
        return False
    window = text[max(0, number.start - 24) : number.end + 12]
    after = text[number.end : number.end + 8]
    if TEAM_RECORD.search(text, max(0, number.start - 40), number.start) and re.match(
        r"\s*[,)]", after
    ):
        return True
    if RECORD_MOVE.search(text, max(0, number.start - 20), number.start) and re.match(
        r"(?:[,.;)]|\s+(?:on|in|with|after|and|for|at|this)\b)", after
    ):
        return True
    return bool(SCORE_WORDS.search(window))


def _bare_half(text: str, number: NumberMatch) -> bool:
    return text[number.core_start : number.core_end].lower() == "half"


def read_mention(text: str, number: NumberMatch, tolerance: float) -> Mention | None:
    """The typed mention for one number found in ``text``, or None when it states no quantity."""
    if number.shape == "score" or _is_score(text, number):
        return _score(text, number)
    if number.shape == "ordinal":
        value = number.value or 0.0
        quantity = Quantity(value=value, lo=value, hi=value, base_lo=value, base_hi=value)
        return Mention(number.start, number.end, Kind.ORDINAL, quantity, format_number(value),
                       number.start, number.end, "ordinal")  # fmt: skip
    start, end = number.start, number.end
    before = read_before(text, number.core_start)
    after: UnitMatch | None = None
    scale = 1.0
    if number.suffix:
        if before is None or before.unit.dimension != "currency":
            return None  # "25m" without a currency: metres or a model name, not a claim we read
        scale = MONEY_SCALES[number.suffix]
        end = number.end + len(number.suffix)
    if before is not None:
        start = min(start, before.start)
        per = read_per(text, end, before.unit)
        if per is not None:
            before, end = UnitMatch(before.start, per.end, per.unit), per.end
    else:
        after = read_after(text, number.unit_from) if number.unit_from >= 0 else None
        if after is None and number.unit_from >= 0 and _bare_half(text, number):
            return None  # "half a loaf": no unit, and a bare "half" states no share here
        if after is None:
            after = read_after(text, end)
        if after is not None:
            end = after.end
            # "a mile and a half", "two hours and a half": the fraction follows the unit
            trailing = TRAILING_FRACTION.match(text, end)
            if (
                trailing is not None
                and number.value is not None
                and number.bound is not Bound.RANGE
            ):
                part = parse_fraction(trailing.group(1), "wordfrac") or 0.0
                number = replace(number, value=number.value + part)
                end = trailing.end()
    if number.shape == "article" and (after is None or end == after.end):
        return None  # "a mile" alone is no claim: only "a mile and a half" is
    unit = before.unit if before else after.unit if after else DIMENSIONLESS
    yearly = YEARLY_AFTER.match(text, end) if unit.dimension == "currency" else None
    if yearly is not None:
        # "€900m annually" is "900 million euros a year": one rate, however it is written
        unit = Unit(f"{unit.name} per year", f"{unit.dimension} per time")
        end = yearly.end()
    kind = _kind_for(unit)
    detail = ""
    if number.shape == "fraction" and unit is DIMENSIONLESS:
        # "two-thirds of voters" is a share: kept as a percentage so "66%" can meet it
        unit, kind, scale = PERCENT, Kind.PERCENT, 100.0
        detail = f"{text[number.core_start : number.core_end]} = {format_number(round((number.value or 0) * 100, 2))}%"
    elif (
        number.shape == "words"
        and number.bound is Bound.RANGE
        and number.value is None
        and number.lo
    ):
        # "hundreds of homes": a vague plural, read as one to ten of its scale (numbers.vague_range)
        surface = text[number.core_start : number.core_end]
        detail = f"{surface} = {format_number(number.lo)}-{format_number(number.hi or 0)} (a vague plural)"
    age_after = (
        AGE_AFTER.match(text, number.end) if unit.name == "year" or unit is DIMENSIONLESS else None
    )
    coordinated = unit is DIMENSIONLESS and AGE_COORDINATED.match(text, number.end) is not None
    if (
        age_after is not None
        or coordinated
        or (AGE_BEFORE.search(text[max(0, start - 12) : start]) and unit.name in ("", "year"))
    ):
        kind, unit = Kind.AGE, YEAR_OF_AGE
        if age_after is not None:
            end = max(end, age_after.end())
    stated, lo, hi = interval(number, tolerance, scale)
    quantity = Quantity(value=stated, lo=lo, hi=hi, bound=number.bound, unit=unit,
                        base_lo=to_base(lo, unit), base_hi=to_base(hi, unit))  # fmt: skip
    # "64 points": a count with a unit word is read like a measure (the unit is no referent)
    role = {Kind.MONEY: "money", Kind.DURATION: "duration"}.get(kind, "measure")
    if kind is Kind.COUNT and not unit.name:
        role = "count"
    return Mention(start, end, kind, quantity, normalized_form(quantity), number.core_start,
                   number.core_end, role, detail, number.bound_phrase, number.scaled or scale != 1.0)  # fmt: skip


# "a year", "per year" are read with the unit (units.read_per); these adverbs stand alone
YEARLY_AFTER = re.compile(r"\s+(?:annually|yearly|per annum)\b", re.I)
SCALE_WORD = re.compile(
    r"(?<=[\d\s])(?:hundred|thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)\b", re.I
)
TREND_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|up|fell|fall(?:s|en)?|down|gained|lost|dropped|climbed|jumped|slid|declined|increased|"
    r"decreased|added|shed)(?:\s+by)?\s*$",
    re.I,
)
SHARED_KINDS = frozenset({Kind.MONEY, Kind.PERCENT, Kind.MEASURE, Kind.DURATION})
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|to-|and)\s*", re.I)
RANGE_LEAD = re.compile(r"(?:^|(?<=\s))(?:between|from)\s+$", re.I)


def join_ranges(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """ "$750,000 to $1 million", "1 per cent to 20 per cent", "between 15kHz and 17kHz" → one RANGE.

    Joins two exact mentions of one unit (or a bare number and a unit, "5 to 10 miles"); a scale
    word on the upper end only covers the lower one too when that is needed ("$89 to $93 billion").
    """
    out: list[Mention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        joined = _join(text, first, second) if second is not None else None
        if joined is not None:
            out.append(joined)
            index += 2
        else:
            out.append(first)
            index += 1
    return out


def _join(text: str, first: Mention, second: Mention) -> Mention | None:
    gap = text[first.end : second.start]
    a, b = first.quantity, second.quantity
    if not RANGE_GAP.fullmatch(gap) or a.bound is not Bound.EXACT or b.bound is not Bound.EXACT:
        return None
    if first.kind not in (b_kind := second.kind, Kind.COUNT) or b_kind in (
        Kind.SCORE,
        Kind.ORDINAL,
    ):
        return None
    # "US $89 to $93 billion": the same currency written two ways
    same = a.unit.dimension == b.unit.dimension and (
        a.unit.name.endswith(b.unit.name) or b.unit.name.endswith(a.unit.name)
    )
    if a.unit != b.unit and a.unit.name and not same:
        return None
    if a.value is None or b.value is None:
        return None
    lead = RANGE_LEAD.search(text[max(0, first.start - 9) : first.start])
    if gap.strip().lower() == "and" and lead is None:
        return None
    if TREND_BEFORE.search(text[max(0, first.start - 20) : first.start]):
        return None  # "fell 64 points to 4,577": a change, then the level it reached
    low = a.value
    scale = SCALE_WORD.search(text[second.value_start : second.end])
    factor = (
        (SCALES.get(scale.group(0).lower()) or MONEY_SCALES.get(scale.group(0).lower(), 1.0))
        if scale
        else 1.0
    )
    if second.scaled and not first.scaled and low * factor <= b.value:
        low *= factor  # "$89 to $93 billion"; but "$200 to $4 million" stays 200
    if low > b.value:
        return None
    start = first.start - (len(lead.group(0)) if lead else 0)
    unit = max(a.unit, b.unit, key=lambda u: len(u.name))
    quantity = Quantity(value=None, lo=low, hi=b.value, bound=Bound.RANGE, unit=unit,
                        base_lo=to_base(low, unit), base_hi=to_base(b.value, unit))  # fmt: skip
    return Mention(start, second.end, second.kind, quantity, normalized_form(quantity), first.value_start,
                   second.value_end, second.role, scaled=second.scaled)  # fmt: skip


def find_mentions(text: str, tolerance: float = 0.05) -> tuple[Mention, ...]:
    """Every typed number mention in ``text``, skipping phone numbers, URLs and e-mail addresses."""
    elapsed = [_elapsed(e) for e in find_elapsed(text)]
    blocked = sorted(
        [m.span() for m in NOT_CLAIMS.finditer(text)] + [(e.start, e.end) for e in elapsed]
    )
    found: list[Mention] = []
    cursor = 0
    for number in find_numbers(text):  # both in text order: one pass
        while cursor < len(blocked) and blocked[cursor][1] <= number.start:
            cursor += 1
        if cursor < len(blocked) and blocked[cursor][0] < number.end:
            continue
        if found and number.start < found[-1].end:
            continue  # "a second and a half": "second" and "a half" lie inside the claim read
        mention = read_mention(text, number, tolerance)
        if mention is not None:
            found.append(mention)
    joined = join_durations(text, join_ranges(text, found))
    return tuple(share_units(text, sorted([*joined, *elapsed], key=lambda m: m.start)))


def _elapsed(e: Elapsed) -> Mention:
    quantity = elapsed_quantity(e.seconds)
    return Mention(e.start, e.end, Kind.DURATION, quantity, normalized_form(quantity), e.start,
                   e.end, "duration", e.detail)  # fmt: skip


def join_durations(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """ "7 minutes 41 seconds", "2 hours, 3 minutes and 20 seconds" → one duration in the smallest unit."""
    out: list[Mention] = []
    index = 0
    while index < len(mentions):
        run = [mentions[index]]
        while (
            index + len(run) < len(mentions)
            and run[-1].kind is Kind.DURATION
            and mentions[index + len(run)].kind is Kind.DURATION
            and COMPOUND_GAP.fullmatch(text[run[-1].end : mentions[index + len(run)].start])
        ):
            run.append(mentions[index + len(run)])
        # The longest prefix of the run that reads as one duration (falling units, exact parts).
        quantity = compound_quantity([m.quantity for m in run])
        while quantity is None and len(run) > 2:
            run.pop()
            quantity = compound_quantity([m.quantity for m in run])
        if quantity is None:
            out.append(mentions[index])
            index += 1
            continue
        first, last = run[0], run[-1]
        surface = text[first.start : last.end]
        detail = f"{surface} = {format_number(quantity.value or 0)} {quantity.unit.name}s"
        out.append(Mention(first.start, last.end, Kind.DURATION, quantity, normalized_form(quantity),
                           first.value_start, last.value_end, "duration", detail))  # fmt: skip
        index += len(run)
    return out


def share_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "eight or nine euros", "about 8 or $9": a bare number before "or" takes the next one's unit."""
    out = list(mentions)
    for index in range(len(out) - 1):
        first, second = out[index], out[index + 1]
        if (
            first.kind is not Kind.COUNT
            or first.quantity.unit.name
            or second.kind not in SHARED_KINDS
        ):
            continue
        if not re.fullmatch(r"\s+or\s+", text[first.end : second.start]):
            continue
        unit = second.quantity.unit
        q = first.quantity
        quantity = Quantity(
            q.value, q.lo, q.hi, q.bound, unit, to_base(q.lo, unit), to_base(q.hi, unit)
        )
        out[index] = Mention(first.start, first.end, second.kind, quantity, normalized_form(quantity),
                             first.value_start, first.value_end, second.role, first.detail, first.bound_phrase,
                             first.scaled)  # fmt: skip
    return out
