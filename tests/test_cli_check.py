"""`factcheck check` through click's CliRunner, with a stand-in extractor (no model)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from builders import claim
from click.testing import CliRunner

import factcheck.check
import factcheck.nlp
from factcheck.cli import cli
from factcheck.model import Claim, Document, Report
from factcheck.review_file import Decision, Verdict, save_verdicts


def _homes(document: Document) -> list[Claim]:
    """Stand-in extractor: every "N homes" in the text."""
    found = []
    for match in re.finditer(r"(\d+) homes", document.text):
        sentence_start = document.text.rfind("\n", 0, match.start()) + 1
        sentence_end = document.text.find("\n", match.end())
        sentence = document.text[sentence_start : sentence_end if sentence_end >= 0 else None]
        found.append(
            claim(
                sentence,
                match.group(1),
                value=float(match.group(1)),
                key="home",
                sentence_start=sentence_start,
            )
        )
    return found


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    def check_documents(documents, nlp, options, skipped=()) -> Report:  # type: ignore[no-untyped-def]
        return factcheck.check.check_claims(
            documents, [_homes(d) for d in documents], options, skipped
        )

    monkeypatch.setattr(factcheck.check, "check_documents", check_documents)
    monkeypatch.setattr(factcheck.nlp, "load_model", lambda name="": None)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    c = tmp_path / "c.txt"
    a.write_text("The fire destroyed 12 homes in the valley.\n")
    b.write_text("Flames destroyed 12 homes, officials said.\n")
    c.write_text("Flames destroyed 14 homes, officials said.\n")
    return a, b, c


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", *args])


def test_agreeing_pair_exits_0(pair) -> None:  # type: ignore[no-untyped-def]
    a, b, _ = pair
    result = run(str(a), str(b), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [f["status"] for f in document["findings"]] == ["agree"]


def test_conflict_exits_1_unless_fail_on_never(pair) -> None:  # type: ignore[no-untyped-def]
    a, _, c = pair
    assert run(str(a), str(c)).exit_code == 1
    assert run(str(a), str(c), "--fail-on", "never").exit_code == 0


def test_three_sources(pair) -> None:  # type: ignore[no-untyped-def]
    a, b, c = pair
    result = run(str(a), str(b), str(c), "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert sorted(x["source"] for x in finding["claims"]) == [0, 1, 2]


def test_input_errors_exit_2_with_one_line(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = pair[0]
    result = run(str(a))
    assert result.exit_code == 2
    assert result.stderr == "factcheck: error: need at least two sources to compare, got 1\n"
    missing = tmp_path / "missing.txt"
    result = run(str(a), str(missing))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "factcheck: error: need at least two readable sources, got 1 of 2"
    )
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_source_is_skipped_when_two_remain(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _ = pair
    missing = tmp_path / "missing.txt"
    result = run(str(a), str(b), str(missing), "--format", "json")
    assert result.exit_code == 0
    assert [s["path"] for s in json.loads(result.stdout)["skipped"]] == [str(missing)]


def test_dismissed_conflict_is_left_out_of_the_exit_status(pair) -> None:  # type: ignore[no-untyped-def]
    a, _, c = pair
    document = json.loads(run(str(a), str(c), "--format", "json").stdout)
    (finding,) = document["findings"]
    save_verdicts(
        a.parent / ".factcheck-review.json",
        {finding["id"]: Verdict(finding["id"], Decision.DISMISSED, referent="home")},
    )
    result = run(str(a), str(c))
    assert result.exit_code == 0
    assert "left 1 dismissed finding out of the exit status" in result.stderr


def test_bad_review_file_exits_2(pair) -> None:  # type: ignore[no-untyped-def]
    a, b, _ = pair
    (a.parent / ".factcheck-review.json").write_text("{")
    result = run(str(a), str(b))
    assert result.exit_code == 2 and result.stderr.startswith("factcheck: error: ")
    assert len(result.stderr.splitlines()) == 1


def test_output_file_and_flags(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, _, c = pair
    out = tmp_path / "report.md"
    result = run(str(a), str(c), "--format", "markdown", "--output", str(out))
    assert result.exit_code == 1 and result.stdout == ""
    assert out.read_text().startswith("# factcheck report\n")
    ignored = run(str(a), str(c), "--ignore-kind", "count", "--format", "json")
    assert ignored.exit_code == 0 and json.loads(ignored.stdout)["findings"] == []
    loose = run(str(a), str(c), "--tolerance", "0.5")
    assert loose.exit_code == 1  # exact values get no tolerance


def test_config_file_is_read_and_flags_override(pair, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    a, _, c = pair
    (a.parent / "factcheck.toml").write_text('fail-on = "never"\n')
    monkeypatch.chdir(a.parent)
    assert run(str(a), str(c)).exit_code == 0
    assert run(str(a), str(c), "--fail-on", "conflict").exit_code == 1
    (a.parent / "factcheck.toml").write_text("tolerance = 7\n")
    result = run(str(a), str(c))
    assert result.exit_code == 2 and "factcheck.toml: tolerance" in result.stderr


def test_help() -> None:
    result = CliRunner().invoke(cli, ["check", "--help"])
    assert result.exit_code == 0
    for flag in (
        "--format",
        "--output",
        "--fail-on",
        "--tolerance",
        "--ignore-kind",
        "--published",
        "--review-file",
    ):
        assert flag in result.output
