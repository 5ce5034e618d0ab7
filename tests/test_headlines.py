"""A headline's numbers: telegraphic lines that share little with any body sentence."""

from __future__ import annotations

import pytest

from factcheck.check import check_documents
from factcheck.extract import extract_documents
from factcheck.ingest import document_from_text
from factcheck.model import Status

pytestmark = pytest.mark.spacy

PLANT_A = """2 workers shot, 1 hurt in Ohio

DAYTON, Ohio (AP) - A former employee opened fire at a bottling plant on Monday morning, police said.
He wounded a security guard before officers arrived at about 7:40 a.m.
The guard, 54, was taken to Miami Valley Hospital in stable condition.
Police said the suspect had worked at the plant for six years until he was fired in March.
"""
PLANT_B = """Gunman opens fire at Dayton bottling plant

A man who had been fired from the plant returned on Monday, killing three workers on the loading dock,
police said.
A 54-year-old security guard was also wounded in the attack, which began shortly before 7:40 a.m.
The suspect, who had worked at the plant for six years, was arrested at the scene.
"""


def documents(*texts: str):  # type: ignore[no-untyped-def]
    return [document_from_text(t, path=f"source{i}.txt") for i, t in enumerate(texts)]


def test_claims_in_the_title_line_are_marked_as_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    claims_a, claims_b = extract_documents(documents(PLANT_A, PLANT_B), nlp)
    assert [(c.text, c.headline) for c in claims_a] == [
        ("2", True),
        ("1", True),
        ("Monday", False),
        ("about 7:40 a.m.", False),
        ("54", False),
        ("six years", False),
    ]
    assert not any(c.headline for c in claims_b)


@pytest.mark.parametrize(
    "headline",
    [
        "2 workers shot, 1 hurt in Ohio",
        # recased from the body before parsing: otherwise "Workers Shot" reads as a name
        "2 Workers Shot, 1 Hurt in Ohio",
        "2 WORKERS SHOT, 1 HURT IN OHIO",
    ],
)
def test_a_headline_count_conflicts_with_the_other_outlets_body(nlp, headline: str) -> None:  # type: ignore[no-untyped-def]
    # "2 workers shot, 1 hurt in Ohio" shares only its referent with "killing three workers on
    # the loading dock": the headline exception to the sentence-overlap gate makes it a pair.
    text = PLANT_A.replace("2 workers shot, 1 hurt in Ohio", headline)
    report = check_documents(documents(text, PLANT_B), nlp)
    found = [
        [(c.source, c.claim.text) for c in f.claims]
        for f in report.findings
        if f.status is Status.CONFLICT
    ]
    assert found == [[(0, "2"), (1, "three")]]


def test_the_same_headline_agrees_when_the_counts_do(nlp) -> None:  # type: ignore[no-untyped-def]
    report = check_documents(documents(PLANT_A.replace("2 workers", "3 workers"), PLANT_B), nlp)
    statuses = {
        tuple(c.claim.text for c in f.claims): f.status
        for f in report.findings
        if any(c.claim.headline for c in f.claims)
    }
    assert statuses == {("3", "three"): Status.AGREE, ("1",): Status.SINGLE}
