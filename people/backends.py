from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from people.models import User


class PeelBackend(ModelBackend):
    """Django's backend, loading on each request whether the user manages anyone in the same
    query as the user, so menus and permission checks need no extra query."""

    def get_user(self, user_id):
        reports = User.objects.filter(line_manager=OuterRef("pk"), is_active=True)
        user = (
            User._default_manager.annotate(_peel_is_manager=Exists(reports))
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
