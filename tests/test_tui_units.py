"""The review app's rules without a screen: order, filters, marks, decisions, export, launch."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from tui_report import PATHS, example_report

from factcheck.cli import cli
from factcheck.model import Finding, Kind, Report, SourcedClaim, Status
from factcheck.options import Options
from factcheck.review_file import FILE_NAME, Decision, Verdict, load_verdicts
from factcheck.tui.decisions import Decisions
from factcheck.tui.dialogs import check_export_path
from factcheck.tui.export import render_decisions, render_markdown_with_decisions
from factcheck.tui.findings import (
    FindingFilter,
    claim_marks,
    filter_findings,
    kinds_present,
    order_findings,
    paragraph_spans,
    source_letter,
    summary_text,
    value_in,
)
from factcheck.tui.launch import LaunchError, prepare_review
from factcheck.tui.text import plain


def ids(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [finding.id for finding in findings]


def test_order_puts_conflicts_first_then_single_then_agreements_stably() -> None:
    ordered = order_findings(example_report().findings)
    assert ids(ordered)[:4] == ["f-glacier-retreat", "f-time-vietnam", "f-taken-a", "f-taken-b"]
    assert ids(ordered)[4:6] == ["f-time-session", "f-round"]  # report order kept among equals


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (FindingFilter(status=Status.SINGLE), ["f-taken-a", "f-taken-b"]),
        (FindingFilter(kind=Kind.TIME), ["f-time-session", "f-time-vietnam"]),
        (FindingFilter(status=Status.AGREE, kind=Kind.TIME), ["f-time-session"]),
        (FindingFilter(query="  GMT "), ["f-time-vietnam"]),  # claim text, any case, trimmed
        (FindingFilter(query="monitoring"), ["f-fund"]),  # referent
        (FindingFilter(query="Switzerland"), []),  # in a sentence only: not a match
    ],
    ids=["status", "kind", "both", "claim-text", "referent", "not-sentences"],
)
def test_filter(wanted: FindingFilter, expected: list[str]) -> None:
    assert ids(filter_findings(example_report().findings, wanted)) == expected


def test_summary_counts_statuses_claims_per_source_and_reviews() -> None:
    report = example_report()
    verdicts = {
        "f-time-vietnam": Verdict("f-time-vietnam", Decision.DISMISSED),
        "f-glacier-retreat": Verdict("f-glacier-retreat", Decision.CONFIRMED),
        "gone": Verdict("gone", Decision.DISMISSED),  # a finding this report no longer has
    }
    assert summary_text(report, verdicts, shown=3) == (
        "✗ 2 conflict · ○ 2 only in one · ✓ 8 agree │ A 11 claims · B 11 claims │ "
        "reviewed 2/12 (1 confirmed, 1 dismissed) │ showing 3"
    )


def test_claim_marks_are_in_text_order_once_each_with_the_worst_status() -> None:
    report = example_report()
    marks = claim_marks(report.findings, 0)
    text = report.sources[0].text
    assert [text[m.start : m.end] for m in marks][:4] == [
        "fourth round",
        "June 12",
        "3 pm Geneva time",
        "8 pm Vietnam time",
    ]
    assert [m.status for m in marks][2:4] == [Status.AGREE, Status.CONFLICT]
    shared = report.findings[0].claims[0]  # the same span in a second finding
    duplicate = Finding("dup", Status.CONFLICT, Kind.TIME, "x", "", claims=(shared,))
    doubled = (*report.findings, duplicate)
    mark = next(m for m in claim_marks(doubled, 0) if m.start == shared.claim.start)
    assert (mark.finding_id, mark.status) == ("dup", Status.CONFLICT)


def test_paragraph_spans_skip_blank_lines() -> None:
    assert paragraph_spans("one\n\n two \n\nthree") == ((0, 3), (5, 10), (12, 17))


def test_value_leaves_out_repeated_mentions() -> None:
    report = example_report()
    round_ = next(f for f in report.findings if f.id == "f-round")
    headline = SourcedClaim(0, replace(round_.claims[0].claim, start=20, end=32), alternate=True)
    repeated = replace(round_, claims=(*round_.claims, headline))
    assert value_in(repeated, 0) == "fourth round"
    only_repeats = replace(round_, claims=(headline,))
    assert value_in(only_repeats, 0) == "fourth round"


def test_values_and_letters() -> None:
    report = example_report()
    only_a = next(f for f in report.findings if f.id == "f-taken-a")
    assert (value_in(only_a, 0), value_in(only_a, 1)) == ("95 Chilean fishermen", "—")
    assert [source_letter(i) for i in (0, 25, 26)] == ["A", "Z", "S27"]
    assert kinds_present(report.findings)[:3] == (Kind.COUNT, Kind.MONEY, Kind.PERCENT)


def test_plain_replaces_controls_one_for_one() -> None:
    raw = "a\x1b[31mb\tc\rd\u202ee\nf"
    assert plain(raw) == "a\ufffd[31mb c d\ufffde\nf"
    assert len(plain(raw)) == len(raw)


def test_decisions_write_through_and_undo(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    finding = example_report().findings[1]
    decisions = Decisions.open(path)
    decisions.decide(finding, Decision.DISMISSED)
    decisions.decide(finding, Decision.DISMISSED, "12 mi is 19.3 km")
    decisions.decide(finding, Decision.CONFIRMED)  # keeps the note
    assert load_verdicts(path) == {
        finding.id: Verdict(finding.id, Decision.CONFIRMED, "12 mi is 19.3 km", finding.referent)
    }
    assert decisions.undo() == finding.id
    assert load_verdicts(path)[finding.id].decision is Decision.DISMISSED
    assert decisions.undo() == decisions.undo() == finding.id
    assert load_verdicts(path) == {}
    assert decisions.undo() is None


def test_a_decision_that_cannot_be_saved_is_rolled_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finding = example_report().findings[1]
    decisions = Decisions.open(tmp_path / FILE_NAME)

    def disk_full(path: Path, verdicts: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("factcheck.tui.decisions.save_verdicts", disk_full)
    with pytest.raises(OSError):
        decisions.decide(finding, Decision.DISMISSED)
    assert decisions.verdicts == {} and decisions.history == []


def test_export_appends_decisions_to_the_check_report() -> None:
    report = example_report()
    verdicts = {
        "f-time-vietnam": Verdict("f-time-vietnam", Decision.DISMISSED, "see [link](http://x) | *"),
        "not-in-report": Verdict("not-in-report", Decision.DISMISSED),
    }
    text = render_markdown_with_decisions(report, verdicts, Options())
    assert "### opening of the session \\(other zone\\) (dismissed)" in text.splitlines()
    assert text.endswith(
        "| opening of the session \\(other zone\\) (time) | ✗ conflict | dismissed "
        "| see \\[link\\]\\(http:\\/\\/x\\) \\| \\* | `f-time-vietnam` |\n"
    )
    assert render_decisions(report, {}) == "## Reviewer's decisions\n\nNo finding was reviewed.\n"


def test_prepare_review_builds_the_app_with_a_rechecker(tmp_path: Path) -> None:
    calls: list[tuple[str, ...]] = []

    def check(paths, options) -> Report:  # type: ignore[no-untyped-def]
        calls.append(tuple(paths))
        return example_report()

    paths = [str(p) for p in PATHS]
    app = prepare_review(paths, Options(), tmp_path / FILE_NAME, check=check)
    assert app.report.findings == example_report().findings
    assert app.rechecker is not None
    app.rechecker()
    assert calls == [tuple(paths), tuple(paths)]


@pytest.mark.parametrize(
    ("sources", "review_file", "is_terminal", "message"),
    [
        (["a.txt"], None, True, "need at least two sources to compare, got 1"),
        (["PATH_A", "missing.txt"], None, True, "need at least two readable sources, got 1 of 2"),
        (["PATH_A", "PATH_B"], "BROKEN", True, "not a readable review file"),
        (["PATH_A", "PATH_B"], None, False, "needs a terminal"),
    ],
    ids=["one-source", "missing-source", "broken-review-file", "no-terminal"],
)
def test_prepare_review_refuses_bad_input_before_checking(
    tmp_path: Path, sources: list[str], review_file: str | None, is_terminal: bool, message: str
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    paths = [{"PATH_A": str(PATHS[0]), "PATH_B": str(PATHS[1])}.get(s, s) for s in sources]
    review_path = broken if review_file == "BROKEN" else tmp_path / FILE_NAME

    def check(paths, options) -> Report:  # type: ignore[no-untyped-def]
        raise AssertionError("the check must not run on bad input")

    with pytest.raises(LaunchError, match=message.replace("(", r"\(")):
        prepare_review(paths, Options(), review_path, is_terminal=is_terminal, check=check)


def test_cli_review_reports_bad_input_in_one_line_with_status_2(tmp_path: Path) -> None:
    broken = tmp_path / "review.json"
    broken.write_text(json.dumps({"decisions": {"x": {"decision": "maybe"}}}), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["review", str(PATHS[0]), str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert result.output == (
        f"factcheck: skipped {tmp_path / 'nope.txt'}: no such file\n"
        "factcheck: error: need at least two readable sources, got 1 of 2\n"
    )
    result = runner.invoke(
        cli, ["review", str(PATHS[0]), str(PATHS[1]), "--review-file", str(broken)]
    )
    assert result.exit_code == 2
    assert result.output == f"factcheck: error: {broken}: bad decision for finding 'x'\n"
    result = runner.invoke(cli, ["review", str(PATHS[0]), str(PATHS[1])])
    assert result.exit_code == 2  # CliRunner is not a terminal
    assert "needs a terminal" in result.output


def test_cli_review_help() -> None:
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert result.exit_code == 0
    assert "Usage: cli review [OPTIONS] SOURCE SOURCE [SOURCE ...]" in result.output
    assert "--review-file" in result.output


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ("  ", "Type a file name."),
        ("DIR", "DIR is a folder: add a file name."),
        ("DIR/missing/out.md", "There is no folder DIR/missing."),
        ("DIR/out.md", ""),
    ],
    ids=["blank", "folder", "no-folder", "fine"],
)
def test_export_path_is_checked_before_writing(tmp_path: Path, answer: str, problem: str) -> None:
    problem_found, path = check_export_path(answer.replace("DIR", str(tmp_path)))
    assert problem_found == problem.replace("DIR", str(tmp_path))
    assert (path is None) == bool(problem)
