"""Demo step: mail addresses for the demo staff, so that the outbox shows the reminder and
new-submission mails they get (the ``.example`` domain is reserved: no real mailbox)."""

from __future__ import annotations

from gongkai.web.accounts import services
from gongkai.web.accounts.demo import DEMO_USERS
from gongkai.web.accounts.models import User
from gongkai.web.core.demo import DemoReport, demo_step

DEMO_DOMAIN = "jianghuai.example"


@demo_step(order=25, title="演示邮箱")
def addresses(report: DemoReport) -> None:
    names = [demo.username for demo in DEMO_USERS]
    given = 0
    for user in User.objects.filter(username__in=names, email="").order_by("pk"):
        services.update_user(user, email=f"{user.username}@{DEMO_DOMAIN}")
        given += 1
    report.note(
        f"演示邮箱：工作人员账号均为 用户名@{DEMO_DOMAIN}（本次设置 {given} 个）；"
        "邮件保存在数据目录的 mail/，系统管理员在“已发送的邮件”中查看"
    )
