"""Who may see which performance pages (object scope is in the selectors: out of scope 404)."""

from people.permissions import has_role, is_line_manager, rule
from people.roles import Role


@rule("performance.team.view")
def _view_team(user, obj=None) -> bool:
    return is_line_manager(user)


@rule("performance.panels.view")
def _view_panels(user, obj=None) -> bool:
    return has_role(user, Role.MODERATOR)


@rule("performance.figures.view")
def _view_figures(user, obj=None) -> bool:
    """Aggregates and fairness only: people analysts and admins."""
    return has_role(user, Role.PEOPLE_ANALYST, Role.ADMIN)


@rule("performance.panel_fairness.view")
def _view_panel_fairness(user, obj=None) -> bool:
    return has_role(user, Role.MODERATOR, Role.PEOPLE_ANALYST, Role.ADMIN)
