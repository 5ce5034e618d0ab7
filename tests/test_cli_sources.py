"""Every command reads sources the same way: files, HTML, JSON Lines, stdin, URLs, and bad ones.

The extractor is a stand-in (every "N homes"), so these tests need no model.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from builders import claim
from click.testing import CliRunner
from pages import wrap_in_page

import factcheck.check
import factcheck.extract
import factcheck.nlp
from factcheck.cli import cli
from factcheck.model import Claim, Document, Report

ROOT = Path(__file__).resolve().parent.parent


def _homes(document: Document) -> list[Claim]:
    found = []
    for match in re.finditer(r"(\d+) homes", document.text):
        start = document.text.rfind("\n", 0, match.start()) + 1
        end = document.text.find("\n", match.end())
        sentence = document.text[start : end if end >= 0 else None]
        found.append(
            claim(sentence, match.group(1), value=float(match.group(1)), key="home",
                  sentence_start=start)
        )  # fmt: skip
    return found


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    def check_documents(documents, nlp, options, skipped=()) -> Report:  # type: ignore[no-untyped-def]
        return factcheck.check.check_claims(
            documents, [_homes(d) for d in documents], options, skipped
        )

    def extract_documents(documents, nlp, options=None):  # type: ignore[no-untyped-def]
        return [tuple(_homes(d)) for d in documents]

    monkeypatch.setattr(factcheck.check, "check_documents", check_documents)
    monkeypatch.setattr(factcheck.extract, "extract_documents", extract_documents)
    monkeypatch.setattr(factcheck.nlp, "load_model", lambda name="": None)


PAGE = wrap_in_page(
    "Storm hits the coast",
    [
        "The storm destroyed 40 homes along the coast road, the regional council said.",
        "Crews worked through the night to restore power to the villages.",
    ],
)
RECORDS = (
    '{"text": "The storm destroyed 40 homes, firefighters said.", "title": "One"}\n'
    '{"text": "Forty? No: the storm destroyed 45 homes, the mayor said.", "title": "Two"}\n'
)


class _Handler(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:
        if self.path == "/slow":
            self.release.wait(10)  # longer than the client's timeout; released at teardown
            return
        if self.path != "/page":
            self.send_error(404, "Not Found")
            return
        body = PAGE.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def sources(tmp_path: Path) -> dict[str, Path]:
    files = {
        "text": tmp_path / "a.txt",
        "html": tmp_path / "b.html",
        "jsonl": tmp_path / "c.jsonl",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "blob.txt",
    }
    files["text"].write_bytes(
        "\ufeffThe storm destroyed 40 homes.\r\nNo one was hurt.\r\n".encode()
    )
    files["html"].write_text(PAGE, encoding="utf-8")
    files["jsonl"].write_text(RECORDS, encoding="utf-8")
    files["empty"].write_text("")
    files["binary"].write_bytes(bytes(range(256)) * 4)
    return files


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def test_extract_reads_every_kind_of_source(sources: dict[str, Path], server: str) -> None:
    result = invoke(
        "extract", str(sources["text"]), str(sources["html"]), str(sources["jsonl"]), "-",
        f"{server}/page", "--format", "json",
        input="Rain flooded 7 homes.\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    listed = [(d["path"], [c["text"] for c in d["claims"]]) for d in json.loads(result.stdout)]
    assert listed == [
        (str(sources["text"]), ["40"]),
        (str(sources["html"]), ["40"]),
        (f"{sources['jsonl']}#1", ["40"]),
        (f"{sources['jsonl']}#2", ["45"]),
        ("-", ["7"]),
        (f"{server}/page", ["40"]),
    ]
    # The offsets refer to the decoded text: BOM dropped, CRLF -> LF.
    first = json.loads(result.stdout)[0]["claims"][0]
    assert (first["start"], first["end"]) == (20, 22)


def test_extract_lists_skipped_sources(sources: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    result = invoke("extract", str(sources["text"]), str(missing), str(sources["empty"]))
    assert result.exit_code == 0
    assert result.stderr == (
        f"factcheck: skipped {missing}: no such file\n"
        f"factcheck: skipped {sources['empty']}: empty file\n"
    )
    assert result.stdout.splitlines()[:3] == [
        f"== {missing}: skipped: no such file",
        f"== {sources['empty']}: skipped: empty file",
        f"== {sources['text']}: 1 claims",
    ]
    listed = json.loads(invoke("extract", str(sources["text"]), str(missing), "--format", "json").stdout)  # fmt: skip
    assert listed[1] == {"path": str(missing), "skipped": "no such file", "claims": []}


def test_extract_with_nothing_readable_exits_2(sources: dict[str, Path], tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path / "gone.txt"), str(sources["binary"]))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"factcheck: skipped {tmp_path}/gone.txt: no such file",
        f"factcheck: skipped {sources['binary']}: binary file (contains NUL bytes), not text",
        "factcheck: error: no readable source, got 0 of 2",
    ]


def test_max_bytes_and_timeout_on_every_command(
    sources: dict[str, Path], server: str, tmp_path: Path
) -> None:
    over = "is over the size limit of 10 bytes"
    extract = invoke("extract", str(sources["text"]), "--max-bytes", "10")
    assert extract.exit_code == 2 and over in extract.stderr
    checked = invoke(
        "check", str(sources["text"]), str(sources["html"]), f"{server}/slow",
        "--timeout", "0.2", "--format", "json",
    )  # fmt: skip
    assert checked.exit_code == 0
    assert checked.stderr == f"factcheck: skipped {server}/slow: timed out after 0.2 s\n"
    assert json.loads(checked.stdout)["skipped"] == [
        {"path": f"{server}/slow", "reason": "timed out after 0.2 s"}
    ]
    review = invoke("review", str(sources["text"]), str(sources["html"]), "--max-bytes", "10")
    assert review.exit_code == 2
    assert review.stderr.splitlines()[-1] == (
        "factcheck: error: need at least two readable sources, got 0 of 2"
    )
    assert all(over in line for line in review.stderr.splitlines()[:2])


def test_max_bytes_from_the_configuration_file(
    sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "factcheck.toml").write_text("max-bytes = 10\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(sources["text"]))
    assert result.exit_code == 2 and "over the size limit of 10 bytes" in result.stderr
    assert invoke("extract", str(sources["text"]), "--max-bytes", "1000").exit_code == 0


def test_check_reads_html_records_and_stdin(sources: dict[str, Path]) -> None:
    result = invoke(
        "check", str(sources["html"]), str(sources["jsonl"]), "-", "--format", "json",
        "--published", "2025-07-01",
        input="The storm destroyed 40 homes, a neighbour said.\n",
    )  # fmt: skip
    assert result.exit_code == 1  # the second record says 45
    document = json.loads(result.stdout)
    assert [(s["path"], s["published"]) for s in document["sources"]] == [
        (str(sources["html"]), "2025-07-23T07:19+00:00"),  # page metadata beats --published
        (f"{sources['jsonl']}#1", "2025-07-01"),
        (f"{sources['jsonl']}#2", "2025-07-01"),
        ("-", "2025-07-01"),
    ]


def test_review_reads_sources_like_check(sources: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    one = invoke("review", str(sources["text"]), str(missing))
    assert one.exit_code == 2
    assert one.stderr == (
        f"factcheck: skipped {missing}: no such file\n"
        "factcheck: error: need at least two readable sources, got 1 of 2\n"
    )
    # Standard input is read (two readable sources), and only the missing terminal stops it.
    stdin = invoke("review", "-", str(sources["text"]), input="The storm destroyed 40 homes.\n")
    assert (stdin.exit_code, stdin.stderr) == (
        2,
        "factcheck: error: review is an interactive app and needs a terminal;"
        " use `factcheck check`\n",
    )
    empty = invoke("review", "-", str(sources["text"]), input="")
    assert empty.stderr == (
        "factcheck: skipped -: empty input\n"
        "factcheck: error: need at least two readable sources, got 1 of 2\n"
    )
    # Two readable sources (one of them a JSON Lines file of two records), but no terminal.
    app = invoke("review", str(sources["jsonl"]), str(missing), "--published", "2025-07-01")
    assert app.exit_code == 2
    assert app.stderr.splitlines() == [
        f"factcheck: skipped {missing}: no such file",
        "factcheck: error: review is an interactive app and needs a terminal;"
        " use `factcheck check`",
    ]


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_bug_is_one_line_and_exit_2(
    command: str, sources: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(factcheck.check, "check_documents", broken)
    monkeypatch.setattr(factcheck.extract, "extract_documents", broken)
    result = invoke(command, str(sources["text"]), str(sources["html"]))
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: error: internal error in {command}: RuntimeError('boom')\n"


def test_every_command_has_help_through_the_real_entry_point() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "factcheck", *args],
            capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
        )  # fmt: skip

    top = run("--help")
    assert top.returncode == 0 and top.stderr == ""
    commands = re.findall(r"^  (\w+)\s", top.stdout.split("Commands:")[1], re.MULTILINE)
    assert commands == ["check", "extract", "review"]
    for command in commands:
        helped = run(command, "--help")
        assert helped.returncode == 0, command
        assert helped.stdout.startswith(f"Usage: factcheck {command} [OPTIONS] ")
        for flag in ("--published", "--max-bytes", "--timeout"):
            assert flag in helped.stdout, (command, flag)
