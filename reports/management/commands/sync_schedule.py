from django.core.management.base import BaseCommand

from reports import schedule


class Command(BaseCommand):
    help = (
        "Copy the reports' default schedule into django-celery-beat. Keeps an admin's changes "
        "unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Put every schedule back to its default."
        )

    def handle(self, *args, reset=False, **options):
        counts = schedule.sync(reset=reset)
        self.stdout.write(
            "Schedule synced: {created} created, {reset} reset, {kept} kept as admins left "
            "them, {disabled} obsolete disabled.".format(**counts)
        )
