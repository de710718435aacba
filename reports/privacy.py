"""Subject access for reports: no figure in a report is about one person.

Report runs keep aggregate tables only, with small counts suppressed before they are stored
(see docs/REPORTS.md). What reports hold about a person is only who asked for a run and who
subscribes to a report; the export says so plainly rather than leaving the section out.
"""

from reports.models import ReportRun, ReportSubscription

NOTHING_HELD = (
    "Reports hold aggregate figures only, with small numbers suppressed; "
    "no figure in them is about you."
)


def reports_for_subject(*, person, email: str = "") -> list[dict]:
    rows = [{"Note": NOTHING_HELD}]
    if person is None:
        return rows
    rows += [
        {"You asked for": run.period_label, "Report": run.report_type, "On": run.created_at}
        for run in ReportRun.objects.filter(requested_by=person)
    ]
    rows += [
        {"You subscribe to": s.report_type} for s in ReportSubscription.objects.filter(user=person)
    ]
    return rows


def register() -> None:
    """Plug the provider into core's subject access registry."""
    from core import subject_access

    subject_access.register("Reports and figures", reports_for_subject)
