"""Reading sources: plain text, HTML, JSON records, stdin, URLs, encodings and bad input."""

from __future__ import annotations

import io
import json
import socket
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pages import kept_lines, wrap_in_page

from factcheck.ingest import (
    SourceError,
    document_from_text,
    load_sources,
    read_source,
    read_sources,
)
from factcheck.model import Document, Skipped
from factcheck.options import Options

EXAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "example"

# Our own short article with the chrome a copied page carries (dateline, icon run glued to
# the last sentence, comment notice, player timers).
ARTICLE = (
    "4 Mar, 2025 18:05\n"
    "\n"
    "Ferry runs aground off the coast\n"
    "\n"
    "The ferry carried 412 passengers when it struck a sandbank at 5 pm.\n"
    "\n"
    "All 38 crew members were safe, the coastguard said.icon closeicon searchicon shareicon tw\n"
    "\n"
    "Dear readers! Please read our commenting policy before you post.\n"
    "Podcasts\n"
    "0:00\n"
    "18:02\n"
)


def _excluded(document: Document) -> list[str]:
    return [document.text[start:end] for start, end in document.excluded]


# --- plain text -------------------------------------------------------------------------------


def test_document_from_text_excludes_chrome_and_dateline_by_span() -> None:
    document = document_from_text(ARTICLE, published="2025-01-01")
    assert document.text == ARTICLE  # offsets stay true: nothing deleted
    assert _excluded(document) == [
        "4 Mar, 2025 18:05",
        # the icon run, the comment notice and the player are one region of chrome
        "icon closeicon searchicon shareicon tw\n\n"
        "Dear readers! Please read our commenting policy before you post.\nPodcasts\n0:00\n18:02",
    ]
    assert document.published == "2025-03-04T18:05"  # the dateline beats the fallback
    assert document.title == "Ferry runs aground off the coast"
    assert document.path == "<text>"


def test_document_from_text_falls_back_to_the_published_argument() -> None:
    document = document_from_text("Turnout was 61%, up from 54%.\n", published="2025-05-04")
    assert document.published == "2025-05-04"
    assert document.excluded == ()
    assert document.title == ""  # a sentence is not a headline


def test_leading_web_address_is_the_url_and_not_the_title() -> None:
    text = (
        "https://news.example.org/2019/10/02/bridge-4471\n"
        "Bridge reopens after repairs\n"
        "Posted on: 4:50 pm, October 2,2019\n"
        "Edited: October 3,2019\n"
        "The repairs took 14 months and cost $3.1 million.\n"
    )
    document = document_from_text(text, published="2001-01-01")
    assert document.url == "https://news.example.org/2019/10/02/bridge-4471"
    assert document.title == "Bridge reopens after repairs"
    assert document.published == "2019-10-02T16:50"
    assert _excluded(document) == [
        "https://news.example.org/2019/10/02/bridge-4471",
        "Posted on: 4:50 pm, October 2,2019",
        "Edited: October 3,2019",
    ]


def test_example_pair_from_plain_text() -> None:
    a = read_source(str(EXAMPLE / "outlet_a.txt"), Options(published="2025-06-12"))
    b = read_source(str(EXAMPLE / "outlet_b.txt"), Options(published="2025-06-01"))
    assert a.published == "2025-06-12"  # no dateline: the option
    assert b.published == "2025-06-12T08:40"  # the dateline wins over the option
    assert _excluded(a)[0] == ".png)"
    assert _excluded(a)[1].startswith("icon bookmarkicon") and _excluded(a)[1].endswith("icon fm")
    assert _excluded(b)[0] == "12 Jun, 2025 08:40"
    assert _excluded(b)[1] == "Chile and Argentina resume glacier talks"  # printed twice
    assert b.excluded[1][0] > b.text.index(_excluded(b)[1])
    assert _excluded(b)[2].startswith("Dear readers!")
    assert _excluded(b)[2].endswith("commenting rules\nPodcasts\n0:00\n31:12\n0:00\n44:5")


