"""`factcheck check` over folders of stories and TOML manifests (stand-in extractor, no model)."""

from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from builders import claim
from click.testing import CliRunner
from markdown_it import MarkdownIt

import factcheck.check
import factcheck.cli
import factcheck.nlp
from factcheck.cli import cli
from factcheck.model import Claim, Document, Report


def _homes(document: Document) -> list[Claim]:
    """Stand-in extractor: every "N homes" in a one-sentence-per-line text."""
    found = []
    for match in re.finditer(r"(\d+) homes", document.text):
        start = document.text.rfind("\n", 0, match.start()) + 1
        end = document.text.find("\n", match.end())
        sentence = document.text[start : end if end >= 0 else None]
        found.append(
            claim(sentence, match.group(1), value=float(match.group(1)), key="home",
                  sentence_start=start)
        )  # fmt: skip
    return found


MODEL_LOADS: list[str] = []


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    def check_documents(documents, nlp, options, skipped=()) -> Report:  # type: ignore[no-untyped-def]
        return factcheck.check.check_claims(
            documents, [_homes(d) for d in documents], options, skipped
        )

    def load_model(name: str = "") -> None:
        MODEL_LOADS.append(name)

    MODEL_LOADS.clear()
    monkeypatch.setattr(factcheck.check, "check_documents", check_documents)
    monkeypatch.setattr(factcheck.nlp, "load_model", load_model)


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """A folder of three stories: one agreeing, one conflicting, one with a single source."""
    root = tmp_path / "stories"
    for name, texts in {
        "flood": ["The flood destroyed 12 homes.\n", "Water destroyed 12 homes overnight.\n"],
        "fire": [
            "The fire destroyed 30 homes in the valley.\n",
            "Flames destroyed 33 homes, officials said.\n",
        ],
        "lonely": ["Only 7 homes were hit.\n"],
    }.items():
        (root / name).mkdir(parents=True)
        for index, text in enumerate(texts):
            (root / name / f"{'ab'[index]}.txt").write_text(text, encoding="utf-8")
    return root


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", *args])


def test_folder_of_stories_text_report(stories: Path) -> None:
    fire, flood, lonely = (stories / n for n in ("fire", "flood", "lonely"))
    fire_id = json.loads(run(str(stories), "--format", "json").stdout)["stories"][0]["findings"][0]["id"]  # fmt: skip
    flood_id = json.loads(run(str(stories), "--format", "json").stdout)["stories"][1]["findings"][0]["id"]  # fmt: skip
    MODEL_LOADS.clear()
    result = run(str(stories))
    assert result.exit_code == 1
    assert result.stdout == (
        "=== story: fire\n"
        "factcheck: 2 sources, 1 conflict, 0 agreements, 0 only in one source\n"
        "\n"
        f"CONFLICT  home  [count, {fire_id}]\n"
        f"  {fire}/a.txt:1:20  “30”\n"
        f"  {fire}/b.txt:1:18  “33”\n"
        "  30 (= 30); 33 (= 33): differ by 10%\n"
        "\n"
        "=== story: flood\n"
        "factcheck: 2 sources, 0 conflicts, 1 agreement, 0 only in one source\n"
        "\n"
        f"AGREE  home  [count, {flood_id}]\n"
        f"  {flood}/a.txt:1:21  “12”\n"
        f"  {flood}/b.txt:1:17  “12”\n"
        "  12 (= 12) in every source\n"
        "\n"
        "=== story: lonely (not checked: fewer than two readable sources)\n"
        "factcheck: 1 sources, 0 conflicts, 0 agreements, 0 only in one source\n"
        "\n"
        "factcheck batch: 3 stories, 1 with conflicts, 1 conflict, 1 agreement,"
        " 1 not checked (fewer than two readable sources)\n"
    )
    assert result.stderr == "factcheck: story lonely not checked: 1 readable source(s), need two\n"
    assert lonely.is_dir()
    assert MODEL_LOADS == [""]  # one model for the whole batch


def test_batch_json_matches_the_schema(stories: Path) -> None:
    result = run(str(stories), "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    schema = json.loads(
        resources.files("factcheck").joinpath("schema/report.schema.json").read_text()
    )
    jsonschema.validate(document, schema)
    assert [(s["name"], s["checked"]) for s in document["stories"]] == [
        ("fire", True),
        ("flood", True),
        ("lonely", False),
    ]
    assert [s["summary"]["conflicts"] for s in document["stories"]] == [1, 0, 0]
    assert document["summary"] == {
        "stories": 3,
        "checked": 2,
        "stories_with_conflicts": 1,
        "sources": 5,
        "skipped": 0,
        "conflicts": 1,
        "internal_conflicts": 0,
        "agreements": 1,
        "single_source": 0,
        "dismissed": 0,
        "counted_conflicts": 1,
    }
    # A story's sources index into its own list, never another story's.
    fire = document["stories"][0]
    assert [c["source"] for c in fire["findings"][0]["claims"]] == [0, 1]
    assert fire["sources"][1]["path"].endswith("fire/b.txt")
    # The batch document is not a single report, and a single report stays valid alone.
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "findings": []}, schema)


