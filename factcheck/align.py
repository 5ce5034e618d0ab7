"""Alignment: which claims of different sources are about the same thing.

1. Inside each source, repeated mentions of one fact (a headline and the body, "64 kilometres
   (40 miles)", "7 pm Moscow time (11 pm Vietnam time)") collapse into one ``Cluster``.
2. For every pair of sources, a score matrix over their clusters (kind gate, then the words:
   referent, sentence, nearby words; equal values as weak extra evidence) goes through an
   optimal one-to-one assignment with a minimum score.
3. With three or more sources, the accepted pairs merge into groups, strongest first, so that
   no group holds two clusters of one source.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.optimize import linear_sum_assignment

from factcheck.compare import Verdict, compare, is_comparable, is_same_value, value_ratio
from factcheck.model import Claim, Kind
from factcheck.options import Options
from factcheck.similarity import (
    HEAD_WEIGHT,
    KEY_WEIGHT,
    Profile,
    Rarity,
    evidence,
    fuzzy_jaccard,
    profile,
    rarity,
)

# A pair whose values agree needs this much evidence (value bonus included) to be one fact.
AGREE_THRESHOLD = 0.22
# A pair whose values conflict needs this much evidence from the words alone: two outlets
# mostly agree, so a conflict is the less likely reading and a false one costs trust.
CONFLICT_THRESHOLD = 0.30
# Equal values about similar referents are likely the same fact (weak evidence, never
# enough alone: it is added only when the values agree).
EQUAL_BONUS = 0.30
# A conflict needs its sentences (or the words around its numbers) to overlap this much,
# not just a shared referent word: "shot seven times" vs "arrested four times" share "time".
MIN_SENTENCE_OVERLAP = 0.15
# ... except for a headline's claim whose referent matches this well: the whole key, and a
# head at least half as rare as the rarest referent word of the check.
STRONG_REFERENT = KEY_WEIGHT + HEAD_WEIGHT / 2
# Values this close ("2,129" vs "2,029", "8-1" vs "9-1") are the typical shape of one fact
# reported wrongly; such a pair needs only the referent, not overlapping sentences.
NEAR_MISS_RATIO = 1.12
# ... and the near miss itself says which rival it is about, so it needs a smaller lead over
# rivals: "8-1" vs "9-1" beside the same team's "3-0" and "10-5".
NEAR_MISS_MARGIN = 1.1
# ... and when their sentences overlap this much, this much evidence is enough.
PARALLEL_SENTENCE = 0.3
NEAR_MISS_THRESHOLD = 0.15
# Evidence added to a pair whose two sentences already hold an agreeing pair.
ANCHOR_BONUS = 0.2
# ... and this much more when each claim stands in one list with its half of that pair.
LIST_ANCHOR_BONUS = 0.1
# The share of the value bonus that counts when the assignment chooses between pairs.
ASSIGNMENT_SHARE = 0.3
# A conflict between values ten or more times apart needs this much more evidence.
RATIO_PENALTY = 0.2
# ... and its evidence must beat every rival pairing of either claim by this factor.
RIVAL_MARGIN = 1.25
COMPATIBLE_BONUS = 0.05
# Kinds whose repeated equal values in one text are one fact whatever the referent says:
# "tonight, July 23" and "today, July 23" name one day.
_VALUE_ONLY_KINDS = frozenset({Kind.DATE, Kind.TIME, Kind.YEAR})
_PAREN_GAP = re.compile(r"\s*[(\[/]\s*")
_COMMA_GAP = re.compile(r"\s*,?\s*")


@dataclass(frozen=True, slots=True)
class Cluster:
    """One fact as one source states it: the representative claim first, then repeats."""

    source: int
    claims: tuple[Claim, ...]

    @property
    def primary(self) -> Claim:
        return self.claims[0]


@dataclass(frozen=True, slots=True)
class Pair:
    """An accepted match between two clusters, with its score."""

    left: Cluster
    right: Cluster
    score: float


def is_restatement(first: Claim, second: Claim, text_between: str) -> bool:
    """``second`` restates ``first`` right after it: "7 pm Moscow time (11 pm Vietnam time)"."""
    if not is_comparable(first, second):
        return False
    if first.kind is Kind.TIME:
        # A parenthetical clock time names the same moment in another zone, whatever its value
        # (a mismatch is an internal conflict, reported by the consistency check).
        return _PAREN_GAP.fullmatch(text_between) is not None
    if first.kind is Kind.DATE and Kind.DATE is second.kind:
        # "Tuesday, July 23": a weekday and its date.
        return _COMMA_GAP.fullmatch(text_between) is not None
    if _PAREN_GAP.fullmatch(text_between) is None:
        return False
    return compare(first, second).verdict is Verdict.AGREE


def _is_repeat(a: Claim, b: Claim, pa: Profile, pb: Profile) -> bool:
    if not is_comparable(a, b) or a.kind != b.kind or not is_same_value(a, b):
        return False
    if a.kind in _VALUE_ONLY_KINDS:
        return True
    return (bool(pa.head) and pa.head == pb.head) or fuzzy_jaccard(pa.key, pb.key) >= 0.5


def collapse(source: int, claims: Sequence[Claim]) -> tuple[Cluster, ...]:
    """Group a source's repeated mentions of one fact into clusters, in text order."""
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    profiles = [profile(c) for c in ordered]
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(ordered)), 2):
        a, b = ordered[i], ordered[j]
        between = _text_between(a, b)
        if (between is not None and is_restatement(a, b, between)) or _is_repeat(
            a, b, profiles[i], profiles[j]
        ):
            parent[find(j)] = find(i)
    for i, j in _headline_echoes(ordered):
        parent[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in range(len(ordered)):
        members.setdefault(find(i), []).append(i)
    clusters = []
    for indices in members.values():
        # The representative is the mention with the fullest referent (the body, not the headline).
        best = max(indices, key=lambda i: (len(profiles[i].key), -i))
        rest = [ordered[i] for i in indices if i != best]
        clusters.append(Cluster(source, (ordered[best], *rest)))
    return tuple(sorted(clusters, key=lambda c: min(x.start for x in c.claims)))


# A headline's count this large that the body gives once is that body figure, however the
# two phrase it ("3500 job cuts" / "shed 3,500 positions"); small counts recur too often.
MIN_ECHO_COUNT = 10


def _headline_echoes(ordered: Sequence[Claim]) -> list[tuple[int, int]]:
    """(headline claim, body claim) index pairs where the body states the headline's value once."""
    echoes = []
    for i, head in enumerate(ordered):
        if not head.headline or head.quantity.value is None:
            continue
        if head.kind is Kind.COUNT and abs(head.quantity.value) < MIN_ECHO_COUNT:
            continue
        same = [
            j
            for j, body in enumerate(ordered)
            if not body.headline
            and body.kind is head.kind
            and is_comparable(head, body)
            and is_same_value(head, body)
        ]
        if len(same) == 1:
            echoes.append((i, same[0]))
    return echoes


def _text_between(a: Claim, b: Claim) -> str | None:
    """The sentence text between two claims of one sentence, or None when they are apart."""
    if a.sentence_start != b.sentence_start or a.sentence != b.sentence or b.start < a.end:
        return None
    gap = b.start - a.end
    if gap > 4:
        return None
    offset = a.end - a.sentence_start
    return a.sentence[offset : offset + gap]


@dataclass(frozen=True, slots=True)
class _Candidate:
    """What the words and the values say about two clusters of different sources."""

    evidence: float
    verdict: Verdict
    is_equal: bool = False
    sentence: float = 0.0
    """How much the sentences (or the words around the numbers) overlap."""
    ratio: float = 1.0
    """How many times larger one value is than the other (1 when equal or not numeric)."""
    referent: float = 0.0
    """The referents' part of the evidence, from the same mentions."""
    headline: bool = False
    """True when one of those mentions stands in a headline."""


_NOT_COMPARABLE = _Candidate(0.0, Verdict.UNKNOWN)


def candidate(
    a: Cluster, b: Cluster, profiles: dict[Claim, Profile], weights: Rarity, options: Options
) -> _Candidate:
    """The evidence and value verdict of two clusters: their best-matching mentions."""
    best_evidence = 0.0
    sentence = 0.0
    referent = 0.0
    headline = False
    verdicts: list[Verdict] = []
    is_equal = False
    ratio = 1.0
    for x in a.claims:
        for y in b.claims:
            if not is_comparable(x, y):
                continue
            comparison = compare(x, y, options)
            verdicts.append(comparison.verdict)
            is_equal = is_equal or comparison.is_equal
            ratio = max(ratio, value_ratio(x, y))
            found = evidence(profiles[x], profiles[y], weights)
            if found.total > best_evidence:
                # The support comes from the same pair of mentions as the evidence.
                best_evidence, sentence, referent = found.total, found.sentence, found.referent
                headline = x.headline or y.headline
    if Verdict.AGREE in verdicts:
        return _Candidate(best_evidence, Verdict.AGREE, is_equal, sentence)
    if Verdict.CONFLICT in verdicts:
        return _Candidate(
            best_evidence,
            Verdict.CONFLICT,
            sentence=sentence,
            ratio=ratio,
            referent=referent,
            headline=headline,
        )
    return _NOT_COMPARABLE


def _score_matrix(candidates: list[list[_Candidate]]) -> np.ndarray:
    """Assignment scores: 0 for a pair that must not be made."""
    evidence_matrix = np.array([[_adjusted(c) for c in row] for row in candidates])
    row_rivals = _Rivals(evidence_matrix)
    column_rivals = _Rivals(evidence_matrix.T)
    scores = np.zeros(evidence_matrix.shape)
    for i, row in enumerate(candidates):
        for j, c in enumerate(row):
            if c.verdict is Verdict.AGREE:
                bonus = EQUAL_BONUS if c.is_equal else COMPATIBLE_BONUS
                if c.evidence + bonus >= AGREE_THRESHOLD:
                    # Equal values lower the bar for accepting a pair, but weigh little in
                    # choosing between pairs: when "78" and "6,000" trade places, the referents
                    # must decide, not the values.
                    scores[i, j] = c.evidence + bonus * ASSIGNMENT_SHARE
            elif c.verdict is Verdict.CONFLICT and _is_plausible_conflict(
                c, max(row_rivals.best(i, j), column_rivals.best(j, i))
            ):
                scores[i, j] = c.evidence
    return scores


def _is_plausible_conflict(c: _Candidate, rival: float) -> bool:
    """A conflict pair needs strong words, a plausible disagreement, and no rival of its own.

    - Outlets that disagree on one fact are mostly off by a little ("2,116" vs "2,106", four
      vs six engines); values many times apart (46 arrests vs one person attacked) are more
      often two facts, so they need more evidence.
    - Ratio test: when "fourth quarter" fits "first quarter" hardly better than "third
      quarter", the words do not say which claim it is about, so no conflict is claimed.
    """
    # Only values that have a measured ratio count: dates, clock times and open bounds
    # ("more than 6,000") report 1 and are no near miss.
    near_miss = 1.0 < c.ratio <= NEAR_MISS_RATIO
    threshold = CONFLICT_THRESHOLD
    if near_miss and c.sentence >= PARALLEL_SENTENCE:
        # "a rookie record for a season with 4,051 yards" vs "a rookie record for a season with
        # 4,183 passing yards": the same sentence with a close number, whatever the referents.
        threshold = NEAR_MISS_THRESHOLD
    if _adjusted(c) < threshold:
        return False
    # A headline is telegraphic ("2 Dead, 1 Wounded in Shooting"): it shares few words with any
    # body sentence, so a referent that matches fully stands in for the sentence.
    headline_referent = c.headline and c.referent >= STRONG_REFERENT
    if c.sentence < MIN_SENTENCE_OVERLAP and not near_miss and not headline_referent:
        return False
    margin = NEAR_MISS_MARGIN if near_miss else RIVAL_MARGIN
    return bool(_adjusted(c) >= rival * margin)


def _adjusted(c: _Candidate) -> float:
    """Evidence less the doubt a large disagreement casts: a rival pairing "2,129" with
    "eight points" is a weaker rival than its words alone suggest."""
    if c.verdict is Verdict.CONFLICT:
        return c.evidence - RATIO_PENALTY * min(math.log10(c.ratio), 1.0)
    return c.evidence


class _Rivals:
    """For each row, the strongest other claims it could be about, leaving out claims that have
    a clearly better partner of their own ("second round" matched by "second round").

    Computed once per matrix (the two best eligible columns of each row), so asking for the
    best rival of a pair is constant time.
    """

    def __init__(self, evidence_matrix: np.ndarray) -> None:
        rows, columns = evidence_matrix.shape
        if rows == 0 or columns == 0:
            self._top = np.zeros((rows, 2))
            self._top_column = np.full(rows, -1)
            return
        # The best and second-best value of each column, to know a column's best partner
        # other than a given row.
        order = np.argsort(-evidence_matrix, axis=0)
        first_row = order[0]
        first = evidence_matrix[first_row, np.arange(columns)]
        second = evidence_matrix[order[1], np.arange(columns)] if rows > 1 else np.zeros(columns)
        others = np.where(np.arange(rows)[:, None] == first_row[None, :], second, first)
        eligible = np.where(evidence_matrix * RIVAL_MARGIN >= others, evidence_matrix, 0.0)
        top = np.argsort(-eligible, axis=1)[:, :2]
        self._top_column = top[:, 0]
        self._top = np.take_along_axis(eligible, top, axis=1)
        if columns == 1:
            self._top = np.hstack([self._top, np.zeros((rows, 1))])

    def best(self, row: int, excluded_column: int) -> float:
        """The strongest eligible rival of ``row`` other than ``excluded_column``."""
        if self._top_column[row] == excluded_column:
            return float(self._top[row, 1])
        return float(self._top[row, 0])


def assign(
    left: Sequence[Cluster],
    right: Sequence[Cluster],
    profiles: dict[Claim, Profile],
    weights: Rarity,
    options: Options,
) -> tuple[Pair, ...]:
    """The best one-to-one matching between two sources' clusters (Hungarian algorithm).

    A second round looks again at the clusters the first left alone: with the agreeing pairs
    settled, a conflict only has to beat the rivals still free, and sentences that hold an
    agreeing pair are likely to hold more ("two women, 68 and 48" vs "who were 61 and 48").
    """
    if not left or not right:
        return ()
    candidates = [[candidate(a, b, profiles, weights, options) for b in right] for a in left]
    first = _matches(_score_matrix(candidates))
    agreeing = [
        (left[i], right[j]) for i, j, _ in first if candidates[i][j].verdict is Verdict.AGREE
    ]
    anchors = {
        (x.sentence_start, y.sentence_start)
        for i, j, _ in first
        if candidates[i][j].verdict is Verdict.AGREE
        for x in left[i].claims
        for y in right[j].claims
    }
    free_rows = [i for i in range(len(left)) if i not in {m[0] for m in first}]
    free_columns = [j for j in range(len(right)) if j not in {m[1] for m in first}]
    second: list[tuple[int, int, float]] = []
    if free_rows and free_columns:
        rest = [
            [
                _anchored(candidates[i][j], left[i], right[j], anchors, agreeing)
                for j in free_columns
            ]
            for i in free_rows
        ]
        scores = _score_matrix(rest)
        for i, j, score in _matches(scores):
            if rest[i][j].verdict is Verdict.CONFLICT:
                second.append((free_rows[i], free_columns[j], score))
    return tuple(Pair(left[i], right[j], score) for i, j, score in first + second)


def _matches(scores: np.ndarray) -> list[tuple[int, int, float]]:
    rows, columns = linear_sum_assignment(scores, maximize=True)
    return [
        (int(i), int(j), float(scores[i, j]))
        for i, j in zip(rows, columns, strict=True)
        if scores[i, j] > 0
    ]


def _anchored(
    c: _Candidate,
    a: Cluster,
    b: Cluster,
    anchors: set[tuple[int, int]],
    agreeing: Sequence[tuple[Cluster, Cluster]] = (),
) -> _Candidate:
    if c.verdict is not Verdict.CONFLICT:
        return c
    if any((x.sentence_start, y.sentence_start) in anchors for x in a.claims for y in b.claims):
        bonus = ANCHOR_BONUS
        if any(
            _in_one_list(a.primary, p.primary) and _in_one_list(b.primary, q.primary)
            for p, q in agreeing
        ):
            # Parallel lists: "two women, 68 and 48 years old" vs "who were 61 and 48": the
            # value listed beside an agreeing one is the other half of the same list.
            bonus += LIST_ANCHOR_BONUS
        return dataclasses.replace(c, evidence=c.evidence + bonus)
    return c


_LIST_GAP = re.compile(r"\s*(?:,|;)?\s*(?:and|or|&)?\s*")


def _in_one_list(x: Claim, y: Claim) -> bool:
    """Two claims of one kind side by side in one list: "68 and 48", "$999, $1,199"."""
    if x.kind != y.kind or x.sentence_start != y.sentence_start or x.sentence != y.sentence:
        return False
    first, second = sorted((x, y), key=lambda c: c.start)
    if second.start < first.end:
        return False
    gap = x.sentence[first.end - x.sentence_start : second.start - x.sentence_start]
    return _LIST_GAP.fullmatch(gap) is not None


def align(
    claims_per_source: Sequence[Sequence[Claim]], options: Options = Options()
) -> tuple[tuple[Cluster, ...], ...]:
    """Group the claims of all sources: each group holds at most one cluster per source.

    Groups of one cluster are the claims no other source matched.
    """
    clusters = [
        collapse(source, [c for c in claims if c.kind not in options.ignore_kinds])
        for source, claims in enumerate(claims_per_source)
    ]
    profiles = {c: profile(c) for group in clusters for cl in group for c in cl.claims}
    weights = rarity(profiles.values())
    pairs = [
        pair
        for i, j in combinations(range(len(clusters)), 2)
        for pair in assign(clusters[i], clusters[j], profiles, weights, options)
    ]
    return _merge(clusters, pairs)


def _merge(
    clusters: Sequence[Sequence[Cluster]], pairs: Sequence[Pair]
) -> tuple[tuple[Cluster, ...], ...]:
    group_of: dict[int, int] = {}
    groups: dict[int, list[Cluster]] = {}
    for cluster in (c for source in clusters for c in source):
        group_of[id(cluster)] = id(cluster)
        groups[id(cluster)] = [cluster]
    # Strongest pairs first: with three sources, A~B and B~C merge unless the group would then
    # hold two clusters of one source (A~C chose a different claim of C).
    for pair in sorted(pairs, key=lambda p: -p.score):
        g, h = group_of[id(pair.left)], group_of[id(pair.right)]
        if g == h:
            continue
        if {c.source for c in groups[g]} & {c.source for c in groups[h]}:
            continue
        for cluster in groups[h]:
            group_of[id(cluster)] = g
        groups[g].extend(groups.pop(h))
    ordered = [tuple(sorted(g, key=lambda c: c.source)) for g in groups.values()]
    return tuple(sorted(ordered, key=lambda g: (g[0].source, g[0].primary.start)))
