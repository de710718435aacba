from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class BaseModel(models.Model):
    """Created and updated times on every record Peel keeps."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(models.Model):
    """A record people edit together: saves carry the version they started from, and a save
    against a stale version is refused (core.concurrency)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class Setting(BaseModel, VersionedModel):
    """A figure an admin may change without a release: an SLA, a target, a threshold."""

    key = models.SlugField(max_length=80, unique=True)
    value = models.JSONField(help_text="A number, text, true/false or a list, as JSON.")
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.key

    def clean(self):
        if self.value is None:
            raise ValidationError({"value": "Give a value."})


class OutboxMessage(BaseModel):
    """Background work written in the same transaction as the change that asked for it.

    A dispatcher sends pending messages to Celery when Redis is reachable, so work asked for
    while Redis is down is delayed, never lost. Tasks must be safe to run twice.
    """

    task = models.CharField(max_length=200)
    args = models.JSONField(default=list, blank=True)
    kwargs = models.JSONField(default=dict, blank=True)
    queue = models.CharField(max_length=80, blank=True)
    dispatched_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["id"],
                condition=models.Q(dispatched_at__isnull=True),
                name="outbox_pending_idx",
            ),
        ]

    def __str__(self):
        return f"{self.task} #{self.pk}"


class RetentionRun(BaseModel):
    """One pass of the retention job: what was (or, in a dry run, would be) removed."""

    as_of = models.DateField()
    dry_run = models.BooleanField(default=True)
    results = models.JSONField(default=list)
    requested_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        kind = "Dry run" if self.dry_run else "Run"
        return f"{kind} as at {self.as_of:%d/%m/%Y}"

    @property
    def total(self) -> int:
        return sum(row["count"] for row in self.results)


class SubjectAccessExport(BaseModel):
    """Everything Peel holds about one person, prepared for a subject access request."""

    requested_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_email = models.EmailField(
        blank=True, help_text="For a candidate who is not a colleague."
    )
    file = models.FileField(upload_to="subject-access/")
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(subject__isnull=False) | ~models.Q(subject_email=""),
                name="subject_access_names_someone",
            ),
        ]

    def __str__(self):
        who = (self.subject_id and f"colleague {self.subject_id}") or self.subject_email
        return f"Subject access export for {who}"


class IdempotencyKey(models.Model):
    """The first response to a create sent with an `Idempotency-Key` header (core.api), so a
    phone that retries on a bad signal gets that response back instead of a second record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=300)
    request_hash = models.CharField(
        max_length=64, help_text="SHA-256 of the method, path and body of the first request."
    )
    response_status = models.PositiveSmallIntegerField()
    response_body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user"),
        ]

    def __str__(self):
        return f"{self.method} {self.path} ({self.key})"
