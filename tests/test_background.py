"""Background facts: a story's "deadliest since 2007, when 519 died" is another event's count."""
# ruff: noqa: E501  (the articles keep one paragraph per line, as real ones do)

from __future__ import annotations

import pytest

from factcheck.check import check_documents
from factcheck.ingest import document_from_text
from factcheck.model import Status

pytestmark = pytest.mark.spacy

QUAKE_A = """Powerful Quake Kills At Least 120 In Southern Valdera

A magnitude 6.8 earthquake struck southern Valdera early on Saturday, killing at least 120 people and injuring more than 400, officials said.
Rescuers pulled 14 survivors from the rubble of a collapsed hotel in Marenza.
It was the country's deadliest quake since 2007, when a 8.0 tremor near Ostra killed 519 people.
"""
QUAKE_B = """Valdera earthquake death toll passes 100

A 6.8-magnitude earthquake shook southern Valdera before dawn on Saturday, leaving more than 100 people dead and about 450 injured, according to the civil defence agency.
In the coastal town of Marenza, emergency teams rescued 12 people alive from a collapsed hotel.
The disaster is the worst to hit Valdera since the 2007 Ostra earthquake, which left 519 dead.
"""


def findings(a: str, b: str, nlp) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    documents = [document_from_text(t, path=f"s{i}.txt") for i, t in enumerate((a, b))]
    report = check_documents(documents, nlp)
    return sorted(
        (str(f.status), tuple(f"{c.source}:{c.claim.text}" for c in f.claims))
        for f in report.findings
        if f.status is not Status.SINGLE
    )


def test_this_weeks_toll_and_the_old_quakes_toll_pair_each_with_their_own(nlp) -> None:  # type: ignore[no-untyped-def]
    found = findings(QUAKE_A, QUAKE_B, nlp)
    # the headline's "At Least 120" is the body's figure: one finding holds both
    assert ("agree", ("0:At Least 120", "0:at least 120", "1:more than 100")) in found
    assert ("agree", ("0:519", "1:519")) in found
    assert [f for f in found if f[0] == "conflict"] == []


def test_a_changed_background_figure_conflicts_with_its_own_counterpart(nlp) -> None:  # type: ignore[no-untyped-def]
    found = findings(QUAKE_A, QUAKE_B.replace("left 519 dead", "left 520 dead"), nlp)
    assert [f for f in found if f[0] == "conflict"] == [("conflict", ("0:519", "1:520"))]
