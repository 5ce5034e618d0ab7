"""The review file: decisions a person made about findings, kept next to the sources.

``factcheck check`` leaves dismissed findings out of its exit status; ``factcheck review``
writes decisions as they are made. Findings are keyed by their stable id (a fingerprint of
kind, referent and values), never by line numbers, which shift when a text is edited.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

FILE_NAME = ".factcheck-review.json"
FORMAT_VERSION = 1


class Decision(StrEnum):
    CONFIRMED = "confirmed"
    """A real conflict."""
    DISMISSED = "dismissed"
    """A false alarm."""


@dataclass(frozen=True, slots=True)
class Verdict:
    finding_id: str
    decision: Decision
    note: str = ""
    referent: str = ""
    """The finding's referent when it was decided, so a person reading the file knows what it was."""


class ReviewFileError(Exception):
    """The review file exists but cannot be read."""


def default_review_path(source_paths: list[str] | tuple[str, ...]) -> Path:
    """The review file that belongs to these sources: beside the first file source."""
    for source in source_paths:
        if source != "-" and "://" not in source:
            return Path(source).resolve().parent / FILE_NAME
    return Path.cwd() / FILE_NAME


def load_verdicts(path: Path) -> dict[str, Verdict]:
    """Read the verdicts in ``path``; an absent file holds none."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReviewFileError(f"{path}: not a readable review file ({error})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("decisions"), dict):
        raise ReviewFileError(f"{path}: not a review file (no 'decisions' object)")
    verdicts: dict[str, Verdict] = {}
    for finding_id, entry in raw["decisions"].items():
        try:
            decision = Decision(entry["decision"])
        except (KeyError, TypeError, ValueError):
            raise ReviewFileError(f"{path}: bad decision for finding {finding_id!r}") from None
        verdicts[finding_id] = Verdict(
            finding_id=finding_id,
            decision=decision,
            note=str(entry.get("note", "")),
            referent=str(entry.get("referent", "")),
        )
    return verdicts


def save_verdicts(path: Path, verdicts: dict[str, Verdict]) -> None:
    """Write all verdicts atomically: a temporary file in the same folder, then a rename."""
    document = {
        "version": FORMAT_VERSION,
        "decisions": {
            v.finding_id: {"decision": str(v.decision), "note": v.note, "referent": v.referent}
            for v in sorted(verdicts.values(), key=lambda v: v.finding_id)
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".factcheck-review.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, indent=2, ensure_ascii=False)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def dismissed_ids(verdicts: dict[str, Verdict]) -> frozenset[str]:
    return frozenset(v.finding_id for v in verdicts.values() if v.decision is Decision.DISMISSED)
