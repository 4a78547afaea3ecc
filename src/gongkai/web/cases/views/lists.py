"""Case list (filters, search, masked names), intake, dashboards, export, reminders."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.clock import RECEIPT_RULES, Channel
from gongkai.web.accounts import permissions
from gongkai.web.accounts.models import User
from gongkai.web.cases import forms, queries, services
from gongkai.web.cases.choices import (
    APPLICANT_TYPE_LABELS,
    CHANNEL_CHOICES,
    OUTCOME_CHOICES,
    STATE_LABELS,
)
from gongkai.web.cases.models import Case, ExtensionRequest, Notification
from gongkai.web.core.exports import table_download
from gongkai.web.core.requests import StaffRequest

PAGE_SIZE = 50
_CHANNELS = dict(CHANNEL_CHOICES)
_OUTCOMES = dict(OUTCOME_CHOICES)
LIST_FIELDS = (
    "pk", "number", "agency__short_name", "agency__name", "channel", "applicant_type",
    "applicant_name", "description", "state", "received", "reply_due", "overdue_from",
    "replied_on", "outcome", "handler__full_name", "provisional",
)  # fmt: skip


def _filtered(request: StaffRequest) -> tuple[forms.CaseFilterForm, QuerySet[Case]]:
    user = request.user
    agencies = permissions.visible_agencies(user).in_tree_order().only("pk", "name")
    handlers = User.objects.filter(
        agency__in=agencies, role__in=("handler", "head"), is_active=True
    )
    if getattr(user, "role", "") != "admin":
        handlers = handlers.filter(agency=user.agency_id)
    multi = getattr(user, "role", "") in ("supervisor", "admin")
    form = forms.CaseFilterForm(
        request.GET or None, handlers=handlers[:200], agencies=agencies[:500] if multi else ()
    )
    cases = queries.visible_cases(user)
    if form.is_valid():
        cases = queries.filter_cases(cases, form.cleaned_data, services.today(), user)
    return form, cases


class _Row:
    """A list row with the applicant masked (lists never show personal data in full)."""

    # the LIST_FIELDS values, copied in as attributes
    pk: int
    number: str
    agency__short_name: str
    agency__name: str
    channel: str
    applicant_type: str
    applicant_name: str
    description: str
    state: str
    received: Any
    reply_due: Any
    overdue_from: Any
    replied_on: Any
    outcome: str
    handler__full_name: str | None
    provisional: bool

    def __init__(self, values: dict[str, Any], today: Any) -> None:
        self.__dict__.update(values)
        from gongkai.web.cases.models import mask_name

        self.applicant = mask_name(values["applicant_name"], values["applicant_type"])
        self.state_label = STATE_LABELS.get(values["state"], values["state"])
        self.outcome_label = _OUTCOMES.get(values["outcome"], "")
        self.agency_label = values["agency__short_name"] or values["agency__name"]
        self.overdue = queries.is_overdue(values["overdue_from"], today)


class SearchPage:
    """A page of search results without a total: a text search cannot use an index, so
    counting every match of a large agency would cost more than showing the page."""

    def __init__(self, rows: list[Any], number: int, has_next: bool) -> None:
        self.object_list = rows
        self.number = number
        self.has_next_flag = has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_next(self) -> bool:
        return self.has_next_flag

    def has_other_pages(self) -> bool:
        return self.has_previous() or self.has_next()

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def _page_number(raw: str | None) -> int:
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


def case_list(request: StaffRequest) -> HttpResponse:
    form, cases = _filtered(request)
    today = services.today()
    ordered = cases.order_by("-received", "-pk").values(*LIST_FIELDS)
    searching = form.is_valid() and bool(form.cleaned_data.get("q"))
    page: Any
    if searching:
        number = _page_number(request.GET.get("page"))
        start = (number - 1) * PAGE_SIZE
        found = list(ordered[start : start + PAGE_SIZE + 1])
        page = SearchPage(found[:PAGE_SIZE], number, len(found) > PAGE_SIZE)
        total = None
    else:
        paginator = Paginator(ordered, PAGE_SIZE)
        paginator.count = cases.order_by().count()  # without the joins
        page = paginator.get_page(request.GET.get("page"))
        total = paginator.count
    rows = [_Row(v, today) for v in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "total": total,
        "query": query.urlencode(),
        "can_register": _can_register(request),
    }
    template = "cases/_list_table.html" if request.htmx else "cases/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _can_register(request: HttpRequest) -> bool:
    user = request.user
    return getattr(user, "agency_id", None) is not None and permissions.can_edit(user, user.agency)  # type: ignore[union-attr]


@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    agency = getattr(user, "agency", None)
    if agency is None or not permissions.can_edit(user, agency):
        raise PermissionDenied("只有机关工作人员可以登记申请。")
    form = forms.IntakeForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        token = data.pop("token", "")
        fields = {
            k: v
            for k, v in data.items()
            if k not in ("channel", "submitted_on", "received_on", "arrived_on", "handler")
        }
        try:
            case = services.register(
                agency,
                user,
                channel=data["channel"],
                submitted_on=data["submitted_on"],
                received_on=data.get("received_on"),
                arrived_on=data.get("arrived_on"),
                handler=data.get("handler"),
                token=token,
                **fields,
            )
        except services.DuplicateSubmission as exc:
            messages.info(request, str(exc))
            if exc.case_id:
                return redirect("cases:detail", pk=exc.case_id)
            return redirect("cases:list")
        except ValidationError as exc:
            form.add_error(None, "；".join(exc.messages))
        else:
            messages.success(
                request,
                f"已登记 {case.number}，收到申请日期 {case.received}，答复期限 {case.reply_due}。",
            )
            return redirect("cases:detail", pk=case.pk)
    rules = [(label, RECEIPT_RULES[Channel(value)].reason) for value, label in CHANNEL_CHOICES]
    return render(request, "cases/new.html", {"form": form, "rules": rules})


@require_POST
def intake_duplicates(request: HttpRequest) -> HttpResponse:
    """htmx: candidates for a repeated application while the clerk types.

    POST (with the CSRF header every htmx request carries): the description can be
    thousands of characters, too long for a URL.
    """
    user = request.user
    agency = getattr(user, "agency", None)
    if agency is None or not permissions.can_edit(user, agency):
        raise PermissionDenied("只有机关工作人员可以登记申请。")
    name = request.POST.get("applicant_name", "").strip()
    id_number = request.POST.get("id_number", "").strip()
    description = request.POST.get("description", "").strip()
    found = []
    if (name or id_number) and description:
        found = services.possible_duplicates(
            agency, name=name, id_number=id_number, description=description
        )
    return render(
        request,
        "cases/_duplicates.html",
        {"duplicates": found, "window": services.DUPLICATE_WINDOW_DAYS},
    )


def dashboard(request: StaffRequest) -> HttpResponse:
    """The agency dashboard: due soon, overdue, pending decisions, this year's outcomes."""
    user = request.user
    agency = getattr(user, "agency", None)
    if agency is None:
        return redirect("cases:supervision")
    today = services.today()
    cases = Case.objects.filter(agency=agency)
    soon = cases.filter(queries.due_within_q(today, queries.DUE_SOON_WORKDAYS)).order_by(
        "reply_due"
    )
    overdue = cases.filter(queries.overdue_q(today)).order_by("overdue_from")
    context = {
        "agency": agency,
        "counts": queries.counts(cases, today),
        "soon": [_Row(v, today) for v in soon.values(*LIST_FIELDS)[:10]],
        "overdue": [_Row(v, today) for v in overdue.values(*LIST_FIELDS)[:10]],
        "withdrawals": [
            _Row(v, today) for v in cases.filter(state="deemed_withdrawn").values(*LIST_FIELDS)[:10]
        ],
        "extensions": ExtensionRequest.objects.filter(
            case__agency=agency, approved__isnull=True
        ).select_related("case", "requested_by")[:20],
        "can_approve": permissions.can_approve(user, agency),
        "outcomes": queries.outcome_counts(cases, today.year),
        "year": today.year,
        "soon_days": queries.DUE_SOON_WORKDAYS,
        "notifications": Notification.objects.filter(user=user, read_at__isnull=True)[:10],
        "online_waiting": _online_waiting(user),
    }
    return render(request, "cases/dashboard.html", context)


