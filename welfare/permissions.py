"""Who may do what in welfare.

The welfare team (welfare officers) reads and works every case. A line manager may raise a
concern about their own student officers and then sees only each case's existence and status.
Everyone else: nothing (cases answer 404, team pages 403).
"""

from people.permissions import has_role, is_line_manager, is_line_manager_of, rule
from people.roles import Role


def is_welfare_team(user) -> bool:
    return has_role(user, Role.WELFARE_OFFICER)


@rule("welfare.case.work")
def _work_cases(user, obj=None) -> bool:
    return is_welfare_team(user)


@rule("welfare.concern.raise")
def _raise_concern(user, officer=None) -> bool:
    if officer is None:
        return is_line_manager(user)
    return is_line_manager_of(user, officer)


@rule("welfare.figures.view")
def _view_figures(user, obj=None) -> bool:
    return has_role(user, Role.WELFARE_OFFICER, Role.PEOPLE_ANALYST, Role.ADMIN)
