from __future__ import annotations

from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "gongkai.web.audits"
    label = "audits"
    verbose_name = "年报审核"
