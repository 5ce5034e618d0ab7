"""The review app's Markdown export: the check report plus the reviewer's decisions and notes.

The report part is ``check --format markdown`` (``factcheck.formats.FORMATTERS["markdown"]``)
when that renderer is installed, so the two never drift apart; until then a minimal
renderer of the flagged claims stands in for it.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import replace
from typing import cast

from factcheck.model import Finding, Report, Status
from factcheck.review_file import Verdict, dismissed_ids
from factcheck.tui.findings import STATUS_LABEL, STATUS_SYMBOL, source_letter, source_name
from factcheck.tui.text import plain

Renderer = Callable[[Report], str]

# Characters that start Markdown or HTML syntax; escaped so an article cannot add links,
# images, headings or tables to the export ("![x](http://tracker)" stays literal text).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-!|~])")


def md(text: str) -> str:
    """``text`` as literal inline Markdown: one line, specials escaped, no control characters."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(plain(text).split()))


def check_renderer() -> Renderer:
    """``check --format markdown``'s renderer when factcheck.formats has one, else the fallback."""
    try:
        formats = importlib.import_module("factcheck.formats")
    except ImportError:
        return render_flagged
    formatters = getattr(formats, "FORMATTERS", {})
    renderer = formatters.get("markdown") if isinstance(formatters, dict) else None
    return cast(Renderer, renderer) if callable(renderer) else render_flagged


def render_markdown_with_decisions(report: Report, verdicts: dict[str, Verdict]) -> str:
    """The Markdown report of ``report`` with dismissals applied, then every decision and note."""
    dismissed = tuple(sorted(set(report.dismissed) | dismissed_ids(verdicts)))
    body = check_renderer()(replace(report, dismissed=dismissed)).rstrip("\n")
    return f"{body}\n\n{render_decisions(report, verdicts)}"


def render_decisions(report: Report, verdicts: dict[str, Verdict]) -> str:
    """A table of the reviewer's decisions in report order, with their notes."""
    lines = ["## Reviewer's decisions", ""]
    decided = [(f, verdicts[f.id]) for f in report.findings if f.id in verdicts]
    if not decided:
        lines.append("No finding was reviewed.")
        return "\n".join(lines) + "\n"
    lines += ["| Finding | Status | Decision | Note |", "| --- | --- | --- | --- |"]
    for finding, verdict in decided:
        lines.append(
            f"| {md(finding.referent)} ({finding.kind}) | {_status(finding.status)} "
            f"| {verdict.decision} | {md(verdict.note)} |"
        )
    return "\n".join(lines) + "\n"


def render_flagged(report: Report) -> str:
    """Stand-in for ``check --format markdown``: sources, then each undismissed conflict."""
    dismissed = set(report.dismissed)
    flagged = [f for f in report.findings if f.status is Status.CONFLICT and f.id not in dismissed]
    lines = ["# factcheck: flagged claims", "", "## Sources", ""]
    for index, document in enumerate(report.sources):
        date = f", {md(document.published)}" if document.published else ""
        lines.append(
            f"- **{source_letter(index)}** {md(source_name(document))}{date} ({md(document.path)})"
        )
    lines += ["", f"## Conflicts ({len(flagged)})", ""]
    if not flagged:
        lines.append("No conflicts left to review.")
    for finding in flagged:
        lines += _finding_block(finding)
    dropped = [f for f in report.findings if f.id in dismissed]
    if dropped:
        lines += ["", f"## Dismissed as false alarms ({len(dropped)})", ""]
        lines += [f"- {md(f.referent)} ({f.kind}): {md(f.explanation)}" for f in dropped]
    return "\n".join(lines) + "\n"


def _finding_block(finding: Finding) -> list[str]:
    lines = [f"### {md(finding.referent)} ({finding.kind})", "", md(finding.explanation), ""]
    for sourced in finding.claims:
        claim = sourced.claim
        lines.append(
            f"- **{source_letter(sourced.source)}**: “{md(claim.text)}” in: {md(claim.sentence)}"
        )
    lines.append("")
    return lines


def _status(status: Status) -> str:
    return f"{STATUS_SYMBOL[status]} {STATUS_LABEL[status]}"
