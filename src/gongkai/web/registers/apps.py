from __future__ import annotations

from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "gongkai.web.registers"
    label = "registers"
    verbose_name = "规章和规范性文件登记"
