"""A supervisor's ranking of its agencies for one year: an explainable score, in points.

Assessments of 政务公开 work (by supervising offices and third-party evaluators) score what
can be checked: whether applications were answered within the statutory period, whether
any are overdue, whether the annual report was published by its deadline (Art. 49) and
whether its tables add up. The platform records all four, so it can score them the same way
for every agency. The criteria and their weights are data (``CRITERIA``); every score keeps
its parts with the reason for each, so an agency can see exactly how its place was reached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from gongkai.calendar.labels import cn_date

T = TypeVar("T")


@dataclass(frozen=True)
class AgencyYear:
    """What the platform knows of one agency's year."""

    replied: int  # replies issued in the year
    replied_late: int  # of those, issued after the reply due date
    overdue_open: int  # applications still unanswered and past their due date
    report_deadline: dt.date
    report_published: dt.date | None  # the first published version; None: not published
    report_errors: int | None  # findings of the current published version; None: none
    report_warnings: int | None


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    points: int  # the most it can give
    rule: str  # how the points are given, as staff read it
    deduction: int = 0  # points off per item, where the criterion counts items


OVERDUE_DEDUCTION = 5  # per application unanswered past its due date
ERROR_DEDUCTION = 5  # per error of the consistency rules in the annual report
WARNING_DEDUCTION = 1  # per warning
CRITERIA = (
    Criterion(
        "on_time", "按期答复", 40, "按本年答复中未超过答复期限的比例计分；本年没有答复的不扣分"
    ),
    Criterion(
        "overdue",
        "超期未答复",
        20,
        f"截至年底（当年截至今日）仍未答复且已超过答复期限的申请，每件扣 {OVERDUE_DEDUCTION} 分",
        deduction=OVERDUE_DEDUCTION,
    ),
    Criterion(
        "report_published",
        "年度报告按期公开",
        20,
        "按首次公开日期：在公开期限内公开得满分，逾期公开得一半，未发布不得分",
    ),
    Criterion(
        "report_consistent",
        "年度报告审核",
        20,
        f"已发布报告（更正后为最新版本）的审核规则每项错误扣 {ERROR_DEDUCTION} 分、"
        f"每项警告扣 {WARNING_DEDUCTION} 分，未发布不得分",
        deduction=ERROR_DEDUCTION,
    ),
)
_BY_KEY = {c.key: c for c in CRITERIA}
# A report that is not published scores 0 on every report criterion, for this reason.
NOT_PUBLISHED = "未发布年度报告"


@dataclass(frozen=True)
class Part:
    criterion: Criterion
    points: float
    why: str


@dataclass(frozen=True)
class Score:
    parts: tuple[Part, ...]

    @property
    def total(self) -> float:
        return round(sum(p.points for p in self.parts), 1)

    @property
    def out_of(self) -> int:
        return sum(p.criterion.points for p in self.parts)


def _on_time(a: AgencyYear, today: dt.date) -> Part:
    c = _BY_KEY["on_time"]
    if a.replied == 0:
        return Part(c, c.points, "本年没有作出答复，不扣分")
    on_time = a.replied - a.replied_late
    points = round(c.points * on_time / a.replied, 1)
    return Part(c, points, f"本年答复 {a.replied} 件，其中超过答复期限 {a.replied_late} 件")


def _overdue(a: AgencyYear, today: dt.date) -> Part:
    c = _BY_KEY["overdue"]
    points = max(0, c.points - c.deduction * a.overdue_open)
    return Part(c, points, f"超期未答复 {a.overdue_open} 件（每件扣 {c.deduction} 分）")


def _published(a: AgencyYear, today: dt.date) -> Part:
    c = _BY_KEY["report_published"]
    deadline = cn_date(a.report_deadline)
    if a.report_published is None:
        due = "尚未到期" if today <= a.report_deadline else "已过"
        return Part(c, 0, f"{NOT_PUBLISHED}（期限 {deadline}，{due}）")
    if a.report_published <= a.report_deadline:
        return Part(c, c.points, f"{cn_date(a.report_published)}公开，未超过期限 {deadline}")
    return Part(
        c, c.points / 2, f"{cn_date(a.report_published)}公开，超过期限 {deadline}（得一半）"
    )


def _consistent(a: AgencyYear, today: dt.date) -> Part:
    c = _BY_KEY["report_consistent"]
    if a.report_published is None or a.report_errors is None:
        return Part(c, 0, NOT_PUBLISHED)  # a draft nobody can read is not checked work
    warnings = a.report_warnings or 0
    points = max(0, c.points - c.deduction * a.report_errors - WARNING_DEDUCTION * warnings)
    return Part(
        c,
        points,
        f"审核错误 {a.report_errors} 项（每项扣 {c.deduction} 分）、"
        f"警告 {warnings} 项（每项扣 {WARNING_DEDUCTION} 分）",
    )


_SCORERS: dict[str, Callable[[AgencyYear, dt.date], Part]] = {
    "on_time": _on_time,
    "overdue": _overdue,
    "report_published": _published,
    "report_consistent": _consistent,
}


def score(agency_year: AgencyYear, today: dt.date) -> Score:
    return Score(tuple(_SCORERS[c.key](agency_year, today) for c in CRITERIA))


def ranked(items: Sequence[T], key: Callable[[T], float]) -> list[tuple[int, T]]:
    """Highest first; equal scores share a place and the next place is skipped (1, 2, 2, 4).
    The sort is stable, so equal scores keep the order they came in (the agency tree)."""
    ordered = sorted(items, key=key, reverse=True)
    out: list[tuple[int, T]] = []
    for position, item in enumerate(ordered, start=1):
        same = out and key(out[-1][1]) == key(item)
        out.append((out[-1][0] if same else position, item))
    return out
