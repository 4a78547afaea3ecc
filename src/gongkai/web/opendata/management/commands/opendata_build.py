"""``gongkai web opendata_build [--year Y]``: (re)build the open-data files now, e.g. after
deployment or a restore; without ``--year`` every year whose files are out of date."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gongkai.web.opendata import services


class Command(BaseCommand):
    help = "生成开放数据批量下载文件（默认只重建过期的年度）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, help="只重建这一年度")

    def handle(self, *args: Any, **options: Any) -> None:
        years = [options["year"]] if options["year"] else services.stale_years()
        for year in years:
            built = services.rebuild_year(year, force=bool(options["year"]))
            count = built.report_count if built else 0
            self.stdout.write(f"{year} 年度：{count} 份已公开的报告")
        if not years:
            self.stdout.write("各年度的文件都是最新的。")
