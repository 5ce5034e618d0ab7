"""pandas at the table boundary: the only module that imports pandas."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from factcheck.model import Claim, Report
from factcheck.records import claim_record, report_records

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


FINDING_COLUMNS = (
    "finding_id",
    "status",
    "kind",
    "referent",
    "internal",
    "dismissed",
    "explanation",
    "source",
    "path",
    "alternate",
    "line",
    "column",
    "start",
    "end",
    "text",
    "value",
    "lo",
    "hi",
    "bound",
    "unit",
    "normalized",
    "sentence",
)


def findings_frame(report: Report) -> pd.DataFrame:
    """The findings table: one row per claim of each finding, from ``records.report_records``."""
    document = report_records(report)
    paths = [s["path"] for s in document["sources"]]
    rows = []
    for finding in document["findings"]:
        for claim in finding["claims"]:
            rows.append(
                {
                    "finding_id": finding["id"],
                    "status": finding["status"],
                    "kind": finding["kind"],
                    "referent": finding["referent"],
                    "internal": finding["internal"],
                    "dismissed": finding["dismissed"],
                    "explanation": finding["explanation"],
                    "path": paths[claim["source"]],
                    **{k: claim[k] for k in FINDING_COLUMNS if k in claim},
                }
            )
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


def sources_claims_frame(sources: Iterable[tuple[str, Iterable[Claim]]]) -> pd.DataFrame:
    """The claims of several sources in one frame, a ``path`` column first."""
    rows = [{"path": path, **claim_record(c)} for path, claims in sources for c in claims]
    return pd.DataFrame(rows, columns=["path", *CLAIM_COLUMNS])
