"""The command line: a thin shell that parses options, calls the library, renders and exits."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from factcheck import __version__
from factcheck.config import FAIL_ON_CHOICES, ConfigError, load_options, parse_kinds
from factcheck.model import Kind

logger = logging.getLogger("factcheck")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Extract numeric claims from news texts and reconcile them across sources."""


def fail(message: str) -> NoReturn:
    """One line on stderr, exit status 2, no traceback."""
    from factcheck.check import EXIT_ERROR

    click.echo(f"factcheck: error: {' '.join(message.split())}", err=True)
    sys.exit(EXIT_ERROR)


def report_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The flags every reporting command shares."""
    from factcheck.formats import FORMATTERS

    decorators = [
        click.option(
            "--format",
            "output_format",
            type=click.Choice(sorted(FORMATTERS)),
            default="text",
            show_default=True,
            help="How to write the report.",
        ),
        click.option(
            "--output",
            "-o",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report to FILE instead of standard output.",
        ),
        click.option(
            "--fail-on",
            type=click.Choice(FAIL_ON_CHOICES),
            default=None,
            help="Exit 1 on any undismissed conflict (conflict, the default) or never.",
        ),
        click.option(
            "--tolerance",
            type=click.FloatRange(0, 1, max_open=True),
            default=None,
            help="Relative tolerance for approximate values (default 0.05).",
        ),
        click.option(
            "--ignore-kind",
            "ignore_kinds",
            multiple=True,
            type=click.Choice([k.value for k in Kind]),
            help="Leave claims of this kind out (repeatable).",
        ),
        click.option(
            "--published",
            default=None,
            metavar="DATE",
            help="Publication date (ISO 8601) for sources that state none.",
        ),
        click.option(
            "--review-file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Review file of dismissed findings (default: beside the first source).",
        ),
        click.option("--model", default=None, help="spaCy pipeline to load."),
    ]
    return functools.reduce(lambda f, decorate: decorate(f), reversed(decorators), command)


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE SOURCE [SOURCE ...]")
@report_options
def check(
    sources: tuple[str, ...],
    output_format: str,
    output: Path | None,
    fail_on: str | None,
    tolerance: float | None,
    ignore_kinds: tuple[str, ...],
    published: str | None,
    review_file: Path | None,
    model: str | None,
) -> None:
    """Compare the numeric claims of two or more news texts; exit 1 on a conflict.

    Exit status: 0 no conflict, 1 at least one undismissed conflict, 2 usage or input error.
    """
    from factcheck.check import apply_dismissals, check_documents, exit_code
    from factcheck.formats import FORMATTERS
    from factcheck.ingest import load_sources
    from factcheck.nlp import ModelNotFound, load_model
    from factcheck.review_file import (
        ReviewFileError,
        default_review_path,
        dismissed_ids,
        load_verdicts,
    )

    if len(sources) < 2:
        fail(f"need at least two sources to compare, got {len(sources)}")
    try:
        options = load_options()
    except ConfigError as error:
        fail(str(error))
    overrides: dict[str, Any] = {
        "fail_on": fail_on,
        "relative_tolerance": tolerance,
        "published": published,
        "model": model,
    }
    if ignore_kinds:
        overrides["ignore_kinds"] = options.ignore_kinds | parse_kinds(
            ignore_kinds, "--ignore-kind"
        )
    options = dataclasses.replace(options, **{k: v for k, v in overrides.items() if v is not None})
    colour = output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    options = dataclasses.replace(options, color=colour and output_format == "text")

    documents, skipped = load_sources(sources, options)
    for problem in skipped:
        click.echo(f"factcheck: skipped {problem.path}: {problem.reason}", err=True)
    if len(documents) < 2:
        fail(f"need at least two readable sources, got {len(documents)} of {len(sources)}")
    review_path = review_file or default_review_path(list(sources))
    try:
        dismissed = dismissed_ids(load_verdicts(review_path))
        nlp = load_model(options.model)
        report = check_documents(documents, nlp, options, skipped)
    except (ReviewFileError, ModelNotFound) as error:
        fail(str(error))
    report = apply_dismissals(report, dismissed)
    if report.dismissed:
        count = len(report.dismissed)
        click.echo(
            f"factcheck: left {count} dismissed finding{'s' * (count != 1)} out of the exit status"
            f" ({review_path})",
            err=True,
        )
    payload = FORMATTERS[output_format](report, options)
    if output is None:
        click.echo(payload, nl=False)
    else:
        try:
            output.write_text(payload, encoding="utf-8")
        except OSError as error:
            fail(f"{output}: cannot write the report ({error.strerror or error})")
    sys.exit(exit_code(report, options))


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE SOURCE [SOURCE ...]")
@click.option(
    "--review-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where decisions are kept (default: .factcheck-review.json beside the first source).",
)
@click.option(
    "--published",
    default=None,
    metavar="DATE",
    help="Publication date (ISO 8601) for sources that state none.",
)
@click.option("--model", default=None, help="spaCy pipeline to load.")
def review(
    sources: tuple[str, ...], review_file: Path | None, published: str | None, model: str | None
) -> None:
    """Review the findings in a terminal app: see the evidence, confirm or dismiss, export.

    Decisions are written at once to the review file that `factcheck check` reads.
    """
    # Imported here so that `check` and `--help` do not pay for loading Textual.
    from factcheck.tui.launch import LaunchError, prepare_review

    try:
        options = load_options()
    except ConfigError as error:
        fail(str(error))
    overrides: dict[str, Any] = {"published": published, "model": model}
    options = dataclasses.replace(options, **{k: v for k, v in overrides.items() if v is not None})
    try:
        app = prepare_review(sources, options, review_file, is_terminal=sys.stdout.isatty())
    except LaunchError as error:
        fail(str(error))
    app.run()


def main() -> None:
    cli(prog_name="factcheck")
