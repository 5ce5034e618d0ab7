"""`factcheck extract`: formats, bad input, inert output."""

from __future__ import annotations

import io
import json
from csv import reader
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli


@pytest.mark.spacy
def test_extract_json_and_csv(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "a.txt"
    source.write_text("The city counted more than 6,000 ballots.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(source), "--format", "json"])
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert [
        (c["text"], c["kind"], c["lo"], c["bound"], c["referent"]) for c in payload[0]["claims"]
    ] == [("more than 6,000", "count", 6000.0, "more_than", "ballots")]
    csv = CliRunner().invoke(cli, ["extract", str(source), "--format", "csv"])
    assert csv.exit_code == 0
    rows = list(reader(io.StringIO(csv.output)))
    assert rows[0][:6] == ["path", "start", "end", "text", "kind", "value"]
    assert [row[3] for row in rows[1:]] == ["more than 6,000"]


@pytest.mark.spacy
def test_extract_table_is_inert(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "a.txt"
    filler = "The harbour was quiet that morning and the fog lifted slowly. " * 20
    source.write_text(filler + "Officials found 12 \x1b[31mboats\x1b[0m.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(source)])
    assert result.exit_code == 0
    assert "\x1b" not in result.output
    assert "12" in result.output


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.output == (
        f"factcheck: skipped {tmp_path / 'nope.txt'}: no such file\n"
        "factcheck: error: no readable source, got 0 of 1\n"
    )


def test_extract_help() -> None:
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0 and "--format" in result.output
