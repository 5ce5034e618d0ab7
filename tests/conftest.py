"""Shared fixtures: paths, the seed pair, and one spaCy model for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from factcheck.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_texts() -> tuple[str, str]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if len(files) < 2:
        pytest.skip(f"the seed articles are not at {SEEDS} (CI keeps shared/ beside the clone)")
    return files[0].read_text(encoding="utf-8"), files[1].read_text(encoding="utf-8")
