"""The Textual review app: ``factcheck review SOURCE SOURCE [SOURCE ...]``."""

from __future__ import annotations

from factcheck.tui.app import ReviewApp, make_app

__all__ = ["ReviewApp", "make_app"]
