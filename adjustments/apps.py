from django.apps import AppConfig


class AdjustmentsConfig(AppConfig):
    name = "adjustments"
    verbose_name = "Reasonable adjustments"

    def ready(self):
        from auditlog.registry import auditlog

        from adjustments import models, permissions
        from adjustments.work import adjustments_work_for
        from core.navigation import NavItem, nav, work
        from people.permissions import can

        for model in (
            models.JoinerNeed,
            models.Passport,
            models.ManagerConsent,
            models.Adjustment,
            models.AccessToWork,
            models.DyslexiaReferral,
        ):
            auditlog.register(model)

        nav.register(
            NavItem(
                "Adjustments queue",
                "adjustments:queue",
                visible=permissions.is_ra_officer,
                section="Adjustments",
            )
        )
        nav.register(
            NavItem(
                "Dyslexia referrals",
                "adjustments:referrals",
                visible=lambda user: can(user, "adjustments.referral.list"),
                section="Adjustments",
            )
        )
        nav.register(
            NavItem(
                "Team passports",
                "adjustments:team",
                visible=lambda user: can(user, "adjustments.team.view"),
                section="Me",
            )
        )
        nav.register(
            NavItem(
                "Adjustments figures",
                "adjustments:dashboard",
                visible=lambda user: can(user, "adjustments.dashboard.view"),
                section="Insight",
            )
        )
        work.register(adjustments_work_for)
