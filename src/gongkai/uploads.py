"""Checks of an attached file: not empty, not too large, an allowed type.

One rule for every upload of the platform (applicants on the portal, staff in the case
file). The type is recognised by the file's content (its signature), not by the name or
the browser's claim; the name's extension must agree with the content, so a renamed file
is refused with a message that says so, and the stored content type is the recognised one.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

MEGABYTE = 1024 * 1024
MAX_BYTES = 10 * MEGABYTE  # the portal's limit; callers may pass another
MAX_LABEL = f"{MAX_BYTES // MEGABYTE} MB"


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extensions: tuple[str, ...]
    matches: Callable[[bytes], bool]


def _is_docx(content: bytes) -> bool:
    if not content.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _is_text(content: bytes) -> bool:
    if b"\x00" in content:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


# the allowed kinds, most specific signature first (TXT has none: it is the fallback)
KINDS: tuple[FileKind, ...] = (
    FileKind("PDF", "application/pdf", ("pdf",), lambda c: c.startswith(b"%PDF-")),
    FileKind("JPG", "image/jpeg", ("jpg", "jpeg"), lambda c: c.startswith(b"\xff\xd8\xff")),
    FileKind("PNG", "image/png", ("png",), lambda c: c.startswith(b"\x89PNG\r\n\x1a\n")),
    FileKind(
        "DOCX",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ("docx",),
        _is_docx,
    ),
    FileKind("TXT", "text/plain; charset=utf-8", ("txt",), _is_text),
)
ALLOWED_LABEL = "、".join(kind.label for kind in KINDS)


class FileProblem(ValueError):
    """The attached file cannot be accepted; the message says why, for the applicant."""


def size_label(max_bytes: int) -> str:
    return f"{max_bytes // MEGABYTE} MB"


def check_size(name: str, size: int, max_bytes: int = MAX_BYTES) -> None:
    """:class:`FileProblem` when ``size`` bytes are too many (callable before reading)."""
    if size > max_bytes:
        raise FileProblem(
            f"附件“{name}”大小为 {size / MEGABYTE:.1f} MB，超过 {size_label(max_bytes)} 的限制。"
        )


def kind_of(name: str, content: bytes, max_bytes: int = MAX_BYTES) -> FileKind:
    """The allowed kind of the file, or :class:`FileProblem` naming what is wrong."""
    if not content:
        raise FileProblem(f"附件“{name}”是空文件，请重新选择。")
    check_size(name, len(content), max_bytes)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    found = next((kind for kind in KINDS if kind.matches(content)), None)
    if found is None:
        raise FileProblem(f"附件“{name}”的文件类型不支持，只接受 {ALLOWED_LABEL} 文件。")
    if extension not in found.extensions:
        raise FileProblem(
            f"附件“{name}”的内容是 {found.label} 文件，与文件扩展名不符，"
            f"请检查后重新选择（只接受 {ALLOWED_LABEL} 文件）。"
        )
    return found
