"""Ingest throughput of an audit corpus: the web path against the CLI path, same files.

Target: the web path within 1.5× of the CLI path (reports per second per core).

- CLI path: ``gongkai.extract.audit.run_audit`` over the files (one worker = one core);
- web path: an audit project, the files added through ``services.ingest.add_files`` (hash,
  store), each chunk of documents extracted by its queue task and written in one transaction
  per chunk, the project checked when the last one is done — tasks run in this process
  (huey immediate mode), so also one core.

Both paths extract and check every report; the web path also keeps provenance and stores
reports and findings. The files are the shared reports (``../shared/data/reports``, or
``--data``) repeated up to ``--files`` times (copies differ by a trailing newline, so every
copy is a new document by hash). The database is SQLite in a temporary folder unless
DATABASE_URL is set (PostgreSQL: the database is created when missing).

    .venv/bin/python bench/audit_ingest.py [--files 80] [--repeat 3] [--data DIR]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai_bench_ingest .venv/bin/python bench/audit_ingest.py

Scale-out (5,000 reports): ``gongkai audit DIR --workers N`` or ``--dask ADDRESS`` for the
CLI; for the web, run ``gongkai web run_huey -w N`` next to the app — each worker takes
documents from the queue. Exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_RATIO = 1.5
# CPU seconds of this process per path (information: less sensitive to the machine's load
# than elapsed time; the web path's database server, when PostgreSQL, is not included)
_CPU: dict[str, list[float]] = {}
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "reports"
SIDE_FILES = (".json",)  # meta/truth files of the shared data set


def _files(data: Path, count: int, folder: Path) -> list[Path]:
    originals = sorted(p for p in data.iterdir() if p.is_file() and p.suffix not in SIDE_FILES)
    if not originals:
        sys.exit(f"no report files in {data}")
    out: list[Path] = []
    for i in range(count):
        source = originals[i % len(originals)]
        copy = i // len(originals)
        target = folder / f"{copy:03d}-{source.name}"
        content = source.read_bytes()
        if copy and source.suffix in (".txt", ".md", ".html"):
            content += b"\n" * copy
        elif copy:
            continue  # binary copies would be duplicates by hash; skip them
        target.write_bytes(content)
        out.append(target)
    return out


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.web.settings")
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-ingest-"))
    os.environ["GONGKAI_HUEY_IMMEDIATE"] = "1"
    if os.environ.get("DATABASE_URL"):
        sys.path.insert(0, str(Path(__file__).parent))
        from pgdjango import ensure_database

        ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def cli_path(files: list[Path]) -> tuple[float, int]:
    from gongkai.extract.audit import run_audit

    start, cpu = time.perf_counter(), time.process_time()
    result = run_audit(files, workers=1)
    _CPU.setdefault("cli", []).append(time.process_time() - cpu)
    return time.perf_counter() - start, len(result.reports)


def _project() -> tuple[Any, Any]:
    from gongkai.web.accounts import services as accounts
    from gongkai.web.agencies import services as agencies
    from gongkai.web.audits.services import ingest

    agency = agencies.create_agency(name=f"基准测试市人民政府{time.time_ns()}", kind="government")
    user = accounts.create_user(
        username=f"bench{time.time_ns()}", password="Bench-Password-42", full_name="基准",
        role="supervisor", agency=agency,
    )  # fmt: skip
    return ingest.create_project(name="基准", years=[], agency=agency, by=user), user


def cli_path_workers(files: list[Path], workers: int) -> tuple[float, int]:
    from gongkai.extract.audit import run_audit

    start = time.perf_counter()
    result = run_audit(files, workers=workers)
    return time.perf_counter() - start, len(result.reports)


def web_path(files: list[Path]) -> tuple[float, int]:
    from gongkai.web.audits.models import AuditReport
    from gongkai.web.audits.services import ingest

    project, user = _project()
    contents = [(f.name, f.read_bytes()) for f in files]
    start, cpu = time.perf_counter(), time.process_time()
    ingest.add_files(project, contents, by=user)  # enqueue → tasks extract → project checked
    elapsed = time.perf_counter() - start
    _CPU.setdefault("web", []).append(time.process_time() - cpu)
    return elapsed, AuditReport.objects.filter(document__project=project).count()


def command_path(files: list[Path], workers: int) -> tuple[float, int]:
    """The same files stored without queue tasks, then ``audit_extract --workers N``."""
    from django.core.management import call_command

    from gongkai.web.audits.models import AuditDocument, AuditReport
    from gongkai.web.audits.services.files import keep_bytes

    project, _ = _project()
    stored = [(f, *keep_bytes(f.read_bytes(), label=f.name)) for f in files]
    AuditDocument.objects.bulk_create(
        AuditDocument(project=project, name=f.name, file=name, size=f.stat().st_size,
                      sha256=digest)
        for f, name, digest in stored
    )  # fmt: skip
    with open(os.devnull, "w") as quiet:
        start = time.perf_counter()
        call_command("audit_extract", project.pk, workers=workers, stdout=quiet)
        elapsed = time.perf_counter() - start
    return elapsed, AuditReport.objects.filter(document__project=project).count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=80)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (shared machines)")
    parser.add_argument("--workers", type=int, default=1, help="also time N-process pools")
    args = parser.parse_args()
    _setup_django()
    with tempfile.TemporaryDirectory() as folder:
        files = _files(args.data, args.files, Path(folder))
        cli_runs, web_runs, command_runs = [], [], []
        for _ in range(args.repeat):  # interleaved: a load spike on the machine hits all paths
            cli_runs.append(cli_path(files))
            web_runs.append(web_path(files))  # a new project each run
            command_runs.append(command_path(files, 1))
        pool_cli = cli_path_workers(files, args.workers) if args.workers > 1 else None
        pool_web = command_path(files, args.workers) if args.workers > 1 else None
    cli_s, cli_reports = min(cli_runs)
    web_s, web_reports = min(web_runs)
    command_s, command_reports = min(command_runs)
    cli_rate, web_rate = cli_reports / cli_s, web_reports / web_s
    ratio = cli_rate / web_rate
    print(f"files: {len(files)} (one core each path, best of {args.repeat})")
    print(f"CLI path: {cli_reports} reports in {cli_s:.1f} s = {cli_rate:.2f} reports/s/core")
    print(f"web path: {web_reports} reports in {web_s:.1f} s = {web_rate:.2f} reports/s/core")
    print(f"web path, batch (audit_extract --workers 1): {command_reports} reports in "
          f"{command_s:.1f} s = {command_reports / command_s:.2f} reports/s/core")  # fmt: skip
    if pool_cli and pool_web:
        print(f"{args.workers} workers: CLI {pool_cli[1] / pool_cli[0]:.2f} reports/s, "
              f"audit_extract {pool_web[1] / pool_web[0]:.2f} reports/s")  # fmt: skip
    cpu_ratio = min(_CPU["web"]) / min(_CPU["cli"])
    print(f"CPU time of this process: CLI {min(_CPU['cli']):.1f} s, web {min(_CPU['web']):.1f} s "
          f"({cpu_ratio:.2f}×; information)")  # fmt: skip
    print(f"web (queue tasks) is {ratio:.2f}× slower than CLI (target ≤ {TARGET_RATIO}×); "
          f"batch command {cli_rate / (command_reports / command_s):.2f}×")  # fmt: skip
    return 0 if ratio <= TARGET_RATIO and web_reports == cli_reports else 1


if __name__ == "__main__":
    sys.exit(main())
