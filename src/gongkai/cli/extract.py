"""``gongkai extract`` and ``gongkai audit``: read published reports, check them in bulk."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from gongkai.cli.app import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_NOT_A_REPORT,
    EXIT_OK,
    EXIT_UNREADABLE,
    app,
    console,
    err_console,
)
from gongkai.extract import Extraction, Failure
from gongkai.extract.audit import (
    STATUS_LABELS,
    AuditError,
    AuditResult,
    guarded,
    run_audit,
    summary_sentence,
    write_result,
)
from gongkai.rules import RULES, SEVERITY_LABELS, Severity

_TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}


def _summary(extraction: Extraction) -> None:
    report = extraction.report
    extra = report.extra
    found = [name for key, name in _TABLE_NAMES.items() if getattr(report, key) is not None]
    table = Table(title=f"{extraction.source}", show_header=False)
    table.add_column("项目", style="bold")
    table.add_column("内容", overflow="fold")
    source = extra.get("source", {})
    encoding = f"，编码 {source.get('encoding')}" if source.get("encoding") else ""
    rows = (
        ("文件类型", f"{extraction.kind}{encoding}"),
        ("机关", report.agency or "（未识别）"),
        ("年度", str(report.year or "（未识别）")),
        ("表格格式", report.format or "（未找到表格）"),
        ("发布日期", report.published.isoformat() if report.published else "（未注明）"),
        ("找到的表格", "、".join(found) or "无（规则 E6）"),
        ("正文部分", "、".join(sorted((report.sections or {}).keys())) or "无"),
    )
    for label, value in rows:
        table.add_row(label, value)
    console.print(table)
    for warning in extra.get("warnings", []):
        console.print(f"[yellow]警告[/yellow]：{warning}")
    for cell in extra.get("ambiguous_cells", []):
        others = "；".join(str(a) for a in cell["alternatives"][:3])
        console.print(
            f"[cyan]有歧义[/cyan]：{_TABLE_NAMES.get(cell['table'], cell['table'])}"
            f"「{cell['row']}」印作“{cell.get('printed', '')}”，取 {cell['chosen']}（另可读作 {others}）"
        )


_FAILURE_EXITS = {"internal": EXIT_INTERNAL, "unreadable": EXIT_UNREADABLE,
                  "not_report": EXIT_NOT_A_REPORT}  # fmt: skip


def _exit_status(kinds: set[str]) -> int:
    """The gravest failure decides (internal error, then unreadable input, then not a report)."""
    return next((code for kind, code in _FAILURE_EXITS.items() if kind in kinds), EXIT_OK)


@app.command("extract")
def extract_command(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="已发布的年度报告文件")],
    as_json: Annotated[
        bool, typer.Option("--json", help="每份报告输出一行规范 JSON（JSON Lines）")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入文件（默认标准输出）")
    ] = None,
) -> None:
    """从已发布的年度报告（TXT/MD/HTML/PDF/DOCX/JSON/CSV）中提取数据，带出处。"""
    kinds: set[str] = set()
    try:
        sink = output.open("w", encoding="utf-8") if output is not None else None
    except OSError as exc:
        err_console.print(f"[red]无法写入[/red] {output}：{exc.strerror or exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    try:
        for path in files:
            # One report at a time: a dump of thousands is written as it is read, not held.
            for outcome in guarded(str(path)):
                if isinstance(outcome, Failure):
                    kinds.add(outcome.kind)
                    err_console.print(f"[red]{STATUS_LABELS[outcome.kind]}[/red] {outcome.message}")
                elif sink is not None:  # -o without --json still writes data, not a summary
                    sink.write(outcome.to_json() + "\n")
                elif as_json:
                    typer.echo(outcome.to_json())
                else:
                    _summary(outcome)
    finally:
        if sink is not None:
            sink.close()
    raise typer.Exit(_exit_status(kinds))


def _print_audit(result: AuditResult) -> None:
    info = result.summary()
    console.print(summary_sentence(info), soft_wrap=True)
    by_rule = result.findings_by_rule()
    if by_rule:
        table = Table(title="按规则统计的问题")
        for header in ("规则", "内容", "问题数", "其中错误"):
            table.add_column(header)
        errors = Counter(
            f.rule for e in result.reports for f in e.findings if f.severity is Severity.ERROR
        )
        for rule in sorted(by_rule):
            title = RULES[rule].title if rule in RULES else ""
            table.add_row(rule, title, str(by_rule[rule]), str(errors[rule]))
        console.print(table)
    severity = result.findings_by_severity()
    if severity:
        console.print(
            "，".join(f"{SEVERITY_LABELS[Severity(s)]} {n}" for s, n in sorted(severity.items()))
        )
    for entry in result.failures:
        console.print(f"[red]{STATUS_LABELS[entry.status]}[/red] {entry.message}", soft_wrap=True)


@app.command("audit")
def audit_command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="报告文件或文件夹")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="结果文件：.json、.csv、.xlsx 或 .html")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="并行进程数")] = 1,
    dask: Annotated[
        str | None, typer.Option("--dask", metavar="SCHEDULER_ADDRESS", help="在 Dask 集群上提取")
    ] = None,
) -> None:
    """批量提取并审核年度报告（含同一机关相邻年度的跨年度规则）。"""
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, console=err_console, transient=True) as bar:
            task = bar.add_task("提取与审核", total=None)

            def progress(done: int, total: int, name: str) -> None:
                bar.update(task, completed=done, total=total, description=Path(name).name[:30])

            result = run_audit(paths, workers=workers, progress=progress, dask_address=dask)
        if output is not None:
            write_result(result, output)
    except AuditError as exc:
        err_console.print(f"[red]无法完成审核[/red]：{exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    _print_audit(result)
    if output is not None:
        console.print(f"结果已写入 {output}", soft_wrap=True)
    raise typer.Exit(EXIT_FINDINGS if result.has_errors() else EXIT_OK)
