"""The full claim list of the seed pair and of our example pair, pinned.

Each row: (surface, kind, lo, hi, normalized, referent). The seeds are read from
../shared/seeds by the ``seed_texts`` fixture (skipped where absent); page chrome
and the dateline of seed 001 must yield nothing.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from tests.conftest import FIXTURES

Row = tuple[str, str, float | None, float | None, str, str | None]

SEED_000: list[Row] = [
    ("third", "ordinal", 3, 3, "3", "round of Russia-Ukraine talks"),
    # the title's "tonight" has no date beside it and seed 000 no dateline: it is the body's
    # "tonight, July 23"; its referent (a comma splice in the title) is not pinned
    ("tonight", "date", None, None, "--07-23", None),
    ("third", "ordinal", 3, 3, "3", "round of talks"),
    ("tonight", "date", None, None, "--07-23", "round of talks"),
    ("July 23", "date", None, None, "--07-23", "round of talks"),
    ("two", "count", 2, 2, "2", "sides"),
    ("today", "date", None, None, "--07-23", "Mr. Peskov"),
    ("July 23", "date", None, None, "--07-23", "Mr. Peskov"),
    ("7 pm Moscow time", "time", 960, 960, "T16:00Z", "negotiations"),
    ("11 pm Vietnam time", "time", 960, 960, "T16:00Z", "negotiations"),
    ("second", "ordinal", 2, 2, "2", "round"),
    ("five", "count", 5, 5, "5", "former regions"),
    ("two", "count", 2, 2, "2", "sides"),
    ("more than 6,000", "count", 6000, None, ">6000", "bodies of Ukrainian soldiers"),
    ("78", "count", 78, 78, "78", "bodies of Russian soldiers"),
]
SEED_001: list[Row] = [
    ("third", "ordinal", 3, 3, "3", "round of bilateral talks"),
    ("7pm Moscow time", "time", 960, 960, "2025-07-23T16:00Z", "negotiations"),
    ("16:00 GMT", "time", 960, 960, "2025-07-23T16:00Z", "negotiations"),
    ("Wednesday", "date", 3, 3, "2025-07-23", "negotiations"),
    ("Wednesday", "date", 3, 3, "2025-07-23", "Peskov"),
    ("second", "ordinal", 2, 2, "2", "round"),
    ("five", "count", 5, 5, "5", "former regions"),
    ("more than 6,000", "count", 6000, None, ">6000", "bodies of Ukrainian service members"),
    ("78", "count", 78, 78, "78", "bodies of Russian service members"),
]
OUTLET_A: list[Row] = [
    ("fourth", "ordinal", 4, 4, "4", "round of glacier talks"),
    ("tonight", "date", None, None, "--06-12", "round of glacier talks"),
    ("fourth", "ordinal", 4, 4, "4", "round of talks"),
    ("tonight", "date", None, None, "--06-12", "round of talks"),
    ("June 12", "date", None, None, "--06-12", "round of talks"),
    ("two", "count", 2, 2, "2", "delegations"),
    ("today", "date", None, None, "--06-12", "spokeswoman Carla Reyes"),
    ("June 12", "date", None, None, "--06-12", "spokeswoman Carla Reyes"),
    # no date in this sentence and no dateline: temporal uses today's offset for Geneva
    ("3 pm Geneva time", "time", None, None, "", "session"),
    ("8 pm Vietnam time", "time", 780, 780, "T13:00Z", "session"),
    ("third", "ordinal", 3, 3, "3", "round"),
    ("three", "count", 3, 3, "3", "disputed valleys"),
    ("$2.5 million", "money", 2.5e6, 2.5e6, "2500000 dollar", "joint monitoring fund"),
    ("about 12 miles", "measure", 11.4, 12.6, "~12 mile", "largest glacier"),
    ("1945", "year", 1945, 1945, "1945", "largest glacier"),
    ("about 40%", "percent", 38, 42, "~40 percentage", "volume"),
    ("two", "count", 2, 2, "2", "sides"),
    ("more than 1,200", "count", 1200, None, ">1200", "Argentine fishermen"),
    # the fixture's last line runs the icon chrome into this sentence ("fishermen.icon
    # bookmarkicon ..."); the chrome is an excluded span, which the parser never sees
    ("95", "count", 95, 95, "95", "Chilean fishermen"),
]
OUTLET_B: list[Row] = [
    ("fourth", "ordinal", 4, 4, "4", "round of talks"),
    ("3pm Geneva time", "time", 780, 780, "2025-06-12T13:00Z", "session"),
    ("13:00 GMT", "time", 780, 780, "2025-06-12T13:00Z", "session"),
    ("Thursday", "date", 4, 4, "2025-06-12", "session"),
    ("Thursday", "date", 4, 4, "2025-06-12", "Reyes"),
    ("third", "ordinal", 3, 3, "3", "round"),
    ("three", "count", 3, 3, "3", "disputed valleys"),
    ("2.5 million dollars", "money", 2.5e6, 2.5e6, "2500000 dollar", "joint monitoring fund"),
    ("roughly 19 kilometres", "measure", 18.05, 19.95, "~19 kilometre", "largest glacier"),
    ("1945", "year", 1945, 1945, "1945", "largest glacier"),
    ("around 40 per cent", "percent", 38, 42, "~40 percentage", "volume"),
    ("more than 1,200", "count", 1200, None, ">1200", "Argentine fishermen"),
    ("95", "count", 95, 95, "95", "Chilean fishermen"),
]


def rows(text: str, nlp, expected: list[Row]) -> tuple[list[Row], list[Row]]:  # type: ignore[no-untyped-def]
    """(observed, expected) with unpinned fields (None) blanked on both sides."""
    observed: list[Row] = []
    for claim, want in zip(extract(text, nlp=nlp), [*expected, *[None] * 100], strict=False):  # type: ignore[list-item]
        q = claim.quantity
        row = (claim.text, str(claim.kind), q.lo, q.hi, claim.normalized, claim.referent.text)
        if (
            want is not None
            and want[2] is None
            and want[3] is None
            and q.lo is not None
            and claim.kind == "time"
        ):
            row = (*row[:2], None, None, "", row[5])  # the zone offset depends on today's date
        if want is not None and want[5] is None:
            row = (*row[:5], None)
        observed.append(row)
    return observed, [(t, k, lo if lo is None else pytest.approx(lo), hi if hi is None else pytest.approx(hi), n, r)
                      for t, k, lo, hi, n, r in expected]  # fmt: skip


@pytest.mark.spacy
@pytest.mark.seeds
def test_seed_pair_claims(seed_texts: tuple[str, str], nlp) -> None:  # type: ignore[no-untyped-def]
    for text, expected in zip(seed_texts, (SEED_000, SEED_001), strict=True):
        observed, wanted = rows(text, nlp, expected)
        assert observed == wanted


@pytest.mark.spacy
@pytest.mark.seeds
def test_seed_000_relative_days_take_the_date_beside_them(seed_texts: tuple[str, str], nlp) -> None:  # type: ignore[no-untyped-def]
    # Seed 000 has no dateline: "tonight, July 23" and "today, July 23" state the day themselves.
    dated = [(c.text, c.normalized) for c in extract(seed_texts[0], nlp=nlp) if c.kind == "date"]
    assert dated == [
        ("tonight", "--07-23"),  # the headline's tonight is the body's
        ("tonight", "--07-23"),
        ("July 23", "--07-23"),
        ("today", "--07-23"),
        ("July 23", "--07-23"),
    ]


@pytest.mark.spacy
def test_example_pair_claims(nlp) -> None:  # type: ignore[no-untyped-def]
    for name, expected in (("outlet_a.txt", OUTLET_A), ("outlet_b.txt", OUTLET_B)):
        text = (FIXTURES / "example" / name).read_text(encoding="utf-8")
        observed, wanted = rows(text, nlp, expected)
        assert observed == wanted


@pytest.mark.spacy
def test_chrome_glued_to_a_sentence_stays_out_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "example" / "outlet_a.txt").read_text(encoding="utf-8")
    last = extract(text, nlp=nlp)[-1]
    assert last.sentence.endswith("taking back 95 Chilean fishermen.")
    assert text[last.sentence_start :].startswith(last.sentence)
    assert not any("icon" in word for word in last.context)


@pytest.mark.spacy
@pytest.mark.seeds
def test_seed_chrome_yields_nothing(seed_texts: tuple[str, str], nlp) -> None:  # type: ignore[no-untyped-def]
    text = seed_texts[1]
    body_start = text.index("Kremlin confirms")
    footer = text.index("Dear readers")
    for claim in extract(text, nlp=nlp):
        assert body_start <= claim.start < footer, claim.text
