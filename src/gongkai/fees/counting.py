"""Which application of the month a case is: per applicant, per calendar month, per agency."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.fees.schemes import FeeError


@dataclass(frozen=True, slots=True)
class ApplicationRecord:
    case_id: str
    applicant: str  # a stable applicant identity (e.g. the platform's applicant id)
    agency: str
    received: dt.date  # the date of receipt (Art. 31)


def monthly_position(records: Iterable[ApplicationRecord], case_id: str) -> int:
    """The 1-based position of ``case_id`` among its applicant's applications to the same
    agency in the same calendar month, ordered by date of receipt (then by input order)."""
    items = list(records)
    target = next((r for r in items if r.case_id == case_id), None)
    if target is None:
        raise FeeError(f"没有案件 {case_id!r} 的申请记录")
    same = [
        (r.received, i, r.case_id)
        for i, r in enumerate(items)
        if r.applicant == target.applicant
        and r.agency == target.agency
        and (r.received.year, r.received.month) == (target.received.year, target.received.month)
    ]
    same.sort()
    return 1 + next(i for i, (_, _, cid) in enumerate(same) if cid == case_id)


__all__ = ["ApplicationRecord", "monthly_position"]
