"""Units through quantulum3's unit database, without quantulum3's parser.

quantulum3's own loader imports ``inflect`` (and typeguard) to make plurals, which costs
about 2.2 s on a cold start: more than our whole budget for ``factcheck check``. So this
module reads quantulum3's raw data files (``units.json``, ``_lang/en_US/units.json``) with
plain ``json`` and builds its own lexicon once: surfaces and symbols → ``Unit``, with simple
English plurals and the metric prefixes quantulum3 lists for each unit. No quantulum3
object leaves this module (none is even created).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.model import Unit

PREFIXES = {
    "k": "kilo",
    "M": "mega",
    "G": "giga",
    "T": "tera",
    "m": "milli",
    "µ": "micro",
    "n": "nano",
}
# Names news uses that quantulum3's database lacks ("7.5 million Danish crowns").
EXTRA_UNITS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "danish krone": ("currency", ("danish krone", "danish crown", "danish kroner", "krone", "kroner"), ("DKK",)),
    "swedish krona": ("currency", ("swedish krona", "swedish crown", "krona", "kronor"), ("SEK",)),
    "norwegian krone": ("currency", ("norwegian krone", "norwegian crown"), ("NOK",)),
    "hong kong dollar": ("currency", ("hong kong dollar",), ("HK$", "HKD")),
    "singapore dollar": ("currency", ("singapore dollar",), ("S$", "SGD")),
    "malaysian ringgit": ("currency", ("ringgit",), ("RM", "MYR")),
    "shekel": ("currency", ("shekel", "new israeli shekel"), ("NIS", "ILS", "₪")),
    "turkish lira": ("currency", ("turkish lira", "lira"), ("TRY", "₺")),
    "nigerian naira": ("currency", ("naira",), ("NGN", "₦")),
    "thai baht": ("currency", ("baht",), ("THB", "฿")),
    "polish zloty": ("currency", ("zloty",), ("PLN",)),
    "ukrainian hryvnia": ("currency", ("hryvnia",), ("UAH", "₴")),
    "bitcoin": ("currency", ("bitcoin",), ("BTC",)),
    "percentage point": ("dimensionless", ("percentage point",), ("pp",)),
    "point": ("dimensionless", ("point", "index point"), ("pts",)),
    "kilometre": ("length", ("kilometre", "kilometer", "klick"), ("km", "kms")),
    "millimetre": ("length", ("millimetre", "millimeter"), ("mm",)),
    "kilowatt": ("power", ("kilowatt",), ("kW",)),
    "megawatt": ("power", ("megawatt",), ("MW",)),
    "gigawatt": ("power", ("gigawatt",), ("GW",)),
}  # fmt: skip
EXTRA_SURFACES = {"percentage": ("per cent", "per-cent", "pc"), "indian rupee": ("rs", "rs.")}
# Symbols too ambiguous to trust: "11 pm" is a clock time, not picometres; "a" and "y" are words.
NEVER_SYMBOLS = frozenset(
    {
        "pm",
        "am",
        "a",
        "y",
        "d",
        "Fr",
        "FS",
        "R",
        "c",
        "C",
        "F",
        "K",
        "kt",
        "st",
        "pk",
        "p.",
        "d.",
        "Ct.",
        "CT",
        "m",
        "g",
        "t",
        "s",
        "h",
        "in",
        "G",
        "M",
        "T",
        "k",
        "b",
        "B",
    }
)
# Short symbols that follow a number after a space without being a word ("30 km", "5 GB").
SPACED_SYMBOLS = frozenset(
    {
        "pct",
        "km",
        "kg",
        "cm",
        "mm",
        "mg",
        "ml",
        "mL",
        "lb",
        "lbs",
        "oz",
        "ft",
        "mi",
        "mph",
        "kph",
        "GB",
        "MB",
        "TB",
        "kW",
        "MW",
        "GW",
        "kWh",
        "Hz",  # frequencies and small lengths in science news: "roughly 300 Hz", "352 µm"
        "kHz",
        "MHz",
        "GHz",
        "µm",
        "μm",
        "kV",
        "mV",
        "dB",
        "mAh",
        "hp",
        "bp",
        "bps",
        "ha",
        "°C",
        "°F",
        "%",
        "USD",
        "EUR",
        "GBP",
        "JPY",
        "CNY",
        "INR",
        "CHF",
        "DKK",
        "AUD",
        "CAD",
    }
)
# Symbols that two quantulum3 units share, settled for news text: "164p" is pence, not pints.
# Single letters trusted only when glued to the digits: "45g", "24h" (never "5 g", "in 5 h").
ATTACHED_SYMBOLS = {"g": "gram", "h": "hour"}
ATTACHED_UNITS: dict[str, Unit] = {}
SYMBOL_OVERRIDES = {
    "pc": "percentage",
    "p": "penny",
    "km/h": "kilometre per hour",
    "km/hr": "kilometre per hour",
    "kmh": "kilometre per hour",
    "μm": "micrometre",  # written with the Greek mu (U+03BC) as often as with the micro sign
}
# Currency signs that stand before the number ("$5", "US$ 5", "£3m").
_CURRENCY_BEFORE = (
    r"(?:US ?\$|\$US|[CAR]\$|NZ\$|HK ?\$|S\$|RM|Rs\.?|[A-Z]{3}|\$|€|£|¥|₹|₽|₩|₪|₦|₺|₴|฿)"
)
CURRENCY_BEFORE_RE = re.compile(_CURRENCY_BEFORE + r"\s?$")
# Base units and factors (value × factor = base value); temperature has offsets too.
BASE: dict[str, tuple[str, float]] = {}
for _base, _table in {
    "metre": {"metre": 1, "kilometre": 1e3, "centimetre": 0.01, "millimetre": 1e-3, "micrometre": 1e-6,
              "nanometre": 1e-9, "mile": 1609.344, "foot": 0.3048, "inch": 0.0254, "yard": 0.9144,
              "nautical mile": 1852, "light year": 9.4607e15},
    "kilogram": {"kilogram": 1, "gram": 1e-3, "milligram": 1e-6, "microgram": 1e-9, "tonne": 1e3,
                 "pound-mass": 0.45359237, "ounce": 0.028349523125, "short ton": 907.18474,
                 "long ton": 1016.0469088, "ton": 907.18474, "stone": 6.35029318, "carat": 2e-4},
    "second": {"second": 1, "millisecond": 1e-3, "microsecond": 1e-6, "nanosecond": 1e-9, "minute": 60,
               "hour": 3600, "day": 86400, "week": 604800, "fortnight": 1209600, "month": 2629800,
               "year": 31557600, "decade": 315576000, "century": 3155760000, "millennium": 31557600000},
    "square metre": {"square metre": 1, "square kilometre": 1e6, "square mile": 2589988.110336,
                     "square foot": 0.09290304, "square yard": 0.83612736, "square inch": 0.00064516,
                     "hectare": 1e4, "acre": 4046.8564224},
    "litre": {"litre": 1, "cubic centimetre": 1e-3, "cubic metre": 1e3, "gallon": 3.785411784,
              "barrel": 158.987294928, "pint": 0.473176473, "quart": 0.946352946, "cup": 0.2365882365,
              "fluid ounce": 0.0295735295625, "centilitre": 0.01, "decilitre": 0.1, "cubic foot": 28.316846592},
    "metre per second": {"metre per second": 1, "kilometre per hour": 1 / 3.6, "mile per hour": 0.44704,
                         "knot": 1852 / 3600, "foot per second": 0.3048},
    "joule": {"joule": 1, "kilojoule": 1e3, "megajoule": 1e6, "kilowatt hour": 3.6e6, "calorie": 4.184,
              "kilocalorie": 4184, "british thermal unit": 1055.05585},
    "watt": {"watt": 1, "kilowatt": 1e3, "megawatt": 1e6, "gigawatt": 1e9, "horsepower": 745.69987},
    "byte": {"byte": 1, "kilobyte": 1e3, "megabyte": 1e6, "gigabyte": 1e9, "terabyte": 1e12, "bit": 0.125},
}.items():  # fmt: skip
    for _name, _factor in _table.items():
        BASE[_name] = (_base, float(_factor))
TEMPERATURE = {
    "degree Celsius": (1.0, 273.15),
    "degree fahrenheit": (5 / 9, 255.3722222),
    "kelvin": (1.0, 0.0),
}


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit read next to a number: where its surface starts and ends, and which unit."""

    start: int
    end: int
    unit: Unit


