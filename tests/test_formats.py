"""Every report format, including hostile article text that must stay inert."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import jsonschema
import pytest
from builders import claim, clock
from markdown_it import MarkdownIt

from factcheck.check import apply_dismissals, check_claims
from factcheck.formats import (
    FORMATTERS,
    escape_data,
    escape_property,
    markdown_escape,
    safe_text,
    wants_colour,
)
from factcheck.model import Document, Report, Skipped
from factcheck.options import Options

HOSTILE = (
    "<img src=x onerror=alert(1)> [click](http://evil.example) **bold** www.evil.example "
    "mail@evil.example \x1b[31mred\x1b[0m"
)
A_TEXT = f"Geneva summit\nThe summit opens at 16:00 GMT, aides said. {HOSTILE}\nIt drew 12 delegations.\n"
B_TEXT = (
    "Summit set\n\nThe Geneva summit opens at 17:00 GMT%0A::warning::x, aides said. "
    f"{HOSTILE}\nIt drew 12 delegations.\n"
)


def _sentence_claim(text: str, sentence: str, surface: str, **kw):  # type: ignore[no-untyped-def]
    start = text.index(sentence)
    return claim(sentence, surface, sentence_start=start, **kw)


def make_report() -> Report:
    a_sentence = A_TEXT.splitlines()[1]
    b_sentence = B_TEXT.splitlines()[2]
    a = [
        clock(
            a_sentence, "16:00 GMT", 960, key="summit open", sentence_start=A_TEXT.index(a_sentence)
        ),
        _sentence_claim(A_TEXT, "It drew 12 delegations.", "12", value=12, key="delegation"),
    ]
    b = [
        clock(
            b_sentence,
            "17:00 GMT",
            1020,
            key="summit open",
            sentence_start=B_TEXT.index(b_sentence),
        ),
        _sentence_claim(B_TEXT, "It drew 12 delegations.", "12", value=12, key="delegation"),
    ]
    docs = (Document("a,1:x.txt", A_TEXT), Document("b.txt", B_TEXT))
    return check_claims(docs, [a, b], skipped=(Skipped("gone.txt", "no such file"),))


def test_json_matches_its_schema_and_offsets() -> None:
    report = make_report()
    document = json.loads(FORMATTERS["json"](report, Options()))
    schema = json.loads(
        resources.files("factcheck").joinpath("schema/report.schema.json").read_text()
    )
    jsonschema.validate(document, schema)
    assert document["version"] == 1
    assert [s["path"] for s in document["sources"]] == ["a,1:x.txt", "b.txt"]
    assert document["skipped"] == [{"path": "gone.txt", "reason": "no such file"}]
    assert document["summary"]["conflicts"] == 1 and document["summary"]["agreements"] == 1
    conflict = document["findings"][0]
    assert conflict["status"] == "conflict"
    texts = [A_TEXT, B_TEXT]
    for c in conflict["claims"]:
        assert texts[c["source"]][c["start"] : c["end"]] == c["text"]
    assert [(c["line"], c["column"]) for c in conflict["claims"]] == [(2, 21), (3, 28)]


def test_text_puts_conflicts_first_and_strips_escape_codes() -> None:
    out = FORMATTERS["text"](make_report(), Options())
    assert "\x1b" not in out
    assert out.index("CONFLICT") < out.index("AGREE")
    assert out.splitlines()[0] == (
        "factcheck: 2 sources, 1 conflict, 1 agreement, 0 only in one source, 1 source skipped"
    )
    coloured = FORMATTERS["text"](make_report(), Options(color=True))
    assert "\x1b[1;31mCONFLICT\x1b[0m" in coloured


def test_markdown_parses_without_html_or_links_from_article_text() -> None:
    report = make_report()
    out = FORMATTERS["markdown"](report, Options())
    tokens = MarkdownIt("gfm-like").parse(out)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image"}
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["factcheck report", "Conflicts", "summit open", "Agreements"]
    inline_text = "".join(c.content for t in tokens for c in (t.children or []) if c.type == "text")
    assert "<img src=x onerror=alert(1)>" in inline_text  # shown as text, not markup
    assert "\x1b" not in out


def test_github_annotations_have_exact_form_and_escaping() -> None:
    out = FORMATTERS["github"](make_report(), Options())
    assert out == (
        "::error file=a%2C1%3Ax.txt,line=2,col=21,title=factcheck conflict%3A summit open::"
        "16:00 GMT = 16:00 UTC; 17:00 GMT = 17:00 UTC: 60 minutes apart"
        " (vs b.txt:3:28 “17:00 GMT”)\n"
    )
    dismissed = apply_dismissals(make_report(), frozenset({make_report().findings[0].id}))
    assert FORMATTERS["github"](dismissed, Options()) == ""


def test_workflow_command_escaping() -> None:
    assert escape_data("50% \r\n::error::x") == "50%25 %0D%0A::error::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_csv_is_the_findings_table() -> None:
    out = FORMATTERS["csv"](make_report(), Options())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["status"], r["source"], r["text"]) for r in rows] == [
        ("conflict", "0", "16:00 GMT"),
        ("conflict", "1", "17:00 GMT"),
        ("agree", "0", "12"),
        ("agree", "1", "12"),
    ]
    assert rows[0]["path"] == "a,1:x.txt"


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1", "@SUM(A1)"])
def test_csv_defuses_formulas(text: str) -> None:
    a = claim(f"{text} said 12 homes burned.", "12", value=12, key="home")
    report = check_claims((Document("a", a.sentence), Document("b", a.sentence)), [[a], [a]])
    rows = list(csv.DictReader(io.StringIO(FORMATTERS["csv"](report, Options()))))
    assert rows[0]["sentence"] == "'" + a.sentence


def test_escaping_helpers() -> None:
    assert safe_text("a\x1b[2Jb\u202ec\nd") == "a [2Jb c d"
    assert markdown_escape("<b>[x](y)</b>") == r"\<b\>\[x\]\(y\)\</b\>"


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert wants_colour(True, {})
    assert not wants_colour(False, {})
    assert not wants_colour(True, {"NO_COLOR": "1"})
    assert wants_colour(True, {"NO_COLOR": ""})  # set but empty does not count (no-color.org)
