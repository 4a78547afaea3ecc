from __future__ import annotations

from django.urls import path

from gongkai.web.reviews.views import reviews

app_name = "reviews"
urlpatterns = [
    path("", reviews.review_list, name="list"),
    path("<int:pk>/", reviews.review_detail, name="detail"),
    path("<int:pk>/conclude/", reviews.review_conclude, name="conclude"),
]
