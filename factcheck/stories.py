"""Stories for batch checks: which sources are compared with which.

A story is one event told by several sources; a check compares the sources of a story
with each other and never across stories. Stories come from either

- a folder of stories: each sub-folder is one story, named after the sub-folder, whose
  source files (``factcheck.ingest.SOURCE_SUFFIXES``) are compared; files lying loose in
  the top folder belong to no story and are ignored with a warning; or
- a manifest, a TOML file that lists the stories::

      # stories.toml
      [[story]]
      name = "glacier talks"
      sources = ["chile/outlet_a.txt", "https://example.org/glacier.html"]

      [[story]]
      name = "ferry rescue"
      sources = ["ferry/a.html", "ferry/b.jsonl"]

  Each ``[[story]]`` needs a unique non-empty ``name`` and a non-empty list of
  ``sources``; a relative path is relative to the folder the manifest is in; URLs are
  kept as they are. Sources are not opened here: a missing one is reported when the
  story is loaded.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.ingest import SourceError, source_files
from factcheck.raw import is_url

logger = logging.getLogger(__name__)

MANIFEST_SUFFIX = ".toml"


@dataclass(frozen=True, slots=True)
class Story:
    """One event and the sources that report it."""

    name: str
    sources: tuple[str, ...]
    """Paths or URLs, ready for ``factcheck.ingest.load_sources``."""


def _manifest_stories(manifest: Path) -> Iterator[Story]:
    path = str(manifest)
    try:
        with manifest.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except OSError as error:
        raise SourceError(path, f"cannot read it ({error.strerror})") from None
    except UnicodeDecodeError:
        raise SourceError(path, "manifest is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:  # the message carries "(at line 3, column 8)"
        raise SourceError(path, f"invalid TOML manifest: {error}") from None
    entries = data.get("story")
    if not isinstance(entries, list) or not entries:
        raise SourceError(
            path, 'manifest lists no stories (expected [[story]] tables with "name" and "sources")'
        )
    folder = manifest.parent
    for number, entry in enumerate(entries, 1):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise SourceError(path, f'story {number} has no "name"')
        sources = entry.get("sources")
        if (
            not isinstance(sources, list)
            or not sources
            or not all(isinstance(source, str) and source.strip() for source in sources)
        ):
            raise SourceError(path, f'story "{name}" needs "sources", a non-empty list of paths')
        yield Story(
            name=name.strip(),
            sources=tuple(
                source if is_url(source) else str(folder / Path(source).expanduser())
                for source in sources
            ),
        )


def _folder_stories(folder: Path) -> list[Story]:
    """One story per sub-folder; empty when no sub-folder holds a source (plain sources).

    A folder of articles with an "images" sub-folder beside them is plain sources, not a story.
    """
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        raise SourceError(str(folder), f"cannot list the directory ({error.strerror})") from None
    subfolders = sorted(
        entry for entry in entries if entry.is_dir() and not entry.name.startswith(".")
    )
    found = {sub: source_files(sub) for sub in subfolders}
    if not any(found.values()):
        return []
    loose = source_files(folder)
    if loose:
        logger.warning(
            "%s: ignoring %d file(s) outside the story sub-folders: %s",
            folder,
            len(loose),
            ", ".join(file.name for file in loose),
        )
    # A sub-folder with no sources keeps its own path, so loading it reports the problem.
    return [
        Story(name=sub.name, sources=tuple(str(f) for f in files) or (str(sub),))
        for sub, files in found.items()
    ]


def discover_stories(paths: Sequence[str]) -> tuple[Story, ...] | None:
    """The stories that ``paths`` name, or None when they are plain sources (one story).

    A ``.toml`` path is a manifest; a folder whose sub-folders hold sources is a folder
    of stories.
    Raises ``SourceError`` for a broken manifest, for two stories with one name, and
    when plain sources are mixed with stories (which story would they belong to?).
    """
    stories: list[Story] = []
    plain: list[str] = []
    for path in paths:
        target = Path(path)
        if path == "-" or is_url(path):
            plain.append(path)
        elif target.suffix.lower() == MANIFEST_SUFFIX:
            stories.extend(_manifest_stories(target))
        elif target.is_dir() and (found := _folder_stories(target)):
            stories.extend(found)
        else:
            plain.append(path)
    if not stories:
        return None
    if plain:
        raise SourceError(
            plain[0], "a single source cannot be checked together with story folders or manifests"
        )
    seen: set[str] = set()
    for story in stories:
        if story.name in seen:
            raise SourceError(story.name, "two stories have this name; story names must differ")
        seen.add(story.name)
    return tuple(stories)
