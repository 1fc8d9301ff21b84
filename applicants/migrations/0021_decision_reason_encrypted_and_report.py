"""A decision's reason is encrypted, and a decision names the report it rested on (blind probe r64b, F4 and F6).

The reason is free text staff write about a person; it was the one such text stored in clear. Existing reasons
are encrypted in place while the column is still a plain text field (the encrypted field refuses to read a
plain value: ``DecryptionError``); the ``decision_reason_required`` check goes, since ciphertext is never blank
(the rule stays in ``decision_record`` and the serializers).

Existing decisions get the report that was current when they were taken: reports are never deleted, so it is
the newest one written before ``decided_at`` (the application's, else the person's own, as ``report_latest``
chooses); none when there was none.
"""

from __future__ import annotations

from typing import Any

import django.db.models.deletion
from django.db import migrations, models

import applicants.fields
from applicants.crypto import decrypt_text, encrypt_text


def reasons_encrypt(apps: Any, schema_editor: Any) -> None:
    decision_model = apps.get_model("applicants", "Decision")
    for decision_id, reason in decision_model.objects.values_list("id", "reason").iterator():
        decision_model.objects.filter(id=decision_id).update(reason=encrypt_text(reason))


def reasons_decrypt(apps: Any, schema_editor: Any) -> None:
    decision_model = apps.get_model("applicants", "Decision")
    for decision_id, token in decision_model.objects.values_list("id", "reason").iterator():
        decision_model.objects.filter(id=decision_id).update(reason=decrypt_text(token))


def reports_link(apps: Any, schema_editor: Any) -> None:
    decision_model = apps.get_model("applicants", "Decision")
    report_model = apps.get_model("screening", "ScreeningReport")
    decisions = decision_model.objects.filter(report__isnull=True).select_related("applicant")
    for decision in decisions.iterator():
        before = report_model.objects.filter(
            organization_id=decision.organization_id, created_at__lte=decision.decided_at
        ).order_by("-created_at")
        application_id = decision.applicant.application_id
        report = before.filter(application_id=application_id).first() if application_id else None
        report = report or before.filter(applicant_id=decision.applicant_id).first()
        if report is not None:
            decision_model.objects.filter(id=decision.id).update(report=report)


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0020_consent_notice"),
        ("screening", "0010_verbose_names_fields"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="decision", name="decision_reason_required"),
        migrations.RunPython(reasons_encrypt, reasons_decrypt),
        migrations.AlterField(
            model_name="decision",
            name="reason",
            field=applicants.fields.EncryptedTextField(verbose_name="reason"),
        ),
        migrations.AddField(
            model_name="decision",
            name="report",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="screening.screeningreport",
                verbose_name="screening report",
            ),
        ),
        migrations.RunPython(reports_link, migrations.RunPython.noop),
    ]
