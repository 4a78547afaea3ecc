"""Fetching a report by URL: the host is resolved once and the connection goes to the
address that was checked, so a name answering differently the second time (DNS rebinding)
cannot reach the server's own network."""

from __future__ import annotations

import http.server
import socket
import ssl
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest

from gongkai.extract import fetch as fetch_module
from gongkai.extract.fetch import FetchProblem, fetch

PUBLIC = "93.184.216.34"  # a global address; nothing is sent to it (the connect is stubbed)


class _Server(http.server.BaseHTTPRequestHandler):
    hosts: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hosts.append(self.headers.get("Host", ""))
        if self.path == "/hop":  # a redirect to a name that resolves inside
            self.send_response(302)
            self.send_header("Location", "http://intranet.example/secret.txt")
            self.end_headers()
            return
        body = "年度报告".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def port() -> Iterator[int]:
    _Server.hosts = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield int(httpd.server_address[1])
    httpd.shutdown()


class Rebinding:
    """A resolver stub: a public address the first time, loopback from then on."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return [PUBLIC] if len(self.calls) == 1 else ["127.0.0.1"]


def test_the_connection_goes_to_the_checked_address_not_to_a_second_answer(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    contacted: list[tuple[str, int]] = []

    def connect(address: tuple[str, int], *args: Any) -> socket.socket:
        contacted.append(address)
        raise ConnectionRefusedError("stub: no outside network in tests")

    monkeypatch.setattr(fetch_module.socket, "create_connection", connect)
    resolver = Rebinding()
    with pytest.raises(FetchProblem, match="无法下载"):
        fetch(f"http://reports.example:{port}/2023.txt", resolver=resolver)
    assert resolver.calls == ["reports.example"]  # resolved once
    assert contacted == [(PUBLIC, port)]
    assert _Server.hosts == []  # the loopback server was never reached


def test_the_name_is_kept_in_the_host_header_when_connecting_to_its_address(port: int) -> None:
    fetched = fetch(
        f"http://reports.example:{port}/2023.txt",
        allow_private=True,
        resolver=lambda host, _: ["127.0.0.1"],
    )
    assert fetched.content == "年度报告".encode() and len(fetched.sha256) == 64
    assert _Server.hosts == [f"reports.example:{port}"]


def test_a_name_with_any_internal_address_is_refused_before_connecting() -> None:
    with pytest.raises(FetchProblem, match="内部网络") as refused:
        fetch("http://mixed.example/a.pdf", resolver=lambda host, _: [PUBLIC, "10.0.0.7"])
    assert str(refused.value).startswith("http://mixed.example/a.pdf：")
    with pytest.raises(FetchProblem, match="内部网络"):
        fetch("http://[::1]/a.pdf")


def test_a_redirect_to_a_name_resolving_inside_is_refused(
    port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = {"reports.example": ["127.0.0.1"], "intranet.example": ["192.168.1.5"]}
    checked: list[str] = []
    real_check = fetch_module.checked_address

    def check(host: str, port_: int, *, allow_private: bool, resolver: Any) -> str:
        checked.append(host)  # the first hop is the loopback test server: let it through
        return real_check(host, port_, allow_private=host == "reports.example",
                          resolver=resolver)  # fmt: skip

    monkeypatch.setattr(fetch_module, "checked_address", check)
    with pytest.raises(FetchProblem, match="内部网络") as refused:
        fetch(f"http://reports.example:{port}/hop", resolver=lambda host, _: answers[host])
    assert checked == ["reports.example", "intranet.example"]
    assert str(refused.value).startswith(f"http://reports.example:{port}/hop：")


def test_an_unresolvable_name_is_a_clear_error() -> None:
    def fails(host: str, port: int) -> list[str]:
        raise socket.gaierror("no such name")

    with pytest.raises(FetchProblem, match=r"无法解析域名 nowhere\.example"):
        fetch("http://nowhere.example/a.pdf", resolver=fails)


def test_https_verifies_the_certificate_for_the_name_not_the_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent: dict[str, Any] = {}

    class Context(ssl.SSLContext):  # verifying, as the default; records the SNI name
        def wrap_socket(self, sock: Any, *args: Any, server_hostname: Any = None,
                        **kwargs: Any) -> Any:  # fmt: skip
            sent["server_hostname"] = server_hostname
            raise ConnectionResetError("stub: handshake not performed")

    listener = socket.create_server(("127.0.0.1", 0))
    left = socket.create_connection(listener.getsockname())  # stands for the checked address
    contacted: list[tuple[str, int]] = []

    def connect(address: tuple[str, int], *args: Any) -> socket.socket:
        contacted.append(address)
        return left

    monkeypatch.setattr(fetch_module.socket, "create_connection", connect)
    connection = fetch_module._PinnedHTTPS(
        "reports.example",
        443,
        guard=lambda host, port: PUBLIC,
        context=Context(ssl.PROTOCOL_TLS_CLIENT),
    )
    with pytest.raises(ConnectionResetError):
        connection.connect()
    left.close()
    listener.close()
    assert contacted == [(PUBLIC, 443)] and sent["server_hostname"] == "reports.example"
