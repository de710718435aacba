from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes and benefits"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from programmes import models, permissions
        from programmes.work import programmes_work_for

        for model in (
            models.Programme,
            models.Project,
            models.FinancialLine,
            models.FteEfficiency,
            models.Benefit,
            models.ProfileLine,
            models.Measurement,
            models.BaselineVersion,
        ):
            auditlog.register(model)

        nav.register(
            NavItem(
                "Programmes",
                "programmes:summary",
                visible=permissions.may_view,
                section="Insight",
            )
        )
        nav.register(
            NavItem(
                "Benefit register",
                "programmes:benefit-list",
                visible=permissions.may_view,
                section="Insight",
            )
        )
        work.register(programmes_work_for)
