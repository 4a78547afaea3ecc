"""Kinds of agencies, which decide the annual-report deadline (Art. 49; rule E1).

The statutory dates are for 县级以上人民政府部门 (31 January) and the 本级政府 report of a
县级以上地方人民政府 (31 March); development zones, townships and other bodies follow local
rules, so their dates are defaults meant to be configured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AgencyKind:
    key: str
    label: str
    deadline: tuple[int, int]  # (month, day) of the year after the report year
    basis: str


AGENCY_KINDS: dict[str, AgencyKind] = {
    kind.key: kind
    for kind in (
        AgencyKind("government", "人民政府", (3, 31), "《条例》第四十九条第二款"),
        AgencyKind("department", "政府部门", (1, 31), "《条例》第四十九条第一款"),
        AgencyKind("development_zone", "开发区管委会", (1, 31), "地方规定（默认 1 月 31 日）"),
        AgencyKind("township", "乡镇/街道", (1, 31), "地方规定（默认 1 月 31 日）"),
        AgencyKind("other", "其他", (1, 31), "地方规定（默认 1 月 31 日）"),
    )
}


# Name endings that reveal the kind, most specific first (used when the kind is not given).
_NAME_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"(?:乡|镇)人民政府$|街道办事处$|街道$", "township"),
    (
        r"(?:开发区|高新区|园区|实验区|新区|示范区|保税区|汽开区)|管委会$|管理委员会$",
        "development_zone",
    ),
    # The general office (办公厅/办公室) publishes its own report as a department; the
    # 本级政府 report carries the government's own name.
    (r"(?:省|市|县|区|自治州|州|盟|旗)人民政府$", "government"),
    (r"(?:局|厅|委员会|委|办公室|办|署|中心|院)$", "department"),
)


def infer_kind(agency_name: str) -> str | None:
    """The agency kind suggested by its name, or None when the name does not say."""
    name = agency_name.strip()
    for pattern, kind in _NAME_PATTERNS:
        if re.search(pattern, name):
            return kind
    return None
