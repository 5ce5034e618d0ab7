"""The one serialisation boundary: records → plain dicts of built-in types.

JSON, Markdown, CSV and the pandas frames all start from these functions, so a field
added here shows up in every output at once.
"""

from __future__ import annotations

from typing import Any

from factcheck.model import Claim, Quantity

Record = dict[str, Any]


def quantity_record(quantity: Quantity) -> Record:
    return {
        "value": quantity.value,
        "lo": quantity.lo,
        "hi": quantity.hi,
        "bound": str(quantity.bound),
        "unit": quantity.unit.name,
        "dimension": quantity.unit.dimension,
        "base_unit": quantity.unit.base,
        "base_lo": quantity.base_lo,
        "base_hi": quantity.base_hi,
    }


def claim_record(claim: Claim) -> Record:
    """One claim as a flat dict (quantity fields inlined) of built-in types."""
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": str(claim.kind),
        **quantity_record(claim.quantity),
        "normalized": claim.normalized,
        "referent": claim.referent.text,
        "referent_key": claim.referent.key,
        "attribution": claim.attribution,
        "sentence": claim.sentence,
        "detail": claim.detail,
        "subject": claim.subject,
    }