@pytest.mark.seeds
def test_seed_pair_from_plain_text(seed_texts: tuple[str, str], tmp_path: Path) -> None:
    for name, text in zip(("000.txt", "001.txt"), seed_texts, strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
    plain = read_source(str(tmp_path / "000.txt"), Options(published="2025-07-23"))
    chromed = read_source(str(tmp_path / "001.txt"), Options(published="2025-07-22"))
    assert plain.published == "2025-07-23"
    assert _excluded(plain) == [".jpg)"]
    assert chromed.published == "2025-07-23T10:19"
    icons, dateline, headline, footer = _excluded(chromed)
    assert icons.startswith("icon bookmark") and icons.endswith("icon fm")
    assert chromed.text.index(icons) == 0
    assert dateline == "23 Jul, 2025 10:19"
    assert headline == "Kremlin confirms imminent Russia-Ukraine talks"  # its second printing
    assert footer.startswith("Dear readers!")
    assert footer.endswith("commenting policy\nPodcasts\n0:00\n25:48\n0:00\n47:0")
    assert chromed.text == seed_texts[1]
    assert chromed.title == "Kremlin confirms imminent Russia-Ukraine talks"


# --- HTML -------------------------------------------------------------------------------------------


@pytest.fixture(params=["example", pytest.param("seeds", marks=pytest.mark.seeds)])
def articles(request: pytest.FixtureRequest) -> list[tuple[str, str]]:
    """(file name, text) for the project's example pair, or for the seed pair."""
    if request.param == "seeds":
        seeds: tuple[str, str] = request.getfixturevalue("seed_texts")
        return [(f"seed{index}.txt", text) for index, text in enumerate(seeds)]
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(EXAMPLE.glob("*.txt"))]


def test_html_page_gives_the_same_main_text(
    articles: list[tuple[str, str]], tmp_path: Path
) -> None:
    for name, text in articles:
        (tmp_path / name).write_text(text, encoding="utf-8")
        from_text = read_source(str(tmp_path / name))
        lines = kept_lines(from_text)
        page = tmp_path / (name + ".html")
        page.write_text(wrap_in_page(lines[0], lines[1:]), encoding="utf-8")
        from_html = read_source(str(page), Options(published="2020-01-01"))
        assert kept_lines(from_html) == lines, name
        assert from_html.title == lines[0]
        assert from_html.outlet == "Example Wire"
        assert from_html.author == "Dana Fields"
        assert from_html.published == "2025-07-23T07:19+00:00"  # page metadata first
        assert from_html.path == str(page)


def test_chrome_inside_the_article_element_is_excluded_from_html(tmp_path: Path) -> None:
    # A page whose CMS put the player and the icon names inside the article container.
    paragraphs = [line for line in ARTICLE.split("\n") if line.strip()][2:]
    page = tmp_path / "ferry.html"
    page.write_text(
        wrap_in_page("Ferry runs aground off the coast", paragraphs, published=""), "utf-8"
    )
    document = read_source(str(page), Options(published="2025-03-04"))
    assert kept_lines(document) == [
        "Ferry runs aground off the coast",
        "The ferry carried 412 passengers when it struck a sandbank at 5 pm.",
        "All 38 crew members were safe, the coastguard said.",
    ]
    assert document.published == "2025-03-04"  # no metadata, no dateline: the option


def test_html_metadata_day_takes_the_time_from_a_dateline_on_that_day(tmp_path: Path) -> None:
    paragraphs = [
        "4 Mar, 2025 18:05",
        "The ferry carried 412 passengers when it struck a sandbank late on Tuesday, the coastguard said.",
        "All 38 crew members were safe, and tugs would try to free the ship at high tide.",
    ]
    page = tmp_path / "ferry.html"
    page.write_text(wrap_in_page("Ferry runs aground", paragraphs, published="2025-03-04"), "utf-8")
    document = read_source(str(page))
    assert document.published == "2025-03-04T18:05"
    assert kept_lines(document) == ["Ferry runs aground", *paragraphs[1:]]


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = wrap_in_page(
        "Café prices",
        ["A coffee in Zürich now costs €4.50, up 12% in a year."],
        charset="windows-1252",
    )
    path = tmp_path / "cafe.htm"
    path.write_bytes(page.encode("cp1252"))
    assert "€4.50" in read_source(str(path)).text


