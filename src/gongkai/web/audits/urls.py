from __future__ import annotations

from django.urls import URLPattern, URLResolver

app_name = "audits"

# Project, document, finding and comparison routes.
project_urls: list[URLPattern | URLResolver] = []

# ---- Analytics routes (owned by the analytics engineer): add them here. ----
analytics_urls: list[URLPattern | URLResolver] = []
# ---- end of analytics routes ----

urlpatterns = project_urls + analytics_urls
