"""From source paths to a ready review app; every reason not to start becomes a LaunchError."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from factcheck.ingest import SourceError, read_source
from factcheck.model import Document, Report
from factcheck.nlp import ModelNotFound, load_model
from factcheck.options import Options
from factcheck.review_file import ReviewFileError, default_review_path, load_verdicts
from factcheck.tui.app import ReviewApp, make_app

logger = logging.getLogger(__name__)

CheckDocuments = Callable[[Sequence[Document], Any, Options], Report]


class LaunchError(Exception):
    """A one-line reason the review app cannot start (bad source, broken review file, ...)."""


def load_check() -> CheckDocuments:
    """``factcheck.check.check_documents``, the pipeline ``factcheck check`` runs."""
    try:
        module = importlib.import_module("factcheck.check")
    except ImportError:
        raise LaunchError("the check pipeline (factcheck.check) is not installed") from None
    return cast(CheckDocuments, module.check_documents)


def read_sources(paths: Sequence[str], options: Options) -> tuple[Document, ...]:
    try:
        return tuple(read_source(path, options) for path in paths)
    except SourceError as error:
        raise LaunchError(str(error)) from None


def check_sources(paths: Sequence[str], options: Options) -> Report:
    """Read the sources and run the check: what the app shows, and what a re-check redoes."""
    documents = read_sources(paths, options)
    check = load_check()
    try:
        nlp = load_model(options.model)
    except ModelNotFound as error:
        raise LaunchError(str(error)) from None
    logger.info("checking %d sources", len(documents))
    return check(documents, nlp, options)


def prepare_review(
    paths: Sequence[str],
    options: Options,
    review_path: Path | None = None,
    *,
    is_terminal: bool = True,
    check: Callable[[Sequence[str], Options], Report] = check_sources,
) -> ReviewApp:
    """Check the sources and build the app, failing early with a LaunchError for bad input."""
    if len(paths) < 2:
        raise LaunchError("review needs at least two sources to compare")
    read_sources(paths, options)  # cheap, and names a bad file before the model loads
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

    return make_app(report, review_path=review_path, rechecker=recheck)
