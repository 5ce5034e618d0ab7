"""Judging pairs of hand-built claims (cases in tests/cases/judge.toml) and whole groups."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any

import pytest
from builders import DOLLAR, EURO, KILOMETRE, LOCAL, MILE, UTC, WEEKDAY, claim

from factcheck.clock import DATELINE_TIME_UNIT
from factcheck.compare import Verdict, compare, is_comparable, value_ratio
from factcheck.explain import explain
from factcheck.judge import finding_id, judge_group
from factcheck.model import DIMENSIONLESS, Bound, Kind, SourcedClaim, Status
from factcheck.options import Options

CASES = tomllib.loads((Path(__file__).parent / "cases" / "judge.toml").read_text())["case"]
UNITS = {
    "mile": MILE,
    "kilometre": KILOMETRE,
    "US dollar": DOLLAR,
    "euro": EURO,
    "utc": UTC,
    "local": LOCAL,
    "dateline": DATELINE_TIME_UNIT,
    "weekday": WEEKDAY,
}


def build(spec: dict[str, Any]) -> Any:
    surface = spec["surface"]
    return claim(
        f"They said {surface} today.",
        surface,
        Kind(spec.get("kind", "count")),
        spec.get("value"),
        key="thing",
        bound=Bound(spec.get("bound", "exact")),
        unit=UNITS.get(spec.get("unit", ""), DIMENSIONLESS),
        lo=spec.get("lo"),
        hi=spec.get("hi"),
        normalized=spec.get("normalized", ""),
        detail=spec.get("detail", ""),
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_compare_case(case: dict[str, Any]) -> None:
    a, b = build(case["a"]), build(case["b"])
    assert is_comparable(a, b)
    result = compare(a, b)
    assert result.verdict == Verdict(case["verdict"])
    assert compare(b, a).verdict == result.verdict  # symmetric
    if "explanation" in case:
        status = Status.CONFLICT if result.verdict is Verdict.CONFLICT else Status.AGREE
        assert explain((a, b), status, (result,)) == case["explanation"]


def test_gate_keeps_kinds_and_dimensions_apart() -> None:
    time = claim("at 7 pm", "7 pm", Kind.TIME, 960, unit=UTC)
    count = claim("960 people", "960", Kind.COUNT, 960)
    dollars = claim("$5", "$5", Kind.MONEY, 5, unit=DOLLAR)
    euros = claim("€5", "€5", Kind.MONEY, 5, unit=EURO)
    weekday = claim("on Wednesday", "Wednesday", Kind.DATE, 3, unit=WEEKDAY)
    date = claim("on July 23", "July 23", Kind.DATE, normalized="--07-23")
    assert not is_comparable(time, count)
    assert not is_comparable(dollars, euros)
    assert is_comparable(weekday, date)


def test_tolerance_comes_from_options() -> None:
    a = claim("about 100 people", "about 100", value=100, bound=Bound.APPROXIMATELY)
    b = claim("108 people", "108", value=108)
    assert compare(a, b).verdict is Verdict.CONFLICT
    assert compare(a, b, Options(relative_tolerance=0.1)).verdict is Verdict.AGREE


def test_group_of_one_source_is_single_and_ids_ignore_offsets() -> None:
    a = claim("Two sides met.", "Two", value=2, key="side")
    moved = dataclasses.replace(a, start=a.start + 40, end=a.end + 40, sentence_start=40)
    single = judge_group((SourcedClaim(0, a),))
    assert single.status is Status.SINGLE
    assert single.explanation == "Two (= 2): stated in one source only"
    assert len(single.id) == 12 and int(single.id, 16) >= 0
    assert judge_group((SourcedClaim(0, moved),)).id == single.id
    assert finding_id(Kind.COUNT, "side", (SourcedClaim(1, a),)) != single.id


def test_group_conflicts_when_any_cross_source_pair_conflicts() -> None:
    moscow = claim("at 7 pm Moscow time", "7 pm Moscow time", Kind.TIME, 960, unit=UTC)
    gmt16 = claim("at 16:00 GMT", "16:00 GMT", Kind.TIME, 960, unit=UTC)
    gmt17 = claim("at 17:00 GMT", "17:00 GMT", Kind.TIME, 1020, unit=UTC)
    finding = judge_group(
        (SourcedClaim(0, moscow), SourcedClaim(1, gmt16), SourcedClaim(1, gmt17, alternate=True))
    )
    assert finding.status is Status.CONFLICT
    assert [c.claim.text for c in finding.claims] == ["7 pm Moscow time", "16:00 GMT", "17:00 GMT"]


def test_value_ratio_measures_how_far_apart_values_are() -> None:
    a = claim("They scored 2,129 points.", "2,129", value=2129)
    b = claim("They scored 2,029 points.", "2,029", value=2029)
    assert round(value_ratio(a, b), 3) == 1.049
    near = claim("a record of 8-1", "8-1", Kind.SCORE, normalized="8-1")
    close = claim("a record of 9-1", "9-1", Kind.SCORE, normalized="9-1")
    far = claim("a record of 10-5", "10-5", Kind.SCORE, normalized="10-5")
    assert round(value_ratio(near, close), 3) == 1.111
    assert value_ratio(close, far) == 3.0
