"""A rate with its sample size: the Wilson score interval, and a floor below which it is not
shown as a number (a small agency's 2 of 3 is not "67%")."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_N = 10  # below this many cases a rate is "样本不足": shown without a number, never ranked
Z_95 = 1.959963984540054  # the two-sided 95% normal quantile
INSUFFICIENT = "样本不足"


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def sufficient(self) -> bool:
        return self.denominator >= MIN_N

    @property
    def value(self) -> float | None:
        """The share, or None when the sample is too small to state one."""
        return self.numerator / self.denominator if self.sufficient else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The Wilson score 95% interval (it stays inside [0, 1] and is honest for small n,
        unlike the normal approximation); None below the floor."""
        if not self.sufficient:
            return None
        n, p, z2 = self.denominator, self.numerator / self.denominator, Z_95 * Z_95
        centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        half = Z_95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
        return max(0.0, centre - half), min(1.0, centre + half)

    @property
    def label(self) -> str:
        """As a reader sees it: "62.5%（95%置信区间 54.1%–70.2%，n=128）" or 样本不足."""
        if self.value is None or self.interval is None:
            return f"{INSUFFICIENT}（n={self.denominator}）"
        low, high = self.interval
        return f"{percent(self.value)}（95%置信区间 {percent(low)}–{percent(high)}，n={self.denominator}）"


def percent(share: float) -> str:
    return f"{share * 100:.1f}%"
