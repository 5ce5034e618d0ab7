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

from factcheck.mentions import read_mention
from factcheck.model import Bound, Claim, Kind
from factcheck.numbers import find_numbers

NOT_ANNOTATED = frozenset({Kind.DATE, Kind.YEAR, Kind.TIME, Kind.ORDINAL})
CHANGE = {
    Bound.EXACT: "=", Bound.APPROXIMATELY: "~", Bound.MORE_THAN: ">", Bound.AT_LEAST: ">",
    Bound.FEWER_THAN: "<", Bound.AT_MOST: "<", Bound.UP_TO: "<", Bound.RANGE: "=",
}  # fmt: skip
# A trend verb or adverb right before the number: "rose 0.3%", "up 19 cents", "fell by 5".
UP = re.compile(
    r"(?<!gave )(?<!give )(?<!gives )(?<!giving )(?<!picked )(?<!set )(?<!ended )(?<!made )"
    r"\b(?:rose|rise[sn]?|rising|up|increased?|increasing|gain(?:ed|s)?|grew|grow(?:s|n)?|climb(?:ed|s)?|"
    r"jump(?:ed|s)?|surge[ds]?|soar(?:ed|s)?|advanced?|higher|added|boost(?:ed)?|spiked?)"
    r"(?:\s+(?:by|to|nearly|almost|about|around|some|roughly|more than|over|another|a further))*\s*[$€£]?\s*$",
    re.I,
)
DOWN = re.compile(
    r"\b(?:fell|fall(?:s|en|ing)?|down|declined?|declining|drop(?:ped|s)?|lost|lose[s]?|los(?:ing)|slid|slump(?:ed|s)?|"
    r"plunge[ds]?|plummet(?:ed|s)?|sink(?:s)?|decreased?|lower|shed|cut|tumble[ds]?|sank|dip(?:ped|s)?|slipped|eased|shrank|shrunk)"
    r"(?:\s+(?:by|to|nearly|almost|about|around|some|roughly|more than|over|another|a further))*\s*[$€£]?\s*$",
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
    """The counted noun of a count ("6,000 bodies of soldiers" → "body"), "" when none is stated."""
    referent = claim.referent
    if not referent.text or referent.resolved_from:
        return ""
    # counted only when the phrase follows the number ("6,000 bodies", "five of its regions"),
    # not when it is a noun found before it
    after = claim.sentence[claim.start - claim.sentence_start + len(claim.text) :][:60]
    if referent.text.split()[-1] not in after:
        return ""
    words = referent.text.split(" of ")[0].split()
    lemmas = referent.key.split()
    if len(lemmas) >= len(words) and not any("-" in w for w in words):
        words = lemmas[
            : len(words)
        ]  # the gold names units by lemma: "smaller tenancies" → small tenancy
    # participles name a state, not the thing counted: "rushing yards" → yards, "recorded songs" → songs
    surface = referent.text.split()
    kept = [
        w
        for i, w in enumerate(words[:-1])
        if "-" in w or not surface[i].lower().endswith(("ed", "ing"))
    ]
    return " ".join([*kept, words[-1]]).lower() if words else ""


def is_fraction(claim: Claim) -> bool:
    """A share written as a fraction ("two-thirds"): a percentage in factcheck, a fraction in the gold."""
    return claim.kind is Kind.PERCENT and claim.detail.endswith("%") and " = " in claim.detail


def unit_name(claim: Claim) -> str:
    if claim.kind is Kind.COUNT:
        return claim.quantity.unit.name or counted_noun(claim)  # "64 points" has a unit
    if claim.kind is Kind.AGE:
        return "year of age"
    if is_fraction(claim):
        return ""
    # the scorer singularises "united states" before its synonyms; quantulum3's other name is safe
    return claim.quantity.unit.name.replace("united states dollar", "us dollar")


# A count in a prepositional adjunct of a verb or adjective ("split into two smaller tenancies",
# "cooking times for four fillets", "with the top three seeds"): NewsQuant gives it no concept.
_ADJUNCT = re.compile(
    r"\b(?:with|for|into|onto|on|among|amongst)\s+(?:(?:the|a|an|his|her|its|their|top)\s+)?$"
)


def in_adjunct(claim: Claim) -> bool:
    before = claim.sentence[: claim.start - claim.sentence_start][-40:]
    return _ADJUNCT.search(before.lower()) is not None


def concept(claim: Claim) -> str:
    """NewsQuant's concept: for a count, who has or does it; otherwise what is measured."""
    if claim.kind is Kind.COUNT and counted_noun(claim):
        # "The five launches will offer...": the counted phrase is the subject, no concept beyond it
        if claim.subject == claim.referent.text or in_adjunct(claim):
            return ""
        return claim.subject
    referent = claim.referent.text
    if (
        referent
        and claim.subject
        and claim.subject not in referent
        and referent not in claim.subject
    ):
        return f"{referent}, {claim.subject}"  # NewsQuant names both: "fee, Jyske Bank"
    return referent or claim.subject


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
    if is_fraction(claim):
        value = None if value is None else value / 100
    change = CHANGE[q.bound]
    if q.bound in (Bound.EXACT, Bound.APPROXIMATELY):
        change = trend(claim, text) or change
    return {
        "start": claim.start, "end": claim.end, "value": value, "lower": lower, "upper": upper,
        "unit": claim.quantity.unit.name if measeval and claim.kind is not Kind.COUNT else unit_name(claim),
        "referent": claim.referent.text if measeval else concept(claim), "change": change,
    }  # fmt: skip


def predictions(claim: Claim, text: str, *, measeval: bool = False) -> list[dict[str, Any]]:
    """The claim's prediction records: a duration in several units ("3 years, 2 months and 14
    days", one claim for factcheck) becomes one record a part, as the gold annotates it."""
    whole = prediction(claim, text, measeval=measeval)
    if whole is None:
        return []
    numbers = find_numbers(claim.text)
    if claim.kind is not Kind.DURATION or len(numbers) < 2:
        return [whole]
    records = []
    for number in numbers:
        part = read_mention(claim.text, number, 0.05)
        if part is None or part.quantity.unit.dimension != "time":
            return [whole]
        records.append(whole | {"start": claim.start + part.start, "end": claim.start + part.end,
                                "value": part.quantity.value, "unit": part.quantity.unit.name})  # fmt: skip
    return records


def quantulum_prediction(quantity: Any) -> dict[str, Any]:
    """A bare quantulum3 ``Quantity`` as a prediction record."""
    unit = quantity.unit.name
    start, end = quantity.span
    return {
        "start": start, "end": end, "value": quantity.value, "lower": None, "upper": None,
        "unit": "" if unit == "dimensionless" else unit, "referent": None, "change": "=",
    }  # fmt: skip
