"""The check pipeline: documents → claims → aligned groups → findings → report, and its exit status."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.align import align
from factcheck.consistency import check_source
from factcheck.judge import judge_group
from factcheck.model import Claim, Document, Finding, Report, Skipped, SourcedClaim, Status
from factcheck.options import Options
from factcheck.stamps import drop_stamps

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

EXIT_OK = 0
"""No undismissed conflict (or ``--fail-on never``)."""
EXIT_CONFLICT = 1
"""At least one conflict that no reviewer dismissed."""
EXIT_ERROR = 2
"""Usage or input error: the check could not run."""

_STATUS_ORDER = {Status.CONFLICT: 0, Status.AGREE: 1, Status.SINGLE: 2}


def check_claims(
    documents: Sequence[Document],
    claims_per_document: Sequence[Sequence[Claim]],
    options: Options = Options(),
    skipped: Sequence[Skipped] = (),
) -> Report:
    """Reconcile claims already extracted (one sequence per document): model-free."""
    kept = [
        drop_stamps([c for c in claims if c.kind not in options.ignore_kinds])
        for claims in claims_per_document
    ]
    findings: list[Finding] = []
    for group in align(kept, options):
        sourced = tuple(
            SourcedClaim(cluster.source, claim, alternate=index > 0)
            for cluster in group
            for index, claim in enumerate(cluster.claims)
        )
        findings.append(judge_group(sourced, options))
    for source, claims in enumerate(kept):
        findings.extend(check_source(source, claims))
    return Report(
        sources=tuple(documents),
        findings=tuple(sorted(findings, key=_finding_order)),
        skipped=tuple(skipped),
    )


def _finding_order(finding: Finding) -> tuple[int, int, int]:
    first = finding.claims[0] if finding.claims else None
    return (
        _STATUS_ORDER[finding.status],
        first.source if first else 0,
        first.claim.start if first else 0,
    )


def check_documents(
    documents: Sequence[Document],
    nlp: Language,
    options: Options = Options(),
    skipped: Sequence[Skipped] = (),
) -> Report:
    """Extract the claims of every document with ``nlp``, then reconcile them."""
    from factcheck.extract import extract_documents

    claims = extract_documents(tuple(documents), nlp, options)
    logger.debug("extracted %s claims", [len(c) for c in claims])
    return check_claims(documents, claims, options, skipped)


def apply_dismissals(report: Report, dismissed: frozenset[str]) -> Report:
    """Mark the report's findings that a reviewer dismissed (by stable id)."""
    present = tuple(f.id for f in report.findings if f.id in dismissed)
    return dataclasses.replace(report, dismissed=present)


def counted_conflicts(report: Report) -> tuple[Finding, ...]:
    """The conflicts that decide the exit status: those no reviewer dismissed."""
    dismissed = set(report.dismissed)
    return tuple(
        f for f in report.findings if f.status is Status.CONFLICT and f.id not in dismissed
    )


def exit_code(report: Report, options: Options = Options()) -> int:
    """0 when nothing fails the check, 1 on an undismissed conflict, 2 when it could not run."""
    if len(report.sources) < 2:
        return EXIT_ERROR
    if options.fail_on == "never":
        return EXIT_OK
    return EXIT_CONFLICT if counted_conflicts(report) else EXIT_OK
