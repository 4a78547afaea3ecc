from __future__ import annotations

from django.urls import path

from gongkai.web.agencies.views.agencies import (
    agency_contact,
    agency_detail,
    agency_edit,
    agency_list,
)

app_name = "agencies"
urlpatterns = [
    path("", agency_list, name="list"),
    path("<int:pk>/", agency_detail, name="detail"),
    path("<int:pk>/edit/", agency_edit, name="edit"),
    path("<int:pk>/contact/", agency_contact, name="contact"),
]
