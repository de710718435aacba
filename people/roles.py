from django.db import models


class Role(models.TextChoices):
    """Roles held through Django groups (created by people migration 0002).

    Line manager and colleague are not groups: everyone is a colleague, and a line manager is
    anyone with current direct reports.
    """

    RECRUITMENT_OFFICER = "recruitment_officer", "Recruitment officer"
    AMBASSADOR = "ambassador", "Recruitment ambassador"
    POSITIVE_ACTION = "positive_action", "Positive action co-ordinator"
    WELFARE_OFFICER = "welfare_officer", "Student welfare officer"
    RA_OFFICER = "ra_officer", "Reasonable adjustments officer"
    DYSLEXIA_ASSESSOR = "dyslexia_assessor", "Dyslexia assessor"
    MODERATOR = "moderator", "Moderator"
    BENEFITS_ANALYST = "benefits_analyst", "Change and benefits analyst"
    PEOPLE_ANALYST = "people_analyst", "People analyst"
    ADMIN = "admin", "Admin"


GROUP_NAMES = {role.value: role.label for role in Role}
ROLE_BY_GROUP = {label: value for value, label in GROUP_NAMES.items()}
