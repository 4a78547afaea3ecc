"""Year-over-year comparison of two annual reports of one agency (issue 12, item 3)."""

from gongkai.compare.build import compare
from gongkai.compare.model import CellDelta, Comparison, ReportSummary, SectionComparison

__all__ = ["CellDelta", "Comparison", "ReportSummary", "SectionComparison", "compare"]
