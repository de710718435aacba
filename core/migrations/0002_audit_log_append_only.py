"""On PostgreSQL the audit log refuses UPDATE and DELETE.

The one exception is the retention job, which sets `peel.audit_retention = 'on'` for its own
transaction (SET LOCAL) before deleting rows past their retention period.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION peel_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('peel.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS auditlog_append_only ON auditlog_logentry;
CREATE TRIGGER auditlog_append_only BEFORE UPDATE OR DELETE ON auditlog_logentry
    FOR EACH ROW EXECUTE FUNCTION peel_audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS auditlog_append_only ON auditlog_logentry;
DROP FUNCTION IF EXISTS peel_audit_append_only();
"""


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
