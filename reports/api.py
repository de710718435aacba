"""Report runs: request one, follow its status, download its files (reports.services and
reports.selectors, scoped to each report's audience as on the report pages)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from people.permissions import can
from reports import selectors, services
from reports.forms import RunNowForm
from reports.models import ReportRun, RunStatus
from reports.permissions import may_use_reports


class RunSerializer(serializers.ModelSerializer):
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = ReportRun
        fields = [
            "id",
            "report_type",
            "period_label",
            "period_start",
            "period_end",
            "status",
            "progress",
            "queued_at",
            "started_at",
            "finished_at",
            "downloads",
        ]
        read_only_fields = fields

    def get_downloads(self, run) -> list[dict[str, str]]:
        """Links to the run's files once it has succeeded (the page's download links)."""
        if run.status != RunStatus.SUCCEEDED:
            return []
        return [
            {"kind": f.kind, "url": reverse("reports:download", args=[run.pk, f.kind])}
            for f in run.files.all()
        ]


class RunRequestSerializer(serializers.Serializer):
    report_type = serializers.CharField(max_length=60)
    period = serializers.CharField(
        max_length=40, help_text="A period key as the report's page offers, such as 2025-Q4."
    )
    parameters = serializers.DictField(child=serializers.CharField(), required=False)
    rerun = serializers.BooleanField(required=False, default=False)


def _requested_period(user, data: dict):
    """The report type and form for the request; 400 for a report the user cannot see,
    403 for one they may read but not run."""
    report_type = selectors.report_type_for(user=user, key=data["report_type"])
    if report_type is None:
        raise serializers.ValidationError({"report_type": "There is no such report."})
    if not can(user, "reports.type.run", report_type):
        raise PermissionDenied
    form = RunNowForm(
        {"period": data["period"], "rerun": data["rerun"], **data.get("parameters", {})},
        report_type=report_type,
        today=timezone.localdate(),
    )
    if not form.is_valid():
        raise serializers.ValidationError(form.errors)
    return form


class ReportRunViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Runs of the reports you may read; request a run of one you may run."""

    serializer_class = RunSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ReportRun.objects.none()
        if not may_use_reports(self.request.user):
            raise PermissionDenied
        return selectors.runs_for(user=self.request.user).prefetch_related("files")

    @extend_schema(request=RunRequestSerializer, responses={200: RunSerializer, 201: RunSerializer})
    def create(self, request, *args, **kwargs):
        """Ask for a run: 201 with the new run, or 200 with the run already asked for."""
        incoming = RunRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        form = _requested_period(request.user, incoming.validated_data)
        run, queued = services.report_run_request(
            actor=request.user,
            report_type=form.report_type.key,
            period=form.cleaned_data["period"],
            parameters=form.parameters(),
            rerun=form.cleaned_data["rerun"],
        )
        run = self.get_queryset().get(pk=run.pk)
        answer = status.HTTP_201_CREATED if queued else status.HTTP_200_OK
        return Response(RunSerializer(run).data, status=answer)
