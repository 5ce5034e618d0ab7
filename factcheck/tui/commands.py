"""Every action of the review app once: its key, footer label and help.

The screen's bindings (and so the footer), the command palette and the help screen are all
built from this table, so a key can never be in one and missing from another.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

DECIDE = Binding.Group("Confirm/Dismiss")
FILTER = Binding.Group("Filter")


@dataclass(frozen=True, slots=True)
class Command:
    key: str
    """Textual key name(s), comma-separated."""
    action: str
    """Action on the review screen (``action_<name>``), or ``app.<name>`` for the app's."""
    label: str
    """Short label for the footer and the command palette."""
    help: str
    """What it does, for the command palette and the help screen."""
    group: Binding.Group | None = None
    """Keys shown together in the footer under one label (an 80-column footer is short)."""
    show: bool = True

    def binding(self) -> Binding:
        return Binding(self.key, self.action, self.label, show=self.show, group=self.group)


# Footer order: deciding first, then finding, then the rest; help and quit before the
# rarer keys so that a narrow footer, which cuts from the right, still shows them.
COMMANDS: tuple[Command, ...] = (
    Command(
        "c", "confirm_finding", "Confirm", "Confirm the selected finding: a real conflict", DECIDE
    ),
    Command(
        "d", "dismiss_finding", "Dismiss", "Dismiss the selected finding as a false alarm", DECIDE
    ),
    Command("a", "note", "Note", "Add or edit the note on the selected finding's decision"),
    Command("u", "undo", "Undo", "Undo the last decision or note"),
    Command(
        "s",
        "cycle_status",
        "Status",
        "Filter by the next status (conflict, only in one, agree, any)",
        FILTER,
    ),
    Command("k", "cycle_kind", "Kind", "Filter by the next kind of claim", FILTER),
    # Not in the footer: the search box itself says "/ search referent or text".
    Command("slash", "search", "Search", "Search findings by referent or claim text", show=False),
    Command("question_mark", "app.help", "Help", "List the keys"),
    Command("q", "app.quit", "Quit", "Quit (every decision is already saved)"),
    Command("e", "export", "Export", "Export the flagged claims and decisions as Markdown"),
    Command(
        "i", "details", "Details", "Show the selected finding's sentences, values and explanation"
    ),
    Command("x", "clear_filters", "Clear", "Clear the search and the filters"),
    Command("r", "recheck", "Re-check", "Read the sources again and re-run the check"),
    Command("t", "app.toggle_dark", "Theme", "Switch between the light and the dark theme"),
)

OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓ pgup pgdn", "Move through the findings"),
    ("enter", "Show the finding's details (in the findings table)"),
    ("n / p", "Next / previous claim in the focused source (selects its finding)"),
    ("click", "Click a highlighted claim in a source to select its finding"),
    ("tab / shift+tab", "Move between the table, the sources and the filters"),
    ("esc", "Leave the search box for the findings table"),
    ("ctrl+p", "Command palette: every action by name"),
)

KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc"}


def key_display(key: str) -> str:
    return ", ".join(KEY_NAMES.get(part, part) for part in key.split(","))


def help_lines() -> list[tuple[str, str]]:
    """(keys, description) for the help screen, in the order a reviewer needs them."""
    return [(key_display(c.key), c.help) for c in COMMANDS] + list(OTHER_KEYS)