def _data_dir() -> Path:
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or spec.origin is None:
        raise RuntimeError("quantulum3 is not installed; run `make install`")
    return Path(spec.origin).parent


def _plurals(word: str) -> tuple[str, ...]:
    """Simple English plurals of a unit surface: its last word takes the plural ("square feet")."""
    *head, last = word.split(" ")
    irregular = {"foot": "feet", "century": "centuries", "penny": "pence", "inch": "inches"}
    if last in irregular:
        forms = [irregular[last]]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    else:
        forms = [last + "s"]
    return tuple(" ".join([*head, form]) for form in forms)


@functools.cache
def lexicon() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """(lower-case surface → Unit, case-sensitive symbol → Unit), built once per process."""
    folder = _data_dir()
    units: dict[str, Any] = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    local = json.loads((folder / "_lang" / "en_US" / "units.json").read_text(encoding="utf-8"))
    for name, extra in local.items():
        units.setdefault(name, {}).update(extra)
    for name, (entity, extra_surfaces, extra_symbols) in EXTRA_UNITS.items():
        units[name] = {
            "entity": entity,
            "surfaces": list(extra_surfaces),
            "symbols": list(extra_symbols),
        }
    surfaces: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    by_name: dict[str, Unit] = {}

    def add(name: str, entity: str, names: list[str], signs: list[str]) -> None:
        base = BASE.get(name, ("", 1.0))[0] if entity != "temperature" else "kelvin"
        unit = Unit(name=name, dimension=entity, base=base, symbol=signs[0] if signs else "")
        by_name[name] = unit
        for surface in names:
            low = surface.lower()
            forms = [low, *_plurals(low)]
            first, _, rest = low.partition(" ")
            if rest and (first == "degree" or rest.startswith("per ")):
                # "degrees Celsius", "miles per hour": the first word takes the plural
                forms += [f"{plural} {rest}" for plural in _plurals(first)]
            for form in forms:
                surfaces.setdefault(form, unit)
        for sign in signs:
            if sign not in NEVER_SYMBOLS:
                symbols.setdefault(sign, unit)

    for name, entry in units.items():
        if "entity" not in entry or name in ("unk", "dimensionless"):
            continue
        names = [*entry.get("surfaces", []), *EXTRA_SURFACES.get(name, ())]
        add(name, entry["entity"], names, list(entry.get("symbols", [])))
        for prefix in entry.get("prefixes", []):
            if (prefix in PREFIXES and name in BASE) or name in ("watt", "hertz", "volt"):
                full = PREFIXES.get(prefix, "")
                if full and f"{full}{name}" not in units:
                    signs = [prefix + s for s in entry.get("symbols", []) if len(s) <= 2]
                    names = [f"{full}{surface}" for surface in entry.get("surfaces", [name])]
                    add(f"{full}{name}", entry["entity"], [f"{full}{name}", *names], signs)
    symbols.update(
        {sign: by_name[name] for sign, name in SYMBOL_OVERRIDES.items() if name in by_name}
    )
    for sign, unit in list(symbols.items()):
        if " " in sign:  # "sq m", "cu ft": symbols of two words are read like surfaces
            surfaces.setdefault(sign.lower(), unit)
    for sign, name in ATTACHED_SYMBOLS.items():
        if name in by_name:
            ATTACHED_UNITS[sign] = by_name[name]
    return surfaces, symbols


