"""The records that flow through the pipeline: ingest → extract → align → judge → report.

How each kind is encoded (the contract between extract, align and judge):

- COUNT, MONEY, PERCENT, MEASURE, DURATION, AGE: ``quantity`` holds the interval in ``unit``
  and in the dimension's base unit (``base_lo``/``base_hi``): metres, seconds, kilograms;
  money stays in its currency (``unit.name`` "US dollar", dimension "currency").
- ORDINAL: value 3 for "third", unit "" ; ``normalized`` "3".
- YEAR: value 2025; ``normalized`` "2025".
- DATE: ``normalized`` "2025-07-23", or "--07-23" (month and day, no year) when nothing
  fixes the year; ``quantity.value`` is ``date.toordinal()`` when the year is known, else None.
  A weekday ("Wednesday") is a DATE whose unit is Unit("weekday", "weekday"), value the ISO
  weekday (1 = Monday), ``normalized`` the date it resolves to against the publication date
  ("" when there is none).
- TIME: a clock time. With a zone: unit Unit("minute", "time of day UTC"), value the minutes
  after midnight UTC (19:00 Moscow → 960), ``normalized`` "2025-07-23T16:00Z" when the date is
  known, "T16:00Z" when not. Without a zone: unit Unit("minute", "local time of day"), value the
  minutes after midnight on the clock face, ``normalized`` "T19:00". "local time" under a wire
  dateline ("LIMA, March 14 -") takes the place's zone as an assumption: unit
  Unit("minute", "time of day UTC by the dateline's zone"), which can agree but never conflict.
  ``detail`` shows the working: "7 pm Moscow time (UTC+3) = 16:00 UTC".

Every record is a frozen dataclass holding only built-in types, tuples and other
records, so that align and judge can be tested with hand-built claims and no
model loaded. Third-party objects (spaCy ``Doc``, quantulum3 ``Quantity``) never
leave the adapter module that imports their library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What sort of number a claim states."""

    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    ORDINAL = "ordinal"
    YEAR = "year"
    AGE = "age"
    SCORE = "score"


class Bound(StrEnum):
    """How the text qualifies the number: the reason the interval is what it is."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    FEWER_THAN = "fewer_than"
    AT_MOST = "at_most"
    UP_TO = "up_to"
    RANGE = "range"


class Status(StrEnum):
    """The verdict on one finding."""

    CONFLICT = "conflict"
    AGREE = "agree"
    SINGLE = "only_in_one_source"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measurement, named as quantulum3 names it."""

    name: str
    """Canonical name: "kilometre", "US dollar", "percentage"; "" for a bare count."""
    dimension: str
    """quantulum3's entity: "length", "currency", "dimensionless", "time", ..."""
    base: str = ""
    """The dimension's base unit that ``Quantity.base_lo``/``base_hi`` are expressed in ("metre")."""
    symbol: str = ""


DIMENSIONLESS = Unit(name="", dimension="dimensionless")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value as an interval, with the bound that produced it and its unit."""

    value: float | None
    """The number as stated ("more than 6,000" → 6000); None for a range."""
    lo: float | None
    """Lower end of the interval in ``unit``; None when unbounded below."""
    hi: float | None
    """Upper end of the interval in ``unit``; None when unbounded above."""
    bound: Bound = Bound.EXACT
    unit: Unit = DIMENSIONLESS
    base_lo: float | None = None
    """``lo`` converted to ``unit.base`` (metres for "12 miles"); equal to ``lo`` when no conversion applies."""
    base_hi: float | None = None
    """``hi`` converted to ``unit.base``."""


@dataclass(frozen=True, slots=True)
class Referent:
    """What a number is about."""

    text: str
    """Readable phrase: "bodies of Ukrainian soldiers"."""
    key: str
    """Normalised for matching: lower-case lemmas of the content words, in text order ("body ukrainian soldier")."""
    head: str = ""
    """Lemma of the phrase's head noun ("body")."""
    resolved_from: str = ""
    """The surface an ellipsis was resolved from ("their own"), or "" when the referent was stated."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim found in one text."""

    start: int
    """Character offset of the claim's surface in the document text (end exclusive below)."""
    end: int
    text: str
    """The surface exactly as written: ``document.text[start:end]``."""
    kind: Kind
    quantity: Quantity
    referent: Referent
    sentence: str
    """The sentence the claim stands in."""
    sentence_start: int = 0
    """Offset of ``sentence`` in the document text."""
    normalized: str = ""
    """ISO form where one exists; see the module docstring for each kind's convention."""
    attribution: str = ""
    """Who the text says made the claim ("Kremlin spokesman Dmitry Peskov"), or ""."""
    context: tuple[str, ...] = ()
    """Lemmas of the sentence's content words, used by alignment as evidence beyond the referent."""
    detail: str = ""
    """How the value was normalised, for explanations ("7 pm Moscow time (UTC+3) = 16:00 UTC")."""
    subject: str = ""
    """The subject of the clause the number stands in ("Russia" for "Russia handing over more than
    6,000 bodies"), "" when it is a pronoun or there is none: who has, does or owns the quantity."""
    headline: bool = False
    """True when the claim stands in the document's title line ("2 Dead, 1 Wounded in ...")."""
    singles_out: bool = False
    """True for "one of the wounded employees": a member picked out of a group, which says
    nothing about how many the group holds."""


@dataclass(frozen=True, slots=True)
class Document:
    """One source text as factcheck read it."""

    path: str
    """Where it came from: a file path, a URL, or "-" for standard input."""
    text: str
    """The text that claim offsets refer to."""
    title: str = ""
    published: str = ""
    """Publication date or instant in ISO 8601, "" when unknown."""
    outlet: str = ""
    url: str = ""
    author: str = ""
    excluded: tuple[tuple[int, int], ...] = ()
    """Spans of ``text`` recognised as page chrome or metadata (datelines): no claim is taken from them."""


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A claim together with the index of the document it came from."""

    source: int
    claim: Claim
    alternate: bool = False
    """True for a repeated mention (headline and body) of a claim the finding already holds from that source."""


@dataclass(frozen=True, slots=True)
class Finding:
    """The verdict on one referent across sources (or inside one source)."""

    id: str
    """Stable fingerprint: the same finding gets the same id when line numbers shift."""
    status: Status
    kind: Kind
    referent: str
    explanation: str
    claims: tuple[SourcedClaim, ...]
    internal: bool = False
    """True when the finding compares claims of one source with each other."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A source that could not be read, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one check produced."""

    sources: tuple[Document, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    dismissed: tuple[str, ...] = field(default=())
    """Ids of findings that a reviewer dismissed as false alarms (left out of the exit status)."""
