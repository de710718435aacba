"""Settings for the real Celery workers the report tests start: the test settings, plus files
on disk (a worker is another process, so in-memory storage would keep them from the test),
a short visibility timeout so a killed worker's task is redelivered within seconds, and the
test-only report type."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env("PEEL_FILES_DIR")
CELERY_TASK_ALWAYS_EAGER = False
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
PEEL_REPORT_MODULES = ["tests.reports.slow_report"]
