from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from people.permissions import can
        from performance import models, permissions  # noqa: F401  (registers the rules)
        from performance.work import performance_work_for

        for model in (
            models.PerformanceYear,
            models.RatingScale,
            models.RatingLevel,
            models.Objective,
            models.CheckIn,
            models.YearEndReview,
            models.Rating,
            models.ModerationPanel,
            models.ModerationDecision,
            models.Appeal,
            models.PromotionProcess,
            models.PromotionApplication,
        ):
            auditlog.register(model)

        nav.register(
            NavItem("My performance", "performance:me", visible=lambda user: True, section="Me")
        )
        nav.register(
            NavItem(
                "Team performance",
                "performance:team",
                visible=lambda user: can(user, "performance.team.view"),
                section="Me",
            )
        )
        nav.register(
            NavItem(
                "Moderation panels",
                "performance:panels",
                visible=lambda user: can(user, "performance.panels.view"),
                section="Performance",
            )
        )
        nav.register(
            NavItem(
                "Performance figures",
                "performance:dashboard",
                visible=lambda user: can(user, "performance.figures.view"),
                section="Insight",
            )
        )
        work.register(performance_work_for)

        from performance import privacy

        privacy.register()
