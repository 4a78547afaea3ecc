"""One-time form tokens: a rendered form is saved at most once (double click, reload)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from gongkai.web.cases.models import Case, FormSubmission


class DuplicateSubmission(Exception):
    """The same form was submitted twice (double click, reload)."""

    def __init__(self, case_id: int | None) -> None:
        self.case_id = case_id
        super().__init__("该表单已经提交过，未重复保存。")


def claim_token(token: str, user: Any) -> None:
    """Record a form token once; a second submission of the same rendered form fails."""
    if not token:
        return
    try:
        with transaction.atomic():
            FormSubmission.objects.create(token=token[:64], user=user)
    except IntegrityError:
        previous = FormSubmission.objects.filter(token=token[:64]).first()
        raise DuplicateSubmission(previous.case_id if previous else None) from None


def run_once(token: str, user: Any, work: Any) -> Any:
    """Run ``work()`` unless this form token was used; a failure frees the token again."""
    with transaction.atomic():
        claim_token(token, user)
        return work()


def _bind_token(token: str, case: Case) -> None:
    if token:
        FormSubmission.objects.filter(token=token[:64]).update(case=case)
