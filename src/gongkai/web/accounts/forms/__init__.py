from gongkai.web.accounts.forms.login import ThrottledAuthenticationForm
from gongkai.web.accounts.forms.password import PasswordChangeForm, TemporaryPasswordForm

__all__ = ["PasswordChangeForm", "TemporaryPasswordForm", "ThrottledAuthenticationForm"]
