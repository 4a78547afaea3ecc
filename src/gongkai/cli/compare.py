"""``gongkai compare`` and ``gongkai rollup``: rules across documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    app,
    console,
    err_console,
    leave_on,
)
from gongkai.cli.failures import EXTRACTION_FAILURES
from gongkai.compare import RENDERERS, Comparison, compare, render_comparison
from gongkai.compare.render import percent, rate, signed
from gongkai.extract import extract_file
from gongkai.report import AnnualReport
from gongkai.rules import SEVERITY_LABELS, has_errors
from gongkai.rules.location import describe
from gongkai.rules.rollup import ROLLUP_TABLES, check_rollup


def read_any(path: Path) -> AnnualReport:
    """A report from any file ``gongkai extract`` reads, or leave with its exit status."""
    with leave_on(EXTRACTION_FAILURES):
        report = extract_file(path).report
    return report


@app.command("compare")
def compare_command(
    last_path: Annotated[Path, typer.Argument(help="上年报告（任意可提取的文件或规范 JSON）")],
    this_path: Annotated[Path, typer.Argument(help="本年报告")],
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="写入报告：.html、.docx 或 .pdf")
    ] = None,
) -> None:
    """逐部分比较两年报告的重复率，逐单元格计算增减，并核对跨年度衔接（C1–C3）。"""
    last, this = read_any(last_path), read_any(this_path)
    result = compare(last, this)
    if output is not None:
        to = output.suffix.lstrip(".").lower()
        if to not in RENDERERS:
            err_console.print(f"[red]不支持的输出格式[/red]：{output.suffix or '（无扩展名）'}")
            raise typer.Exit(EXIT_UNREADABLE)
        output.write_bytes(render_comparison(result, to))
    if as_json:
        typer.echo(render_comparison(result, "json").decode("utf-8"))
    elif output is None:
        _print_summary(result)
    raise typer.Exit(EXIT_OK)


def _print_summary(result: Comparison) -> None:
    console.print(f"全文重复率：{percent(result.repeated)}")
    sections = Table(title="各部分重复率")
    for header in ("部分", "重复率", "重复段落"):
        sections.add_column(header)
    for s in result.sections:
        sections.add_row(s.heading, percent(s.repeated), str(len(s.passages)))
    console.print(sections)
    cells = Table(title="有变化的单元格")
    for header in ("表", "项目", "列", "上年", "本年", "增减值", "增减率"):
        cells.add_column(header)
    for c in result.cells:
        if c.change:
            cells.add_row(
                c.table, c.row_label, c.column_label, str(c.last), str(c.this),
                signed(c.change), rate(c.rate),
            )  # fmt: skip
    console.print(cells)
    for f in result.findings:
        console.print(f"{f.rule} {f.message}")


@app.command("rollup")
def rollup_command(
    parent_path: Annotated[Path, typer.Argument(help="汇总报告（区域汇总或本级政府）")],
    child_paths: Annotated[list[Path], typer.Argument(help="下级报告（各机关或各部门）")],
    tables: Annotated[str, typer.Option("--tables", help="参与核对的表格，逗号分隔")] = ",".join(
        ROLLUP_TABLES
    ),
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
) -> None:
    """核对汇总报告的各可加总单元格是否等于下级报告之和（规则 F1）；有错误时退出码为 1。"""
    chosen = tuple(t.strip() for t in tables.split(",") if t.strip())
    unknown = [t for t in chosen if t not in ROLLUP_TABLES]
    if unknown:
        err_console.print(f"[red]未知的表格[/red]：{'、'.join(unknown)}")
        raise typer.Exit(EXIT_UNREADABLE)
    parent = read_any(parent_path)
    children = [read_any(p) for p in child_paths]
    findings = check_rollup(parent, children, tables=chosen)
    if as_json:
        payload = {"findings": [f.to_dict() for f in findings]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
    elif findings:
        for f in findings:
            console.print(
                f"{f.rule} {SEVERITY_LABELS[f.severity]} {describe(f, parent.fmt)}：{f.message}"
            )
    else:
        console.print(f"汇总报告与{len(children)}份下级报告逐项一致。")
    raise typer.Exit(EXIT_FINDINGS if has_errors(findings) else EXIT_OK)
