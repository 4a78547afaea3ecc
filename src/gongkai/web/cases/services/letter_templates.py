"""An agency's own letter templates."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.web.accounts import permissions
from gongkai.web.cases.services.log import _audit


@transaction.atomic
def save_template(agency: Any, by: Any, letter_key: str, text: str) -> None:
    """An agency's own template text (checked by ``gongkai.letters`` before it is kept)."""
    from gongkai import letters as core_letters
    from gongkai.web.cases.models import LetterTemplate

    if not permissions.can_manage(by, agency):
        raise PermissionDenied("只有本机关负责人可以修改文书模板。")
    core_letters.letter_type(letter_key)
    try:
        core_letters.check_template(text)
        core_letters.preview_template(letter_key, text)
    except core_letters.LetterError as exc:
        raise ValidationError(str(exc)) from None
    LetterTemplate.objects.update_or_create(
        agency=agency, letter_type=letter_key, defaults={"text": text, "updated_by": by}
    )
    _audit(None, agency, by, "save_template", {"letter_type": letter_key})
