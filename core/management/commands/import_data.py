"""manage.py import_data <kind> <file> [--dry-run]: the import page, from the command line."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.imports import registry, run_import


class Command(BaseCommand):
    help = "Import a CSV or XLSX file of one kind (see docs/IMPORTS.md). All rows or none."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="The kind of import, for example: colleagues")
        parser.add_argument("file", type=Path, help="A .csv or .xlsx file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count, but keep nothing"
        )
        parser.add_argument(
            "--actor", default="", help="Staff number of the person the audit log names"
        )

    def handle(self, *args, kind, file, dry_run, actor, **options):
        try:
            spec = registry.get(kind)
        except KeyError:
            kinds = ", ".join(s.kind for s in registry.all())
            message = f"There is no import called {kind!r}. Choose from: {kinds}."
            raise CommandError(message) from None
        if not file.is_file():
            raise CommandError(f"There is no file at {file}.")
        result = run_import(
            spec, name=file.name, data=file.read_bytes(), actor=self._actor(actor), dry_run=dry_run
        )
        if not result.ok:
            for problem in result.problems:
                where = f"Row {problem.row}" if problem.row else "File"
                column = f", {problem.column}" if problem.column else ""
                self.stderr.write(f"{where}{column}: {problem.message}")
            count = len(result.problems)
            raise CommandError(f"{count} problem{'' if count == 1 else 's'}: nothing was imported.")
        counts = result.counts
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {result.rows} rows: {counts.created} created, {counts.updated} updated, "
            f"{counts.unchanged} unchanged."
        )

    def _actor(self, staff_number: str):
        if not staff_number:
            return None
        from django.contrib.auth import get_user_model

        try:
            return get_user_model().objects.get_by_natural_key(staff_number)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No colleague has staff number {staff_number!r}.") from None
