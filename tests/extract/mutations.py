"""Seeded mutations of report files, for fuzzing extraction (the suite and ``bench/``).

Byte-level edits (flips, cuts, repeats) find decoder and loader faults; inserted hostile
tokens (huge numbers, lone surrogates, deep nesting, escaped markup, odd dates) find the
faults of the steps after loading. DOCX files are mutated inside their XML and zipped
again, or every mutant would stop at the ZIP check. The same seed gives the same mutants.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePath

HOSTILE: tuple[bytes, ...] = (
    b"9" * 5000,  # longer than Python's int-string limit
    "\ud800\udfff\udc00".encode("utf-8", "surrogatepass"),
    b"&#xD800;&#55296;",
    b"\x00\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    "９９９９年１２月３１日".encode(),
    "9999年12月31日".encode(),
    "0000年00月00日".encode(),
    "统计期限自2023年2月30日起".encode(),
    b"[" * 3000,
    b"{" * 3000,
    b'<table><tr><td rowspan="99999" colspan="x">',
    b"\\u003ctable\\u003e\\u003ctr\\u003e\\u003ctd\\u003e1\\u003c/td\\u003e",
    b"&lt;table&gt;&lt;tr&gt;&lt;td&gt;7&lt;/td&gt;",
    b'w:gridSpan w:val="x"',
    "3.168萬元（其中修订16件）减12 1-10 2059.2090万元".encode(),
    "乾县乾安县".encode(),
    "（七）总计".encode(),
    "四、政府信息公开行政复议、行政诉讼情况".encode(),
    b"=cmd|' /C calc'!A0",
    b"\r\r\n\n\t\t",
    b"-" * 500,
    "二〇二三年十二月三十一日".encode(),
    b"%PDF-1.7\n",
    b"stream\nx\x9c\xff\xff\nendstream",
)

Mutator = Callable[[random.Random, bytes], bytes]


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _at(data: bytes, index: int) -> int:
    """``index`` moved to the next character boundary (UTF-8), so splices keep text text."""
    while index < len(data) and 0x80 <= data[index] < 0xC0:
        index += 1
    return index


def _spot(rng: random.Random, data: bytes) -> int:
    return _at(data, rng.randrange(len(data) + 1))


def _cut(rng: random.Random, data: bytes) -> bytes:
    return data[: _spot(rng, data)]


def _delete(rng: random.Random, data: bytes) -> bytes:
    start = _spot(rng, data)
    return data[:start] + data[_at(data, start + rng.randint(1, max(1, len(data) // 10))) :]


def _repeat(rng: random.Random, data: bytes) -> bytes:
    start = _spot(rng, data)
    piece = data[start : _at(data, start + rng.randint(1, 2000))]
    return data[:start] + piece * rng.randint(2, 20) + data[start:]


def _insert(rng: random.Random, data: bytes) -> bytes:
    at = _spot(rng, data)
    return data[:at] + rng.choice(HOSTILE) + data[at:]


def _digits(rng: random.Random, data: bytes) -> bytes:
    """A run of digits made enormous: a table cell or a figure in the text."""
    starts = [i for i in range(len(data)) if 48 <= data[i] <= 57]
    if not starts:
        return _insert(rng, data)
    at = rng.choice(starts)
    return data[:at] + b"9" * rng.choice((30, 4301, 20000)) + data[at:]


def _swap_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    if len(lines) < 3:
        return _insert(rng, data)
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


# Byte flips break the encoding, so every text mutant would stop at decoding: they are rare.
MUTATORS: tuple[Mutator, ...] = (_cut, _delete, _repeat, _insert, _insert, _digits, _swap_lines)


def mutate(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return rng.choice(HOSTILE)
    for _ in range(rng.randint(1, 3)):
        mutator = _flip if rng.random() < 0.1 else rng.choice(MUTATORS)
        data = mutator(rng, data) or b" "
    return data


def _mutate_xml_text(rng: random.Random, xml: bytes) -> bytes:
    """Hostile text inside the document's text nodes (after a tag), escaped as XML: the
    document still parses, and the tokens reach the table reader."""
    ends = [i + 1 for i in range(len(xml)) if xml[i] == 62]  # ">"
    for _ in range(rng.randint(1, 4)):
        at = rng.choice(ends) if ends else 0
        token = rng.choice(HOSTILE).replace(b"&", b"&amp;").replace(b"<", b"&lt;")
        xml = xml[:at] + token.replace(b">", b"&gt;") + xml[at:]
        ends = [e if e <= at else e + len(token) for e in ends]
    return xml


def _mutate_docx(rng: random.Random, data: bytes) -> bytes:
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(info, source.read(info)) for info in source.infolist()]
    except (zipfile.BadZipFile, ValueError, OSError):
        return mutate(rng, data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, body in members:
            if info.filename == "word/document.xml":
                body = _mutate_xml_text(rng, body) if rng.random() < 0.7 else mutate(rng, body)
            target.writestr(info.filename, body)
    return out.getvalue()


def mutants(data: bytes, name: str, count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """``count`` mutants of one file, named after it (``report~7.docx``: the extension
    still chooses the loader), reproducible by ``seed``."""
    rng = random.Random(f"{seed}:{name}")
    path = PurePath(name)
    is_zip = data.startswith(b"PK\x03\x04")
    for number in range(count):
        inside = is_zip and rng.random() < 0.8
        yield f"{path.stem}~{number}{path.suffix}", (_mutate_docx if inside else mutate)(rng, data)
