"""The command line: a thin shell that parses options, calls the library, renders and exits."""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from factcheck import __version__
from factcheck.config import FAIL_ON_CHOICES, ConfigError, load_options, parse_kinds
from factcheck.model import Claim, Document, Kind

logger = logging.getLogger("factcheck")

EXIT_OK, EXIT_BAD_INPUT = 0, 2


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
    from factcheck.formats import FORMATTERS, wants_colour
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
    colour = wants_colour(output is None and sys.stdout.isatty(), os.environ)
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
    except Exception as error:  # a bug must still end in one line and exit 2, not a traceback
        logger.debug("check failed", exc_info=True)
        fail(f"internal error while checking {', '.join(d.path for d in documents)}: {error!r}")
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


def safe(text: str) -> str:
    """Article text made inert for a terminal: control characters (escape codes) become visible escapes."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _table(results: Sequence[tuple[Document, Sequence[Claim]]]) -> str:
    lines: list[str] = []
    for document, claims in results:
        lines.append(f"== {safe(document.path)}: {len(claims)} claims")
        rows = [("text", "kind", "normalized", "referent", "attribution")]
        rows += [
            (
                safe(c.text),
                str(c.kind),
                safe(c.normalized),
                safe(c.referent.text),
                safe(c.attribution),
            )
            for c in claims
        ]
        widths = [min(40, max(len(row[i]) for row in rows)) for i in range(5)]
        for row in rows:
            lines.append(
                "  ".join(
                    cell[:40].ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
    return "\n".join(lines) + "\n"


def _json(results: Sequence[tuple[Document, Sequence[Claim]]]) -> str:
    from factcheck.records import claim_record

    payload = [
        {"path": d.path, "claims": [claim_record(c) for c in claims]} for d, claims in results
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _csv(results: Sequence[tuple[Document, Sequence[Claim]]]) -> str:
    from factcheck.tables import sources_claims_frame

    return str(
        sources_claims_frame([(d.path, claims) for d, claims in results]).to_csv(index=False)
    )


FORMATTERS: dict[str, Callable[[Sequence[tuple[Document, Sequence[Claim]]]], str]] = {
    "table": _table,
    "json": _json,
    "csv": _csv,
}


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "format_", type=click.Choice(sorted(FORMATTERS)), default="table", show_default=True,
              help="How to print the claims.")  # fmt: skip
@click.option(
    "--published", default="", help="Publication date (ISO 8601) for sources that state none."
)
def extract(files: tuple[str, ...], format_: str, published: str) -> None:
    """List the numeric claims in each FILE (plain text, HTML or JSON; - reads standard input)."""
    from factcheck.extract import extract_documents
    from factcheck.ingest import SourceError, read_source
    from factcheck.nlp import load_model
    from factcheck.options import Options

    options = Options(published=published)
    try:
        documents = [read_source(path, options) for path in files]
    except SourceError as error:
        fail(safe(str(error)))
    claims = extract_documents(documents, load_model(options.model), options)
    click.echo(FORMATTERS[format_](list(zip(documents, claims, strict=True))), nl=False)


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
