"""审核 and 补正: the review of a new application and the correction it may call for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.clock import EventType
from gongkai.web.cases.models import Case, CaseEvent
from gongkai.web.cases.services.log import append_event
from gongkai.web.cases.services.pinned import today


def review(
    case: Case,
    by: Any,
    *,
    version: int,
    complete: bool,
    clear: bool,
    ours: bool,
    note: str = "",
    responsible_agency: str = "",
) -> CaseEvent:
    """审核: the three questions of Art. 29–30/36. The answer picks the next step (shown)."""
    return append_event(
        case,
        by,
        "reviewed",
        today(),
        {
            "complete": complete,
            "clear": clear,
            "ours": ours,
            "note": note,
            "responsible_agency": responsible_agency,
        },
        version=version,
    )


def review_next_step(data: Mapping[str, Any]) -> str:
    """What a review result calls for, in the words staff read."""
    if not data.get("ours"):
        return "不属于本机关：以“本机关不掌握相关政府信息”答复，能够确定负责公开机关的，告知其名称和联系方式（第三十六条第（五）项）"
    if not (data.get("complete") and data.get("clear")):
        return "内容不完整或不明确：在收到申请之日起7个工作日内一次性告知补正（第三十条）"
    return "审核通过：进入办理（检索、征求意见、作出决定）"


def request_correction(
    case: Case,
    by: Any,
    *,
    version: int,
    date: dt.date,
    items: list[str],
    limit_workdays: int | None = None,
) -> CaseEvent:
    items = [i.strip() for i in items if i.strip()]
    if not items:
        raise ValidationError("补正告知应写明需要补正的事项。")
    return append_event(
        case,
        by,
        EventType.CORRECTION_REQUESTED.value,
        date,
        {"items": items, "limit_workdays": limit_workdays},
        version=version,
    )


def receive_correction(
    case: Case, by: Any, *, version: int, date: dt.date, note: str = "", description: str = ""
) -> CaseEvent:
    with transaction.atomic():
        event = append_event(
            case,
            by,
            EventType.CORRECTION_RECEIVED.value,
            date,
            {"note": note, "description": description},
            version=version,
        )
        if description.strip():
            case.description = description.strip()
            case.save(update_fields=["description"])
    return event
