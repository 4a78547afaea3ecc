from __future__ import annotations

from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "gongkai.web.opendata"
    label = "opendata"
    verbose_name = "开放数据"
