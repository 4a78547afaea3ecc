"""Year-over-year comparison of two annual reports of one agency (issue 12, item 3)."""

from gongkai.compare.build import compare
from gongkai.compare.model import CellDelta, Comparison, ReportSummary, SectionComparison
from gongkai.compare.render import RENDERERS, render_comparison, to_html

__all__ = [
    "RENDERERS",
    "CellDelta",
    "Comparison",
    "ReportSummary",
    "SectionComparison",
    "compare",
    "render_comparison",
    "to_html",
]
