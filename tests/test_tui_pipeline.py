"""The review app on real check output: the example pair and the seed pair through spaCy.

Skipped until the extract stage is part of the build (factcheck.check needs it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_report import PATHS

from factcheck.options import Options
from factcheck.review_file import FILE_NAME
from factcheck.tui.launch import prepare_review
from factcheck.tui.review_screen import ReviewScreen

pytestmark = pytest.mark.spacy


def is_in_view(view, widget) -> bool:  # type: ignore[no-untyped-def]
    top = view.body.scroll_offset.y
    region = widget.virtual_region
    return bool(region.y < top + view.body.size.height and region.bottom > top)


async def assert_every_finding_scrolls_its_sources(app) -> int:  # type: ignore[no-untyped-def]
    """Select each finding in turn; each source that holds one of its claims shows it marked."""
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        findings = screen.table.shown
        for finding in findings:
            assert screen.table.select_finding(finding.id)
            await pilot.pause()
            for view in screen.source_views:
                surfaces = {c.claim.text for c in finding.claims if c.source == view.index}
                if not surfaces:
                    assert view.cursor is None
                    continue
                assert view.cursor is not None
                mark = view.marks[view.cursor]
                assert view.document.text[mark.start : mark.end] in surfaces
                widget = view.paragraph_widget(view.cursor)
                # Layout and the deferred scroll may take a few refreshes on a busy machine.
                for _ in range(20):
                    if is_in_view(view, widget):
                        break
                    await pilot.pause(0.05)
                top = view.body.scroll_offset.y
                assert widget.virtual_region.y < top + view.body.size.height
                assert widget.virtual_region.bottom > top
        return len(findings)


async def test_the_example_pair(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("factcheck.extract", reason="the extract stage is not in this build")
    app = prepare_review([str(p) for p in PATHS], Options(), tmp_path / FILE_NAME)
    assert await assert_every_finding_scrolls_its_sources(app) > 5


@pytest.mark.seeds
async def test_the_seed_pair(nlp, seed_texts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("factcheck.extract", reason="the extract stage is not in this build")
    paths = []
    for number, text in enumerate(seed_texts):
        path = tmp_path / f"seed_{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    app = prepare_review(paths, Options(), tmp_path / FILE_NAME)
    assert await assert_every_finding_scrolls_its_sources(app) > 5
