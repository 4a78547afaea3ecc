"""Bounds that keep a hostile or broken file from exhausting memory or time."""

from __future__ import annotations

MIB = 1024 * 1024

MAX_FILE_BYTES = 32 * MIB  # no published annual report comes near this
MAX_PDF_PAGES = 300
MAX_DOCX_UNPACKED_BYTES = 64 * MIB  # sum of the uncompressed zip members
MAX_DOCX_MEMBER_RATIO = 200  # uncompressed / compressed size of one member (zip bombs)
MAX_HTML_CELLS = 20_000  # rowspan × colspan expansion of one table
MAX_SPAN = 100  # one cell's rowspan or colspan
MAX_DUMP_RECORDS = 10_000  # rows of a crawler CSV / records of a JSON dump


def megabytes(size: int) -> str:
    return f"{size / MIB:.1f} MB"
