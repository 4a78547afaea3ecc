"""How much a PDF's compressed streams unpack to, measured before PDFium unpacks them.

PDFium and pdfminer inflate every content, font and object stream in full, so a 0.5 MB
file can hold a gigabyte of page content (a "flate bomb"). Here each FlateDecode stream is
inflated in pieces, its output counted and thrown away, until the sum passes the limit.
Image streams are not counted: text extraction never decodes them. Streams that do not
inflate (encrypted or broken) are left to the PDF loader to judge.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_OBJ = re.compile(rb"\d+\s+\d+\s+obj\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image|/(?:DCT|JPX|JBIG2|CCITTFax)Decode")
_FLATE = re.compile(rb"/FlateDecode\b")
_DICT_LOOKBACK = 4096  # bytes before "stream" searched for the stream's dictionary
_PIECE = 1 << 20  # inflate output per step: memory stays at this, whatever the ratio


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, _PIECE)
                if out:
                    yield out
                chunk = inflater.unconsumed_tail
            if inflater.eof:
                return
    except zlib.error:
        return  # not (or no longer) deflate data: the PDF loader decides what it is


def _raw_chunks(data: bytes, start: int, end: int) -> Iterator[bytes]:
    view = memoryview(data)
    for position in range(start, end, _PIECE):
        yield bytes(view[position : min(position + _PIECE, end)])


def _dictionary(data: bytes, stream_start: int) -> bytes:
    window = data[max(0, stream_start - _DICT_LOOKBACK) : stream_start]
    objects = list(_OBJ.finditer(window))
    return window[objects[-1].end() :] if objects else window


def inflated_size(data: bytes, limit: int) -> int:
    """The bytes the PDF's non-image Flate streams inflate to, counted up to just past
    ``limit`` (the count stops there, so a bomb costs no more than the limit in time)."""
    total = 0
    for match in _STREAM.finditer(data):
        head = _dictionary(data, match.start())
        layers = len(_FLATE.findall(head))
        if not layers or _IMAGE.search(head):
            continue
        end = data.find(b"endstream", match.end())
        pieces: Iterable[bytes] = _raw_chunks(data, match.end(), len(data) if end < 0 else end)
        for _ in range(min(layers, 4)):  # /Filter [/FlateDecode /FlateDecode …] nests bombs
            pieces = _inflate(pieces)
        for piece in pieces:
            total += len(piece)
            if total > limit:
                return total
    return total
