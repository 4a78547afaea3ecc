from __future__ import annotations

from django.urls import path

from gongkai.web.core.views.home import home
from gongkai.web.core.views.static import favicon

app_name = "core"
urlpatterns = [
    path("", home, name="home"),
    path("favicon.ico", favicon, name="favicon"),
]
