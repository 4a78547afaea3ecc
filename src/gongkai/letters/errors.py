"""Errors a letter can raise; every message is for the staff member who sees it."""

from __future__ import annotations


class LetterError(ValueError):
    """Base class: a letter could not be produced, and the message says why."""


class UnknownLetterTypeError(LetterError):
    pass


class ContextError(LetterError):
    """The case data handed in is malformed (unknown field, wrong type, bad outcome)."""


class MissingFieldsError(LetterError):
    def __init__(self, letter_name: str, fields: list[tuple[str, str]]) -> None:
        self.fields = [name for name, _ in fields]
        listed = "、".join(f"{label}（{name}）" for name, label in fields)
        super().__init__(f"无法生成{letter_name}：缺少字段 {listed}")


class TemplateError(LetterError):
    """An (edited) template cannot be used; ``lineno`` is the template line at fault."""

    def __init__(self, message: str, lineno: int | None) -> None:
        self.lineno = lineno
        where = f"模板第 {lineno} 行：" if lineno else "模板："
        super().__init__(where + message)
