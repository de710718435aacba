"""Who may do what in recruitment. Scope (which EOIs) is decided in selectors.eois_for."""

from people.permissions import has_role, rule
from people.roles import Role

OFFICERS = (Role.RECRUITMENT_OFFICER, Role.ADMIN)
CAPTURERS = (Role.RECRUITMENT_OFFICER, Role.AMBASSADOR, Role.POSITIVE_ACTION, Role.ADMIN)


@rule("recruitment.eoi.capture")
def _capture(user, obj=None) -> bool:
    return has_role(user, *CAPTURERS)


@rule("recruitment.eoi.view")
def _view(user, obj=None) -> bool:
    return has_role(user, *CAPTURERS)


@rule("recruitment.eoi.work")
def _work(user, obj=None) -> bool:
    return has_role(user, *OFFICERS)


@rule("recruitment.pipeline.manage")
def _pipeline(user, obj=None) -> bool:
    """Stage results and offers: recruitment officers only. Positive action co-ordinators
    support candidates but never change a mark."""
    return has_role(user, *OFFICERS)


@rule("recruitment.support.record")
def _support(user, obj=None) -> bool:
    return has_role(user, Role.POSITIVE_ACTION, *OFFICERS)


@rule("recruitment.tie_break.record")
def _tie_break(user, obj=None) -> bool:
    return has_role(user, Role.POSITIVE_ACTION, *OFFICERS)


@rule("recruitment.figures.view")
def _figures(user, obj=None) -> bool:
    return has_role(user, Role.POSITIVE_ACTION, Role.PEOPLE_ANALYST, *OFFICERS)
