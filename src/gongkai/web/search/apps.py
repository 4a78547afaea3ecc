from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.web.search"
    label = "search"
    verbose_name = "信息检索"
