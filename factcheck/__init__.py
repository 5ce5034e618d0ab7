"""factcheck: extract numeric claims from news texts and reconcile them across sources."""

from __future__ import annotations

import logging

__version__ = "0.1.0"

# Library code logs; the CLI decides what to show.
logging.getLogger(__name__).addHandler(logging.NullHandler())
