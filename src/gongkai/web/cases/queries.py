"""Read-side: the filtered case list, dashboard counts, personal-data visibility.

Lists filter on the cached columns (see ``services``); "overdue" compares the clock's
cached verdict (``overdue_from``, the first day the case counts as overdue) with today, and
"due within N working days" the cached due date with today and today + N working days of
the platform calendar, so the filters stay one indexed range condition. The overdue rule is
the clock's alone: nothing here decides from the state whether a case is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Case as CaseWhen
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, When

from gongkai.clock import Status
from gongkai.web.accounts import permissions
from gongkai.web.cases.choices import OPEN_STATES, OUTCOME_CHOICES
from gongkai.web.cases.models import Case
from gongkai.web.workcalendar.services import work_calendar

DUE_SOON_WORKDAYS = 5  # policy: the dashboards' "due soon" window
# What the filtered tile counts count: a never-null column of the (agency, state,
# reply_due) index, so PostgreSQL answers from the index alone (Django has no
# COUNT(*) FILTER, and counting the primary key would read the table rows).
IN_STATE_INDEX = "reply_due"


def visible_cases(user: Any) -> QuerySet[Case]:
    """The cases the user may see. The scope comes from ``permissions`` (agencies the user
    may view); filtering on their ids avoids a join with the agency table, which keeps
    counts over a subtree of a million cases an index-only scan."""
    if permissions.role_of(user) is None:
        return Case.objects.none()
    if permissions.agency_q(user, "view") == Q():  # every agency: no condition at all
        return Case.objects.all()
    ids = list(permissions.visible_agencies(user).values_list("pk", flat=True))
    return Case.objects.filter(agency_id__in=ids)


PERSONAL_DATA_ROLES = ("handler", "head", "supervisor")


def can_see_personal(user: Any, case: Case) -> bool:
    """Applicants' personal data: the agency's own staff only (not supervisors above, not IT)."""
    return (
        getattr(user, "agency_id", None) == case.agency_id
        and permissions.can_view(user, case.agency)
        and user.role in PERSONAL_DATA_ROLES
    )


def names_in_clear_q(user: Any) -> Q:
    """The cases whose applicant name ``user`` sees whole: organisations' names everywhere
    (``mask_name``), a person's only where :func:`can_see_personal` holds."""
    clear = ~Q(applicant_type="natural_person")
    agency_id = getattr(user, "agency_id", None)
    if agency_id is not None and getattr(user, "role", "") in PERSONAL_DATA_ROLES:
        clear |= Q(agency_id=agency_id)
    return clear


def search_q(user: Any, text: str) -> Q:
    """Text search over what the viewer sees in clear only, so a search cannot un-mask a
    name: the number and the request everywhere, the applicant's name where shown whole."""
    return (
        Q(number__contains=text)
        | Q(description__contains=text)
        | (Q(applicant_name__contains=text) & names_in_clear_q(user))
    )


def due_cutoff(today: dt.date, workdays: int) -> dt.date:
    return work_calendar().add_workdays(today, workdays) if workdays else today


def overdue_q(today: dt.date) -> Q:
    """Unreplied and overdue as of ``today`` by the clock's rule: the period running past
    its due date, or paused after the due date had passed (``ClockResult.overdue_from``)."""
    return Q(overdue_from__lte=today)


def overdue_by_agency(cases: QuerySet[Case], today: dt.date) -> dict[int, int]:
    """Overdue cases per agency (:func:`overdue_q`): one grouped scan of its index."""
    rows = cases.filter(overdue_q(today)).order_by().values_list("agency_id").annotate(n=Count("*"))
    return dict(rows)


def is_overdue(overdue_from: dt.date | None, today: dt.date) -> bool:
    """:func:`overdue_q` for one row already read."""
    return overdue_from is not None and overdue_from <= today


