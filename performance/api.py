"""Ratings, scoped as on the pages: a line manager their direct reports' ratings (the team
page); a moderator the ratings of the panels they sit on, less their own (the panel page);
anyone their own rating once it is final (the "my rating" page)."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from rest_framework import serializers, viewsets

from people.permissions import has_role
from people.roles import Role
from performance import selectors
from performance.models import Rating, RatingStatus


def ratings_visible_to(*, user) -> QuerySet[Rating]:
    """Every rating `user` would see on one of the performance pages."""
    scope = Q(person=user, status=RatingStatus.FINAL) | Q(
        person__line_manager=user, person__is_active=True
    )
    if has_role(user, Role.MODERATOR):
        on_panel = selectors.panels_for(user=user).filter(
            year_id=OuterRef("year_id"), department_id=OuterRef("department_id")
        )
        scope |= Q(Exists(on_panel)) & ~Q(person=user)
    return selectors._rating_qs().filter(scope)


class RatingSerializer(serializers.ModelSerializer):
    person = serializers.CharField(source="person.staff_number", read_only=True)
    person_name = serializers.CharField(source="person.get_full_name", read_only=True)
    year = serializers.StringRelatedField()
    department = serializers.CharField(source="department.name", read_only=True)
    provisional_what = serializers.StringRelatedField(allow_null=True)
    provisional_how = serializers.StringRelatedField(allow_null=True)
    final_what = serializers.StringRelatedField(allow_null=True)
    final_how = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = Rating
        fields = [
            "id",
            "person",
            "person_name",
            "year",
            "department",
            "status",
            "provisional_what",
            "provisional_how",
            "final_what",
            "final_how",
            "finalised_on",
        ]
        read_only_fields = fields

    def to_representation(self, rating):
        data = super().to_representation(rating)
        request = self.context.get("request")
        if request is not None and rating.person_id == request.user.pk:
            # Your own page shows the final rating only.
            data["provisional_what"] = data["provisional_how"] = None
        return data


class RatingViewSet(viewsets.ReadOnlyModelViewSet):
    """Ratings: your reports' (line managers), your panels' (moderators), your own final."""

    serializer_class = RatingSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Rating.objects.none()
        return ratings_visible_to(user=self.request.user)
