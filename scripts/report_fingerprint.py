"""Print one report, built by the reports engine from the database in DATABASE_URL, as JSON
(without the time it was generated), so two databases can be compared: the backup and restore
check (tests/resilience/test_backup_restore.py, docs/OPERATIONS.md).

    DATABASE_URL=postgres://... python scripts/report_fingerprint.py \
        board-pack 2026-07-01:2026-09-30
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main(report_type: str, period_key: str) -> None:
    import django

    django.setup()
    from reports import periods, registry
    from reports.content import build_content

    definition = registry.get(report_type)
    period = periods.from_key(definition.period_kind, period_key)
    content = build_content(definition, period, definition.clean_parameters({}))
    content.pop("generated_at", None)
    print(json.dumps(content, sort_keys=True, default=str))


if __name__ == "__main__":
    main(*sys.argv[1:3])