def work_queue(cases: QuerySet[Case], today: dt.date) -> QuerySet[Case]:
    """Open cases in the order they need work: overdue first (the clock's verdict), then by
    due date, earliest first (the home pages' queues)."""
    late_first = CaseWhen(
        When(overdue_q(today), then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return cases.filter(state__in=OPEN_STATES).order_by(late_first, "reply_due", "pk")


def due_within_q(today: dt.date, workdays: int) -> Q:
    """Open cases due from today to N working days ahead. Never an overdue case: those
    have a due date before today (``overdue_from`` is the day after it)."""
    return Q(
        state__in=OPEN_STATES, reply_due__gte=today, reply_due__lte=due_cutoff(today, workdays)
    )


def filter_cases(
    cases: QuerySet[Case], data: Mapping[str, Any], today: dt.date, viewer: Any
) -> QuerySet[Case]:
    """Apply the list filters (cleaned data of ``CaseFilterForm``) for ``viewer``."""
    q = (data.get("q") or "").strip()
    if q:
        cases = cases.filter(search_q(viewer, q))
    state = data.get("state")
    if state == "open":
        cases = cases.filter(state__in=OPEN_STATES)
    elif state:
        cases = cases.filter(state=state)
    handler = data.get("handler")
    if handler == "none":
        cases = cases.filter(handler__isnull=True)
    elif handler:
        cases = cases.filter(handler_id=int(handler))
    if data.get("due_within") is not None:
        cases = cases.filter(due_within_q(today, data["due_within"]))
    if data.get("overdue"):
        cases = cases.filter(overdue_q(today))
    if data.get("outcome"):
        cases = cases.filter(outcome=data["outcome"])
    if data.get("year"):
        year = data["year"]
        cases = cases.filter(received__gte=dt.date(year, 1, 1), received__lte=dt.date(year, 12, 31))
    if data.get("agency"):
        cases = cases.filter(agency_id=int(data["agency"]))
    return cases


@dataclass(frozen=True)
class Counts:
    open: int
    due_soon: int
    overdue: int
    awaiting_correction: int
    paused: int
    withdrawal: int
    received_this_year: int
    concluded_this_year: int


def counts(cases: QuerySet[Case], today: dt.date) -> Counts:
    """The dashboard tiles: three index-only queries (open cases by state and due date,
    received this year, concluded this year), never a scan of the whole history."""
    year_start = dt.date(today.year, 1, 1)
    pending = (*OPEN_STATES, Status.DEEMED_WITHDRAWN.value)
    totals = cases.filter(state__in=pending).aggregate(
        open=Count(IN_STATE_INDEX, filter=Q(state__in=OPEN_STATES)),
        due_soon=Count(IN_STATE_INDEX, filter=due_within_q(today, DUE_SOON_WORKDAYS)),
        overdue=Count(IN_STATE_INDEX, filter=overdue_q(today)),
        awaiting_correction=Count(IN_STATE_INDEX, filter=Q(state=Status.AWAITING_CORRECTION.value)),
        paused=Count(IN_STATE_INDEX, filter=Q(state=Status.PAUSED.value)),
        withdrawal=Count(IN_STATE_INDEX, filter=Q(state=Status.DEEMED_WITHDRAWN.value)),
    )
    totals["received_this_year"] = cases.filter(
        received__gte=year_start, received__lte=today
    ).count()
    totals["concluded_this_year"] = cases.filter(
        replied_on__gte=year_start, replied_on__lte=today
    ).count()
    return Counts(**totals)


def outcome_counts(cases: QuerySet[Case], year: int) -> list[tuple[str, str, int]]:
    """This year's concluded cases by outcome (the table-3 rows), every row shown."""
    rows = dict(
        cases.filter(replied_on__gte=dt.date(year, 1, 1), replied_on__lte=dt.date(year, 12, 31))
        .order_by()
        .values_list("outcome")
        .annotate(n=Count("*"))
    )
    return [(key, label, rows.get(key, 0)) for key, label in OUTCOME_CHOICES]


def concluded_grouped(cases: QuerySet[Case], year: int) -> dict[tuple[int, str], int]:
    """Cases concluded in ``year`` by (agency, outcome): one index-only grouped scan that
    feeds both the per-agency tiles and the outcome table of the supervisor view."""
    rows = (
        cases.filter(replied_on__gte=dt.date(year, 1, 1), replied_on__lte=dt.date(year, 12, 31))
        .order_by()
        .values_list("agency_id", "outcome")
        .annotate(n=Count("*"))
    )
    return {(agency, outcome): n for agency, outcome, n in rows}


def outcome_table(grouped: Mapping[tuple[int, str], int]) -> list[tuple[str, str, int]]:
    totals: dict[str, int] = {}
    for (_, outcome), n in grouped.items():
        totals[outcome] = totals.get(outcome, 0) + n
    return [(key, label, totals.get(key, 0)) for key, label in OUTCOME_CHOICES]


def per_agency(
    cases: QuerySet[Case], today: dt.date, concluded: Mapping[tuple[int, str], int]
) -> dict[int, dict[str, int]]:
    """Supervisor view: the tiles per agency, grouped, each from its own index.

    ``concluded``: :func:`concluded_grouped` for ``today``'s year, which already holds the
    replies per agency. Counts are ``COUNT(*)``: counting the primary key would make
    PostgreSQL read the table rows instead of answering from the index alone.
    """
    year_start = dt.date(today.year, 1, 1)
    result: dict[int, dict[str, int]] = {}

    def merge(rows: Any) -> None:
        for row in rows:
            result.setdefault(row.pop("agency_id"), {}).update(row)

    merge(
        cases.filter(state__in=OPEN_STATES)
        .order_by()
        .values("agency_id")
        .annotate(
            open=Count("*"),
            due_soon=Count(IN_STATE_INDEX, filter=due_within_q(today, DUE_SOON_WORKDAYS)),
            overdue=Count(IN_STATE_INDEX, filter=overdue_q(today)),
        )
    )
    merge(
        cases.filter(received__gte=year_start)
        .order_by()
        .values("agency_id")
        .annotate(received=Count("*"))
    )
    concluded_by_agency: dict[int, int] = {}
    for (agency, _), n in concluded.items():  # this year's replies, already grouped
        concluded_by_agency[agency] = concluded_by_agency.get(agency, 0) + n
    merge({"agency_id": agency, "concluded": n} for agency, n in concluded_by_agency.items())
    empty = {"open": 0, "due_soon": 0, "overdue": 0, "received": 0, "concluded": 0}
    return {pk: empty | row for pk, row in result.items()}


def timeliness(cases: QuerySet[Case], year: int, today: dt.date) -> dict[int, dict[str, int]]:
    """Per agency, for ``year``: replies issued (``replied``), those issued after the due
    date (``late``), and applications still unanswered that were past their due date by
    the year's end, or by today within the year (``overdue``, the clock's rule, so also
    those paused after the due date had passed). Two grouped index scans: the replies
    index carries the due date, the overdue index is ``overdue_from``'s."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    result: dict[int, dict[str, int]] = {}
    replies = (
        cases.filter(replied_on__gte=start, replied_on__lte=end)
        .order_by()
        .values_list("agency_id")
        .annotate(n=Count("*"), late=Count(IN_STATE_INDEX, filter=Q(replied_on__gt=F("reply_due"))))
    )
    for agency_id, replied, late in replies:
        result[agency_id] = {"replied": replied, "late": late, "overdue": 0}
    cutoff = min(today, end + dt.timedelta(days=1))
    overdue = (
        cases.filter(overdue_q(cutoff)).order_by().values_list("agency_id").annotate(n=Count("*"))
    )
    for agency_id, n in overdue:
        result.setdefault(agency_id, {"replied": 0, "late": 0, "overdue": 0})["overdue"] = n
    return result
