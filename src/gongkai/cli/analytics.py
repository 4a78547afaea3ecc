"""``gongkai analytics``: oversight figures over canonical reports, per region, agency or year."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from gongkai import analytics
from gongkai.analytics.rates import Rate
from gongkai.cli.app import EXIT_OK, app, console
from gongkai.cli.report import read_report
from gongkai.rules import Severity, check

_RATES: tuple[tuple[str, Callable[[analytics.Summary], Rate]], ...] = (
    ("实质公开率", lambda s: s.disclosed),
    ("复议纠错率", lambda s: s.review_corrected),
    ("诉讼纠错率", lambda s: s.suit_corrected),
)


def _rate_json(rate: Rate) -> dict[str, Any]:
    return {
        "numerator": rate.numerator,
        "denominator": rate.denominator,
        "value": rate.value,
        "interval": rate.interval,
    }


@app.command("analytics")
def analytics_command(
    files: Annotated[list[Path], typer.Argument(help="规范 JSON 年报；所在文件夹名作为地区")],
    by: Annotated[str, typer.Option(help="汇总方式：region | agency | year")] = "region",
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """按地区、机关或年度汇总申请数量、实质公开率、纠错率和每份报告的审核问题（含 95% 置信区间）。"""
    if by not in analytics.GROUPINGS:
        raise typer.BadParameter(f"汇总方式只能是 {'、'.join(analytics.GROUPINGS)}")
    items = []
    for path in files:
        report = read_report(path)
        found = check(report)
        errors = sum(1 for f in found if f.severity is Severity.ERROR)
        warnings = sum(1 for f in found if f.severity is Severity.WARNING)
        items.append(
            analytics.figures(report, region=path.parent.name, errors=errors, warnings=warnings)
        )
    summaries = analytics.by(by, items)
    if as_json:
        out = [
            {
                "key": s.key,
                "reports": s.reports,
                "applications": s.applications,
                "applications_unknown": s.applications_unknown,
                "findings_per_report": s.findings_per_report,
                "disclosed": _rate_json(s.disclosed),
                "review_corrected": _rate_json(s.review_corrected),
                "suit_corrected": _rate_json(s.suit_corrected),
            }
            for s in summaries
        ]
        console.print_json(
            json.dumps({"by": by, "date": dt.date.today().isoformat(), "groups": out})
        )
        raise typer.Exit(EXIT_OK)
    table = Table(
        title=f"按{analytics.GROUPINGS[by][0]}汇总（样本量少于 {analytics.MIN_N} 件显示为样本不足）"
    )
    for header in (analytics.GROUPINGS[by][0], "报告数", "申请数量", "每份报告的审核问题"):
        table.add_column(header)
    for label, _ in _RATES:
        table.add_column(label)
    for s in summaries:
        per_report = "—" if s.findings_per_report is None else f"{s.findings_per_report:.2f}"
        table.add_row(
            s.key,
            str(s.reports),
            str(s.applications),
            per_report,
            *(rate(s).label for _, rate in _RATES),
        )
    console.print(table)
