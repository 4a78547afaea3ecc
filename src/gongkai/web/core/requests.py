"""The request of a staff page, typed.

``LoginRequiredMiddleware`` lets only signed-in users reach the staff pages, so there
``request.user`` is a platform :class:`User`, never anonymous. Views annotate their request
as :class:`StaffRequest` to say so (an annotation only: Django passes its usual request).
"""

from __future__ import annotations

from django.http import HttpRequest

from gongkai.web.accounts.models import User


class StaffRequest(HttpRequest):
    user: User
