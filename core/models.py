from django.core.exceptions import ValidationError
from django.db import models


class BaseModel(models.Model):
    """Created and updated times on every record Peel keeps."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Setting(BaseModel):
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
