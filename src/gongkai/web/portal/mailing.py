"""Mails to applicants (only those who gave an address) and to the staff who confirm.

- :func:`submitted`: the applicant gets the tracking number; the agency's confirming
  staff hear of a new submission waiting for them;
- :func:`confirmed`: the applicant hears the application was accepted (受理), with the date
  of receipt and the reply due date; :func:`declined`: that it was not, and why;
- :func:`mail_replies`: the queue job that tells applicants a reply was issued and how to
  download it. It reads the case files instead of being called by the cases app, so every
  way a reply is recorded is covered and the cases app knows nothing of the portal; a reply
  after reopening is mailed again.

The texts are in ``gongkai/web/mail/texts``; delivery is the mail app's task queue job.
"""

from __future__ import annotations

from django.db.models import F
from django.urls import reverse

from gongkai.web.accounts.models import User
from gongkai.web.cases.models import Case
from gongkai.web.mail import services as mail
from gongkai.web.portal.directory import CONFIRMING_ROLES
from gongkai.web.portal.models import OnlineApplication
from gongkai.web.portal.status import outcome_text


def _track_url() -> str:
    return mail.absolute(reverse("portal:track"))


def submitted(application: OnlineApplication) -> int:
    agency = application.agency
    sent = mail.send(
        "portal_submitted",
        {
            "applicant": application.applicant_name,
            "agency": agency.name,
            "tracking_number": application.tracking_number,
            "submitted_on": application.submitted_on,
            "description": application.description,
            "track_url": _track_url(),
        },
        [application.email],
    )
    staff = User.objects.filter(
        agency=agency, is_active=True, role__in=CONFIRMING_ROLES, email__gt=""
    ).order_by("pk")
    sent += mail.send(
        "staff_submission",
        {
            "agency": agency.name,
            "tracking_number": application.tracking_number,
            "submitted_on": application.submitted_on,
            "inbox_url": mail.absolute(reverse("portal:inbox")),
        },
        staff.values_list("email", flat=True),
    )
    return sent


def confirmed(application: OnlineApplication, case: Case) -> int:
    return mail.send(
        "portal_confirmed",
        {
            "applicant": case.applicant_name,
            "agency": case.agency.name,
            "tracking_number": application.tracking_number,
            "received": case.received,
            "reply_due": case.reply_due,
            "track_url": _track_url(),
        },
        [case.email],  # the case holds the working copy staff may have corrected
    )


def declined(application: OnlineApplication) -> int:
    return mail.send(
        "portal_declined",
        {
            "applicant": application.applicant_name,
            "agency": application.agency.name,
            "tracking_number": application.tracking_number,
            "submitted_on": application.submitted_on,
            "reason": application.decline_reason,
            "track_url": _track_url(),
        },
        [application.email],
    )


def mail_replies() -> int:
    """Mail each applicant whose case has a reply not mailed yet; how many mails queued."""
    due = (
        OnlineApplication.objects.filter(case__replied_on__isnull=False)
        .exclude(reply_mailed_on=F("case__replied_on"))
        .select_related("case", "case__agency")
    )
    sent = 0
    for application in due:
        case = application.case
        assert case is not None and case.replied_on is not None
        # claim the row first: two runs at once mail once
        claimed = OnlineApplication.objects.filter(
            pk=application.pk, reply_mailed_on=application.reply_mailed_on
        ).update(reply_mailed_on=case.replied_on)
        if not claimed:
            continue
        sent += mail.send(
            "portal_replied",
            {
                "applicant": case.applicant_name,
                "agency": case.agency.name,
                "tracking_number": application.tracking_number,
                "replied_on": case.replied_on,
                "outcome": outcome_text(case),
                "track_url": _track_url(),
            },
            [case.email],
        )
    return sent
