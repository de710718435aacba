"""Trying Peel on a laptop: SQLite, tasks inline, debug on."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-only-insecure-key-do-not-use-in-production")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come straight from the finders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Trying Peel on a laptop: demo users are not asked to set up an authenticator app unless
# PEEL_MFA_ENFORCED=true. Production always enforces it.
PEEL_MFA_ENFORCED = env.bool("PEEL_MFA_ENFORCED", default=False)
