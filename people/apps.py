from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People"

    def ready(self):
        from auditlog.registry import auditlog

        from core.imports import registry as import_registry
        from core.navigation import NavItem, nav, work
        from people import permissions
        from people.models import Department, EqualityMonitoring, Probation, User
        from people.roles import Role
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
        nav.register(
            NavItem(
                "Subject access",
                "subject-access",
                visible=lambda user: permissions.has_role(user, Role.ADMIN),
                section="Admin",
            )
        )
        nav.register(
            NavItem(
                "Import records",
                "imports:upload",
                visible=lambda user: bool(import_registry.for_user(user)),
                section="Admin",
            )
        )
        work.register(people_work_for)

        from core import subject_access
        from people import subject_access as provides

        subject_access.register("Your details", provides.colleague_details)
        subject_access.register("Your employment history", provides.employment_history)
        subject_access.register("Your equality information", provides.equality_information)
        subject_access.register("Your probation", provides.probation)
