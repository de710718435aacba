"""Who may read and run reports. A report's audience is one role; admins see every report.

Imported from ReportsConfig.ready() so the rules are registered.
"""

from people.permissions import has_role, rule
from people.roles import Role
from reports import registry


@rule("reports.type.view")
def _view_report_type(user, report_type: registry.ReportType) -> bool:
    return has_role(user, report_type.audience, Role.ADMIN)


@rule("reports.type.run")
def _run_report_type(user, report_type: registry.ReportType) -> bool:
    return has_role(user, *report_type.run_roles, Role.ADMIN)


def may_use_reports(user) -> bool:
    """True when the user is in the audience of at least one report (the menu entry)."""
    return any(_view_report_type(user, t) for t in registry.all_types())
