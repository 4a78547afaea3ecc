"""``gongkai demo``: a registry of demo steps that build a realistic fictional province.

Each app adds its steps in its own ``demo.py``::

    @demo_step(order=30, title="依申请公开案件")
    def cases(report: DemoReport) -> None: ...

Steps run in order inside one transaction and must be idempotent: running the demo twice
leaves the same data (look records up by a natural key before creating them).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.module_loading import autodiscover_modules

DEMO_PASSWORD = "Jianghuai-Demo-2026"  # printed on screen; for the demo province only


@dataclass(frozen=True)
class Credential:
    username: str
    password: str
    role: str
    agency: str
    full_name: str


@dataclass
class DemoReport:
    """What the steps created, for the summary printed at the end."""

    lines: list[str] = field(default_factory=list)
    credentials: list[Credential] = field(default_factory=list)

    def note(self, line: str) -> None:
        self.lines.append(line)


@dataclass(frozen=True)
class DemoStep:
    order: int
    title: str
    run: Callable[[DemoReport], None]


_STEPS: dict[str, DemoStep] = {}


def demo_step(
    *, order: int, title: str
) -> Callable[[Callable[[DemoReport], None]], Callable[[DemoReport], None]]:
    def register(func: Callable[[DemoReport], None]) -> Callable[[DemoReport], None]:
        _STEPS[f"{func.__module__}.{func.__qualname__}"] = DemoStep(order, title, func)
        return func

    return register


def steps() -> list[DemoStep]:
    autodiscover_modules("demo")
    return sorted(_STEPS.values(), key=lambda step: (step.order, step.title))


@transaction.atomic
def run_demo(only: Collection[str] | None = None) -> DemoReport:
    """Run every registered step in order (or only the steps with these titles)."""
    report = DemoReport()
    for step in steps():
        if only is None or step.title in only:
            step.run(report)
    return report
