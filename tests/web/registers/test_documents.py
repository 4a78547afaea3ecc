"""The register of 规章 and 行政规范性文件: issue, amend, repeal/expire, in force at a date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.statistics import YearFigures, table2_for_year
from gongkai.web.registers import services
from gongkai.web.registers.models import RegulatoryDocument
from gongkai.web.registers.statistics import document_records
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db
D = dt.date


def _doc(
    tree: Tree, user: object, issued: dt.date, kind: str = "normative_documents"
) -> RegulatoryDocument:
    return services.register_document(
        agency=tree.city,
        kind=kind,
        title=f"关于{issued}的通知",
        issued=issued,
        by=user,
        document_number=f"临政规〔{issued.year}〕{issued.month}号",
        published=issued,
    )


def test_in_force_at_any_date(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    a = _doc(tree, user, D(2021, 3, 1))
    b = _doc(tree, user, D(2022, 6, 1))
    services.end_document(
        a, on=D(2023, 1, 10), reason="repealed", by=user, basis="临政发〔2023〕1号"
    )
    in_force = RegulatoryDocument.objects.in_force_on
    assert set(in_force(D(2022, 12, 31))) == {a, b}
    assert set(in_force(D(2023, 1, 10))) == {b}  # not in force on the day it is repealed
    assert set(in_force(D(2021, 2, 28))) == set()
    assert a.status_label == "废止" and b.status_label == "现行有效"
    # The queryset and the statistics' record agree on every day.
    for day in (D(2021, 3, 1), D(2023, 1, 9), D(2023, 1, 10)):
        assert a.in_force(day) == in_force(day).filter(pk=a.pk).exists()


def test_amendment_keeps_one_document(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    doc = _doc(tree, user, D(2021, 3, 1))
    services.amend_document(doc, on=D(2022, 5, 5), note="修订第三条", by=user)
    table = table2_for_year(document_records([tree.city.pk]), YearFigures(), 2022).values
    assert table["normative_documents"] == [0, 0, 1]
    with pytest.raises(ValidationError):
        services.amend_document(doc, on=D(2020, 1, 1), note="x", by=user)


def test_expiry_counts_in_table2_as_repealed(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    a = _doc(tree, user, D(2022, 3, 1), kind="regulations")
    _doc(tree, user, D(2022, 4, 1), kind="regulations")
    services.end_document(a, on=D(2022, 9, 1), reason="expired", by=user)
    table = table2_for_year(document_records([tree.city.pk]), YearFigures(), 2022).values
    assert table["regulations"] == [2, 1, 1]


def test_end_twice_and_bad_dates_are_refused(tree: Tree) -> None:
    user = make_user("h", "handler", tree.city)
    doc = _doc(tree, user, D(2022, 3, 1))
    with pytest.raises(ValidationError):
        services.end_document(doc, on=D(2021, 1, 1), reason="repealed", by=user)
    doc.refresh_from_db()
    services.end_document(doc, on=D(2023, 1, 1), reason="repealed", by=user)
    with pytest.raises(ValidationError, match="已于"):
        services.end_document(doc, on=D(2023, 2, 1), reason="expired", by=user)


def test_other_agencies_cannot_register(tree: Tree) -> None:
    outsider = make_user("o", "handler", tree.other_city)
    supervisor = make_user("s", "supervisor", tree.city)
    for user in (outsider, supervisor):  # a supervisor sees the subtree but edits only its own
        with pytest.raises(PermissionDenied):
            services.register_document(
                agency=tree.city_dept, kind="regulations", title="x", issued=D(2022, 1, 1), by=user
            )
