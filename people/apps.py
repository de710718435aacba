from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People"

    def ready(self):
        from auditlog.registry import auditlog

        from core.navigation import NavItem, nav, work
        from people import permissions
        from people.models import Department, EqualityMonitoring, Probation, User
        from people.work import people_work_for

        auditlog.register(User, exclude_fields=["password", "last_login"])
        auditlog.register(Department)
        auditlog.register(Probation)
        auditlog.register(
            EqualityMonitoring,
            mask_fields=["sex", "ethnicity", "disability", "sexual_orientation", "religion"],
        )

        nav.register(NavItem("My details", "people:me", visible=lambda user: True, section="Me"))
        nav.register(
            NavItem("My team", "people:team", visible=permissions.is_line_manager, section="Me")
        )
        nav.register(
            NavItem(
                "Workforce",
                "people:workforce",
                visible=lambda user: permissions.can(user, "people.workforce.view"),
                section="Insight",
            )
        )
        work.register(people_work_for)
