"""Attachments: evidence files an app accepts (PDF, PNG, JPEG, Word .docx), checked on the way
in and served only through a view that checks access and logs the read.

- The type is sniffed from the file's first bytes, never taken from its name or the
  browser's Content-Type; anything else is refused.
- The size limit is the setting PEEL_ATTACHMENT_MAX_BYTES (default 10 MB).
- Files go to the default storage (MEDIA_ROOT, outside the static files) under a random name;
  nothing maps MEDIA_URL, so the only way to read one is an app's access-checked view calling
  `attachment_response`.

An app adds a concrete model: `class XDocument(Attachment): x = ForeignKey(...)`.
"""

import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse

from core.audit import record_read
from core.models import BaseModel

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOWED = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", DOCX: "docx"}


def max_bytes() -> int:
    return int(getattr(settings, "PEEL_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def _is_docx(file) -> bool:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        file.seek(0)


def sniff(file) -> str | None:
    """The content type the bytes themselves show, or None for anything not allowed."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04") and _is_docx(file):
        return DOCX
    return None


def validate_attachment(file) -> None:
    """Refuse a file over the size limit or of a type not on the allowed list."""
    limit = max_bytes()
    if file.size > limit:
        raise ValidationError(
            f"The file is {file.size / 1048576:.1f} MB; the limit is {limit / 1048576:.0f} MB.",
            code="too_large",
        )
    if sniff(file) is None:
        raise ValidationError(
            "Only PDF, PNG, JPEG and Word (.docx) files are accepted.", code="wrong_type"
        )


def _random_name(instance, filename: str) -> str:
    extension = ALLOWED.get(instance.content_type, "bin")
    return f"attachments/{instance._meta.app_label}/{uuid.uuid4().hex}.{extension}"


class AttachmentField(models.FileField):
    """A FileField that validates size and sniffed type and stores under a random name."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("upload_to", _random_name)
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_attachment)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("upload_to", None)
        kwargs.pop("max_length", None)
        return name, path, args, kwargs


class Attachment(BaseModel):
    """An uploaded evidence file; concrete models add the record it belongs to."""

    file = AttachmentField()
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


def attachment_prepare(attachment: Attachment, upload, *, actor) -> Attachment:
    """Fill an unsaved attachment from an upload and validate it; raises ValidationError."""
    validate_attachment(upload)
    attachment.content_type = sniff(upload)
    attachment.size = upload.size
    attachment.original_name = (upload.name or "evidence").rsplit("/", 1)[-1][:200]
    attachment.uploaded_by = actor
    attachment.file = upload
    return attachment


def attachment_response(request, attachment: Attachment) -> FileResponse:
    """Serve an attachment the caller has already checked the user may read; log the read.

    Always a download with the sniffed type, so a browser never renders it in our origin."""
    record_read(user=request.user, obj=attachment, reason="downloaded")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
