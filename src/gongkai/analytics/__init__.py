"""Oversight analytics over published annual reports: per report, then per agency, region
and year — applications, 实质公开率, 纠错率, findings per report — with confidence intervals,
a minimum sample size, a ranking by the published criteria, and charts as SVG."""

from gongkai.analytics.figures import ReportFigures, figures
from gongkai.analytics.ranking import Place, places, report_score
from gongkai.analytics.rates import INSUFFICIENT, MIN_N, Rate
from gongkai.analytics.summary import GROUPINGS, Summary, by, summarise, trend

__all__ = [
    "GROUPINGS",
    "INSUFFICIENT",
    "MIN_N",
    "Place",
    "Rate",
    "ReportFigures",
    "Summary",
    "by",
    "figures",
    "places",
    "report_score",
    "summarise",
    "trend",
]
