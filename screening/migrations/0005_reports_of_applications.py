"""Reports written before households point at their applicant's application (an application of one)."""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.db.models import OuterRef, Subquery


def applications_link(apps: Any, schema_editor: Any) -> None:
    report_model = apps.get_model("screening", "ScreeningReport")
    applicant_model = apps.get_model("applicants", "Applicant")
    application_of = applicant_model.objects.filter(id=OuterRef("applicant_id")).values("application_id")[:1]
    report_model.objects.filter(application__isnull=True).update(application_id=Subquery(application_of))


class Migration(migrations.Migration):
    dependencies = [
        ("screening", "0004_household_reports"),
        ("applicants", "0007_applications_for_existing_applicants"),
    ]

    operations = [migrations.RunPython(applications_link, migrations.RunPython.noop)]
