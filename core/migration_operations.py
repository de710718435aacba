"""Migration operations for what only PostgreSQL has.

`make run` tries Peel on SQLite; tests, CI and production run on PostgreSQL. These operations
record their index in the migration state everywhere and build it only on PostgreSQL.
"""

from django.contrib.postgres import operations
from django.db import migrations


class AddPostgresIndex(migrations.AddIndex):
    """AddIndex for a PostgreSQL-only index (GIN, trigram): skipped on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class TrigramExtension(operations.TrigramExtension):
    """pg_trgm, for searching inside names; undone on PostgreSQL only (Django's own would ask
    SQLite for pg_extension when a migration is reversed)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
