"""Pilot tests: the real review app, driven by keys and clicks, over the example pair."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input
from tui_report import example_report, many_findings

from factcheck.model import Document, Report, Status
from factcheck.review_file import FILE_NAME
from factcheck.tui import make_app
from factcheck.tui.commands import COMMANDS
from factcheck.tui.dialogs import DetailScreen, ExportDialog, HelpScreen, NoteDialog
from factcheck.tui.review_screen import ReviewScreen
from factcheck.tui.source_view import SourceView

WIDE = (120, 36)


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    return tmp_path / FILE_NAME


def screen_of(app) -> ReviewScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def shown_ids(screen: ReviewScreen) -> list[str]:
    return [finding.id for finding in screen.table.shown]


def decisions_in(path: Path) -> dict[str, dict[str, str]]:
    return json.loads(path.read_text(encoding="utf-8"))["decisions"]


async def select(pilot, screen: ReviewScreen, finding_id: str) -> None:  # type: ignore[no-untyped-def]
    assert screen.table.select_finding(finding_id)
    await pilot.pause()


def claim_line_visible(view: SourceView, mark: int) -> bool:
    """Whether the wrapped line holding ``marks[mark]`` lies inside the scrolled viewport."""
    widget = view.paragraph_widget(mark)
    number = view._paragraph_of(view.marks[mark].start)
    line = view._line_in_paragraph(number, view.marks[mark].start, widget.content_size.width)
    y = widget.virtual_region.y + line
    top = view.body.scroll_offset.y
    return top <= y < top + view.body.scrollable_content_region.height


def claim_position(view: SourceView, mark: int) -> tuple[int, int]:
    """(column, line) of a claim's first character inside its paragraph widget, as wrapped."""
    widget = view.paragraph_widget(mark)
    text = widget.visual.plain  # type: ignore[union-attr]
    start = view.marks[mark].start - view.document.text.rfind("\n", 0, view.marks[mark].start) - 1
    seen = 0
    for number, line in enumerate(Content(text).wrap(widget.content_size.width)):
        found = text.find(line.plain.strip(), seen)
        if start < found + len(line.plain.strip()):
            return start - found, number
        seen = found + len(line.plain.strip())
    raise AssertionError("claim not found in its paragraph")


