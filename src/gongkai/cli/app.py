"""The Typer application every ``gongkai`` command registers on."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="gongkai",
    help="政务公开：年度报告的生成、解析与审核，依申请公开的法定期限。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # keep paths and messages greppable

# Exit statuses shared by the commands (documented in the README).
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
EXIT_NOT_A_REPORT = 3
EXIT_INTERNAL = 4  # a defect in gongkai, not in the input
