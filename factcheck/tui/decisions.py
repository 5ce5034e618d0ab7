"""The reviewer's decisions during one session: written through at once, with an undo history."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factcheck.model import Finding
from factcheck.review_file import Decision, Verdict, load_verdicts, save_verdicts


@dataclass(frozen=True, slots=True)
class Change:
    """One step of the undo history: what a finding's verdict was before a change."""

    finding_id: str
    before: Verdict | None


@dataclass(slots=True)
class Decisions:
    """Verdicts keyed by finding id, saved to ``path`` after every change.

    A change that cannot be saved is rolled back before the error propagates, so what
    the screen shows never claims more than the file holds.
    """

    path: Path
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    history: list[Change] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path) -> Decisions:
        """Read the decisions of earlier sessions (raises ReviewFileError for a broken file)."""
        return cls(path=path, verdicts=load_verdicts(path))

    def get(self, finding_id: str) -> Verdict | None:
        return self.verdicts.get(finding_id)

    def decide(self, finding: Finding, decision: Decision, note: str | None = None) -> Verdict:
        """Record ``decision`` on ``finding``; ``note`` None keeps the note it already had."""
        before = self.verdicts.get(finding.id)
        if note is None:
            note = before.note if before is not None else ""
        verdict = Verdict(finding.id, decision, note=note.strip(), referent=finding.referent)
        self._apply(finding.id, verdict, Change(finding.id, before))
        return verdict

    def undo(self) -> str | None:
        """Revert the latest change; returns the finding id it touched, None when nothing is left."""
        if not self.history:
            return None
        change = self.history.pop()
        current = self.verdicts.get(change.finding_id)
        self._set(change.finding_id, change.before)
        try:
            save_verdicts(self.path, self.verdicts)
        except OSError:
            self._set(change.finding_id, current)
            self.history.append(change)
            raise
        return change.finding_id

    def _apply(self, finding_id: str, verdict: Verdict, change: Change) -> None:
        self._set(finding_id, verdict)
        try:
            save_verdicts(self.path, self.verdicts)
        except OSError:
            self._set(finding_id, change.before)
            raise
        self.history.append(change)

    def _set(self, finding_id: str, verdict: Verdict | None) -> None:
        if verdict is None:
            self.verdicts.pop(finding_id, None)
        else:
            self.verdicts[finding_id] = verdict