def _online_waiting(user: Any) -> int | None:
    """Online applications waiting for confirmation (None when the portal is not installed)."""
    if not apps.is_installed("gongkai.web.portal"):
        return None
    from gongkai.web.portal.services import waiting_count

    return waiting_count(user)


def supervision(request: HttpRequest) -> HttpResponse:
    """The supervisor's view over the subtree: every agency's tiles, overdue cases, decisions."""
    user = request.user
    today = services.today()
    agencies = list(permissions.visible_agencies(user).in_tree_order())
    cases = queries.visible_cases(user)
    concluded = queries.concluded_grouped(cases, today.year)
    stats = queries.per_agency(cases, today, concluded)
    empty = {"open": 0, "due_soon": 0, "overdue": 0, "received": 0, "concluded": 0}
    rows = [(a, stats.get(a.pk, empty)) for a in agencies]
    totals = {k: sum(s[k] for _, s in rows) for k in empty}
    recent = (
        cases.filter(replied_on__isnull=False)
        .order_by("-replied_on", "-pk")
        .values(*LIST_FIELDS)[:15]
    )
    extended = (
        ExtensionRequest.objects.filter(case__in=cases, approved=True)
        .select_related("case", "case__agency", "decided_by")
        .order_by("-decided_on", "-pk")[:15]
    )
    context = {
        "rows": [
            (a, s) for a, s in rows if a.pk in stats or a.pk == getattr(user, "agency_id", None)
        ]
        if len(rows) > 60
        else rows,
        "totals": totals,
        "overdue": [
            _Row(v, today)
            for v in cases.filter(queries.overdue_q(today))
            .order_by("overdue_from")
            .values(*LIST_FIELDS)[:20]
        ],
        "recent": [_Row(v, today) for v in recent],
        "extended": extended,
        "outcomes": queries.outcome_table(concluded),
        "year": today.year,
        "soon_days": queries.DUE_SOON_WORKDAYS,
    }
    return render(request, "cases/supervision.html", context)


