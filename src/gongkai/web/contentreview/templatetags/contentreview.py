"""``{% content_review_panel "catalogue" item %}``: the findings of an object's last review."""

from __future__ import annotations

from typing import Any

from django import template

from gongkai.web.contentreview import services
from gongkai.web.contentreview.forms import DecisionForm, OverrideForm
from gongkai.web.contentreview.subjects import SUBJECTS

register = template.Library()
_ORDER = {"error": 0, "warning": 1, "info": 2}


@register.inclusion_tag("contentreview/_panel.html", takes_context=True)
def content_review_panel(context: Any, subject: str, obj: Any) -> dict[str, Any]:
    user = context["request"].user
    run = services.current_run(subject, obj)
    # An earlier run of content since changed (edited, or a correction of a published
    # report) is not shown: its findings and override would speak of other text.
    stale = run is None and services.latest_run(subject, obj.pk) is not None
    findings = sorted(run.findings.all(), key=lambda f: (_ORDER[f.severity], f.pk)) if run else []
    return {
        "subject": subject,
        "obj": obj,
        "run": run,
        "stale": stale,
        "findings": findings,
        "blocking": services.blocking(run) if run else [],
        "events": run.events.select_related("by", "finding") if run else [],
        "may_decide": SUBJECTS[subject].may_decide(user, obj),
        "may_override": SUBJECTS[subject].may_override(user, obj),
        "decision_form": DecisionForm(),
        "override_form": OverrideForm(),
        "csrf_token": context.get("csrf_token"),
    }
