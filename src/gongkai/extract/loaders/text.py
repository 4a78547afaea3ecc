"""Plain text (.txt) and Markdown (.md): one TextLine per line, blank lines kept.

Blank lines matter: in some crawled layouts an empty line is an empty table cell.
"""

from __future__ import annotations

from gongkai.extract.document import Document, Provenance, TextLine, UnreadableError
from gongkai.extract.loaders.encoding import decode
from gongkai.extract.loaders.limits import MAX_DOCUMENT_CHARS


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


def check_length(chars: int, source: str) -> None:
    """Refuse a document longer than any report, before its lines are built (time and
    memory after this point are linear in its length)."""
    if chars > MAX_DOCUMENT_CHARS:
        raise UnreadableError(
            f"{source}：文字过长（{chars:,} 字符，上限 {MAX_DOCUMENT_CHARS:,}），"
            "不像一份年度报告；如是多份报告合并的文件，请分开读取"
        )


def load_text(data: bytes, source: str, kind: str = "txt") -> Document:
    decoded = decode(data, source)
    check_length(len(decoded.text), source)
    return Document(
        source=source, kind=kind, lines=text_lines(decoded.text), encoding=decoded.encoding
    )
