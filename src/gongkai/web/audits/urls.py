from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from gongkai.web.audits.views import analytics, comparison, findings, projects

app_name = "audits"

# Project, document, finding and comparison routes.
project_urls: list[URLPattern | URLResolver] = [
    path("", projects.project_list, name="list"),
    path("<int:pk>/", projects.project_detail, name="detail"),
    path("<int:pk>/progress/", projects.project_progress, name="progress"),
    path("<int:pk>/upload/", projects.project_upload, name="upload"),
    path("<int:pk>/urls/", projects.project_urls, name="urls"),
    path("<int:pk>/rerun/", projects.project_rerun, name="rerun"),
    path("<int:pk>/findings/<int:finding_pk>/", findings.finding_detail, name="finding"),
    path("<int:pk>/reports/<int:report_pk>/match/", findings.report_match, name="match"),
    path("<int:pk>/reports/<int:report_pk>/compare/", comparison.comparison, name="compare"),
    path(
        "<int:pk>/reports/<int:report_pk>/compare.pdf",
        comparison.comparison_pdf,
        name="compare_pdf",
    ),
]

# ---- Analytics routes (owned by the analytics engineer): add them here. ----
analytics_urls: list[URLPattern | URLResolver] = [
    path("<int:pk>/analytics/", analytics.analytics_page, name="analytics"),
    path(
        "<int:pk>/analytics/chart/<str:chart>.svg",
        analytics.analytics_chart,
        name="analytics_chart",
    ),
    path(
        "<int:pk>/analytics/export/<str:table>.<str:fmt>",
        analytics.analytics_export,
        name="analytics_export",
    ),
    path("analytics/", analytics.analytics_page, name="subtree_analytics"),
    path(
        "analytics/chart/<str:chart>.svg",
        analytics.analytics_chart,
        name="subtree_analytics_chart",
    ),
    path(
        "analytics/export/<str:table>.<str:fmt>",
        analytics.analytics_export,
        name="subtree_analytics_export",
    ),
]
# ---- end of analytics routes ----

urlpatterns = project_urls + analytics_urls
