from __future__ import annotations

from django.urls import path

from gongkai.web.core.views.home import home

app_name = "core"
urlpatterns = [path("", home, name="home")]
