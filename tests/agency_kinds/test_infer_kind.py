"""The agency kind read from a name decides the annual-report deadline (Art. 49, rule E1)."""

import pytest

from gongkai.agency_kinds import AGENCY_KINDS, infer_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("淮安市洪泽区人民政府", "government"),  # 本级政府 report: 31 March
        ("河北省人民政府", "government"),
        ("上海市人民政府办公厅", "department"),  # the office's own report: 31 January
        ("某区人民政府办公室", "department"),
        ("河北省科学技术厅", "department"),
        ("某县教育局", "department"),
        ("某镇人民政府", "township"),
        ("某街道办事处", "township"),
        ("平潭综合实验区管委会", "development_zone"),
        ("某某协会", None),
    ],
)
def test_kind_from_name(name: str, kind: str | None) -> None:
    assert infer_kind(name) == kind


def test_deadlines_follow_article_49() -> None:
    assert AGENCY_KINDS["department"].deadline == (1, 31)
    assert AGENCY_KINDS["government"].deadline == (3, 31)