EXPORT_HEADERS = (
    "编号", "机关", "收到申请日期", "提交渠道", "申请人类型", "申请人", "申请内容", "状态",
    "答复期限", "答复日期", "办理结果", "经办人",
)  # fmt: skip


def _export_rows(cases: QuerySet[Case]) -> Any:
    today = services.today()
    ordered = cases.order_by("-received", "-pk").values(*LIST_FIELDS)[:EXPORT_LIMIT]
    for values in ordered.iterator(chunk_size=2000):
        row = _Row(values, today)
        yield (
            row.number,
            row.agency__name,
            row.received,
            _CHANNELS.get(row.channel, row.channel),
            APPLICANT_TYPE_LABELS.get(row.applicant_type, ""),
            row.applicant,
            row.description,
            row.state_label,
            row.reply_due,
            row.replied_on,
            row.outcome_label,
            row.handler__full_name or "",
        )


EXPORT_LIMIT = 200_000


def case_export(request: StaffRequest, fmt: str) -> HttpResponse:
    _, cases = _filtered(request)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return table_download(
        fmt, "依申请公开案件", EXPORT_HEADERS, _export_rows(cases), f"cases-{stamp}"
    )


def notifications(request: StaffRequest) -> HttpResponse:
    items = Notification.objects.filter(user=request.user).select_related("case")[:100]
    return render(request, "cases/notifications.html", {"items": items})


@require_POST
def notifications_read(request: HttpRequest) -> HttpResponse:
    services.mark_notifications_read(request.user)
    return redirect("cases:notifications")


@require_http_methods(["GET", "POST"])
def letter_templates(request: HttpRequest, key: str | None = None) -> HttpResponse:
    from gongkai.letters import LETTER_TYPES, LetterError, preview_template
    from gongkai.web.cases import letters

    user = request.user
    agency = getattr(user, "agency", None)
    if agency is None or not permissions.can_view(user, agency):
        raise PermissionDenied("没有所属机关。")
    can_manage = permissions.can_manage(user, agency)
    chosen = LETTER_TYPES.get(key or "")
    context: dict[str, Any] = {
        "types": LETTER_TYPES.values(),
        "chosen": chosen,
        "can_manage": can_manage,
    }
    if chosen is not None:
        text = letters.template_text(agency.pk, chosen.key) or chosen.default_template()
        form = forms.TemplateForm(request.POST or None, initial={"text": text})
        if request.method == "POST" and form.is_valid():
            try:
                services.save_template(agency, user, chosen.key, form.cleaned_data["text"])
            except ValidationError as exc:
                form.add_error("text", "；".join(exc.messages))
            else:
                messages.success(request, f"{chosen.name}模板已保存。")
                return redirect("cases:template", key=chosen.key)
        preview = None
        try:
            preview = preview_template(
                chosen.key, form.data.get("text", text) if form.is_bound else text
            )
        except LetterError as exc:
            context["preview_error"] = str(exc)
        context |= {
            "form": form,
            "preview": preview,
            "customised": letters.template_text(agency.pk, chosen.key) is not None,
        }
    return render(request, "cases/templates.html", context)
