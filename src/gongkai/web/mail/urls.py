from __future__ import annotations

from django.urls import path

from gongkai.web.mail.views.outbox import outbox_page

app_name = "mail"
urlpatterns = [path("", outbox_page, name="outbox")]
