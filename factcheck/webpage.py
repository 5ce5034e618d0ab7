"""The trafilatura adapter: an HTML page to its main text and metadata, as plain values.

trafilatura's ``Document`` stops here; the rest of factcheck sees a ``Page``. trafilatura
(with lxml and htmldate, ~0.35 s) is imported only when a page is read: plain-text sources
never pay for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from factcheck.raw import SourceError

# htmldate returns midnight for a page that gives only a day; a time is kept only when
# the page stated one (it then carries a zone from the ISO meta tag, "+0000").
# No extensive search: it guesses from the page's text and took "(c) 2025" in a footer
# for 2025-01-01; only dates the page states as its own (meta tags, JSON-LD) count.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": False,
}
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

NO_MAIN_TEXT = "HTML page with no main text (only navigation or boilerplate)"


@dataclass(frozen=True, slots=True)
class Page:
    """What factcheck keeps of a web page."""

    text: str
    """The main text, LF line ends, one paragraph a line: the text claim offsets refer to."""
    title: str = ""
    published: str = ""
    """ISO 8601 from the page's own metadata: "2025-07-23T07:19+00:00", or the day alone."""
    outlet: str = ""
    author: str = ""
    url: str = ""


def clean_field(value: str | None) -> str:
    """A metadata value on one line, without control characters (they reach terminals)."""
    return " ".join(_CONTROLS.sub(" ", value or "").split())


def _metadata_date(value: str | None) -> str:
    """htmldate's answer as ISO 8601; a naive midnight is how it writes a bare day."""
    for form in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            instant = datetime.strptime(value or "", form)
        except ValueError:
            continue
        if instant.hour == instant.minute == 0 and instant.utcoffset() is None:
            return instant.date().isoformat()
        return instant.isoformat(timespec="minutes")
    return ""


def extract_page(html: str, path: str, url: str = "") -> Page:
    """The main text and metadata of an HTML page; ``SourceError`` when it has no main text.

    trafilatura runs in precision mode: by default a short article (two paragraphs) makes
    it retry for recall, and that run flattened the byline and "Share on Facebook" into
    the first paragraph.
    """
    import trafilatura
    from trafilatura.settings import Document as ExtractedPage

    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError) as error:  # trafilatura catches most; lxml may still raise
        raise SourceError(path, f"cannot parse the HTML page ({error})") from None
    if not isinstance(extracted, ExtractedPage):
        raise SourceError(path, NO_MAIN_TEXT)
    text = (extracted.text or "").replace("\r\n", "\n").strip("\n")
    if not text.strip():
        raise SourceError(path, NO_MAIN_TEXT)
    return Page(
        text=text,
        title=clean_field(extracted.title),
        published=_metadata_date(extracted.date),
        outlet=clean_field(extracted.sitename),
        author=clean_field(extracted.author),
        url=url or clean_field(extracted.url),
    )
