from __future__ import annotations

from django.contrib.admin.apps import AdminConfig


class GongkaiAdminConfig(AdminConfig):
    """Django admin with the platform's own site (Chinese titles, administrators only)."""

    default_site = "gongkai.web.core.admin_site.GongkaiAdminSite"
