"""Runs every case in tests/cases/temporal.toml through find_temporal, plus property tests."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import Kind
from factcheck.temporal import TemporalMatch, find_temporal

CASES = tomllib.loads(
    (Path(__file__).parent / "cases" / "temporal.toml").read_text(encoding="utf-8")
)["case"]


def _observed(text: str, match: TemporalMatch, wanted: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``match`` that the expectation names, in the case file's vocabulary."""
    fields: dict[str, Any] = {
        "surface": text[match.start : match.end],
        "kind": match.kind.value,
        "normalized": match.normalized,
    }
    quantity = match.quantity
    for key, actual in (("value", quantity.value), ("lo", quantity.lo), ("hi", quantity.hi)):
        if key in wanted:
            fields[key] = actual
    if "bound" in wanted:
        fields["bound"] = quantity.bound.value
    if "detail" in wanted:
        fields["detail"] = match.detail
    return fields


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    matches = find_temporal(text, case.get("published", ""))
    assert [_observed(text, m, w) for m, w in zip(matches, case["expect"], strict=False)] == case[
        "expect"
    ]
    assert len(matches) == len(case["expect"]), [text[m.start : m.end] for m in matches]
    for match in matches:
        is_calendar_date = match.kind is Kind.DATE and match.quantity.unit.name == "day"
        if is_calendar_date and match.quantity.value is not None:  # its value is the ordinal
            assert match.quantity.value == date.fromisoformat(match.normalized).toordinal()


def test_case_ids_are_unique() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))


_TEMPORAL_ALPHABET = st.sampled_from(
    ["7", "pm", "p.m.", ":", "30", "GMT", " ", ",", "July", "23", "2025", "Moscow", "time", "in", "1945",
     "today", "Wednesday", "(", ")", "-", "0:00", "\n", "about", "local", ".", "UTC+3", "noon", "ET",
     "between", "and", "–", "12", "am", "Geneva", "Vietnam", "hours", "'s", "season", "at", "the"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_TEMPORAL_ALPHABET, max_size=60).map("".join)),
       st.one_of(st.text(max_size=30), st.sampled_from(
           ["", "2025-07-23", "2025-07-23T10:19+03:00", "2025-13-45", "9999-12-31", "0001-01-01T00:00"])))  # fmt: skip
def test_never_raises_and_spans_are_ordered_substrings(text: str, published: str) -> None:
    matches = find_temporal(text, published)
    last_end = 0
    for match in matches:
        assert 0 <= last_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end].strip() == text[match.start : match.end]
        assert _NORMALIZED[match.kind].fullmatch(match.normalized), (match.kind, match.normalized)
        last_end = match.end


# The encodings model.py prescribes for each kind.
_NORMALIZED = {
    Kind.YEAR: re.compile(r"\d{4}"),
    Kind.DATE: re.compile(
        r"(?:\d{4}|-)-\d{2}-\d{2}|"
    ),  # "" for a weekday with nothing to resolve against
    Kind.TIME: re.compile(r"(?:\d{4}-\d{2}-\d{2})?T\d{2}:\d{2}Z|T\d{2}:\d{2}"),
}


@pytest.mark.parametrize(
    "text",
    [
        "1" * 5_000_000,  # one 5 MB line
        "12:30 7 pm in 1945 July 23 " * 25_000,  # 100,000 numbers of the shapes we parse
        "July " * 200_000 + "23",
        "9:" * 200_000,
        "7 pm " + "Moscow " * 200_000 + "time",
        " " * 1_000_000 + "7 pm",
        "0:00\n" * 50_000,
    ],
    ids=["digits", "numbers", "months", "colons", "long-zone", "spaces", "timers"],
)
def test_pathological_input_completes(text: str) -> None:
    matches = find_temporal(text, "2025-07-23")
    assert all(0 <= m.start < m.end <= len(text) for m in matches)
