"""信息处理费 (Art. 42; 国办函〔2020〕109号, spec §6): two progressive schemes as band tables.

A case uses exactly one scheme. Per application (按件), the applicant's applications at
this agency in one calendar month are counted and each one costs the price of the band its
position falls in (1–10 free; 11–30: 100 元; from 31 on each further band of 10 costs
100 元 more). Per volume (按量), the pages of the case are priced band by band
(≤30 free; 31–100: 10 元; 101–200: 20 元; 201+: 40 元 per page). Amounts are whole 元.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.outcomes import FEE_MEASURES


class FeeScheme(StrEnum):
    PER_APPLICATION = "per-application"  # 按件计收
    PER_VOLUME = "per-volume"  # 按量计收


SCHEME_LABELS = {FeeScheme.PER_APPLICATION: "按件计收", FeeScheme.PER_VOLUME: "按量计收"}
_UNITS = {FeeScheme.PER_APPLICATION: "件", FeeScheme.PER_VOLUME: "页"}


class FeeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Band:
    first: int  # first unit of the band (1-based)
    last: int | None  # last unit, None: open-ended
    price: int  # 元 per unit

    def units_of(self, quantity: int) -> int:
        """How many of units 1..quantity fall in this band."""
        top = quantity if self.last is None else min(quantity, self.last)
        return max(0, top - self.first + 1)


PER_VOLUME_BANDS: tuple[Band, ...] = (
    Band(1, 30, 0),
    Band(31, 100, 10),
    Band(101, 200, 20),
    Band(201, None, 40),
)
_FREE_APPLICATIONS = 10
_FIRST_PAID_BAND = (11, 30, 100)  # 11–30: 100 元 each
_STEP_SIZE = 10  # from 31 on: bands of 10 …
_STEP_PRICE = 100  # … each 100 元 dearer than the one before


def per_application_bands(count: int) -> tuple[Band, ...]:
    """The per-application bands needed to price ``count`` applications."""
    first, last, price = _FIRST_PAID_BAND
    bands = [Band(1, _FREE_APPLICATIONS, 0), Band(first, last, price)]
    while bands[-1].last is not None and bands[-1].last < count:
        previous = bands[-1]
        start = (previous.last or 0) + 1
        bands.append(Band(start, start + _STEP_SIZE - 1, previous.price + _STEP_PRICE))
    return tuple(bands)


def band_price(bands: tuple[Band, ...], position: int) -> int:
    """The price of the ``position``-th unit."""
    for band in bands:
        if band.first <= position and (band.last is None or position <= band.last):
            return band.price
    raise FeeError(f"第 {position} 件（页）不在任何收费档次内")


@dataclass(frozen=True, slots=True)
class FeeLine:
    band: Band
    units: int
    amount: int
    text: str


@dataclass(frozen=True)
class FeeQuote:
    """The fee of one case under one scheme, itemised for the fee notice."""

    scheme: FeeScheme
    quantity: int  # per application: this case's position in the month; per volume: pages
    lines: tuple[FeeLine, ...]
    cumulative: int  # sum over all bands (per application: the month's total up to this case)
    amount: int  # what this case costs

    @property
    def basis(self) -> str:
        return f"{FEE_MEASURES}，{SCHEME_LABELS[self.scheme]}，超额累进"

    def text_lines(self) -> list[str]:
        """The itemised breakdown, in Chinese, as the fee notice states it."""
        found = [line.text for line in self.lines]
        if self.scheme is FeeScheme.PER_APPLICATION:
            found.append(f"本月累计 {self.cumulative} 元")
            found.append(f"本件为本月第 {self.quantity} 件，应收 {self.amount} 元")
        else:
            found.append(f"合计 {self.amount} 元")
        return found

    def to_dict(self) -> dict[str, object]:
        return {
            "scheme": self.scheme.value,
            "quantity": self.quantity,
            "amount": self.amount,
            "cumulative": self.cumulative,
            "basis": self.basis,
            "bands": [
                {
                    "first": line.band.first,
                    "last": line.band.last,
                    "price": line.band.price,
                    "units": line.units,
                    "amount": line.amount,
                    "text": line.text,
                }
                for line in self.lines
            ],
            "lines": self.text_lines(),
        }


def _line(band: Band, units: int, unit: str) -> FeeLine:
    last = band.first + units - 1
    span = f"第{band.first}{unit}" if units == 1 else f"第{band.first}—{last}{unit}"
    amount = units * band.price
    if band.price == 0:
        return FeeLine(band, units, 0, f"{span}：免费")
    return FeeLine(band, units, amount, f"{span}：{units}{unit} × {band.price} 元 = {amount} 元")


def _itemise(scheme: FeeScheme, bands: tuple[Band, ...], quantity: int) -> tuple[FeeLine, ...]:
    unit = _UNITS[scheme]
    return tuple(_line(b, b.units_of(quantity), unit) for b in bands if b.units_of(quantity) > 0)


def _check(quantity: int, what: str) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise FeeError(f"{what}应为正整数，实为 {quantity!r}")


def per_application_fee(position: int) -> FeeQuote:
    """The fee of the applicant's ``position``-th application this month at this agency."""
    _check(position, "本月申请件数")
    bands = per_application_bands(position)
    lines = _itemise(FeeScheme.PER_APPLICATION, bands, position)
    total = sum(line.amount for line in lines)
    return FeeQuote(FeeScheme.PER_APPLICATION, position, lines, total, band_price(bands, position))


def per_volume_fee(pages: int) -> FeeQuote:
    """The fee of a case supplying ``pages`` pages (paper, e-mail or copied electronic data)."""
    _check(pages, "页数")
    lines = _itemise(FeeScheme.PER_VOLUME, PER_VOLUME_BANDS, pages)
    total = sum(line.amount for line in lines)
    return FeeQuote(FeeScheme.PER_VOLUME, pages, lines, total, total)


def quote(scheme: FeeScheme | str, quantity: int) -> FeeQuote:
    """The fee under one scheme (one scheme per case)."""
    try:
        chosen = FeeScheme(scheme)
    except ValueError:
        known = "、".join(s.value for s in FeeScheme)
        raise FeeError(f"未知的收费方式 {scheme!r}（可用：{known}）") from None
    if chosen is FeeScheme.PER_APPLICATION:
        return per_application_fee(quantity)
    return per_volume_fee(quantity)


__all__ = [
    "PER_VOLUME_BANDS",
    "SCHEME_LABELS",
    "Band",
    "FeeError",
    "FeeLine",
    "FeeQuote",
    "FeeScheme",
    "band_price",
    "per_application_bands",
    "per_application_fee",
    "per_volume_fee",
    "quote",
]
