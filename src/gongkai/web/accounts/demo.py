"""Demo step: users of every role in the demo province, with one printed demo password."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import make_password

from gongkai.web.accounts import services
from gongkai.web.accounts.models import User
from gongkai.web.accounts.roles import ROLES
from gongkai.web.agencies.demo import agencies_by_key
from gongkai.web.core.demo import DEMO_PASSWORD, Credential, DemoReport, demo_step


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    role: str
    agency: str | None  # key in DEMO_AGENCIES


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "系统管理员", "admin", None),
    DemoUser("jh-zhuguan", "周文清", "supervisor", "jh"),
    DemoUser("lc-zhuguan", "陈立新", "supervisor", "lc"),
    DemoUser("dh-zhuguan", "孙晓燕", "supervisor", "dh"),
    DemoUser("jyt-fuze", "王建国", "head", "jh-jyt"),
    DemoUser("jyt-jingban", "李静", "handler", "jh-jyt"),
    DemoUser("lcjyj-fuze", "赵海峰", "head", "lc-jyj"),
    DemoUser("lcjyj-jingban", "刘洋", "handler", "lc-jyj"),
    DemoUser("lczrzy-fuze", "钱志强", "head", "lc-zrzyj"),
    DemoUser("lczrzy-jingban", "吴敏", "handler", "lc-zrzyj"),
    DemoUser("gxq-fuze", "郑凯", "head", "lc-gxq"),
    DemoUser("gxq-jingban", "何雨桐", "handler", "lc-gxq"),
    DemoUser("dh-fuze", "黄志明", "head", "dh"),
    DemoUser("dh-jingban", "林晓", "handler", "dh"),
    DemoUser("hbjd-fuze", "高峰", "head", "dh-hbjd"),
    DemoUser("hbjd-jingban", "马丽", "handler", "dh-hbjd"),
    DemoUser("gjj-jingban", "许文博", "handler", "lc-gjj"),
)


@demo_step(order=20, title="演示账号")
def users(report: DemoReport) -> None:
    agencies = agencies_by_key()
    hashed = make_password(DEMO_PASSWORD)  # one slow hash for all demo accounts
    new = 0
    for demo in DEMO_USERS:
        agency = agencies[demo.agency] if demo.agency else None
        user = User.objects.filter(username=demo.username).first()
        fields: dict[str, Any] = {"full_name": demo.full_name, "role": demo.role, "agency": agency}
        if user is None:
            services.create_user(
                username=demo.username, password=DEMO_PASSWORD, prehashed=hashed, **fields
            )
            new += 1
        else:  # keep the printed credentials valid even if someone changed them
            services.update_user(
                user, password=DEMO_PASSWORD, prehashed=hashed, is_active=True, **fields
            )
        report.credentials.append(
            Credential(
                demo.username,
                DEMO_PASSWORD,
                ROLES[demo.role].label,
                agency.name if agency else "（全平台）",
                demo.full_name,
            )
        )
    report.note(f"账号：{len(DEMO_USERS)} 个（本次新建 {new} 个）")
