"""The one place that answers "may this user do X (to this object)?".

Roles come from Django groups (people.roles.Role); "line manager" comes from the reporting
line. Apps register object rules with `@rule("welfare.case.view")` in their own permissions
module (imported from AppConfig.ready) and ask `can(user, "welfare.case.view", case)`.

Views turn the answers into responses: the wrong role gets 403 (`require_role`), a record
outside the user's scope gets 404 (fetch it through a scoped selector).
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

from people.roles import ROLE_BY_GROUP, Role

_RULES: dict[str, Callable] = {}


def roles_of(user) -> frozenset[str]:
    """The role values this user holds, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_peel_roles", None)
    if cached is None:
        names = getattr(user, "_peel_group_names", None)  # loaded with the user (backends)
        if names is None:
            names = user.groups.values_list("name", flat=True)
        roles = {ROLE_BY_GROUP[name] for name in names if name in ROLE_BY_GROUP}
        if user.is_superuser:
            roles.add(Role.ADMIN.value)
        cached = frozenset(roles)
        user._peel_roles = cached
    return cached


def has_role(user, *roles: str) -> bool:
    """True when the user holds any of `roles`."""
    return bool(roles_of(user) & {str(r) for r in roles})


def is_line_manager(user) -> bool:
    """True when the user has at least one current, active direct report."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_peel_is_manager", None)
    if cached is None:
        cached = user.reports.filter(is_active=True).exists()
        user._peel_is_manager = cached
    return cached


def is_line_manager_of(manager, person) -> bool:
    """True when `manager` is `person`'s current line manager."""
    return bool(getattr(manager, "is_authenticated", False)) and (
        person.line_manager_id is not None and person.line_manager_id == manager.pk
    )


def rule(name: str):
    """Register `fn(user, obj) -> bool` as the answer for action `name`."""

    def register(fn):
        if name in _RULES and _RULES[name] is not fn:
            raise ValueError(f"Permission rule {name!r} is registered twice.")
        _RULES[name] = fn
        return fn

    return register


def can(user, action: str, obj=None) -> bool:
    """May `user` do `action` (to `obj`)? Unknown actions raise KeyError: we fail closed."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(_RULES[action](user, obj))


def require(user, action: str, obj=None) -> None:
    """Raise PermissionDenied (403) unless `can(user, action, obj)`."""
    if not can(user, action, obj):
        raise PermissionDenied


def require_role(*roles: str, allow_line_managers: bool = False):
    """View decorator: 403 unless the user holds one of `roles` (or manages someone)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            allowed = has_role(user, *roles) or (allow_line_managers and is_line_manager(user))
            if not allowed:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.peel_roles = tuple(str(r) for r in roles)
        return wrapped

    return decorator


@rule("people.person.view")
def _view_person(user, person) -> bool:
    return person.pk == user.pk or is_line_manager_of(user, person) or has_role(user, Role.ADMIN)


@rule("people.workforce.view")
def _view_workforce(user, obj=None) -> bool:
    return has_role(user, Role.PEOPLE_ANALYST, Role.ADMIN)


@rule("people.team.view")
def _view_team(user, obj=None) -> bool:
    return is_line_manager(user)
