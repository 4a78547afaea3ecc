"""``gongkai bulk``: a folder of published reports → each year's open-data files."""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai import opendata
from gongkai.cli.app import EXIT_OK, EXIT_UNREADABLE, app, console, err_console
from gongkai.opendata.directory import collect


@app.command("bulk")
def bulk_command(
    reports_dir: Annotated[
        Path, typer.Argument(help="规范 JSON 年报所在文件夹（含子文件夹；子文件夹名作为地区）")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件夹")],
    year: Annotated[int | None, typer.Option(help="只生成这一年度")] = None,
) -> None:
    """生成开放数据批量下载文件：每年一份 JSONL、CSV、XLSX，附 SHA256SUMS 和数据字典。"""
    if not reports_dir.is_dir():
        err_console.print(f"[red]无法读取[/red] {reports_dir}：不是文件夹")
        raise typer.Exit(EXIT_UNREADABLE)
    found = collect(reports_dir)
    for note in found.skipped:
        err_console.print(f"[yellow]未收入[/yellow] {note}")
    years = sorted({r.year for r in found.reports if r.year is not None and year in (None, r.year)})
    if not years:
        which = f" {year} 年度" if year is not None else "年度"
        err_console.print(f"[red]没有已公开的{which}报告[/red] {reports_dir}")
        raise typer.Exit(EXIT_UNREADABLE)
    output.mkdir(parents=True, exist_ok=True)
    table = Table(title=f"开放数据 · {output}")
    for header in ("文件", "报告数", "大小（字节）", "SHA-256"):
        table.add_column(header, overflow="fold")
    sums: list[tuple[str, str]] = []
    made = (f for y in years for f in opendata.year_files(y, found.reports))
    for file in chain(made, [opendata.dictionary_file()]):  # one file's bytes held at a time
        (output / file.name).write_bytes(file.content)
        sums.append((file.name, file.sha256))
        reports = str(file.reports) if file.kind != "dictionary" else "—"
        table.add_row(file.name, reports, str(file.size), file.sha256)
    (output / opendata.SUMS_NAME).write_text(opendata.sha256sums(sums), encoding="utf-8")
    console.print(table)
    raise typer.Exit(EXIT_OK)
