"""Finding and reading number surfaces in English text: pure functions, no model.

``find_numbers`` scans text for the number expressions a news claim can rest on
(digits, scale words, number words, fractions, ordinals), then widens each one with
the bound or approximator in front of it and joins ranges ("between 5 and 10",
"5-10"), returning plain ``NumberMatch`` records. Units are read by ``factcheck.units``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.model import Bound

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "k": 1e3,
}  # fmt: skip
# "m" and "b" are million/billion only after a currency ("$3m", "£2b"): "25m" alone is metres.
MONEY_SCALES = {"m": 1e6, "b": 1e9}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# Denominator words for "two-thirds", "three quarters", "a fifth of".
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "eighth": 8, "eighths": 8, "tenth": 10,
    "tenths": 10,
}  # fmt: skip
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅕": 0.2}

_WORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion"
_ORD_WORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_DEN = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"

# "half", "a quarter", "three-quarters": a fraction word that can take "of a <unit>" after it.
_FRAC_WORDS = rf"(?:half|(?:{_WORD}|an?)[\s-](?:{_DEN}))"

# One alternative per surface shape; the group name says which reader applies.
NUMBER_RE = re.compile(
    rf"""
    (?P<mixedword>\b(?:(?:{_WORD})(?:[\s-](?:{_WORD}))?|(?<![\w.,])\d+)\s+and\s+(?:{_WORD}|an?)[\s-](?:{_DEN})\b
                  (?:\s+(?:{_SCALE})\b)?)
  | (?P<unitfrac>\b{_FRAC_WORDS}\b(?=\s+(?:of\s+)?an?\s+(?!(?:{_SCALE}|dozen)\b)[a-z]))
  | (?P<mixed>\b\d+\s+\d/\d{{1,2}}\b)
  | (?P<fraction>(?<![\d/])\d{{1,2}}/\d{{1,2}}(?![\d/]))
  | (?P<vulgar>(?<![\d,.])(?:\d+[^\S\n]?)?[½¼¾⅓⅔⅛⅕])  # "7½", "7 ½ minutes"
  | (?P<wordfrac>\b(?:(?:{_WORD}|an?)[\s-])(?:{_DEN})\b)
  | (?P<ordinal>\b\d+(?:st|nd|rd|th)\b|\b(?:(?:{"|".join(TENS)})-)?(?:{_ORD_WORD})\b)
  | (?P<digits>(?<![\w./:,])(?:{_DIGITS})(?![:/]\d|\d)
                  (?:\s?(?:{_SCALE})s?\b|(?:mln|mn|bn|bln|tn|trn|k|m|b)\b)?)
  | (?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)
                 |dozens|hundreds|thousands|millions|billions)\b(?=\s+of\b|\s+(?!of\b)[a-z]))
  | (?P<words>\b(?:(?:an?|half\s+an?)\s+(?:{_SCALE}|dozen)\b
                 |(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}|{_SCALE}|dozen))*\b
                 |dozens\b|hundreds\b|thousands\b|millions\b|billions\b))
  | (?P<article>\ban?\b(?=\s+[a-z]+(?:\s+[a-z]+)?\s+and\s+(?:an?|one|two|three)[\s-](?:{_DEN})\b))
    """,
    re.VERBOSE | re.IGNORECASE,
)

_BOUND_PATTERNS: tuple[tuple[Bound, str], ...] = (
    (Bound.AT_LEAST, r"at least|no fewer than|no less than|not less than|a minimum of|minimum of"),
    (Bound.AT_MOST, r"at most|no more than|not more than|a maximum of|maximum of"),
    (Bound.UP_TO, r"up to|as many as|as much as|as high as|upwards? of"),
    (Bound.MORE_THAN, r"more than|over|above|in excess of|exceeding|greater than|just over|just above"),
    (Bound.FEWER_THAN, r"fewer than|less than|under|below|just under|just below|short of"),
    (Bound.APPROXIMATELY, r"about|around|approximately|approx\.?|roughly|some|an estimated|estimated|close to|circa|nearly|almost|~|c\."),  # noqa: E501
)  # fmt: skip
BOUND_RE = tuple(
    (bound, re.compile(rf"(?:^|(?<=[\s(]))(?P<phrase>{words})\s*(?:\$|US\$|€|£)?\s*$", re.I))
    for bound, words in _BOUND_PATTERNS
)
# "nearly"/"almost" promise a value below the stated one: [v*(1-tol), v].
BELOW_APPROXIMATORS = frozenset({"nearly", "almost"})
TREND_WORD = re.compile(r"\b(?:rose|rise[sn]?|up|fell|fall(?:s|en)?|down|gained|lost|dropped|climbed|jumped|slid|"
                        r"declined|increased|decreased|added|shed)(?:\s+by)?\s*$", re.I)  # fmt: skip
# "a 100-RBI season", "his fifth 30-homer, 100-RBI season": a milestone reached, so at least
# that many (the season's own total may be 121). "a 16-game season" is the season's length.
SEASON_THRESHOLD = re.compile(
    r"-(?!(?:games?|matche?s?|weeks?|days?|months?|races?|rounds?)\b)[A-Za-z]+"
    r"(?:,\s*\d[\d,]*-[A-Za-z]+)*\s+(?:seasons?|campaigns?)\b",
    re.I,
)
RANGE_JOINERS = re.compile(r"\s*(?:-|–|—|to|and)\s*$", re.I)
SIGNED = re.compile(r"(?:^|(?<=[\s$€£(]))[-−]$")
GLUED_WORD = re.compile(r"\b([A-Za-z]+)-$")
NUMBER_PREFIXES = frozenset(
    {"sub", "minus", "mid", "under", "over", "near", "pre", "post", "low", "high", "upper", "lower"}
)
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16})
MAX_DIGITS = 18  # longer digit runs are identifiers, not quantities ("only digits" input)
ATTACHED_CODE = re.compile(r"(?<![A-Za-z])(?:[A-Z]{3}|RM|Rs|US|HK|NZ)(?=\$?\d)")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number expression found in text, before units are read."""

    start: int
    end: int
    value: float | None
    lo: float | None = None
    hi: float | None = None
    bound: Bound = Bound.EXACT
    shape: str = "digits"
    """Which surface shape matched: digits, words, fraction, ordinal, range, score."""
    value_start: int = -1
    """Where the number itself starts (after a bound phrase); -1 means ``start``."""
    value_end: int = -1
    bound_phrase: str = ""
    scaled: bool = False
    """True when a scale word multiplied the value ("1.2 million")."""
    suffix: str = ""
    """A scale suffix kept aside for the caller to confirm ("m" in "£3m")."""
    unit_from: int = -1
    """Where the unit of a fraction of one unit is read: after the "a" of "half a mile",
    "a quarter of a mile"; -1 means right after the number."""

    @property
    def core_start(self) -> int:
        return self.start if self.value_start < 0 else self.value_start

    @property
    def core_end(self) -> int:
        return self.end if self.value_end < 0 else self.value_end


