"""Formats of `factcheck extract`: claims per source as a table, JSON or CSV.

Article text is shown inert: control characters (escape codes) become visible escapes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from factcheck.model import Claim, Document, Skipped


def safe(text: str) -> str:
    """Article text made inert for a terminal: control characters (escape codes) become visible escapes."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def claims_table(
    results: Sequence[tuple[Document, Sequence[Claim]]], skipped: Sequence[Skipped] = ()
) -> str:
    """A table of claims per source, after one line for each skipped source."""
    lines = [f"== {safe(s.path)}: skipped: {safe(s.reason)}" for s in skipped]
    for document, claims in results:
        lines.append(f"== {safe(document.path)}: {len(claims)} claims")
        rows = [("text", "kind", "normalized", "referent", "attribution")]
        rows += [
            (
                safe(c.text),
                str(c.kind),
                safe(c.normalized),
                safe(c.referent.text),
                safe(c.attribution),
            )
            for c in claims
        ]
        widths = [min(40, max(len(row[i]) for row in rows)) for i in range(5)]
        for row in rows:
            lines.append(
                "  ".join(
                    cell[:40].ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
    return "\n".join(lines) + "\n"


def claims_json(
    results: Sequence[tuple[Document, Sequence[Claim]]], skipped: Sequence[Skipped] = ()
) -> str:
    """A JSON list of ``{"path", "claims"}``; a skipped source has ``"skipped"`` and no claims."""
    from factcheck.records import claim_record

    payload: list[dict[str, Any]] = [
        {"path": d.path, "claims": [claim_record(c) for c in claims]} for d, claims in results
    ]
    # A skipped source is listed too, with its problem and no claims.
    payload += [{"path": s.path, "skipped": s.reason, "claims": []} for s in skipped]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def claims_csv(
    results: Sequence[tuple[Document, Sequence[Claim]]], skipped: Sequence[Skipped] = ()
) -> str:
    """One CSV row per claim (through pandas); skipped sources are named on stderr only."""
    from factcheck.tables import sources_claims_frame

    return str(
        sources_claims_frame([(d.path, claims) for d, claims in results]).to_csv(index=False)
    )


CLAIM_FORMATTERS: dict[
    str, Callable[[Sequence[tuple[Document, Sequence[Claim]]], Sequence[Skipped]], str]
] = {
    "table": claims_table,
    "json": claims_json,
    "csv": claims_csv,
}
