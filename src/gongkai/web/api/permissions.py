"""Who may hold API tokens, and which agencies a token reaches.

A token acts for its agency within its creator's scope: supervisors may give a token their
agency's whole subtree, heads only their own agency. The reach is re-checked on every
request against the creator's current scope, so a creator who is deactivated or moved to a
narrower role takes the token's reach down with them.
"""

from __future__ import annotations

from typing import Any

from gongkai.web.accounts import permissions
from gongkai.web.accounts.roles import Scope
from gongkai.web.agencies.models import Agency, AgencyQuerySet

# role → the token scopes it may create (the role's own view scope and narrower)
TOKEN_SCOPES_BY_ROLE: dict[str, tuple[str, ...]] = {
    "supervisor": ("own", "subtree"),
    "head": ("own",),
}


def token_scopes(user: Any) -> tuple[str, ...]:
    role = permissions.role_of(user)
    if role is None or user.agency_id is None:
        return ()
    return TOKEN_SCOPES_BY_ROLE.get(role.key, ())


def may_hold_tokens(user: Any) -> bool:
    return bool(token_scopes(user))


def token_agencies(token: Any) -> AgencyQuerySet:
    """The agencies a token's requests may read: its scope, within its creator's view."""
    agencies = Agency.objects.filter(permissions.agency_q(token.created_by, "view"))
    if token.scope == "subtree":
        return agencies.subtree(token.agency)
    return agencies.filter(pk=token.agency_id)


def visible_tokens(user: Any) -> Any:
    """The tokens listed to ``user``: their agency's, and for a supervisor the subtree's."""
    from gongkai.web.api.models import ApiToken

    if not may_hold_tokens(user):
        return ApiToken.objects.none()
    role = permissions.role_of(user)
    assert role is not None
    if role.scope("view") is Scope.SUBTREE:
        return ApiToken.objects.filter(agency__in=Agency.objects.subtree(user.agency))
    return ApiToken.objects.filter(agency_id=user.agency_id)


def may_revoke(user: Any, token: Any) -> bool:
    return bool(token.created_by_id == user.pk or visible_tokens(user).filter(pk=token.pk).exists())
