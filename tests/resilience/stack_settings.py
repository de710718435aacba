"""Settings for the processes the resilience drills start (gunicorn, Celery workers, beat):
the test settings made production-like where the drills probe it: Redis as broker, result
store and cache (a Redis of the drill's own, which the drill stops), real workers, files on
disk, persistent database connections with health checks."""

from config.settings.base import redis_cache
from config.settings.test import *  # noqa: F403
from config.settings.test import DATABASES, env

REDIS_URL = env("REDIS_URL")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = False
CACHES = redis_cache(REDIS_URL)  # as in production
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env("PEEL_FILES_DIR")
DATABASES["default"]["CONN_MAX_AGE"] = 60
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 5,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
PEEL_REPORT_MODULES = ["tests.reports.slow_report"]
PEEL_BEAT_MAX_AGE = 120
