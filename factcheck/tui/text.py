"""Article text made safe to draw: no escape codes reach the terminal, offsets stay put."""

from __future__ import annotations

import re

# C0 controls (but newline), DEL, C1 controls, and the bidi embeddings/overrides/isolates that
# can make a line read differently from what it holds ("Trojan Source"). An ESC in an article
# would otherwise go to the terminal as the start of an escape sequence.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = {"\t": " ", "\r": " "}


def _replace(match: re.Match[str]) -> str:
    return _SPACES.get(match.group(), "\ufffd")


def plain(text: str) -> str:
    """``text`` with every control character replaced one for one, so claim offsets still hold."""
    return _UNSAFE.sub(_replace, text)
