"""The review app and the factory that builds it from a report (used by the CLI and the tests)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from factcheck.model import Kind, Report, Status
from factcheck.options import Options
from factcheck.tui.commands import COMMANDS, help_lines, key_display
from factcheck.tui.decisions import Decisions
from factcheck.tui.dialogs import HelpScreen
from factcheck.tui.filter_bar import FilterBar
from factcheck.tui.findings import STATUS_LABEL, STATUS_ORDER, kinds_present
from factcheck.tui.review_screen import Rechecker, ReviewScreen


class ReviewApp(App[None]):
    """Review a check's findings against the sources and record decisions."""

    CSS_PATH = "review.tcss"
    TITLE = "factcheck review"

    def __init__(
        self,
        report: Report,
        decisions: Decisions,
        rechecker: Rechecker | None,
        options: Options = Options(),
    ) -> None:
        super().__init__()
        self.report = report
        self.decisions = decisions
        self.rechecker = rechecker
        self.options = options

    def get_default_screen(self) -> Screen[None]:
        return ReviewScreen(self.report, self.decisions, self.rechecker, self.options)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_lines()))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, ReviewScreen):
            return
        for command in COMMANDS:
            # The app's own commands already offer Quit; a disabled action is not offered.
            if command.action == "app.quit" or not screen.check_action(command.action, ()):
                continue
            yield SystemCommand(
                command.label,
                f"{command.help} ({key_display(command.key)})",
                partial(screen.run_action, command.action),
            )
        for status in STATUS_ORDER:
            yield SystemCommand(
                f"Show only: {STATUS_LABEL[status]}",
                f"Filter the findings to status {STATUS_LABEL[status]}",
                partial(_filter_status, screen, status),
            )
        for kind in kinds_present(screen.report.findings):
            yield SystemCommand(
                f"Show only kind: {kind}",
                f"Filter the findings to claims of kind {kind}",
                partial(_filter_kind, screen, kind),
            )


def _filter_status(screen: ReviewScreen, status: Status) -> None:
    screen.query_one(FilterBar).set_status(status)


def _filter_kind(screen: ReviewScreen, kind: Kind) -> None:
    screen.query_one(FilterBar).set_kind(kind)


def make_app(
    report: Report,
    *,
    review_path: Path,
    rechecker: Rechecker | None = None,
    options: Options = Options(),
) -> ReviewApp:
    """Build the review app for ``report``, with the decisions already in ``review_path``.

    ``options`` are those the report was checked with; the Markdown export renders with them.

    Raises ReviewFileError when the review file exists but cannot be read, so the CLI can
    say so before the app starts.
    """
    return ReviewApp(report, Decisions.open(review_path), rechecker, options)
