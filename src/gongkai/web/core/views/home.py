"""The home page: what a user sees first depends on the role."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import LoginFailure, User
from gongkai.web.agencies.models import Agency, AgencyQuerySet
from gongkai.web.annual import overview as annual_overview
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.annual.workflow import EDITABLE_STATES
from gongkai.web.cases import queries
from gongkai.web.cases import services as case_services
from gongkai.web.cases.choices import OPEN_STATES
from gongkai.web.cases.models import Case, ExtensionRequest
from gongkai.web.cases.views.lists import LIST_FIELDS
from gongkai.web.cases.views.lists import _Row as CaseRow
from gongkai.web.core import overview
from gongkai.web.workcalendar.models import HolidayNotice

SUPERVISOR_ROWS = 200  # a province has thousands of agencies: the full list is paginated
QUEUE_ROWS = 15  # the home page shows the head of the queue; the case list has the rest
LAGGING_ROWS = 10  # subordinate agencies with the most overdue cases

_TEMPLATES = {
    "handler": "core/home_agency.html",
    "head": "core/home_agency.html",
    "supervisor": "core/home_supervisor.html",
    "admin": "core/home_admin.html",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    context: dict[str, object] = {"role": user.role_info}
    if user.role == "admin":
        context |= {
            "agency_count": Agency.objects.count(),
            "kinds": overview.kind_tallies(Agency.objects.all()),
            "roles": overview.role_tallies(User.objects.filter(is_active=True)),
            "notices": HolidayNotice.objects.all()[:5],
            "recent_failures": LoginFailure.objects.count(),
        }
    elif user.role == "supervisor":
        subtree = permissions.visible_agencies(user)
        assert user.agency is not None
        rows = list(
            overview.with_counts(subtree.in_tree_order(), top_level=user.agency.level)[
                :SUPERVISOR_ROWS
            ]
        )
        context |= {
            "agency": user.agency,
            "kinds": overview.kind_tallies(subtree),
            "agency_total": subtree.count(),
            "agencies": rows,
            "shown": SUPERVISOR_ROWS,
            "user_total": User.objects.filter(is_active=True, agency__in=subtree).count(),
        } | _subtree_queue(user, subtree, rows)
    else:
        agency = user.agency
        assert agency is not None
        context |= {
            "agency": agency,
            "ancestors": Agency.objects.ancestors_of(agency),
            "colleagues": overview.agency_users(agency),
            "can_manage": permissions.can_manage(user, agency),
            "can_approve": permissions.can_approve(user, agency),
            "online_waiting": _online_waiting(user),
        } | _agency_queue(user, agency)
    return render(request, _TEMPLATES[user.role], context)


def _agency_queue(user: User, agency: Agency) -> dict[str, object]:
    """本机关待办: a handler's own open cases, a head's whole agency's, overdue first; for
    the head also what waits for the head's decision (extensions, the annual report)."""
    today = case_services.today()
    cases = Case.objects.filter(agency=agency)
    mine = user.role == "handler"
    queue = queries.work_queue(cases.filter(handler=user) if mine else cases, today)
    context: dict[str, object] = {
        "today": today,
        "counts": queries.counts(cases, today),
        "soon_days": queries.DUE_SOON_WORKDAYS,
        "queue_mine": mine,
        "queue": [CaseRow(v, today) for v in queue.values(*LIST_FIELDS)[:QUEUE_ROWS]],
        "unassigned": cases.filter(handler__isnull=True, state__in=OPEN_STATES).count(),
    }
    if permissions.can_approve(user, agency):
        context["extensions"] = list(
            ExtensionRequest.objects.filter(case__agency=agency, approved__isnull=True)
            .select_related("case", "requested_by")
            .order_by("pk")[:QUEUE_ROWS]
        )
        context["reports"] = list(
            AnnualReportDraft.objects.filter(agency=agency, state__in=EDITABLE_STATES).order_by(
                "-year", "scope"
            )
        )
    return context


def _subtree_queue(user: User, subtree: AgencyQuerySet, rows: list[Agency]) -> dict[str, object]:
    """下级机关一览: overdue cases per agency (the clock's verdict) and last year's annual
    report: its state, and whether it is late (the annual app's own status rule)."""
    today = case_services.today()
    year = today.year - 1  # the report published this year is last year's
    overdue = queries.overdue_by_agency(queries.visible_cases(user), today)
    reports = {
        s.agency.pk: s for s in annual_overview.statuses(subtree.in_tree_order(), year, today)
    }
    for row in rows:
        row.overdue_cases = overdue.get(row.pk, 0)  # type: ignore[attr-defined]
        row.report = reports.get(row.pk)  # type: ignore[attr-defined]
    names = dict(subtree.filter(pk__in=overdue).values_list("pk", "name"))
    lagging = sorted((-n, names[pk], pk) for pk, n in overdue.items() if pk in names)
    return {
        "report_year": year,
        "overdue_total": sum(overdue.values()),
        "lagging": [
            {"pk": pk, "name": name, "overdue": -n} for n, name, pk in lagging[:LAGGING_ROWS]
        ],
        "not_submitted": [s for s in reports.values() if not s.submitted],
        "late_reports": sum(1 for s in reports.values() if s.overdue),
    }


def _online_waiting(user: User) -> int | None:
    """Online applications waiting for this user's confirmation (None: no portal)."""
    if not apps.is_installed("gongkai.web.portal"):
        return None
    from gongkai.web.portal.services import waiting_count

    return waiting_count(user)
