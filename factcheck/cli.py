"""The command line: a thin shell that parses options, calls the library, renders and exits."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from factcheck import __version__
from factcheck.claim_formats import CLAIM_FORMATTERS, safe
from factcheck.config import FAIL_ON_CHOICES, ConfigError, load_options, parse_kinds
from factcheck.model import Document, Kind, Skipped
from factcheck.options import Options

if TYPE_CHECKING:
    from factcheck.stories import Story

logger = logging.getLogger("factcheck")

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class _Group(click.Group):
    """The one catch-all: whatever a command raises ends in one line on stderr and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(130)
        except Exception as error:  # a bug must still end in one line and exit 2, not a traceback
            logger.debug("internal error", exc_info=True)
            command = ctx.invoked_subcommand or "factcheck"
            fail(f"internal error in {command}: {error!r}")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Extract numeric claims from news texts and reconcile them across sources."""


def fail(message: str) -> NoReturn:
    """One line on stderr, exit status 2, no traceback."""
    from factcheck.check import EXIT_ERROR

    click.echo(f"factcheck: error: {' '.join(message.split())}", err=True)
    sys.exit(EXIT_ERROR)


def source_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The flags every command that reads sources shares: how to read them."""
    decorators = [
        click.option(
            "--published",
            default=None,
            metavar="DATE",
            help="Publication date (ISO 8601) for sources that state none.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=None,
            help="Skip sources larger than this many bytes (default 5000000).",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True),
            default=None,
            help="Seconds to wait for a URL source (default 20).",
        ),
    ]
    return functools.reduce(lambda f, decorate: decorate(f), reversed(decorators), command)


def run_options(**overrides: Any) -> Options:
    """The configuration files' options with every flag that was given (not None) on top."""
    try:
        options = load_options()
    except ConfigError as error:
        fail(str(error))
    return dataclasses.replace(options, **{k: v for k, v in overrides.items() if v is not None})


def report_skipped(skipped: Sequence[Skipped]) -> None:
    """Name each skipped source on stderr, one line each: path and problem."""
    for problem in skipped:
        click.echo(f"factcheck: skipped {safe(problem.path)}: {safe(problem.reason)}", err=True)


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
            "--review-file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Review file of dismissed findings (default: beside the first source of each story).",
        ),
        click.option("--model", default=None, help="spaCy pipeline to load."),
    ]
    return source_options(
        functools.reduce(lambda f, decorate: decorate(f), reversed(decorators), command)
    )


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
    max_bytes: int | None,
    timeout: float | None,
    review_file: Path | None,
    model: str | None,
) -> None:
    """Compare the numeric claims of two or more news texts; exit 1 on a conflict.

    SOURCE is a text, Markdown, HTML, JSON or JSON Lines file, a folder of them, - for
    standard input, or an http(s) URL. A folder of story folders, or a TOML manifest of
    stories, checks each story on its own and prints one report.

    Exit status: 0 no conflict, 1 at least one undismissed conflict, 2 usage or input error.
    """
    from factcheck.formats import wants_colour
    from factcheck.ingest import SourceError
    from factcheck.stories import discover_stories

    options = run_options(
        fail_on=fail_on,
        relative_tolerance=tolerance,
        published=published,
        max_bytes=max_bytes,
        timeout=timeout,
        model=model,
    )
    if ignore_kinds:
        options = dataclasses.replace(
            options, ignore_kinds=options.ignore_kinds | parse_kinds(ignore_kinds, "--ignore-kind")
        )
    colour = wants_colour(output is None and sys.stdout.isatty(), os.environ)
    options = dataclasses.replace(options, color=colour and output_format == "text")
    try:
        stories = discover_stories(sources)
    except SourceError as error:
        fail(safe(str(error)))
    if stories is None:
        if len(sources) < 2 and not Path(sources[0]).is_dir():  # a folder may hold several
            fail(f"need at least two sources to compare, got {len(sources)}")
        payload, status = _check_pair(sources, options, output_format, review_file)
    else:
        payload, status = _check_batch(stories, options, output_format, review_file)
    _write(payload, output)
    sys.exit(status)


def _check_pair(
    sources: Sequence[str], options: Options, output_format: str, review_file: Path | None
) -> tuple[str, int]:
    """One comparison of every source: the report and the exit status."""
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

    documents, skipped = load_sources(sources, options)
    report_skipped(skipped)
    if len(documents) < 2:
        fail(f"need at least two readable sources, got {len(documents)} of {len(sources)}")
    review_path = review_file or default_review_path(list(sources))
    try:
        dismissed = dismissed_ids(load_verdicts(review_path))
        nlp = load_model(options.model)
    except (ReviewFileError, ModelNotFound) as error:
        fail(str(error))
    report = apply_dismissals(check_documents(documents, nlp, options, skipped), dismissed)
    _say_dismissed(len(report.dismissed), review_path)
    return FORMATTERS[output_format](report, options), exit_code(report, options)


