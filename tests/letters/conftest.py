"""A full case context (tests/letters/fixtures/context.json) and one per letter type."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from gongkai.letters import LETTER_TYPES, LetterContext

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def full_context() -> LetterContext:
    data = json.loads((FIXTURES / "context.json").read_text(encoding="utf-8"))
    return LetterContext.from_mapping(data)


def context_for(letter_type: str) -> LetterContext:
    """The full context; a reply letter gets the first outcome it answers."""
    kind = LETTER_TYPES[letter_type]
    context = full_context()
    return dataclasses.replace(context, outcome=kind.outcomes[0]) if kind.is_reply else context


@pytest.fixture
def context() -> LetterContext:
    return full_context()
