"""The findings table: one row a finding, status with colour and a symbol, conflicts first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.message import Message
from textual.theme import Theme
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from factcheck.model import Finding, Status
from factcheck.review_file import Decision, Verdict
from factcheck.tui.findings import (
    STATUS_LABEL,
    STATUS_SYMBOL,
    STATUS_VARIABLE,
    source_letter,
    value_in,
)
from factcheck.tui.text import plain

NOTE_MARK = "✎"
COMPACT_BELOW = 100
"""Below this many columns the table narrows its columns (the screen stacks the sources too)."""
WIDE_WIDTHS = (13, 11, 8, 26)
"""Status, review, kind, referent."""
COMPACT_WIDTHS = (1, 11, 7, 18)
SOURCE_WIDTH = 18
COMPACT_SOURCE_WIDTH = 14
MIN_EXPLANATION = 30
CACHE_LIMIT = 50_000


class FindingsTable(DataTable[Text]):
    """Shows findings; announces the one under the cursor and the one opened with Enter."""

    DEFAULT_CSS = """
    FindingsTable {
        height: 1fr;
        min-height: 4;
    }
    """

    @dataclass
    class FindingSelected(Message):
        """The cursor moved onto a finding."""

        table: FindingsTable
        finding: Finding

        @property
        def control(self) -> FindingsTable:
            return self.table

        def can_replace(self, message: Message) -> bool:
            # Holding an arrow key queues one selection a row; only the last needs showing.
            return isinstance(message, FindingsTable.FindingSelected)

    @dataclass
    class FindingOpened(Message):
        """The reviewer pressed Enter (or clicked twice) on a finding to see its details."""

        table: FindingsTable
        finding: Finding

        @property
        def control(self) -> FindingsTable:
            return self.table

    def __init__(self, source_count: int, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._source_count = source_count
        self._shown: tuple[Finding, ...] = ()
        self._row_of: dict[str, int] = {}
        self._verdicts: dict[str, Verdict] = {}
        self._layout: tuple[bool, int] = (False, MIN_EXPLANATION)
        self._cache: dict[int, tuple[Finding, list[Text]]] = {}
        """Each finding's cells by object id (the finding kept alive with them): filtering
        thousands of findings then only re-adds rows. Cleared on a theme or width change."""

    def on_mount(self) -> None:
        self._layout = self._layout_for(self.app.size.width)
        self._add_columns()
        # Status colours come from the theme, so a theme change redraws the rows.
        self.app.theme_changed_signal.subscribe(self, self._redraw)

    def on_resize(self) -> None:
        layout = self._layout_for(self.size.width)
        if layout != self._layout:
            self._layout = layout
            self._rebuild(columns=True)

    def _layout_for(self, width: int) -> tuple[bool, int]:
        """(compact, explanation width or 0 for none): the explanation takes what is left."""
        if width < COMPACT_BELOW:
            return True, 0
        fixed = sum(WIDE_WIDTHS) + SOURCE_WIDTH * self._source_count
        padding = 2 * (len(WIDE_WIDTHS) + self._source_count + 1) + 2  # cells, scrollbar
        explanation = width - fixed - padding
        # Too narrow to read: leave it to the evidence panel rather than show ten letters of it.
        return False, explanation if explanation >= MIN_EXPLANATION else 0

    @property
    def _compact(self) -> bool:
        return self._layout[0]

    def _add_columns(self) -> None:
        """Columns sized for the width: on a narrow terminal the status is its symbol alone."""
        compact, explanation = self._layout
        status, review, kind, referent = COMPACT_WIDTHS if compact else WIDE_WIDTHS
        self.add_column("" if compact else "Status", key="status", width=status)
        self.add_column("Review", key="review", width=review)
        self.add_column("Kind", key="kind", width=kind)
        self.add_column("Referent", key="referent", width=referent)
        source_width = COMPACT_SOURCE_WIDTH if compact else SOURCE_WIDTH
        for index in range(self._source_count):
            self.add_column(source_letter(index), key=f"source-{index}", width=source_width)
        if explanation:
            self.add_column("Explanation", key="explanation", width=explanation)

    @property
    def shown(self) -> tuple[Finding, ...]:
        """The findings in the table, in row order."""
        return self._shown

    @property
    def highlighted(self) -> Finding | None:
        """The finding under the cursor, or None when the table is empty."""
        if not self._shown or not 0 <= self.cursor_row < len(self._shown):
            return None
        return self._shown[self.cursor_row]

    def show(self, findings: tuple[Finding, ...], verdicts: dict[str, Verdict]) -> None:
        """Replace the rows; thousands of findings go in with one ``add_rows`` call."""
        self._shown = findings
        self._verdicts = verdicts
        self._row_of = {}
        for row, finding in enumerate(findings):
            self._row_of.setdefault(finding.id, row)
        self.clear()
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        colours = self._status_colours()
        rows = []
        for finding in findings:
            cached = self._cache.get(id(finding))
            if cached is None:
                cached = self._cache[id(finding)] = (finding, self._cells(finding, colours))
            rows.append(cached[1])
        self.add_rows(rows)

    def set_source_count(self, count: int) -> None:
        """A re-check read a different number of sources: one value column each."""
        if count != self._source_count:
            self._source_count = count
            self._layout = self._layout_for(self.size.width)
            self.clear(columns=True)
            self._add_columns()
            self._cache.clear()

    def select_finding(self, finding_id: str) -> bool:
        """Move the cursor to the finding; False when it is not in the table (filtered out)."""
        row = self._row_of.get(finding_id)
        if row is None:
            return False
        if row != self.cursor_row:
            self.move_cursor(row=row)
        return True

    def update_verdict(self, finding: Finding, verdict: Verdict | None) -> None:
        """Redraw the review cell of one finding after a decision or an undo."""
        self._cache.pop(id(finding), None)
        row = self._row_of.get(finding.id)
        if row is None:
            return
        self.update_cell_at(Coordinate(row, 1), review_cell(verdict))

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # DataTable measures every cell of every new row to size auto-width columns: thirteen
        # Rich measurements a finding, most of the time 5,000 findings took to show. Every
        # column here has a fixed width and every row one line, so only the size is needed.
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width, self._total_row_height + header)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        finding = self.highlighted
        if finding is not None:
            self.post_message(self.FindingSelected(self, finding))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        finding = self.highlighted
        if finding is not None:
            self.post_message(self.FindingOpened(self, finding))

    def _redraw(self, _theme: Theme | None = None) -> None:
        self._rebuild(columns=False)

    def _rebuild(self, *, columns: bool) -> None:
        """Build every row again (new colours or widths), the cursor kept on its finding."""
        cursor = self.cursor_row  # before clearing, which puts the cursor back on row 0
        if columns:
            self.clear(columns=True)
            self._add_columns()
        self._cache.clear()
        self.show(self._shown, self._verdicts)
        if self._shown:
            self.move_cursor(row=min(cursor, len(self._shown) - 1))

    def _status_colours(self) -> dict[Status, str]:
        variables = self.app.theme_variables
        return {status: variables.get(name, "") for status, name in STATUS_VARIABLE.items()}

    def _cells(self, finding: Finding, colours: dict[Status, str]) -> list[Text]:
        status = finding.status
        style = f"bold {colours[status]}" if colours[status] else "bold"
        label = (
            STATUS_SYMBOL[status]
            if self._compact
            else f"{STATUS_SYMBOL[status]} {STATUS_LABEL[status]}"
        )
        cells = [
            Text(label, style=style),
            review_cell(self._verdicts.get(finding.id)),
            Text(str(finding.kind)),
            Text(plain(finding.referent), overflow="ellipsis", no_wrap=True),
        ]
        cells.extend(
            Text(plain(value_in(finding, index)), overflow="ellipsis", no_wrap=True)
            for index in range(self._source_count)
        )
        if self._layout[1]:
            cells.append(Text(plain(finding.explanation), overflow="ellipsis", no_wrap=True))
        return cells


def review_cell(verdict: Verdict | None) -> Text:
    """The decision ("confirmed" / "dismissed") with a mark when there is a note; blank before a decision."""
    if verdict is None:
        return Text("")
    mark = f" {NOTE_MARK}" if verdict.note else ""
    style = "bold" if verdict.decision is Decision.CONFIRMED else "dim"
    return Text(f"{verdict.decision}{mark}", style=style)