_WORDS_AFTER = re.compile(r"[-\s]?((?:[^\W\d_]+\.?)(?:[\s-][^\W\d_]+){0,3})")
_SYMBOL_AFTER = re.compile(r"(\s?)([^\s\d,;:()]+)")
_PER = re.compile(r"[\s-]*(?:(?:per|an|a|each)\b|/)[\s-]*", re.I)
# "$5m a year ago", "3,000 euros a year earlier": a time past, not a rate
_TIME_AGO = re.compile(r"\s+(?:ago|earlier|later|before|after|back|prior|previously)\b", re.I)


def _is_rate(text: str, second: UnitMatch) -> bool:
    return second.unit.dimension != "time" or _TIME_AGO.match(text, second.end) is None


_YARD_MODIFIER = re.compile(
    r"\s+(?:passing|rushing|receiving|kick-?off return|punt return)(?=\s+yards?\b)", re.I
)


def read_after(text: str, end: int) -> UnitMatch | None:
    """The unit written right after a number ending at ``end``: "12 miles", "40%", "3 km/h"."""
    first = _read_one(text, end)
    if first is None:
        # "4,183 passing yards": the kind of yards stands between the number and its unit
        modifier = _YARD_MODIFIER.match(text, end)
        first = _read_one(text, modifier.end()) if modifier is not None else None
        if first is None:
            return None
        first = UnitMatch(end, first.end, first.unit)
    per = _PER.match(text, first.end)
    if per is not None and per.end() > first.end:
        second = _read_one(text, per.end(), spaced=True)
        if (
            second is not None
            and _is_rate(text, second)
            and second.unit.dimension
            in (
                "time",
                "volume",
                "length",
                "mass",
                "energy",
            )
        ):
            name = f"{first.unit.name} per {second.unit.name}"
            dimension = (
                "speed"
                if (first.unit.dimension, second.unit.dimension) == ("length", "time")
                else (f"{first.unit.dimension} per {second.unit.dimension}")
            )
            base, _ = BASE.get(name, ("", 1.0))
            return UnitMatch(first.start, second.end, Unit(name, dimension, base, ""))
    return first


