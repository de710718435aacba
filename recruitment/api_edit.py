"""PATCH /api/v1/eois/<id>/work/: work an EOI from a device or another system.

The request carries the `version` it read; if someone saved the EOI since, the answer is
HTTP 409 with what they changed (core.api turns StaleEdit into that), never an overwrite.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from people.permissions import can
from recruitment import selectors, services
from recruitment.forms import recruitment_officers
from recruitment.models import ExpressionOfInterest as EOI
from recruitment.services import WORK_FIELDS


class EOIWorkSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    assigned_to = serializers.SlugRelatedField(
        slug_field="staff_number", queryset=recruitment_officers(), allow_null=True, required=False
    )
    status = serializers.ChoiceField(choices=EOI.Status.choices, required=False)
    closed_reason = serializers.ChoiceField(
        choices=EOI.ClosedReason.choices, allow_blank=True, required=False
    )
    next_action = serializers.CharField(max_length=200, allow_blank=True, required=False)
    next_action_on = serializers.DateField(allow_null=True, required=False)


class EOIWorkReadSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    assigned_to = serializers.CharField(allow_null=True, help_text="A staff number.")
    status = serializers.ChoiceField(choices=EOI.Status.choices)
    closed_reason = serializers.ChoiceField(choices=EOI.ClosedReason.choices, allow_blank=True)
    next_action = serializers.CharField(allow_blank=True)
    next_action_on = serializers.DateField(allow_null=True)


def _as_json(eoi: EOI) -> dict:
    return {
        "id": eoi.pk,
        "version": eoi.version,
        "assigned_to": eoi.assigned_to.staff_number if eoi.assigned_to else None,
        "status": eoi.status,
        "closed_reason": eoi.closed_reason,
        "next_action": eoi.next_action,
        "next_action_on": eoi.next_action_on,
    }


class EOIWorkView(APIView):
    serializer_class = EOIWorkSerializer

    def _eoi(self, request, pk: int) -> EOI:
        if not can(request.user, "recruitment.eoi.view"):
            raise PermissionDenied
        try:
            return selectors.eoi_detail(user=request.user, pk=pk)
        except EOI.DoesNotExist as missing:
            raise Http404 from missing

    @extend_schema(responses={200: EOIWorkReadSerializer})
    def get(self, request, pk: int, **kwargs):
        return Response(_as_json(self._eoi(request, pk)))

    @extend_schema(
        request=EOIWorkSerializer,
        responses={200: EOIWorkReadSerializer, 409: OpenApiTypes.OBJECT},
        description="Send the `version` you read. 409 (with `differences`) if someone saved "
        "the EOI since; nothing is overwritten.",
    )
    def patch(self, request, pk: int, **kwargs):
        eoi = self._eoi(request, pk)
        if not can(request.user, "recruitment.eoi.work", eoi):
            raise PermissionDenied
        serializer = EOIWorkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        given = serializer.validated_data
        # Fields left out keep the values the caller read (at `version`).
        fields = {name: given.get(name, getattr(eoi, name)) for name in WORK_FIELDS}
        eoi = services.eoi_work_update(
            actor=request.user, eoi=eoi, version=given["version"], **fields
        )
        return Response(_as_json(eoi))
