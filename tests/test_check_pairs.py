"""End to end with the model: the seed pair, our example pair, and variants made by editing them.

Each variant states exactly which conflicts it must produce; the untouched pairs must agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.check import EXIT_CONFLICT, EXIT_OK, check_documents, exit_code
from factcheck.ingest import document_from_text
from factcheck.model import Finding, Report, Status

pytestmark = pytest.mark.spacy
EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example"

# In seed B: the sentence on the exchange of bodies, and its clock time.
SEED_B_BODIES = (
    "more than 6,000 bodies of Ukrainian service members while receiving 78 of their own"
)
SEED_B_SWAPPED = (
    "78 bodies of Ukrainian service members while receiving more than 6,000 of their own"
)


def check(nlp, *texts: str) -> Report:  # type: ignore[no-untyped-def]
    documents = [document_from_text(t, path=f"source{i}.txt") for i, t in enumerate(texts)]
    return check_documents(documents, nlp)


def has(finding: Finding, source: int, word: str) -> bool:
    return any(c.source == source and word in c.claim.text for c in finding.claims)


def findings_with(report: Report, status: Status, *words: str) -> list[Finding]:
    """Findings of ``status`` holding words[i] in a claim of source i."""
    return [
        f
        for f in report.findings
        if f.status is status and all(has(f, i, w) for i, w in enumerate(words) if w)
    ]


def conflicts(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.status is Status.CONFLICT]


def describe(report: Report) -> list[str]:
    return [
        f"{f.status}: " + " | ".join(f"{c.source}:{c.claim.text}" for c in f.claims)
        for f in report.findings
    ]


@pytest.fixture(scope="module")
def seed_report(nlp, seed_texts) -> Report:  # type: ignore[no-untyped-def]
    return check(nlp, *seed_texts)


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("a_word", "b_word"),
    [
        ("third", "third"),
        ("second", "second"),
        ("July 23", "Wednesday"),
        ("7 pm", "7pm"),
        ("11 pm", "16:00"),
        ("five", "five"),
        ("6,000", "6,000"),
        ("78", "78"),
    ],
)
def test_seed_pair_agreements(seed_report: Report, a_word: str, b_word: str) -> None:
    assert findings_with(seed_report, Status.AGREE, a_word, b_word), describe(seed_report)


@pytest.mark.seeds
def test_seed_pair_has_no_conflict_and_two_sides_in_one_source(seed_report: Report) -> None:
    assert conflicts(seed_report) == [], describe(seed_report)
    assert exit_code(seed_report) == EXIT_OK
    singles = findings_with(seed_report, Status.SINGLE, "two")
    assert singles and all({c.source for c in f.claims} == {0} for f in singles)
    chrome = ("0:00", "25:48", "47:0", "10:19")
    assert not [c for f in seed_report.findings for c in f.claims if c.claim.text in chrome]


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "more than 6,000 bodies of Ukrainian service",
            "more than 8,000 bodies of Ukrainian service",
            [("6,000", "8,000")],
        ),
        ("third round of bilateral", "fourth round of bilateral", [("third", "fourth")]),
        (SEED_B_BODIES, SEED_B_SWAPPED, [("6,000", "78"), ("78", "6,000")]),
    ],
    ids=["number changed", "ordinal changed", "numbers swapped"],
)
def test_seed_variants_conflict_exactly(nlp, seed_texts, old, new, expected) -> None:  # type: ignore[no-untyped-def]
    a, b = seed_texts
    assert old in b
    report = check(nlp, a, b.replace(old, new))
    found = conflicts(report)
    assert len(found) == len(expected), describe(report)
    for a_word, b_word in expected:
        assert findings_with(report, Status.CONFLICT, a_word, b_word), describe(report)
    assert exit_code(report) == EXIT_CONFLICT


@pytest.mark.seeds
def test_seed_clock_shift_conflicts_across_and_inside(nlp, seed_texts) -> None:  # type: ignore[no-untyped-def]
    a, b = seed_texts
    report = check(nlp, a, b.replace("(16:00 GMT)", "(17:00 GMT)"))
    found = conflicts(report)
    assert len(found) == 2, describe(report)
    internal = [f for f in found if f.internal]
    assert len(internal) == 1 and {c.source for c in internal[0].claims} == {1}
    assert has(internal[0], 1, "7pm") and has(internal[0], 1, "17:00")
    (across,) = [f for f in found if not f.internal]
    assert has(across, 0, "pm") and has(across, 1, "17:00")
    assert "17:00 UTC" in across.explanation and "16:00 UTC" in across.explanation


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "more than 6,000 bodies of Ukrainian service",
            "more than 6 thousand bodies of Ukrainian service",
        ),
        ("more than 6,000 bodies of Ukrainian service", "about 6,100 bodies of Ukrainian service"),
    ],
)
def test_seed_variants_that_still_agree(nlp, seed_texts, old, new) -> None:  # type: ignore[no-untyped-def]
    a, b = seed_texts
    report = check(nlp, a, b.replace(old, new))
    assert conflicts(report) == [], describe(report)
    assert findings_with(report, Status.AGREE, "6,000", new.split(" bodies")[0].split()[-1])


@pytest.fixture(scope="module")
def example_texts() -> tuple[str, str]:
    return (
        (EXAMPLE / "outlet_a.txt").read_text(encoding="utf-8"),
        (EXAMPLE / "outlet_b.txt").read_text(encoding="utf-8"),
    )


def test_example_pair_agrees_across_units(nlp, example_texts) -> None:  # type: ignore[no-untyped-def]
    report = check(nlp, *example_texts)
    assert conflicts(report) == [], describe(report)
    assert findings_with(report, Status.AGREE, "12 miles", "19 kilometres"), describe(report)


def test_example_unit_changed_without_converting(nlp, example_texts) -> None:  # type: ignore[no-untyped-def]
    a, b = example_texts
    report = check(nlp, a, b.replace("19 kilometres", "19 miles"))
    found = conflicts(report)
    assert len(found) == 1, describe(report)
    assert has(found[0], 0, "12 miles") and has(found[0], 1, "19 miles")


@pytest.mark.seeds
def test_three_sources(nlp, seed_texts) -> None:  # type: ignore[no-untyped-def]
    a, b = seed_texts
    third = b.replace("third round of bilateral", "fourth round of bilateral")
    report = check(nlp, a, b, third)
    found = conflicts(report)
    assert len(found) == 1, describe(report)
    assert {c.source for c in found[0].claims} == {0, 1, 2}
    assert findings_with(report, Status.AGREE, "6,000", "6,000", "6,000")
