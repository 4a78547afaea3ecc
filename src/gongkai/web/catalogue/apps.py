from __future__ import annotations

from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "gongkai.web.catalogue"
    label = "catalogue"
    verbose_name = "主动公开目录"
