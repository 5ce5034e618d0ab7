"""The command line: a thin shell that parses options, calls the library, renders and exits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from factcheck import __version__
from factcheck.options import Options

EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """One line on stderr naming the problem, exit status 2, no traceback."""
    click.echo(f"factcheck: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Extract numeric claims from news texts and reconcile them across sources."""


@cli.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE SOURCE [SOURCE ...]")
@click.option(
    "--review-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where decisions are kept (default: .factcheck-review.json beside the first source).",
)
def review(sources: tuple[str, ...], review_file: Path | None) -> None:
    """Review the findings in a terminal app: see the evidence, confirm or dismiss, export."""
    # Imported here so that `check` and `--help` do not pay for loading Textual.
    from factcheck.tui.launch import LaunchError, prepare_review

    try:
        app = prepare_review(sources, Options(), review_file, is_terminal=sys.stdout.isatty())
    except LaunchError as error:
        fail(str(error))
    app.run()


def main() -> None:
    cli(prog_name="factcheck")
