"""The evidence for one finding: each source's sentence, the normalised values, the explanation."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from factcheck.model import Claim, Document, Finding, Kind
from factcheck.review_file import Verdict
from factcheck.tui.findings import (
    STATUS_LABEL,
    STATUS_SYMBOL,
    STATUS_VARIABLE,
    source_letter,
)
from factcheck.tui.text import plain

Part = str | tuple[str, str]


def describe_value(claim: Claim) -> str:
    """The claim's value as factcheck understood it: normalised form, interval, unit, working."""
    quantity = claim.quantity
    pieces: list[str] = []
    if claim.normalized:
        pieces.append(claim.normalized)
    elif quantity.lo == quantity.hi and quantity.lo is not None:
        pieces.append(f"{quantity.lo:,.6g}")
    else:
        low = "−∞" if quantity.lo is None else f"{quantity.lo:,.6g}"
        high = "∞" if quantity.hi is None else f"{quantity.hi:,.6g}"
        pieces.append(f"[{low}, {high}]")
    if claim.kind is Kind.PERCENT and not claim.normalized:
        pieces[-1] += "%"  # "40%", not "40 percentage"
    elif quantity.unit.name and not claim.normalized:
        pieces.append(quantity.unit.name)
    if quantity.bound.value != "exact":
        pieces.append(f"({quantity.bound.value.replace('_', ' ')})")
    if (
        quantity.unit.base
        and quantity.base_lo is not None
        and quantity.unit.base != quantity.unit.name
    ):
        if quantity.base_lo == quantity.base_hi:
            pieces.append(f"= {quantity.base_lo:,.6g} {quantity.unit.base}")
        else:
            high = "∞" if quantity.base_hi is None else f"{quantity.base_hi:,.6g}"
            pieces.append(f"= [{quantity.base_lo:,.6g}, {high}] {quantity.unit.base}")
    if claim.detail:
        pieces.append(f"— {claim.detail}")
    return plain(" ".join(pieces))


def sentence_parts(claim: Claim) -> list[Part]:
    """The claim's sentence with the claim itself in bold."""
    sentence = plain(claim.sentence)
    start = claim.start - claim.sentence_start
    end = start + len(claim.text)
    if claim.sentence and start >= 0 and sentence[start:end] == plain(claim.text):
        return [sentence[:start], (sentence[start:end], "bold underline"), sentence[end:]]
    return [sentence or plain(claim.text)]


def detail_content(
    finding: Finding, sources: tuple[Document, ...], verdict: Verdict | None
) -> Content:
    """Everything a reviewer needs to judge ``finding``, as styled text (never markup)."""
    variable = STATUS_VARIABLE[finding.status]
    parts: list[Part] = [
        (
            f"{STATUS_SYMBOL[finding.status]} {STATUS_LABEL[finding.status]}",
            f"bold $text-{variable}",
        ),
        f"  {finding.kind}  ",
        (plain(finding.referent), "bold"),
    ]
    if finding.internal:
        parts.append("  (within one source)")
    parts.extend(["\n", plain(finding.explanation)])
    for sourced in finding.claims:
        claim = sourced.claim
        parts.extend(
            [
                "\n",
                (f"{source_letter(sourced.source)}: ", "bold"),
                (plain(claim.text), "bold"),
                f" → {describe_value(claim)}",
            ]
        )
        if sourced.alternate:
            parts.append(" (repeated mention)")
        if claim.attribution:
            parts.append(f" (according to {plain(claim.attribution)})")
        parts.extend(["\n  ", *sentence_parts(claim)])
    if verdict is not None:
        parts.extend(["\n", (f"Reviewed: {verdict.decision}", "bold")])
        if verdict.note:
            parts.append(f" — {plain(verdict.note)}")
    return Content.assemble(*parts)


class FindingDetail(VerticalScroll):
    """A scrollable panel showing one finding's evidence."""

    DEFAULT_CSS = """
    FindingDetail {
        height: auto;
        max-height: 10;
        padding: 0 1;
        border-top: solid $primary 50%;
        & > Static { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Select a finding to see its evidence.", id="detail-text")

    def show(
        self,
        finding: Finding | None,
        sources: tuple[Document, ...],
        verdict: Verdict | None,
        *,
        empty: str = "",
    ) -> None:
        """Show ``finding``'s evidence, or ``empty`` (a reason) when there is none to show."""
        text = self.query_one("#detail-text", Static)
        if finding is None:
            text.update(empty or "No finding selected.")
        else:
            text.update(detail_content(finding, sources, verdict))
        self.scroll_home(animate=False)
