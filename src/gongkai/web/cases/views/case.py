"""The case page: facts, explained timeline, event log, actions (htmx partials), letters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai import uploads
from gongkai.clock import CaseError, ClockResult
from gongkai.clock.timeline import Step, StepKind, provisional_text
from gongkai.letters import LetterError
from gongkai.outcomes import OUTCOMES
from gongkai.web.accounts import permissions
from gongkai.web.cases import changelog, event_values, forms, letters, queries, services
from gongkai.web.cases.choices import APPLICANT_TYPE_LONG, STATE_LABELS
from gongkai.web.cases.models import Case, CaseDocument, IssuedLetter, mask_id
from gongkai.web.cases.views.actions import ACTIONS, allowed, facts

_CASES = Case.objects.select_related("agency", "agency__parent", "handler", "created_by")


def _get(request: HttpRequest, pk: int, action: str = "view") -> Case:
    return permissions.get_scoped_object_or_404(_CASES, request.user, action, pk=pk)


def _form(key: str, case: Case, data: Any = None, files: Any = None) -> Any:
    action = ACTIONS[key]
    kwargs: dict[str, Any] = {"prefix": key}
    if action.form in (forms.AssignForm,):
        kwargs["agency"] = case.agency
    if action.form is forms.NoticeServiceForm:
        kwargs["case"] = case
    form = action.form(data, files, **kwargs) if data is not None else action.form(**kwargs)
    if data is None:
        form.initial["version"] = case.version
        if key == "assign":
            form.initial["handler"] = case.handler_id
    return form


def case_context(
    request: HttpRequest, case: Case, bound: dict[str, Any] | None = None
) -> dict[str, Any]:
    user = request.user
    result = services.compute(case)
    f = facts(case, result)
    bound = bound or {}
    actions = []
    for key, action in ACTIONS.items():
        if not allowed(action, user, case, f):
            continue
        targets: list[Any] = [None]
        if key == "consultation_answer":
            targets = list(f.open_consultations)
        elif key == "extension_decide":
            targets = [f.pending_extension]
        for target in targets:
            form = (
                bound.get(key)
                if key in bound
                and (target is None or str(target.pk) == str(bound[key].data.get(f"{key}-ref")))
                else None
            )
            if form is None:
                form = _form(key, case)
                if target is not None:
                    form.initial["ref"] = target.pk
            title = action.title + (f"：{target}" if key == "consultation_answer" else "")
            warning = (
                services.late_warning(case, action.clock_event) if action.clock_event else None
            )
            actions.append(
                {
                    "key": key,
                    "title": title,
                    "form": form,
                    "open": key in bound,
                    "warning": warning,
                }
            )
    personal = queries.can_see_personal(user, case)
    replied = services.replied_once(case)
    events = list(case.events.select_related("actor", "document").order_by("seq"))
    for event in events:
        event.details = _details(event.data, personal)  # type: ignore[attr-defined]
    outcome = OUTCOMES.get(case.outcome) if case.outcome else None
    reviews = [e for e in events if e.kind == "reviewed"]
    review_hint = services.review_next_step(reviews[-1].data) if reviews and case.is_open else ""
    reopenings = [e for e in events if e.kind == "reopened"]
    return {
        "case": case,
        "result": result,
        "timeline": dated_timeline(result),
        "warnings": page_warnings(result),
        "settings_lines": result.settings.describe(),
        "state_label": STATE_LABELS.get(case.state, case.state),
        "events": events,
        "actions": actions,
        # each with the clock's limit (the row's cached copy could lag a calendar change)
        "consultations": services.consultation_limits(case, result),
        "extensions": list(case.extensions.select_related("requested_by", "decided_by")),
        "personal": personal,
        "masked_id": mask_id(case.id_number),
        "applicant_type_label": APPLICANT_TYPE_LONG.get(case.applicant_type, case.applicant_type),
        "outcome": outcome,
        "review_hint": review_hint,
        "reopening": reopenings[-1] if reopenings else None,
        "late_steps": result.late_steps,
        "unserved": services.unserved_notices(case) if result.unserved else [],
        "letters": letters.available(case) if personal else [],
        "issued": _issued(case) if personal else [],
        "changes": changelog.change_log(case, personal),
        "provisional": result.provisional_pending,
        "can_edit": permissions.can_edit(user, case.agency) and case.archived_on is None,
        "note_form": forms.NoteForm(prefix="note"),
        "edit_form": (bound.get(EDIT) or _edit_form(case)) if personal and not replied else None,
        "correct_form": (
            (bound.get(CORRECT) or _correct_form(case)) if personal and replied else None
        ),
        "edit_open": EDIT in bound or CORRECT in bound,
        "today": services.today(),
    }


# Bound forms of the registration (not case actions) travel in ``bound`` under these keys.
EDIT, CORRECT = "_edit", "_correct"


@dataclass(frozen=True)
class TimelineStep:
    """A clock step as the case page shows it: only the current due date stands out."""

    step: Step
    superseded: bool  # a due date the clock no longer reports (shown greyed as history)
    history: bool  # greyed: a superseded date, or the provisional note once replied


def dated_timeline(result: ClockResult) -> list[TimelineStep]:
    """The clock's timeline with one source for the due date: a step's date is current when
    it is the one the clock now reports (``result.reply_due``), else history."""
    marked = []
    for s in result.timeline():
        superseded = s.due is not None and s.due != result.reply_due
        provisional_note = s.kind is StepKind.PROVISIONAL and not result.provisional_pending
        marked.append(TimelineStep(s, superseded, superseded or provisional_note))
    return marked


def page_warnings(result: ClockResult) -> list[str]:
    """The clock's warnings to show: the provisional calendar only while the clock runs."""
    if result.provisional_pending or not result.provisional_years:
        return list(result.warnings)
    provisional = provisional_text(result.provisional_years)
    return [w for w in result.warnings if w != provisional]


