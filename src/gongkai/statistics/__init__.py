"""Annual-report statistics computed from records (applications.md §5), with their sources.

Every cell is computed from records and remembers which record ids make it, so the report
is consistent by construction (A1, B1, B2, B3 hold) and every number can be traced back.
"""

from gongkai.statistics.applications import ApplicationRecord, table3_for_year
from gongkai.statistics.documents import DocumentRecord, YearFigures, table2_for_year
from gongkai.statistics.reviews import ReviewRecord, table4_for_year
from gongkai.statistics.settings import DEFAULT_STATISTICS, StatisticsSettings
from gongkai.statistics.sources import Sources, TableResult

__all__ = [
    "DEFAULT_STATISTICS",
    "ApplicationRecord",
    "DocumentRecord",
    "ReviewRecord",
    "Sources",
    "StatisticsSettings",
    "TableResult",
    "YearFigures",
    "table2_for_year",
    "table3_for_year",
    "table4_for_year",
]
