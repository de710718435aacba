from django.db import models
from django.db.models import Q

from core.models import BaseModel


class JoinerNeed(BaseModel):
    """A joiner told recruitment they need an adjustment: the hand-off into the RA officers'
    queue (board paper §47). Created by recruitment through `joiner_need_record`."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        PASSPORT_OPENED = "passport_opened", "Passport opened"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=160)
    email = models.EmailField(blank=True)
    person = models.ForeignKey(
        "people.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="joiner_needs",
        help_text="The colleague, once they have started.",
    )
    expected_start = models.DateField(null=True, blank=True)
    details = models.TextField(help_text="What the joiner said they need, in their words.")
    source = models.CharField(max_length=120, help_text="Where it came from, e.g. 'EOI 123'.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    acknowledged_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at", "id"])]
        constraints = [
            models.UniqueConstraint(fields=["source"], name="joiner_need_one_per_source"),
            models.CheckConstraint(
                condition=Q(status="new") | Q(acknowledged_at__isnull=False),
                name="joiner_need_acknowledged_has_time",
            ),
        ]

    def __str__(self):
        return f"Adjustment need from {self.source}"
