"""A small published world for the API tests, with things that must never leak.

Published: the city department's 2024 report (version 1, then a correction, version 2),
the district's 2024 report; catalogue items and register documents with a publication date.
Never public: the street office's 2024 report (approved, not published); the department's
draft text after a third correction began; an item awaiting secrecy review; an item
withdrawn (changed after publication); a register entry without publication date; an
inactive agency; applicants' names, ID numbers, phones and addresses of cases.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache

from gongkai.web.agencies import services as agency_services
from gongkai.web.agencies.models import Agency
from gongkai.web.annual import services as annual
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.cases import services as cases
from gongkai.web.cases.models import Case
from gongkai.web.catalogue import services as catalogue
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.registers import services as registers
from tests.web.annual.records import random_records
from tests.web.conftest import Tree, make_user

D = dt.date
# Strings that only unpublished or personal records hold: no API answer may contain them.
SECRETS = (
    "未公开的街道报告",
    "尚未发布的更正草稿",
    "待保密审查的内部信息",
    "已撤回的信息",
    "未公开的规范性文件",
    "已停用机关",
    "张三丰",
    "110101199003071234",
    "13800000000",
    "临川市人民路1号",
    "zhang@example.com",
    "老旧小区改造项目的招标文件",
)
APPLICANT: dict[str, Any] = {
    "applicant_type": "natural_person",
    "applicant_name": "张三丰",
    "id_type": "id_card",
    "id_number": "110101199003071234",
    "phone": "13800000000",
    "address": "临川市人民路1号",
    "description": "2024年临川市老旧小区改造项目的招标文件",
    "form_wanted": "electronic",
    "delivery_wanted": "email",
    "email": "zhang@example.com",
}
PUBLISH_STEPS = (("approve", "head"), ("submit", "handler"), ("accept", "supervisor"))


@dataclass
class World:
    tree: Tree
    people: dict[str, Any]
    versions: dict[str, ReportVersion] = field(default_factory=dict)
    items: dict[str, DisclosureItem] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    inactive: Agency | None = None


def _staff(tree: Tree, agency: Agency, prefix: str) -> dict[str, Any]:
    return {
        "handler": make_user(f"{prefix}-jb", "handler", agency),
        "head": make_user(f"{prefix}-fz", "head", agency),
    }


# the sections staff write themselves (the drafted ones hold template prompts, rule E7)
TEXTS = {
    "1": "本机关认真贯彻《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。",
    "5": "存在的主要问题是主动公开内容不够全面，下一步将进一步完善公开目录。",
    "6": "本年度未收取信息处理费。",
}


def _written(draft: AnnualReportDraft, by: Any, **texts: str) -> AnnualReportDraft:
    return annual.edit_sections(draft, TEXTS | texts, by=by)


def _through_workflow(draft: AnnualReportDraft, people: dict[str, Any], publish: bool) -> Any:
    for action, who in PUBLISH_STEPS:
        draft = annual.perform(draft, action, by=people[who], today=D(2025, 1, 20))
    if publish:
        draft = annual.perform(draft, "publish", by=people["head"], today=D(2025, 1, 20))
    return draft


def build_world(tree: Tree) -> World:
    cache.clear()  # the API's rate-limit counts
    supervisor = make_user("api-zg", "supervisor", tree.city)
    dept = _staff(tree, tree.city_dept, "dept") | {"supervisor": supervisor}
    district = _staff(tree, tree.district, "district") | {"supervisor": supervisor}
    street = _staff(tree, tree.street, "street") | {"supervisor": supervisor}
    world = World(tree, {"supervisor": supervisor, "dept": dept, "district": district})

    # the department: published, corrected (version 2), then a third correction in draft
    draft = annual.build_report(
        tree.city_dept,
        2024,
        by=dept["handler"],
        source=random_records(tree.city_dept.pk, random.Random(3)),
    )
    draft = _through_workflow(_written(draft, dept["handler"]), dept, publish=True)
    draft = annual.perform(draft, "correct", by=dept["head"], comment="更正表3数字")
    draft = _through_workflow(draft, dept, publish=True)
    draft = annual.perform(draft, "correct", by=dept["head"], comment="再次更正")
    annual.edit_section(draft, "6", "尚未发布的更正草稿。", by=dept["handler"])
    first, second = draft.versions.order_by("number")
    world.versions |= {"dept_v1": first, "dept_v2": second}

    draft = annual.build_report(
        tree.district,
        2024,
        by=district["handler"],
        source=random_records(tree.district.pk, random.Random(5)),
    )
    draft = _through_workflow(_written(draft, district["handler"]), district, publish=True)
    world.versions["district"] = draft.versions.get()

    draft = annual.build_report(
        tree.street,
        2024,
        by=street["handler"],
        source=random_records(tree.street.pk, random.Random(7)),
    )
    draft = _written(draft, street["handler"], **{"1": "未公开的街道报告。"})
    _through_workflow(draft, street, publish=False)

    # the catalogue: published, awaiting review, withdrawn (changed after publication)
    def item(title: str, formed: dt.date) -> DisclosureItem:
        return catalogue.register_item(
            agency=tree.city_dept,
            title=title,
            category="07",
            issuing_body="临川市教育局",
            formed=formed,
            by=dept["handler"],
        )

    published = item("2024年部门预算", D(2024, 2, 1))
    catalogue.approve_secrecy_review(published, by=dept["head"])
    catalogue.publish_item(published, on=D(2024, 2, 5), by=dept["handler"])
    second_item = item("2024年部门决算", D(2024, 6, 1))
    catalogue.approve_secrecy_review(second_item, by=dept["head"])
    catalogue.publish_item(second_item, on=D(2024, 6, 3), by=dept["handler"])
    item("待保密审查的内部信息", D(2024, 3, 1))
    withdrawn = item("已撤回的信息", D(2024, 4, 1))
    catalogue.approve_secrecy_review(withdrawn, by=dept["head"])
    catalogue.publish_item(withdrawn, on=D(2024, 4, 2), by=dept["handler"])
    catalogue.record_change(withdrawn, changed=D(2024, 5, 1), by=dept["handler"])
    world.items = {"published": published, "second": second_item}

    # the register: in force, repealed, unpublished
    registers.register_document(
        agency=tree.city_dept,
        kind="normative_documents",
        title="临川市教育收费管理办法",
        issued=D(2023, 1, 10),
        published=D(2023, 1, 12),
        by=dept["handler"],
    )
    old = registers.register_document(
        agency=tree.city_dept,
        kind="normative_documents",
        title="临川市旧办法",
        issued=D(2020, 1, 10),
        published=D(2020, 1, 12),
        by=dept["handler"],
    )
    registers.end_document(
        old, on=D(2024, 7, 1), reason="repealed", basis="新办法施行", by=dept["handler"]
    )
    registers.register_document(
        agency=tree.city_dept,
        kind="normative_documents",
        title="未公开的规范性文件",
        issued=D(2024, 1, 10),
        by=dept["handler"],
    )

    # an inactive agency (never listed) and cases with an applicant's personal data
    world.inactive = agency_services.create_agency(
        name="已停用机关", kind="department", parent=tree.city
    )
    Agency.objects.filter(pk=world.inactive.pk).update(is_active=False)
    world.cases["overdue"] = cases.register(
        tree.city_dept,
        dept["handler"],
        channel="in_person",
        submitted_on=D(2025, 3, 3),
        **APPLICANT,
    )
    world.cases["other"] = cases.register(
        tree.other_dept,
        make_user("other-jb", "handler", tree.other_dept),
        channel="in_person",
        submitted_on=D(2025, 3, 3),
        **APPLICANT,
    )
    return world
