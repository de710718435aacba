from django.apps import AppConfig

# (menu label, url name, permission that shows it, menu section)
MENU = [
    ("Take an EOI", "recruitment:quick", "recruitment.eoi.capture", "Recruitment"),
    ("EOIs", "recruitment:eoi-list", "recruitment.eoi.view", "Recruitment"),
    ("Candidates", "recruitment:candidate-list", "recruitment.support.record", "Recruitment"),
    ("Recruitment figures", "recruitment:dashboard", "recruitment.figures.view", "Insight"),
]
EQUALITY_FIELDS = ["sex", "ethnicity", "disability", "sexual_orientation", "religion"]


class RecruitmentConfig(AppConfig):
    name = "recruitment"
    verbose_name = "Recruitment"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from people.permissions import can
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
        auditlog.register(models.EOIEquality, mask_fields=EQUALITY_FIELDS)

        for label, url_name, action, section in MENU:
            nav.register(
                NavItem(
                    label,
                    url_name,
                    visible=lambda user, action=action: can(user, action),
                    section=section,
                )
            )
        work.register(recruitment_work_for)

        from recruitment import privacy

        privacy.register()
