"""The home page: what a user sees first depends on the role."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import LoginFailure, User
from gongkai.web.agencies.models import Agency
from gongkai.web.core import overview
from gongkai.web.workcalendar.models import HolidayNotice

SUPERVISOR_ROWS = 200  # a province has thousands of agencies: the full list is paginated

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
        rows = overview.with_counts(subtree.in_tree_order(), top_level=user.agency.level)
        context |= {
            "agency": user.agency,
            "kinds": overview.kind_tallies(subtree),
            "agency_total": subtree.count(),
            "agencies": rows[:SUPERVISOR_ROWS],
            "shown": SUPERVISOR_ROWS,
            "user_total": User.objects.filter(is_active=True, agency__in=subtree).count(),
        }
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
        }
    return render(request, _TEMPLATES[user.role], context)


def _online_waiting(user: User) -> int | None:
    """Online applications waiting for this user's confirmation (None: no portal)."""
    if not apps.is_installed("gongkai.web.portal"):
        return None
    from gongkai.web.portal.services import waiting_count

    return waiting_count(user)
