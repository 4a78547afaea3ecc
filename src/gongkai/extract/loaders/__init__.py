"""Bytes → Document, one loader per file type; the type comes from the name and the bytes.

Binary formats are recognised by their signature whatever the file is called; text formats
by their extension (or, without one, by a look at the first characters).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gongkai.extract.document import Document, UnreadableError
from gongkai.extract.loaders.docx import load_docx
from gongkai.extract.loaders.dump import load_dump
from gongkai.extract.loaders.html import load_html, load_text_or_embedded_html
from gongkai.extract.loaders.limits import MAX_FILE_BYTES
from gongkai.extract.loaders.pdf import load_pdf
from gongkai.extract.loaders.text import check_length
from gongkai.files import FileRefused, megabytes, read_bounded

Loader = Callable[[bytes, str], list[Document]]

LOADERS: dict[str, Loader] = {
    "txt": lambda data, name: [load_text_or_embedded_html(data, name)],
    "md": lambda data, name: [load_text_or_embedded_html(data, name, "md")],
    "html": lambda data, name: [load_html(data, name)],
    "pdf": lambda data, name: [load_pdf(data, name)],
    "docx": lambda data, name: [load_docx(data, name)],
    "json": lambda data, name: load_dump(data, name, "json"),
    "csv": lambda data, name: load_dump(data, name, "csv"),
    "tsv": lambda data, name: load_dump(data, name, "tsv"),
}
EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
    ".htm": "html", ".shtml": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
    ".json": "json", ".jsonl": "json", ".csv": "csv", ".tsv": "tsv",
}  # fmt: skip
# Formats people do meet among published reports, with what to do about them.
_UNSUPPORTED = {
    ".doc": "Word 97-2003（.doc）格式不受支持，请另存为 .docx 或 PDF",
    ".wps": "WPS（.wps）格式不受支持，请另存为 .docx 或 PDF",
    ".xls": "Excel 表格不是年度报告文档，请提供报告全文",
    ".xlsx": "Excel 表格不是年度报告文档，请提供报告全文",
    ".ofd": "OFD 格式暂不支持，请提供 PDF 版本",
    ".jpg": "图片文件，需要先进行文字识别（OCR）",
    ".jpeg": "图片文件，需要先进行文字识别（OCR）",
    ".png": "图片文件，需要先进行文字识别（OCR）",
    ".zip": "压缩包请先解压，再逐个读取其中的文件",
}
_SIGNATURES = (
    (b"%PDF", "pdf"),
    (b"\xd0\xcf\x11\xe0", ".doc"),  # OLE compound file: .doc/.wps/.xls
    (b"\x89PNG", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
)


def sniff(data: bytes, name: str) -> str:
    """The loader key for ``data``; UnreadableError for formats that cannot be read."""
    suffix = Path(name).suffix.lower()
    head = data[:1024].lstrip()
    for signature, kind in _SIGNATURES:
        if head.startswith(signature) or (kind == "pdf" and signature in data[:1024]):
            if kind in _UNSUPPORTED:
                raise UnreadableError(f"{name}：{_UNSUPPORTED[kind]}")
            return kind
    if data.startswith(b"PK\x03\x04"):
        if suffix in (".xlsx", ".zip"):
            raise UnreadableError(f"{name}：{_UNSUPPORTED[suffix]}")
        return "docx"
    if suffix in _UNSUPPORTED:
        raise UnreadableError(f"{name}：{_UNSUPPORTED[suffix]}")
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    lowered = head[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<div", b"<p", b"<table")):
        return "html"
    if lowered.startswith((b"{", b"[")):
        return "json"
    return "txt"


def load_documents(data: bytes, name: str) -> list[Document]:
    """The documents in a file's bytes (crawler dumps hold several)."""
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableError(
            f"{name}：文件过大（{megabytes(len(data))}，上限 {megabytes(MAX_FILE_BYTES)}）"
        )
    if not data.strip():
        raise UnreadableError(f"{name}：文件为空")
    documents = LOADERS[sniff(data, name)](data, name)
    for doc in documents:  # loaders that build text from markup are checked afterwards
        check_length(sum(len(line.text) + 1 for line in doc.lines), doc.source)
    return documents


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes: regular files only, and never more than the size limit is read."""
    try:
        return read_bounded(path, MAX_FILE_BYTES)
    except FileRefused as exc:
        raise UnreadableError(str(exc)) from None


__all__ = ["EXTENSIONS", "LOADERS", "load_documents", "read_bytes", "sniff"]
