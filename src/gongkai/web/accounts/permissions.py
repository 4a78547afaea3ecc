"""Who may do what, enforced in querysets and object look-ups (not only in templates).

Every app that stores records of an agency scopes them through this module:

    cases = scope_queryset(Case.objects.all(), request.user, "view")
    case = get_scoped_object_or_404(Case.objects.all(), request.user, "edit", pk=pk)

An object outside the user's *view* scope is reported as missing (404), so the platform
never reveals what exists in other agencies; one the user may see but not change gives 403.
Scopes come from the role table in :mod:`gongkai.web.accounts.roles`; subtree scopes are
one indexed range condition on the agency path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from gongkai.web.accounts.roles import ROLES, Role, Scope
from gongkai.web.agencies.models.agency import in_subtree_q

if TYPE_CHECKING:
    from gongkai.web.agencies.models import Agency, AgencyQuerySet

M = TypeVar("M", bound=Model)
QS = TypeVar("QS", bound="QuerySet[Any]")  # a model's own queryset class stays itself


class OutOfScope(Http404):
    """The record does not exist, or lies outside what the user may see (indistinguishable)."""


_NOTHING = Q(pk__in=[])


def role_of(user: Any) -> Role | None:
    """The active role of a user; None for anonymous or deactivated users."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return ROLES.get(getattr(user, "role", ""))


def agency_q(user: Any, action: str, prefix: str = "") -> Q:
    """A filter on agencies (``prefix`` leads from the queried model to its agency, e.g.
    ``"agency__"``) selecting those where ``user`` may perform ``action``."""
    role = role_of(user)
    if role is None:
        return _NOTHING
    scope = role.scope(action)
    if scope is Scope.ALL:
        return Q()
    if scope is Scope.NONE or user.agency_id is None:
        return _NOTHING
    if scope is Scope.OWN:
        return Q(**{f"{prefix}pk": user.agency_id})
    return in_subtree_q(user.agency, prefix=prefix)


def agencies_for(user: Any, action: str) -> AgencyQuerySet:
    from gongkai.web.agencies.models import Agency

    return Agency.objects.filter(agency_q(user, action))


def visible_agencies(user: Any) -> AgencyQuerySet:
    return agencies_for(user, "view")


def editable_agencies(user: Any) -> AgencyQuerySet:
    return agencies_for(user, "edit")


def can(user: Any, action: str, agency: Agency | None) -> bool:
    """Whether ``user`` may perform ``action`` on records of ``agency`` — no query needed."""
    role = role_of(user)
    if role is None or agency is None:
        return False
    scope = role.scope(action)
    if scope is Scope.ALL:
        return True
    if scope is Scope.NONE or user.agency_id is None:
        return False
    if scope is Scope.OWN:
        return bool(agency.pk == user.agency_id)
    return bool(agency.is_in_subtree_of(user.agency))


def can_view(user: Any, agency: Agency | None) -> bool:
    return can(user, "view", agency)


def can_edit(user: Any, agency: Agency | None) -> bool:
    return can(user, "edit", agency)


def can_approve(user: Any, agency: Agency | None) -> bool:
    return can(user, "approve", agency)


def can_manage(user: Any, agency: Agency | None) -> bool:
    return can(user, "manage", agency)


def scope_queryset(
    queryset: QS, user: Any, action: str = "view", agency_field: str = "agency"
) -> QS:
    """Restrict any queryset of records with an agency foreign key to the user's scope.

    ``agency_field`` is the lookup path to the agency (``"agency"``, ``"case__agency"``);
    pass ``""`` to scope a queryset of agencies themselves.
    """
    prefix = f"{agency_field}__" if agency_field else ""
    return queryset.filter(agency_q(user, action, prefix))


def get_scoped_object_or_404(
    queryset: QuerySet[M],
    user: Any,
    action: str = "view",
    agency_field: str = "agency",
    **lookup: Any,
) -> M:
    """The object matching ``lookup`` if the user may see it (else 404) and may perform
    ``action`` on it (else 403)."""
    try:
        obj = scope_queryset(queryset, user, "view", agency_field).get(**lookup)
    except ObjectDoesNotExist:  # the queryset's model's DoesNotExist
        raise OutOfScope("未找到该记录，或您无权访问。") from None
    if action != "view":
        agency = _agency_of(obj, agency_field)
        if not can(user, action, agency):
            raise PermissionDenied("您无权执行此操作。")
    return obj


def _agency_of(obj: Any, agency_field: str) -> Any:
    target = obj
    for part in agency_field.split("__") if agency_field else ():
        target = getattr(target, part)
    return target


class AgencyScopedObjectMixin:
    """For detail/update class-based views: ``get_object`` honours the user's scope.

    Set ``scope_action`` ("view", "edit", "approve", "manage") and ``agency_field``.
    """

    scope_action = "view"
    agency_field = "agency"
    request: Any
    kwargs: dict[str, Any]

    def get_object(self, queryset: QuerySet[Any] | None = None) -> Any:
        if queryset is None:
            queryset = self.get_queryset()  # type: ignore[attr-defined]  # from the view class
        return get_scoped_object_or_404(
            queryset,
            self.request.user,
            self.scope_action,
            self.agency_field,
            pk=self.kwargs["pk"],
        )


class AgencyScopedListMixin:
    """For list class-based views: the queryset only holds what the user may see."""

    agency_field = "agency"
    request: Any

    def get_queryset(self) -> QuerySet[Any]:
        queryset = super().get_queryset()  # type: ignore[misc]
        return scope_queryset(queryset, self.request.user, "view", self.agency_field)
