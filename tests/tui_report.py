"""A hand-built Report over the example pair, for the review app's tests (no model loaded).

The claims point at real offsets in fixtures/example/outlet_a.txt and outlet_b.txt. Two
findings are conflicts a too-strict checker could raise there (12 miles against 19 km; a
Vietnam clock time read wrongly), which is exactly what a reviewer dismisses.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.model import (
    DIMENSIONLESS,
    Bound,
    Claim,
    Document,
    Finding,
    Kind,
    Quantity,
    Referent,
    Report,
    SourcedClaim,
    Status,
    Unit,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example"
PATHS = (EXAMPLE / "outlet_a.txt", EXAMPLE / "outlet_b.txt")
SHOWN_PATHS = ("fixtures/example/outlet_a.txt", "fixtures/example/outlet_b.txt")
"""The paths as a person types them in the repository (absolute ones would differ per machine)."""


def load_documents() -> tuple[Document, Document]:
    a, b = (path.read_text(encoding="utf-8") for path in PATHS)
    chrome = b.index("12 Jun, 2025 08:40")
    return (
        Document(path=SHOWN_PATHS[0], text=a, title=a.split("\n", 1)[0], published="2025-06-12"),
        Document(
            path=SHOWN_PATHS[1],
            text=b,
            title="Chile and Argentina resume glacier talks",
            published="2025-06-12T08:40",
            excluded=((chrome, chrome + len("12 Jun, 2025 08:40")),),
        ),
    )


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end] (a line, cut at '. ' boundaries) and its offset."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    cut = text.rfind(". ", line_start, start)
    sentence_start = line_start if cut < 0 else cut + 2
    stop = text.find(". ", end, line_end)
    sentence_end = line_end if stop < 0 else stop + 1
    return text[sentence_start:sentence_end], sentence_start


def claim(
    document: Document,
    surface: str,
    kind: Kind,
    value: float | None,
    referent: str,
    *,
    occurrence: int = 1,
    after: str = "",
    unit: Unit = DIMENSIONLESS,
    bound: Bound = Bound.EXACT,
    normalized: str = "",
    detail: str = "",
    base: float | None = None,
) -> Claim:
    """A claim on the ``occurrence``-th ``surface`` in ``document`` (after ``after`` when given)."""
    start = document.text.index(after) if after else -1
    for _ in range(occurrence):
        start = document.text.index(surface, start + 1)
    end = start + len(surface)
    sentence, sentence_start = sentence_around(document.text, start, end)
    return Claim(
        start=start,
        end=end,
        text=surface,
        kind=kind,
        quantity=Quantity(value, value, value, bound, unit, base or value, base or value),
        referent=Referent(text=referent, key=referent.lower()),
        sentence=sentence,
        sentence_start=sentence_start,
        normalized=normalized,
        detail=detail,
    )


def finding(
    finding_id: str,
    status: Status,
    kind: Kind,
    referent: str,
    explanation: str,
    *claims: tuple[int, Claim],
) -> Finding:
    return Finding(
        id=finding_id,
        status=status,
        kind=kind,
        referent=referent,
        explanation=explanation,
        claims=tuple(SourcedClaim(source, c) for source, c in claims),
    )


def example_report() -> Report:
    """Twelve findings over the example pair: two conflicts, two single-source, eight agreements."""
    a, b = load_documents()
    mile = Unit("mile", "length", "metre")
    kilometre = Unit("kilometre", "length", "metre")
    dollar = Unit("US dollar", "currency")
    utc = Unit("minute", "time of day UTC")
    percent = Unit("percentage", "dimensionless")
    return Report(
        sources=(a, b),
        findings=(
            finding(
                "f-time-session",
                Status.AGREE,
                Kind.TIME,
                "opening of the session",
                "A 3 pm Geneva time = 13:00 UTC; B 3pm Geneva time = 13:00 UTC: the same instant",
                (
                    0,
                    claim(
                        a,
                        "3 pm Geneva time",
                        Kind.TIME,
                        780,
                        "session",
                        unit=utc,
                        normalized="T13:00Z",
                    ),
                ),
                (
                    1,
                    claim(
                        b,
                        "3pm Geneva time",
                        Kind.TIME,
                        780,
                        "session",
                        unit=utc,
                        normalized="T13:00Z",
                    ),
                ),
            ),
            finding(
                "f-glacier-retreat",
                Status.CONFLICT,
                Kind.MEASURE,
                "retreat of the largest glacier",
                "A about 12 miles = 19.3 km; B roughly 19 km: 1.6% apart, over the 1% tolerance",
                (
                    0,
                    claim(
                        a,
                        "about 12 miles",
                        Kind.MEASURE,
                        12,
                        "largest glacier",
                        unit=mile,
                        bound=Bound.APPROXIMATELY,
                        detail="12 mi = 19.31 km",
                        base=19312.128,
                    ),
                ),
                (
                    1,
                    claim(
                        b,
                        "roughly 19 kilometres",
                        Kind.MEASURE,
                        19,
                        "largest glacier",
                        unit=kilometre,
                        bound=Bound.APPROXIMATELY,
                        base=19000,
                    ),
                ),
            ),
            finding(
                "f-round",
                Status.AGREE,
                Kind.ORDINAL,
                "round of talks",
                "A fourth; B fourth",
                (
                    0,
                    claim(
                        a, "fourth round", Kind.ORDINAL, 4, "round", occurrence=2, normalized="4"
                    ),
                ),
                (1, claim(b, "fourth round", Kind.ORDINAL, 4, "round", normalized="4")),
            ),
            finding(
                "f-time-vietnam",
                Status.CONFLICT,
                Kind.TIME,
                "opening of the session (other zone)",
                "A 8 pm Vietnam time read as 20:00 UTC; B 13:00 GMT = 13:00 UTC: 7 hours apart",
                (
                    0,
                    claim(
                        a,
                        "8 pm Vietnam time",
                        Kind.TIME,
                        1200,
                        "session",
                        unit=utc,
                        normalized="T20:00Z",
                        detail="zone not recognised, read as UTC",
                    ),
                ),
                (
                    1,
                    claim(
                        b, "13:00 GMT", Kind.TIME, 780, "session", unit=utc, normalized="T13:00Z"
                    ),
                ),
            ),
            finding(
                "f-date-open",
                Status.AGREE,
                Kind.DATE,
                "date the talks open",
                "A June 12 = 2025-06-12; B Thursday = 2025-06-12 (published 2025-06-12)",
                (0, claim(a, "June 12", Kind.DATE, None, "talks", normalized="2025-06-12")),
                (1, claim(b, "Thursday", Kind.DATE, 4, "session", normalized="2025-06-12")),
            ),
            finding(
                "f-valleys",
                Status.AGREE,
                Kind.COUNT,
                "disputed valleys",
                "A three; B three",
                (0, claim(a, "three", Kind.COUNT, 3, "disputed valleys")),
                (1, claim(b, "three", Kind.COUNT, 3, "disputed valleys")),
            ),
            finding(
                "f-fund",
                Status.AGREE,
                Kind.MONEY,
                "joint monitoring fund",
                "A $2.5 million; B 2.5 million dollars: both 2,500,000 US dollars",
                (0, claim(a, "$2.5 million", Kind.MONEY, 2_500_000, "fund", unit=dollar)),
                (1, claim(b, "2.5 million dollars", Kind.MONEY, 2_500_000, "fund", unit=dollar)),
            ),
            finding(
                "f-1945",
                Status.AGREE,
                Kind.YEAR,
                "start of the glacier's retreat",
                "A 1945; B 1945",
                (0, claim(a, "1945", Kind.YEAR, 1945, "retreat", normalized="1945")),
                (1, claim(b, "1945", Kind.YEAR, 1945, "retreat", normalized="1945")),
            ),
            finding(
                "f-volume",
                Status.AGREE,
                Kind.PERCENT,
                "volume the glacier lost",
                "A about 40%; B around 40 per cent",
                (
                    0,
                    claim(
                        a,
                        "about 40%",
                        Kind.PERCENT,
                        40,
                        "volume",
                        unit=percent,
                        bound=Bound.APPROXIMATELY,
                    ),
                ),
                (
                    1,
                    claim(
                        b,
                        "around 40 per cent",
                        Kind.PERCENT,
                        40,
                        "volume",
                        unit=percent,
                        bound=Bound.APPROXIMATELY,
                    ),
                ),
            ),
            finding(
                "f-freed",
                Status.AGREE,
                Kind.COUNT,
                "Argentine fishermen freed",
                "A more than 1,200; B more than 1,200",
                (
                    0,
                    claim(
                        a, "more than 1,200", Kind.COUNT, 1200, "fishermen", bound=Bound.MORE_THAN
                    ),
                ),
                (
                    1,
                    claim(
                        b, "more than 1,200", Kind.COUNT, 1200, "fishermen", bound=Bound.MORE_THAN
                    ),
                ),
            ),
            finding(
                "f-taken-a",
                Status.SINGLE,
                Kind.COUNT,
                "Chilean fishermen taken back",
                "Only A states this; B's “95 of its own” was not matched to it",
                (0, claim(a, "95 Chilean fishermen", Kind.COUNT, 95, "Chilean fishermen")),
            ),
            finding(
                "f-taken-b",
                Status.SINGLE,
                Kind.COUNT,
                "its own",
                "Only B states this",
                (1, claim(b, "95", Kind.COUNT, 95, "its own")),
            ),
        ),
    )


def many_findings(report: Report, count: int) -> Report:
    """``report`` with ``count`` findings, cycling its own with fresh ids (for the load test)."""
    base = report.findings
    findings = tuple(
        Finding(
            id=f"{base[i % len(base)].id}-{i}",
            status=base[i % len(base)].status,
            kind=base[i % len(base)].kind,
            referent=f"{base[i % len(base)].referent} #{i}",
            explanation=base[i % len(base)].explanation,
            claims=base[i % len(base)].claims,
        )
        for i in range(count)
    )
    return Report(sources=report.sources, findings=findings)
