"""Roles are Django groups. This creates one per role; renaming a role needs a new migration."""

from django.db import migrations

ROLES = [
    "Recruitment officer",
    "Recruitment ambassador",
    "Positive action co-ordinator",
    "Student welfare officer",
    "Reasonable adjustments officer",
    "Dyslexia assessor",
    "Moderator",
    "Change and benefits analyst",
    "People analyst",
    "Admin",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
