"""Search box and status / kind filters; announces the filter the reviewer set."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Select

from factcheck.model import Kind, Status
from factcheck.tui.findings import STATUS_LABEL, STATUS_ORDER, STATUS_SYMBOL, FindingFilter

SEARCH_DELAY = 0.2
"""Seconds of quiet typing before the table is filtered; Enter filters at once."""


class FilterBar(Horizontal):
    """An Input for text, a Select for status and one for kind."""

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        & > Input { width: 1fr; }
        & > Select { width: 24; margin-left: 1; }
    }
    """

    @dataclass
    class FilterChanged(Message):
        """The reviewer changed the search text or a filter."""

        bar: FilterBar
        filter: FindingFilter

        @property
        def control(self) -> FilterBar:
            return self.bar

    def __init__(self, kinds: tuple[Kind, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._kinds = kinds
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ search referent or text", id="search", compact=True)
        yield Select(
            [(f"{STATUS_SYMBOL[s]} {STATUS_LABEL[s]}", s) for s in STATUS_ORDER],
            prompt="any status (s)",
            id="status",
            compact=True,
        )
        yield Select(self._kind_options(), prompt="any kind (k)", id="kind", compact=True)

    @property
    def current(self) -> FindingFilter:
        status = self.query_one("#status", Select).value
        kind = self.query_one("#kind", Select).value
        return FindingFilter(
            status=status if isinstance(status, Status) else None,
            kind=kind if isinstance(kind, Kind) else None,
            query=self.query_one("#search", Input).value,
        )

    def set_kinds(self, kinds: tuple[Kind, ...]) -> None:
        """Offer only the kinds a (re-checked) report holds."""
        if kinds == self._kinds:
            return
        self._kinds = kinds
        select = self.query_one("#kind", Select)
        kept = select.value if select.value in kinds else Select.NULL
        select.set_options(self._kind_options())
        select.value = kept

    def focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def cycle_status(self) -> None:
        """Any status → conflict → only in one → agree → any status."""
        self._cycle(self.query_one("#status", Select), tuple(STATUS_ORDER))

    def cycle_kind(self) -> None:
        self._cycle(self.query_one("#kind", Select), self._kinds)

    def set_status(self, status: Status | None) -> None:
        self.query_one("#status", Select).value = Select.NULL if status is None else status

    def set_kind(self, kind: Kind | None) -> None:
        self.query_one("#kind", Select).value = Select.NULL if kind is None else kind

    def clear(self) -> None:
        self.query_one("#search", Input).value = ""
        self.set_status(None)
        self.set_kind(None)
        self._announce()

    @on(Input.Changed, "#search")
    def _search_typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self._announce)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._announce()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._announce()

    def _announce(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.post_message(self.FilterChanged(self, self.current))

    def _kind_options(self) -> list[tuple[str, Kind]]:
        return [(str(kind), kind) for kind in self._kinds]

    @staticmethod
    def _cycle(select: Select[Status] | Select[Kind], values: tuple[object, ...]) -> None:
        if not values:
            return
        current = select.value
        if current in values:
            position = values.index(current) + 1
            select.value = values[position] if position < len(values) else Select.NULL  # type: ignore[assignment]
        else:
            select.value = values[0]  # type: ignore[assignment]
