"""Reading sources into Documents: the I/O edge of the pipeline."""

from __future__ import annotations

from pathlib import Path

from factcheck.chrome import find_chrome_spans, find_dateline, merge_spans
from factcheck.model import Document
from factcheck.options import Options

# A first line longer than this is a paragraph, not a headline.
_TITLE_MAX = 200


class SourceError(Exception):
    """A source that cannot be read; the message names the source and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _guess_title(text: str, excluded: tuple[tuple[int, int], ...]) -> str:
    """The first line outside the excluded spans, when it reads as a headline (no final period)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        content = line.strip()
        if not content or any(lo <= start + line.index(content[0]) < hi for lo, hi in excluded):
            continue
        if len(content) <= _TITLE_MAX and content[-1] not in '.!?"”':
            return content
        return ""
    return ""


def document_from_text(
    text: str, *, path: str = "<text>", published: str = "", title: str = ""
) -> Document:
    """A Document for ``text`` as given, with its page chrome and dateline excluded by span.

    ``text`` is not changed, so claim offsets point into exactly the string passed in.
    ``published`` is the fallback (the ``--published`` option): a dateline near the top
    of the text ("23 Jul, 2025 10:19") wins over it. When ``title`` is empty, the first
    line that is not chrome is taken as the title if it reads as a headline.
    """
    chrome = find_chrome_spans(text)
    dateline = find_dateline(text)
    spans = (*chrome, (dateline.start, dateline.end)) if dateline else chrome
    excluded = merge_spans(spans)
    return Document(
        path=path,
        text=text,
        title=title or _guess_title(text, excluded),
        published=dateline.published if dateline else published,
        excluded=excluded,
    )


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
    return document_from_text(text, path=path, published=options.published)