# --- encodings ----------------------------------------------------------------------------------------

WESTERN = "The café in Zürich charged €4.50 for a coffee, up 12% from last year.\nCustomers called it “steep”.\n"
RUSSIAN = "Переговоры начнутся в 19:00 по московскому времени, сообщил представитель. Делегация уже вылетела.\n"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", WESTERN),
        ("utf-8-sig", WESTERN),
        ("utf-16", WESTERN),  # with a BOM, native order
        ("utf-16-be-bom", WESTERN),
        ("cp1252", WESTERN),
        ("cp1251", RUSSIAN),
    ],
)
def test_encodings(encoding: str, text: str, tmp_path: Path) -> None:
    data = (
        b"\xfe\xff" + text.encode("utf-16-be")
        if encoding == "utf-16-be-bom"
        else text.encode(encoding)
    )
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert read_source(str(path)).text == text


def test_crlf_is_normalised_and_offsets_refer_to_the_lf_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    document = read_source(str(path))
    assert document.text == ARTICLE
    assert document.excluded == document_from_text(ARTICLE).excluded


# --- JSON records --------------------------------------------------------------------------------------


def test_json_object_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "text": "23 Jul, 2025 10:19\nThe dam holds 5 billion cubic metres.\r\n",
        "title": "Dam report",
        "url": "https://example.org/dam",
        "published": "2025-07-23",
        "outlet": "Example Wire",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    document = read_source(str(path))
    assert document == Document(
        path=str(path),
        text="23 Jul, 2025 10:19\nThe dam holds 5 billion cubic metres.\n",
        title="Dam report",
        # the record's date has no time; the dateline on the same day supplies it
        published="2025-07-23T10:19",
        outlet="Example Wire",
        url="https://example.org/dam",
        excluded=((0, 18),),
    )


def test_record_date_beats_a_dateline_on_another_day(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"text": "23 Jul, 2025 10:19\nBody.", "published": "2025-07-24"}), "utf-8"
    )
    assert read_source(str(path)).published == "2025-07-24"


def test_jsonl_gives_one_document_per_record(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"text": "Outlet A says 40 people were hurt.", "outlet": "A"}),
        "",
        json.dumps({"text": "Outlet B says 41 people were hurt.", "outlet": "B", "title": None}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = read_sources(str(path), Options(published="2025-02-02"))
    assert [(d.path, d.outlet, d.published) for d in documents] == [
        (f"{path}#1", "A", "2025-02-02"),
        (f"{path}#3", "B", "2025-02-02"),
    ]
    with pytest.raises(SourceError) as caught:
        read_source(str(path))
    assert caught.value.problem == "holds 2 documents where one was expected"


def test_record_metadata_loses_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "text": "Body with 3 numbers.",
        "title": "Dam\u001b[31m report\n",
        "outlet": " Example\tWire ",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    document = read_source(str(path))
    assert (document.title, document.outlet) == ("Dam [31m report", "Example Wire")


def test_json_list_of_records(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps([{"text": "First: 3 ships."}, {"text": "Second: 4 ships."}]), "utf-8"
    )
    assert [d.path for d in read_sources(str(path))] == [f"{path}#1", f"{path}#2"]


# --- standard input -------------------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(ARTICLE.encode("utf-8")))
    document = read_source("-", Options(published="2025-01-01"))
    assert (document.path, document.text, document.published) == ("-", ARTICLE, "2025-03-04T18:05")


def test_stdin_html_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = [
        "The ferry carried 412 passengers when it struck a sandbank late on Tuesday, the coastguard said.",
        "All 38 crew members were safe, and tugs would try to free the ship at high tide on Wednesday.",
    ]
    page = wrap_in_page("Ferry runs aground", paragraphs)
    monkeypatch.setattr(sys, "stdin", _Stdin(page.encode("utf-8")))
    document = read_source("-")
    assert kept_lines(document) == ["Ferry runs aground", *paragraphs]
    assert document.outlet == "Example Wire"


def test_stdin_jsonl_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"text": "One: 5 trucks."}\n{"text": "Two: 6 trucks."}\n'
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    assert [d.text for d in read_sources("-")] == ["One: 5 trucks.", "Two: 6 trucks."]


