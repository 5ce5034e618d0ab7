"""Every action of the review app once: its key, footer label and help.

The screen's bindings, the command palette and the help screen are all built from this
table, so a key can never be in one and missing from another.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Command:
    key: str
    """Textual key name(s), comma-separated."""
    action: str
    """Action name on the review screen (``action_<name>``)."""
    label: str
    """Short label for the footer."""
    help: str
    """What it does, for the command palette and the help screen."""
    show: bool = True
    """Whether the footer shows it (the footer of an 80-column terminal holds about ten)."""


SCREEN_COMMANDS: tuple[Command, ...] = (
    Command("c", "confirm_finding", "Confirm", "Confirm the selected finding: a real conflict"),
    Command("d", "dismiss_finding", "Dismiss", "Dismiss the selected finding as a false alarm"),
    Command("a", "note", "Note", "Add or edit the note on the selected finding's decision"),
    Command("u", "undo", "Undo", "Undo the last decision or note"),
    Command("slash", "search", "Search", "Search findings by referent or text"),
    Command(
        "s",
        "cycle_status",
        "Status",
        "Filter by the next status (conflict, only in one, agree, any)",
    ),
    Command("k", "cycle_kind", "Kind", "Filter by the next kind of claim"),
    Command("x", "clear_filters", "Clear", "Clear the search and the filters", show=False),
    Command(
        "i", "details", "Details", "Show the selected finding's sentences, values and explanation"
    ),
    Command("e", "export", "Export", "Export the flagged claims and decisions as Markdown"),
    Command("r", "recheck", "Re-check", "Read the sources again and re-run the check"),
    Command("escape", "focus_table", "Table", "Back to the findings table", show=False),
)

APP_COMMANDS: tuple[Command, ...] = (
    Command("t", "toggle_dark", "Theme", "Switch between the light and the dark theme"),
    Command("question_mark", "help", "Help", "List the keys"),
    Command("q", "quit", "Quit", "Quit (every decision is already saved)"),
)

OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓ pgup pgdn", "Move through the findings"),
    ("enter", "Show the finding's details (in the findings table)"),
    ("n / p", "Next / previous claim in the focused source (selects its finding)"),
    ("click", "Click a highlighted claim in a source to select its finding"),
    ("tab / shift+tab", "Move between the table, the sources and the filters"),
    ("ctrl+p", "Command palette: every action by name"),
)

KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc"}


def key_display(key: str) -> str:
    return ", ".join(KEY_NAMES.get(part, part) for part in key.split(","))


def help_lines() -> list[tuple[str, str]]:
    """(keys, description) for the help screen, in the order a reviewer needs them."""
    lines = [(key_display(c.key), c.help) for c in (*SCREEN_COMMANDS, *APP_COMMANDS)]
    return lines + list(OTHER_KEYS)
