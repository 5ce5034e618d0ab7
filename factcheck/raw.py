"""Raw sources: bytes from a file, standard input or a URL, decoded to text.

Every text that leaves this module is decoded and LF-normalised: a byte-order mark is
dropped and CRLF (or a lone CR) becomes LF, so claim offsets refer to that decoded,
LF-normalised text. Every failure is a ``SourceError`` naming the source and the problem.
"""

from __future__ import annotations

import codecs
import http.client
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from factcheck import __version__
from factcheck.options import Options

# Control characters (C0, DEL, C1) in a message could move the cursor or recolour a
# terminal: a server chooses its HTTP reason phrase, a folder its file names.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(value: str) -> str:
    """``value`` on one line with control characters shown as escapes ("\\x1b")."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], value)


class SourceError(Exception):
    """A source that cannot be read; the message names the source and the problem on one line."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{printable(path)}: {printable(problem)}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class RawSource:
    """The bytes of one source with what its transport said about them."""

    path: str
    data: bytes
    url: str = ""
    """The address the bytes came from after redirects, "" for files and standard input."""
    content_type: str = ""
    """The HTTP Content-Type ("text/html"), "" when there was none."""
    charset: str = ""
    """The charset the HTTP headers declared, "" when none."""


def is_url(path: str) -> bool:
    """True for http(s) addresses, which are fetched rather than opened."""
    return path.lower().startswith(("http://", "https://"))


def _too_large(size: int, options: Options) -> str:
    return f"{size:,} bytes is over the size limit of {options.max_bytes:,} bytes"


def read_file(path: str, options: Options) -> RawSource:
    """The bytes of a file, refused when missing, unreadable or over ``options.max_bytes``."""
    file = Path(path)
    try:
        size = file.stat().st_size
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except OSError as error:
        raise SourceError(path, f"cannot read it ({error.strerror})") from None
    if file.is_dir():
        raise SourceError(path, "is a directory")
    if size > options.max_bytes:
        raise SourceError(path, _too_large(size, options))
    try:
        with file.open("rb") as stream:  # capped again: a pipe or device reports size 0
            data = stream.read(options.max_bytes + 1)
    except OSError as error:
        raise SourceError(path, f"cannot read it ({error.strerror})") from None
    if len(data) > options.max_bytes:
        raise SourceError(path, f"more than {options.max_bytes:,} bytes, over the size limit")
    return RawSource(path=path, data=data)


def read_stdin(options: Options) -> RawSource:
    """The bytes of standard input, read up to one byte past the size limit."""
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise SourceError("-", f"more than {options.max_bytes:,} bytes, over the size limit")
    return RawSource(path="-", data=data)


def fetch_url(url: str, options: Options) -> RawSource:
    """The body of an http(s) URL, with ``options.timeout`` and ``options.max_bytes`` enforced."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"factcheck/{__version__}",
            "Accept": "text/html,application/xhtml+xml,application/json,text/plain;q=0.9,*/*;q=0.5",
        },
    )
    timed_out = f"timed out after {options.timeout:g} s"
    try:
        with urllib.request.urlopen(request, timeout=options.timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > options.max_bytes:
                raise SourceError(url, _too_large(int(length), options))
            data = response.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                raise SourceError(
                    url, f"more than {options.max_bytes:,} bytes, over the size limit"
                )
            return RawSource(
                path=url,
                data=data,
                url=response.geturl(),
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset() or "",
            )
    except urllib.error.HTTPError as error:
        error.close()
        raise SourceError(url, f"HTTP error {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise SourceError(url, timed_out) from None
        raise SourceError(url, f"cannot fetch it ({error.reason})") from None
    except TimeoutError:  # the server accepted the connection, then went quiet mid-response
        raise SourceError(url, timed_out) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise SourceError(url, f"cannot fetch it ({error})") from None


# --- decoding ------------------------------------------------------------------------------

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)

# Control characters other than tab, line and page breaks: a text with many of them is
# binary that happened to decode (an image saved as .txt under a single-byte code page).
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01

# charset-normalizer scores the "mess" of each candidate; on short Western text it often
# ranks cp1257 or cp775 first by a hair ("Naļve résumé faēade") or lists only a code page
# that decodes to the same characters as Windows-1252. Among near-ties we prefer
# Windows-1252, by far the commonest legacy encoding of English web pages.
_NEAR_TIE = 0.1


def html_charset(data: bytes) -> str:
    """The charset a page declares in a <meta> tag near its top, "" when none."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _detect(data: bytes) -> str | None:
    """Legacy single-byte text decoded by detection, or None when nothing fits."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.chaos <= best.chaos + _NEAR_TIE and "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252")
    return str(best)


def decode(data: bytes, path: str, declared: str = "") -> str:
    """Bytes to LF-normalised text: BOM, then the declared charset, then UTF-8, then detection.

    Raises ``SourceError`` for an empty source and for binary data (NUL bytes without a
    UTF-16/32 byte-order mark, nothing decodes it, or it is full of control characters).
    """
    if not data:
        raise SourceError(path, "empty file")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise SourceError(path, f"binary or corrupt file (invalid {encoding})") from None
            break
    if text is None:
        if b"\x00" in data:
            raise SourceError(path, "binary file (contains NUL bytes), not text")
        for encoding in filter(None, (_codec(declared), "utf-8")):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        text = _detect(data)
        if text is None:
            raise SourceError(path, "binary file (no text encoding fits it), not text")
    if len(_CONTROLS.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise SourceError(path, "binary file (full of control characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(path, "empty file (only whitespace)")
    return text
