from gongkai.web.accounts.models.account_event import AccountEvent
from gongkai.web.accounts.models.login_failure import LoginFailure
from gongkai.web.accounts.models.user import User

__all__ = ["AccountEvent", "LoginFailure", "User"]
