"""Screening reports (advice, kept in history) and the events outbox."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone

from applicants.fields import EncryptedDecimalField, EncryptedJSONField, EncryptedTextField
from applicants.models import Applicant, Organization


class RiskLevel(models.TextChoices):
    LOW = "LOW", "Baixo"
    MEDIUM = "MEDIUM", "Médio"
    HIGH = "HIGH", "Alto"


class ScreeningReportQuerySet(models.QuerySet["ScreeningReport"]):
    def newest_first(self, *, applicant_id: uuid.UUID | str) -> ScreeningReportQuerySet:
        """An applicant's reports, the current one first and the history after it."""
        return self.filter(applicant_id=applicant_id).order_by("-created_at")

    def current(self, *, applicant_id: uuid.UUID | str) -> ScreeningReport | None:
        """The current report: the newest (the one definition of "latest report")."""
        return self.newest_first(applicant_id=applicant_id).first()


class ScreeningReport(models.Model):
    """A risk report. The newest per applicant is current; older ones stay as history."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    applicant = models.ForeignKey(Applicant, on_delete=models.CASCADE, related_name="reports")
    risk_level = models.CharField(max_length=6, choices=RiskLevel.choices)
    identity_verified = models.BooleanField()
    income_verified = models.BooleanField()
    dti_ratio = models.DecimalField(max_digits=8, decimal_places=4, null=True, blank=True)
    average_monthly_income = EncryptedDecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    justification = EncryptedTextField()
    justification_language = models.CharField(max_length=8, default="pt-PT")
    # [{"name", "passed", "evidence", "document_id", "field", "value", "expected"}]
    checks = EncryptedJSONField(default=list)
    backend = models.CharField(max_length=16)
    model_name = models.CharField(max_length=64, blank=True)
    prompt_version = models.CharField(max_length=32, blank=True)
    rules_version = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ScreeningReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(dti_ratio__isnull=True) | Q(dti_ratio__gte=0), name="report_dti_non_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_risk_level_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class OutboxEvent(models.Model):
    """An event written with the data it describes and relayed later (at least once)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, null=True, on_delete=models.SET_NULL, related_name="+")
    event_type = models.CharField(max_length=40)
    payload = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event_type} {self.id}"