def read_per(text: str, end: int, first: Unit) -> UnitMatch | None:
    """ "US$58.24 per barrel": the "per" unit after a number whose unit stood before it."""
    per = _PER.match(text, end)
    if per is None or per.end() == end:
        return None
    second = _read_one(text, per.end())
    if second is None or second.unit.dimension == "currency" or not _is_rate(text, second):
        return None
    name = f"{first.name} per {second.unit.name}"
    return UnitMatch(end, second.end, Unit(name, f"{first.dimension} per {second.unit.dimension}"))


def _read_one(text: str, end: int, *, spaced: bool = True) -> UnitMatch | None:
    surfaces, symbols = lexicon()
    window = text[end : end + 40]
    symbol = _SYMBOL_AFTER.match(window)
    if symbol is not None:
        sign = symbol.group(2).rstrip(".")
        glued = ATTACHED_UNITS.get(sign) if symbol.group(1) == "" else None
        if glued is not None:
            start = end + symbol.start(2)
            return UnitMatch(start, start + len(sign), glued)
        for cut in range(len(sign), 0, -1):
            candidate = sign[:cut]
            if candidate not in symbols:
                continue
            following = window[symbol.start(2) + cut : symbol.start(2) + cut + 1]
            if following.isalnum():
                continue
            attached = symbol.group(1) == ""
            if (
                not attached
                and candidate not in SPACED_SYMBOLS
                and (len(candidate) <= 2 or candidate.isalpha())
            ):
                continue
            if (
                candidate.isalpha()
                and len(candidate) <= 2
                and not attached
                and candidate not in SPACED_SYMBOLS
            ):
                continue
            return UnitMatch(end + symbol.start(2), end + symbol.start(2) + cut, symbols[candidate])
    words = _WORDS_AFTER.match(window)
    if words is None:
        return None
    tokens = re.split(r"([\s-])", words.group(1))
    # tokens alternate word, separator, word...; try the longest run first
    for count in range((len(tokens) + 1) // 2, 0, -1):
        phrase = "".join(tokens[: 2 * count - 1])
        key = re.sub(r"[\s-]+", " ", phrase.lower()).rstrip(".")
        unit = surfaces.get(key) or surfaces.get(key.replace(" ", "-"))
        if unit is not None:
            stop = (
                end + words.start(1) + len(phrase.rstrip(".") if key != phrase.lower() else phrase)
            )
            return UnitMatch(end + words.start(1), stop, unit)
    return None


def read_before(text: str, start: int) -> UnitMatch | None:
    """A currency sign or code written right before a number starting at ``start``: "$", "US$", "€"."""
    window = text[max(0, start - 6) : start]
    found = CURRENCY_BEFORE_RE.search(window)
    if found is None:
        return None
    sign = re.sub(r"\s", "", found.group(0)).rstrip(".")
    if sign[:1].isalpha() and found.start() > 0 and window[found.start() - 1].isalnum():
        return None  # the tail of a word ("EURUSD5"), not a currency code
    surfaces, symbols = lexicon()
    unit = symbols.get(sign) or surfaces.get(sign.lower())
    if unit is None and sign in ("$US", "US$"):
        unit = symbols.get("US$")
    if unit is None:
        return None
    return UnitMatch(start - (len(window) - found.start()), start, unit)


def to_base(value: float | None, unit: Unit) -> float | None:
    """``value`` in ``unit`` converted to the dimension's base unit; unchanged when none applies."""
    if value is None:
        return None
    if unit.name in TEMPERATURE:
        scale, offset = TEMPERATURE[unit.name]
        if unit.name == "degree fahrenheit":
            return (value - 32) * scale + 273.15
        return value * scale + offset
    _, factor = BASE.get(unit.name, ("", 1.0))
    return value * factor