async def test_conflicts_come_first_and_the_summary_counts(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        statuses = [finding.status for finding in screen.table.shown]
        assert statuses == [Status.CONFLICT] * 2 + [Status.SINGLE] * 2 + [Status.AGREE] * 8
        summary = str(screen.query_one("#summary").visual)
        assert summary == (
            "✗ 2 conflict · ○ 2 only in one · ✓ 8 agree │ A 11 claims · B 11 claims │ "
            "reviewed 0/12 (0 confirmed, 0 dismissed)"
        )
        assert screen.selected is not None and screen.selected.id == "f-glacier-retreat"
        # 120 columns leave under 30 for the explanation: it goes to the evidence panel instead
        columns = [column.label.plain for column in screen.table.ordered_columns]
        assert columns == ["Status", "Review", "Kind", "Referent", "A", "B"]


async def test_selecting_a_finding_scrolls_every_source_to_its_claim(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        for view in screen.source_views:  # the first finding, selected before the first layout
            assert view.cursor is not None and claim_line_visible(view, view.cursor)
            assert view.body.scroll_offset.y > 0
        await select(pilot, screen, "f-freed")  # the last paragraph of both texts
        await pilot.pause()
        for view in screen.source_views:
            assert len(view.marked) == 1 and view.cursor == view.marked[0]
            mark = view.marks[view.cursor]
            assert view.document.text[mark.start : mark.end] == "more than 1,200"
            assert view.body.scroll_offset.y > 0
            assert claim_line_visible(view, view.cursor)
        await select(pilot, screen, "f-time-session")  # back up near the top
        await pilot.pause()
        for view in screen.source_views:
            assert view.cursor is not None and claim_line_visible(view, view.cursor)


async def test_a_finding_one_source_lacks_says_so_in_that_source(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        await select(pilot, screen, "f-taken-a")
        a, b = screen.source_views
        assert a.cursor is not None and b.cursor is None and b.marked == ()
        header = str(b.query_one(".source-header").visual)
        assert header.endswith("the selected finding has no claim in this source")


async def test_clicking_a_claim_selects_its_finding(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        await select(pilot, screen, "f-round")
        b = screen.source_views[1]
        thursday = next(
            i
            for i, mark in enumerate(b.marks)
            if b.document.text[mark.start : mark.end] == "Thursday"
        )
        column, line = claim_position(b, thursday)
        assert await pilot.click(b.paragraph_widget(thursday), offset=(column + 1, line))
        await pilot.pause()
        assert screen.selected is not None and screen.selected.id == "f-date-open"
        assert screen.table.highlighted is not None and screen.table.highlighted.id == "f-date-open"
        assert b.marked == (thursday,)


async def test_n_and_p_walk_the_claims_of_the_focused_source(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        b = screen.source_views[1]
        b.body.focus()
        await select(pilot, screen, "f-round")  # B's first claim in text order
        await pilot.press("n")
        await pilot.pause()
        # B's second claim is "3pm Geneva time"
        assert screen.selected is not None and screen.selected.id == "f-time-session"
        await pilot.press("p", "p")
        await pilot.pause()
        # wrapping backwards from the first claim lands on the last: "95" (of its own)
        assert screen.selected is not None and screen.selected.id == "f-taken-b"


async def test_filter_by_status_kind_and_search(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        await pilot.press("s")
        await pilot.pause()
        assert shown_ids(screen) == ["f-glacier-retreat", "f-time-vietnam"]
        await pilot.press("s")
        await pilot.pause()
        assert shown_ids(screen) == ["f-taken-a", "f-taken-b"]
        await pilot.press("x", "k")  # clear, then the first kind present: count
        await pilot.pause()
        assert shown_ids(screen) == ["f-taken-a", "f-taken-b", "f-valleys", "f-freed"]
        await pilot.press("x", "slash", *"mile", "enter")
        await pilot.pause()
        assert shown_ids(screen) == ["f-glacier-retreat"]
        await pilot.press("escape", "x", "slash", *"FISH", "enter")
        await pilot.pause()
        assert shown_ids(screen) == ["f-taken-a", "f-freed"]  # referent or claim text
        summary = str(screen.query_one("#summary").visual)
        assert summary.endswith("│ showing 2")
        await pilot.press("escape", "x", "slash", "d", "q", "enter")  # letters typed, not keys
        await pilot.pause()
        assert app.is_running and shown_ids(screen) == [] and not review_path.exists()
        assert str(screen.query_one("#detail-text").visual) == (
            "No finding matches the filters: x clears them."
        )
        assert str(screen.query_one("#summary").visual).endswith(
            "│ showing 0 (x clears the filters)"
        )


async def test_dismiss_note_undo_and_reopen(review_path: Path) -> None:
    report = example_report()
    app = make_app(report, review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        await select(pilot, screen, "f-time-vietnam")
        await pilot.press("d")
        await pilot.pause()
        assert decisions_in(review_path) == {
            "f-time-vietnam": {
                "decision": "dismissed",
                "note": "",
                "referent": "opening of the session (other zone)",
            }
        }
        assert screen.table.highlighted is not None
        assert screen.table.highlighted.id == "f-time-vietnam"  # stays, for a note or an undo
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"UTC+7", "enter")
        await pilot.pause()
        assert decisions_in(review_path)["f-time-vietnam"]["note"] == "UTC+7"
        await pilot.press("u")  # undoes the note, not the dismissal
        await pilot.pause()
        assert decisions_in(review_path)["f-time-vietnam"]["note"] == ""
        await select(pilot, screen, "f-glacier-retreat")
        await pilot.press("c", "u")
        await pilot.pause()
        assert set(decisions_in(review_path)) == {"f-time-vietnam"}
        assert screen.table.highlighted is not None
        assert screen.table.highlighted.id == "f-glacier-retreat"  # undo goes back to it

    reopened = make_app(report, review_path=review_path)
    async with reopened.run_test(size=WIDE) as pilot:
        screen = screen_of(reopened)
        row = shown_ids(screen).index("f-time-vietnam")
        assert str(screen.table.get_row_at(row)[1]) == "dismissed"
        summary = str(screen.query_one("#summary").visual)
        assert "reviewed 1/12 (0 confirmed, 1 dismissed)" in summary


async def test_export_writes_the_report_with_decisions(review_path: Path, tmp_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    target = tmp_path / "out" / "review.md"
    target.parent.mkdir()
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        await select(pilot, screen, "f-glacier-retreat")
        app.screen.action_dismiss_finding()
        await pilot.press("a")
        app.screen.query_one(Input).value = "12 mi | 19.3 km"
        await pilot.press("enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("e", "enter")  # same file again: asks before replacing
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "exists" in str(app.screen.query_one("#warning").visual)
        await pilot.press("escape")
    exported = target.read_text(encoding="utf-8")
    assert exported.startswith("# factcheck report\n")  # check --format markdown's report
    assert "### retreat of the largest glacier (dismissed)" in exported.splitlines()
    assert exported.endswith(
        "## Reviewer's decisions\n\n"
        "| Finding | Status | Decision | Note | Id |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| retreat of the largest glacier (measure) | ✗ conflict | dismissed "
        "| 12 mi \\| 19.3 km | `f-glacier-retreat` |\n"
    )


async def test_five_thousand_findings_mount_and_filter(review_path: Path) -> None:
    report = many_findings(example_report(), 5000)
    app = make_app(report, review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        assert screen.table.row_count == 5000
        conflicts = sum(finding.status is Status.CONFLICT for finding in report.findings)
        assert [f.status for f in screen.table.shown[: conflicts + 1]] == [
            Status.CONFLICT
        ] * conflicts + [Status.SINGLE]
        await pilot.press("s")
        await pilot.pause()
        assert screen.table.row_count == conflicts == 834
        await pilot.press("x", "slash", *"#4999", "enter")
        await pilot.pause()
        assert shown_ids(screen) == ["f-1945-4999"]  # 4999 % 12 == 7


async def test_recheck_runs_in_a_worker_and_replaces_the_report(review_path: Path) -> None:
    report = example_report()
    fixed = replace(
        report,
        findings=tuple(
            replace(f, status=Status.AGREE) if f.id == "f-time-vietnam" else f
            for f in report.findings
        ),
    )
    app = make_app(report, review_path=review_path, rechecker=lambda: fixed)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.report is fixed
        assert shown_ids(screen)[:1] == ["f-glacier-retreat"]
        assert sum(f.status is Status.CONFLICT for f in screen.table.shown) == 1


async def test_a_recheck_may_bring_another_source(review_path: Path) -> None:
    report = example_report()
    third = replace(report.sources[1], path="fixtures/example/outlet_c.txt")
    bigger = replace(
        report,
        sources=(*report.sources, third),
        findings=tuple(
            replace(f, claims=(*f.claims, replace(f.claims[-1], source=2))) for f in report.findings
        ),
    )
    app = make_app(report, review_path=review_path, rechecker=lambda: bigger)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = screen_of(app)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        columns = [column.label.plain for column in screen.table.ordered_columns]
        assert columns[4:7] == ["A", "B", "C"]
        assert [view.index for view in screen.source_views] == [0, 1, 2]
        assert str(screen.table.get_row_at(0)[6]) == "roughly 19 kilometres"


async def test_a_failed_recheck_is_a_message_not_a_crash(review_path: Path) -> None:
    def broken() -> Report:
        raise OSError("outlet_a.txt: no such file")

    app = make_app(example_report(), review_path=review_path, rechecker=broken)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages == ["Re-check failed: outlet_a.txt: no such file"]
        assert screen_of(app).is_rechecking is False


async def test_a_review_file_that_cannot_be_written_is_reported(
    review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, verdicts: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("factcheck.tui.decisions.save_verdicts", disk_full)
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        screen = screen_of(app)
        assert screen.decisions.verdicts == {}
        assert str(screen.table.get_row_at(0)[1]) == ""
        messages = [n.message for n in app._notifications]
        assert messages == ["Could not save the review file: [Errno 28] No space left on device"]


async def test_help_details_theme_and_palette(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape")
        theme = app.theme
        await select(pilot, screen_of(app), "f-fund")
        await pilot.press("t")
        await pilot.pause()
        assert app.theme != theme and app.theme in {"textual-light", "textual-dark"}
        highlighted = screen_of(app).table.highlighted  # rows redrawn in the new colours
        assert highlighted is not None and highlighted.id == "f-fund"
        titles = {command.title for command in app.get_system_commands(app.screen)}
        wanted = {c.label for c in COMMANDS if c.action != "recheck"}
        assert wanted <= titles
        assert "Re-check" not in titles  # no rechecker given: not offered
        await pilot.press("q")
    assert app.return_code == 0


async def test_article_text_cannot_inject_markup_or_escape_codes(review_path: Path) -> None:
    text = "Police said [bold red]42[/] people \x1b[2J left at 9 am.\n"
    document = Document(path="evil.txt", text=text, title="[link=http://x]t[/link]")
    report = Report(sources=(document, document), findings=())
    app = make_app(report, review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        view = screen_of(app).source_views[0]
        paragraph = str(view.query(".paragraph").first().visual)
        assert paragraph == "Police said [bold red]42[/] people \ufffd[2J left at 9 am."
        header = str(view.query_one(".source-header").visual)
        assert header == "A date unknown · [link=http://x]t[/link]\nevil.txt"


async def test_narrow_terminal_stacks_the_sources(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        a, b = screen.source_views
        assert "-narrow" in screen.classes
        assert a.region.x == b.region.x and a.region.bottom <= b.region.y
        assert not screen.query_one("#detail").display
        columns = [column.label.plain for column in screen.table.ordered_columns]
        assert columns == ["", "Review", "Kind", "Referent", "A", "B"]
        assert str(screen.table.get_row_at(0)[0]) == "✗"
        await select(pilot, screen, "f-freed")
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        # the table is rebuilt with wider columns; the cursor stays on the finding
        assert screen.table.highlighted is not None and screen.table.highlighted.id == "f-freed"
        assert screen.selected is not None and screen.selected.id == "f-freed"
        assert (
            "-wide" in screen.classes and a.region.y == b.region.y and a.region.right <= b.region.x
        )
        for view in (a, b):  # rewrapped text, the marked claim still in view
            assert view.cursor is not None and claim_line_visible(view, view.cursor)
        assert screen.query_one("#detail").display
        await pilot.resize_terminal(160, 24)  # wide but short: the text keeps the rows
        await pilot.pause()
        assert not screen.query_one("#detail").display


async def test_the_command_palette_runs_review_actions(review_path: Path) -> None:
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Dismiss")
        await app.workers.wait_for_complete()  # the palette searches in a worker of its own
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert decisions_in(review_path)["f-glacier-retreat"]["decision"] == "dismissed"


async def test_a_selection_made_before_the_first_layout_wins(review_path: Path) -> None:
    """The first finding's scroll waits for the layout; a later selection must not lose to it."""
    app = make_app(example_report(), review_path=review_path)
    async with app.run_test(size=WIDE) as pilot:
        screen = screen_of(app)
        screen.table.select_finding("f-round")  # no pause: nothing is laid out yet
        await pilot.pause()
        await pilot.pause()
        for view in screen.source_views:
            mark = view.marks[view.cursor]  # type: ignore[index]
            assert view.document.text[mark.start : mark.end] == "fourth round"
            assert claim_line_visible(view, view.cursor)  # type: ignore[arg-type]
