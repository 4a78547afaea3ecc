"""Plain text (.txt) and Markdown (.md): one TextLine per line, blank lines kept.

Blank lines matter: in some crawled layouts an empty line is an empty table cell.
"""

from __future__ import annotations

from gongkai.extract.document import Document, Provenance, TextLine
from gongkai.extract.loaders.encoding import decode


def text_lines(text: str, base_offset: int = 0) -> list[TextLine]:
    """Lines of ``text`` with 1-based line numbers and offsets into ``text``."""
    lines: list[TextLine] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        lines.append(
            TextLine(line, Provenance(line=number, offset=base_offset + offset, length=len(line)))
        )
        offset += len(raw) + 1
    return lines


def load_text(data: bytes, source: str, kind: str = "txt") -> Document:
    decoded = decode(data, source)
    return Document(
        source=source, kind=kind, lines=text_lines(decoded.text), encoding=decoded.encoding
    )


def load_markdown(data: bytes, source: str) -> Document:
    return load_text(data, source, kind="md")
