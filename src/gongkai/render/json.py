"""Canonical JSON output (the exchange format of every gongkai tool)."""

from gongkai.report.canonical import dumps
from gongkai.report.model import AnnualReport


def render_json(report: AnnualReport) -> bytes:
    return (dumps(report) + "\n").encode("utf-8")
