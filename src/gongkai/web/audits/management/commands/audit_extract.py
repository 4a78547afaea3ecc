"""Extract a project's queued documents on a local process pool or a Dask cluster.

For large corpora (thousands of reports): instead of one queue task per document, the
documents are sent to ``--workers`` processes or to the Dask scheduler at ``--dask``; the
results are stored here and the project is checked once at the end.

    gongkai web audit_extract PROJECT_ID [--workers 8 | --dask tcp://scheduler:8786]
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from gongkai.extract.pool import PoolError
from gongkai.web.audits.models import AuditProject
from gongkai.web.audits.services import checking, extraction

BATCH = 200  # documents held in memory at once


class Command(BaseCommand):
    help = "在进程池或 Dask 集群上提取审核项目中排队的文件，然后审核整个项目"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project", type=int)
        parser.add_argument("--workers", type=int, default=1)
        parser.add_argument("--dask", default=None, help="Dask 调度器地址")

    def handle(self, *args: Any, **options: Any) -> None:
        project = AuditProject.objects.filter(pk=options["project"]).first()
        if project is None:
            raise CommandError(f"没有编号为 {options['project']} 的审核项目")
        queued = list(project.documents.filter(state="queued").exclude(sha256="")
                      .values_list("pk", flat=True))  # fmt: skip
        done = 0
        for start in range(0, len(queued), BATCH):
            try:
                with transaction.atomic():  # one commit per batch: progress is shown per batch
                    done += len(extraction.process_queued(
                        queued[start : start + BATCH],
                        workers=options["workers"], dask_address=options["dask"],
                    ))  # fmt: skip
            except PoolError as problem:
                raise CommandError(str(problem)) from None
            self.stdout.write(f"已提取 {done}/{len(queued)}")
        run = checking.check_project(project)
        self.stdout.write(
            f"报告 {run.reports} 份，发现 {run.current} 条（新增 {run.new}，已解决 {run.resolved}）"
        )
