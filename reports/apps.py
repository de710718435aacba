from importlib import import_module

from django.apps import AppConfig
from django.conf import settings


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from reports import permissions, report_types  # noqa: F401 (registers rules, types)
        from reports.models import ReportRun, ReportSubscription
        from reports.work import reports_work_for

        # More report types can be registered from modules named in settings (a deployment's
        # own reports, or a test's); each module calls reports.registry.register on import.
        for module in getattr(settings, "PEEL_REPORT_MODULES", []):
            import_module(module)

        auditlog.register(ReportRun, exclude_fields=["content", "progress", "updated_at"])
        auditlog.register(ReportSubscription)
        nav.register(
            NavItem(
                "Reports", "reports:library", visible=permissions.may_use_reports, section="Insight"
            )
        )
        work.register(reports_work_for)

        from reports import privacy

        privacy.register()