def test_stdin_is_read_once_in_a_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"The bridge is 120 metres long."))
    documents, skipped = load_sources(["-", "-"])
    assert [d.text for d in documents] == ["The bridge is 120 metres long."]
    assert skipped == (Skipped(path="-", reason="standard input can be read only once"),)


def test_stdin_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 101))
    with pytest.raises(SourceError) as caught:
        read_source("-", Options(max_bytes=100))
    assert str(caught.value) == "-: more than 100 bytes, over the size limit"


# --- bad input ---------------------------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


NO_MAIN_TEXT = b"""<!DOCTYPE html><html><head><title>Home</title><script>var a = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><footer>(c) 2025</footer></body></html>"""

BAD_INPUTS = {
    "missing file": (lambda tmp: str(tmp / "nope.txt"), "no such file"),
    "empty file": (lambda tmp: _write(tmp, "empty.txt", b""), "empty file"),
    "only whitespace": (
        lambda tmp: _write(tmp, "blank.txt", b" \r\n\t\n"),
        "empty file (only whitespace)",
    ),
    "binary file": (
        lambda tmp: _write(tmp, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "binary file (contains NUL bytes), not text",
    ),
    "control characters": (
        lambda tmp: _write(tmp, "blob.txt", bytes(range(1, 9)) * 20 + b"some text"),
        "binary file (full of control characters), not text",
    ),
    "over the size limit": (
        lambda tmp: _write(tmp, "big.txt", b"The bridge is 120 metres long. " * 40),
        "1,240 bytes is over the size limit of 1,000 bytes",
    ),
    "directory with no sources": (
        lambda tmp: str((tmp / "notes").mkdir() or tmp / "notes"),
        "directory holds no sources (files ending .htm, .html, .json, .jsonl, .markdown, .md, "
        ".ndjson, .text, .txt, .xhtml)",
    ),
    "HTML with no main text": (
        lambda tmp: _write(tmp, "home.html", NO_MAIN_TEXT),
        "HTML page with no main text (only navigation or boilerplate)",
    ),
    "invalid JSON": (
        lambda tmp: _write(tmp, "bad.json", b'{\n  "text": "Ten ships"\n  "title": "x"\n}'),
        "invalid JSON at line 3, column 3: Expecting ',' delimiter",
    ),
    "invalid JSON Lines": (
        lambda tmp: _write(tmp, "bad.jsonl", b'{"text": "a"}\n{"text": }\n'),
        "invalid JSON at line 2, column 10: Expecting value",
    ),
    "record without text": (
        lambda tmp: _write(tmp, "notext.json", b'{"title": "Only a title"}'),
        'the record has no "text" string',
    ),
    "record with a bad date": (
        lambda tmp: _write(tmp, "date.json", b'{"text": "Body.", "published": "last Tuesday"}'),
        "the record's \"published\" is not an ISO 8601 date: 'last Tuesday'",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input(case: str, tmp_path: Path) -> None:
    make, problem = BAD_INPUTS[case]
    path = make(tmp_path)
    with pytest.raises(SourceError) as caught:
        read_sources(path, Options(max_bytes=1000))
    assert (caught.value.path, caught.value.problem) == (path, problem)
    assert str(caught.value) == f"{path}: {problem}"
    assert "\n" not in str(caught.value)


def test_load_sources_keeps_going_and_records_what_it_skipped(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", b"Rescuers reached 7 miners.")
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.md").write_text("# Ferry\n\nThe ferry carried 412 passengers.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # not a source ending: ignored
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    missing = str(tmp_path / "missing.html")
    documents, skipped = load_sources([good, missing, str(folder), str(empty_folder)])
    assert [d.path for d in documents] == [good, str(folder / "a.md")]
    assert skipped == (
        Skipped(path=missing, reason="no such file"),
        Skipped(path=str(folder / "b.txt"), reason="empty file"),
        Skipped(path=str(empty_folder), reason=BAD_INPUTS["directory with no sources"][1]),
    )


# --- URLs (a local server on 127.0.0.1; nothing leaves the machine) ------------------------------------

PAGE = wrap_in_page(
    "Ferry runs aground",
    [
        "The ferry carried 412 passengers when it struck a sandbank late on Tuesday, the coastguard said.",
        "All 38 crew members were safe, and tugs would try to free the ship at high tide.",
    ],
)


class _Handler(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:
        if self.path == "/evil":  # a reason phrase that would clear the terminal
            self.send_response(500, "Oops\x1b[2J")
            self.end_headers()
            return
        if self.path == "/slow":
            self.release.wait(10)  # longer than the client's timeout; released at teardown
            return
        routes = {
            "/story": ("text/html; charset=utf-8", PAGE.encode("utf-8")),
            "/records": (
                "application/x-ndjson",
                b'{"text": "A: 3 cars."}\n{"text": "B: 4 cars."}\n',
            ),
            "/plain": ("text/plain; charset=windows-1251", RUSSIAN.encode("cp1251")),
            "/big": ("text/plain", b"x" * 5000),
        }
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        content_type, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_url_html_page(server: str) -> None:
    document = read_source(f"{server}/story")
    assert document.path == document.url == f"{server}/story"
    assert kept_lines(document)[0] == "Ferry runs aground"
    assert document.outlet == "Example Wire"
    assert document.published == "2025-07-23T07:19+00:00"


def test_url_records_and_declared_charset(server: str) -> None:
    assert [d.text for d in read_sources(f"{server}/records")] == ["A: 3 cars.", "B: 4 cars."]
    assert read_source(f"{server}/plain").text == RUSSIAN


@pytest.mark.parametrize(
    ("route", "options", "problem"),
    [
        ("/missing", Options(), "HTTP error 404 Not Found"),
        ("/slow", Options(timeout=0.2), "timed out after 0.2 s"),
        ("/big", Options(max_bytes=1000), "5,000 bytes is over the size limit of 1,000 bytes"),
    ],
    ids=["http error", "timeout", "over the size limit"],
)
def test_url_errors(server: str, route: str, options: Options, problem: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(f"{server}{route}", options)
    assert str(caught.value) == f"{server}{route}: {problem}"


def test_url_error_message_cannot_carry_escape_codes(server: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_source(f"{server}/evil")
    assert str(caught.value) == f"{server}/evil: HTTP error 500 Oops\\x1b[2J"


def test_url_nobody_listening() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SourceError) as caught:
        read_source(f"http://127.0.0.1:{port}/x", Options(timeout=2))
    assert caught.value.problem.startswith("cannot fetch it (")


def test_plain_text_never_imports_trafilatura(tmp_path: Path) -> None:
    """trafilatura (with lxml, ~0.35 s) loads only when an HTML page is read: cold start."""
    (tmp_path / "a.txt").write_text("Talks open at 7 pm GMT with 12 delegates.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        wrap_in_page(
            "Talks open",
            [
                "Talks open at 7 pm GMT with 12 delegates.",
                "The second session follows on 14 June with 30 experts.",
            ],
        ),
        encoding="utf-8",
    )
    code = (
        "import sys; from factcheck.ingest import read_source; "
        f"read_source({str(tmp_path / 'a.txt')!r}); print('trafilatura' in sys.modules); "
        f"read_source({str(tmp_path / 'b.html')!r}); print('trafilatura' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
