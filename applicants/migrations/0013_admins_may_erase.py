"""Agency admins made before erasure existed get its permission, as ``create_agency`` now grants it."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def grant(apps: Any, schema_editor: Any) -> None:
    permission_model = apps.get_model("auth", "Permission")
    membership_model = apps.get_model("applicants", "Membership")
    erase = permission_model.objects.filter(content_type__app_label="applicants", codename="delete_applicant").first()
    if erase is None:
        return  # a new database: its permissions are made after migrating, and it has no admin yet
    for membership in membership_model.objects.filter(role="ADMIN").select_related("user"):
        membership.user.user_permissions.add(erase)


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0012_applicant_status_started_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
