"""Screening reports (advice, kept in history) and the events outbox."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applicants.fields import EncryptedDecimalField, EncryptedJSONField, EncryptedTextField
from applicants.models import Applicant, Application, Organization


class RiskLevel(models.TextChoices):
    LOW = "LOW", _("Baixo")
    MEDIUM = "MEDIUM", _("Médio")
    HIGH = "HIGH", _("Alto")


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
    organization = models.ForeignKey(Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+")
    # The lead tenant: a household's report is filed under its lead, and found for any member
    # through ``application``.
    applicant = models.ForeignKey(
        Applicant, verbose_name=_("applicant"), on_delete=models.CASCADE, related_name="reports"
    )
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reports",
    )
    risk_level = models.CharField(verbose_name=_("risk level"), max_length=6, choices=RiskLevel.choices)
    identity_verified = models.BooleanField(verbose_name=_("identity verified"))
    income_verified = models.BooleanField(verbose_name=_("income verified"))
    dti_ratio = models.DecimalField(verbose_name=_("DTI ratio"), max_digits=8, decimal_places=4, null=True, blank=True)
    average_monthly_income = EncryptedDecimalField(
        verbose_name=_("average monthly income"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    justification = EncryptedTextField(verbose_name=_("justification"))
    justification_language = models.CharField(verbose_name=_("justification language"), max_length=8, default="pt-PT")
    # [{"name", "passed", "evidence", "document_id", "field", "value", "expected"}]
    checks = EncryptedJSONField(verbose_name=_("checks"), default=list)
    # Households only (empty for one person): the household figures, each member's summary
    # and the guarantor verdict: {"household_monthly_income", "monthly_cost", "members", "guarantor"}.
    household = EncryptedJSONField(verbose_name=_("household"), default=dict, blank=True)
    # The authenticity section (screening/rules/authenticity.py): per document with a signal, its signals
    # (file, content, reuse) and the highest severity; empty when nothing was found.
    authenticity = EncryptedJSONField(verbose_name=_("authenticity"), default=list, blank=True)
    backend = models.CharField(verbose_name=_("backend"), max_length=16)
    model_name = models.CharField(verbose_name=_("model name"), max_length=64, blank=True)
    prompt_version = models.CharField(verbose_name=_("prompt version"), max_length=32, blank=True)
    rules_version = models.CharField(verbose_name=_("rules version"), max_length=32)
    # Screened again because someone answered a request for more documents.
    resubmission = models.BooleanField(verbose_name=_("resubmission"), default=False)
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, db_index=True)

    objects = ScreeningReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("screening report")
        verbose_name_plural = _("screening reports")
        ordering = ["-created_at"]
        get_latest_by = "created_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(dti_ratio__isnull=True) | Q(dti_ratio__gte=0), name="report_dti_non_negative"
            ),
        ]

    def __str__(self) -> str:
        # The admin's title and breadcrumbs: the day as people write it, in the agency's time (blind probe r69a).
        return f"{self.get_risk_level_display()} ({timezone.localtime(self.created_at):%d/%m/%Y %H:%M})"


class OutboxEventQuerySet(models.QuerySet["OutboxEvent"]):
    def pending(self) -> OutboxEventQuerySet:
        """Not sent and not parked: the relay still owes these."""
        return self.filter(sent_at__isnull=True, parked_at__isnull=True)

    def due(self, *, now: dt.datetime) -> OutboxEventQuerySet:
        """Pending and not backing off or leased to a relay (``next_attempt_at`` passed)."""
        return self.pending().filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))

    def parked(self) -> OutboxEventQuerySet:
        """Failed ``OUTBOX_MAX_ATTEMPTS`` times: no longer tried until a person un-parks them."""
        return self.filter(sent_at__isnull=True, parked_at__isnull=False)

    def prunable(self, *, sent_before: dt.datetime) -> OutboxEventQuerySet:
        return self.filter(sent_at__lt=sent_before)


class OutboxEvent(models.Model):
    """An event written with the data it describes and relayed later (at least once)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    event_type = models.CharField(verbose_name=_("event type"), max_length=40)
    payload = models.JSONField(verbose_name=_("payload"))
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(verbose_name=_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(verbose_name=_("attempts"), default=0)
    last_error = models.CharField(verbose_name=_("last error"), max_length=300, blank=True)
    # Not before: a relay's lease while it publishes, then the backoff after a failure.
    next_attempt_at = models.DateTimeField(verbose_name=_("next attempt at"), null=True, blank=True)
    parked_at = models.DateTimeField(verbose_name=_("parked at"), null=True, blank=True)

    objects = OutboxEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("outbox event")
        verbose_name_plural = _("outbox events")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["sent_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event_type} {self.id}"


class PipelineRun(models.Model):
    """An applicant's pipeline as the recovery sweep sees it: its last sign of life and its recoveries.

    One row per applicant, written when the chain is sent. Signs of life are
    the chain being sent, the screening step's claim and heartbeat, and a
    retry waiting on the broker (``heartbeat_at`` is then when it is due);
    document claims carry their own heartbeat. A run silent for
    ``PIPELINE_STUCK_AFTER_SECONDS`` is re-queued with the same ``force`` and
    ``supersedes``, at most ``PIPELINE_MAX_RECOVERIES`` times.
    """

    applicant = models.OneToOneField(Applicant, primary_key=True, on_delete=models.CASCADE, related_name="pipeline_run")
    force = models.BooleanField(default=False)
    supersedes = models.CharField(max_length=36, blank=True)
    heartbeat_at = models.DateTimeField(default=timezone.now)
    # The screening step's claim, refreshed by its heartbeat: a duplicate delivery finds it and skips.
    screening_claimed_at = models.DateTimeField(null=True, blank=True)
    recoveries = models.PositiveIntegerField(default=0)
    recovered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("pipeline run")
        verbose_name_plural = _("pipeline runs")

    def __str__(self) -> str:
        return f"Pipeline of {self.applicant_id} ({self.recoveries} recoveries)"
