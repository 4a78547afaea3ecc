from __future__ import annotations

from django.urls import path

from gongkai.web.catalogue.views import items

app_name = "catalogue"
urlpatterns = [
    path("", items.item_list, name="list"),
    path("columns/", items.column_create, name="column_create"),
    path("<int:pk>/", items.item_detail, name="detail"),
    path("<int:pk>/do/<str:action>/", items.item_action, name="action"),
    path("public/<int:agency_id>/", items.public_catalogue, name="public"),
]
