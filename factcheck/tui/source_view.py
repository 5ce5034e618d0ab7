"""One source text with every claim highlighted by its finding's status."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.events import Click
from textual.geometry import Region
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from factcheck.model import Document, Finding
from factcheck.tui.findings import (
    STATUS_VARIABLE,
    ClaimMark,
    claims_in,
    paragraph_spans,
    source_letter,
    source_name,
)
from factcheck.tui.text import plain

CLAIMS = Binding.Group("Next/prev claim")
MARKED_STYLE = "bold reverse"
EXCLUDED_STYLE = "dim italic"


def status_style(mark: ClaimMark) -> str:
    variable = STATUS_VARIABLE[mark.status]
    return f"$text-{variable} on ${variable}-muted"


class SourceView(Vertical):
    """A source's title, date and text; n / p walk its claims, a click selects one."""

    DEFAULT_CSS = """
    SourceView {
        height: 1fr;
        width: 1fr;
        & > .source-header {
            height: 2;
            text-wrap: nowrap;
            text-overflow: ellipsis;
            padding: 0 1;
            background: $panel;
            color: $text-muted;
        }
        &:focus-within > .source-header {
            background: $accent 40%;
            color: $text;
        }
        & > VerticalScroll {
            height: 1fr;
            padding: 0 1;
        }
        & .paragraph {
            margin-bottom: 1;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_claim", "Next claim", group=CLAIMS),
        Binding("p", "previous_claim", "Previous claim", group=CLAIMS),
    ]

    @dataclass
    class ClaimSelected(Message):
        """The reviewer picked a highlighted claim in this source (a click, or n / p)."""

        view: SourceView
        finding_id: str

        @property
        def control(self) -> SourceView:
            return self.view

    def __init__(self, index: int, document: Document, marks: tuple[ClaimMark, ...]) -> None:
        super().__init__(id=f"source-{index}")
        self.index = index
        self.document = document
        self.marks = marks
        self._mark_starts = [mark.start for mark in marks]
        self._paragraphs = paragraph_spans(document.text)
        self._paragraph_starts = [start for start, _ in self._paragraphs]
        self._widgets: list[Static] = []
        self.marked: tuple[int, ...] = ()
        """Indexes into ``marks`` of the claims of the selected finding."""
        self._note = ""
        self.cursor: int | None = None
        """Index into ``marks`` of the claim the view scrolled to."""

    def compose(self) -> ComposeResult:
        yield Static(self._header(""), classes="source-header")
        with VerticalScroll():
            for number in range(len(self._paragraphs)):
                widget = Static(self._paragraph_content(number), classes="paragraph")
                self._widgets.append(widget)
                yield widget

    @property
    def body(self) -> VerticalScroll:
        return self.query_one(VerticalScroll)

    def paragraph_widget(self, mark: int) -> Static:
        """The paragraph that holds ``marks[mark]``."""
        return self._widgets[self._paragraph_of(self.marks[mark].start)]

    def show_finding(self, finding: Finding | None) -> None:
        """Mark this source's claims of ``finding`` and scroll to the first (or the one in focus)."""
        wanted = set()
        if finding is not None:
            spans = {(s.claim.start, s.claim.end) for s in claims_in(finding, self.index)}
            wanted = {i for i, mark in enumerate(self.marks) if (mark.start, mark.end) in spans}
        self._set_marked(tuple(sorted(wanted)))
        if self.cursor not in wanted:
            self.cursor = min(wanted) if wanted else None
        note = ""
        if finding is not None and self.cursor is None:
            note = "the selected finding has no claim in this source"
        if note != self._note:  # the header has a fixed height: a repaint is enough
            self._note = note
            self.query_one(".source-header", Static).update(self._header(note), layout=False)
        if self.cursor is None:
            return
        if self.paragraph_widget(self.cursor).virtual_region.height:
            self.scroll_to_mark(self.cursor)  # laid out already: marking never moves text
        else:
            self.call_after_refresh(self._scroll_to_cursor)

    def scroll_to_mark(self, mark: int) -> None:
        """Scroll the text so the line holding ``marks[mark]`` is in the middle of the view."""
        if not self.is_attached or not self.query(VerticalScroll):
            return  # removed by a re-check before this (deferred) scroll ran
        widget = self.paragraph_widget(mark)
        number = self._paragraph_of(self.marks[mark].start)
        line = self._line_in_paragraph(number, self.marks[mark].start, widget.content_size.width)
        region = widget.virtual_region
        target = Region(region.x, region.y + line, max(region.width, 1), 1)
        self.body.scroll_to_region(target, center=True, animate=False, force=True)

    def on_resize(self) -> None:
        # The first layout comes after the first selection, and a resize rewraps the text:
        # either way the marked claim has moved, so scroll to it again.
        self.call_after_refresh(self._scroll_to_cursor)

    def _scroll_to_cursor(self) -> None:
        # Deferred until laid out; by then another claim may be selected, so read it now.
        if self.cursor is not None:
            self.scroll_to_mark(self.cursor)

    def action_next_claim(self) -> None:
        self._step(+1)

    def action_previous_claim(self) -> None:
        self._step(-1)

    def on_click(self, event: Click) -> None:
        mark = event.style.meta.get("claim")
        if isinstance(mark, int) and 0 <= mark < len(self.marks):
            event.stop()
            self.body.focus()
            self._select(mark)

    def _step(self, direction: int) -> None:
        if not self.marks:
            self.notify("This source has no claims.", severity="warning")
            return
        if self.cursor is None:
            mark = 0 if direction > 0 else len(self.marks) - 1
        else:
            mark = (self.cursor + direction) % len(self.marks)
        self._select(mark)

    def _select(self, mark: int) -> None:
        self.cursor = mark
        self.post_message(self.ClaimSelected(self, self.marks[mark].finding_id))

    def _set_marked(self, marked: tuple[int, ...]) -> None:
        touched = {self._paragraph_of(self.marks[i].start) for i in (*self.marked, *marked)}
        self.marked = marked
        for number in touched:
            # Only styles change, never the text: no need to lay the screen out again.
            self._widgets[number].update(self._paragraph_content(number), layout=False)

    def _paragraph_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def _paragraph_content(self, number: int) -> Content:
        start, end = self._paragraphs[number]
        spans: list[Span] = []
        for excluded_start, excluded_end in self.document.excluded:
            if excluded_start < end and excluded_end > start:
                spans.append(
                    Span(
                        max(excluded_start, start) - start,
                        min(excluded_end, end) - start,
                        EXCLUDED_STYLE,
                    )
                )
        first = bisect.bisect_left(self._mark_starts, start)
        for index in range(first, len(self.marks)):
            mark = self.marks[index]
            if mark.start >= end:
                break
            span_start, span_end = mark.start - start, min(mark.end, end) - start
            spans.append(Span(span_start, span_end, status_style(mark)))
            spans.append(Span(span_start, span_end, Style.from_meta({"claim": index})))
            if index in self.marked:
                spans.append(Span(span_start, span_end, MARKED_STYLE))
        return Content(plain(self.document.text[start:end]), spans=spans)

    def _line_in_paragraph(self, number: int, offset: int, width: int) -> int:
        """Which wrapped line of the paragraph holds ``offset`` at this width."""
        start, end = self._paragraphs[number]
        if width <= 0:
            return 0
        text = plain(self.document.text[start:end])
        position = 0
        for line_number, line in enumerate(Content(text).wrap(width)):
            found = text.find(line.plain.strip(), position)
            position = (found if found >= 0 else position) + len(line.plain.strip())
            if offset - start < position:
                return line_number
        return 0

    def _header(self, note: str) -> Content:
        """Line 1: letter, date, title. Line 2: what to know about the selection, else the path."""
        document = self.document
        title = document.title or source_name(document)
        return Content.assemble(
            (f"{source_letter(self.index)} ", "bold"),
            f"{plain(document.published) or 'date unknown'} · ",
            (plain(title), "bold"),
            "\n",
            (note, "italic") if note else plain(document.path),
        )
