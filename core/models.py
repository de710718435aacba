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
