"""The law's numbers (per regime) and the policy points the law leaves open (spec §3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ClockSettings:
    """Policy points (*policy* in the spec) with their defaults; every one is shown to staff."""

    # Counting excludes the triggering day and starts with the next working day
    # (民法典 Art. 201). Off: a trigger on a working day is itself day 1.
    count_from_next_day: bool = True
    # The time limit a correction notice gives the applicant, when it names none.
    correction_limit_workdays: int = 15
    # The third party's time for an opinion (Art. 32: 15 working days).
    consultation_limit_workdays: int = 15
    # The applicant's time to pay (国办函〔2020〕109号: 20 working days from the day after
    # receiving the fee notice, i.e. counted from its service).
    fee_payment_workdays: int = 20
    # The time from sending the fee notice to payment does not count toward the reply.
    fee_pause: bool = True
    # A correction notice sent after the 7 working days of Art. 30 (but within the reply
    # period) restarts the reply period. Off by default: the law ties the restart to a notice
    # given in time, and the earlier due date is the safe one for the agency.
    late_correction_restarts: bool = False
    # The period for a new reply ordered by a 复议决定 or judgment that sets none itself.
    reopening_workdays: int = 20

    def describe(self) -> list[str]:
        """The settings in force, as staff read them."""
        return [
            "期限自触发事件的次日起计算"
            if self.count_from_next_day
            else "触发事件当日为工作日的，计为第1日",
            f"补正期限（通知未写明时）{self.correction_limit_workdays} 个工作日",
            f"征求第三方意见期限 {self.consultation_limit_workdays} 个工作日",
            f"缴费期限 {self.fee_payment_workdays} 个工作日，自收费通知送达次日起算",
            "收费通知至缴费的时间不计入答复期限" if self.fee_pause else "收费期间答复期限照常计算",
            "超过第三十条7个工作日发出的补正告知，答复期限重新计算"
            if self.late_correction_restarts
            else "超过第三十条7个工作日发出的补正告知，不重新计算答复期限",
            f"复议决定或判决未写明重新答复期限的，自收到之日起{self.reopening_workdays}个工作日",
        ]


DEFAULT_SETTINGS = ClockSettings()


@dataclass(frozen=True)
class Regime:
    """The time limits of one text of the Regulation."""

    key: str
    name: str
    reply_workdays: int
    extension_max_workdays: int
    correction_notice_workdays: int | None  # None: the text sets no limit
    consultation_limited: bool  # the text limits the third party's time
    reply_article: str  # reply period and extension
    correction_article: str  # asking for a correction
    single_correction: bool  # the text requires one consolidated correction notice
    consultation_article: str  # consulting a third party
    agency_consultation_article: str  # consulting another agency (jointly made information)
    pause_article: str  # consultation time not counted


REGIME_2019 = Regime(
    key="2019",
    name="《中华人民共和国政府信息公开条例》（2019年修订）",
    reply_workdays=20,
    extension_max_workdays=20,
    correction_notice_workdays=7,
    consultation_limited=True,
    reply_article="第三十三条",
    correction_article="第三十条",
    single_correction=True,
    consultation_article="第三十二条",
    agency_consultation_article="第三十四条",
    pause_article="第三十三条第三款",
)
# The 2007 text (in force 2008-05-01 to 2019-05-14): 15 + 15 working days (Art. 24); it
# set no deadline for asking for a correction (Art. 21) nor for the third party (Art. 23).
REGIME_2007 = Regime(
    key="2007",
    name="《中华人民共和国政府信息公开条例》（2007年）",
    reply_workdays=15,
    extension_max_workdays=15,
    correction_notice_workdays=None,
    consultation_limited=False,
    reply_article="第二十四条",
    correction_article="第二十一条第（四）项",
    single_correction=False,
    consultation_article="第二十三条",
    agency_consultation_article="第二十三条",
    pause_article="第二十四条第三款",
)
REVISION_IN_FORCE = dt.date(2019, 5, 15)
REGIMES: dict[str, Regime] = {r.key: r for r in (REGIME_2019, REGIME_2007)}


def regime_for(received: dt.date) -> Regime:
    """The text that governs an application received on ``received``."""
    return REGIME_2019 if received >= REVISION_IN_FORCE else REGIME_2007


__all__ = [
    "DEFAULT_SETTINGS",
    "REGIMES",
    "REGIME_2007",
    "REGIME_2019",
    "REVISION_IN_FORCE",
    "ClockSettings",
    "Regime",
    "regime_for",
]
