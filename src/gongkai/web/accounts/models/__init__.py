from gongkai.web.accounts.models.login_failure import LoginFailure
from gongkai.web.accounts.models.user import User

__all__ = ["LoginFailure", "User"]
