"""JSON responses with ETag and Last-Modified, answering 304 when the client's copy is
current. The ETag is a hash of the body, so it changes exactly when the data does."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from pydantic import BaseModel

# Public data may be cached briefly by clients and proxies; private data never by proxies.
PUBLIC_CACHE = "public, max-age=60"
PRIVATE_CACHE = "private, no-cache"


def body_of(payload: BaseModel) -> bytes:
    data = payload.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(
    request: HttpRequest,
    payload: BaseModel,
    last_modified: dt.datetime | None = None,
    *,
    private: bool = False,
) -> HttpResponse:
    body = body_of(payload)
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    stamp = int(last_modified.timestamp()) if last_modified else None
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    response["Cache-Control"] = PRIVATE_CACHE if private else PUBLIC_CACHE
    response["Vary"] = "Authorization" if private else "Accept-Encoding"
    conditional = get_conditional_response(
        request, etag=etag, last_modified=stamp, response=response
    )
    return conditional if conditional is not None else response  # 304, or the answer
