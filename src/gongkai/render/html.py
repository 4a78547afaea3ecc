"""A standalone, printable HTML page of the report (A4, inline CSS), from the shared layout.

The tables are real ``<table>`` elements with the national merged headers (rowspan/colspan)
and one printed value per ``<td>``, so the page can be read back by the extractor.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, Template, select_autoescape
from markupsafe import Markup

from gongkai.calendar.labels import cn_date as chinese_date
from gongkai.render.layout import NOT_PUBLISHED, Grid, report_layout
from gongkai.render.official import BODY_FAMILY, HEADING_FAMILY, PAGE_CSS, TITLE_FAMILY
from gongkai.report.model import AnnualReport

# Our own CSS constants, not user text: marked safe so autoescape leaves their quotes alone.
FONTS = {
    "title": Markup(TITLE_FAMILY),
    "heading": Markup(HEADING_FAMILY),
    "body": Markup(BODY_FAMILY),
}


def column_percentages(grid: Grid) -> list[float]:
    total = sum(grid.widths)
    return [round(100 * w / total, 2) for w in grid.widths]


@cache
def _template() -> Template:
    env = Environment(
        loader=PackageLoader("gongkai.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


def to_html(report: AnnualReport) -> str:
    return _template().render(
        report=report_layout(report),
        fonts=FONTS,
        page_css=Markup(PAGE_CSS),
        not_published=NOT_PUBLISHED,
        widths=column_percentages,
        date=chinese_date,
    )


def render_html(report: AnnualReport) -> bytes:
    return to_html(report).encode("utf-8")