def _issued(case: Case) -> list[IssuedLetter]:
    return list(
        case.issued_letters.select_related("issued_by")
        .prefetch_related("files")
        .order_by("issued_at", "id")
    )


DETAIL_LABELS = {
    "items": "补正事项",
    "limit_workdays": "补正期限（工作日）",
    "party": "对象",
    "kind": "类型",
    "opinion": "意见",
    "agrees": "同意公开",
    "scheme": "计收方式",
    "quantity": "数量",
    "amount": "金额（元）",
    "lines": "计算",
    "basis": "依据",
    "payment_method": "缴费方式",
    "workdays": "工作日",
    "reason": "理由",
    "review": "复议诉讼登记编号",
    "review_reference": "复议诉讼",
    "approved_by": "批准人",
    "outcome": "办理结果",
    "reply_detail": "说明",
    "provision_method": "提供方式",
    "withheld_description": "不予公开部分",
    "responsible_agency": "负责机关",
    "method": "方式",
    "notice": "告知书",
    "until": "延迟答复至",
    "period": "重新答复期限",
    "unit": "期限单位",
    "decision": "决定书或判决书",
    "consultee": "征求意见对象类型",
    "withheld_reason": "不予公开部分的理由",
    "prohibiting_law": "禁止公开的法律、行政法规",
    "publication_access": "公开出版物的获取途径",
    "note": "备注",
    "text": "备注",
    "complete": "内容完整",
    "clear": "描述明确",
    "ours": "属于本机关",
    "handler": "经办人编号",
    "name": "经办人",
    "fields": "修改项",
    "letter": "文书",
    "title": "标题",
    "format": "格式",
    "oral": "口头申请",
    "deemed_withdrawal": "视为放弃申请",
    "withdrawn": "申请人撤回",
    "description": "补正后内容",
    "published_at": "获取途径",
}
_HIDDEN = {"text_sha256", "sha256", "handler"}
_PERSONAL = {"description"}


