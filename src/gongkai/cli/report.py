"""``gongkai check``: run the consistency rules on a canonical report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.cli.app import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNREADABLE,
    app,
    console,
    err_console,
)
from gongkai.report import AnnualReport, ReportReadError, ReportShapeError, load
from gongkai.rules import RULES, SEVERITY_LABELS, Finding, Severity, check, has_errors
from gongkai.rules.location import describe

_STYLE = {
    Severity.ERROR: "bold red",
    Severity.WARNING: "yellow",
    Severity.INFO: "cyan",
    Severity.CANNOT_ASSESS: "dim",
}


def read_report(path: Path) -> AnnualReport:
    """Load a report or leave with exit status 2 and the reason."""
    try:
        return load(path)
    except ReportReadError as exc:  # its message names the file
        err_console.print(f"[red]无法读取[/red] {exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None
    except ReportShapeError as exc:
        err_console.print(f"[red]无法读取[/red] {path}：{exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None


def _print_findings(report: AnnualReport, findings: list[Finding]) -> None:
    title = f"{report.agency or '（未知机关）'} {report.year or ''} 年度报告 · 审核结果"
    table = Table(title=title, show_lines=False)
    for header in ("规则", "级别", "位置", "应为", "实为"):
        table.add_column(header, no_wrap=header != "位置")
    table.add_column("说明", overflow="fold", ratio=1)
    for f in findings:
        table.add_row(
            f.rule,
            f"[{_STYLE[f.severity]}]{SEVERITY_LABELS[f.severity]}[/]",
            describe(f, report.fmt),
            "" if f.expected is None else str(f.expected),
            "" if f.actual is None else str(f.actual),
            f.message,
        )
    if findings:
        console.print(table)
    counts = {s: sum(f.severity is s for f in findings) for s in Severity}
    summary = "，".join(f"{SEVERITY_LABELS[s]} {n}" for s, n in counts.items())
    console.print(f"共 {len(findings)} 条：{summary}" if findings else "[green]未发现问题[/green]")


@app.command("check")
def check_command(
    report_path: Annotated[
        Path, typer.Argument(metavar="REPORT.json", help="规范 JSON 格式的年度报告")
    ],
    prev: Annotated[
        Path | None,
        typer.Option("--prev", metavar="LAST_YEAR.json", help="同一机关上年度报告，用于跨年度规则"),
    ] = None,
    agency_kind: Annotated[
        str | None,
        typer.Option(help=f"机关类型（决定公开时限）：{'、'.join(AGENCY_KINDS)}"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
) -> None:
    """按国家格式的勾稽规则（A1–E7）审核一份年度报告。"""
    report = read_report(report_path)
    previous = read_report(prev) if prev else None
    if agency_kind is not None:
        if agency_kind not in AGENCY_KINDS:
            err_console.print(
                f"[red]未知的机关类型[/red] {agency_kind!r}（可用：{'、'.join(AGENCY_KINDS)}）"
            )
            raise typer.Exit(EXIT_UNREADABLE)
        report.agency_kind = agency_kind
    try:
        findings = check(report, previous)
    except Exception as exc:  # a defect in a rule: say so, and not with a status of the input's
        err_console.print(
            f"[red]内部错误[/red] 审核 {report_path} 时出错（{type(exc).__name__}：{exc}），请报告此问题"
        )
        raise typer.Exit(EXIT_INTERNAL) from None
    if as_json:
        payload = {"findings": [f.to_dict() for f in findings]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        _print_findings(report, findings)
    raise typer.Exit(EXIT_FINDINGS if has_errors(findings) else EXIT_OK)


@app.command("rules")
def rules_command() -> None:
    """列出全部审核规则。"""
    table = Table(title="年度报告审核规则")
    for header in ("规则", "类别", "内容"):
        table.add_column(header)
    for info in RULES.values():
        table.add_row(info.id, info.group, info.title)
    console.print(table)
