"""Bounds that keep a hostile or broken file from exhausting memory or time."""

from __future__ import annotations

from gongkai.files import MIB

MAX_FILE_BYTES = 32 * MIB  # no published annual report comes near this
MAX_PDF_PAGES = 300
# One document's text: the longest report seen has 0.2 M characters; reading costs about
# 1.2 s and 40 MB per million characters, so this keeps any document under 300 MB.
MAX_DOCUMENT_CHARS = 4_000_000
# What a PDF's content, font and object streams may inflate to: PDFium holds about twice
# this in memory; real reports need a few MB (5 MB for an 18-page one with its fonts).
MAX_PDF_INFLATED_BYTES = 80 * MIB
MAX_DOCX_UNPACKED_BYTES = 64 * MIB  # sum of the uncompressed zip members
MAX_DOCX_MEMBER_RATIO = 200  # uncompressed / compressed size of one member (zip bombs)
MAX_HTML_CELLS = 20_000  # rowspan × colspan expansion of one table
MAX_SPAN = 100  # one cell's rowspan or colspan
MAX_DUMP_RECORDS = 10_000  # rows of a crawler CSV / records of a JSON dump
