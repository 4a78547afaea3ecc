"""Fetch a published report by URL: a time limit, a size limit and a content-type check.

The bytes come back with the URL they were fetched from and their SHA-256, so a corpus
keeps what it audited; every refusal is a :class:`FetchProblem` with a Chinese reason.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from gongkai.extract.loaders.limits import MAX_FILE_BYTES

TIMEOUT_SECONDS = 20
# Types a published report comes as; servers often say octet-stream for PDF and DOCX.
ALLOWED_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/octet-stream",
    "application/json",
    "text/html",
    "text/plain",
    "text/markdown",
    "text/csv",
    "application/xhtml+xml",
)


class FetchProblem(ValueError):
    """The URL could not be fetched as a report (message in Chinese)."""


def _check_host(url: str, allow_private: bool) -> None:
    """Refuse URLs that would make the server reach its own network (loopback, private,
    link-local addresses), unless the caller allows it (tests, intranet deployments)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchProblem(f"{url}：只支持 http/https 网址。")
    if allow_private:
        return
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(parts.hostname, None)}
    except OSError:
        raise FetchProblem(f"{url}：无法解析域名。") from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise FetchProblem(f"{url}：不允许下载内部网络地址。")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:  # fmt: skip
        _check_host(newurl, self.allow_private)  # a redirect must not lead inside either
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass(frozen=True)
class Fetched:
    url: str
    content: bytes
    content_type: str
    sha256: str


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_FILE_BYTES,
    allow_private: bool = False,
) -> Fetched:
    _check_host(url, allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": "gongkai-audit"})
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in ALLOWED_TYPES:
                raise FetchProblem(f"{url}：内容类型 {content_type} 不是年度报告的格式。")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchProblem(f"{url}：文件过大（上限 {max_bytes // 1024 // 1024} MB）。")
            content = response.read(max_bytes + 1)
    except FetchProblem:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchProblem(f"{url}：服务器返回 {exc.code}。") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise FetchProblem(f"{url}：无法下载（{exc}）。") from None
    if len(content) > max_bytes:
        raise FetchProblem(f"{url}：文件过大（上限 {max_bytes // 1024 // 1024} MB）。")
    if not content:
        raise FetchProblem(f"{url}：下载的文件为空。")
    return Fetched(url, content, content_type, hashlib.sha256(content).hexdigest())
