"""Publication stamps: lines that hold nothing but dates and times are not facts of the story.

"PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013" and
"(10:27 am PDT, Jun 11th 2012)" say when a page was written, not when anything happened;
two outlets publish at different moments, so comparing them makes false conflicts. Ingest
marks the datelines it recognises as excluded spans; this catches the ones that slip through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.model import Claim, Kind
from factcheck.similarity import STOPWORDS

_TEMPORAL_KINDS = frozenset({Kind.DATE, Kind.TIME, Kind.YEAR})
_STAMP_WORDS = frozenset(
    """published updated posted modified last edited filed created date time am pm a m p
    gmt utc bst edt est cdt cst mdt mst pdt pst cet cest ist jst aest by st nd rd th
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday""".split()  # noqa: SIM905
)


def _is_stamp(sentence: str, members: Sequence[Claim]) -> bool:
    if not all(c.kind in _TEMPORAL_KINDS for c in members):
        return False
    remaining = sentence
    for claim in sorted(members, key=lambda c: -c.start):
        start, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
        if 0 <= start <= end <= len(remaining):
            remaining = remaining[:start] + " " + remaining[end:]
    words = [
        w
        for w in re.findall(r"[A-Za-z]+", remaining)
        if w.lower() not in _STAMP_WORDS and w.lower() not in STOPWORDS
    ]
    return not words


def drop_stamps(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims that do not stand in a publication stamp."""
    by_sentence: dict[tuple[int, str], list[Claim]] = {}
    for claim in claims:
        by_sentence.setdefault((claim.sentence_start, claim.sentence), []).append(claim)
    stamps = {key for key, members in by_sentence.items() if _is_stamp(key[1], members)}
    return tuple(c for c in claims if (c.sentence_start, c.sentence) not in stamps)
