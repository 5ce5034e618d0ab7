"""One generic test over the data-driven extractor cases in tests/cases/extract*.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck.extract import extract
from factcheck.model import Claim

CASES = sorted((Path(__file__).parent / "cases").glob("extract*.toml"))
QUANTITY_FIELDS = ("value", "lo", "hi", "base_lo", "base_hi")


def _load() -> list[Any]:
    cases = []
    for path in CASES:
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            cases.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return cases


def observed(claim: Claim, wanted: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``claim`` that an expected entry names, in the same shape."""
    q = claim.quantity
    every = {
        "text": claim.text, "kind": str(claim.kind), "value": q.value, "lo": q.lo, "hi": q.hi,
        "bound": str(q.bound), "unit": q.unit.name, "dimension": q.unit.dimension, "base": q.unit.base,
        "base_lo": q.base_lo, "base_hi": q.base_hi, "normalized": claim.normalized,
        "referent": claim.referent.text, "key": claim.referent.key, "head": claim.referent.head,
        "resolved_from": claim.referent.resolved_from, "attribution": claim.attribution,
        "subject": claim.subject, "detail": claim.detail, "singles_out": claim.singles_out,
    }  # fmt: skip
    return {k: every[k] for k in wanted}


def _expected(entry: dict[str, Any]) -> dict[str, Any]:
    # TOML has no null: "none" stands for an open end; floats are compared to 1e-9
    out = {}
    for key, value in entry.items():
        if key in QUANTITY_FIELDS:
            out[key] = None if value == "none" else pytest.approx(value, rel=1e-9)
        else:
            out[key] = value
    return out


@pytest.mark.spacy
@pytest.mark.parametrize("case", _load())
def test_extract_case(case: dict[str, Any], nlp) -> None:  # type: ignore[no-untyped-def]
    claims = extract(case["text"], case.get("published", ""), nlp=nlp)
    expected = [_expected(e) for e in case["claims"]]
    assert [observed(c, e) for c, e in zip(claims, expected, strict=False)] == expected
    assert len(claims) == len(expected), [c.text for c in claims]
