"""Recruitment endpoints: EOIs (captured on an ambassador's phone, read by recruitment officers),
campaigns and intakes. Scoped exactly as the pages are (recruitment.selectors); equality
answers are never part of any endpoint.
"""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from core.api import CursorPagination, IdempotentCreateMixin, idempotency_parameter
from people.models import EntryRoute
from people.permissions import can, require
from recruitment import selectors, services
from recruitment.models import Campaign, ExpressionOfInterest, Intake, Zone

EOI = ExpressionOfInterest


class EOISerializer(serializers.ModelSerializer):
    """An EOI as its list row and detail page show it (never the equality answers)."""

    closed_reason = serializers.ChoiceField(
        choices=EOI.ClosedReason.choices, allow_blank=True, read_only=True
    )
    assigned_to = serializers.CharField(
        source="assigned_to.staff_number", read_only=True, allow_null=True
    )
    campaigns = serializers.SerializerMethodField()

    class Meta:
        model = EOI
        fields = [
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "postcode",
            "route",
            "received_on",
            "status",
            "closed_reason",
            "assigned_to",
            "next_action",
            "next_action_on",
            "campaigns",
        ]
        read_only_fields = fields

    def get_campaigns(self, eoi) -> list[str]:
        return sorted({s.campaign.name for s in eoi.sources.all() if s.campaign_id})


class EOICaptureSerializer(serializers.Serializer):
    """What the phone sends: the quick capture form's fields."""

    first_name = serializers.CharField(max_length=80)
    last_name = serializers.CharField(max_length=80)
    email = serializers.CharField(max_length=254, required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    postcode = serializers.CharField(max_length=10)
    route = serializers.ChoiceField(choices=EntryRoute.choices)
    consent_to_contact = serializers.BooleanField()
    zone = serializers.PrimaryKeyRelatedField(
        queryset=Zone.objects.select_related("campaign"), required=False, allow_null=True
    )


class EOIPagination(CursorPagination):
    ordering = ("-received_on", "-id")


class _EOICapture:
    """The create step IdempotentCreateMixin wraps: capture through recruitment.services."""

    def create(self, request, *args, **kwargs):
        require(request.user, "recruitment.eoi.capture")
        serializer = EOICaptureSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        zone = data.pop("zone", None)
        source = selectors.quick_capture_source(user=request.user, zone=zone)
        eoi = services.eoi_create(actor=request.user, **data, **source)
        eoi = selectors.eoi_list(user=request.user).get(pk=eoi.pk)
        return Response(EOISerializer(eoi).data, status=status.HTTP_201_CREATED)


class EOIViewSet(
    IdempotentCreateMixin,
    _EOICapture,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """EOIs: recruitment officers, positive action co-ordinators and admins see all; an
    ambassador sees those they captured. Capture with an `Idempotency-Key` so a retry on a bad
    signal creates one EOI."""

    pagination_class = EOIPagination

    def get_serializer_class(self):
        return EOICaptureSerializer if self.action == "create" else EOISerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return EOI.objects.none()
        require(self.request.user, "recruitment.eoi.view")
        return selectors.eoi_list(user=self.request.user)

    @extend_schema(
        parameters=[idempotency_parameter()],
        request=EOICaptureSerializer,
        responses={201: EOISerializer},
    )
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)


class CampaignSerializer(serializers.ModelSerializer):
    zones = serializers.SerializerMethodField()

    class Meta:
        model = Campaign
        fields = ["id", "name", "channel", "starts_on", "ends_on", "place", "zones"]
        read_only_fields = fields

    def get_zones(self, campaign) -> list[dict]:
        return [
            {"id": zone.pk, "name": zone.name, "kind": zone.kind} for zone in campaign.zones.all()
        ]


class CampaignViewSet(viewsets.ReadOnlyModelViewSet):
    """Campaigns and their zones, for those who capture EOIs (the phone picks a zone)."""

    serializer_class = CampaignSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Campaign.objects.none()
        require(self.request.user, "recruitment.eoi.capture")
        return Campaign.objects.prefetch_related("zones")


class IntakeSerializer(serializers.ModelSerializer):
    placed = serializers.IntegerField(read_only=True)
    started = serializers.IntegerField(read_only=True)

    class Meta:
        model = Intake
        fields = ["id", "name", "route", "start_date", "capacity", "placed", "started"]
        read_only_fields = fields


class IntakeViewSet(viewsets.ReadOnlyModelViewSet):
    """Intake cohorts, for those who see the intake page."""

    serializer_class = IntakeSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Intake.objects.none()
        if not can(self.request.user, "recruitment.support.record"):
            raise PermissionDenied
        return selectors.intakes()
