"""Page chrome and datelines found as spans (tests/cases/chrome.toml, datelines.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.chrome import find_chrome_spans, find_dateline, find_datelines, merge_spans

CASES = Path(__file__).parent / "cases"


def _cases(name: str) -> list[dict[str, object]]:
    with (CASES / name).open("rb") as file:
        return list(tomllib.load(file)["case"])


@pytest.mark.parametrize("case", _cases("chrome.toml"), ids=lambda case: str(case["name"]))
def test_chrome_spans(case: dict[str, object]) -> None:
    text = str(case["text"])
    spans = find_chrome_spans(text)
    assert [text[start:end] for start, end in spans] == case["chrome"]


@pytest.mark.parametrize("case", _cases("datelines.toml"), ids=lambda case: str(case["name"]))
def test_dateline(case: dict[str, object]) -> None:
    text = str(case["text"])
    dateline = find_dateline(text)
    if not case["published"]:
        assert dateline is None
        return
    assert dateline is not None
    assert dateline.published == case["published"]
    assert text[dateline.start : dateline.end] == case["line"]


def test_merge_spans_joins_overlapping_and_touching() -> None:
    assert merge_spans([(10, 12), (0, 5), (5, 7), (11, 15), (20, 20)]) == ((0, 7), (10, 15))


@pytest.mark.seeds
def test_seed_chrome(seed_texts: tuple[str, str]) -> None:
    plain, chromed = seed_texts
    assert [plain[s:e] for s, e in find_chrome_spans(plain)] == [".jpg)"]
    spans = find_chrome_spans(chromed)
    pieces = [chromed[s:e] for s, e in spans]
    assert len(pieces) == 3
    assert pieces[0].startswith("icon bookmark") and pieces[0].endswith("icon fm")
    # the headline's second printing, not its first
    assert pieces[1] == "Kremlin confirms imminent Russia-Ukraine talks"
    assert spans[1][0] > chromed.index(pieces[1])
    # the comment notice and the player under it are one region
    assert pieces[2].startswith("Dear readers!")
    assert pieces[2].endswith("commenting policy\nPodcasts\n0:00\n25:48\n0:00\n47:0")
    dateline = find_dateline(chromed)
    assert dateline is not None
    assert dateline.published == "2025-07-23T10:19"
    assert chromed[dateline.start : dateline.end] == "23 Jul, 2025 10:19"


def test_every_dateline_is_found_the_first_dates_the_text() -> None:
    text = "Harbour reopens\nPublished: May 2,2016 08:10\nEdited: May 3,2016 09:45\nBody with 4 ships.\n"
    datelines = find_datelines(text)
    assert [(text[d.start : d.end], d.published) for d in datelines] == [
        ("Published: May 2,2016 08:10", "2016-05-02T08:10"),
        ("Edited: May 3,2016 09:45", "2016-05-03T09:45"),
    ]
    assert find_dateline(text) == datelines[0]
