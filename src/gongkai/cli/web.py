"""``gongkai web …`` (Django's manage.py) and ``gongkai demo`` (the demo province)."""

from __future__ import annotations

import os

import typer
from rich.table import Table

from gongkai.cli.app import EXIT_UNREADABLE, app, console, err_console

_SETTINGS = "gongkai.web.settings"


def _load_settings() -> None:
    """Read the settings, leaving with the reason (not a traceback) when they are wrong."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", _SETTINGS)
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 - forces the settings module to load
    except ImproperlyConfigured as exc:
        err_console.print(f"[red]平台配置错误[/red]\n{exc}")
        raise typer.Exit(EXIT_UNREADABLE) from None


def _setup_django() -> None:
    _load_settings()
    import django

    django.setup()


@app.command(
    "web",
    context_settings={
        "allow_extra_args": True,
        "ignore_unknown_options": True,
        "help_option_names": [],
    },
    add_help_option=False,
)
def web_command(ctx: typer.Context) -> None:
    """平台管理命令（等同于 Django 的 manage.py），例如：gongkai web migrate、gongkai web runserver。"""
    _load_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["gongkai web", *ctx.args])


@app.command("demo")
def demo_command() -> None:
    """载入演示数据（虚构的江淮省：机关、各角色账号），可重复运行，不会重复创建。"""
    _setup_django()
    from django.core.management import call_command

    from gongkai.web.core.demo import run_demo

    call_command("migrate", interactive=False, verbosity=0)
    report = run_demo()
    for line in report.lines:
        console.print(f"[green]✓[/green] {line}")
    table = Table(title="演示账号（仅用于演示，请勿在正式环境使用）")
    for header in ("用户名", "密码", "角色", "姓名"):
        table.add_column(header, no_wrap=True)
    table.add_column("所属机关", overflow="fold")
    for c in report.credentials:
        table.add_row(c.username, c.password, c.role, c.full_name, c.agency)
    console.print(table)
    console.print(
        "启动平台和任务队列：gongkai web serve 127.0.0.1:8000，然后访问 http://127.0.0.1:8000"
    )
