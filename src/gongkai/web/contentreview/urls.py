from __future__ import annotations

from django.urls import path

from gongkai.web.contentreview import views

app_name = "contentreview"
urlpatterns = [
    path("run/<str:subject>/<int:object_id>/", views.run_review, name="run"),
    path("findings/<int:pk>/decide/", views.decide, name="decide"),
    path("runs/<int:pk>/override/", views.override, name="override"),
]
