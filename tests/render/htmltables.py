"""A minimal reader of HTML tables (stdlib html.parser), expanding rowspan and colspan."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlCell:
    tag: str  # "th" | "td"
    rowspan: int
    colspan: int
    cls: str
    text: str = ""


@dataclass
class HtmlTable:
    cls: str
    rows: list[list[HtmlCell]] = field(default_factory=list)

    def cells(self) -> list[HtmlCell]:
        return [cell for row in self.rows for cell in row]

    def find(self, text: str) -> HtmlCell:
        return next(cell for cell in self.cells() if cell.text == text)

    def expanded(self) -> list[list[tuple[object, object]]]:
        """One slot per grid position: (the HtmlCell that covers it, its text)."""
        grid: dict[tuple[int, int], HtmlCell] = {}
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in grid:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        assert (r + dr, c + dc) not in grid, f"overlap at {(r + dr, c + dc)}"
                        grid[r + dr, c + dc] = cell
                c += cell.colspan
        height = max(r for r, _ in grid) + 1
        width = max(c for _, c in grid) + 1
        assert len(grid) == height * width, "the table has holes"
        return [[(grid[r, c], grid[r, c].text) for c in range(width)] for r in range(height)]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[HtmlTable] = []
        self.headings: list[tuple[str, str]] = []  # (tag, text) of h1/h2/p in document order
        self._cell: HtmlCell | None = None
        self._text: list[str] | None = None
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "table":
            self.tables.append(HtmlTable(a.get("class", "")))
        elif tag == "tr":
            self.tables[-1].rows.append([])
        elif tag in ("th", "td"):
            self._cell = HtmlCell(
                tag, int(a.get("rowspan", "1")), int(a.get("colspan", "1")), a.get("class", "")
            )
            self.tables[-1].rows[-1].append(self._cell)
        elif tag in ("h1", "h2", "p", "title"):
            self._tag, self._text = tag, []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            self._cell = None
        elif tag == self._tag and self._text is not None:
            self.headings.append((tag, "".join(self._text)))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.text += data
        elif self._text is not None:
            self._text.append(data)


def parse(html: str) -> _Parser:
    parser = _Parser()
    parser.feed(html)
    return parser
