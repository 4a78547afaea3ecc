from gongkai.web.portal.models.application import OnlineApplication
from gongkai.web.portal.models.correction import OnlineCorrection
from gongkai.web.portal.models.lookup import LookupFailure

__all__ = ["LookupFailure", "OnlineApplication", "OnlineCorrection"]
