"""Lexical evidence that two claims are about the same thing: referent, sentence and nearby words.

Pure functions over plain strings, so alignment can be tested with hand-built claims.
Two outlets rewrite each other ("soldiers" / "service members", "bodies" / "remains"),
so words are reduced to a crude lemma and a small table of everyday synonyms first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from factcheck.model import Claim

STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being has
    have had do does did it its it's this that these those he she they them their his her him we
    our you your i me my not no nor so than then there here which who whom whose what when where
    why how all any both each few more most other some such only own same too very can will just
    should now also into over under about after before between through during out up down off
    again further once said says say told according would could may might must shall per while
    since until around across against among upon within without just well still even""".split()  # noqa: SIM905
)

# Everyday rewrites between outlets. Generic on purpose: each line is a family of words news
# writers swap for one another, keyed to one canonical member.
_SYNONYM_FAMILIES = (
    ("soldier", "service member", "servicemember", "serviceman", "servicemen", "troop", "trooper"),
    ("body", "remains", "corpse"),
    ("dead", "death", "fatality", "killed", "kill", "die", "died"),
    ("injured", "wounded", "hurt", "injury", "wound", "injure"),
    ("people", "person", "individual", "resident"),
    ("child", "children", "kid", "minor"),
    ("talks", "talk", "negotiation", "meeting", "session"),
    ("firefighter", "fireman", "firemen", "fire crew"),
    ("fire engine", "fire appliance", "fire truck", "engine", "appliance", "pump"),
    ("police officer", "officer", "cop", "policeman", "policemen"),
    ("car", "vehicle", "automobile"),
    ("price", "cost", "priced", "costs"),
    ("prisoner", "detainee", "captive", "pow"),
    ("exchange", "swap", "trade"),
    ("region", "province", "territory"),
    ("memorandum", "memoranda", "memorandums"),
    ("election", "vote", "poll", "ballot"),
    ("year", "yr"),
    ("old", "aged", "age"),
    ("additional", "further", "extra"),
    ("observer", "monitor", "inspector"),
    ("return", "returned", "returning", "moved back", "move back", "came back", "come back"),
)
# Number words state values, not referents: the key "third round talk" must still match
# "fourth round talk" when one outlet changed the ordinal.
NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred thousand million billion trillion dozen half quarter first second third
    fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth
    fiftieth hundredth thousandth millionth""".split()  # noqa: SIM905
)
_PHRASES: dict[str, str] = {}
_WORDS: dict[str, str] = {}
for _family in _SYNONYM_FAMILIES:
    for _member in _family:
        (_PHRASES if " " in _member else _WORDS)[_member] = _family[0].replace(" ", "_")

# Words, and number-word compounds that name a thing rather than state a value: "13-inch"
# (the 13-inch model vs the 15-inch one), "2.7ghz". Bare numbers are left out: they are values.
_TOKEN = re.compile(r"\d+(?:\.\d+)?-?[A-Za-z]+\b|\d+(?:\.\d+)?\"|[A-Za-z][A-Za-z'’\-]*|\d[\d,.:]*")
_INCHES = re.compile(r"^(\d+(?:\.\d+)?)(?:\"|-?inch(?:es)?)$")
# British and American spellings of one word: "organisation"/"organization", "co-operation".
_SPELLINGS = (
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise$"), "ize"),
    (re.compile(r"our$"), "or"),
    (re.compile(r"tre$"), "ter"),
)
# Clause boundaries: the nearby words of "78" in "6,000 bodies of Ukrainian soldiers and
# receiving 78 bodies of Russian soldiers" should not reach back to "Ukrainian".
_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\b(?:and|while|but|whereas|with|after|before)\b", re.I)
FUZZY_TOKEN_RATIO = 85


def lemma(word: str) -> str:
    """A crude lemma good enough for matching: lower case, plural -s stripped."""
    w = word.lower().strip("'’-")
    if w.endswith("’s") or w.endswith("'s"):
        w = w[:-2]
    if w[:1].isdigit():
        inches = _INCHES.match(w)
        return f"{inches.group(1)}-inch" if inches else w
    if w.startswith("co-") or w.startswith("re-"):
        w = w.replace("-", "", 1)
    for pattern, replacement in _SPELLINGS:
        w = pattern.sub(replacement, w)
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def canonical_tokens(text: str) -> tuple[str, ...]:
    """Content words of ``text`` as canonical lemmas: "service members" → ("soldier",)."""
    lowered = " " + text.lower() + " "
    for phrase, canon in _PHRASES.items():
        if phrase in lowered:
            lowered = re.sub(rf"\b{re.escape(phrase)}s?\b", canon, lowered)
    tokens = []
    for raw in _TOKEN.findall(lowered):
        if raw[0].isdigit() and not re.search(r"[a-z\"]", raw):
            continue
        word = raw if "_" in raw else lemma(raw)
        word = _family_of(word) or _family_of(raw) or word
        if word and word not in STOPWORDS and word not in NUMBER_WORDS and len(word) > 1:
            tokens.append(word)
    return tuple(tokens)


def _canonical_word(word: str) -> str:
    w = lemma(word)
    return _family_of(w) or w


_VERB_ENDINGS = re.compile(r"(?:ing|ed)$")


def _family_of(word: str) -> str:
    """The synonym family of a word or of its verb stem: "wounding" and "killing" take the
    family of "wound" and "kill", so "wounding two others" meets "1 wounded"; "" when none."""
    found = _WORDS.get(word)
    if found is None and len(word) > 5:
        stem = _VERB_ENDINGS.sub("", word)
        found = _WORDS.get(stem) or _WORDS.get(stem + "e") or _WORDS.get(stem[:-1])
    return found or ""


def window_tokens(claim: Claim, width: int = 5) -> tuple[str, ...]:
    """Content words next to the claim in its sentence, stopping at clause boundaries."""
    start = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    if not (0 <= start <= end <= len(claim.sentence)):
        return ()
    left = _BOUNDARY.split(claim.sentence[:start])[-1] if claim.sentence[:start] else ""
    right_parts = _BOUNDARY.split(claim.sentence[end:])
    right = right_parts[0] if right_parts else ""
    return canonical_tokens(left)[-width:] + canonical_tokens(right)[:width]


def context_tokens(claim: Claim) -> frozenset[str]:
    """The sentence's content lemmas: the extractor's when it gave them, else our own."""
    if claim.context:
        return frozenset(_canonical_word(w) for w in claim.context if w.lower() not in STOPWORDS)
    return frozenset(canonical_tokens(claim.sentence))


def idf_table(sentences: Iterable[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency over the sentences of one check: rare words weigh more."""
    sentence_sets = list(sentences)
    counts: Counter[str] = Counter()
    for words in sentence_sets:
        counts.update(words)
    total = max(len(sentence_sets), 1)
    return {w: math.log(1 + total / n) for w, n in counts.items()}


