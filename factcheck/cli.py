"""The command line: a thin shell that parses options, calls the library, renders and exits."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence

import click

from factcheck import __version__
from factcheck.model import Claim, Document

EXIT_OK, EXIT_BAD_INPUT = 0, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Extract numeric claims from news texts and reconcile them across sources."""


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
        click.echo(f"factcheck: {safe(str(error))}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    claims = extract_documents(documents, load_model(options.model), options)
    click.echo(FORMATTERS[format_](list(zip(documents, claims, strict=True))), nl=False)


def main() -> None:
    cli(prog_name="factcheck")
