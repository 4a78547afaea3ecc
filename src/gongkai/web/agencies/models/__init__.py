from gongkai.web.agencies.models.agency import Agency, AgencyQuerySet

__all__ = ["Agency", "AgencyQuerySet"]
