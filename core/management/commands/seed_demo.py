from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand

from people.demo import ROLE_USERS

EXTRA = {"manager": "Line manager", "student": "Student officer (PCDA)"}


class Command(BaseCommand):
    help = "Load demo data for every app (safe to run again: it adds only what is missing)."

    def handle(self, *args, **options):
        for app in settings.LOCAL_APPS if hasattr(settings, "LOCAL_APPS") else []:
            if app == "core" or find_spec(f"{app}.demo") is None:
                continue
            import_module(f"{app}.demo").seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("\nDemo users (staff number / password):"))
        for staff_number, first, last, roles, *_ in ROLE_USERS:
            label = ", ".join(r.label for r in roles) or EXTRA.get(staff_number, "Colleague")
            self.stdout.write(f"  {staff_number:<11} {first} {last}: {label}")
        self.stdout.write(f"  Password for all of them: {settings.PEEL_DEMO_PASSWORD}")
        self.stdout.write("Open http://127.0.0.1:8000/ and sign in.")
