"""Welfare endpoints: the STATUS of welfare cases only, never their notes or concern.

The welfare team sees every case's status (as on its case list); a line manager sees only the
cases they raised (as on "Concerns I raised"); anyone else none.
"""

from rest_framework import serializers, viewsets

from core.api import CursorPagination
from welfare import selectors
from welfare.models import WelfareCase
from welfare.permissions import is_welfare_team

STATUS_FIELDS = ("id", "notified_on", "first_contact_on", "closed_on")


class CaseStatusSerializer(serializers.ModelSerializer):
    officer = serializers.CharField(source="officer.staff_number", read_only=True)
    officer_name = serializers.CharField(source="officer.get_full_name", read_only=True)
    status = serializers.CharField(read_only=True)

    class Meta:
        model = WelfareCase
        fields = [
            "id",
            "officer",
            "officer_name",
            "notified_on",
            "first_contact_on",
            "closed_on",
            "status",
        ]
        read_only_fields = fields


class ByNotified(CursorPagination):
    ordering = ("-notified_on", "-id")


def case_statuses_for(*, user):
    """Cases whose status `user` may see, with nothing but what a status needs."""
    if is_welfare_team(user):
        cases = selectors.cases_for(user=user)
    else:
        cases = selectors.concerns_raised_by(user=user)
    return (
        cases.select_related(None)
        .select_related("officer")
        .only(
            *STATUS_FIELDS,
            "officer__first_name",
            "officer__last_name",
            "officer__staff_number",
        )
    )


class CaseStatusViewSet(viewsets.ReadOnlyModelViewSet):
    """Welfare case status: welfare team all cases; a line manager the cases they raised."""

    serializer_class = CaseStatusSerializer
    pagination_class = ByNotified

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WelfareCase.objects.none()
        return case_statuses_for(user=self.request.user)
