"""Letters to applicants and third parties, filled from a case and editable templates.

    letter = render_letter("correction", LetterContext(...))        # or template_text=…
    to_docx(letter), to_pdf(letter)                                  # bytes

Letter types are data (``LETTER_TYPES``); the fields a template may use are the fields of
``LetterContext`` plus ``DERIVED_LABELS``; default templates live in ``templates/``. The
remedy clause of reply letters is data too (``REMEDY_CLAUSES``, ``remedy_clause``): it
follows the letter's date and outcome (行政复议法 2023年修订: 复议前置 for 不予公开).
"""

from gongkai.calendar.labels import cn_date as chinese_date
from gongkai.letters.context import (
    CONSULTATION_DAYS,
    DEFAULT_CORRECTION_DAYS,
    DERIVED_LABELS,
    EXTENSION_MAX_DAYS,
    FEE_SCHEMES,
    FIELD_LABELS,
    PAYMENT_DAYS,
    LetterContext,
)
from gongkai.letters.docx import to_docx
from gongkai.letters.errors import (
    ContextError,
    LetterError,
    MissingFieldsError,
    TemplateError,
    UnknownLetterTypeError,
)
from gongkai.letters.pdf import to_html, to_pdf
from gongkai.letters.preview import SAMPLE_CONTEXT, preview_template, sample_context
from gongkai.letters.remedies import (
    DEFAULT_REVIEW_FIRST_SCOPE,
    REMEDY_CLAUSES,
    RemedyClause,
    ReviewFirstScope,
    remedy_clause,
)
from gongkai.letters.render import Letter, Paragraph, Style, check_template, render_letter
from gongkai.letters.types import LETTER_TYPES, LetterType, letter_type, reply_letter_type

__all__ = [
    "CONSULTATION_DAYS",
    "DEFAULT_CORRECTION_DAYS",
    "DEFAULT_REVIEW_FIRST_SCOPE",
    "DERIVED_LABELS",
    "EXTENSION_MAX_DAYS",
    "FEE_SCHEMES",
    "FIELD_LABELS",
    "LETTER_TYPES",
    "PAYMENT_DAYS",
    "REMEDY_CLAUSES",
    "SAMPLE_CONTEXT",
    "ContextError",
    "Letter",
    "LetterContext",
    "LetterError",
    "LetterType",
    "MissingFieldsError",
    "Paragraph",
    "RemedyClause",
    "ReviewFirstScope",
    "Style",
    "TemplateError",
    "UnknownLetterTypeError",
    "check_template",
    "chinese_date",
    "letter_type",
    "preview_template",
    "remedy_clause",
    "render_letter",
    "reply_letter_type",
    "sample_context",
    "to_docx",
    "to_html",
    "to_pdf",
]
