"""The report files inside an uploaded ZIP, refusing archives built to harm the server.

Sizes are read from the archive's directory and checked before anything is inflated, and
again while inflating (a directory can lie): too many members, a member or total too large,
a compression ratio no report has, absolute paths or ``..`` are refused with a reason.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

from gongkai.extract.loaders import EXTENSIONS
from gongkai.extract.loaders.limits import MAX_FILE_BYTES

MAX_MEMBERS = 5000
MAX_TOTAL_BYTES = 2 * 1024**3  # the whole corpus
MAX_RATIO = 200  # text compresses ~10x; a bomb compresses thousands of times


class ArchiveProblem(ValueError):
    """The archive cannot be accepted; the message says why (Chinese)."""


@dataclass(frozen=True)
class Member:
    name: str
    content: bytes


Source = bytes | BinaryIO  # the archive's bytes, or a seekable binary file (not read whole)


def _file(source: Source) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes) else source


def is_zip(source: Source) -> bool:
    stream = _file(source)
    start = stream.tell()
    head = stream.read(4)
    stream.seek(start)
    return head == b"PK\x03\x04" and not _is_office(stream)


def _is_office(stream: BinaryIO) -> bool:
    start = stream.tell()
    try:
        names = zipfile.ZipFile(stream).namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        stream.seek(start)
    return "[Content_Types].xml" in names  # DOCX is a ZIP too, but a report itself


def _safe_name(name: str) -> str:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise ArchiveProblem(f"压缩包中的路径“{name}”不安全，已拒绝整个压缩包。")
    return str(path)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as stream:
        content = stream.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES or len(content) > info.file_size:
        raise ArchiveProblem(f"压缩包中的“{info.filename}”实际大小与目录不符，已拒绝。")
    return content


def unpack(source: Source) -> list[Member]:
    """Report files in the ZIP (by extension; folders, dot files and others are left out)."""
    return list(members(source))


def members(source: Source) -> Iterator[Member]:
    """The report files of :func:`unpack` one at a time (one member in memory): the whole
    directory is checked before the first is inflated, each member again while inflating."""
    try:
        archive = zipfile.ZipFile(_file(source))
    except zipfile.BadZipFile:
        raise ArchiveProblem("压缩包已损坏，无法打开。") from None
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise ArchiveProblem(f"压缩包含 {len(infos)} 个文件，超过 {MAX_MEMBERS} 个的上限。")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise ArchiveProblem("压缩包解压后过大，请分批上传。")
    wanted: list[tuple[str, zipfile.ZipInfo]] = []
    for info in infos:
        name = _safe_name(info.filename)
        if info.file_size > MAX_FILE_BYTES:
            raise ArchiveProblem(f"压缩包中的“{name}”过大（单个文件上限 32 MB）。")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise ArchiveProblem(f"压缩包中的“{name}”压缩比异常，疑似压缩炸弹，已拒绝。")
        base = PurePosixPath(name)
        if (
            any(part.startswith(".") for part in base.parts)
            or base.suffix.lower() not in EXTENSIONS
        ):
            continue
        wanted.append((name, info))
    for name, info in wanted:
        yield Member(name, _read(archive, info))
