import pytest
from auditlog.models import LogEntry
from django.db import connection, transaction
from django.db.utils import DatabaseError

from core.audit import reads_of, record_read
from people import services
from people.models import EqualityMonitoring


def test_a_change_through_a_service_writes_an_audit_row(colleague, manager, admin_user):
    before = LogEntry.objects.count()
    services.person_change(
        actor=admin_user, person=colleague, effective=colleague.start_date, grade="Scale 5"
    )
    rows = LogEntry.objects.filter(object_pk=str(colleague.pk)).order_by("-id")
    assert LogEntry.objects.count() > before
    assert rows.filter(additional_data__action="people.person.changed", actor=admin_user).exists()


def test_reading_equality_information_writes_an_access_row(client_for, colleague):
    record = EqualityMonitoring.objects.create(person=colleague, ethnicity="W_BRI")
    response = client_for(colleague).get("/people/me/equality/")
    assert response.status_code == 200
    reads = reads_of(record)
    assert reads.count() == 1
    assert reads.get().actor == colleague


def test_the_audit_log_refuses_update_and_delete(colleague):
    entry = record_read(user=colleague, obj=colleague)
    for statement in (
        "UPDATE auditlog_logentry SET object_repr = 'x' WHERE id = %s",
        "DELETE FROM auditlog_logentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).delete()
    assert LogEntry.objects.filter(pk=entry.pk, object_repr=entry.object_repr).exists()


def test_only_the_retention_path_may_delete_log_rows(colleague):
    entry = record_read(user=colleague, obj=colleague)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL peel.audit_retention = 'on'")
        cursor.execute("DELETE FROM auditlog_logentry WHERE id = %s", [entry.pk])
    assert not LogEntry.objects.filter(pk=entry.pk).exists()
