from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Exists, OuterRef

from people.models import User


class PeelBackend(ModelBackend):
    """Django's backend, loading on each request whether the user manages anyone and (on
    PostgreSQL) the names of their groups in the same query as the user, so menus and
    permission checks need no extra query. Elsewhere (SQLite for `make run`)
    `people.permissions.roles_of` reads the groups itself."""

    def get_user(self, user_id):
        reports = User.objects.filter(line_manager=OuterRef("pk"), is_active=True)
        users = User._default_manager.annotate(_peel_is_manager=Exists(reports))
        if connection.vendor == "postgresql":
            from django.contrib.postgres.expressions import ArraySubquery

            names = Group.objects.filter(user=OuterRef("pk")).values("name")
            users = users.annotate(_peel_group_names=ArraySubquery(names))
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
