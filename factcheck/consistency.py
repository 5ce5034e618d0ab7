"""Checks inside one source: does a text contradict itself?

- Two clock times given for one moment: "7 pm Moscow time (11 pm Vietnam time)" holds (both
  16:00 UTC); "7 pm Moscow time (10 pm Vietnam time)" does not.
- A weekday beside its date: "Tuesday, July 23, 2025" is wrong (July 23, 2025 is a Wednesday).

Each failure is a CONFLICT finding of the source with itself (``internal=True``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from factcheck.align import is_restatement
from factcheck.compare import UTC_TIME, WEEKDAY, Comparison, Verdict, compare
from factcheck.explain import describe, explain
from factcheck.judge import finding_id
from factcheck.model import Claim, Finding, Kind, SourcedClaim, Status

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEADING_WEEKDAY = re.compile(r"\s*(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def check_source(source: int, claims: Sequence[Claim]) -> tuple[Finding, ...]:
    """Every internal contradiction in one source's claims, in text order."""
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    findings: list[Finding] = []
    for first, second in itertools.pairwise(ordered):
        between = _between(first, second)
        if between is None or not is_restatement(first, second, between):
            continue
        if _is_clock_pair(first, second) or _is_weekday_pair(first, second):
            comparison = compare(first, second)
            if comparison.verdict is Verdict.CONFLICT:
                findings.append(_internal(source, (first, second), comparison))
    findings.extend(_internal_weekday(source, c) for c in ordered if _has_wrong_weekday(c))
    return tuple(findings)


def _between(a: Claim, b: Claim) -> str | None:
    if a.sentence_start != b.sentence_start or b.start < a.end or b.start - a.end > 4:
        return None
    offset = a.end - a.sentence_start
    return a.sentence[offset : offset + b.start - a.end]


def _is_clock_pair(a: Claim, b: Claim) -> bool:
    """Both clock times carry a zone: only then is their instant known."""
    return (
        a.kind is Kind.TIME
        and b.kind is Kind.TIME
        and a.quantity.unit.dimension == UTC_TIME
        and b.quantity.unit.dimension == UTC_TIME
    )


def _is_weekday_pair(a: Claim, b: Claim) -> bool:
    return (
        a.kind is Kind.DATE
        and b.kind is Kind.DATE
        and WEEKDAY in (a.quantity.unit.name, b.quantity.unit.name)
        and a.quantity.unit.name != b.quantity.unit.name
    )


def _has_wrong_weekday(claim: Claim) -> bool:
    """One DATE claim that spells its own weekday: "Tuesday, July 23, 2025"."""
    if claim.kind is not Kind.DATE or claim.quantity.unit.name == WEEKDAY:
        return False
    match = _LEADING_WEEKDAY.match(claim.text)
    if match is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", claim.normalized):
        return False
    stated = _WEEKDAYS.index(match.group(1).lower()) + 1
    return dt.date.fromisoformat(claim.normalized).isoweekday() != stated


def _internal(source: int, claims: tuple[Claim, ...], comparison: Comparison) -> Finding:
    sourced = tuple(SourcedClaim(source, c) for c in claims)
    kind = claims[0].kind
    explanation = explain(claims, Status.CONFLICT, (comparison,))
    what = "one moment given twice" if kind is Kind.TIME else "a weekday that does not fit its date"
    referent = claims[0].referent.text or claims[1].referent.text
    return Finding(
        id=finding_id(kind, "internal " + claims[0].referent.key, sourced),
        status=Status.CONFLICT,
        kind=kind,
        referent=referent,
        explanation=f"{what}: {explanation}",
        claims=sourced,
        internal=True,
    )


def _internal_weekday(source: int, claim: Claim) -> Finding:
    date = dt.date.fromisoformat(claim.normalized)
    sourced = (SourcedClaim(source, claim),)
    return Finding(
        id=finding_id(claim.kind, "internal weekday " + claim.referent.key, sourced),
        status=Status.CONFLICT,
        kind=claim.kind,
        referent=claim.referent.text,
        explanation=(
            f"a weekday that does not fit its date: {describe(claim)}, "
            f"which is a {date.strftime('%A')}"
        ),
        claims=sourced,
        internal=True,
    )
