"""Modal dialogs, each returning a typed value through ``dismiss``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from factcheck.model import Document, Finding
from factcheck.review_file import Verdict
from factcheck.tui.detail import detail_content
from factcheck.tui.text import plain

DIALOG_CSS = """
    align: center middle;
    & > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        padding: 0 1;
        background: $panel;
        border: thick $primary;
    }
    & .dialog-title { text-style: bold; }
    & .dialog-hint { color: $text-muted; margin: 1 0; }
    & .dialog-warning { color: $text-warning; margin-top: 1; }
"""


class TextDialog(ModalScreen[str | None]):
    """Asks for one line of text: Enter returns it, Escape returns None."""

    DEFAULT_CSS = "TextDialog {" + DIALOG_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, prompt: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self._title = title
        self._prompt = prompt
        self._value = value
        self._hint = hint or "Enter to save · Escape to cancel"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self._title), classes="dialog-title")
            yield Static(Content(self._prompt))
            yield Input(value=self._value, id="answer")
            yield Static(Content(self._hint), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(TextDialog):
    """The reviewer's note on a decision."""

    DEFAULT_CSS = "NoteDialog {" + DIALOG_CSS + "}"

    def __init__(self, finding: Finding, note: str) -> None:
        super().__init__(
            "Note",
            f"Why this decision on “{plain(finding.referent)}”? (leave empty for no note)",
            note,
        )


class ExportDialog(ModalScreen[Path | None]):
    """Asks where to write the Markdown export; asks again before overwriting a file."""

    DEFAULT_CSS = "ExportDialog {" + DIALOG_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, suggestion: Path) -> None:
        super().__init__()
        self._suggestion = suggestion
        self._confirmed_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export flagged claims as Markdown", classes="dialog-title")
            yield Static("File to write:")
            yield Input(value=str(self._suggestion), id="answer")
            yield Static("", classes="dialog-warning", id="warning")
            yield Static("Enter to export · Escape to cancel", classes="dialog-hint")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._confirmed_overwrite = None
        self.query_one("#warning", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem, path = check_export_path(event.value)
        warning = self.query_one("#warning", Static)
        if path is None:
            warning.update(Content(problem))
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            warning.update(Content(f"{path} exists: press Enter again to replace it."))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


def check_export_path(answer: str) -> tuple[str, Path | None]:
    """The path the reviewer typed, or the reason it cannot be written to."""
    if not answer.strip():
        return "Type a file name.", None
    path = Path(answer.strip()).expanduser()
    if path.is_dir():
        return f"{path} is a folder: add a file name.", None
    if not path.parent.is_dir():
        return f"There is no folder {path.parent}.", None
    return "", path


class DetailScreen(ModalScreen[None]):
    """One finding's evidence, full screen height; any of Escape, Enter or q closes it."""

    DEFAULT_CSS = (
        "DetailScreen {"
        + DIALOG_CSS
        + "& > Vertical { max-width: 120; } & VerticalScroll { height: auto; max-height: 70vh; } }"
    )
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q", "close", "Close")]

    def __init__(
        self, finding: Finding, sources: tuple[Document, ...], verdict: Verdict | None
    ) -> None:
        super().__init__()
        self._content = detail_content(finding, sources, verdict)

    def compose(self) -> ComposeResult:
        with Vertical():
            with VerticalScroll():
                yield Static(self._content)
            yield Static("Escape to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """The keys, in two columns: key, what it does."""

    DEFAULT_CSS = (
        "HelpScreen {"
        + DIALOG_CSS
        + """
        & VerticalScroll { height: auto; max-height: 70vh; }
        & Grid { grid-size: 2; grid-columns: auto 1fr; grid-gutter: 0 2; height: auto; }
        & .help-key { text-style: bold; }
    }"""
    )
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Keys", classes="dialog-title")
            yield Static(
                "Every action is also in the command palette (ctrl+p). Escape to close.",
                classes="dialog-hint",
            )
            with VerticalScroll(), Grid():
                for key, description in self._keys:
                    yield Static(Content(key), classes="help-key")
                    yield Static(Content(description))

    def action_close(self) -> None:
        self.dismiss(None)
