"""Retention periods bounded to 1..3650 days: validators, and rows outside brought to the nearest bound.

A value above ten years meant "never purge" and could stop the purge of every
agency after it. The database check follows in 0004 (its own transaction, so
the updates here and PostgreSQL's ALTER TABLE never share one).
"""

import django.core.validators
from django.db import migrations, models

LOWEST, HIGHEST = 1, 3650


def clamp_retention(apps, schema_editor):
    Organization = apps.get_model("applicants", "Organization")
    for field in ("retention_days_after_decision", "retention_days_undecided"):
        Organization.objects.filter(**{f"{field}__gt": HIGHEST}).update(**{field: HIGHEST})
        Organization.objects.filter(**{f"{field}__lt": LOWEST}).update(**{field: LOWEST})


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0002_applicant_rerun_permission"),
    ]

    operations = [
        migrations.AlterField(
            model_name="organization",
            name="retention_days_after_decision",
            field=models.PositiveIntegerField(
                default=180,
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(3650),
                ],
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="retention_days_undecided",
            field=models.PositiveIntegerField(
                default=90,
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(3650),
                ],
            ),
        ),
        migrations.RunPython(clamp_retention, migrations.RunPython.noop),
    ]
