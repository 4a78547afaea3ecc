"""URL map: each app brings its own ``urls.py``; static files are served here, by the app."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path, re_path

from gongkai.web.api.urls import v1_urls
from gongkai.web.core.views.static import static_file

urlpatterns = [
    path("", include("gongkai.web.core.urls")),
    path("accounts/", include("gongkai.web.accounts.urls")),
    path("agencies/", include("gongkai.web.agencies.urls")),
    path("cases/", include("gongkai.web.cases.urls")),
    path("registers/", include("gongkai.web.registers.urls")),
    path("reviews/", include("gongkai.web.reviews.urls")),
    path("catalogue/", include("gongkai.web.catalogue.urls")),
    path("annual/", include("gongkai.web.annual.urls")),
    path("portal/", include("gongkai.web.portal.urls")),
    path("content-review/", include("gongkai.web.contentreview.urls")),
    path("audits/", include("gongkai.web.audits.urls")),
    path("open-data/", include("gongkai.web.opendata.urls")),
    path("mail/", include("gongkai.web.mail.urls")),
    path("search/", include("gongkai.web.search.urls")),
    path("api/v1/", v1_urls),
    path("api/", include("gongkai.web.api.urls")),
    path("admin/", admin.site.urls),
    re_path(r"^static/(?P<path>.+)$", static_file, name="static"),
]
