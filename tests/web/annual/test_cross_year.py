"""Last year's report, rendered to DOCX and HTML, read back with ``gongkai extract`` and
imported: the cross-year rules pass against this year's generated report, and an import
that disagrees with the records is flagged."""

from __future__ import annotations

import dataclasses
import random

import pytest

import gongkai.extract as extract
from gongkai.render import render
from gongkai.web.annual import builder, services
from gongkai.web.annual.models import ImportedReport
from tests.web.annual.records import MemorySource, random_records
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
CROSS_YEAR = ("C1", "C2", "C3")

if not hasattr(extract, "extract_bytes"):  # pragma: no cover - while extraction is being built
    pytest.skip(
        "gongkai.extract 尚未提供 extract_bytes，跳过往年年报导入测试", allow_module_level=True
    )


def _source(agency_id: int) -> MemorySource:
    source = random_records(agency_id, random.Random(11), count=80)
    # Every reconsideration and lawsuit is decided within the year after it is filed (C3).
    source.reviews[agency_id] = [
        dataclasses.replace(r, concluded=r.filed, result="upheld") if r.concluded is None else r
        for r in source.reviews[agency_id]
    ]
    return source


def _last_year_document(
    tree: Tree, source: MemorySource, target: str, tamper: bool = False
) -> bytes:
    built = builder.build_tables(
        source, [tree.city_dept.pk], 2023, agency_name=tree.city_dept.name, agency_kind="department"
    )
    report = builder.with_sections(built.report, {})
    if tamper:  # a printed report that does not match the records
        assert report.table3 is not None
        report.table3["carried_forward"] = [v + 2 for v in report.table3["carried_forward"]]
    return render(report, target)


@pytest.mark.parametrize("target", ["docx", "html"])
def test_imported_last_year_passes_the_cross_year_rules(tree: Tree, target: str) -> None:
    head = make_user("fz", "head", tree.city_dept)
    source = _source(tree.city_dept.pk)
    data = _last_year_document(tree, source, target)
    imported = services.import_previous(tree.city_dept, data, f"2023年报.{target}", by=head)
    assert imported.year == 2023 and imported.data["table3"]["carried_forward"]
    draft = services.build_report(tree.city_dept, 2024, by=head, source=source)
    assert "导入自" in draft.previous_basis
    cross = [f for f in draft.findings if f["rule"] in CROSS_YEAR]
    assert cross == [], cross


@pytest.mark.parametrize("target", ["docx", "html"])
def test_an_inconsistent_import_is_flagged(tree: Tree, target: str) -> None:
    head = make_user("fz", "head", tree.city_dept)
    source = _source(tree.city_dept.pk)
    services.import_previous(
        tree.city_dept,
        _last_year_document(tree, source, target, tamper=True),
        f"x.{target}",
        by=head,
    )
    draft = services.build_report(tree.city_dept, 2024, by=head, source=source)
    c1 = [f for f in draft.findings if f["rule"] == "C1" and f["severity"] == "warning"]
    assert len(c1) >= 2  # at least the total column and one applicant column


def test_a_document_that_is_not_a_report_is_refused(tree: Tree) -> None:
    from django.core.exceptions import ValidationError

    head = make_user("fz", "head", tree.city_dept)
    with pytest.raises(ValidationError):
        services.import_previous(
            tree.city_dept, "关于做好防汛工作的通知\n各单位：……".encode(), "a.txt", by=head
        )
    assert not ImportedReport.objects.exists()
