"""From source paths to a ready review app; every reason not to start becomes a LaunchError."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.ingest import load_sources
from factcheck.model import Document, Report, Skipped
from factcheck.nlp import ModelNotFound, load_model
from factcheck.options import Options
from factcheck.review_file import ReviewFileError, default_review_path, load_verdicts
from factcheck.tui.app import ReviewApp, make_app

logger = logging.getLogger(__name__)

Check = Callable[[Sequence[str], Options], Report]


class LaunchError(Exception):
    """A one-line reason the review app cannot start (bad source, broken review file, ...)."""


def read_documents(
    paths: Sequence[str], options: Options
) -> tuple[tuple[Document, ...], tuple[Skipped, ...]]:
    """The readable sources and the skipped ones; fewer than two readable is a LaunchError."""
    documents, skipped = load_sources(paths, options)
    if len(documents) < 2:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped)
        raise LaunchError(
            f"need at least two readable sources, got {len(documents)} of {len(paths)}"
            + (f" ({reasons})" if reasons else "")
        )
    return documents, skipped


def check_sources(paths: Sequence[str], options: Options) -> Report:
    """Read the sources and run the check: what the app shows first, and what a re-check redoes."""
    from factcheck.check import check_documents

    documents, skipped = read_documents(paths, options)
    try:
        nlp = load_model(options.model)
    except ModelNotFound as error:
        raise LaunchError(str(error)) from None
    logger.info("checking %d sources", len(documents))
    try:
        return check_documents(documents, nlp, options, skipped)
    except ModuleNotFoundError as error:  # a build without the extract stage: say so, no traceback
        raise LaunchError(f"the check pipeline is incomplete: no module {error.name}") from None


def prepare_review(
    paths: Sequence[str],
    options: Options,
    review_path: Path | None = None,
    *,
    is_terminal: bool = True,
    check: Check = check_sources,
) -> ReviewApp:
    """Check the sources and build the app, failing early with a LaunchError for bad input.

    The cheap checks (enough sources, a readable review file, a terminal) come before the
    spaCy model loads, so a typo is reported at once.
    """
    if len(paths) < 2:
        raise LaunchError(f"need at least two sources to compare, got {len(paths)}")
    read_documents(paths, options)
    review_path = review_path or default_review_path(list(paths))
    try:
        load_verdicts(review_path)
    except ReviewFileError as error:
        raise LaunchError(str(error)) from None
    if not is_terminal:
        raise LaunchError(
            "review is an interactive app and needs a terminal; use `factcheck check`"
        )
    report = check(paths, options)

    def recheck() -> Report:
        return check(paths, options)

    return make_app(report, review_path=review_path, rechecker=recheck, options=options)
