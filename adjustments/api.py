"""Adjustment passports: to their owner, RA officers, and a current line manager the owner
has shared them with (adjustments.selectors.passports_visible_to, as on the pages).

The endpoint gives a passport's state and dates, never its health details: those are read on
the page, where each read is recorded.
"""

from rest_framework import serializers, viewsets

from adjustments import selectors
from adjustments.models import Passport


class PassportSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.staff_number", read_only=True)
    owner_name = serializers.CharField(source="owner.get_full_name", read_only=True)
    ra_officer = serializers.CharField(
        source="ra_officer.staff_number", read_only=True, allow_null=True
    )

    class Meta:
        model = Passport
        fields = [
            "id",
            "owner",
            "owner_name",
            "status",
            "version",
            "ra_officer",
            "submitted_at",
            "acknowledged_at",
            "activated_at",
            "closed_at",
            "review_date",
        ]
        read_only_fields = fields


class PassportViewSet(viewsets.ReadOnlyModelViewSet):
    """Passports you may see: your own; all for RA officers; a report's who shared it."""

    serializer_class = PassportSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Passport.objects.none()
        return selectors.passports_visible_to(user=self.request.user)
