from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "welfare"
    verbose_name = "Welfare and retention"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from people.permissions import can
        from welfare import models, permissions
        from welfare.work import welfare_work_for

        for model in (
            models.WelfareCase,
            models.ContactLogEntry,
            models.SupportOffered,
            models.CaseTheme,
            models.Resignation,
            models.Reg13Case,
            models.Reg13StageRecord,
        ):
            auditlog.register(model)

        team = permissions.is_welfare_team
        nav.register(NavItem("Welfare cases", "welfare:case-list", visible=team, section="Welfare"))
        nav.register(
            NavItem("Probation", "welfare:probation-list", visible=team, section="Welfare")
        )
        nav.register(
            NavItem(
                "Welfare figures",
                "welfare:dashboard",
                visible=lambda user: can(user, "welfare.figures.view"),
                section="Insight",
            )
        )
        nav.register(
            NavItem(
                "Welfare concerns",
                "welfare:concern-list",
                visible=lambda user: can(user, "welfare.concern.raise"),
                section="Me",
            )
        )
        work.register(welfare_work_for)

        from welfare import privacy

        privacy.register()
