from __future__ import annotations

from django.urls import path

from gongkai.web.annual.views import public, staff

app_name = "annual"
urlpatterns = [
    path("", staff.report_list, name="list"),
    path("build/", staff.report_build, name="build"),
    path("overview/", staff.report_overview, name="overview"),
    path("ranking/", staff.report_ranking, name="ranking"),
    path("ranking/export.<str:fmt>", staff.ranking_export, name="ranking_export"),
    path("<int:pk>/", staff.report_detail, name="detail"),
    path("<int:pk>/rebuild/", staff.report_rebuild, name="rebuild"),
    path("<int:pk>/action/", staff.report_action, name="action"),
    path("<int:pk>/sections/<str:number>/", staff.section_edit, name="section"),
    path("<int:pk>/import-previous/", staff.import_previous, name="import_previous"),
    path("<int:pk>/export/<str:target>/", staff.report_export, name="export"),
    path("<int:pk>/cell/", staff.report_detail, name="cell_base"),
    path("<int:pk>/cell/<str:table>/<str:row>/<int:column>/", staff.cell_records, name="cell"),
    path("public/<int:agency_id>/", public.public_reports, name="public"),
    path(
        "public/versions/<int:version_id>/<str:target>/",
        public.public_download,
        name="public_download",
    ),
]
