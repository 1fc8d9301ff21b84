"""Every applicant written before households gets its application of one (it is the lead tenant)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

STATUS_FOR_APPLICATION = {"PROCESSING": "PROCESSING", "COMPLETED": "COMPLETED", "FAILED": "FAILED"}


def applications_create(apps: Any, schema_editor: Any) -> None:
    applicant_model = apps.get_model("applicants", "Applicant")
    application_model = apps.get_model("applicants", "Application")
    for applicant in applicant_model.objects.filter(application__isnull=True).only(
        "id", "organization_id", "form_request_id", "status", "created_at"
    ):
        application, _ = application_model.objects.get_or_create(
            form_request_id=applicant.form_request_id,
            defaults={
                "organization_id": applicant.organization_id,
                "status": STATUS_FOR_APPLICATION.get(applicant.status, "PROCESSING"),
                "created_at": applicant.created_at,
            },
        )
        applicant_model.objects.filter(id=applicant.id).update(application_id=application.id, role="TENANT")


class Migration(migrations.Migration):
    dependencies = [("applicants", "0006_households")]

    operations = [migrations.RunPython(applications_create, migrations.RunPython.noop)]
