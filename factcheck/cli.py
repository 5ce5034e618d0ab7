"""The command line: a thin shell that parses options, calls the library, renders and exits."""

from __future__ import annotations

import click

from factcheck import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Extract numeric claims from news texts and reconcile them across sources."""


def main() -> None:
    cli(prog_name="factcheck")
