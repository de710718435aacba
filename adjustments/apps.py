from django.apps import AppConfig


class AdjustmentsConfig(AppConfig):
    name = "adjustments"
    verbose_name = "Reasonable adjustments"

    def ready(self):
        from auditlog.registry import auditlog

        from adjustments import models, privacy
        from adjustments.work import adjustments_work_for
        from core.navigation import work

        for model in (
            models.JoinerNeed,
            models.Passport,
            models.ManagerConsent,
            models.Adjustment,
            models.AccessToWork,
            models.DyslexiaReferral,
        ):
            auditlog.register(model)

        _register_menus()
        work.register(adjustments_work_for)
        privacy.register()


def _register_menus():
    from adjustments import permissions
    from core.navigation import NavItem, nav
    from people.permissions import can

    def allowed(action):
        return lambda user: can(user, action)

    for label, url_name, visible, section in [
        ("Adjustments queue", "adjustments:queue", permissions.is_ra_officer, "Adjustments"),
        (
            "Dyslexia referrals",
            "adjustments:referrals",
            allowed("adjustments.referral.list"),
            "Adjustments",
        ),
        ("Team passports", "adjustments:team", allowed("adjustments.team.view"), "Me"),
        (
            "Adjustments figures",
            "adjustments:dashboard",
            allowed("adjustments.dashboard.view"),
            "Insight",
        ),
    ]:
        nav.register(NavItem(label, url_name, visible=visible, section=section))