def parse_digits(surface: str) -> float | None:
    """'6,000' → 6000.0; '1.2' → 1.2; None when too long to be a quantity."""
    clean = surface.replace(",", "")
    if len(clean.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        return float(clean)
    except ValueError:
        return None


VAGUE_SCALES = {
    "dozens": 12.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}


def vague_range(surface: str) -> tuple[float, float]:
    """The interval a vague plural states: one to ten of its scale ("hundreds" 100-1,000,
    "tens of thousands" 10,000-100,000), one to twelve for "dozens" (12-144).

    A RANGE rather than "at least": past its top the writer would have used the next scale
    word, so "hundreds of homes" against "5,000 homes" is a conflict, while against "150" it
    agrees (the plural logically means 200 or more, but outlets write "hundreds" of 150).
    """
    words = surface.lower().split()
    unit = VAGUE_SCALES[words[-1]]
    if len(words) == 3:
        unit *= 10.0 if words[0] == "tens" else 100.0
    return unit, unit * (12.0 if words[-1] == "dozens" else 10.0)


def parse_words(surface: str) -> float | None:
    """'twenty-one' → 21; 'two hundred and five' → 205; 'a dozen' → 12; 'half a million' → 5e5."""
    words = [w for w in re.split(r"[\s-]+", surface.lower()) if w and w != "and"]
    if not words:
        return None
    factor = 1.0
    if words[0] == "half":
        factor, words = 0.5, words[1:]
    if words and words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    if words in (["dozens"], ["hundreds"], ["thousands"], ["millions"], ["billions"]):
        return None  # vague plurals state no number
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return (total + current) * factor if seen else None


def parse_ordinal(surface: str) -> int | None:
    """'third' → 3; '21st' → 21; 'twenty-first' → 21."""
    low = surface.lower()
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", low)
    if digits:
        return int(digits.group(1)) if len(digits.group(1)) <= 6 else None
    parts = low.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(low)


def parse_fraction(surface: str, shape: str) -> float | None:
    """'2 1/2' → 2.5; '1/2' → 0.5; '½' → 0.5; 'two-thirds' → 0.667; 'a third' → 0.333."""
    if shape == "vulgar":
        whole = surface[:-1].strip()
        return (float(whole) if whole else 0.0) + VULGAR[surface[-1]]
    if shape in ("mixed", "fraction"):
        parts = surface.split()
        num, den = (int(x) for x in parts[-1].split("/"))
        # "9/11", "24/7" and dates are not fractions: only the denominators news writes
        if den not in FRACTION_DENOMINATORS or num >= den:
            return None
        return (float(parts[0]) if len(parts) > 1 else 0.0) + num / den
    if surface.lower() == "half":
        return 0.5
    numerator, denominator = re.split(r"[\s-]", surface.lower(), maxsplit=1)
    top = 1 if numerator in ("a", "an") else SMALL.get(numerator) or TENS.get(numerator)
    return top / DENOMINATORS[denominator] if top else None


def _read(match: re.Match[str]) -> NumberMatch | None:
    shape = match.lastgroup or "digits"
    surface = match.group(0)
    start, end = match.span()
    if shape == "digits":
        glued = GLUED_WORD.search(match.string, max(0, start - 12), start)
        if glued is None:
            number = _read_digits(surface, start, end)
            if number is not None and SIGNED.search(match.string, max(0, start - 2), start):
                # "$-50.8bn", "fell to -3": a minus sign after a currency, a space or a bracket
                return replace(number, start=start - 1, value=-(number.value or 0.0))
            return number
        # "TA-35", "COVID-19", "F-16" are names; "sub-7", "minus-5" are numbers
        prefix = glued.group(1).lower()
        if prefix not in NUMBER_PREFIXES:
            return None
        number = _read_digits(surface, start, end)
        if number is None or prefix != "minus":
            return number
        return replace(number, start=glued.start(), value=-(number.value or 0.0))
    if shape == "words":
        words_value = parse_words(surface)
        if words_value is None:
            return None
        scaled = bool(re.search(_SCALE, surface, re.I))
        return NumberMatch(start, end, words_value, shape="words", scaled=scaled)
    if shape == "mixedword":
        # "two and a half years", "one and three-quarters": a whole number and a fraction word
        whole, rest = re.split(r"\s+and\s+", surface, maxsplit=1, flags=re.I)
        frac = re.match(rf"((?:{_WORD}|an?)[\s-](?:{_DEN}))", rest, re.I)
        whole_value = parse_digits(whole) if whole[0].isdigit() else parse_words(whole)
        part = parse_fraction(frac.group(1), "wordfrac") if frac else None
        if whole_value is None or part is None:
            return None
        scale = re.search(rf"(?:{_SCALE})$", surface, re.I)
        factor = SCALES[scale.group(0).lower()] if scale else 1.0
        return NumberMatch(start, end, (whole_value + part) * factor, scaled=scale is not None,
                           shape="words")  # fmt: skip
    if shape == "unitfrac":
        # "half a mile", "a quarter of a mile": the unit is read after the article
        article = re.compile(r"\s+(?:of\s+)?an?\b", re.I).match(match.string, end)
        part = parse_fraction(surface, "wordfrac")
        if article is None or part is None:
            return None
        return NumberMatch(start, end, part, shape="fraction", unit_from=article.end())
    if shape == "article":
        # "a mile and a half": the article is one only before a unit and its fraction
        return NumberMatch(start, end, 1.0, shape="article")
    if shape == "vague":
        low, high = vague_range(surface)
        return NumberMatch(start, end, None, low, high, Bound.RANGE, shape="words", scaled=True)
    if shape == "ordinal":
        ordinal = parse_ordinal(surface)
        if surface.lower() == "second" and _PER_UNIT.search(
            match.string, max(0, start - 12), start
        ):
            return None  # "343 metres per second", "in a split second": time, not 2nd
        return None if ordinal is None else NumberMatch(start, end, float(ordinal), shape="ordinal")
    fraction = parse_fraction(surface, shape)
    return None if fraction is None else NumberMatch(start, end, fraction, shape="fraction")


_PER_UNIT = re.compile(r"(?i:\b(?:per|every|each|split)\s+)$")


def _read_digits(surface: str, start: int, end: int) -> NumberMatch | None:
    number = re.match(_DIGITS, surface)
    if number is None:
        return None
    value = parse_digits(number.group(0))
    if value is None:
        return None
    raw_rest = surface[number.end() :].strip()
    rest = raw_rest.lower()
    if not rest:
        return NumberMatch(start, end, value)
    if raw_rest == "M" or (rest == "m" and "." in number.group(0)):
        # "4.3M sales", "2.7m viewers": a decimal before "m" is millions; "100m" stays metres
        return NumberMatch(start, end, value * 1e6, scaled=True)
    if rest in MONEY_SCALES:
        # kept aside: only a currency in front makes "3m" three million
        return NumberMatch(start, start + number.end(), value, suffix=rest)
    scale = SCALES.get(rest.rstrip("s")) or SCALES.get(rest)
    if scale is None:
        return NumberMatch(start, start + number.end(), value)
    return NumberMatch(start, end, value * scale, scaled=True)


def _with_bound(text: str, number: NumberMatch) -> NumberMatch:
    before = text[max(0, number.start - 30) : number.start]
    for bound, pattern in BOUND_RE:
        found = pattern.search(before)
        if found:
            phrase = found.group("phrase")
            return replace(
                number,
                start=number.start - (len(before) - found.start("phrase")),
                value_start=number.start,
                value_end=number.end,
                bound=bound,
                bound_phrase=phrase.lower(),
            )
    if SEASON_THRESHOLD.match(text, number.end):
        return replace(number, bound=Bound.AT_LEAST, value_start=number.start, value_end=number.end)
    return number


def _join_range(text: str, first: NumberMatch, second: NumberMatch) -> NumberMatch | None:
    """'5-10', '5 to 10', 'between 5 and 10', 'from 5 to 10' → one RANGE; '20-13' → SCORE."""
    gap = text[first.end : second.start]
    if first.shape != second.shape or first.value is None or second.value is None:
        return None
    if first.shape not in ("digits", "words") or not RANGE_JOINERS.fullmatch(gap):
        return None
    joiner = gap.strip().lower()
    if joiner == "to" and TREND_WORD.search(text[max(0, first.start - 20) : first.start]):
        return None  # "rose 18 to 25": a change, then the level reached
    window = text[max(0, first.start - 9) : first.start]
    lead = re.search(r"(?:^|(?<=\s))(between|from)\s+$", window, re.I)
    if joiner == "and" and not (lead and lead.group(1).lower() == "between"):
        return None
    start = first.start - (len(window) - lead.start(1)) if lead else first.start
    lo, hi = first.value, second.value
    if second.scaled and not first.scaled and lo < hi / 1000:
        # "2 to 3 million": the scale word covers both ends
        lo = lo * (hi / _unscaled(text, second))
    if lo > hi or (lo == hi and joiner in ("-", "–")):
        # "20-13" and "12-12" (a tie) are results: a range never ends where it starts
        if joiner in ("-", "–") and first.shape == "digits" and not lead:
            return NumberMatch(first.start, second.end, None, shape="score")
        return None
    return NumberMatch(start, second.end, None, lo=lo, hi=hi, bound=Bound.RANGE, shape="range",
                       value_start=first.start, value_end=second.end, scaled=second.scaled)  # fmt: skip


def _unscaled(text: str, number: NumberMatch) -> float:
    found = re.match(_DIGITS, text[number.start : number.end])
    if found:
        return parse_digits(found.group(0)) or 1.0
    return parse_words(text[number.start : number.end].split()[0]) or 1.0


def find_numbers(original: str) -> tuple[NumberMatch, ...]:
    """Every number expression in ``text``, bounds and ranges folded in, in text order."""
    # "USD10m", "RM23.50": a currency code glued to the digits is blanked (same length, so
    # offsets hold) for the number pattern, which otherwise skips digits after letters
    text = ATTACHED_CODE.sub(lambda m: " " * len(m.group(0)), original)
    raw = [n for n in (_read(m) for m in NUMBER_RE.finditer(text)) if n is not None]
    joined: list[NumberMatch] = []
    index = 0
    while index < len(raw):
        current = raw[index]
        if index + 1 < len(raw):
            ranged = _join_range(text, current, raw[index + 1])
            if ranged is not None:
                joined.append(ranged)
                index += 2
                continue
        joined.append(current if current.shape == "ordinal" else _with_bound(text, current))
        index += 1
    return tuple(joined)
