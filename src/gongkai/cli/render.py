"""``gongkai render``: write a canonical report in another output format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import EXIT_OK, EXIT_UNREADABLE, app, err_console
from gongkai.cli.report import read_report
from gongkai.render import RENDERERS, render
from gongkai.render.dispatch import TEXT_TARGETS

_CHOICES = "|".join(RENDERERS)


@app.command("render")
def render_command(
    report_path: Annotated[Path, typer.Argument(help="规范 JSON 格式的年度报告")],
    to: Annotated[str, typer.Option("--to", help=f"输出格式：{_CHOICES}")] = "json",
    output: Annotated[Path, typer.Option("-o", "--output", help="输出文件")] = Path("-"),
) -> None:
    """将年度报告渲染为其他格式。"""
    if to not in RENDERERS:
        err_console.print(f"[red]不支持的输出格式[/red]：{to}（可选：{_CHOICES}）")
        raise typer.Exit(EXIT_UNREADABLE)
    to_stdout = str(output) == "-"
    if to_stdout and to not in TEXT_TARGETS:
        err_console.print(f"[red]{to} 是二进制格式[/red]：请用 -o 指定输出文件")
        raise typer.Exit(EXIT_UNREADABLE)
    data = render(read_report(report_path), to)
    if to_stdout:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        output.write_bytes(data)
    raise typer.Exit(EXIT_OK)
