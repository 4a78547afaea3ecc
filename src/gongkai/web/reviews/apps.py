from __future__ import annotations

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "gongkai.web.reviews"
    label = "reviews"
    verbose_name = "行政复议和行政诉讼"
