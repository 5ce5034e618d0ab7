"""The one serialisation boundary: records → plain dicts of built-in types.

JSON, Markdown, CSV and the pandas frames all start from these functions, so a field
added here shows up in every output at once.
"""

from __future__ import annotations

from typing import Any

from factcheck.model import Claim, Document, Finding, Quantity, Report, Status

Record = dict[str, Any]

REPORT_VERSION = 1
"""Version of the JSON report document; bumped on any incompatible change (see schema/)."""


def quantity_record(quantity: Quantity) -> Record:
    return {
        "value": quantity.value,
        "lo": quantity.lo,
        "hi": quantity.hi,
        "bound": str(quantity.bound),
        "unit": quantity.unit.name,
        "dimension": quantity.unit.dimension,
        "base_unit": quantity.unit.base,
        "base_lo": quantity.base_lo,
        "base_hi": quantity.base_hi,
    }


def claim_record(claim: Claim) -> Record:
    """One claim as a flat dict (quantity fields inlined) of built-in types."""
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": str(claim.kind),
        **quantity_record(claim.quantity),
        "normalized": claim.normalized,
        "referent": claim.referent.text,
        "referent_key": claim.referent.key,
        "attribution": claim.attribution,
        "sentence": claim.sentence,
        "detail": claim.detail,
        "subject": claim.subject,
    }


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset (columns count characters)."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def source_record(document: Document) -> Record:
    return {
        "path": document.path,
        "title": document.title,
        "published": document.published,
        "outlet": document.outlet,
        "url": document.url,
        "author": document.author,
        "characters": len(document.text),
    }


def finding_record(finding: Finding, sources: tuple[Document, ...], dismissed: bool) -> Record:
    """One finding with its claims; each claim names its source by index and its line/column."""
    claims = []
    for sourced in finding.claims:
        text = sources[sourced.source].text if sourced.source < len(sources) else ""
        line, column = line_and_column(text, sourced.claim.start)
        claims.append(
            {
                "source": sourced.source,
                "alternate": sourced.alternate,
                "line": line,
                "column": column,
                **claim_record(sourced.claim),
            }
        )
    return {
        "id": finding.id,
        "status": str(finding.status),
        "kind": str(finding.kind),
        "referent": finding.referent,
        "explanation": finding.explanation,
        "internal": finding.internal,
        "dismissed": dismissed,
        "claims": claims,
    }


def summary_record(report: Report) -> Record:
    dismissed = set(report.dismissed)
    conflicts = [f for f in report.findings if f.status is Status.CONFLICT]
    return {
        "sources": len(report.sources),
        "skipped": len(report.skipped),
        "conflicts": len(conflicts),
        "internal_conflicts": sum(f.internal for f in conflicts),
        "agreements": sum(f.status is Status.AGREE for f in report.findings),
        "single_source": sum(f.status is Status.SINGLE for f in report.findings),
        "dismissed": sum(f.id in dismissed for f in report.findings),
        "counted_conflicts": sum(f.id not in dismissed for f in conflicts),
    }


def report_records(report: Report) -> Record:
    """The whole report as one JSON-ready document (described by schema/report.schema.json)."""
    dismissed = set(report.dismissed)
    return {
        "version": REPORT_VERSION,
        "sources": [source_record(d) for d in report.sources],
        "findings": [finding_record(f, report.sources, f.id in dismissed) for f in report.findings],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "dismissed": list(report.dismissed),
        "summary": summary_record(report),
    }
