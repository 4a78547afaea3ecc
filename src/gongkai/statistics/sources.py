"""Which records make each cell: table → row → column index → record ids."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Sources:
    cells: dict[str, dict[int, list[str]]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, row: str, column: int, record_id: str) -> None:
        self.cells[row].setdefault(column, []).append(record_id)

    def of(self, row: str, column: int) -> list[str]:
        return list(self.cells.get(row, {}).get(column, []))

    def to_dict(self) -> dict[str, dict[str, list[str]]]:
        return {
            row: {str(col): ids for col, ids in sorted(columns.items())}
            for row, columns in self.cells.items()
        }


@dataclass
class TableResult(Generic[T]):
    values: T
    sources: Sources
