"""Stories for batch checks: folders of stories and TOML manifests."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from factcheck.ingest import SourceError, load_sources
from factcheck.model import Skipped
from factcheck.stories import Story, discover_stories


def _story_folder(root: Path) -> Path:
    folder = root / "stories"
    (folder / "ferry").mkdir(parents=True)
    (folder / "ferry" / "a.txt").write_text("The ferry carried 412 passengers.\n", "utf-8")
    (folder / "ferry" / "b.md").write_text(
        "# Ferry\n\nThe ferry had 410 passengers on board.\n", "utf-8"
    )
    (folder / "ferry" / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not a source ending
    (folder / "dam").mkdir()
    (folder / "dam" / "records.jsonl").write_text(
        '{"text": "The dam holds 5 billion cubic metres."}\n'
        '{"text": "The dam holds 5.2 billion cubic metres."}\n',
        "utf-8",
    )
    (folder / "empty").mkdir()
    (folder / ".git").mkdir()  # hidden: not a story
    return folder


def test_folder_of_stories(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = _story_folder(tmp_path)
    (folder / "README.md").write_text("Stories for the weekly check.\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="factcheck.stories"):
        stories = discover_stories([str(folder)])
    assert stories == (
        Story(name="dam", sources=(str(folder / "dam" / "records.jsonl"),)),
        Story(name="empty", sources=(str(folder / "empty"),)),
        Story(
            name="ferry", sources=(str(folder / "ferry" / "a.txt"), str(folder / "ferry" / "b.md"))
        ),
    )
    assert "ignoring 1 file(s) outside the story sub-folders: README.md" in caplog.text


def test_each_story_loads_on_its_own(tmp_path: Path) -> None:
    stories = discover_stories([str(_story_folder(tmp_path))])
    assert stories is not None
    loaded = {story.name: load_sources(story.sources) for story in stories}
    assert [d.path.rsplit("#", 1)[1] for d in loaded["dam"][0]] == ["1", "2"]
    assert [d.title for d in loaded["ferry"][0]] == ["", "Ferry"]  # Markdown heading marks dropped
    assert loaded["empty"][0] == ()
    assert loaded["empty"][1][0].reason.startswith("directory holds no sources")


def test_manifest(tmp_path: Path) -> None:
    (tmp_path / "batch").mkdir()
    manifest = tmp_path / "batch" / "stories.toml"
    manifest.write_text(
        """
# Two stories for tonight's check.
[[story]]
name = "glacier talks"
sources = ["chile/a.txt", "https://example.org/glacier.html", "/srv/feeds/b.json"]

[[story]]
name = "  ferry  "
sources = ["ferry.html"]
""",
        "utf-8",
    )
    assert discover_stories([str(manifest)]) == (
        Story(
            name="glacier talks",
            sources=(
                str(tmp_path / "batch" / "chile" / "a.txt"),
                "https://example.org/glacier.html",
                "/srv/feeds/b.json",
            ),
        ),
        Story(name="ferry", sources=(str(tmp_path / "batch" / "ferry.html"),)),
    )


def test_plain_sources_are_one_story(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A: 3.\n", "utf-8")
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "b.txt").write_text("B: 4.\n", "utf-8")
    assert discover_stories([str(tmp_path / "a.txt"), str(tmp_path / "flat"), "-"]) is None
    assert discover_stories(["https://example.org/a", str(tmp_path / "missing.txt")]) is None
    (tmp_path / "flat" / "images").mkdir()  # a sub-folder without sources is no story
    (tmp_path / "flat" / "images" / "lead.jpg").write_bytes(b"\xff\xd8\xff")
    assert discover_stories([str(tmp_path / "flat")]) is None


MANIFEST_ERRORS = {
    "invalid TOML": (
        '[[story]]\nname = ferry\nsources = ["x.txt"]\n',
        "invalid TOML manifest: Invalid value (at line 2, column 8)",
    ),
    "no stories": (
        'title = "batch"\n',
        'manifest lists no stories (expected [[story]] tables with "name" and "sources")',
    ),
    "story without a name": ('[[story]]\nsources = ["x.txt"]\n', 'story 1 has no "name"'),
    "story without sources": (
        '[[story]]\nname = "a"\nsources = []\n',
        'story "a" needs "sources", a non-empty list of paths',
    ),
    "sources not a list": (
        '[[story]]\nname = "a"\nsources = "x.txt"\n',
        'story "a" needs "sources", a non-empty list of paths',
    ),
}


@pytest.mark.parametrize("case", list(MANIFEST_ERRORS), ids=list(MANIFEST_ERRORS))
def test_manifest_errors(case: str, tmp_path: Path) -> None:
    text, problem = MANIFEST_ERRORS[case]
    manifest = tmp_path / "stories.toml"
    manifest.write_text(text, "utf-8")
    with pytest.raises(SourceError) as caught:
        discover_stories([str(manifest)])
    assert str(caught.value) == f"{manifest}: {problem}"


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        discover_stories([str(tmp_path / "nope.toml")])
    assert str(caught.value) == f"{tmp_path / 'nope.toml'}: no such file"


def test_duplicate_story_names(tmp_path: Path) -> None:
    manifest = tmp_path / "stories.toml"
    manifest.write_text('[[story]]\nname = "ferry"\nsources = ["a.txt"]\n', "utf-8")
    folder = _story_folder(tmp_path)
    with pytest.raises(SourceError) as caught:
        discover_stories([str(manifest), str(folder)])
    assert str(caught.value) == "ferry: two stories have this name; story names must differ"


def test_plain_sources_cannot_join_stories(tmp_path: Path) -> None:
    folder = _story_folder(tmp_path)
    (tmp_path / "extra.txt").write_text("C: 5.\n", "utf-8")
    with pytest.raises(SourceError) as caught:
        discover_stories([str(folder), str(tmp_path / "extra.txt")])
    assert (
        caught.value.problem
        == "a single source cannot be checked together with story folders or manifests"
    )


def test_manifest_story_with_a_missing_source_is_reported_when_loaded(tmp_path: Path) -> None:
    manifest = tmp_path / "stories.toml"
    (tmp_path / "a.txt").write_text("The bridge is 120 metres long.\n", "utf-8")
    manifest.write_text('[[story]]\nname = "bridge"\nsources = ["a.txt", "b.txt"]\n', "utf-8")
    stories = discover_stories([str(manifest)])
    assert stories is not None
    documents, skipped = load_sources(stories[0].sources)
    assert [d.path for d in documents] == [str(tmp_path / "a.txt")]
    assert skipped == (Skipped(path=str(tmp_path / "b.txt"), reason="no such file"),)