def test_batch_csv_github_markdown(stories: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(str(stories), "--format", "csv").stdout)))
    assert [(r["story"], r["status"], r["text"]) for r in rows] == [
        ("fire", "conflict", "30"),
        ("fire", "conflict", "33"),
        ("flood", "agree", "12"),
        ("flood", "agree", "12"),
    ]
    github = run(str(stories), "--format", "github").stdout.splitlines()
    assert len(github) == 1
    assert github[0].startswith(f"::error file={stories}/fire/a.txt,line=1,col=20,title=")
    markdown = run(str(stories), "--format", "markdown").stdout
    tokens = MarkdownIt().parse(markdown)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", "factcheck batch report"),
        ("h2", "Story: fire"),
        ("h3", "Conflicts"),
        ("h4", "home"),
        ("h2", "Story: flood"),
        ("h3", "Conflicts"),
        ("h3", "Agreements"),
        (
            "h2",
            r"Story: lonely (not checked: fewer than two readable sources)",
        ),
        ("h3", "Conflicts"),
    ]


def test_manifest_with_a_missing_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The storm damaged 8 homes.\n")
    (tmp_path / "b.html").write_text(
        "<html><head><title>Storm</title></head><body><article><p>The storm damaged 8 homes"
        " along the coast road, the regional council said on its website.</p></article>"
        "</body></html>"
    )
    manifest = tmp_path / "stories.toml"
    manifest.write_text(
        '[[story]]\nname = "storm"\nsources = ["a.txt", "b.html", "gone.txt"]\n'
        '[[story]]\nname = "quake"\nsources = ["gone2.txt", "a.txt"]\n'
    )
    result = run(str(manifest), "--format", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"factcheck: skipped {tmp_path}/gone.txt: no such file",
        f"factcheck: skipped {tmp_path}/gone2.txt: no such file",
        "factcheck: story quake not checked: 1 readable source(s), need two",
    ]
    document = json.loads(result.stdout)
    storm, quake = document["stories"]
    assert storm["skipped"] == [{"path": f"{tmp_path}/gone.txt", "reason": "no such file"}]
    assert storm["summary"]["agreements"] == 1 and quake["checked"] is False


def test_no_story_checkable_exits_2(tmp_path: Path) -> None:
    manifest = tmp_path / "m.toml"
    manifest.write_text('[[story]]\nname = "x"\nsources = ["nope.txt", "nope2.txt"]\n')
    result = run(str(manifest))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "factcheck: error: no story could be checked (each needs two readable sources; 1 given)"
    )


def test_broken_manifest_and_mixed_arguments_exit_2(stories: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[story]\n")
    result = run(str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"factcheck: error: {bad}: invalid TOML manifest:")
    assert result.stderr.count("\n") == 1
    loose = stories / "flood" / "a.txt"
    result = run(str(stories), str(loose))
    assert result.exit_code == 2
    assert result.stderr == (
        f"factcheck: error: {loose}: a single source cannot be checked together with story"
        " folders or manifests\n"
    )


def test_fail_on_never_and_progress_on_a_terminal(
    stories: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(str(stories), "--fail-on", "never").exit_code == 0
    assert "[1/3]" not in run(str(stories)).stderr  # not a terminal: no progress
    monkeypatch.setattr(factcheck.cli, "stderr_is_terminal", lambda: True)
    result = run(str(stories), "--format", "json")
    assert result.stderr.splitlines()[:3] == [
        "factcheck: [1/3] fire",
        "factcheck: [2/3] flood",
        "factcheck: [3/3] lonely",
    ]
    json.loads(result.stdout)  # progress never reaches stdout


def test_plain_folder_is_still_one_comparison(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rain flooded 5 homes.\n")
    (tmp_path / "b.txt").write_text("Rain flooded 6 homes.\n")
    document = json.loads(run(str(tmp_path), "--format", "json").stdout)
    assert "stories" not in document
    assert [s["path"] for s in document["sources"]] == [f"{tmp_path}/a.txt", f"{tmp_path}/b.txt"]
