from gongkai.web.api.models.tokens import (
    TOKEN_EVENT_CHOICES,
    TOKEN_SCOPE_CHOICES,
    ApiToken,
    ApiTokenEvent,
)

__all__ = ["TOKEN_EVENT_CHOICES", "TOKEN_SCOPE_CHOICES", "ApiToken", "ApiTokenEvent"]
