"""Reading sources into Documents: the I/O edge of the pipeline.

A source is a plain-text or Markdown file, an HTML page, a JSON or JSON Lines file of
records, ``-`` for standard input, or an http(s) URL. Which text the claim offsets refer
to (``Document.text``):

- plain text and Markdown: the file's text, decoded and LF-normalised (see ``factcheck.raw``),
  byte for byte what the person sees in an editor apart from CRLF → LF and a dropped BOM;
- HTML: the page's main text as trafilatura extracts it (navigation, scripts, footers left
  out), not the HTML source;
- JSON and JSON Lines: the ``text`` field of each record.

Page chrome and the dateline are never deleted from that text; they are listed in
``Document.excluded`` so that extraction skips them (``factcheck.chrome``).

The publication date comes from the page metadata (HTML metadata, a record's
``published``), then from a dateline in the text, then from ``Options.published``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from factcheck.chrome import Dateline, find_chrome_spans, find_datelines, merge_spans
from factcheck.model import Document, Skipped
from factcheck.options import Options
from factcheck.raw import (
    RawSource,
    SourceError,
    decode,
    fetch_url,
    html_charset,
    is_url,
    read_file,
    read_stdin,
)
from factcheck.webpage import NO_MAIN_TEXT, clean_field, extract_page

__all__ = [
    "SOURCE_SUFFIXES",
    "SourceError",
    "document_from_text",
    "load_sources",
    "read_source",
    "read_sources",
    "source_files",
]

logger = logging.getLogger(__name__)

SOURCE_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
"""File name endings that a folder is searched for, and how each is read."""

_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
}

# A first line longer than this is a paragraph, not a headline.
_TITLE_MAX = 200
_RECORD_FIELDS = ("title", "url", "published", "outlet", "author")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


# --- plain text ------------------------------------------------------------------------------


def _guess_title(text: str, excluded: tuple[tuple[int, int], ...]) -> str:
    """The first line outside the excluded spans, when it reads as a headline (no final period)."""
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        content = line.strip()
        if not content or any(lo <= start + line.index(content[0]) < hi for lo, hi in excluded):
            continue
        if len(content) <= _TITLE_MAX and content[-1] not in '.!?"”':
            return content.lstrip("#").strip()  # a Markdown heading's marks are not the title
        return ""
    return ""


def _choose_published(metadata: str, dateline: Dateline | None, fallback: str) -> str:
    """Page metadata, then the dateline, then the fallback.

    A metadata date without a time gives way to a dateline on the same day that has one
    (metadata "2025-07-23", dateline "23 Jul, 2025 10:19" → "2025-07-23T10:19").
    """
    if metadata:
        if dateline and "T" not in metadata and dateline.published.startswith(metadata + "T"):
            return dateline.published
        return metadata
    return dateline.published if dateline else fallback


def _leading_url(text: str) -> str:
    """The web address on the first line, where copied articles often carry their source."""
    first = text.lstrip().split("\n", 1)[0].strip()
    return first if _URL.fullmatch(first) else ""


def _clean(text: str, path: str, *, metadata: str, fallback: str, title: str) -> Document:
    chrome = find_chrome_spans(text)
    # Every dateline is metadata ("Published ..." and "Edited ..."); the first one dates the text.
    datelines = find_datelines(text)
    excluded = merge_spans((*chrome, *((d.start, d.end) for d in datelines)))
    return Document(
        path=path,
        text=text,
        title=title or _guess_title(text, excluded),
        published=_choose_published(metadata, datelines[0] if datelines else None, fallback),
        url=_leading_url(text),
        excluded=excluded,
    )


def document_from_text(
    text: str, *, path: str = "<text>", published: str = "", title: str = ""
) -> Document:
    """A Document for ``text`` as given, with its page chrome and dateline excluded by span.

    ``text`` is not changed, so claim offsets point into exactly the string passed in.
    ``published`` is the fallback (the ``--published`` option): a dateline near the top
    of the text ("23 Jul, 2025 10:19") wins over it. When ``title`` is empty, the first
    line that is not chrome is taken as the title if it reads as a headline.
    """
    return _clean(text, path, metadata="", fallback=published, title=title)


# --- HTML ------------------------------------------------------------------------------------

# trafilatura falls back to whatever text a page has: a page of links gives "Home World".
# Main text shorter than this many words outside the chrome is no article.
_MIN_MAIN_WORDS = 8


def _kept_words(document: Document) -> int:
    """How many words of the text lie outside the excluded spans."""
    kept, last = [], 0
    for start, end in document.excluded:
        kept.append(document.text[last:start])
        last = end
    kept.append(document.text[last:])
    return len(" ".join(kept).split())


def _html_document(html: str, path: str, url: str, options: Options) -> Document:
    """The main text of an HTML page with its metadata; offsets refer to that main text."""
    page = extract_page(html, path, url)
    document = _clean(
        page.text, path, metadata=page.published, fallback=options.published, title=page.title
    )
    if _kept_words(document) < _MIN_MAIN_WORDS:
        raise SourceError(path, NO_MAIN_TEXT)
    return replace(document, outlet=page.outlet, author=page.author, url=page.url or document.url)


# --- JSON records ------------------------------------------------------------------------------


def _invalid(path: str, error: json.JSONDecodeError, line: int | None = None) -> SourceError:
    where = f"line {line if line is not None else error.lineno}, column {error.colno}"
    return SourceError(path, f"invalid JSON at {where}: {error.msg}")


def _records(text: str, path: str, kind: str) -> Iterator[tuple[str, Any]]:
    """(record path, parsed value) for each record: "a.jsonl#3" names line 3, "a.json#2" item 2."""
    if kind == "jsonl":
        lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
        for number, line in lines:
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                raise _invalid(path, error, number) from None
            yield (f"{path}#{number}" if len(lines) > 1 else path), value
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise _invalid(path, error) from None
    if isinstance(value, list):
        for index, item in enumerate(value, 1):
            yield (f"{path}#{index}" if len(value) > 1 else path), item
    else:
        yield path, value


def _record_document(value: Any, path: str, options: Options) -> Document:
    if not isinstance(value, dict):
        raise SourceError(path, 'a record must be a JSON object with a "text" field')
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        raise SourceError(path, 'the record has no "text" string')
    fields: dict[str, str] = {}
    for name in _RECORD_FIELDS:
        field = value.get(name, "")
        if field is None:
            field = ""
        if not isinstance(field, str):
            raise SourceError(path, f'the record\'s "{name}" is not a string')
        fields[name] = clean_field(field)
    if fields["published"]:
        try:
            datetime.fromisoformat(fields["published"])
        except ValueError:
            raise SourceError(
                path, f'the record\'s "published" is not an ISO 8601 date: {fields["published"]!r}'
            ) from None
    document = _clean(
        text.replace("\r\n", "\n").replace("\r", "\n"),
        path,
        metadata=fields["published"],
        fallback=options.published,
        title=fields["title"],
    )
    return replace(
        document,
        url=fields["url"] or document.url,
        outlet=fields["outlet"],
        author=fields["author"],
    )


# --- sources -------------------------------------------------------------------------------------


def _kind(raw: RawSource, text: str) -> str:
    """How to read a source: by its name ending, its HTTP type, then by a look at its start."""
    suffix = "" if is_url(raw.path) or raw.path == "-" else Path(raw.path).suffix.lower()
    if suffix in SOURCE_SUFFIXES:
        return SOURCE_SUFFIXES[suffix]
    if raw.content_type in _CONTENT_TYPES:
        return _CONTENT_TYPES[raw.content_type]
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in head or "<head" in head)
    ):
        return "html"
    if head.startswith("{"):  # no article opens with a brace; records do
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            return "jsonl"
    if head.startswith("["):  # "[Updated] ..." opens articles, so only valid JSON counts
        try:
            json.loads(text)
            return "json"
        except json.JSONDecodeError:
            return "text"
    return "text"


def _raw(path: str, options: Options) -> RawSource:
    if path == "-":
        return read_stdin(options)
    if is_url(path):
        return fetch_url(path, options)
    return read_file(path, options)


def _documents(raw: RawSource, options: Options) -> tuple[Document, ...]:
    declared = raw.charset or html_charset(raw.data)
    text = decode(raw.data, raw.path, declared)
    kind = _kind(raw, text)
    if kind == "html":
        return (_html_document(text, raw.path, raw.url, options),)
    if kind in ("json", "jsonl"):
        documents = tuple(
            _record_document(value, path, options) for path, value in _records(text, raw.path, kind)
        )
        if not documents:
            raise SourceError(raw.path, "no records in the JSON file")
        return documents
    document = document_from_text(text, path=raw.path, published=options.published)
    return (replace(document, url=raw.url) if raw.url else document,)


def source_files(folder: Path) -> tuple[Path, ...]:
    """The source files directly inside ``folder`` (known endings, not hidden), sorted by name."""
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        raise SourceError(str(folder), f"cannot list the directory ({error.strerror})") from None
    return tuple(
        sorted(
            entry
            for entry in entries
            if entry.is_file()
            and not entry.name.startswith(".")
            and entry.suffix.lower() in SOURCE_SUFFIXES
        )
    )


def _no_sources(path: str) -> SourceError:
    endings = ", ".join(sorted(SOURCE_SUFFIXES))
    return SourceError(path, f"directory holds no sources (files ending {endings})")


def read_sources(path: str, options: Options = Options()) -> tuple[Document, ...]:
    """Every Document in one source: a file, a URL, ``-``, or each source file in a folder.

    A JSON Lines file or a JSON list gives one Document per record. Raises ``SourceError``
    on the first problem; ``load_sources`` is the forgiving batch version.
    """
    if path not in ("-", "") and not is_url(path) and Path(path).is_dir():  # Path("") is "."
        files = source_files(Path(path))
        if not files:
            raise _no_sources(path)
        return tuple(
            doc for file in files for doc in _documents(read_file(str(file), options), options)
        )
    return _documents(_raw(path, options), options)


def read_source(path: str, options: Options = Options()) -> Document:
    """The one Document in a source; a source of several records is an error (use ``read_sources``)."""
    documents = read_sources(path, options)
    if len(documents) != 1:
        raise SourceError(path, f"holds {len(documents)} documents where one was expected")
    return documents[0]


def load_sources(
    paths: Sequence[str], options: Options = Options()
) -> tuple[tuple[Document, ...], tuple[Skipped, ...]]:
    """Read every source, keeping going past bad ones: (documents, skipped with reasons).

    A folder contributes each source file in it, and a bad file in it is skipped on its own.
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    stdin_read = False
    for path in paths:
        targets: Sequence[str] = [path]
        if path == "-":
            if stdin_read:
                skipped.append(Skipped(path="-", reason="standard input can be read only once"))
                continue
            stdin_read = True
        elif path and not is_url(path) and Path(path).is_dir():
            try:
                targets = [str(file) for file in source_files(Path(path))]
                if not targets:
                    raise _no_sources(path)
            except SourceError as error:
                logger.warning("skipped %s", error)
                skipped.append(Skipped(path=error.path, reason=error.problem))
                continue
        for target in targets:
            try:
                documents.extend(read_sources(target, options))
            except SourceError as error:
                logger.warning("skipped %s", error)
                skipped.append(Skipped(path=error.path, reason=error.problem))
    return tuple(documents), tuple(skipped)