def _details(data: dict[str, Any], personal: bool) -> list[tuple[str, str]]:
    shown = []
    for key, value in data.items():
        if key in _HIDDEN or (key in _PERSONAL and not personal):
            continue
        if key == "fields":  # the changed registration fields, by their Chinese names
            text = "、".join(changelog.field_label(str(v)) for v in value)
        elif isinstance(value, bool):
            text = "是" if value else "否"
        elif isinstance(value, list):
            text = "；".join(event_values.value_text(key, v) for v in value)
        else:
            text = event_values.value_text(key, value)
        shown.append((DETAIL_LABELS.get(key, event_values.OTHER_DETAIL), text))
    return shown


def _edit_form(case: Case, data: Any = None) -> forms.EditDetailsForm:
    form = forms.EditDetailsForm(data, instance=case, prefix="edit")
    if data is None:
        form.initial["version"] = case.version
    return form


def _correct_form(case: Case, data: Any = None) -> forms.CorrectDetailsForm:
    form = forms.CorrectDetailsForm(data, instance=case, prefix="correct")
    if data is None:
        form.initial["version"] = case.version
    return form


def _page(request: HttpRequest, case: Case, status: int = 200, **bound: Any) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps only 2xx answers: the refusal travels in the partial and a header.
        response = render(request, "cases/_case_body.html", case_context(request, case, bound))
        if status != 200:
            response["X-Gongkai-Status"] = str(status)
        return response
    return render(request, "cases/detail.html", case_context(request, case, bound), status=status)


def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _get(request, pk))


def _done(request: HttpRequest, case: Case, text: str) -> HttpResponse:
    messages.success(request, text)
    if request.htmx:  # type: ignore[attr-defined]
        case = _get(request, case.pk)
        return _page(request, case)
    return redirect("cases:detail", pk=case.pk)


def _failed(
    request: HttpRequest, case: Case, exc: Exception, key: str | None, form: Any
) -> HttpResponse:
    if isinstance(exc, services.ConflictError):
        messages.error(request, str(exc))
        return _page(request, _get(request, case.pk), status=409)
    if isinstance(exc, services.DuplicateSubmission):
        messages.info(request, str(exc))
        return _page(request, _get(request, case.pk))
    text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    if form is not None:
        form.add_error(None, text)
    else:
        messages.error(request, text)
    bound = {key: form} if key and form is not None else {}
    return _page(request, _get(request, case.pk), status=400, **bound)


