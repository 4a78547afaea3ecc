"""Write documents' bytes to the file storage, a chunk at a time, named by SHA-256.

An upload is streamed into a temporary file of the storage folder while it is hashed and
counted (over the limit: refused, the partial file removed), then moved to
``ab/abcdef…`` under its hash; bytes already stored are not written twice. Memory holds
one chunk, whatever the size of the upload.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gongkai.extract.loaders.limits import MAX_FILE_BYTES
from gongkai.web.audits.models.document import document_storage

MAX_UPLOAD_BYTES = 512 * 1024 * 1024  # one request: a ZIP of a region's reports
CHUNK_BYTES = 1024 * 1024
_MB = 1024 * 1024


class TooLarge(ValueError):
    """The bytes exceed the limit (message in Chinese, naming the file and the limit)."""


@dataclass(frozen=True)
class Spooled:
    """Bytes received into a temporary file of the storage folder."""

    path: Path
    sha256: str
    size: int

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def name_for(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256}"


def _folder() -> Path:
    folder = Path(document_storage().location)
    (folder / "incoming").mkdir(parents=True, exist_ok=True)
    return folder


def spool(chunks: Iterable[bytes], *, label: str, limit: int = MAX_FILE_BYTES) -> Spooled:
    """Receive ``chunks`` into a temporary file, hashing and counting them."""
    handle, raw = tempfile.mkstemp(dir=_folder() / "incoming", suffix=".part")
    path, digest, size = Path(raw), hashlib.sha256(), 0
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise TooLarge(f"{label}：文件过大（上限 {limit // _MB} MB），未保存。")
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Spooled(path, digest.hexdigest(), size)


def keep(spooled: Spooled) -> str:
    """Move the spooled bytes to their name by hash (the storage file name returned)."""
    name = name_for(spooled.sha256)
    target = _folder() / name
    if target.exists():
        spooled.discard()  # the same bytes are stored already (another project, a re-upload)
    else:
        target.parent.mkdir(exist_ok=True)
        os.replace(spooled.path, target)
    return name


def keep_bytes(content: bytes, *, label: str) -> tuple[str, str]:
    """Store bytes held in memory (a ZIP member, a fetched file): (file name, SHA-256)."""
    spooled = spool([content], label=label)
    return keep(spooled), spooled.sha256
