"""The NinjaAPI of /api/v1/: routers, the address throttle, Chinese error answers.

The OpenAPI schema is generated from the endpoints' signatures and schemas
(``/api/v1/openapi.json``); the docs page is at ``/api/v1/docs``.
"""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_update
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, Throttled, ValidationError

from gongkai.web.api.cursors import BadCursor
from gongkai.web.api.docs import LocalSwagger
from gongkai.web.api.throttling import AddressThrottle
from gongkai.web.api.views import private_api, public_api

api = NinjaAPI(
    title="政务公开开放数据接口",
    version="1",
    description=(
        "依据《中华人民共和国政府信息公开条例》第二十三条、第二十四条，以数据形式提供已公开的"
        "机关信息、年度报告（规范 JSON gongkai.annual-report/1）、审核结果、主动公开目录、"
        "现行有效的规章和规范性文件及年度统计。只读；列表按游标分页（next_cursor），"
        "响应带 ETag 和 Last-Modified（条件请求返回 304），按来源地址限制频率。"
        "“工作人员接口”须在平台“接口令牌”页面创建的令牌。"
    ),
    urls_namespace="api-v1",
    docs=LocalSwagger(),
    # Swagger UI's stylesheet draws its icons as data: images; the docs page (only) allows
    # images from data: URLs, which cannot run script. Scripts and styles stay 'self' only.
    docs_decorator=csp_update({"img-src": ["'self'", "data:"]}),
    docs_url="/docs",
    openapi_url="/openapi.json",
    throttle=[AddressThrottle()],
)
api.add_router("/", public_api.router)
api.add_router("/private", private_api.router)

# pydantic error type → what the value must be (the parameter is named in the message)
EXPECTED: dict[str, str] = {
    "int_parsing": "须为整数",
    "int_type": "须为整数",
    "bool_parsing": "须为 true 或 false",
    "missing": "缺少该参数",
    "greater_than_equal": "过小",
    "less_than_equal": "过大",
    "string_too_long": "过长",
}


def _message(error: dict[str, Any]) -> str:
    where = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
    name = ".".join(where) or "请求"
    expected = EXPECTED.get(str(error.get("type")), "无效")
    ctx = error.get("ctx") or {}
    bound = ctx.get("ge", ctx.get("le"))
    suffix = f"（界限 {bound}）" if bound is not None else ""
    return f"参数 {name} {expected}{suffix}。"


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = " ".join(dict.fromkeys(_message(e) for e in exc.errors))
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(BadCursor)
def bad_cursor(request: HttpRequest, exc: BadCursor) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "未找到。"}, status=404)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request,
        {"detail": "缺少接口令牌，或令牌无效、已吊销：请在请求头 Authorization: Bearer 后附令牌。"},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="gongkai"'
    return response


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    wait = max(1, int(getattr(exc, "wait", None) or 1))
    response = api.create_response(
        request, {"detail": f"请求过于频繁，请约 {wait} 秒后再试。"}, status=429
    )
    response["Retry-After"] = str(wait)
    return response
