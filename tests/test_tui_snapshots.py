"""Snapshot tests: the review app's layout on a narrow and a wide terminal (pytest-textual-snapshot).

Regenerate after an intended change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs in tests/__snapshots__ before committing them.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from tui_report import example_report

from factcheck.review_file import FILE_NAME
from factcheck.tui import make_app


def test_narrow_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Sources stacked, status as a symbol, no evidence panel: all of it in 80x24."""
    app = make_app(example_report(), review_path=tmp_path / FILE_NAME)
    assert snap_compare(app, terminal_size=(80, 24))


def test_wide_160x48_after_a_dismissal(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Sources side by side, the evidence panel, a dismissed finding with a note."""
    app = make_app(example_report(), review_path=tmp_path / FILE_NAME)

    async def dismiss_with_note(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await pilot.press("down", "d", "a", *"Vietnam is UTC+7", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 48), run_before=dismiss_with_note)


def test_help_screen_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(example_report(), review_path=tmp_path / FILE_NAME)
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])
