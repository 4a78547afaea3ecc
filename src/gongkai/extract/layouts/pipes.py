"""Pipe-flattened tables (seed 002): one cell per line as ``X |``.

A line that is a single ``|`` is a blank cell inside a row; lines of several pipes (``||``)
are spacers between rows. A lone ``|`` after a complete row is a spacer too — the assembler
ignores blanks that no open row needs.
"""

from __future__ import annotations

import re

from gongkai.extract.cell_text import is_value
from gongkai.extract.document import TextLine
from gongkai.extract.layouts.pieces import Piece, PieceKind, text_prov

_CELL = re.compile(r"^(\s*)(.*?)\s*\|\s*$")


def is_pipe_line(text: str) -> bool:
    stripped = text.strip()
    return (stripped.endswith("|") and not stripped.startswith("|")) or set(stripped) == {"|"}


def pipe_cell(line: TextLine) -> list[Piece]:
    stripped = line.text.strip()
    if set(stripped) == {"|"}:
        if len(stripped) == 1:
            return [Piece(PieceKind.BLANK, "", text_prov(line, line.text.index("|"), 1))]
        return []
    match = _CELL.match(line.text)
    if match is None:  # pragma: no cover - is_pipe_line guarantees the shape
        return []
    content = match.group(2)
    prov = text_prov(line, len(match.group(1)), len(content))
    kind = PieceKind.VALUE if is_value(content) else PieceKind.TEXT
    return [Piece(kind, content, prov)]
