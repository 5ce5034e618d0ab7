"""The review screen: widgets announce, this screen decides what each of them shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from factcheck.model import Finding, Report
from factcheck.options import Options
from factcheck.review_file import Decision, Verdict
from factcheck.tui.commands import COMMANDS
from factcheck.tui.decisions import Decisions
from factcheck.tui.detail import FindingDetail
from factcheck.tui.dialogs import DetailScreen, ExportDialog, NoteDialog
from factcheck.tui.export import render_markdown_with_decisions
from factcheck.tui.filter_bar import FilterBar
from factcheck.tui.findings import (
    FindingFilter,
    claim_marks,
    filter_findings,
    kinds_present,
    order_findings,
    summary_text,
)
from factcheck.tui.findings_table import FindingsTable
from factcheck.tui.source_view import SourceView

Rechecker = Callable[[], Report]


class ReviewScreen(Screen[None]):
    """Findings table, filters, the sources side by side (stacked when narrow), the evidence."""

    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it a plain attribute)
        (0, "-narrow"),
        (100, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012 (as above)
    BINDINGS: ClassVar[list[BindingType]] = [
        *(command.binding() for command in COMMANDS),
        Binding("escape", "focus_table", "Table", show=False),
    ]

    @dataclass
    class Rechecked(Message):
        """The background re-check finished."""

        report: Report

    @dataclass
    class RecheckFailed(Message):
        """The background re-check stopped with an error."""

        reason: str

    def __init__(
        self,
        report: Report,
        decisions: Decisions,
        rechecker: Rechecker | None,
        options: Options = Options(),
    ) -> None:
        super().__init__()
        self.options = options
        self.report = report
        self.decisions = decisions
        self.rechecker = rechecker
        self.filter = FindingFilter()
        self.selected: Finding | None = None
        self.is_rechecking = False
        self.last_export: Path | None = None
        self._findings = order_findings(report.findings)

    def compose(self) -> ComposeResult:
        yield Static(id="summary")
        yield FilterBar(kinds_present(self.report.findings), id="filters")
        yield FindingsTable(len(self.report.sources), id="findings")
        with Container(id="sources"):
            yield from self._source_views()
        yield FindingDetail(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._refresh_table()
        self.table.focus()
        for skipped in self.report.skipped:
            self.notify(
                f"Skipped {skipped.path}: {skipped.reason}", severity="warning", markup=False
            )

    @property
    def table(self) -> FindingsTable:
        return self.query_one(FindingsTable)

    @property
    def source_views(self) -> list[SourceView]:
        return list(self.query(SourceView))

    # What the widgets announce -------------------------------------------------------------

    @on(FindingsTable.FindingSelected)
    def _finding_selected(self, event: FindingsTable.FindingSelected) -> None:
        self._show(event.finding)

    @on(FindingsTable.FindingOpened)
    def _finding_opened(self, event: FindingsTable.FindingOpened) -> None:
        self.action_details()

    @on(SourceView.ClaimSelected)
    def _claim_selected(self, event: SourceView.ClaimSelected) -> None:
        if not self.table.select_finding(event.finding_id):
            # The claim's finding is hidden by the filter: show everything rather than ignore the click.
            self.notify("That claim's finding was filtered out; filters cleared.")
            self.query_one(FilterBar).clear()
            self.filter = FindingFilter()
            self._refresh_table()
            self.table.select_finding(event.finding_id)
        finding = self.table.highlighted
        if finding is not None and finding.id == event.finding_id:
            self._show(finding)

    @on(FilterBar.FilterChanged)
    def _filter_changed(self, event: FilterBar.FilterChanged) -> None:
        if event.filter != self.filter:
            self.filter = event.filter
            self._refresh_table()

    async def on_review_screen_rechecked(self, message: Rechecked) -> None:
        self.is_rechecking = False
        await self._replace_report(message.report)
        self.notify(f"Re-checked: {len(message.report.findings)} findings.")

    def on_review_screen_recheck_failed(self, message: RecheckFailed) -> None:
        self.is_rechecking = False
        self._update_summary()
        self.notify(f"Re-check failed: {message.reason}", severity="error", markup=False)

    # Actions -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "recheck":
            return self.rechecker is not None
        return True

    def action_confirm_finding(self) -> None:
        self._decide(Decision.CONFIRMED)

    def action_dismiss_finding(self) -> None:
        self._decide(Decision.DISMISSED)

    def action_note(self) -> None:
        finding = self.table.highlighted
        if finding is None:
            self.notify("Select a finding first.", severity="warning")
            return
        verdict = self.decisions.get(finding.id)
        if verdict is None:
            self.notify("Confirm (c) or dismiss (d) the finding first, then add a note (a).")
            return

        def save_note(note: str | None) -> None:
            if note is not None:
                self._record(finding, verdict.decision, note)

        self.app.push_screen(NoteDialog(finding, verdict.note), save_note)

    def action_undo(self) -> None:
        try:
            finding_id = self.decisions.undo()
        except OSError as error:
            self.notify(f"Could not save the review file: {error}", severity="error", markup=False)
            return
        if finding_id is None:
            self.notify("Nothing to undo.")
            return
        self._after_change(finding_id)
        self.table.select_finding(finding_id)

    def action_search(self) -> None:
        self.query_one(FilterBar).focus_search()

    def action_cycle_status(self) -> None:
        self.query_one(FilterBar).cycle_status()

    def action_cycle_kind(self) -> None:
        self.query_one(FilterBar).cycle_kind()

    def action_clear_filters(self) -> None:
        self.query_one(FilterBar).clear()

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_details(self) -> None:
        finding = self.table.highlighted
        if finding is None:
            self.notify("Select a finding first.", severity="warning")
            return
        verdict = self.decisions.get(finding.id)
        self.app.push_screen(DetailScreen(finding, self.report.sources, verdict))

    def action_export(self) -> None:
        suggestion = self.last_export or self.decisions.path.parent / "factcheck-review.md"
        self.app.push_screen(ExportDialog(suggestion), self._export)

    def action_recheck(self) -> None:
        if self.rechecker is None:
            self.notify("Re-checking is not available here.", severity="warning")
            return
        if self.is_rechecking:
            self.notify("Already re-checking.")
            return
        self.is_rechecking = True
        self._update_summary()
        self._recheck(self.rechecker)

    @work(thread=True, exclusive=True, group="recheck")
    def _recheck(self, rechecker: Rechecker) -> None:
        """Runs spaCy off the UI thread; the result comes back as a message."""
        try:
            report = rechecker()
        except Exception as error:  # any failure reaches the reviewer as a message, not a crash
            self.post_message(self.RecheckFailed(str(error) or type(error).__name__))
        else:
            self.post_message(self.Rechecked(report))

    # Deciding and showing ------------------------------------------------------------------

    def _decide(self, decision: Decision) -> None:
        finding = self.table.highlighted
        if finding is None:
            self.notify("Select a finding first.", severity="warning")
            return
        # The cursor stays on the finding, so a note (a) or an undo (u) applies to what was just decided.
        self._record(finding, decision, None)

    def _record(self, finding: Finding, decision: Decision, note: str | None) -> bool:
        try:
            self.decisions.decide(finding, decision, note)
        except OSError as error:
            self.notify(f"Could not save the review file: {error}", severity="error", markup=False)
            return False
        self._after_change(finding.id)
        return True

    def _after_change(self, finding_id: str) -> None:
        verdict = self.decisions.get(finding_id)
        for finding in self._findings:
            if finding.id == finding_id:
                self.table.update_verdict(finding, verdict)
        self._update_summary()
        if self.selected is not None and self.selected.id == finding_id:
            self._show(self.selected)

    def _export(self, path: Path | None) -> None:
        if path is None:
            return
        text = render_markdown_with_decisions(self.report, self.decisions.verdicts, self.options)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.notify(f"Could not export: {error}", severity="error", markup=False)
            return
        self.last_export = path
        self.notify(f"Exported to {path}", markup=False)

    def _show(self, finding: Finding | None) -> None:
        self.selected = finding
        for view in self.source_views:
            view.show_finding(finding)
        verdict: Verdict | None = None if finding is None else self.decisions.get(finding.id)
        empty = "No finding matches the filters: x clears them." if self.filter.is_active else ""
        self.query_one(FindingDetail).show(finding, self.report.sources, verdict, empty=empty)

    def _refresh_table(self) -> None:
        shown = filter_findings(self._findings, self.filter)
        table = self.table
        table.show(shown, self.decisions.verdicts)
        self._update_summary()
        if not shown:
            self._show(None)
            return
        if self.selected is not None and table.select_finding(self.selected.id):
            self._show(table.highlighted)
            return
        table.move_cursor(row=0)
        self._show(table.highlighted)

    def _update_summary(self) -> None:
        text = summary_text(self.report, self.decisions.verdicts, len(self.table.shown))
        if not self.table.shown and self.filter.is_active:
            text += " (x clears the filters)"
        if self.is_rechecking:
            text += " │ re-checking…"
        if not self.report.findings:
            text = "No numeric claims were found in these sources."
        self.query_one("#summary", Static).update(Content(text))

    def _source_views(self) -> list[SourceView]:
        return [
            SourceView(index, document, claim_marks(self.report.findings, index))
            for index, document in enumerate(self.report.sources)
        ]

    async def _replace_report(self, report: Report) -> None:
        self.report = report
        self._findings = order_findings(report.findings)
        container = self.query_one("#sources", Container)
        await container.remove_children()
        await container.mount_all(self._source_views())
        self.query_one(FilterBar).set_kinds(kinds_present(report.findings))
        self.table.set_source_count(len(report.sources))
        if self.selected is not None:
            self.selected = next((f for f in self._findings if f.id == self.selected.id), None)
        self._refresh_table()
