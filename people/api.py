"""People endpoints: your own details and the colleagues you may see, scoped as the pages are.

Equality information is never part of any people endpoint.
"""

from rest_framework import generics, serializers, viewsets

from core.api import CursorPagination
from people import selectors
from people.models import EntryRoute, Rank, User


class ColleagueSerializer(serializers.ModelSerializer):
    # Blank is a real value here (staff have no rank); say so, or the schema forbids it.
    rank = serializers.ChoiceField(choices=Rank.choices, allow_blank=True, read_only=True)
    entry_route = serializers.ChoiceField(
        choices=EntryRoute.choices, allow_blank=True, read_only=True
    )
    department = serializers.CharField(source="department.name", read_only=True, allow_null=True)
    line_manager = serializers.CharField(
        source="line_manager.staff_number", read_only=True, allow_null=True
    )

    class Meta:
        model = User
        fields = [
            "staff_number",
            "first_name",
            "last_name",
            "email",
            "person_type",
            "rank",
            "grade",
            "department",
            "line_manager",
            "entry_route",
            "start_date",
            "leave_date",
        ]
        read_only_fields = fields


class ByName(CursorPagination):
    ordering = ("last_name", "first_name", "id")


class MeView(generics.RetrieveAPIView):
    """Your own details (never your equality information)."""

    serializer_class = ColleagueSerializer

    def get_object(self):
        return User.objects.select_related("department", "line_manager").get(
            pk=self.request.user.pk
        )


class ColleagueViewSet(viewsets.ReadOnlyModelViewSet):
    """Colleagues you may see: admins everyone, line managers their team, others themselves."""

    serializer_class = ColleagueSerializer
    pagination_class = ByName
    lookup_field = "staff_number"
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        return selectors.colleagues_visible_to(user=self.request.user)
