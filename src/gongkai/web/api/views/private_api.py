"""Private endpoints for staff integrations (token required), within the token's agencies:
case statistics per agency and year, and the overdue case list. No applicant's personal
data is ever part of an answer: only the case number, the agency, dates and the state.

The counts and the overdue rule are the cases app's (``gongkai.web.cases.queries``: the
clock's cached verdict ``overdue_from``), not computed again here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router
from ninja.params.functions import Query

from gongkai.web.api import cursors
from gongkai.web.api.auth import TokenAuth
from gongkai.web.api.conditional import json_response
from gongkai.web.api.models import ApiToken
from gongkai.web.api.permissions import token_agencies
from gongkai.web.api.schemas import (
    AgencyRef,
    CaseStatistics,
    CaseStatisticsList,
    Error,
    OverdueCase,
    OverdueCasePage,
)
from gongkai.web.cases import queries as case_queries
from gongkai.web.cases.models import Case

router = Router(tags=["工作人员接口（须令牌）"], auth=TokenAuth())
ERRORS: dict[int, Any] = {304: None, 400: Error, 401: Error, 404: Error, 429: Error}
OVERDUE_FIELDS = (
    "id",
    "number",
    "agency_id",
    "agency__name",
    "received",
    "reply_due",
    "overdue_from",
    "state",
    "provisional",
)


def _agencies(request: HttpRequest, agency: int | None) -> dict[int, str]:
    token: ApiToken = request.auth  # type: ignore[attr-defined]  # set by TokenAuth
    reach = token_agencies(token)
    if agency is not None:
        reach = reach.filter(pk=agency)
    return dict(reach.order_by("path").values_list("pk", "name"))


@router.get(
    "/cases/statistics",
    response={200: CaseStatisticsList, **ERRORS},
    summary="依申请公开案件年度统计（令牌范围内各机关）",
)
def case_statistics(
    request: HttpRequest,
    year: int = Query(..., ge=2008, le=2100, description="年度"),
    agency: int | None = Query(None, description="只看该机关（须在令牌范围内）"),
) -> HttpResponse:
    names = _agencies(request, agency)
    cases = Case.objects.filter(agency_id__in=list(names))
    today = timezone.localdate()
    timely = case_queries.timeliness(cases, year, today)
    concluded = case_queries.concluded_grouped(cases, year)
    received = dict(
        cases.filter(received__gte=dt.date(year, 1, 1), received__lte=dt.date(year, 12, 31))
        .order_by()
        .values_list("agency_id")
        .annotate(n=Count("*"))
    )
    items = []
    for pk, name in names.items():
        row = timely.get(pk, {"replied": 0, "late": 0, "overdue": 0})
        outcomes = {o: n for (a, o), n in sorted(concluded.items()) if a == pk}
        items.append(
            CaseStatistics(
                agency=AgencyRef(id=pk, name=name),
                year=year,
                received=received.get(pk, 0),
                replied=row["replied"],
                replied_late=row["late"],
                overdue=row["overdue"],
                outcomes=outcomes,
            )
        )
    return json_response(request, CaseStatisticsList(items=items), private=True)


@router.get(
    "/cases/overdue",
    response={200: OverdueCasePage, **ERRORS},
    summary="超期未答复的案件（令牌范围内）",
)
def overdue_cases(
    request: HttpRequest,
    agency: int | None = Query(None, description="只看该机关（须在令牌范围内）"),
    cursor: str | None = Query(None, description="上一页响应中的 next_cursor"),
    limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT, description="每页条数"),
) -> HttpResponse:
    today = timezone.localdate()
    names = _agencies(request, agency)
    rows = Case.objects.filter(agency_id__in=list(names)).filter(case_queries.overdue_q(today))
    page = cursors.page(rows.values(*OVERDUE_FIELDS), cursor, limit, key="id")
    items = [
        OverdueCase(
            id=r["id"],
            number=r["number"],
            agency=AgencyRef(id=r["agency_id"], name=r["agency__name"]),
            received=r["received"],
            reply_due=r["reply_due"],
            overdue_from=r["overdue_from"],
            state=r["state"],
            provisional=r["provisional"],
        )
        for r in page.rows
    ]
    payload = OverdueCasePage(today=today, items=items, next_cursor=page.next_cursor)
    return json_response(request, payload, private=True)
