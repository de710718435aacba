import hashlib
import json

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.models import BaseModel


def parameters_hash(parameters: dict) -> str:
    """A stable fingerprint of a run's parameters (key order does not matter)."""
    canonical = json.dumps(parameters or {}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class RequestedVia(models.TextChoices):
    USER = "user", "A user"
    SCHEDULE = "schedule", "The schedule"


class ReportRun(BaseModel):
    """One report for one period and set of parameters: the unit of background work.

    Unique per (report type, period, parameters), so asking twice finds the same run.
    `content` keeps the built sections, from which the page, the HTML file and the PDF are
    all rendered.
    """

    report_type = models.CharField(max_length=60)
    period_start = models.DateField()
    period_end = models.DateField()
    period_label = models.CharField(max_length=80, blank=True)
    parameters = models.JSONField(default=dict, blank=True)
    parameters_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    requested_via = models.CharField(max_length=10, choices=RequestedVia.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    content = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-period_end", "-id"]
        indexes = [models.Index(fields=["report_type", "-period_end", "-id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["report_type", "period_start", "period_end", "parameters_hash"],
                name="report_run_unique_per_period_and_parameters",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="report_run_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_run_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="succeeded") | Q(progress=100),
                name="report_run_succeeded_is_complete",
            ),
        ]

    def __str__(self):
        return f"{self.report_type} {self.period_start:%d/%m/%Y} to {self.period_end:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.parameters_hash = parameters_hash(self.parameters)
        super().save(*args, **kwargs)

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.SUCCEEDED, RunStatus.FAILED)

    @property
    def progress_band(self) -> int:
        """Progress rounded down to 5%, for the bar's width class (no inline styles)."""
        return self.progress // 5 * 5

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    HTML = "html", "Web page (HTML)"
    XLSX = "xlsx", "Spreadsheet (XLSX)"
    CSV = "csv", "Tables as CSV (zip)"


CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.HTML: "text/html; charset=utf-8",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.CSV: "application/zip",
}
EXTENSIONS = {
    FileKind.PDF: "pdf",
    FileKind.HTML: "html",
    FileKind.XLSX: "xlsx",
    FileKind.CSV: "zip",
}


class ReportFile(BaseModel):
    """One file of a run, kept in the default storage. One of each kind per run."""

    run = models.ForeignKey(ReportRun, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=4, choices=FileKind.choices)
    file = models.FileField(max_length=300)
    size = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["run", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["run", "kind"], name="report_file_one_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} of run {self.run_id}"


class ReportSubscription(BaseModel):
    """A colleague who is emailed a link when a scheduled run of this report succeeds."""

    report_type = models.CharField(max_length=60)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_subscriptions"
    )

    class Meta:
        ordering = ["report_type", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_type", "user"], name="report_subscription_once_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.user} subscribes to {self.report_type}"
