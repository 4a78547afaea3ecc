from __future__ import annotations

from django.urls import path

from gongkai.web.opendata.views import public

app_name = "opendata"
urlpatterns = [
    path("", public.index, name="index"),
    path("dictionary/", public.dictionary_page, name="dictionary"),
    # The files keep the names SHA256SUMS lists, so ``sha256sum -c`` works on a download.
    path("files/<str:name>", public.download, name="file"),
]
