"""Agencies as a tree: materialised paths, subtree and ancestor queries, moves."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.web.agencies import services
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.models.agency import SEGMENT_WIDTH, path_ids, subtree_bounds
from tests.web.conftest import Tree


def test_paths_and_levels_follow_the_parents(tree: Tree) -> None:
    for agency in tree.all():
        parent = agency.parent
        assert agency.level == (parent.level + 1 if parent else 0)
        assert agency.path == (parent.path if parent else "") + f"{agency.pk:0{SEGMENT_WIDTH}d}"
        assert path_ids(agency.path)[-1] == agency.pk


def test_subtree_includes_all_descendants_and_nothing_else(tree: Tree) -> None:
    assert set(Agency.objects.subtree(tree.city)) == {
        tree.city,
        tree.city_dept,
        tree.district,
        tree.street,
    }
    assert set(Agency.objects.subtree(tree.city, include_self=False)) == {
        tree.city_dept,
        tree.district,
        tree.street,
    }
    assert set(Agency.objects.subtree(tree.street)) == {tree.street}
    assert set(Agency.objects.subtree(tree.province)) == set(tree.all())


def test_subtree_is_one_range_query_without_recursion(tree: Tree) -> None:
    with CaptureQueriesContext(connection) as queries:
        list(Agency.objects.subtree(tree.province))
    assert len(queries) == 1
    sql = queries[0]["sql"]
    assert ">=" in sql and "<" in sql and "LIKE" not in sql.upper()


def test_subtree_bounds_do_not_catch_siblings_with_a_common_prefix() -> None:
    low, high = subtree_bounds("00000010000002")
    assert low <= "00000010000002" < high
    assert low <= "000000100000020000099" < high
    assert not low <= "00000010000003" < high
    assert not low <= "0000001000001" + "2" < high  # segment 0000012 ≠ 0000002


def test_ancestors_in_order(tree: Tree) -> None:
    assert list(Agency.objects.ancestors_of(tree.street)) == [
        tree.province,
        tree.city,
        tree.district,
    ]
    assert list(Agency.objects.ancestors_of(tree.province)) == []
    assert tree.street.is_in_subtree_of(tree.city) and not tree.city.is_in_subtree_of(tree.street)


def test_move_reattaches_the_whole_subtree(tree: Tree) -> None:
    services.move_agency(tree.district, tree.other_city)
    for agency in tree.all():
        agency.refresh_from_db()
    assert tree.district.parent == tree.other_city
    assert tree.district.level == 2 and tree.street.level == 3
    assert tree.street.path.startswith(tree.other_city.path)
    assert set(Agency.objects.subtree(tree.city)) == {tree.city, tree.city_dept}
    assert tree.street in Agency.objects.subtree(tree.other_city)


def test_move_into_own_subtree_is_refused(tree: Tree) -> None:
    with pytest.raises(ValidationError, match="下级机关"):
        services.move_agency(tree.city, tree.street)


def test_move_to_the_top(tree: Tree) -> None:
    services.move_agency(tree.other_city, None)
    tree.other_dept.refresh_from_db()
    assert tree.other_dept.level == 1 and tree.other_dept.path.startswith(tree.other_city.path)


def test_names_are_unique_among_siblings_only(tree: Tree) -> None:
    services.create_agency(name="城关镇人民政府", kind="township", parent=tree.district)
    services.create_agency(name="城关镇人民政府", kind="township", parent=tree.other_city)
    with pytest.raises(ValidationError):
        services.create_agency(name="城关镇人民政府", kind="township", parent=tree.district)


def test_kinds_come_from_the_core_table(db: None) -> None:
    choices = dict(Agency._meta.get_field("kind").choices)
    assert choices == {k.key: k.label for k in AGENCY_KINDS.values()}
    with pytest.raises(ValidationError):
        services.create_agency(name="某机构", kind="ministry")


def test_credit_code_is_validated_and_unique(tree: Tree) -> None:
    with pytest.raises(ValidationError, match="校验码"):
        services.create_agency(
            name="甲局", kind="department", parent=tree.city, credit_code="11100000000013127A"
        )
    services.create_agency(
        name="乙局", kind="department", parent=tree.city, credit_code="11100000000013127D"
    )
    with pytest.raises(ValidationError):
        services.create_agency(
            name="丙局", kind="department", parent=tree.city, credit_code="11100000000013127D"
        )
    # Blank codes are allowed many times.
    services.create_agency(name="丁局", kind="department", parent=tree.city)


def test_report_deadline_follows_the_kind(tree: Tree) -> None:
    assert tree.city.report_deadline == "次年 3 月 31 日前"
    assert tree.city_dept.report_deadline == "次年 1 月 31 日前"


def test_contact_update_requires_manage_rights(tree: Tree, role_users: dict) -> None:
    from django.core.exceptions import PermissionDenied

    services.update_contact(tree.city, by=role_users["head"], office_phone="0552-1234567")
    tree.city.refresh_from_db()
    assert tree.city.office_phone == "0552-1234567"
    with pytest.raises(PermissionDenied):
        services.update_contact(tree.city, by=role_users["handler"], office_phone="0")
    with pytest.raises(PermissionDenied):
        services.update_contact(tree.city_dept, by=role_users["head"], office_phone="0")


def test_a_large_tree_stays_one_query(db: None) -> None:
    root = services.create_agency(name="大省人民政府", kind="government")
    Agency.objects.bulk_create(
        Agency(
            name=f"机关{i}",
            kind="department",
            parent=root,
            level=1,
            path=root.path + f"{9_000_000 + i:07d}",
        )
        for i in range(2000)
    )
    with CaptureQueriesContext(connection) as queries:
        assert Agency.objects.subtree(root).count() == 2001
    assert len(queries) == 1
