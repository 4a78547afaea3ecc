"""Fill a letter template from a case: the result is a title and paragraphs.

Template text is Jinja2 producing plain lines. A line starting with ``# `` is the title,
``> `` a line flush with the left margin (salutation), ``^ `` a line set to the right (the
case number), ``~ `` a note printed below the signature and date (contact details); any
other non-blank line is a body paragraph (indented two characters). The signature (agency
name, date, seal placeholder) is added from the context.

Staff may edit templates, so they are rendered in Jinja's sandbox, and a template that
does not parse or names a field that does not exist is rejected with its line number.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from jinja2 import TemplateSyntaxError, Undefined, meta, nodes
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import SandboxedEnvironment

from gongkai.letters.context import (
    DERIVED_LABELS,
    DERIVED_SOURCES,
    EXTENSION_MAX_DAYS,
    FIELD_LABELS,
    LetterContext,
    label_of,
    template_values,
)
from gongkai.letters.errors import ContextError, MissingFieldsError, TemplateError
from gongkai.letters.types import LETTER_TYPES, OUTCOME_FIELDS, LetterType, letter_type
from gongkai.outcomes import REPLY_PARTIAL, UnknownOutcomeError, outcome

SEAL_PLACEHOLDER = "（印章）"


class Style(StrEnum):
    BODY = "body"  # first line indented two characters
    FLUSH = "flush"  # flush left
    RIGHT = "right"  # right-aligned
    NOTE = "note"  # after the signature (附注: contact details)


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = Style.BODY


@dataclass(frozen=True)
class Letter:
    letter_type: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    signature: str  # the agency's name, bottom right
    date: str  # the date written in Chinese, under the signature
    seal: str = SEAL_PLACEHOLDER

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The paragraphs above the signature."""
        return tuple(p for p in self.paragraphs if p.style is not Style.NOTE)

    @property
    def notes(self) -> tuple[Paragraph, ...]:
        """The paragraphs below the date (contact details)."""
        return tuple(p for p in self.paragraphs if p.style is Style.NOTE)

    def as_text(self) -> str:
        """The letter as plain text (previews, e-mail bodies, tests)."""
        lines = [self.title, ""]
        for p in self.body:
            lines.append(("　　" if p.style is Style.BODY else "") + p.text)
        lines += ["", self.seal, self.signature, self.date]
        if self.notes:
            lines += ["", *("　　" + p.text for p in self.notes)]
        return "\n".join(lines)


_missing: ContextVar[list[str]] = ContextVar("missing_fields")


class _RecordingUndefined(Undefined):
    """An empty field: false in ``{% if %}``, recorded (not printed) when output."""

    __slots__ = ()

    def __str__(self) -> str:
        _missing.get().append(self._undefined_name or "?")
        return ""

    def __iter__(self) -> Any:
        _missing.get().append(self._undefined_name or "?")
        return iter(())


_ENV = SandboxedEnvironment(
    undefined=_RecordingUndefined,
    lstrip_blocks=True,  # a tag on its own line leaves a blank line, which is dropped
    keep_trailing_newline=False,
    autoescape=False,
)
_KNOWN = set(FIELD_LABELS) | set(DERIVED_LABELS)

_MARKERS = {"> ": Style.FLUSH, "^ ": Style.RIGHT, "~ ": Style.NOTE}


def check_template(text: str) -> None:
    """Reject a template that does not parse or uses a name that is not a field."""
    try:
        tree = _ENV.parse(text)
        undeclared = meta.find_undeclared_variables(tree)  # compiles: finds unknown filters
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", exc.lineno) from None
    unknown = undeclared - _KNOWN
    if unknown:
        first = min(
            (n for n in tree.find_all(nodes.Name) if n.name in unknown), key=lambda n: n.lineno
        )
        names = "、".join(sorted(unknown))
        raise TemplateError(f"未知字段 {names}（“{first.name}”首次出现于此行）", first.lineno)


def _check_consistency(kind: LetterType, context: LetterContext) -> None:
    days = context.extension_days
    if days is not None and not 0 < days <= EXTENSION_MAX_DAYS:
        raise ContextError(f"延长期限为 {days} 个工作日：条例第三十三条规定最长不超过 20 个工作日")
    if context.correction_days is not None and context.correction_days <= 0:
        raise ContextError(f"补正期限应为正数个工作日，实为 {context.correction_days}")
    if context.fee_amount is not None and context.fee_amount < 0:
        raise ContextError(f"收费金额不能为负数，实为 {context.fee_amount}")
    if not context.outcome:
        return
    try:
        found = outcome(context.outcome)
    except UnknownOutcomeError as exc:
        raise ContextError(str(exc)) from None
    if not kind.is_reply:
        return
    if found.letter_type != kind.key:
        raise ContextError(
            f"办理结果“{found.label}”（{found.key}）应使用"
            f"{LETTER_TYPES[found.letter_type].name}（{found.letter_type}），不是{kind.name}"
        )


def _required(kind: LetterType, context: LetterContext) -> tuple[str, ...]:
    required = kind.required
    if kind.is_reply and context.outcome:
        if not outcome(context.outcome).explanation:
            required = (*required, "reply_detail")  # 其他处理: the letter must say what happened
        required = (*required, *OUTCOME_FIELDS.get(context.outcome, ()))
        if kind.key == REPLY_PARTIAL and context.withheld_reason:  # the withheld part's reason
            required = (*required, *OUTCOME_FIELDS.get(context.withheld_reason, ()))
    return tuple(dict.fromkeys(required))


def _template_line(exc: BaseException) -> int | None:
    """The template line a runtime error happened on (Jinja maps frames to template lines)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _lines(text: str) -> tuple[str, list[Paragraph]]:
    title = ""
    paragraphs = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and not title:
            title = line[2:].strip()
            continue
        style = _MARKERS.get(line[:2], Style.BODY)
        paragraphs.append(Paragraph(line[2:].strip() if style is not Style.BODY else line, style))
    return title, paragraphs


def render_letter(
    letter_type_key: str, context: LetterContext, template_text: str | None = None
) -> Letter:
    """Fill the letter of ``letter_type_key`` from ``context``.

    ``template_text`` is an agency's edited template; the package default is used when it
    is None. Raises ``MissingFieldsError`` listing every empty field the letter needs,
    ``TemplateError`` for an unusable template, ``ContextError`` for inconsistent data.
    """
    kind = letter_type(letter_type_key)
    text = kind.default_template() if template_text is None else template_text
    check_template(text)
    _check_consistency(kind, context)
    values = template_values(context)
    missing = [name for name in _required(kind, context) if name not in values]
    token = _missing.set([])
    try:
        rendered = _ENV.from_string(text).render(values)
        for name in _missing.get():
            empty = [s for s in DERIVED_SOURCES.get(name, (name,)) if s not in values]
            for reported in empty or [name]:
                if reported not in missing:
                    missing.append(reported)
    except JinjaTemplateError as exc:  # e.g. an attribute of an empty field, a sandbox refusal
        raise TemplateError(f"模板无法填写：{exc.message}", _template_line(exc)) from None
    except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError) as exc:
        raise TemplateError(f"模板无法填写：{exc}", _template_line(exc)) from None
    finally:
        _missing.reset(token)
    if missing:
        raise MissingFieldsError(kind.name, [(name, label_of(name)) for name in missing])
    title, paragraphs = _lines(rendered)
    if not title:
        raise TemplateError("模板缺少标题行（以“# ”开头的一行）", None)
    return Letter(
        letter_type=kind.key,
        title=title,
        paragraphs=tuple(paragraphs),
        signature=values["agency_name"],
        date=values["sent_date"],
    )
