"""Adapters between factcheck's claims (and bare quantulum3) and the bench's prediction format.

The bench data (../shared/bench, see its README) follows NewsQuant's conventions, which differ
from factcheck's model; they are mapped here and never bent into the product:

- for counts the ``unit`` is the counted noun ("goals"); the ``referent`` is the concept,
  the entity the number is about (often the clause's subject: "Chris Wood");
- ``change`` marks up/down trends ("rose 0.3%" → "up") besides bounds ("~", ">", "<");
- NewsQuant annotates no dates, years, clock times or ordinals: those kinds are left out.
"""

from __future__ import annotations

import re
from typing import Any

from factcheck.model import Bound, Claim, Kind

NOT_ANNOTATED = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.ORDINAL})
CHANGE = {
    Bound.EXACT: "=", Bound.APPROXIMATELY: "~", Bound.MORE_THAN: ">", Bound.AT_LEAST: ">",
    Bound.FEWER_THAN: "<", Bound.AT_MOST: "<", Bound.UP_TO: "<", Bound.RANGE: "=",
}  # fmt: skip
# A trend verb or adverb right before the number: "rose 0.3%", "up 19 cents", "fell by 5".
UP = re.compile(
    r"\b(?:rose|rise[sn]?|rising|up|increased?|increasing|gain(?:ed|s)?|grew|grow(?:s|n)?|climb(?:ed|s)?|"
    r"jump(?:ed|s)?|surge[ds]?|soar(?:ed|s)?|advanced?|higher|added|boost(?:ed)?|spiked?)"
    r"(?:\s+(?:by|nearly|almost|about|around|some|roughly|more than|over|another|a further))*\s*[$€£]?\s*$",
    re.I,
)
DOWN = re.compile(
    r"\b(?:fell|fall(?:s|en|ing)?|down|declined?|declining|drop(?:ped|s)?|lost|lose[s]?|los(?:ing)|slid|slump(?:ed|s)?|"
    r"plunge[ds]?|decreased?|lower|shed|cut|tumble[ds]?|sank|dip(?:ped|s)?|slipped|eased|shrank|shrunk)"
    r"(?:\s+(?:by|nearly|almost|about|around|some|roughly|more than|over|another|a further))*\s*[$€£]?\s*$",
    re.I,
)


def trend(claim: Claim, text: str) -> str:
    """ "up" / "down" when a trend word stands right before the claim, else ""."""
    before = text[max(0, claim.start - 30) : claim.start]
    before = re.split(r"[\d,;:.()]", before)[-1]
    if UP.search(before):
        return "up"
    if DOWN.search(before):
        return "down"
    return ""


def counted_noun(claim: Claim) -> str:
    """The counted noun of a count ("6,000 bodies of soldiers" → "bodies"), "" when none is stated."""
    referent = claim.referent
    if not referent.text or referent.text == claim.subject or referent.resolved_from:
        return ""
    return referent.text.split(" of ")[0]


def unit_name(claim: Claim) -> str:
    if claim.kind is Kind.COUNT:
        return counted_noun(claim)
    if claim.kind is Kind.AGE:
        return "year of age"
    return claim.quantity.unit.name


def concept(claim: Claim) -> str:
    """NewsQuant's concept: for a count, who has or does it; otherwise what is measured."""
    if claim.kind is Kind.COUNT and counted_noun(claim):
        return claim.subject
    return claim.referent.text or claim.subject


def prediction(claim: Claim, text: str, *, measeval: bool = False) -> dict[str, Any] | None:
    """One claim as a prediction record, or None for a kind the gold does not annotate."""
    if claim.kind in NOT_ANNOTATED:
        return None
    q = claim.quantity
    value, lower, upper = q.value, None, None
    if claim.kind is Kind.SCORE:
        first, second = (float(x) for x in claim.normalized.split("-"))
        value, lower, upper = None, first, second
    elif q.bound is Bound.RANGE:
        lower, upper = q.lo, q.hi
    elif q.bound in (Bound.MORE_THAN, Bound.AT_LEAST):
        lower = q.value
    elif q.bound in (Bound.FEWER_THAN, Bound.AT_MOST, Bound.UP_TO):
        upper = q.value
    change = CHANGE[q.bound]
    if change == "=":
        change = trend(claim, text) or "="
    return {
        "start": claim.start, "end": claim.end, "value": value, "lower": lower, "upper": upper,
        "unit": claim.quantity.unit.name if measeval and claim.kind is not Kind.COUNT else unit_name(claim),
        "referent": claim.referent.text if measeval else concept(claim), "change": change,
    }  # fmt: skip


def quantulum_prediction(quantity: Any) -> dict[str, Any]:
    """A bare quantulum3 ``Quantity`` as a prediction record."""
    unit = quantity.unit.name
    start, end = quantity.span
    return {
        "start": start, "end": end, "value": quantity.value, "lower": None, "upper": None,
        "unit": "" if unit == "dimensionless" else unit, "referent": None, "change": "=",
    }  # fmt: skip
