"""``gongkai`` command line: thin translation between the terminal and the core."""

from __future__ import annotations

import importlib

from gongkai.cli.app import app

# Each module registers its commands on ``app`` when imported.
_COMMAND_MODULES = (
    "report",
    "extract",
    "clock",
    "web",
    "letter",
    "render",
    "review",
    "compare",
    "analytics",
    "bulk",
)


def main() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(f"gongkai.cli.{name}")
    app()


__all__ = ["app", "main"]
