"""Demo set-up for reports: the default schedule in django-celery-beat, and each scheduled
report's demo reader (the demo user holding its audience role) subscribed to it. No runs are
made here: ask for one from the library (tasks run inline when no broker is configured).
Idempotent."""

from people.models import User
from people.roles import Role
from reports import registry, schedule
from reports.models import ReportSubscription

# The demo user (staff number) who reads each audience's reports.
DEMO_READERS = {
    Role.PEOPLE_ANALYST: "analyst",
    Role.RECRUITMENT_OFFICER: "recruit",
    Role.WELFARE_OFFICER: "welfare",
    Role.RA_OFFICER: "raofficer",
    Role.BENEFITS_ANALYST: "benefits",
}


def seed(stdout=None) -> None:
    counts = schedule.sync()
    readers = {
        u.staff_number: u for u in User.objects.filter(staff_number__in=DEMO_READERS.values())
    }
    for report_type in registry.all_types():
        reader = readers.get(DEMO_READERS.get(report_type.audience, ""))
        if report_type.schedule and reader is not None:
            ReportSubscription.objects.get_or_create(report_type=report_type.key, user=reader)
    if stdout:
        stdout.write(
            f"Reports: schedule synced ({counts['created']} new); each scheduled report's "
            "demo reader subscribes to it."
        )
