"""Demo set-up for reports: the default schedule in django-celery-beat, and the people analyst
subscribed to the scheduled reports. No runs are made here: ask for one from the library
(tasks run inline when no broker is configured). Idempotent."""

from people.models import User
from reports import registry, schedule
from reports.models import ReportSubscription


def seed(stdout=None) -> None:
    counts = schedule.sync()
    analyst = User.objects.filter(staff_number="analyst").first()
    if analyst is not None:
        for report_type in registry.all_types():
            if report_type.schedule:
                ReportSubscription.objects.get_or_create(report_type=report_type.key, user=analyst)
    if stdout:
        stdout.write(
            f"Reports: schedule synced ({counts['created']} new); the analyst subscribes to "
            "the scheduled reports."
        )
