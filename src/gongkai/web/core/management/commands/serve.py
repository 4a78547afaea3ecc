"""``gongkai web serve [ADDR:PORT]``: the web server and the task queue, as one command.

``runserver`` alone runs no queue, so reminders and mail would never go out. This starts
the huey consumer (``run_huey``, a real queue in its own process) next to ``runserver``,
each in its own process group, and stops both when either stops or on Ctrl-C/SIGTERM.
The consumer runs the reminder job as it starts (``cases.tasks``) and flushes a lock a
killed run may have left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

DEFAULT_ADDRPORT = "127.0.0.1:8000"
STOP_SECONDS = 10  # a graceful stop lets a running task finish, then the group is killed


def site_url(addrport: str) -> str:
    """The address mails link to, from what runserver listens on (``8080``, ``0.0.0.0:80``)."""
    host, _, port = addrport.rpartition(":")
    host = host or "127.0.0.1"
    if host in ("0.0.0.0", "[::]", "::"):
        host = "127.0.0.1"
    return f"http://{host}:{port}"


def _stop(process: subprocess.Popen[bytes], first: signal.Signals) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, first)
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


class Command(BaseCommand):
    help = "启动平台（runserver）和任务队列（run_huey），一起启动、一起停止（Ctrl-C）"
    requires_system_checks = ()  # runserver checks; --skip-checks is passed on

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default=DEFAULT_ADDRPORT)
        parser.add_argument("--noreload", action="store_true", help="修改代码后不自动重启")
        parser.add_argument("--skip-checks", action="store_true", help="启动时不运行系统检查")

    def handle(self, *args: Any, **options: Any) -> None:
        addrport: str = options["addrport"]
        if not addrport.rpartition(":")[2].isdigit():
            raise CommandError(f"地址 {addrport!r} 无效，应为 端口 或 地址:端口，如 127.0.0.1:8000")
        env = dict(os.environ)
        env.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
        env.setdefault("GONGKAI_SITE_URL", site_url(addrport))
        django = [sys.executable, "-m", "django"]
        flags = [
            f"--{name}" for name in ("noreload", "skip-checks") if options[name.replace("-", "_")]
        ]
        web = [*django, "runserver", addrport, *flags]
        children: list[tuple[subprocess.Popen[bytes], signal.Signals]] = []
        if settings.HUEY.get("immediate"):
            self.stdout.write("任务在请求中立即执行（GONGKAI_HUEY_IMMEDIATE=1），不启动任务进程。")
        else:
            queue = [*django, "run_huey", "--flush-locks"]
            children.append((self._start(queue, env), signal.SIGINT))  # SIGINT: graceful
        children.append((self._start(web, env), signal.SIGTERM))
        self.stdout.write(
            f"平台：{env['GONGKAI_SITE_URL']}；任务进程：提醒每 {settings.GONGKAI_REMINDER_MINUTES} "
            f"分钟（启动时先运行一次）；邮件后端：{settings.EMAIL_BACKEND}。按 Ctrl-C 同时停止。"
        )
        sys.exit(self._supervise(children))

    def _start(self, command: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        # Own process group: Ctrl-C reaches only this supervisor, which stops each group
        # whole (runserver's autoreloader runs the server in a child of its own).
        return subprocess.Popen(command, env=env, start_new_session=True)

    def _supervise(self, children: list[tuple[subprocess.Popen[bytes], signal.Signals]]) -> int:
        stopping: list[int] = []

        def stop(signum: int, frame: FrameType | None) -> None:
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        code = 0
        try:
            while not stopping:
                ended = [p for p, _ in children if p.poll() is not None]
                if ended:
                    code = ended[0].returncode or 0
                    self.stderr.write(f"进程 {ended[0].pid} 已退出（{code}），停止其他进程。")
                    break
                time.sleep(0.2)
        finally:
            for process, first in children:
                _stop(process, first)
        return code
