from django.db import migrations, models


class Migration(migrations.Migration):
    """The old `version` (how many times the passport was submitted) becomes
    `submitted_version`; `version` now guards against two people saving at once."""

    dependencies = [
        ("adjustments", "0003_attachments"),
    ]

    operations = [
        migrations.RenameField("passport", "version", "submitted_version"),
        migrations.AddField(
            model_name="passport",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
    ]
