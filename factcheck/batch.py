"""Batch checks: every story of a folder or manifest checked on its own, one report for all.

A story's sources are compared with each other and never with another story's. The batch
report is the list of the stories' reports; its exit status is 1 when any story has an
undismissed conflict, and 2 only when no story could be checked at all (fewer than two
readable sources in every story).
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.check import (
    EXIT_CONFLICT,
    EXIT_ERROR,
    EXIT_OK,
    apply_dismissals,
    counted_conflicts,
)
from factcheck.formats import FORMATTERS, markdown_escape, safe_text
from factcheck.ingest import load_sources
from factcheck.model import Document, Report, Skipped
from factcheck.options import Options
from factcheck.records import REPORT_VERSION, Record, report_records
from factcheck.review_file import default_review_path, dismissed_ids, load_verdicts
from factcheck.stories import Story

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

Loader = Callable[[Sequence[str], Options], tuple[tuple[Document, ...], tuple[Skipped, ...]]]
Progress = Callable[[int, int, Story], None]


@dataclass(frozen=True, slots=True)
class StoryReport:
    """One story's report; ``checked`` is False when fewer than two of its sources were readable."""

    name: str
    report: Report
    checked: bool = True
    review_path: str = ""
    """The review file whose dismissals were applied ("" when none was read)."""


@dataclass(frozen=True, slots=True)
class BatchReport:
    """The reports of every story of one batch run, in the order the stories were given."""

    stories: tuple[StoryReport, ...]


def check_story(
    story: Story,
    nlp: Language,
    options: Options = Options(),
    *,
    review_path: Path | None = None,
    load: Loader = load_sources,
) -> StoryReport:
    """Read and check one story's sources; a story with fewer than two readable ones is unchecked.

    Raises ``ReviewFileError`` for a broken review file (the run cannot honour dismissals).
    """
    # Looked up at call time, like the CLI does, so one stand-in extractor serves both paths.
    from factcheck.check import check_documents

    documents, skipped = load(story.sources, options)
    if len(documents) < 2:
        report = Report(sources=tuple(documents), findings=(), skipped=tuple(skipped))
        return StoryReport(story.name, report, checked=False)
    path = review_path or default_review_path(list(story.sources))
    dismissed = dismissed_ids(load_verdicts(path))
    report = apply_dismissals(check_documents(documents, nlp, options, skipped), dismissed)
    return StoryReport(story.name, report, checked=True, review_path=str(path))


def check_stories(
    stories: Sequence[Story],
    nlp: Language,
    options: Options = Options(),
    *,
    review_path: Path | None = None,
    progress: Progress | None = None,
    load: Loader = load_sources,
) -> BatchReport:
    """Check each story separately with one loaded model; ``progress(i, n, story)`` before each."""
    results = []
    for index, story in enumerate(stories, 1):
        if progress is not None:
            progress(index, len(stories), story)
        results.append(check_story(story, nlp, options, review_path=review_path, load=load))
    return BatchReport(stories=tuple(results))


def batch_exit_code(batch: BatchReport, options: Options = Options()) -> int:
    """2 when no story could be checked, else 1 when any story has an undismissed conflict."""
    checked = [s for s in batch.stories if s.checked]
    if not checked:
        return EXIT_ERROR
    if options.fail_on == "never":
        return EXIT_OK
    return EXIT_CONFLICT if any(counted_conflicts(s.report) for s in checked) else EXIT_OK


# ---------------------------------------------------------------- records and formats


def batch_summary(batch: BatchReport) -> Record:
    """Totals over every story: counts of stories, and the sums of the stories' summaries."""
    summaries = [report_records(s.report)["summary"] for s in batch.stories]
    totals: Record = {
        "stories": len(batch.stories),
        "checked": sum(s.checked for s in batch.stories),
        "stories_with_conflicts": sum(
            bool(counted_conflicts(s.report)) for s in batch.stories if s.checked
        ),
    }
    for key in summaries[0] if summaries else ():
        totals[key] = sum(summary[key] for summary in summaries)
    return totals


def batch_records(batch: BatchReport) -> Record:
    """The batch as one JSON-ready document (the batch variant of schema/report.schema.json)."""
    return {
        "version": REPORT_VERSION,
        "stories": [
            {"name": s.name, "checked": s.checked, **report_records(s.report)}
            for s in batch.stories
        ],
        "summary": batch_summary(batch),
    }


def _summary_line(batch: BatchReport) -> str:
    s = batch_summary(batch)
    unchecked = s["stories"] - s["checked"]
    parts = [
        f"{s['stories']} stor{'ies' if s['stories'] != 1 else 'y'}",
        f"{s['stories_with_conflicts']} with conflicts",
        f"{s.get('conflicts', 0)} conflict{'s' * (s.get('conflicts', 0) != 1)}",
        f"{s.get('agreements', 0)} agreement{'s' * (s.get('agreements', 0) != 1)}",
    ]
    if unchecked:
        parts.append(f"{unchecked} not checked (fewer than two readable sources)")
    return ", ".join(parts)


def render_batch_text(batch: BatchReport, options: Options) -> str:
    """A section per story (its text report), then the totals."""
    sections = []
    for story in batch.stories:
        header = f"=== story: {safe_text(story.name)}"
        if not story.checked:
            header += " (not checked: fewer than two readable sources)"
        sections.append(header + "\n" + FORMATTERS["text"](story.report, options))
    return "\n".join(sections) + f"\nfactcheck batch: {_summary_line(batch)}\n"


def render_batch_json(batch: BatchReport, options: Options) -> str:
    """The batch document: ``{"version", "stories": [{"name", "checked", ...report}], "summary"}``."""
    return json.dumps(batch_records(batch), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def render_batch_markdown(batch: BatchReport, options: Options) -> str:
    """One Markdown document: the totals, then each story's report one heading level down."""
    lines = ["# factcheck batch report", "", f"**{markdown_escape(_summary_line(batch))}**", ""]
    for story in batch.stories:
        title = markdown_escape(story.name)
        if not story.checked:
            title += " (not checked: fewer than two readable sources)"
        lines += [f"## Story: {title}", ""]
        body = FORMATTERS["markdown"](story.report, options).splitlines()
        # The story's own "# factcheck report" heading gives way to the story heading above;
        # article text is escaped ("\#"), so only real headings start with "#".
        lines += ["#" + line if line.startswith("#") else line for line in body[1:]]
        lines.append("")
    return "\n".join(lines)


def render_batch_github(batch: BatchReport, options: Options) -> str:
    """The annotations of every story (each names its file, so they need no story label)."""
    return "".join(FORMATTERS["github"](s.report, options) for s in batch.stories)


def render_batch_csv(batch: BatchReport, options: Options) -> str:
    """Every story's findings table with a leading ``story`` column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header_written = False
    for story in batch.stories:
        rows = list(csv.reader(io.StringIO(FORMATTERS["csv"](story.report, options))))
        if not rows:
            continue
        if not header_written:
            writer.writerow(["story", *rows[0]])
            header_written = True
        name = story.name
        if name.startswith(("=", "+", "-", "@", "\t", "\r")):  # no formula from a folder name
            name = "'" + name
        writer.writerows([name, *row] for row in rows[1:])
    return buffer.getvalue()


BATCH_FORMATTERS: dict[str, Callable[[BatchReport, Options], str]] = {
    "text": render_batch_text,
    "json": render_batch_json,
    "markdown": render_batch_markdown,
    "github": render_batch_github,
    "csv": render_batch_csv,
}
"""One batch formatter for each report format (same names as ``formats.FORMATTERS``)."""
