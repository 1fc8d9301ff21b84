"""An invitation left out of a forced screening says so itself (``left_out_at``): the application's status said it
until someone invited later reopened the application, which brought the left-out link back (probe C28).

Existing ones are marked from what tells them today: the invitations each forced screening's audit entry names
as not submitted (at that entry's time), and any still out on an application that no longer waits."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models
from django.utils import timezone


def left_out_mark(apps: Any, schema_editor: Any) -> None:
    invitation_model = apps.get_model("applicants", "Invitation")
    audit_model = apps.get_model("applicants", "AuditEvent")
    still_out = invitation_model.objects.filter(status="SENT", left_out_at__isnull=True)
    for event in audit_model.objects.filter(action="FORCED_SCREENING").order_by("created_at").iterator():
        ids = (event.details or {}).get("invitations_not_submitted") or []
        still_out.filter(id__in=ids, created_at__lte=event.created_at).update(left_out_at=event.created_at)
    now = timezone.now()
    still_out.filter(expires_at__gt=now).exclude(application__status="WAITING").update(left_out_at=now)


class Migration(migrations.Migration):
    dependencies = [("applicants", "0016_audit_form_closed")]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="left_out_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(left_out_mark, migrations.RunPython.noop),
    ]
