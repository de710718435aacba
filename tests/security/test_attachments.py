"""Access to Work evidence: checked on the way in, stored outside the static files, served only
to people who may see the passport, and every download logged."""

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from adjustments.models import AccessToWork, AccessToWorkDocument
from core.attachments import DOCX, sniff
from core.audit import reads_of
from tests.adjustments.factories import PassportFactory

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def application(colleague):
    passport = PassportFactory(owner=colleague)
    return AccessToWork.objects.create(passport=passport, applied_on=date(2026, 1, 5))


def _upload(client, application, name, content, content_type="application/pdf"):
    url = reverse("adjustments:access-to-work-documents", args=[application.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type)})


def test_the_type_comes_from_the_bytes_not_the_name():
    assert sniff(io.BytesIO(PDF)) == "application/pdf"
    assert sniff(io.BytesIO(PNG)) == "image/png"
    assert sniff(io.BytesIO(b"\xff\xd8\xff\xe0JFIF")) == "image/jpeg"
    assert sniff(io.BytesIO(_docx())) == DOCX
    assert sniff(io.BytesIO(b"<html><script>alert(1)</script>")) is None
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("payload.exe", "MZ")
    assert sniff(plain_zip) is None


def test_the_owner_uploads_evidence_and_downloads_it(client_for, colleague, application):
    client = client_for(colleague)
    assert _upload(client, application, "award letter.pdf", PDF).status_code == 302
    document = AccessToWorkDocument.objects.get()
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))
    assert document.file.name.startswith("attachments/adjustments/")
    assert "award" not in document.file.name, "stored under a random name"

    response = client.get(reverse("adjustments:access-to-work-document", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert [entry.actor for entry in reads_of(document)] == [colleague]


def test_the_ra_officer_may_read_it_and_an_outsider_gets_404(client_for, cast, application):
    _upload(client_for(cast["colleague"]), application, "report.docx", _docx(), DOCX)
    document = AccessToWorkDocument.objects.get()
    url = reverse("adjustments:access-to-work-document", args=[document.pk])
    assert client_for(cast["ra_officer"]).get(url).status_code == 200
    for role in ("outsider", "manager", "welfare_officer", "people_analyst"):
        assert client_for(cast[role]).get(url).status_code == 404, role
        assert _upload(client_for(cast[role]), application, "x.pdf", PDF).status_code == 404
    assert AccessToWorkDocument.objects.count() == 1
    assert {entry.actor.staff_number for entry in reads_of(document)} == {"raofficer"}


def test_a_file_over_the_limit_is_refused(client_for, colleague, application, settings):
    settings.PEEL_ATTACHMENT_MAX_BYTES = 1024
    response = _upload(client_for(colleague), application, "big.pdf", PDF + b"0" * 2000)
    assert response.status_code == 400
    assert b"the limit is" in response.content
    assert not AccessToWorkDocument.objects.exists()


@pytest.mark.parametrize(
    "name, content, claimed",
    [
        ("letter.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"),
        ("photo.png", b"GIF89a" + b"\x00" * 20, "image/png"),
        ("macro.docx", b"MZ\x90\x00" + b"\x00" * 40, DOCX),
    ],
)
def test_a_file_of_the_wrong_type_is_refused(
    client_for, colleague, application, name, content, claimed
):
    response = _upload(client_for(colleague), application, name, content, claimed)
    assert response.status_code == 400
    assert b"Only PDF, PNG, JPEG and Word" in response.content
    assert not AccessToWorkDocument.objects.exists()


def test_files_live_outside_the_static_files_and_no_url_serves_them():
    media = Path(settings.MEDIA_ROOT).resolve()
    static_dirs = [Path(settings.STATIC_ROOT or "/nonexistent")] + [
        Path(d[1] if isinstance(d, tuple) else d) for d in settings.STATICFILES_DIRS
    ]
    for static in static_dirs:
        assert not media.is_relative_to(static.resolve()), static
    assert not settings.MEDIA_URL or settings.MEDIA_URL in ("/", "")
    from django.urls import Resolver404, resolve

    with pytest.raises(Resolver404):
        resolve("/attachments/adjustments/x.pdf")
