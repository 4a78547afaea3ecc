"""Shared set-up of the platform benchmarks: a PostgreSQL database of their own, migrated,
and the timing of a request."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass


def ensure_database(url: str) -> None:
    """Create the benchmark's database on the server of ``url`` unless it exists."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(url: str) -> None:
    """Point the platform at ``url``, start Django and migrate (tasks run inline)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))
    os.environ["GONGKAI_HUEY_IMMEDIATE"] = "1"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def start_platform(default_url: str) -> bool:
    """Start Django on DATABASE_URL, else the benchmark's own database; False (the reason on
    stderr) when that is not PostgreSQL."""
    url = os.environ.get("DATABASE_URL") or default_url
    if not url.startswith("postgres"):
        print(f"{sys.argv[0]} needs PostgreSQL (DATABASE_URL=postgres://…).", file=sys.stderr)
        return False
    ensure_database(url)
    setup_django(url)
    return True


@dataclass(frozen=True)
class Timing:
    """Milliseconds. The machine is shared: elapsed time grows with its load, this process's
    CPU time much less (the database's own time is not in it)."""

    median: float
    p95: float
    cpu: float  # median CPU time of this process

    def columns(self) -> str:
        """Median, p95 and CPU, as the benchmarks' tables print them."""
        return f"{self.median:>10.1f}{self.p95:>10.1f}{self.cpu:>10.1f}"


def measure(call: Callable[[], object], repeat: int) -> Timing:
    """Time ``call`` ``repeat`` times after one warm-up call (templates, query plans)."""
    from django.db import reset_queries

    call()
    times, cpu = [], []
    for _ in range(repeat):
        reset_queries()  # DEBUG would keep every query of the run
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return Timing(statistics.median(times), p95, statistics.median(cpu))
