"""Report formatters: a table of ``(Report, Options) -> str``, all built on ``records.report_records``.

Article text is untrusted: every formatter neutralises it for its medium (control
characters for terminals, Markdown/HTML syntax, GitHub workflow commands, spreadsheet
formulas), so a source can never inject escape codes, markup or commands.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from factcheck.model import Report
from factcheck.options import Options
from factcheck.records import Record, report_records

Formatter = Callable[[Report, Options], str]

# C0 and C1 controls, DEL, and the bidirectional overrides that can reorder a terminal line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_STATUS_TITLES = {"conflict": "CONFLICT", "agree": "AGREE", "only_in_one_source": "ONLY IN ONE"}
_COLOURS = {"conflict": "\x1b[1;31m", "agree": "\x1b[32m", "only_in_one_source": "\x1b[2m"}
_RESET = "\x1b[0m"


def wants_colour(is_terminal: bool, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return is_terminal and not environ.get("NO_COLOR")


def safe_text(text: str) -> str:
    """One line of article text with every control character replaced by a space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _ordered(findings: list[Record]) -> list[Record]:
    order = {"conflict": 0, "agree": 1, "only_in_one_source": 2}
    return sorted(findings, key=lambda f: order.get(f["status"], 3))


def summary_line(document: Record) -> str:
    s = document["summary"]
    parts = [
        f"{s['sources']} sources",
        f"{s['conflicts']} conflict{'s' * (s['conflicts'] != 1)}"
        + (f" ({s['internal_conflicts']} inside one source)" if s["internal_conflicts"] else ""),
        f"{s['agreements']} agreement{'s' * (s['agreements'] != 1)}",
        f"{s['single_source']} only in one source",
    ]
    if s["dismissed"]:
        parts.append(f"{s['dismissed']} dismissed finding{'s' * (s['dismissed'] != 1)} left out")
    if s["skipped"]:
        parts.append(f"{s['skipped']} source{'s' * (s['skipped'] != 1)} skipped")
    return ", ".join(parts)


def _location(document: Record, claim: Record) -> str:
    path = document["sources"][claim["source"]]["path"]
    return f"{path}:{claim['line']}:{claim['column']}"


# ---------------------------------------------------------------- text


