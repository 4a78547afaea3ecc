"""``gongkai review``: content review (内容审查) of a file before it is published."""

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
from gongkai.review import RULES, has_errors
from gongkai.review.files import ReviewedDocument, review_path
from gongkai.rules import SEVERITY_LABELS

_STYLES = {"error": "red", "warning": "yellow", "info": "cyan"}


def _print_rules() -> None:
    table = Table(title="内容审查规则")
    for header in ("规则", "内容", "说明"):
        table.add_column(header, overflow="fold")
    for rule in RULES.values():
        table.add_row(rule.id, rule.title, rule.description)
    console.print(table)


def _print(doc: ReviewedDocument) -> None:
    if not doc.findings:
        console.print(f"{doc.source}：未发现问题", soft_wrap=True)
        return
    table = Table(title=f"{doc.source}（{'年度报告' if doc.is_report else '文本'}）")
    for header in ("规则", "级别", "位置", "原文", "建议", "说明"):
        table.add_column(header, overflow="fold")
    for f in doc.findings:
        style = _STYLES.get(str(f.severity), "")
        table.add_row(
            f"{f.rule} {RULES[f.rule].title}",
            f"[{style}]{SEVERITY_LABELS[f.severity]}[/{style}]",
            f.location,
            f.matched,
            f.suggestion or "删除或去标识化",
            f.message,
        )
    console.print(table)


@app.command("review")
def review_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(metavar="FILE...", help="要公开的文件（年度报告或其他文本）"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
    rules: Annotated[bool, typer.Option("--rules", help="列出内容审查规则")] = False,
) -> None:
    """公开前的内容审查：错敏词、个人信息、疑似错别字、年报文字与表格不符。"""
    if rules:
        _print_rules()
        raise typer.Exit(EXIT_OK)
    if not files:
        err_console.print("请指定要审查的文件（或用 --rules 列出规则）")
        raise typer.Exit(EXIT_UNREADABLE)
    reviewed: list[ReviewedDocument] = []
    for path in files:
        with leave_on(EXTRACTION_FAILURES):
            reviewed += review_path(path)
    if as_json:
        payload = [
            {
                "source": d.source,
                "report": d.is_report,
                "findings": [f.to_dict() for f in d.findings],
            }
            for d in reviewed
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for doc in reviewed:
            _print(doc)
    errors = any(has_errors(d.findings) for d in reviewed)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)
