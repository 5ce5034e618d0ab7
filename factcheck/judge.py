"""Judging a group of aligned claims: AGREE, CONFLICT or only in one source, with a reason.

Every verdict comes with an explanation that names the normalised values, so a reader can
check it, and a stable id that survives edits elsewhere in the texts.
"""

from __future__ import annotations

import hashlib
from itertools import combinations

from factcheck.compare import Comparison, Verdict, compare, is_comparable
from factcheck.explain import clean, explain
from factcheck.model import Finding, Kind, SourcedClaim, Status
from factcheck.options import Options


def finding_id(kind: Kind, referent_key: str, claims: tuple[SourcedClaim, ...]) -> str:
    """A stable fingerprint: kind, referent and the claims' surfaces and values, never offsets."""
    parts = sorted(
        f"{c.source}\x1f{clean(c.claim.text)}\x1f{c.claim.normalized}"
        f"\x1f{c.claim.quantity.base_lo}\x1f{c.claim.quantity.base_hi}"
        for c in claims
    )
    digest = hashlib.sha256("\x1e".join([str(kind), referent_key, *parts]).encode("utf-8"))
    return digest.hexdigest()[:12]


def judge_group(everything: tuple[SourcedClaim, ...], options: Options = Options()) -> Finding:
    """The finding for one aligned group: a primary claim per source, plus repeated mentions.

    AGREE when every cross-source pair can be true at once, CONFLICT when any cannot,
    SINGLE when the group holds one source only.
    """
    primaries = tuple(c for c in everything if not c.alternate) or everything
    first = primaries[0].claim
    comparisons: list[Comparison] = []
    for x, y in combinations(everything, 2):
        if x.source != y.source and is_comparable(x.claim, y.claim):
            comparisons.append(compare(x.claim, y.claim, options))
    sources = {c.source for c in everything}
    if len(sources) < 2:
        status = Status.SINGLE
    elif any(c.verdict is Verdict.CONFLICT for c in comparisons):
        status = Status.CONFLICT
    else:
        status = Status.AGREE
    ordered = tuple(sorted(everything, key=lambda c: (c.source, c.claim.start)))
    referent = next((c.claim.referent for c in primaries if c.claim.referent.text), first.referent)
    return Finding(
        id=finding_id(first.kind, referent.key, ordered),
        status=status,
        kind=first.kind,
        referent=referent.text,
        explanation=explain(tuple(c.claim for c in ordered), status, tuple(comparisons)),
        claims=ordered,
    )