def weighted_jaccard(a: Iterable[str], b: Iterable[str], idf: dict[str, float]) -> float:
    """Shared weight over total weight, each word weighted by its rarity in this check."""
    x, y = set(a), set(b)
    union = x | y
    if not union:
        return 0.0
    default = max(idf.values(), default=1.0)
    total = sum(idf.get(w, default) for w in union)
    return sum(idf.get(w, default) for w in x & y) / total if total else 0.0


def fuzzy_jaccard(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Jaccard on token sets, counting near-identical spellings as one ("memoranda"/"memorandum")."""
    x, y = set(a), set(b)
    if not x or not y:
        return 0.0
    shared = len(x & y)
    rest_y = y - x
    for word in x - y:
        match = next((v for v in rest_y if fuzz.ratio(word, v) >= FUZZY_TOKEN_RATIO), None)
        if match is not None:
            shared += 1
            rest_y.discard(match)
    return shared / (len(x) + len(y) - shared)


@dataclass(frozen=True, slots=True)
class Profile:
    """The words alignment weighs for one claim, computed once."""

    key: tuple[str, ...]
    head: str
    context: frozenset[str]
    window: tuple[str, ...]
    years: frozenset[str] = frozenset()
    """Years the sentence names beside the claim: "since 2007, when a quake killed 519"."""


def profile(claim: Claim) -> Profile:
    key_source = claim.referent.key or claim.referent.text
    head = _canonical_word(claim.referent.head) if claim.referent.head else ""
    return Profile(
        key=canonical_tokens(key_source),
        head=head,
        context=context_tokens(claim),
        window=window_tokens(claim),
        years=sentence_years(claim),
    )


# A year after a word that dates ("in 2007", "since 2007", "the 2007 quake", "March 2020"), not
# any four digits: "killing 1900 people" names no year.
_YEAR = re.compile(
    r"\b(?:in|since|of|from|until|till|by|before|after|during|the|early|late|mid|spring|summer|"
    r"autumn|fall|winter|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s-]+"
    r"((?:1[89]|20)\d\d)(?![\d.,:/]\d)",
    re.I,
)


def sentence_years(claim: Claim) -> frozenset[str]:
    """The years named in the claim's sentence outside the claim itself."""
    start = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    text = claim.sentence
    if 0 <= start <= end <= len(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return frozenset(_YEAR.findall(text))


@dataclass(frozen=True, slots=True)
class Rarity:
    """How rare each word is in this check: shared rare words are strong evidence, common ones
    weak ("colts" in the key of every second claim of a match report says little)."""

    context: dict[str, float]
    key: dict[str, float]


def rarity(profiles: Iterable[Profile]) -> Rarity:
    chosen = list(profiles)
    return Rarity(
        context=idf_table(p.context for p in chosen),
        key=idf_table(frozenset((*p.key, p.head)) - {""} for p in chosen),
    )


# Weights of the evidence. The referent carries most; the sentence and the nearby words back
# it up when the extractor found no referent (a bare "78" in "78 of their own").
KEY_WEIGHT = 0.35
HEAD_WEIGHT = 0.15
CONTEXT_WEIGHT = 0.25
WINDOW_WEIGHT = 0.25
PARAPHRASE_WEIGHT = 1.2
MIN_PARAPHRASE_WORDS = 3
YEAR_BONUS = 0.1
YEAR_PENALTY = 0.15
ONE_YEAR_PENALTY = 0.1


@dataclass(frozen=True, slots=True)
class Evidence:
    """The evidence that two claims are about one thing, by source, each from 0 to 1."""

    referent: float
    sentence: float
    """The better of the sentence overlap and the overlap of the words near the numbers."""
    total: float


def evidence(a: Profile, b: Profile, weights: Rarity) -> Evidence:
    """How strongly the words say that two claims are about one thing."""
    key = weighted_jaccard(a.key, b.key, weights.key) if a.key and b.key else 0.0
    head = 0.0
    if a.head and a.head == b.head:
        head = weights.key.get(a.head, 0.0) / max(weights.key.values(), default=1.0)
    referent = KEY_WEIGHT * key + HEAD_WEIGHT * head
    context = weighted_jaccard(a.context, b.context, weights.context)
    window = weighted_jaccard(a.window, b.window, weights.context)
    total = referent + CONTEXT_WEIGHT * context + WINDOW_WEIGHT * window
    # A close paraphrase names the same fact even when the referents were read differently
    # ("sent eight experts to monitor the poll" / "sent only three observers to monitor the vote").
    # One shared word ("built" next to "1935" and next to "1930s") is too thin for that.
    if len(set(a.window) | set(b.window)) >= MIN_PARAPHRASE_WORDS:
        total = max(total, PARAPHRASE_WEIGHT * (context + window) / 2)
    if a.years or b.years:
        # Sentences dated to different years tell of different events ("since 2007, when a
        # quake killed 519 people" is background, not the toll of this week's quake); a year
        # on one side only dates that side's fact away from the news, less surely.
        if a.years & b.years:
            total += YEAR_BONUS
        else:
            total -= YEAR_PENALTY if a.years and b.years else ONE_YEAR_PENALTY
    # The sentence support leaves out the referent's own words: "46 people had been arrested"
    # and "one person had been attacked" share "people", and nothing else near the number.
    shared_key = set(a.key) | set(b.key) | {a.head, b.head}
    nearby = weighted_jaccard(
        [w for w in a.window if w not in shared_key],
        [w for w in b.window if w not in shared_key],
        weights.context,
    )
    return Evidence(referent, max(context, nearby), total)
