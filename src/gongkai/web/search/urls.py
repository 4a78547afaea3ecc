from __future__ import annotations

from django.urls import path

from gongkai.web.search.views import public

app_name = "search"
urlpatterns = [
    path("", public.search_page, name="search"),
    path("<int:pk>/", public.entry_page, name="entry"),
]
