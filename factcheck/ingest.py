"""Reading sources into Documents: the I/O edge of the pipeline."""

from __future__ import annotations

from pathlib import Path

from factcheck.model import Document
from factcheck.options import Options


class SourceError(Exception):
    """A source that cannot be read; the message names the source and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def read_source(path: str, options: Options = Options()) -> Document:
    """Read one plain UTF-8 text file into a Document."""
    file = Path(path)
    if not file.exists():
        raise SourceError(path, "no such file")
    if file.stat().st_size > options.max_bytes:
        raise SourceError(path, f"larger than the limit of {options.max_bytes} bytes")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(path, f"not UTF-8 text ({error.reason})") from None
    if not text.strip():
        raise SourceError(path, "empty file")
    return Document(path=path, text=text, published=options.published)
