"""What the review app shows, worked out without any widget: order, filters, labels, summary.

Pure functions over the report's records, so the rules the screen follows are tested
directly and the widgets only draw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from factcheck.model import Document, Finding, Kind, Report, SourcedClaim, Status
from factcheck.review_file import Decision, Verdict

STATUS_ORDER: dict[Status, int] = {Status.CONFLICT: 0, Status.SINGLE: 1, Status.AGREE: 2}
"""Conflicts first: they are what a reviewer is here for; agreements last."""

STATUS_SYMBOL: dict[Status, str] = {Status.CONFLICT: "✗", Status.AGREE: "✓", Status.SINGLE: "○"}
"""A symbol beside every status, so the table reads without colour."""

STATUS_LABEL: dict[Status, str] = {
    Status.CONFLICT: "conflict",
    Status.AGREE: "agree",
    Status.SINGLE: "only in one",
}

STATUS_VARIABLE: dict[Status, str] = {
    Status.CONFLICT: "error",
    Status.AGREE: "success",
    Status.SINGLE: "warning",
}
"""The theme colour (a Textual CSS variable name) that stands for each status."""


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """What the reviewer asked to see; empty fields do not filter."""

    status: Status | None = None
    kind: Kind | None = None
    query: str = ""
    """Case-insensitive text looked for in the referent and in the claims as written."""

    @property
    def is_active(self) -> bool:
        return self.status is not None or self.kind is not None or bool(self.query.strip())


def source_letter(index: int) -> str:
    """A short column label for the source at ``index``: A, B, ... Z, then S27, S28 ..."""
    return chr(ord("A") + index) if index < 26 else f"S{index + 1}"


def source_name(document: Document) -> str:
    """The name a person knows the source by: outlet, else title, else file name."""
    if document.outlet:
        return document.outlet
    if document.title:
        return document.title
    return PurePath(document.path).name or document.path


def order_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Conflicts first, then claims only one source makes, then agreements; stable otherwise."""
    return tuple(sorted(findings, key=lambda finding: STATUS_ORDER[finding.status]))


def matches(finding: Finding, wanted: FindingFilter) -> bool:
    """Whether ``finding`` passes every filter the reviewer set."""
    if wanted.status is not None and finding.status is not wanted.status:
        return False
    if wanted.kind is not None and finding.kind is not wanted.kind:
        return False
    needle = wanted.query.strip().casefold()
    if not needle:
        return True
    if needle in finding.referent.casefold():
        return True
    # Not the whole sentence: "glacier" would then match every claim near the word.
    return any(needle in sourced.claim.text.casefold() for sourced in finding.claims)


def filter_findings(findings: Iterable[Finding], wanted: FindingFilter) -> tuple[Finding, ...]:
    return tuple(finding for finding in findings if matches(finding, wanted))


def claims_in(finding: Finding, source: int) -> tuple[SourcedClaim, ...]:
    return tuple(sourced for sourced in finding.claims if sourced.source == source)


def value_in(finding: Finding, source: int) -> str:
    """Each claim the source makes for this finding, as written ("about 12 miles"); "—" for none.

    A repeated mention (the headline's "fourth round" again in the body) is left out.
    """
    claims = claims_in(finding, source)
    first_mentions = [sourced for sourced in claims if not sourced.alternate] or claims
    surfaces = [sourced.claim.text for sourced in first_mentions]
    return "; ".join(surfaces) if surfaces else "—"


def kinds_present(findings: Iterable[Finding]) -> tuple[Kind, ...]:
    """The kinds that occur, in the order Kind declares them (the kind filter offers only these)."""
    present = {finding.kind for finding in findings}
    return tuple(kind for kind in Kind if kind in present)


def summary_text(report: Report, verdicts: dict[str, Verdict], shown: int) -> str:
    """One line: counts per status, claims per source, how many findings were reviewed."""
    per_status = Counter(finding.status for finding in report.findings)
    statuses = " · ".join(
        f"{STATUS_SYMBOL[status]} {per_status[status]} {STATUS_LABEL[status]}"
        for status in STATUS_ORDER
    )
    per_source = Counter(
        sourced.source for finding in report.findings for sourced in finding.claims
    )
    sources = " · ".join(
        f"{source_letter(index)} {per_source[index]} claims" for index in range(len(report.sources))
    )
    ids = {finding.id for finding in report.findings}
    decided = [verdict for verdict in verdicts.values() if verdict.finding_id in ids]
    confirmed = sum(verdict.decision is Decision.CONFIRMED for verdict in decided)
    reviewed = (
        f"reviewed {len(decided)}/{len(ids)} "
        f"({confirmed} confirmed, {len(decided) - confirmed} dismissed)"
    )
    showing = f"showing {shown}" if shown != len(report.findings) else ""
    return " │ ".join(part for part in (statuses, sources, reviewed, showing) if part)


@dataclass(frozen=True, slots=True)
class ClaimMark:
    """A highlighted claim in a source: its span, the finding it belongs to and that one's status."""

    start: int
    end: int
    status: Status
    finding_id: str


def claim_marks(findings: Iterable[Finding], source: int) -> tuple[ClaimMark, ...]:
    """The claims of source ``source`` in text order, each once.

    A span that several findings share (an internal comparison and a cross-source one) is
    marked with the finding that comes first in review order, so it shows the worst status.
    """
    marks: dict[tuple[int, int], ClaimMark] = {}
    for finding in order_findings(findings):
        for sourced in claims_in(finding, source):
            span = (sourced.claim.start, sourced.claim.end)
            if span not in marks:
                marks[span] = ClaimMark(span[0], span[1], finding.status, finding.id)
    return tuple(marks[span] for span in sorted(marks))


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-blank line: a source is drawn a paragraph at a time."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return tuple(spans)