def _check_batch(
    stories: Sequence[Story], options: Options, output_format: str, review_file: Path | None
) -> tuple[str, int]:
    """Each story checked on its own with one loaded model: one report, the summed exit status."""
    from factcheck.batch import BATCH_FORMATTERS, batch_exit_code, check_stories
    from factcheck.ingest import load_sources
    from factcheck.nlp import ModelNotFound, load_model
    from factcheck.review_file import ReviewFileError

    try:
        nlp = load_model(options.model)
    except ModelNotFound as error:
        fail(str(error))
    show_progress = stderr_is_terminal()

    def progress(index: int, total: int, story: Story) -> None:
        if show_progress:
            click.echo(f"factcheck: [{index}/{total}] {safe(story.name)}", err=True)

    def load(
        paths: Sequence[str], options: Options
    ) -> tuple[tuple[Document, ...], tuple[Skipped, ...]]:
        documents, skipped = load_sources(paths, options)
        report_skipped(skipped)
        return documents, skipped

    try:
        batch = check_stories(
            stories, nlp, options, review_path=review_file, progress=progress, load=load
        )
    except ReviewFileError as error:
        fail(str(error))
    for story in batch.stories:
        if not story.checked:
            click.echo(
                f"factcheck: story {safe(story.name)} not checked: "
                f"{len(story.report.sources)} readable source(s), need two",
                err=True,
            )
        _say_dismissed(len(story.report.dismissed), Path(story.review_path))
    status = batch_exit_code(batch, options)
    if status == EXIT_BAD_INPUT:
        fail(f"no story could be checked (each needs two readable sources; {len(stories)} given)")
    return BATCH_FORMATTERS[output_format](batch, options), status


def stderr_is_terminal() -> bool:
    """Progress goes to stderr only when a person watches it (never into a log or a pipe)."""
    return sys.stderr.isatty()


def _say_dismissed(count: int, review_path: Path) -> None:
    if count:
        click.echo(
            f"factcheck: left {count} dismissed finding{'s' * (count != 1)} out of the exit status"
            f" ({review_path})",
            err=True,
        )


def _write(payload: str, output: Path | None) -> None:
    if output is None:
        click.echo(payload, nl=False)
        return
    try:
        output.write_text(payload, encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write the report ({error.strerror or error})")


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="SOURCE [SOURCE ...]")
@click.option("--format", "format_", type=click.Choice(sorted(CLAIM_FORMATTERS)), default="table", show_default=True,
              help="How to print the claims.")  # fmt: skip
@source_options
@click.option("--model", default=None, help="spaCy pipeline to load.")
def extract(
    files: tuple[str, ...],
    format_: str,
    published: str | None,
    max_bytes: int | None,
    timeout: float | None,
    model: str | None,
) -> None:
    """List the numeric claims in each SOURCE.

    SOURCE is a text, Markdown, HTML, JSON or JSON Lines file (one document per record), a
    folder of them, - for standard input, or an http(s) URL.
    """
    from factcheck.extract import extract_documents
    from factcheck.ingest import load_sources
    from factcheck.nlp import ModelNotFound, load_model

    options = run_options(published=published, max_bytes=max_bytes, timeout=timeout, model=model)
    documents, skipped = load_sources(files, options)
    report_skipped(skipped)
    if not documents:
        fail(f"no readable source, got 0 of {len(files)}")
    try:
        nlp = load_model(options.model)
    except ModelNotFound as error:
        fail(str(error))
    claims = extract_documents(documents, nlp, options)
    results = list(zip(documents, claims, strict=True))
    click.echo(CLAIM_FORMATTERS[format_](results, skipped), nl=False)


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE SOURCE [SOURCE ...]")
@click.option(
    "--review-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where decisions are kept (default: .factcheck-review.json beside the first source).",
)
@source_options
@click.option("--model", default=None, help="spaCy pipeline to load.")
def review(
    sources: tuple[str, ...],
    review_file: Path | None,
    published: str | None,
    max_bytes: int | None,
    timeout: float | None,
    model: str | None,
) -> None:
    """Review the findings in a terminal app: see the evidence, confirm or dismiss, export.

    SOURCE is read as for `factcheck check` (files, HTML, JSON, folders, - for standard
    input, URLs).
    Decisions are written at once to the review file that `factcheck check` reads.
    """
    # Imported here so that `check` and `--help` do not pay for loading Textual.
    from factcheck.ingest import load_sources
    from factcheck.review_file import default_review_path
    from factcheck.tui.launch import LaunchError, prepare_review

    options = run_options(published=published, max_bytes=max_bytes, timeout=timeout, model=model)
    if len(sources) < 2:
        fail(f"need at least two sources to compare, got {len(sources)}")
    review_file = review_file or default_review_path(list(sources))
    paths, spooled = _spool_stdin(sources, options)
    documents, skipped = load_sources(paths, options)
    report_skipped(skipped)
    if len(documents) < 2:
        fail(f"need at least two readable sources, got {len(documents)} of {len(sources)}")
    try:
        app = prepare_review(paths, options, review_file, is_terminal=sys.stdout.isatty())
    except LaunchError as error:
        fail(str(error))
    if spooled and not sys.stdin.isatty():
        _keys_from_the_terminal()
    app.run()


def _spool_stdin(sources: Sequence[str], options: Options) -> tuple[tuple[str, ...], bool]:
    """Standard input kept in a temporary file: the app reads its sources again on a re-check.

    Returns the sources with ``-`` replaced by that file, and whether stdin was read.
    """
    import tempfile

    from factcheck.raw import SourceError, read_stdin

    if "-" not in sources:
        return tuple(sources), False
    try:
        data = read_stdin(options).data
        if not data.strip():
            raise SourceError("-", "empty input")
    except SourceError as error:
        report_skipped([Skipped(path="-", reason=error.problem)])
        return tuple(s for s in sources if s != "-"), True
    folder = Path(tempfile.mkdtemp(prefix="factcheck-review-"))
    spool = folder / "stdin"
    spool.write_bytes(data)
    first = sources.index("-")
    # A second "-" would read the same input again: it stays "-" and is skipped as a repeat.
    return tuple(str(spool) if i == first else s for i, s in enumerate(sources)), True


def _keys_from_the_terminal() -> None:
    """After reading a source from a pipe, take the app's keys from the terminal instead."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        fail("review read standard input and has no terminal left for its keys")
    os.dup2(terminal, 0)
    os.close(terminal)


def main() -> None:
    cli(prog_name="factcheck")
