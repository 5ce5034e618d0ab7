"""The review app's Markdown export: ``check --format markdown`` plus the reviewer's decisions.

The report part is the very renderer ``factcheck check`` uses, so the two never drift
apart; the decisions and notes follow it as one more section.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.formats import FORMATTERS, markdown_escape
from factcheck.model import Report
from factcheck.options import Options
from factcheck.review_file import Verdict, dismissed_ids
from factcheck.tui.findings import STATUS_LABEL, STATUS_SYMBOL


def render_markdown_with_decisions(
    report: Report, verdicts: dict[str, Verdict], options: Options = Options()
) -> str:
    """The Markdown report of ``report`` with the dismissals applied, then every decision and note."""
    present = {finding.id for finding in report.findings}
    dismissed = tuple(sorted((set(report.dismissed) | dismissed_ids(verdicts)) & present))
    body = FORMATTERS["markdown"](replace(report, dismissed=dismissed), options).rstrip("\n")
    return f"{body}\n\n{render_decisions(report, verdicts)}"


def render_decisions(report: Report, verdicts: dict[str, Verdict]) -> str:
    """A table of the reviewer's decisions in report order, with their notes."""
    lines = ["## Reviewer's decisions", ""]
    decided = [(f, verdicts[f.id]) for f in report.findings if f.id in verdicts]
    if not decided:
        lines.append("No finding was reviewed.")
        return "\n".join(lines) + "\n"
    lines += ["| Finding | Status | Decision | Note | Id |", "| --- | --- | --- | --- | --- |"]
    for finding, verdict in decided:
        status = f"{STATUS_SYMBOL[finding.status]} {STATUS_LABEL[finding.status]}"
        lines.append(
            f"| {markdown_escape(finding.referent or str(finding.kind))} ({finding.kind}) | {status} "
            f"| {verdict.decision} | {markdown_escape(verdict.note)} | `{finding.id}` |"
        )
    return "\n".join(lines) + "\n"
