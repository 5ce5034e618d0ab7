"""The extractor: documents in, numeric claims out.

Numbers, units, dates and clock times are found by pure text functions (``mentions``,
``temporal``); the spaCy pipeline (``referents``, the only module that touches its objects)
reads each one's sentence for the referent, the attribution and the context. Only the
chunks of text that hold a number are parsed, in one ``nlp.pipe`` batch for all documents.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck.dateline import find_wire_place
from factcheck.mentions import Mention, find_mentions
from factcheck.model import Bound, Claim, Document, Kind, Quantity, Referent
from factcheck.options import Options
from factcheck.referents import Reading, Target, read_chunks
from factcheck.temporal import YEAR_UNIT, TemporalMatch, find_temporal
from factcheck.truecase import body_casing, is_shouted, restore_casing, truecase_headline
from factcheck.zones import Zone

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# spaCy's default max_length is 1,000,000 characters and its cost grows with sentence length:
# a 5 MB single line is cut into pieces of at most this size, at a sentence end when there is one.
CHUNK_CHARS = 5_000
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n")
# A bare year or date-like number that spaCy reads as a DATE but the temporal finder did not
# resolve ("in the 1990s", "Oct. 31"): not a count.
_DATE_LABELS = frozenset({"DATE", "TIME"})
YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")
DECADE_AFTER = re.compile(r"[’']?s\b")


@dataclass(frozen=True, slots=True)
class _Found:
    """A mention or a temporal match, in one shape for reading."""

    start: int
    end: int
    value_start: int
    value_end: int
    kind: Kind
    quantity: Quantity
    normalized: str
    role: str
    detail: str = ""


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of ``text``: paragraphs (lines), long ones cut at sentence ends or hard at ``limit``."""
    position = 0
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line)
        position = end
        while end - start > limit:
            cut = start + limit
            breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, start + limit // 2, cut)]
            if breaks:
                cut = breaks[-1]
            else:
                space = text.rfind(" ", start + limit // 2, cut)
                cut = space + 1 if space > 0 else cut
            yield start, cut
            start = cut
        if text[start:end].strip():
            yield start, end


def clip(
    text: str, start: int, end: int, excluded: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    """The parts of ``start..end`` outside the (sorted) excluded spans, blank parts dropped.

    Scraped pages glue chrome to the last sentence ("taking back 95 Chilean fishermen.icon
    bookmarkicon closeicon ..."): the parser must never see it, or it lands in the sentence,
    the referent and the context.
    """
    position = start
    for lo, hi in excluded:
        if hi <= position or lo >= end:
            continue
        if lo > position and text[position:lo].strip():
            yield position, lo
        position = max(position, hi)
    if position < end and text[position:end].strip():
        yield position, end


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _temporal(match: TemporalMatch) -> _Found:
    return _Found(match.start, match.end, match.start, match.end, match.kind, match.quantity,
                  match.normalized, "event", match.detail)  # fmt: skip


def _mention(mention: Mention) -> _Found:
    return _Found(mention.start, mention.end, mention.value_start, mention.value_end, mention.kind,
                  mention.quantity, mention.normalized, mention.role, mention.detail)  # fmt: skip


def find_all(document: Document, options: Options) -> list[_Found]:
    """Temporal matches and number mentions outside the excluded spans; temporal ones win overlaps."""
    text = document.text
    excluded = document.excluded
    wire = find_wire_place(text)
    local = Zone("local time", iana=wire.zone, place=wire.place) if wire else None
    temporal = [
        _temporal(m)
        for m in find_temporal(text, document.published, local)
        if not _overlaps(m.start, m.end, excluded)
    ]
    taken = [(t.start, t.end) for t in temporal]
    numbers = [
        _mention(m)
        for m in find_mentions(text, options.relative_tolerance)
        if not _overlaps(m.start, m.end, excluded)
        and not _overlaps(m.value_start, m.value_end, taken)
    ]
    found = sorted([*temporal, *numbers], key=lambda f: (f.start, f.end))
    return [f for f in found if f.kind not in options.ignore_kinds]


def title_span(document: Document) -> tuple[int, int]:
    """Where the document's title stands in its text, or (0, 0) when it is not there."""
    at = document.text.find(document.title) if document.title else -1
    return (at, at + len(document.title)) if at >= 0 else (0, 0)


def _parser_text(document: Document, start: int, end: int, title: tuple[int, int]) -> str:
    """The text of ``start..end`` as the parser reads it: a shouted headline in its usual casing."""
    text = document.text[start:end]
    inside = title != (0, 0) and title[0] <= start and end <= title[1] + 1
    if not inside or not is_shouted(text):
        return text  # the body is only read for casing when the headline needs it
    body = document.text[: title[0]] + document.text[title[1] :]
    return truecase_headline(text, body_casing(body))


def _claim(
    document: Document, found: _Found, reading: Reading, title: tuple[int, int]
) -> Claim | None:
    if reading.is_name or reading.drop:
        return None
    kind, quantity = found.kind, found.quantity
    surface = document.text[found.start : found.end]
    if (
        kind is Kind.COUNT
        and YEAR_LIKE.fullmatch(surface)
        and (
            reading.entity in _DATE_LABELS
            or not reading.counted
            or reading.referent.text[:1].isupper()
        )
    ):
        # "the 2003 final", "a 1988 film", "end 2019 at": a year the temporal finder left
        kind, found = Kind.YEAR, replace(found, normalized=surface)
        quantity = replace(quantity, unit=YEAR_UNIT)
        if surface.endswith("0") and DECADE_AFTER.match(document.text, found.end):
            # "built in the 1930s": any year of the decade
            quantity = replace(quantity, lo=quantity.lo, hi=(quantity.hi or 0) + 9)
            found = replace(found, normalized=f"{surface}s")
    is_bare = kind is Kind.COUNT and quantity.bound is Bound.EXACT and not reading.counted
    # "Oct. 31": the day of a date the temporal finder left; "fell to 13176" is no date
    is_day = (
        quantity.value is not None and quantity.value.is_integer() and 1 <= quantity.value <= 31
    )
    if is_bare and is_day and reading.entity in _DATE_LABELS and not reading.is_age:
        return None
    if reading.is_age and kind is Kind.COUNT:
        from factcheck.mentions import YEAR_OF_AGE, normalized_form
        from factcheck.units import to_base

        kind = Kind.AGE
        quantity = replace(quantity, unit=YEAR_OF_AGE, base_lo=to_base(quantity.lo, YEAR_OF_AGE),
                           base_hi=to_base(quantity.hi, YEAR_OF_AGE))  # fmt: skip
        found = replace(found, normalized=normalized_form(quantity))
    referent = reading.referent
    return Claim(
        start=found.start,
        end=found.end,
        text=document.text[found.start : found.end],
        kind=kind,
        quantity=quantity,
        referent=referent if isinstance(referent, Referent) else Referent("", ""),
        sentence=document.text[reading.sentence_start : reading.sentence_end].rstrip(),
        sentence_start=reading.sentence_start,
        normalized=found.normalized,
        attribution=reading.attribution,
        context=reading.context,
        detail=found.detail,
        subject=reading.subject,
        headline=title[0] <= found.start and found.end <= title[1],
        singles_out=reading.singles_out,
    )


def extract_documents(
    documents: Sequence[Document], nlp: Language, options: Options = Options()
) -> tuple[tuple[Claim, ...], ...]:
    """Claims of each document, in text order; all documents parsed in one ``nlp.pipe`` batch."""
    plan: list[tuple[int, int, list[_Found]]] = []  # (document, chunk start, found in chunk)
    pieces: list[tuple[int, str, Sequence[Target]]] = []
    titles = [title_span(document) for document in documents]
    for index, document in enumerate(documents):
        found = find_all(document, options)
        excluded = sorted(document.excluded)
        cursor = 0
        pieces_of_text = (
            part
            for piece in chunks(document.text)
            for part in clip(document.text, *piece, excluded)
        )
        for start, end in pieces_of_text:
            inside: list[_Found] = []
            while cursor < len(found) and found[cursor].start < end:
                if found[cursor].start >= start:
                    inside.append(found[cursor])
                cursor += 1
            if not inside:
                continue
            targets = [
                Target(
                    max(f.start, start) - start,
                    min(f.end, end) - start,
                    max(f.value_start, start) - start,
                    min(f.value_end, end) - start,
                    f.role,
                )
                for f in inside
            ]
            plan.append((index, start, inside))
            pieces.append((index, _parser_text(document, start, end, titles[index]), targets))
    readings = read_chunks(nlp, pieces)
    claims: list[list[tuple[Claim, bool]]] = [[] for _ in documents]
    for (index, offset, inside), (_, parsed, _), chunk_readings in zip(
        plan, pieces, readings, strict=True
    ):
        text = documents[index].text[offset : offset + len(parsed)]
        for item, reading in zip(inside, chunk_readings, strict=True):
            shifted = replace(
                reading,
                sentence_start=reading.sentence_start + offset,
                sentence_end=reading.sentence_end + offset,
            )
            if text != parsed:  # a recased headline: its words as the article writes them
                shifted = replace(
                    shifted,
                    referent=replace(
                        shifted.referent, text=restore_casing(shifted.referent.text, text)
                    ),
                    subject=restore_casing(shifted.subject, text),
                )
            claim = _claim(documents[index], item, shifted, titles[index])
            if claim is not None:
                claims[index].append((claim, reading.counted))
    return tuple(
        tuple(carry_units(found, document.text))
        for found, document in zip(claims, documents, strict=True)
    )


# A bare number after "to", "from", "at" ... in the sentence of a number with a unit takes that unit:
# "lost 162.31 points to 7,425.81", "cut the fare from $35 to 30", "the highest is 84 cents, the
# lowest is 74". Shares are not carried: "climbed 0.1% to 1,333" is an index level, not 1,333%.
_CARRY_BEFORE = re.compile(r"\b(?:to|from|at|is|was|of|and)\s+$")
_NOT_CARRIED = frozenset({"", "percentage", "percentage point", "basis point"})
_CARRY_WINDOW = 80


def carry_units(found: Sequence[tuple[Claim, bool]], text: str) -> list[Claim]:
    """Claims with units carried over to bare numbers (see ``_CARRY_BEFORE``); ``found`` pairs each
    claim with whether its phrase counts a noun ("187 homes" has its own noun and keeps it)."""
    from factcheck.mentions import normalized_form
    from factcheck.units import to_base

    out: list[Claim] = []
    for claim, counted in found:
        q = claim.quantity
        donor = next(
            (
                c
                for c in reversed(out)
                if c.sentence_start == claim.sentence_start
                and c.quantity.unit.name not in _NOT_CARRIED
                and c.kind in (Kind.COUNT, Kind.MONEY, Kind.MEASURE)
                and claim.start - c.end <= _CARRY_WINDOW
            ),
            None,
        )
        if (
            donor is not None
            and claim.kind is Kind.COUNT
            and not counted
            and not q.unit.name
            and _CARRY_BEFORE.search(text, max(0, claim.start - 12), claim.start)
        ):
            unit = donor.quantity.unit
            q = replace(q, unit=unit, base_lo=to_base(q.lo, unit), base_hi=to_base(q.hi, unit))
            note = f"unit '{unit.name}' carried over from '{donor.text}' earlier in the sentence"
            detail = f"{claim.detail}; {note}" if claim.detail else note
            claim = replace(
                claim, kind=donor.kind, quantity=q, normalized=normalized_form(q), detail=detail
            )
        out.append(claim)
    return out


def extract_document(
    document: Document, nlp: Language, options: Options = Options()
) -> tuple[Claim, ...]:
    """Every numeric claim in one document, outside its excluded spans (chrome, dateline)."""
    return extract_documents([document], nlp, options)[0]


def extract(
    text: str, published: str = "", *, nlp: Language | None = None, options: Options = Options()
) -> list[Claim]:
    """Every numeric claim in ``text``; ``published`` (ISO 8601) resolves "today" and weekdays."""
    from factcheck.ingest import document_from_text
    from factcheck.nlp import load_model

    document = document_from_text(text, published=published or options.published)
    model = nlp if nlp is not None else load_model(options.model)
    return list(extract_document(document, model, options))
