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

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from scipy.optimize import linear_sum_assignment

from factcheck.judge import Verdict, compare, is_comparable
from factcheck.model import Claim, Kind
from factcheck.options import Options
from factcheck.similarity import Profile, evidence, fuzzy_jaccard, idf_table, profile

# A pair whose values agree needs this much evidence (value bonus included) to be one fact.
AGREE_THRESHOLD = 0.30
# A pair whose values conflict needs this much evidence from the words alone: two outlets
# mostly agree, so a conflict is the less likely reading and a false one costs trust.
CONFLICT_THRESHOLD = 0.50
# Equal values about similar referents are likely the same fact (weak evidence, never
# enough alone: it is added only when the values agree).
EQUAL_BONUS = 0.15
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
    if not is_comparable(a, b) or a.kind != b.kind or not compare(a, b).is_equal:
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


def _text_between(a: Claim, b: Claim) -> str | None:
    """The sentence text between two claims of one sentence, or None when they are apart."""
    if a.sentence_start != b.sentence_start or a.sentence != b.sentence or b.start < a.end:
        return None
    gap = b.start - a.end
    if gap > 4:
        return None
    offset = a.end - a.sentence_start
    return a.sentence[offset : offset + gap]


def pair_score(
    a: Cluster, b: Cluster, profiles: dict[Claim, Profile], idf: dict[str, float], options: Options
) -> float:
    """The assignment score of two clusters of different sources; 0 when they must not pair."""
    best_evidence = 0.0
    verdicts: list[Verdict] = []
    is_equal = False
    for x in a.claims:
        for y in b.claims:
            if not is_comparable(x, y):
                continue
            comparison = compare(x, y, options)
            verdicts.append(comparison.verdict)
            is_equal = is_equal or comparison.is_equal
            best_evidence = max(best_evidence, evidence(profiles[x], profiles[y], idf))
    if Verdict.AGREE in verdicts:
        score = best_evidence + (EQUAL_BONUS if is_equal else COMPATIBLE_BONUS)
        return score if score >= AGREE_THRESHOLD else 0.0
    if Verdict.CONFLICT in verdicts:
        return best_evidence if best_evidence >= CONFLICT_THRESHOLD else 0.0
    return 0.0


def assign(
    left: Sequence[Cluster],
    right: Sequence[Cluster],
    profiles: dict[Claim, Profile],
    idf: dict[str, float],
    options: Options,
) -> tuple[Pair, ...]:
    """The best one-to-one matching between two sources' clusters (Hungarian algorithm)."""
    if not left or not right:
        return ()
    scores = np.zeros((len(left), len(right)))
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            scores[i, j] = pair_score(a, b, profiles, idf, options)
    rows, columns = linear_sum_assignment(scores, maximize=True)
    return tuple(
        Pair(left[i], right[j], float(scores[i, j]))
        for i, j in zip(rows, columns, strict=True)
        if scores[i, j] > 0
    )


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
    idf = idf_table({p.context for p in profiles.values()})
    pairs = [
        pair
        for i, j in combinations(range(len(clusters)), 2)
        for pair in assign(clusters[i], clusters[j], profiles, idf, options)
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
