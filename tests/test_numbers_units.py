"""Pure number and unit reading: no model loaded."""

from __future__ import annotations

import pytest

from factcheck.mentions import find_mentions
from factcheck.model import Bound, Kind
from factcheck.numbers import find_numbers, parse_fraction, parse_ordinal, parse_words
from factcheck.units import lexicon, read_after, read_before, to_base


@pytest.mark.parametrize(
    ("surface", "value"),
    [("five", 5), ("twenty-one", 21), ("a dozen", 12), ("two dozen", 24), ("half a million", 500_000),
     ("two hundred and five", 205), ("three thousand", 3000)],
)  # fmt: skip
def test_number_words(surface: str, value: float) -> None:
    assert parse_words(surface) == value


def test_vague_plurals_state_no_number() -> None:
    assert parse_words("dozens") is None
    assert parse_words("thousands") is None


@pytest.mark.parametrize(
    ("surface", "value"), [("third", 3), ("21st", 21), ("twenty-first", 21), ("3rd", 3)]
)
def test_ordinals(surface: str, value: int) -> None:
    assert parse_ordinal(surface) == value


@pytest.mark.parametrize(
    ("surface", "shape", "value"),
    [("2 1/2", "mixed", 2.5), ("1/2", "fraction", 0.5), ("½", "vulgar", 0.5), ("two-thirds", "wordfrac", 2 / 3),
     ("a third", "wordfrac", 1 / 3), ("9/11", "fraction", None), ("24/7", "fraction", None)],
)  # fmt: skip
def test_fractions(surface: str, shape: str, value: float | None) -> None:
    assert parse_fraction(surface, shape) == (None if value is None else pytest.approx(value))


def test_find_numbers_folds_bounds_and_ranges() -> None:
    text = "more than 6,000 and between 5 and 10, then 2 to 3 million, scored 20-13"
    found = [
        (text[n.start : n.end], n.value, n.lo, n.hi, n.bound, n.shape) for n in find_numbers(text)
    ]
    assert found == [
        ("more than 6,000", 6000.0, None, None, Bound.MORE_THAN, "digits"),
        ("between 5 and 10", None, 5.0, 10.0, Bound.RANGE, "range"),
        ("2 to 3 million", None, 2e6, 3e6, Bound.RANGE, "range"),
        ("20-13", None, None, None, Bound.EXACT, "score"),
    ]


def test_digit_runs_glued_to_words_are_names() -> None:
    assert [n.value for n in find_numbers("the TA-35 index, a COVID-19 test, 0:00 25:48")] == []


def test_lexicon_comes_from_quantulum3_data() -> None:
    surfaces, symbols = lexicon()
    assert surfaces["miles"].name == "mile" and surfaces["miles"].dimension == "length"
    assert symbols["€"].name == "euro" and symbols["€"].dimension == "currency"
    assert "pm" not in symbols  # "11 pm" is a clock time, never picometres


@pytest.mark.parametrize(
    ("text", "unit", "surface"),
    [("12 miles", "mile", "miles"), ("40%", "percentage", "%"), ("40 per cent", "percentage", "per cent"),
     ("3 km/h", "kilometre per hour", "km/h"), ("8 miles an hour", "mile per hour", "miles an hour"),
     ("30 degrees Celsius", "degree Celsius", "degrees Celsius"), ("5 square feet", "square foot", "square feet"),
     ("164p", "penny", "p"), ("11 pm", None, None), ("10 in the", None, None)],
)  # fmt: skip
def test_unit_after_number(text: str, unit: str | None, surface: str | None) -> None:
    end = len(text.split()[0].rstrip("%p"))
    match = read_after(text, end)
    assert (
        (match.unit.name, text[match.start : match.end]) == (unit, surface)
        if match
        else unit is None
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [("$", "dollar"), ("US$", "united states dollar"), ("£", "pound sterling"), ("EUR", "euro")],
)
def test_currency_before_number(text: str, unit: str) -> None:
    match = read_before(text + "5", len(text))
    assert match is not None and match.unit.name == unit


def test_base_units() -> None:
    surfaces, _ = lexicon()
    assert to_base(12, surfaces["mile"]) == pytest.approx(19312.128)
    assert to_base(50, surfaces["degree fahrenheit"]) == pytest.approx(283.15)
    assert to_base(3, surfaces["month"]) == pytest.approx(3 * 2629800)


def test_mentions_type_and_bound() -> None:
    text = "nearly 40% of 2.5 million dollars, a 16-year-old, €3bn, USD10m, from $750,000 to $1 million"
    got = [
        (text[m.start : m.end], m.kind, m.quantity.lo, m.quantity.hi, m.normalized)
        for m in find_mentions(text)
    ]
    assert got == [
        ("nearly 40%", Kind.PERCENT, 38.0, 40.0, "~40 percentage"),
        ("2.5 million dollars", Kind.MONEY, 2.5e6, 2.5e6, "2500000 dollar"),
        ("16-year-old", Kind.AGE, 16.0, 16.0, "16 year"),
        ("€3bn", Kind.MONEY, 3e9, 3e9, "3000000000 euro"),
        ("USD10m", Kind.MONEY, 1e7, 1e7, "10000000 united states dollar"),
        ("from $750,000 to $1 million", Kind.MONEY, 750_000.0, 1e6, "750000-1000000 dollar"),
    ]


def test_phone_numbers_and_urls_are_not_mentions() -> None:
    assert find_mentions("call 555-123-4567 or see https://x.org/a/5 or mail a5@b.org") == ()


@pytest.mark.parametrize(
    ("text", "surface", "normalized"),
    [("with 7 minutes 41 seconds to go", "7 minutes 41 seconds", "461 second"),
     ("the race took 2 hours, 3 minutes and 20 seconds", "2 hours, 3 minutes and 20 seconds", "7400 second"),
     ("jailed for 2 years and 6 months", "2 years and 6 months", "30 month"),
     ("With 7:42 left in the first half", "7:42", "462 second"),
     ("with 4:08 to play", "4:08", "248 second"),
     ("she finished in 2:01:09 to win", "2:01:09", "7269 second"),
     ("in the first 7\u2009½ minutes", "7\u2009½ minutes", "7.5 minute")],
)  # fmt: skip
def test_durations_in_several_units_are_one_claim(text: str, surface: str, normalized: str) -> None:
    durations = [m for m in find_mentions(text) if m.kind is Kind.DURATION]
    assert [(text[m.start : m.end], m.normalized) for m in durations] == [(surface, normalized)]


@pytest.mark.parametrize(
    "text",
    ["They met for 3 hours, 20 hours later", "she finished in 7:42 pm traffic", "with 12:7:42 left",
     "20 seconds 3 minutes"],
)  # fmt: skip
def test_clock_faces_and_lists_are_no_compound_duration(text: str) -> None:
    assert not any(m.detail for m in find_mentions(text) if m.kind is Kind.DURATION)


def test_verb_forms_join_their_synonym_family() -> None:
    from factcheck.similarity import canonical_tokens

    assert canonical_tokens("killing two and wounding three, injuring five") == (
        "dead",
        "injured",
        "injured",
    )
