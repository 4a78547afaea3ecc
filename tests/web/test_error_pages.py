"""Chinese 400/403/404/500 pages also with DEBUG on (the demo), the technical pages on
request, and the favicon browsers ask for."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.test import Client
from django.urls import include, path

pytestmark = pytest.mark.django_db


@login_not_required
def _refused(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied("您无权审批。")


@login_not_required
def _missing(request: HttpRequest) -> HttpResponse:
    raise Http404("没有这件案件")


@login_not_required
def _broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


@login_not_required
def _suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("bad")


urlpatterns = [
    path("", include("gongkai.web.urls")),
    path("test-errors/refused/", _refused),
    path("test-errors/missing/", _missing),
    path("test-errors/broken/", _broken),
    path("test-errors/suspicious/", _suspicious),
]


@pytest.fixture
def demo_mode(settings: Any) -> Client:
    settings.DEBUG = True
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/no-such-page/", 404, "404 · 未找到"),
        ("/test-errors/missing/", 404, "404 · 未找到"),
        ("/test-errors/refused/", 403, "403 · 无权操作"),
        ("/test-errors/broken/", 500, "500 · 服务器内部错误"),
        ("/test-errors/suspicious/", 400, "400 · 请求无效"),
    ],
)
def test_debug_mode_shows_the_chinese_pages(
    demo_mode: Client, url: str, status: int, heading: str
) -> None:
    response = demo_mode.get(url)
    html = response.content.decode()
    assert response.status_code == status
    assert heading in html
    assert "Traceback" not in html and "Django" not in html and "DEBUG = True" not in html


def test_the_broken_page_still_logs_the_traceback(
    demo_mode: Client, caplog: pytest.LogCaptureFixture
) -> None:
    demo_mode.get("/test-errors/broken/")
    assert any(r.exc_info and "boom" in str(r.exc_info[1]) for r in caplog.records)


def test_technical_pages_on_request(demo_mode: Client, settings: Any) -> None:
    settings.GONGKAI_TECHNICAL_ERRORS = True
    assert "Django" in demo_mode.get("/no-such-page/").content.decode()


def test_production_mode_uses_the_same_pages(settings: Any) -> None:
    settings.ROOT_URLCONF = __name__
    response = Client(raise_request_exception=False).get("/test-errors/refused/")
    assert response.status_code == 403 and "403 · 无权操作" in response.content.decode()
    assert "404 · 未找到" in Client().get("/no-such-page/").content.decode()


def test_favicon_is_served_locally_without_login() -> None:
    response = Client().get("/favicon.ico")
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
