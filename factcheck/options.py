"""The one options object that travels through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.model import Kind


@dataclass(frozen=True, slots=True)
class Options:
    """Tolerances and choices for one run; built by the CLI from config files and flags."""

    relative_tolerance: float = 0.05
    """How far an approximate value ("about 50") may stray and still agree, as a fraction of it."""
    ignore_kinds: frozenset[Kind] = field(default_factory=frozenset)
    """Claims of these kinds are neither reported nor compared."""
    model: str = ""
    """spaCy pipeline to load; "" picks en_core_web_sm, or its PyPI copy when the official one is absent."""
    fail_on: str = "conflict"
    """"conflict": exit 1 when any undismissed conflict is found; "never": always exit 0 on a finished check."""
    max_bytes: int = 5_000_000
    """Sources larger than this are skipped with an error."""
    timeout: float = 20.0
    """Seconds to wait for a URL source before giving up on it."""
    published: str = ""
    """Publication date to assume for every source that states none (ISO 8601)."""
    color: bool = False
    """Colour the text report (the CLI sets it only for a terminal, and never with NO_COLOR)."""
