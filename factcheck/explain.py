"""Explanations a reader can check: each claim with its normalised value, then the verdict."""

from __future__ import annotations

from factcheck.compare import (
    MINUTES_PER_DAY,
    NUMERIC_KINDS,
    UTC_TIME,
    WEEKDAY_NAMES,
    Comparison,
    Verdict,
    date_key,
    is_weekday,
    iso_weekday,
    score_numbers,
)
from factcheck.model import Bound, Claim, Kind, Status

BASE_SYMBOLS = {"metre": "m", "second": "s", "kilogram": "kg", "litre": "l", "square metre": "m²"}


def format_number(value: float) -> str:
    """6000.0 → "6,000"; 2.5 → "2.5"; 19312.128 → "19,312"."""
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _bound_phrase(claim: Claim) -> str:
    q = claim.quantity
    lo, hi = q.lo, q.hi
    if q.bound is Bound.RANGE and lo is not None and hi is not None:
        return f"{_plain(lo)}–{_plain(hi)}"
    value = q.value if q.value is not None else (lo if lo is not None else hi)
    if value is None:
        return claim.normalized or "?"
    symbol = {
        Bound.EXACT: "=",
        Bound.APPROXIMATELY: "≈",
        Bound.MORE_THAN: ">",
        Bound.AT_LEAST: "≥",
        Bound.FEWER_THAN: "<",
        Bound.AT_MOST: "≤",
        Bound.UP_TO: "≤",
    }.get(q.bound, "=")
    return f"{symbol} {_plain(value)}"


def _plain(value: float) -> str:
    return format_number(value).replace(",", "")


def _clock(minutes: float) -> str:
    total = round(minutes) % MINUTES_PER_DAY
    return f"{total // 60:02d}:{total % 60:02d}"


def describe(claim: Claim, in_base_units: bool = False, with_weekday: bool = False) -> str:
    """One claim's surface with its normalised value: "16:00 GMT = 16:00 UTC"."""
    surface = clean(claim.text)
    if claim.kind is Kind.TIME:
        if claim.detail:
            return clean(claim.detail)
        if claim.quantity.value is None:
            return surface
        zone = "UTC" if claim.quantity.unit.dimension == UTC_TIME else "local time"
        return f"{surface} = {_clock(claim.quantity.value)} {zone}"
    if claim.kind in (Kind.DATE, Kind.YEAR):
        if is_weekday(claim):
            day = iso_weekday(claim)
            name = WEEKDAY_NAMES[day - 1] if day and 1 <= day <= 7 else "a weekday"
            resolved = f" = {claim.normalized}" if claim.normalized else ""
            if surface.lower() != name.lower():
                resolved = f" = {name}{resolved}"
            return f"{surface}{resolved}"
        day = iso_weekday(claim) if with_weekday else None
        weekday = f", a {WEEKDAY_NAMES[day - 1]}" if day else ""
        return f"{surface} = {date_key(claim) or '?'}{weekday}"
    if claim.kind is Kind.SCORE:
        return f"{surface} = {'-'.join(str(n) for n in score_numbers(claim))}"
    q = claim.quantity
    if in_base_units and q.unit.base and q.base_lo is not None:
        symbol = BASE_SYMBOLS.get(q.unit.base, q.unit.base)
        if q.base_hi is not None and q.base_hi != q.base_lo:
            return f"{surface} = {format_number(q.base_lo)}–{format_number(q.base_hi)} {symbol}"
        return f"{surface} = {format_number(q.base_lo)} {symbol}"
    return f"{surface} ({_bound_phrase(claim)})"


def clean(text: str) -> str:
    return " ".join(text.split())


def explain(claims: tuple[Claim, ...], status: Status, comparisons: tuple[Comparison, ...]) -> str:
    """A sentence a reader can check: the normalised values, then the verdict."""
    units = {c.quantity.unit.name for c in claims}
    weekdays = any(is_weekday(c) for c in claims)
    described = [describe(c, len(units) > 1, with_weekday=weekdays) for c in claims]
    unique = list(dict.fromkeys(described))
    gaps = [c.gap for c in comparisons if c.verdict is Verdict.CONFLICT and c.gap]
    if status is Status.CONFLICT:
        if len(unique) == 2 and not gaps and claims[0].kind in NUMERIC_KINDS:
            return f"{unique[0]} and {unique[1]} cannot both be true"
        return "; ".join(unique) + (f": {gaps[0]}" if gaps else ": cannot both be true")
    if status is Status.AGREE:
        if len(unique) == 1:
            return f"{unique[0]} in every source"
        if claims[0].kind in NUMERIC_KINDS and len(units) == 1:
            return " and ".join(unique) + " can both be true"
        if claims[0].kind is Kind.TIME:
            return "; ".join(unique) + ": the same moment"
        return "; ".join(unique) + ": compatible"
    return f"{unique[0]}: stated in one source only"
