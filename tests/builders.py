"""Hand-built claims for model-free tests of align, judge and consistency."""

from __future__ import annotations

from factcheck.model import DIMENSIONLESS, Bound, Claim, Document, Kind, Quantity, Referent, Unit

MILE = Unit("mile", "length", "metre")
KILOMETRE = Unit("kilometre", "length", "metre")
DOLLAR = Unit("US dollar", "currency", "US dollar")
EURO = Unit("euro", "currency", "euro")
UTC = Unit("minute", "time of day UTC")
LOCAL = Unit("minute", "local time of day")
WEEKDAY = Unit("weekday", "weekday")
_FACTORS = {"mile": 1609.344, "kilometre": 1000.0}


def claim(
    sentence: str,
    surface: str,
    kind: Kind = Kind.COUNT,
    value: float | None = None,
    *,
    key: str = "",
    head: str = "",
    bound: Bound = Bound.EXACT,
    unit: Unit = DIMENSIONLESS,
    lo: float | None = None,
    hi: float | None = None,
    normalized: str | None = None,
    detail: str = "",
    sentence_start: int = 0,
) -> Claim:
    """A claim on ``surface`` inside ``sentence``; offsets are computed, the interval follows the bound."""
    index = sentence.index(surface)
    if value is not None and lo is None and hi is None:
        lo = None if bound in (Bound.FEWER_THAN, Bound.AT_MOST, Bound.UP_TO) else value
        hi = None if bound in (Bound.MORE_THAN, Bound.AT_LEAST) else value
    factor = _FACTORS.get(unit.name, 1.0)
    return Claim(
        start=sentence_start + index,
        end=sentence_start + index + len(surface),
        text=surface,
        kind=kind,
        quantity=Quantity(
            value,
            lo,
            hi,
            bound,
            unit,
            None if lo is None else lo * factor,
            None if hi is None else hi * factor,
        ),
        referent=Referent(text=key, key=key, head=head or (key.split()[-1] if key else "")),
        sentence=sentence,
        sentence_start=sentence_start,
        normalized=(
            normalized if normalized is not None else "" if value is None else f"{value:g}"
        ),
        detail=detail,
    )


def clock(
    sentence: str, surface: str, utc_minutes: int, *, key: str = "talks begin", **kw: object
) -> Claim:
    """A zoned clock time, ``utc_minutes`` after midnight UTC."""
    return claim(
        sentence,
        surface,
        Kind.TIME,
        utc_minutes,
        key=key,
        unit=UTC,
        normalized=f"T{utc_minutes // 60:02d}:{utc_minutes % 60:02d}Z",
        **kw,  # type: ignore[arg-type]
    )


def document(path: str, text: str = "") -> Document:
    return Document(path=path, text=text or path)
