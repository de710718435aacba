from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "recruitment"
    verbose_name = "Recruitment"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from people.permissions import can as allowed
        from recruitment import models, permissions  # noqa: F401  (registers the rules)
        from recruitment.work import recruitment_work_for

        for model in (
            models.Campaign,
            models.Zone,
            models.Ambassador,
            models.ExpressionOfInterest,
            models.EOISource,
            models.Candidate,
            models.StageResult,
            models.PipelineStage,
            models.Intake,
            models.PositiveActionSupport,
            models.TieBreakDecision,
        ):
            auditlog.register(model)
        auditlog.register(
            models.EOIEquality,
            mask_fields=["sex", "ethnicity", "disability", "sexual_orientation", "religion"],
        )

        def can(action):
            return lambda user: allowed(user, action)

        nav.register(
            NavItem(
                "Take an EOI",
                "recruitment:quick",
                visible=can("recruitment.eoi.capture"),
                section="Recruitment",
            )
        )
        nav.register(
            NavItem(
                "EOIs",
                "recruitment:eoi-list",
                visible=can("recruitment.eoi.view"),
                section="Recruitment",
            )
        )
        nav.register(
            NavItem(
                "Candidates",
                "recruitment:candidate-list",
                visible=can("recruitment.support.record"),
                section="Recruitment",
            )
        )
        nav.register(
            NavItem(
                "Recruitment figures",
                "recruitment:dashboard",
                visible=can("recruitment.figures.view"),
                section="Insight",
            )
        )
        work.register(recruitment_work_for)
