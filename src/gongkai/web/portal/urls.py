from __future__ import annotations

from django.urls import path

from gongkai.web.portal.views import public, staff

app_name = "portal"
urlpatterns = [
    path("", public.home, name="home"),
    path("reports/", public.reports, name="reports"),
    path("agencies/<int:pk>/", public.agency, name="agency"),
    path("agencies/<int:pk>/apply/", public.apply, name="apply"),
    path("track/", public.track, name="track"),
    path("track/leave/", public.leave, name="leave"),
    path("track/<str:tracking>/", public.case_status, name="status"),
    path("track/<str:tracking>/submitted/", public.submitted, name="submitted"),
    path("track/<str:tracking>/correction/", public.submit_correction, name="correction"),
    path("track/<str:tracking>/receipt/", public.receipt, name="receipt"),
    path("track/<str:tracking>/letters/<str:key>.<str:fmt>", public.letter, name="letter"),
    # staff (login required, scoped to the agencies the user may edit)
    path("inbox/", staff.inbox, name="inbox"),
    path("inbox/<int:pk>/confirm/", staff.confirm, name="confirm"),
    path("inbox/<int:pk>/decline/", staff.decline, name="decline"),
    path(
        "inbox/corrections/<int:pk>/confirm/",
        staff.confirm_correction,
        name="confirm_correction",
    ),
    path(
        "inbox/corrections/<int:pk>/decline/",
        staff.decline_correction,
        name="decline_correction",
    ),
    path("inbox/corrections/<int:pk>/file/", staff.correction_file, name="correction_file"),
]
