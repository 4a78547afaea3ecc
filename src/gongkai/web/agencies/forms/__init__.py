from gongkai.web.agencies.forms.contact import AgencyContactForm, AgencyFilterForm

__all__ = ["AgencyContactForm", "AgencyFilterForm"]
