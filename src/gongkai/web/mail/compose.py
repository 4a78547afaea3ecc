"""Mail texts are data: one Django text template per mail in ``texts/`` (Chinese), whose
first line is the subject and the rest, after a blank line, the body."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.template import Context, Engine

TEXTS = Path(__file__).resolve().parent / "texts"


@dataclass(frozen=True)
class Mail:
    subject: str
    body: str


def names() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in TEXTS.glob("*.txt")))


@cache
def _engine() -> Engine:
    # plain text: nothing to escape (an applicant's "&" stays "&")
    return Engine(dirs=[str(TEXTS)], autoescape=False)


def render(name: str, context: Mapping[str, Any]) -> Mail:
    if name not in names():
        raise ValueError(f"unknown mail text {name!r} (known: {', '.join(names())})")
    text = _engine().get_template(f"{name}.txt").render(Context(dict(context), autoescape=False))
    subject, _, body = text.strip().partition("\n")
    return Mail(subject=" ".join(subject.split()), body=body.strip() + "\n")
