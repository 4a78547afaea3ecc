from __future__ import annotations

from django.apps import AppConfig


class ContentReviewConfig(AppConfig):
    name = "gongkai.web.contentreview"
    label = "contentreview"
    verbose_name = "内容审查"
