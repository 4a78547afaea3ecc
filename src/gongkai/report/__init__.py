"""The annual report model and its canonical JSON (``gongkai.annual-report/1``)."""

from gongkai.report.canonical import SCHEMA, dump, dumps, load, loads, save
from gongkai.report.cells import Cell, CellState, classify, numeric
from gongkai.report.errors import ReportReadError, ReportShapeError
from gongkai.report.model import AnnualReport

__all__ = [
    "SCHEMA",
    "AnnualReport",
    "Cell",
    "CellState",
    "ReportReadError",
    "ReportShapeError",
    "classify",
    "dump",
    "dumps",
    "load",
    "loads",
    "numeric",
    "save",
]