def render_text(report: Report, options: Options) -> str:
    """Readable in a terminal: summary, then conflicts first; colour only when asked for."""
    document = report_records(report)

    def paint(status: str, label: str) -> str:
        return f"{_COLOURS[status]}{label}{_RESET}" if options.color else label

    lines = [f"factcheck: {summary_line(document)}"]
    for skipped in document["skipped"]:
        lines.append(f"skipped {safe_text(skipped['path'])}: {safe_text(skipped['reason'])}")
    for finding in _ordered(document["findings"]):
        label = _STATUS_TITLES[finding["status"]]
        if finding["internal"]:
            label += " (inside one source)"
        if finding["dismissed"]:
            label += " (dismissed)"
        lines.append("")
        lines.append(
            f"{paint(finding['status'], label)}  {safe_text(finding['referent']) or '(no referent)'}"
            f"  [{finding['kind']}, {finding['id']}]"
        )
        for claim in finding["claims"]:
            repeat = "  (repeated)" if claim["alternate"] else ""
            lines.append(
                f"  {safe_text(_location(document, claim))}  “{safe_text(claim['text'])}”{repeat}"
            )
        lines.append(f"  {safe_text(finding['explanation'])}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- json


def render_json(report: Report, options: Options) -> str:
    """The versioned report document (schema/report.schema.json)."""
    return json.dumps(report_records(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


# ---------------------------------------------------------------- markdown

# Backslash-escape every character CommonMark or GFM gives a meaning (emphasis, links, HTML,
# tables, headings, strikethrough, e-mail autolinks); "&" too, so no entity can be spelled out.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~&@])")
# GFM turns bare "https://..." and "www...." into links: break them.
_AUTOLINK = re.compile(r"(?<=:)//|(?<=\bwww)\.", re.IGNORECASE)


def markdown_escape(text: str) -> str:
    """Article text made inert in Markdown: one line, every syntax character escaped."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", safe_text(text))
    return _AUTOLINK.sub(lambda m: m.group(0).replace("/", "\\/").replace(".", "\\."), escaped)


def _markdown_claims_table(document: Record, finding: Record) -> list[str]:
    rows = ["| Source | Claim | Value |", "| --- | --- | --- |"]
    for claim in finding["claims"]:
        value = claim["normalized"] or ("" if claim["value"] is None else f"{claim['value']:g}")
        unit = (
            f" {claim['unit']}" if claim["unit"] and claim["kind"] not in ("time", "date") else ""
        )
        rows.append(
            f"| {markdown_escape(_location(document, claim))} | {markdown_escape(claim['text'])}"
            f" | {markdown_escape(value + unit)} |"
        )
    return rows


def render_markdown(report: Report, options: Options) -> str:
    """The flagged-claims report: conflicts in full, agreements and single claims in short."""
    document = report_records(report)
    findings = document["findings"]
    lines = ["# factcheck report", "", f"**{markdown_escape(summary_line(document))}**", ""]
    sources = ", ".join(
        f"`{i}` {markdown_escape(s['path'])}" for i, s in enumerate(document["sources"])
    )
    lines += [f"Sources: {sources}", ""]
    conflicts = [f for f in findings if f["status"] == "conflict"]
    lines += ["## Conflicts", ""]
    if not conflicts:
        lines += ["No conflicts found.", ""]
    for finding in conflicts:
        where = " (inside one source)" if finding["internal"] else ""
        dismissed = " (dismissed)" if finding["dismissed"] else ""
        lines += [
            f"### {markdown_escape(finding['referent'] or finding['kind'])}{where}{dismissed}",
            "",
        ]
        for claim in finding["claims"]:
            if claim["alternate"]:
                continue
            path = document["sources"][claim["source"]]["path"]
            lines += [
                f"> {markdown_escape(claim['sentence'])}",
                ">",
                f"> — {markdown_escape(path)}",
                "",
            ]
        lines += _markdown_claims_table(document, finding)
        lines += ["", f"{markdown_escape(finding['explanation'])} (id `{finding['id']}`)", ""]
    for title, status in (("Agreements", "agree"), ("Only in one source", "only_in_one_source")):
        chosen = [f for f in findings if f["status"] == status]
        if not chosen:
            continue
        lines += [f"## {title}", ""]
        for finding in chosen:
            lines.append(
                f"- **{markdown_escape(finding['referent'] or finding['kind'])}**: "
                f"{markdown_escape(finding['explanation'])}"
            )
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- github


def escape_data(text: str) -> str:
    """GitHub workflow-command message escaping: %, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub workflow-command property escaping: as for messages, plus ":" and ","."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, options: Options) -> str:
    """One ``::error`` annotation per undismissed conflict, at its first claim."""
    document = report_records(report)
    lines = []
    for finding in document["findings"]:
        if finding["status"] != "conflict" or finding["dismissed"]:
            continue
        primaries = [c for c in finding["claims"] if not c["alternate"]] or finding["claims"]
        first = primaries[0]
        path = document["sources"][first["source"]]["path"]
        # Every claim of the other sources, repeats included: in "7pm Moscow time (17:00 GMT)"
        # the repeat is the one that conflicts.
        others = "; ".join(
            f"{_location(document, c)} “{safe_text(c['text'])}”"
            for c in finding["claims"]
            if c is not first and (c["source"] != first["source"] or not c["alternate"])
        )
        title = f"factcheck conflict: {safe_text(finding['referent'] or finding['kind'])}"
        message = safe_text(finding["explanation"]) + (f" (vs {others})" if others else "")
        properties = (
            f"file={escape_property(path)},line={first['line']},col={first['column']},"
            f"title={escape_property(title)}"
        )
        lines.append(f"::error {properties}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------- csv

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: Any) -> Any:
    # A cell starting with "=" runs as a formula in a spreadsheet; article text must not.
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(report: Report, options: Options) -> str:
    """The findings table (one row per claim of each finding) through pandas."""
    # pandas takes half a second to import: only the CSV format pays for it.
    from factcheck.tables import findings_frame

    frame = findings_frame(report)
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(_defuse)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue()


FORMATTERS: dict[str, Formatter] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
    "github": render_github,
    "csv": render_csv,
}
