"""The database refuses retention periods outside 1..3650 days (0003 brought existing rows inside)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0003_organization_retention_bounds"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("retention_days_after_decision__range", (1, 3650)),
                    ("retention_days_undecided__range", (1, 3650)),
                ),
                name="organization_retention_in_range",
            ),
        ),
    ]
