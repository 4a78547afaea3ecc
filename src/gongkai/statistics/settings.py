"""The policy points of the annual statistics (applications.md §5) with their defaults.

Every point is shown to staff next to the tables it shaped, like the clock's settings.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StatisticsSettings:
    # A case reopened after a 纠正 review result: each reopening is one more application,
    # received on the reopening day (the first reply stays in its own year). Off: only the
    # first handling counts, and the later reply is in no table-3 row.
    count_reopened: bool = True

    def describe(self) -> list[str]:
        """The counting rules in force, as staff read them."""
        return [
            "一件申请计为一件，不拆分统计",
            "本年新收：本年收到的申请；上年结转：以前年度收到、本年初尚未办结的申请",
            "办理结果：本年作出答复的申请，以答复日期为准；结转下年度：年底尚未办结的申请",
            "复议、诉讼纠正后重新办理的，计为重新办理之日收到的一件申请"
            if self.count_reopened
            else "复议、诉讼纠正后重新办理的，不重复统计（只统计首次办理）",
            "表4：本年提起或年初尚未审结的复议、诉讼案件，按年底时的结果统计，未审结的计入尚未审结",
        ]


DEFAULT_STATISTICS = StatisticsSettings()
