"""Subject access: one action gathers everything Peel holds about a person, from every app.

Each app registers a provider: `register("Welfare cases", fn)` where
`fn(*, person, email) -> list[dict]` returns that app's records about the person (a colleague,
or a candidate known only by email) as plain JSON-ready dicts. The export is a zip of one JSON
file per section plus a readable PDF; the request and each download are audited.
"""

import io
import json
import zipfile
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from core.audit import audit_action
from core.models import SubjectAccessExport

_providers: dict[str, Callable] = {}


def register(section: str, provider: Callable) -> None:
    _providers[section] = provider


def _gather(*, person, email: str) -> dict[str, list[dict]]:
    return {
        section: provider(person=person, email=email) for section, provider in _providers.items()
    }


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


@transaction.atomic
def subject_access_export(*, actor, person=None, email: str = "") -> SubjectAccessExport:
    """Build the zip (JSON per section + a readable PDF) for `person` or a candidate `email`."""
    email = (email or (person.email if person else "")).strip()
    sections = _gather(person=person, email=email)
    html = render_to_string(
        "core/subject_access.html",
        {"person": person, "email": email, "sections": sections, "made": timezone.now()},
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section, rows in sections.items():
            archive.writestr(
                f"{slugify(section)}.json", json.dumps(rows, cls=DjangoJSONEncoder, indent=2)
            )
        archive.writestr("everything-we-hold.pdf", _pdf(html))
    export = SubjectAccessExport(
        requested_by=actor,
        subject=person,
        subject_email="" if person else email,
        summary={s: len(rows) for s, rows in sections.items()},
    )
    name = f"subject-access-{person.staff_number if person else slugify(email)}.zip"
    export.file.save(name, ContentFile(buffer.getvalue()), save=False)
    export.full_clean()
    export.save()
    audit_action(
        actor=actor,
        action="core.subject_access.prepared",
        obj=export,
        data={"summary": export.summary},
    )
    return export