@require_POST
def case_action(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    action = ACTIONS.get(key)
    if action is None:
        raise Http404("没有这个操作。")
    case = _get(request, pk, action.right)
    form = _form(key, case, request.POST)
    if not form.is_valid():
        return _page(request, case, status=400, **{key: form})
    data = form.cleaned_data
    try:
        services.run_once(
            data.get("token", ""), request.user, lambda: action.run(case, request.user, data)
        )
    except (
        ValidationError,
        CaseError,
        services.ConflictError,
        services.DuplicateSubmission,
    ) as exc:
        return _failed(request, case, exc, key, form)
    last = case.events.order_by("-seq").first()
    if action.clock_event and last is not None and last.kind == action.clock_event:
        late = services.late_step_of(case, last)
        if late:  # recorded, and the clock says what it does (nothing) and why
            messages.warning(request, f"已记录，但属逾期步骤：{late}")
    return _done(request, case, action.done)


@require_POST
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """修改登记信息 (before the reply)."""
    return _change_details(request, pk, correcting=False)


@require_POST
def case_correct(request: HttpRequest, pk: int) -> HttpResponse:
    """更正登记信息 (after the reply, with a reason; issued letters stay as they were)."""
    return _change_details(request, pk, correcting=True)


def _change_details(request: HttpRequest, pk: int, *, correcting: bool) -> HttpResponse:
    case = _get(request, pk, "edit")
    if not queries.can_see_personal(request.user, case):
        raise PermissionDenied("您无权修改申请人信息。")
    form = (_correct_form if correcting else _edit_form)(case, request.POST)
    key = CORRECT if correcting else EDIT
    if not form.is_valid():  # the form changed the instance: show a clean copy with it
        return _page(request, _get(request, pk), status=400, **{key: form})
    changes = {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in services.EDITABLE_FIELDS
    }
    fresh = _get(request, pk, "edit")  # the form mutated the instance; edit a clean copy
    version = form.cleaned_data["version"]

    def work() -> Any:
        if correcting:
            reason = form.cleaned_data["reason"]
            return services.correct_details(
                fresh, request.user, version=version, reason=reason, **changes
            )
        return services.edit_details(fresh, request.user, version=version, **changes)

    try:
        services.run_once(form.cleaned_data.get("token", ""), request.user, work)
    except (ValidationError, services.ConflictError, services.DuplicateSubmission) as exc:
        # the refusal goes on the form when the page shows it (an edit form is not shown
        # after the reply, a correction form not before it), else in the messages
        if isinstance(exc, ValidationError) and correcting == services.replied_once(fresh):
            form.add_error(None, "；".join(exc.messages))
            return _page(request, _get(request, pk), status=400, **{key: form})
        return _failed(request, fresh, exc, None, None)
    return _done(request, fresh, "登记信息已更正。" if correcting else "登记信息已修改。")


@require_POST
def case_note(request: HttpRequest, pk: int) -> HttpResponse:
    case = _get(request, pk, "edit")
    form = forms.NoteForm(request.POST, request.FILES, prefix="note")
    if not form.is_valid():
        problems = [e for errors in form.errors.values() for e in errors]
        return _failed(request, case, ValidationError(problems), None, None)
    upload = form.cleaned_data.get("attachment")
    try:

        def work() -> Any:
            if upload is not None:
                return services.attach(
                    case,
                    request.user,
                    name=upload.name,
                    content=upload.read(),
                    text=form.cleaned_data["text"],
                )
            return services.add_note(case, request.user, form.cleaned_data["text"])

        services.run_once(form.cleaned_data.get("token", ""), request.user, work)
    except (ValidationError, services.DuplicateSubmission) as exc:
        return _failed(request, case, exc, None, None)
    return _done(request, case, "已添加到案卷。")


@require_POST
def case_letter(request: HttpRequest, pk: int, key: str, fmt: str) -> HttpResponse:
    case = _get(request, pk, "edit")
    if not queries.can_see_personal(request.user, case):
        raise PermissionDenied("您无权生成该案件的文书。")
    try:
        doc = services.generate_letter(case, request.user, key, fmt)
    except (LetterError, letters.LetterUnavailable, CaseError) as exc:
        messages.error(request, f"无法生成文书：{exc}")
        return redirect("cases:detail", pk=case.pk)
    return _download(doc)


def case_document(request: HttpRequest, pk: int, doc: int) -> HttpResponse:
    case = _get(request, pk)
    if not queries.can_see_personal(request.user, case):
        raise PermissionDenied("案卷文件只有本机关工作人员可以查看。")
    document = CaseDocument.objects.filter(case=case, pk=doc).first()
    if document is None:
        raise Http404("没有这个文件。")
    return _download(document)


# What a case file may be served as: the recognised upload kinds and the letters' formats.
# Files stored before uploads were sniffed may carry a browser's claim (text/html …).
SERVED_TYPES = frozenset(
    {kind.content_type for kind in uploads.KINDS} | set(letters.FORMATS.values())
)


def _download(doc: CaseDocument) -> HttpResponse:
    from urllib.parse import quote

    content_type = (
        doc.content_type if doc.content_type in SERVED_TYPES else "application/octet-stream"
    )
    response = HttpResponse(bytes(doc.content), content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(doc.name)}"
    return response
