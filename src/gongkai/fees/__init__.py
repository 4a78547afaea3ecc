"""信息处理费: the per-application and per-volume schemes (spec §6)."""

from gongkai.fees.counting import ApplicationRecord, monthly_position
from gongkai.fees.schemes import (
    PER_VOLUME_BANDS,
    SCHEME_LABELS,
    Band,
    FeeError,
    FeeLine,
    FeeQuote,
    FeeScheme,
    band_price,
    per_application_bands,
    per_application_fee,
    per_volume_fee,
    quote,
)

__all__ = [
    "PER_VOLUME_BANDS",
    "SCHEME_LABELS",
    "ApplicationRecord",
    "Band",
    "FeeError",
    "FeeLine",
    "FeeQuote",
    "FeeScheme",
    "band_price",
    "monthly_position",
    "per_application_bands",
    "per_application_fee",
    "per_volume_fee",
    "quote",
]
