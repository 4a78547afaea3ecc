from __future__ import annotations

from django.urls import path

from gongkai.web.cases.views import case, lists

app_name = "cases"
urlpatterns = [
    path("", lists.case_list, name="list"),
    path("new/", lists.case_new, name="new"),
    path("new/duplicates/", lists.intake_duplicates, name="duplicates"),
    path("dashboard/", lists.dashboard, name="dashboard"),
    path("supervision/", lists.supervision, name="supervision"),
    path("export.<str:fmt>", lists.case_export, name="export"),
    path("notifications/", lists.notifications, name="notifications"),
    path("notifications/read/", lists.notifications_read, name="notifications_read"),
    path("templates/", lists.letter_templates, name="templates"),
    path("templates/<str:key>/", lists.letter_templates, name="template"),
    path("<int:pk>/", case.case_detail, name="detail"),
    path("<int:pk>/do/<str:key>/", case.case_action, name="action"),
    path("<int:pk>/edit/", case.case_edit, name="edit"),
    path("<int:pk>/correct/", case.case_correct, name="correct"),
    path("<int:pk>/note/", case.case_note, name="note"),
    path("<int:pk>/letters/<str:key>.<str:fmt>", case.case_letter, name="letter"),
    path("<int:pk>/documents/<int:doc>/", case.case_document, name="document"),
]
