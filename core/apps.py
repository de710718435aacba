from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Platform"

    def ready(self):
        from core import auth_audit  # noqa: F401 - connects the sign-in receivers
