"""The only code that writes annual reports: build, edit, run the workflow, publish, import."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.extract import ExtractionFault, NotAReportError, UnreadableError, extract_bytes
from gongkai.report import AnnualReport
from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.annual import builder
from gongkai.web.annual.deadlines import rule_settings
from gongkai.web.annual.models import AnnualReportDraft, ImportedReport, ReportEvent, ReportVersion
from gongkai.web.annual.sources import PlatformSource, RecordSource
from gongkai.web.annual.workflow import EDITABLE_STATES, TRANSITIONS, may
from gongkai.web.contentreview import services as content_review
from gongkai.web.opendata import services as opendata
from gongkai.web.search import services as search_index

SECTION_NUMBERS = ("1", "2", "3", "4", "5", "6")


def can_work_on(by: Any, agency: Agency, scope: str) -> bool:
    if scope == "region":
        role = permissions.role_of(by)
        return bool(role and role.key in ("supervisor", "head") and by.agency_id == agency.pk)
    return permissions.can_edit(by, agency)


def previous_report(
    agency: Agency, year: int, scope: str = "agency"
) -> tuple[AnnualReport | None, str]:
    """Last year's report for the cross-year rules, and what it is.

    The published platform version comes first; then a report imported from the published
    document (``gongkai extract``); then last year's unpublished platform draft.
    """
    last = AnnualReportDraft.objects.filter(agency=agency, year=year - 1, scope=scope).first()
    if last is not None:
        version = last.versions.order_by("-number").first()
        if version is not None:
            return version.report(), f"{year - 1} 年已公开报告（第 {version.number} 版）"
    if scope == "agency":
        imported = ImportedReport.objects.filter(agency=agency, year=year - 1).first()
        if imported is not None:
            return imported.report(), f"{year - 1} 年报告（导入自 {imported.filename}）"
    if last is not None:
        return last.report(), f"{year - 1} 年报告草稿（尚未公开）"
    return None, ""


def _check(draft: AnnualReportDraft, report: AnnualReport) -> None:
    previous, basis = previous_report(draft.agency, draft.year, draft.scope)
    draft.findings = builder.run_rules(report, previous, rule_settings())
    draft.previous_basis = basis


@transaction.atomic
def build_report(
    agency: Agency,
    year: int,
    *,
    by: Any,
    scope: str = "agency",
    source: RecordSource | None = None,
) -> AnnualReportDraft:
    """Create or refresh the draft for ``agency`` and ``year`` from the records.

    Sections staff edited are kept; the others are drafted again with the new figures.
    """
    if not can_work_on(by, agency, scope):
        raise PermissionDenied("您无权编制该机关的年度报告。")
    draft, _ = AnnualReportDraft.objects.select_for_update().get_or_create(
        agency=agency, year=year, scope=scope
    )
    if draft.state not in EDITABLE_STATES:
        raise ValidationError(f"年度报告处于“{draft.get_state_display()}”状态，不能重新生成。")
    try:
        built = builder.build_tables(
            source or PlatformSource(),
            draft.agency_ids,
            year,
            agency_name=agency.name,
            agency_kind=agency.kind,
            region=scope == "region",
        )
    except ValueError as exc:  # a record the statistics cannot count, named in the message
        raise ValidationError(f"业务记录有误，无法生成年度报告：{exc}") from None
    old = (draft.data or {}).get("sections") or {}
    kept = {n: old[n] for n in draft.edited_sections if n in old}
    report = builder.with_sections(built.report, kept)
    draft.data = builder.to_json(report)
    draft.sources = built.sources
    draft.build_warnings = built.warnings
    draft.statistics_basis = built.basis
    draft.built_at = timezone.now()
    _check(draft, report)
    draft.save()
    return draft


def edit_section(draft: AnnualReportDraft, number: str, text: str, *, by: Any) -> AnnualReportDraft:
    return edit_sections(draft, {number: text}, by=by)


@transaction.atomic
def edit_sections(draft: AnnualReportDraft, texts: dict[str, str], *, by: Any) -> AnnualReportDraft:
    """Staff's own text for some sections; rebuilding keeps them (the others are redrafted)."""
    if not can_work_on(by, draft.agency, draft.scope):
        raise PermissionDenied("您无权修改该年度报告。")
    if draft.state not in EDITABLE_STATES:
        raise ValidationError(f"年度报告处于“{draft.get_state_display()}”状态，不能修改。")
    unknown = sorted(set(texts) - set(SECTION_NUMBERS))
    if unknown:
        raise ValidationError(f"没有第 {unknown[0]} 部分。")
    data = dict(draft.data)
    data["sections"] = {**(data.get("sections") or {}), **{n: t.strip() for n, t in texts.items()}}
    draft.data = data
    draft.edited_sections = sorted({*draft.edited_sections, *texts})
    _check(draft, draft.report())  # D1 compares the new text with the tables
    draft.save()
    return draft


