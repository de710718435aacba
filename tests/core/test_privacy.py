import io
import json
import zipfile
from datetime import date, timedelta

from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from core.audit import record_read
from core.models import RetentionRun, Setting
from core.retention import retention_run
from people import services


def _age(entry, days):
    """Backdate a log row (the trigger allows it only on the retention path, so use SQL)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL peel.audit_retention = 'on'")
        cursor.execute("DELETE FROM auditlog_logentry WHERE id = %s", [entry.pk])
    entry.timestamp = timezone.now() - timedelta(days=days)
    entry.save(force_insert=True)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL peel.audit_retention = 'off'")


def test_a_dry_run_counts_and_a_real_run_removes_old_audit_rows(admin_user, colleague):
    Setting.objects.create(key="retention-audit-log-months", value=24)
    old = [record_read(user=admin_user, obj=colleague) for _ in range(3)]
    for entry in old:
        _age(entry, days=800)
    recent = record_read(user=admin_user, obj=colleague)

    dry = retention_run(actor=admin_user, dry_run=True)
    row = next(r for r in dry.results if r["key"] == "audit-log")
    assert row["count"] == 3 and row["months"] == 24
    assert LogEntry.objects.filter(pk__in=[e.pk for e in old]).count() == 3

    real = retention_run(actor=admin_user, dry_run=False)
    assert next(r for r in real.results if r["key"] == "audit-log")["count"] == 3
    assert not LogEntry.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert LogEntry.objects.filter(pk=recent.pk).exists()
    assert LogEntry.objects.filter(additional_data__action="core.retention.run").exists()
    assert RetentionRun.objects.count() == 2


def test_the_admin_dry_run_button_reports_what_is_due(client_for, admin_user):
    response = client_for(admin_user).post(reverse("admin:core_retentionrun_dry_run"))
    run = RetentionRun.objects.get()
    assert run.dry_run and response["Location"].endswith(f"/{run.pk}/change/")


def test_a_subject_access_export_holds_every_section(client_for, admin_user, colleague):
    services.equality_record(actor=colleague, person=colleague, ethnicity="A_IND")
    services.probation_start(
        actor=admin_user, officer=colleague, route="dhep", start_date=date(2024, 9, 2)
    )
    client = client_for(admin_user)
    response = client.post(reverse("subject-access"), {"staff_number": "colleague"})
    assert response.status_code == 302
    download = client.get(response["Location"] + "download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = set(archive.namelist())
    assert {
        "your-details.json",
        "your-equality-information.json",
        "your-probation.json",
        "everything-we-hold.pdf",
    } <= names
    details = json.loads(archive.read("your-details.json"))
    assert details[0]["Staff number"] == "colleague"
    assert archive.read("everything-we-hold.pdf").startswith(b"%PDF")
    actions = set(LogEntry.objects.values_list("additional_data__action", flat=True))
    assert {"core.subject_access.prepared", "core.subject_access.downloaded"} <= actions


def test_subject_access_is_for_admins_only(client_for, client, people_analyst, admin_user):
    assert client.get(reverse("subject-access")).status_code == 302
    assert client_for(people_analyst).get(reverse("subject-access")).status_code == 403
    assert (
        client_for(admin_user).get(reverse("subject-access-detail", args=[999])).status_code == 404
    )


def test_a_subject_access_request_must_name_someone(client_for, admin_user):
    response = client_for(admin_user).post(reverse("subject-access"), {"staff_number": "nobody"})
    assert "No colleague has that staff number" in response.content.decode()
