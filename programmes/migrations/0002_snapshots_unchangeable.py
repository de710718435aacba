"""On PostgreSQL an annual benefits review cannot be updated or deleted, and an approved
baseline version cannot be updated, whatever path the write takes (ORM update(), raw SQL)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION peel_programmes_unchangeable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is kept as evidence: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS benefits_review_unchangeable ON programmes_benefitsreview;
CREATE TRIGGER benefits_review_unchangeable BEFORE UPDATE OR DELETE ON programmes_benefitsreview
    FOR EACH ROW EXECUTE FUNCTION peel_programmes_unchangeable();
DROP TRIGGER IF EXISTS baseline_version_unchangeable ON programmes_baselineversion;
CREATE TRIGGER baseline_version_unchangeable BEFORE UPDATE ON programmes_baselineversion
    FOR EACH ROW EXECUTE FUNCTION peel_programmes_unchangeable();
"""
DROP = """
DROP TRIGGER IF EXISTS benefits_review_unchangeable ON programmes_benefitsreview;
DROP TRIGGER IF EXISTS baseline_version_unchangeable ON programmes_baselineversion;
DROP FUNCTION IF EXISTS peel_programmes_unchangeable();
"""


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
