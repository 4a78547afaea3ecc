from __future__ import annotations

from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "gongkai.web.mail"
    label = "mail"
    verbose_name = "邮件"
