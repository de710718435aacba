from celery import shared_task

from adjustments import services


@shared_task(name="adjustments.review_reminders", acks_late=True)
def review_reminders() -> int:
    """Email reminders for passport reviews due within 14 days; safe to run twice."""
    return services.passport_review_reminders()
