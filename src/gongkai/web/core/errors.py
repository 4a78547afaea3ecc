"""What went wrong, as one line for a message: a form's errors or a service's refusal."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def error_text(source: forms.Form | ValidationError) -> str:
    """Field errors carry the field's label unless they already name it."""
    if isinstance(source, ValidationError):
        return "；".join(source.messages)
    parts = []
    for name, errors in source.errors.items():
        field = source.fields.get(name)
        label = str(field.label) if field is not None and field.label else ""
        for error in errors:
            text = str(error)
            parts.append(text if not label or text.startswith(label) else f"{label}：{text}")
    return "；".join(parts)
