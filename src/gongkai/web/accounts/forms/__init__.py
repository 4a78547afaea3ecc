from gongkai.web.accounts.forms.login import ThrottledAuthenticationForm

__all__ = ["ThrottledAuthenticationForm"]
