"""Fetch a published report by URL: a time limit, a size limit and a content-type check.

The bytes come back with the URL they were fetched from and their SHA-256, so a corpus
keeps what it audited; every refusal is a :class:`FetchProblem` with a Chinese reason.
A host (the URL's and every redirect's) is resolved once, when connecting: all its
addresses must be public and the connection goes to the address checked, so a name that
answers differently the second time (DNS rebinding) cannot reach the server's own network.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
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


class _HostRefused(FetchProblem):
    """Raised while connecting (the URL is not known there); ``fetch`` names the URL."""


Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def checked_address(host: str, port: int, *, allow_private: bool, resolver: Resolver) -> str:
    """The one address to connect to: the name is resolved once and every address it has
    must be public (loopback, private, link-local … refused unless ``allow_private``)."""
    try:
        addresses = resolver(host, port)
    except OSError:
        raise _HostRefused(f"无法解析域名 {host}。") from None
    if not addresses:
        raise _HostRefused(f"无法解析域名 {host}。")
    if not allow_private:
        for address in addresses:
            if not ipaddress.ip_address(address.split("%")[0]).is_global:
                raise _HostRefused("不允许下载内部网络地址。")
    return addresses[0]


def _pinned(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
    """``base`` connecting to the checked address of its host instead of resolving the name
    again (a DNS-rebinding answer between check and connect cannot lead inside); the Host
    header, and for HTTPS the SNI name and certificate check, still use the name."""

    class Pinned(base):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, guard: Callable[[str, int], str], **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = self._connect_checked
            self._guard = guard

        def _connect_checked(
            self, address: tuple[str, int], timeout: Any = None, source: Any = None
        ) -> socket.socket:
            host, port = address
            return socket.create_connection((self._guard(host, port), port), timeout, source)

    return Pinned


_PinnedHTTP = _pinned(http.client.HTTPConnection)
_PinnedHTTPS = _pinned(http.client.HTTPSConnection)


class _PinnedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    def __init__(self, guard: Callable[[str, int], str]) -> None:
        urllib.request.HTTPHandler.__init__(self)
        urllib.request.HTTPSHandler.__init__(self)
        self.guard = guard

    def http_open(self, req: Any) -> Any:
        return self.do_open(_PinnedHTTP, req, guard=self.guard)

    def https_open(self, req: Any) -> Any:
        return self.do_open(_PinnedHTTPS, req, guard=self.guard)  # the default, verifying


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchProblem(f"{url}：只支持 http/https 网址。")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect must stay on http/https; its host is checked when it is connected to."""

    def __init__(self, allow_private: bool = False) -> None:
        self.allow_private = allow_private

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> Any:  # fmt: skip
        _check_scheme(newurl)
        host = urlsplit(newurl).hostname or ""
        if not self.allow_private and _is_literal_internal(host):
            raise FetchProblem(f"{newurl}：不允许下载内部网络地址。")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _is_literal_internal(host: str) -> bool:
    try:
        return not ipaddress.ip_address(host).is_global
    except ValueError:
        return False  # a name: checked when connecting


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
    resolver: Resolver = system_resolver,
) -> Fetched:
    _check_scheme(url)

    def guard(host: str, port: int) -> str:
        return checked_address(host, port, allow_private=allow_private, resolver=resolver)

    request = urllib.request.Request(url, headers={"User-Agent": "gongkai-audit"})
    # no proxies from the environment: the address check must be of the host contacted
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _PinnedHandler(guard), _CheckedRedirects(allow_private)
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in ALLOWED_TYPES:
                raise FetchProblem(f"{url}：内容类型 {content_type} 不是年度报告的格式。")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchProblem(f"{url}：文件过大（上限 {max_bytes // 1024 // 1024} MB）。")
            content = response.read(max_bytes + 1)
    except _HostRefused as refused:
        raise FetchProblem(f"{url}：{refused}") from None
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
