"""Uploaded documents and what extraction read from them."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applicants.fields import EncryptedCharField, EncryptedJSONField
from applicants.models import (
    Applicant,
    FormStatus,
    InfoRequest,
    IntakeFormRequest,
    Organization,
    ReplacedFormLink,
)
from documents.labels import kind_label, method_label


class DocumentType(models.TextChoices):
    ID_DOCUMENT = "ID_DOCUMENT", _("Documento de identificação")
    PROOF_OF_INCOME = "PROOF_OF_INCOME", _("Comprovativo de rendimentos")


class DocumentStatus(models.TextChoices):
    PENDING = "PENDING", _("Pendente")
    UPLOADED = "UPLOADED", _("Carregado")
    EXTRACTING = "EXTRACTING", _("Em leitura")
    EXTRACTED = "EXTRACTED", _("Lido")
    FAILED = "FAILED", _("Falhou")


# Still on their way to ``EXTRACTED`` or ``FAILED``: screening waits for these.
NOT_EXTRACTED_YET = frozenset({DocumentStatus.PENDING, DocumentStatus.UPLOADED, DocumentStatus.EXTRACTING})


class DocumentQuerySet(models.QuerySet["Document"]):
    def stale_claims(self, *, cutoff: dt.datetime) -> DocumentQuerySet:
        """Claimed for extraction before ``cutoff``: the worker holding them died."""
        return self.filter(status=DocumentStatus.EXTRACTING, claimed_at__lt=cutoff)

    def claimable(self, *, cutoff: dt.datetime) -> DocumentQuerySet:
        """Waiting for extraction, or held by a stale claim that may be taken over."""
        return self.filter(
            Q(status=DocumentStatus.UPLOADED) | Q(status=DocumentStatus.EXTRACTING, claimed_at__lt=cutoff)
        )

    def not_extracted_yet(self) -> DocumentQuerySet:
        """Still on their way to ``EXTRACTED`` or ``FAILED``: screening waits for these."""
        return self.filter(status__in=sorted(NOT_EXTRACTED_YET))

    def release_claims(self) -> int:
        """Give claimed documents back for extraction (the one way a claim is released)."""
        return self.filter(status=DocumentStatus.EXTRACTING).update(status=DocumentStatus.UPLOADED, claimed_at=None)


class Document(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+")
    applicant = models.ForeignKey(
        Applicant, verbose_name=_("applicant"), on_delete=models.CASCADE, related_name="documents"
    )
    # Sent in answer to a request for more documents (the second round); NULL for the submission's own.
    info_request = models.ForeignKey(
        InfoRequest,
        verbose_name=_("request for documents"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="received_documents",
    )
    document_type = models.CharField(verbose_name=_("document type"), max_length=20, choices=DocumentType.choices)
    # The immutable copy made at submission, ``documents/<organization>/<document>.<ext>``: ids only,
    # never the file name. Rows from before it may still point at their ``uploads/`` key.
    storage_key = models.CharField(verbose_name=_("storage key"), max_length=512, unique=True)
    # File names often carry the person's name ("cc-maria-santos.png").
    original_filename = EncryptedCharField(verbose_name=_("original file name"), max_length=255)
    # Sniffed from the stored bytes, not the type the applicant declared.
    content_type = models.CharField(verbose_name=_("content type"), max_length=100)
    # SHA-256 (hex) of the bytes verified at submission; empty on rows older than the copy.
    sha256 = models.CharField(verbose_name=_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(verbose_name=_("size"))
    status = models.CharField(
        verbose_name=_("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.UPLOADED
    )
    error = models.TextField(verbose_name=_("error"), blank=True)
    attempts = models.PositiveIntegerField(verbose_name=_("attempts"), default=0)
    claimed_at = models.DateTimeField(verbose_name=_("claimed for reading at"), null=True, blank=True)
    extracted_at = models.DateTimeField(verbose_name=_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["created_at"]
        constraints = [models.CheckConstraint(condition=Q(size__gte=0), name="document_size_non_negative")]
        indexes = [models.Index(fields=["status", "claimed_at"]), models.Index(fields=["sha256"])]

    def __str__(self) -> str:
        return f"{self.get_document_type_display()} {str(self.id)[:8]}"


class ExtractedData(models.Model):
    """One extraction result per document; the fields are personal data and encrypted."""

    id = models.BigAutoField(primary_key=True)
    document = models.OneToOneField(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="extracted"
    )
    # Long enough for every DocumentKind (DECLARACAO_INICIO_ATIVIDADE is 27) with room for new ones.
    kind = models.CharField(verbose_name=_("kind recognised"), max_length=40)
    fields = EncryptedJSONField(verbose_name=_("fields read"), default=dict)
    # Field name -> confidence (0..1); names only, no values.
    confidence = models.JSONField(verbose_name=_("confidence"), default=dict)
    # Warning codes and field names; never the values read.
    warnings = models.JSONField(verbose_name=_("warnings"), default=list)
    pages = models.PositiveIntegerField(verbose_name=_("pages"), default=0)
    method = models.CharField(verbose_name=_("method"), max_length=8)
    extractor = models.CharField(verbose_name=_("extractor"), max_length=40)
    extractor_version = models.CharField(verbose_name=_("extractor version"), max_length=20)
    duration_ms = models.PositiveIntegerField(verbose_name=_("duration (ms)"), default=0)
    # What the file itself says about its making (documents/extraction/forensics.py): signals with a code,
    # a severity, evidence and a pt-PT explanation. Encrypted: the evidence may name fonts and producers.
    authenticity = EncryptedJSONField(verbose_name=_("authenticity"), default=list)
    # A keyed hash of the fields that identify this document's content (documents/extraction/fingerprint.py):
    # the same payslip numbers under another applicant match here even when the file differs. Empty when
    # too little was read to tell documents apart.
    content_fingerprint = models.CharField(
        verbose_name=_("content fingerprint"), max_length=64, blank=True, db_index=True
    )
    # The file's other documents, each read on its own: one worker's other months in a file of payslips, the other
    # faturas-recibo in a file of several (``[{"fields", "confidence", "warnings"}]``, latest first; ADR 031).
    # Personal data, so encrypted.
    parts = EncryptedJSONField(verbose_name=_("other documents in the file"), default=list)
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("extracted data")
        verbose_name_plural = _("extracted data")

    def __str__(self) -> str:
        # The extracted-data page's title in words ("Passaporte · leitura ótica (OCR)", not "PASSAPORTE (ocr)").
        return f"{kind_label(self.kind)} · {method_label(self.method)}"


class PartFingerprint(models.Model):
    """The content fingerprint of one of a file's other documents (``ExtractedData.parts``: a bundle's other months'
    payslips, its other faturas-recibo; ADR 031), so that a month sent inside someone else's bundle is found as
    reused as a file of its own would be. A keyed hash, no personal data."""

    id = models.BigAutoField(primary_key=True)
    extracted = models.ForeignKey(
        ExtractedData, verbose_name=_("extracted data"), on_delete=models.CASCADE, related_name="part_fingerprints"
    )
    fingerprint = models.CharField(verbose_name=_("content fingerprint"), max_length=64, db_index=True)

    class Meta:
        verbose_name = _("content fingerprint of another document in the file")
        verbose_name_plural = _("content fingerprints of other documents in the file")
        constraints = [
            models.UniqueConstraint(fields=["extracted", "fingerprint"], name="part_fingerprint_once_per_file")
        ]

    def __str__(self) -> str:
        return f"{self.fingerprint[:12]}…"


class UploadSlotQuerySet(models.QuerySet["UploadSlot"]):
    def issued_for_a_replaced_link(self) -> UploadSlotQuerySet:
        """Slots handed out before staff replaced their form's link: the old link's, which open nothing any more.

        Whoever held the old link could still put a file into a slot taken before, and the new link's submission
        took that key (blind probe r75b, U). A form's link is only replaced before anyone submitted on it, when
        every slot of the form is the lead link's; an invited person's slots come after, and are never these.
        """
        replaced_later = ReplacedFormLink.objects.filter(
            form_request_id=OuterRef("form_request_id"), replaced_at__gt=OuterRef("created_at")
        )
        return self.filter(Exists(replaced_later))

    def issued_for_an_erased_link(self) -> UploadSlotQuerySet:
        """Slots of a form whose people are all gone (erased on request or purged): submitted, and holding nobody.

        Every link of such a form answers 410 ``data_erased``, and so do the slots handed out on them (blind probe
        r77a, F1: one took a file after its person's erasure). An erasure from this fix on deletes its people's
        slots with their files (``workspace.retention``: one member's too); this names the rows left from before.
        """
        people = Applicant.objects.filter(form_request_id=OuterRef("form_request_id"))
        return self.filter(form_request__status=FormStatus.COMPLETED).exclude(Exists(people))


class UploadSlot(models.Model):
    """One direct-to-storage upload slot handed out for a form: ids and times, no personal data.

    The per-form quota counts these rows; the local storage's upload endpoint
    takes a slot once (``used_at``), and a submission closes every slot of its form.
    """

    id = models.BigAutoField(primary_key=True)
    form_request = models.ForeignKey(IntakeFormRequest, on_delete=models.CASCADE, related_name="upload_slots")
    key = models.CharField(max_length=512, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    # When the slot stopped accepting a file: its upload arrived (local storage) or its form was submitted.
    used_at = models.DateTimeField(null=True, blank=True)

    objects = UploadSlotQuerySet.as_manager()

    def __str__(self) -> str:
        return f"upload slot {self.id}"


class PendingDeletion(models.Model):
    """A stored object to delete once ``due_at`` passes: the outbox of file deletions.

    Written in the same transaction as whatever makes the object garbage (a
    document row deleted, a form submitted, a slot handed out), so no delete is
    forgotten; a row stays, with a later ``due_at``, until the delete succeeds.
    """

    id = models.BigAutoField(primary_key=True)
    key = models.CharField(max_length=512, unique=True)
    due_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=0)
    # The exception class of the last failed attempt; never a message (it could quote a key or a path).
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        indexes = [models.Index(fields=["due_at"])]

    def __str__(self) -> str:
        return f"pending deletion {self.id}"
