"""The Typer application every ``gongkai`` command registers on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

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


# (exception, how the message starts, exit status): how a command leaves on bad input.
Failures = Sequence[tuple[type[Exception], str, int]]


@contextmanager
def leave_on(failures: Failures, prefix: str = "") -> Iterator[None]:
    """Turn the listed exceptions into their message on stderr and their exit status."""
    try:
        yield
    except tuple(kind for kind, _, _ in failures) as exc:
        label, status = next((lb, st) for kind, lb, st in failures if isinstance(exc, kind))
        err_console.print(f"[red]{label}[/red] {prefix}{exc}")
        raise typer.Exit(status) from None
