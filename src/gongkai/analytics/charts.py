"""Charts as SVG text, drawn on the server with matplotlib (no script, so a page that shows
one as an image keeps its strict Content-Security-Policy). Text stays text in the SVG and
the browser draws the Chinese labels with its own fonts; the output is deterministic."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gongkai.analytics.rates import Rate

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_STYLE: dict[Any, Any] = {
    "svg.fonttype": "none",  # <text>, not glyph outlines: small, searchable, any CJK font
    "svg.hashsalt": "gongkai",  # stable element ids, so the same data gives the same file
    "font.family": ["Noto Sans CJK SC", "Noto Serif CJK SC", "sans-serif"],
    "font.size": 10.0,
}
_BAR = "#2f6b9a"
MAX_BARS = 40  # beyond this a bar chart is unreadable; the table below has every row


def _svg(figure: Figure) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return out.getvalue()


def rate_bars(title: str, rows: Sequence[tuple[str, Rate]]) -> str:
    """One horizontal bar per row with its 95% interval; rows below the sample floor are
    not drawn (the table says 样本不足 for them)."""
    from matplotlib import rc_context  # imported when drawn: it takes ~0.5 s to load
    from matplotlib.figure import Figure

    shown = [(label, rate) for label, rate in rows if rate.value is not None][:MAX_BARS]
    with rc_context(_STYLE):
        figure = Figure(figsize=(7.5, 1.2 + 0.3 * max(len(shown), 1)))
        axes = figure.add_subplot()
        values = [100 * (rate.value or 0.0) for _, rate in shown]
        below, above = [], []
        for (_, rate), value in zip(shown, values, strict=True):
            low, high = rate.interval or (0.0, 0.0)
            below.append(value - 100 * low)
            above.append(100 * high - value)
        positions = list(range(len(shown)))
        axes.barh(positions, values, xerr=[below, above], color=_BAR, ecolor="#444", capsize=3)
        axes.set_yticks(positions, [label for label, _ in shown])
        axes.invert_yaxis()
        axes.set_xlim(0, 100)
        axes.set_xlabel("%（误差线：95%置信区间）")
        axes.set_title(title)
        if not shown:
            axes.text(50, 0, "没有达到最小样本量的数据", ha="center", va="center")
        return _svg(figure)


def trend_lines(
    title: str,
    years: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    limits: tuple[float, float] | None = None,
) -> str:
    """One line per series over the years; a missing value (None) leaves a gap. ``limits``
    fixes the value axis (0–100 for a percentage, so small changes do not look large)."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(_STYLE):
        figure = Figure(figsize=(7.5, 3.6))
        axes = figure.add_subplot()
        positions = list(range(len(years)))
        for name, values in series.items():
            points = [float("nan") if v is None else v for v in values]
            axes.plot(positions, points, marker="o", label=name)
        axes.set_xticks(positions, list(years))
        if limits is not None:
            axes.set_ylim(*limits)
        axes.set_title(title)
        if series:
            axes.legend(loc="best", fontsize=8)
        return _svg(figure)
