"""pandas at the table boundary: the only module that imports pandas."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from factcheck.model import Claim
from factcheck.records import claim_record

CLAIM_COLUMNS = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "lo",
    "hi",
    "bound",
    "unit",
    "dimension",
    "base_unit",
    "base_lo",
    "base_hi",
    "normalized",
    "referent",
    "referent_key",
    "attribution",
    "sentence",
    "detail",
    "subject",
)


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """One row a claim, columns as in ``records.claim_record``."""
    return pd.DataFrame([claim_record(c) for c in claims], columns=list(CLAIM_COLUMNS))


def sources_claims_frame(sources: Iterable[tuple[str, Iterable[Claim]]]) -> pd.DataFrame:
    """The claims of several sources in one frame, a ``path`` column first."""
    rows = [{"path": path, **claim_record(c)} for path, claims in sources for c in claims]
    return pd.DataFrame(rows, columns=["path", *CLAIM_COLUMNS])
