"""Reading a file a user named, with bounds: regular files only, never more than a limit.

The size the OS reports is not trusted (``/dev/zero``, ``/proc`` files and pipes report 0):
only regular files are opened, and at most ``limit + 1`` bytes are ever read. A FIFO is
refused before it is opened, because opening one blocks until a writer appears.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MIB = 1024 * 1024
# Sidecar files of crawled data sets (metadata, verified values), not reports.
SIDECAR_PATTERNS = ("*.meta.json", "*.truth.json", "*.pdfplumber-tables.json")


class FileRefused(Exception):
    """The file cannot or may not be read; the message (Chinese) names the file and why."""


def megabytes(size: int) -> str:
    return f"{size / MIB:.1f} MB"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "是文件夹，不是文件"
    if stat.S_ISFIFO(mode):
        return "是命名管道（FIFO），不是普通文件"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "是设备文件，不是普通文件"
    if stat.S_ISSOCK(mode):
        return "是套接字，不是普通文件"
    return "不是普通文件"


_REASONS = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ELOOP: "符号链接循环，无法解析",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "读取时发生输入输出错误",
}


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def read_bounded(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; FileRefused otherwise."""
    path = Path(path)
    try:
        kind = _kind(os.stat(path).st_mode)
    except OSError as exc:
        raise FileRefused(f"{path}：无法读取（{_reason(exc)}）") from None
    if kind is not None:
        raise FileRefused(f"{path}：{kind}")
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the check, opening still returns.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise FileRefused(f"{path}：无法读取（{_reason(exc)}）") from None
    with os.fdopen(fd, "rb") as handle:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise FileRefused(f"{path}：{kind}")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise FileRefused(f"{path}：无法读取（{_reason(exc)}）") from None
    if len(data) > limit:
        raise FileRefused(f"{path}：文件过大（超过 {megabytes(limit)} 的上限）")
    return data