def perform(
    draft: AnnualReportDraft,
    action: str,
    *,
    by: Any,
    comment: str = "",
    today: dt.date | None = None,
) -> AnnualReportDraft:
    """Move the report along the workflow (see :mod:`gongkai.web.annual.workflow`).

    Publishing first passes content review, outside the workflow transaction so that the
    review and a refusal stay recorded."""
    transition = TRANSITIONS.get(action)
    if action == "publish" and transition is not None and may(by, transition, draft):
        content_review.require_clear("annual", draft, by=by)
    return _perform(draft, action, by=by, comment=comment, today=today)


@transaction.atomic
def _perform(
    draft: AnnualReportDraft, action: str, *, by: Any, comment: str, today: dt.date | None
) -> AnnualReportDraft:
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ValidationError(f"未知的操作：{action}")
    draft = AnnualReportDraft.objects.select_for_update().select_related("agency").get(pk=draft.pk)
    if draft.state not in transition.sources:
        raise ValidationError(
            f"年度报告处于“{draft.get_state_display()}”状态，不能{transition.label}。"
        )
    if not may(by, transition, draft):
        raise PermissionDenied(f"您无权执行“{transition.label}”。")
    comment = comment.strip()
    if transition.needs_comment and not comment:
        raise ValidationError(f"“{transition.label}”须填写意见或说明。")
    if action == "approve":
        _check(draft, draft.report())
        _refuse_errors(draft, transition.label)
    if action == "submit":
        draft.submitted_at = timezone.now()
    if action == "publish":
        _publish(draft, by=by, today=today or timezone.localdate())
    if action == "correct":
        draft.correction_note = comment
        _start_correction(draft)
    ReportEvent.objects.create(
        draft=draft,
        action=action,
        from_state=draft.state,
        to_state=transition.target,
        comment=comment,
        by=by,
    )
    draft.state = transition.target
    draft.save()
    return draft


def _start_correction(draft: AnnualReportDraft) -> None:
    """The working copy of a correction is not published: its dates are the versions'
    (one source), and its findings are of the text now being corrected."""
    data = {k: v for k, v in draft.data.items() if k not in ("published", "correction")}
    draft.data = data
    _check(draft, draft.report())


def _refuse_errors(draft: AnnualReportDraft, step: str, shown: int = 3) -> None:
    """No approval or publication while a rule reports an error (A1 …, E7 template text),
    each named by its place so staff know what to fix."""
    errors = [f for f in draft.findings if f["severity"] == "error"]
    if not errors:
        return
    named = "；".join(f"{f['rule']}（{f['where']}）{f['message']}" for f in errors[:shown])
    more = f"等 {len(errors)} 个" if len(errors) > shown else ""
    raise ValidationError(
        f"审核发现 {len(errors)} 个错误，不能{step}：{named}{more}。请先修改报告或核对记录。"
    )


def _publish(draft: AnnualReportDraft, *, by: Any, today: dt.date) -> ReportVersion:
    report = draft.report()
    report.published = today
    number = draft.published_version + 1
    note = draft.correction_note if number > 1 else ""
    if number > 1 and not note:
        raise ValidationError("更正后的新版本须说明更正内容。")
    report.extra.pop("correction", None)
    if note:
        first = draft.versions.get(number=1).published_on
        # E1 judges a correction by its first publication (the history is the one source).
        report.extra["correction"] = {
            "version": number,
            "note": note,
            "first_published": first.isoformat(),
        }
    _check(draft, report)  # E1 now knows the publication date
    _refuse_errors(draft, "公开发布")
    data = builder.to_json(report)
    version = ReportVersion.objects.create(
        draft=draft,
        number=number,
        data=data,
        sources=draft.sources,
        findings=draft.findings,
        note=note,
        published_on=today,
        published_by=by if getattr(by, "pk", None) else None,
    )
    draft.data = data
    draft.published_version = number
    draft.correction_note = ""
    search_index.index_annual_version(version)
    opendata.schedule_rebuild(draft.year)  # the year's bulk files, once committed
    return version


@transaction.atomic
def import_previous(
    agency: Agency, data: bytes, filename: str, *, by: Any, year: int | None = None
) -> ImportedReport:
    """Read a published report (any format ``gongkai extract`` reads) as an earlier year's."""
    if not permissions.can_edit(by, agency):
        raise PermissionDenied("您无权为该机关导入年度报告。")
    try:
        extraction = extract_bytes(data, filename)
    except (UnreadableError, NotAReportError, ExtractionFault) as exc:  # the message says which
        raise ValidationError(str(exc)) from None
    report = extraction.report
    report_year = year or report.year
    if report_year is None:
        raise ValidationError(f"{filename}：无法识别报告年度，请指定年度。")
    if year is not None and report.year not in (None, year):
        raise ValidationError(f"{filename}：文件中的报告年度是 {report.year} 年，不是 {year} 年。")
    report.year = report_year
    warnings = [str(w) for w in report.extra.get("warnings", [])]
    report.extra = {}  # provenance is for the extractor's user, not for the rules
    imported, _ = ImportedReport.objects.update_or_create(
        agency=agency,
        year=report_year,
        defaults={
            "data": builder.to_json(report),
            "filename": filename,
            "warnings": warnings,
            "imported_by": by if getattr(by, "pk", None) else None,
        },
    )
    return imported
