"""A catalogue item with fictional personal data, secrecy-reviewed and ready to publish."""

from __future__ import annotations

import datetime as dt

from gongkai.web.catalogue import services as catalogue_services
from tests.review.fakes import fake_id
from tests.web.conftest import Tree

SUMMARY = f"申请人：王小明，身份证号{fake_id()}，联系电话13912345678。"


def reviewed_item(tree: Tree, people: dict[str, object], summary: str = SUMMARY) -> object:
    item = catalogue_services.register_item(
        agency=tree.city,
        title="关于政府信息公开申请的答复",
        category="01",
        issuing_body="临川市人民政府",
        formed=dt.date(2024, 3, 1),
        summary=summary,
        by=people["handler"],
    )
    return catalogue_services.approve_secrecy_review(item, by=people["head"])
