"""``gongkai web search_rebuild``: rebuild the public search index from what is published."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gongkai.web.search import services
from gongkai.web.search.models import SOURCE_CHOICES


class Command(BaseCommand):
    help = "重建公开检索索引（已公开的主动公开信息、规章和规范性文件、年度报告）"

    def handle(self, *args: Any, **options: Any) -> None:
        counts = services.rebuild()
        labels = dict(SOURCE_CHOICES)
        for key, count in counts.items():
            self.stdout.write(f"{labels[key]}：{count} 条")
