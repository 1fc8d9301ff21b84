"""The ``rerun_applicant`` permission, and the users who could re-run before it existed keep that.

Until now any member of an agency could re-run; the permission is granted
here to every user who may decide (``add_decision``: the STAFF and ADMIN
roles), so upgrading takes nothing away from a working team. A fresh
database has no users and this step does nothing.
"""

from django.conf import settings
from django.db import migrations


def grant_to_deciders(apps, schema_editor):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    deciders = User.objects.filter(user_permissions__codename="add_decision").distinct()
    if not deciders.exists():
        return
    # Permissions are otherwise created after migrate (post_migrate); make this one now.
    content_type, _ = ContentType.objects.get_or_create(app_label="applicants", model="applicant")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="rerun_applicant",
        defaults={"name": "Can re-run an applicant's extraction and screening"},
    )
    for user in deciders:
        user.user_permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="applicant",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("view_pii", "Can view decrypted personal data"),
                    ("rerun_applicant", "Can re-run an applicant's extraction and screening"),
                ],
            },
        ),
        migrations.RunPython(grant_to_deciders, migrations.RunPython.noop),
    ]
