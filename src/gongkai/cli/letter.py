"""``gongkai letter``: fill a letter template from a JSON case file, write DOCX, PDF or text."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import EXIT_UNREADABLE, app, console, err_console
from gongkai.letters import (
    LETTER_TYPES,
    Letter,
    LetterContext,
    LetterError,
    render_letter,
    to_docx,
    to_pdf,
)


class OutputKind(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    TXT = "txt"


_TYPES_HELP = "；".join(f"{key}：{t.name}" for key, t in LETTER_TYPES.items())


def _plain_text(letter: Letter) -> bytes:
    return letter.as_text().encode("utf-8")


def _fail(message: str) -> typer.Exit:
    err_console.print(f"[red]{message}[/red]")
    return typer.Exit(EXIT_UNREADABLE)


@app.command("letter")
def letter_command(
    letter_type: Annotated[str, typer.Argument(metavar="TYPE", help=f"文书类型（{_TYPES_HELP}）")],
    context_path: Annotated[
        Path, typer.Argument(metavar="CONTEXT.json", help="案件与机关信息（字段见 LetterContext）")
    ],
    to: Annotated[OutputKind, typer.Option("--to", help="输出格式")] = OutputKind.TXT,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="输出文件（默认为 TYPE.docx、TYPE.pdf 或 TYPE.txt）"),
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", help="使用修改后的模板文件代替默认模板")
    ] = None,
) -> None:
    """按模板生成依申请公开文书（受理回执、补正告知书、答复告知书等）。"""
    try:
        data = json.loads(context_path.read_text(encoding="utf-8"))
        template_text = template.read_text(encoding="utf-8") if template else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(f"无法读取输入文件：{exc}") from None
    if not isinstance(data, dict):
        raise _fail(f"{context_path}：应为 JSON 对象（字段名: 值）")
    try:
        letter = render_letter(letter_type, LetterContext.from_mapping(data), template_text)
    except LetterError as exc:
        raise _fail(f"{context_path}：{exc}") from None
    if to is OutputKind.TXT and output is None:
        typer.echo(letter.as_text())
        return
    content = {
        OutputKind.DOCX: to_docx,
        OutputKind.PDF: to_pdf,
        OutputKind.TXT: _plain_text,
    }[to](letter)
    target = output or Path(f"{letter_type}.{to.value}")
    target.write_bytes(content)
    console.print(f"已生成 {letter.title}：{target}")
