"""A wire dateline's place ("LIMA, March 14 -") is the clock "local time" reads."""

from __future__ import annotations

import pytest

from factcheck.check import check_documents
from factcheck.dateline import WirePlace, find_wire_place
from factcheck.ingest import document_from_text
from factcheck.model import Status
from factcheck.temporal import find_temporal
from factcheck.zones import Zone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quake hits\n\nLIMA, March 14, 2026 - A quake struck.", WirePlace("Lima", "America/Lima")),
        ("DAYTON, Ohio (AP) - A gunman opened fire.", WirePlace("Dayton", "America/New_York")),
        ("KYIV (Reuters) - Talks resumed.", WirePlace("Kyiv", "Europe/Kyiv")),
        ("NEW YORK, Dec. 3 (Reuters) — Stocks fell.", WirePlace("New York", "America/New_York")),
        ("NATO: allies meet today.", None),  # capitals, but no place the gazetteer knows
        ("A man said - this is prose.", None),
    ],
)
def test_the_wire_dateline_names_a_place_and_its_zone(
    text: str, expected: WirePlace | None
) -> None:
    assert find_wire_place(text) == expected


def test_local_time_reads_the_given_zone() -> None:
    text = "The quake hit at 3:42 a.m. local time, officials said."
    lima = Zone("local time", iana="America/Lima", place="Lima")
    (zoned,) = find_temporal(text, "2026-03-14", lima)
    assert (zoned.quantity.value, zoned.quantity.unit.dimension) == (
        522.0,
        "time of day UTC by the dateline's zone",
    )
    assert zoned.normalized == "2026-03-14T08:42Z"
    assert zoned.detail.startswith("3:42 a.m. local time (Lima by the dateline, UTC-5) = 08:42 UTC")
    (unzoned,) = find_temporal(text, "2026-03-14")
    assert (unzoned.quantity.value, unzoned.normalized) == (222.0, "T03:42")


QUAKE_A = (
    "Quake shakes southern coast\n\n"
    "LIMA, March 14, 2026 - A strong earthquake shook the southern coast on Saturday.\n"
    "The quake hit at 3:42 a.m. local time at a depth of 35 km, the survey said.\n"
)
QUAKE_B = (
    "Strong earthquake on the southern coast\n\n"
    "A strong earthquake struck the southern coast before dawn on Saturday.\n"
    "The survey said the tremor began at 08:42 GMT some 35 km below the surface.\n"
)


def _times(nlp, b: str) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    documents = [document_from_text(t, path=f"s{i}.txt") for i, t in enumerate((QUAKE_A, b))]
    report = check_documents(documents, nlp)
    return sorted(
        (str(f.status), tuple(c.claim.text for c in f.claims))
        for f in report.findings
        if any(c.claim.text.endswith(("local time", "GMT")) for c in f.claims)
    )


@pytest.mark.spacy
def test_dateline_local_time_agrees_with_the_same_instant_elsewhere(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _times(nlp, QUAKE_B) == [("agree", ("3:42 a.m. local time", "08:42 GMT"))]


@pytest.mark.spacy
def test_dateline_local_time_never_makes_a_conflict(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _times(nlp, QUAKE_B.replace("08:42 GMT", "09:42 GMT"))
    assert [status for status, _ in found] == [str(Status.SINGLE), str(Status.SINGLE)]
