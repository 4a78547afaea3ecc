"""Shared test fixtures: the optional development data in ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("GONGKAI_SHARED_DATA", ROOT.parent / "shared" / "data"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The development reports with truth files; skips the test when they are absent."""
    if not (SHARED_DATA / "reports").is_dir():
        pytest.skip(f"development data not found at {SHARED_DATA} (set GONGKAI_SHARED_DATA)")
    return SHARED_DATA
