"""Agencies, their staff, intake form requests, applicants, decisions and the audit trail."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

from applicants.fields import (
    EncryptedCharField,
    EncryptedDateField,
    EncryptedEmailField,
    EncryptedJSONField,
    EncryptedTextField,
)
from applicants.figures import percent_figure

# Retention periods are bounded so no agency can switch retention off: ten years at
# most (a huge value once made the purge overflow for every agency after it).
RETENTION_DAYS_MIN = 1
RETENTION_DAYS_MAX = 3650


# A count's range said whole at its field (Django's stock "Garanta que este valor seja menor ou igual a 50." gave
# one end of it, in Brazilian wording: blind probe r69a).
def range_validators(low: int, high: int, message: StrOrPromise) -> list[MinValueValidator | MaxValueValidator]:
    return [MinValueValidator(low, message=message), MaxValueValidator(high, message=message)]


RETENTION_DAYS_VALIDATORS = range_validators(
    RETENTION_DAYS_MIN, RETENTION_DAYS_MAX, _("Indique de 1 a 3650 dias (dez anos).")
)

# An agency's ratios are stored as fractions (0.350 is 35 %) and each has a range it can mean something in (ADR 004,
# "Ranges"): a taxa de esforco limit or a loan-to-value is above 0 and at most 100 %; a sale's annual interest rate
# from 0 to 25 % (a 4 typed for 4 % was kept as 400 %: blind probe r69a, V-2). The admin reads and writes them as
# percentages; these validators and the constraints below hold whatever the way in. Messages speak in percent,
# as the agency does ("%%": Django formats a validator's and a constraint's message with its parameters).
RATIO_MIN = Decimal("0.001")
RATIO_MAX = Decimal("1")
INTEREST_RATE_MIN = Decimal("0")
INTEREST_RATE_MAX = Decimal("0.25")
RATIO_RANGE_MESSAGE = _("Indique uma percentagem acima de 0 %% e até 100 %%.")
INTEREST_RATE_RANGE_MESSAGE = _("Indique uma taxa anual de 0 %% a 25 %%.")
RATIO_VALIDATORS = [
    MinValueValidator(RATIO_MIN, message=RATIO_RANGE_MESSAGE),
    MaxValueValidator(RATIO_MAX, message=RATIO_RANGE_MESSAGE),
]
INTEREST_RATE_VALIDATORS = [
    MinValueValidator(INTEREST_RATE_MIN, message=INTEREST_RATE_RANGE_MESSAGE),
    MaxValueValidator(INTEREST_RATE_MAX, message=INTEREST_RATE_RANGE_MESSAGE),
]
ID_EXPIRY_WARNING_DAYS_MAX = 365


class AuthenticitySeverity(models.TextChoices):
    """The severities an authenticity signal can raise the risk from (LOW signals only inform)."""

    MEDIUM = "MEDIUM", _("medium")
    HIGH = "HIGH", _("high")


class Organization(models.Model):
    """A real-estate agency; the tenancy boundary of every row below it."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(verbose_name=_("name"), max_length=200, unique=True)
    # Affordability thresholds (taxa de esforco) and the loan assumed for sales.
    dti_high_threshold = models.DecimalField(
        verbose_name=_("high DTI threshold"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.400"),
        validators=RATIO_VALIDATORS,
    )
    dti_medium_threshold = models.DecimalField(
        verbose_name=_("medium DTI threshold"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.350"),
        validators=RATIO_VALIDATORS,
    )
    # A guarantor (fiador) covers when the monthly cost over their income is at most this:
    # stricter than the tenants' limits, as referencing practice makes guarantors.
    dti_guarantor_threshold = models.DecimalField(
        verbose_name=_("guarantor DTI threshold"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.300"),
        validators=RATIO_VALIDATORS,
    )
    id_expiry_warning_days = models.PositiveIntegerField(
        verbose_name=_("ID expiry warning (days)"),
        default=60,
        validators=[
            MaxValueValidator(ID_EXPIRY_WARNING_DAYS_MAX, message=_("Indique no máximo %(limit_value)s dias (um ano)."))
        ],
    )
    sale_loan_to_value = models.DecimalField(
        verbose_name=_("sale loan-to-value"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.900"),
        validators=RATIO_VALIDATORS,
    )
    sale_annual_interest_rate = models.DecimalField(
        verbose_name=_("sale annual interest rate"),
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.0400"),
        validators=INTEREST_RATE_VALIDATORS,
    )
    sale_loan_term_years = models.PositiveIntegerField(
        verbose_name=_("sale loan term (years)"),
        default=30,
        validators=range_validators(1, 50, _("Indique de 1 a 50 anos.")),
    )
    # GDPR retention: days to keep applicants after a decision, and undecided
    # ones after their form expired.
    retention_days_after_decision = models.PositiveIntegerField(
        verbose_name=_("retention after a decision (days)"), default=180, validators=RETENTION_DAYS_VALIDATORS
    )
    retention_days_undecided = models.PositiveIntegerField(
        verbose_name=_("retention without a decision (days)"), default=90, validators=RETENTION_DAYS_VALIDATORS
    )
    # The applicant's explanation always says what was checked and what would change the outcome;
    # the risk word itself only when the agency chooses to show it.
    show_risk_to_applicant = models.BooleanField(verbose_name=_("show the risk to the applicant"), default=False)
    # Authenticity signals (screening/rules/authenticity.py): the severity from which a signal raises
    # the risk to at least MEDIUM, and how long after its creation a PDF's modification is worth saying.
    authenticity_raise_severity = models.CharField(
        verbose_name=_("authenticity severity that raises the risk"),
        max_length=6,
        choices=AuthenticitySeverity.choices,
        default=AuthenticitySeverity.HIGH,
    )
    authenticity_modified_after_days = models.PositiveIntegerField(
        verbose_name=_("PDF modification noted after (days)"),
        default=30,
        validators=range_validators(1, 3650, _("Indique de 1 a 3650 dias (dez anos).")),
    )
    # Who the information notice names as contacts (GDPR art. 13(1)(a)(b)); blank: the notice sends people
    # to the agency through whoever sent them the link (blind probe r64b, F2).
    privacy_contact_email = models.EmailField(
        verbose_name=_("contacto para a proteção de dados"),
        blank=True,
        help_text=_("O endereço que a informação ao candidato indica para questões sobre os seus dados."),
    )
    dpo_contact_email = models.EmailField(
        verbose_name=_("contacto do encarregado da proteção de dados (EPD)"),
        blank=True,
        help_text=_("Só se a agência tiver um encarregado da proteção de dados."),
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        # Defence in depth behind the validators (shell, data migrations): a violation that reaches a person says
        # what is wrong in their words, not "Constraint … is violated" (blind probe r69a, I-5).
        constraints = [
            models.CheckConstraint(
                condition=Q(dti_medium_threshold__lte=models.F("dti_high_threshold")),
                name="organization_dti_thresholds_ordered",
                violation_error_message=_("O limiar médio da taxa de esforço não pode ser superior ao alto."),
            ),
            models.CheckConstraint(
                condition=Q(dti_medium_threshold__gt=0)
                & Q(dti_high_threshold__lte=1)
                & Q(dti_guarantor_threshold__lte=1),
                name="organization_dti_thresholds_in_range",
                violation_error_message=_("Os limiares da taxa de esforço têm de estar acima de 0 %% e até 100 %%."),
            ),
            models.CheckConstraint(
                condition=Q(sale_loan_to_value__gt=0) & Q(sale_loan_to_value__lte=1),
                name="organization_ltv_in_range",
                violation_error_message=_(
                    "O financiamento de uma venda tem de estar acima de 0 %% e até 100 %% do preço."
                ),
            ),
            models.CheckConstraint(
                condition=Q(sale_annual_interest_rate__gte=INTEREST_RATE_MIN)
                & Q(sale_annual_interest_rate__lte=INTEREST_RATE_MAX),
                name="organization_interest_rate_in_range",
                violation_error_message=INTEREST_RATE_RANGE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(retention_days_after_decision__range=(RETENTION_DAYS_MIN, RETENTION_DAYS_MAX))
                & Q(retention_days_undecided__range=(RETENTION_DAYS_MIN, RETENTION_DAYS_MAX)),
                name="organization_retention_in_range",
                violation_error_message=_("Os prazos de conservação têm de ser de 1 a 3650 dias."),
            ),
            models.CheckConstraint(
                condition=Q(dti_guarantor_threshold__gt=0),
                name="organization_guarantor_threshold_positive",
                violation_error_message=_("O limiar do fiador tem de estar acima de 0 %%."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The medium limit at most the high one, said at the medium field (the constraint's message has no field)."""
        medium, high = self.dti_medium_threshold, self.dti_high_threshold
        if medium is not None and high is not None and medium > high:
            message = _("O limiar médio não pode ser superior ao alto (%(high)s %%).")
            raise ValidationError({"dti_medium_threshold": message % {"high": percent_words(high)}})


def percent_words(fraction: Decimal) -> str:
    """A stored fraction as the agency writes it: 0.350 -> "35", 0.0425 -> "4,25" (no trailing zeros)."""
    return percent_figure(fraction).replace(".", ",")


class MembershipRole(models.TextChoices):
    ADMIN = "ADMIN", _("Administrador")
    STAFF = "STAFF", _("Colaborador")


class Membership(models.Model):
    """Ties a staff user to exactly one agency."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="membership"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        verbose_name=_("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.STAFF
    )
    # Opt-in: an e-mail when a report is ready, a resubmission arrives or an applicant contests.
    notify_by_email = models.BooleanField(verbose_name=_("notify by email"), default=False)
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization", "user"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"


class ListingType(models.TextChoices):
    ARRENDAMENTO = "ARRENDAMENTO", _("Arrendamento")
    VENDA = "VENDA", _("Venda")


class PropertyType(models.TextChoices):
    APARTAMENTO = "APARTAMENTO", _("Apartamento")
    MORADIA = "MORADIA", _("Moradia")
    TERRENO = "TERRENO", _("Terreno")
    LOJA = "LOJA", _("Loja")
    ESCRITORIO = "ESCRITORIO", _("Escritório")
    OUTRO = "OUTRO", _("Outro")


class FormStatus(models.TextChoices):
    PENDING = "PENDING", _("Pendente")
    COMPLETED = "COMPLETED", _("Concluído")
    EXPIRED = "EXPIRED", _("Expirado")


class IntakeFormRequestQuerySet(models.QuerySet["IntakeFormRequest"]):
    def open(self, *, now: dt.datetime) -> IntakeFormRequestQuerySet:
        """Still accepting a submission."""
        return self.filter(status=FormStatus.PENDING, expires_at__gt=now)

    def expired(self, *, now: dt.datetime) -> IntakeFormRequestQuerySet:
        """Marked expired, or past ``expires_at`` without a submission (the one definition)."""
        return self.filter(Q(status=FormStatus.EXPIRED) | (Q(status=FormStatus.PENDING) & Q(expires_at__lte=now)))


class IntakeFormRequest(models.Model):
    """A link sent to one applicant for one property; its token is stored hashed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="form_requests"
    )
    listing_type = models.CharField(verbose_name=_("listing type"), max_length=20, choices=ListingType.choices)
    property_type = models.CharField(verbose_name=_("property type"), max_length=20, choices=PropertyType.choices)
    property_title = models.CharField(verbose_name=_("property title"), max_length=200)
    property_price = models.DecimalField(
        verbose_name=_("property price"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    token_hash = models.CharField(verbose_name=_("token hash"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(verbose_name=_("expires at"))
    status = models.CharField(
        verbose_name=_("status"), max_length=10, choices=FormStatus.choices, default=FormStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)
    completed_at = models.DateTimeField(verbose_name=_("completed at"), null=True, blank=True)

    objects = IntakeFormRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake form request")
        verbose_name_plural = _("intake form requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(property_price__gt=0), name="form_price_positive"),
        ]
        indexes = [models.Index(fields=["organization", "status", "-created_at"])]

    def __str__(self) -> str:
        return self.property_title

    @property
    def is_expired(self) -> bool:
        return self.effective_status == FormStatus.EXPIRED

    @property
    def effective_status(self) -> str:
        """The status with expiry applied (the row is not rewritten when the date passes)."""
        if self.status == FormStatus.PENDING and self.expires_at <= timezone.now():
            return FormStatus.EXPIRED
        return self.status


class ApplicationStatus(models.TextChoices):
    WAITING = "WAITING", _("À espera dos restantes candidatos")
    PROCESSING = "PROCESSING", _("Em processamento")
    COMPLETED = "COMPLETED", _("Concluído")
    FAILED = "FAILED", _("Falhou")


class Application(models.Model):
    """The people who apply together for one form request: the lead tenant, co-tenants, guarantors.

    A single person is an application of one. Screened when every invited
    person has submitted, or when staff force it with whoever has.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="applications"
    )
    form_request = models.OneToOneField(
        IntakeFormRequest, verbose_name=_("intake form request"), on_delete=models.CASCADE, related_name="application"
    )
    status = models.CharField(
        verbose_name=_("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.WAITING
    )
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"Candidatura {str(self.id)[:8]}"


class Role(models.TextChoices):
    TENANT = "TENANT", _("Arrendatário principal")
    CO_TENANT = "CO_TENANT", _("Coarrendatário")
    GUARANTOR = "GUARANTOR", _("Fiador")


# A sale's people are buyers: the roles' words when the property is sold (blind probe r62b: a sale's PDF called the
# couple buying "Arrendatário principal" and "Coarrendatário" beside a justification that says "compradores").
BUYER_ROLE_LABELS = {
    Role.TENANT: _("Comprador principal"),
    Role.CO_TENANT: _("Cocomprador"),
    Role.GUARANTOR: Role.GUARANTOR.label,
}


def role_label(role: str, *, listing_type: str = "") -> str:
    """A role in the staff's words for the property's listing: a buyer's for a sale, a tenant's otherwise."""
    if role not in Role.values:
        return role
    if listing_type == ListingType.VENDA:
        return str(BUYER_ROLE_LABELS[Role(role)])
    return str(Role(role).label)


class IncomeProfile(models.TextChoices):
    EMPLOYEE = "EMPLOYEE", _("Trabalhador por conta de outrem")
    INDEPENDENT = "INDEPENDENT", _("Trabalhador independente")
    PENSIONER = "PENSIONER", _("Pensionista")
    MIXED = "MIXED", _("Misto")


class ApplicantStatus(models.TextChoices):
    WAITING = "WAITING", _("À espera dos restantes candidatos")
    PROCESSING = "PROCESSING", _("Em processamento")
    COMPLETED = "COMPLETED", _("Concluído")
    FAILED = "FAILED", _("Falhou")


# The applicant statuses of the REST contract (docs/api.md, "Enumerations"): WAITING is the application's
# status there, so an applicant whose application waits for the people it invited is PROCESSING to a client.
CONTRACT_APPLICANT_STATUSES = [
    (value, label) for value, label in ApplicantStatus.choices if value != ApplicantStatus.WAITING
]


def contract_applicant_status(status: str) -> str:
    return ApplicantStatus.PROCESSING if status == ApplicantStatus.WAITING else status


def stale_claim_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    """Claims not refreshed since this belong to a worker that died: a live worker's
    heartbeat refreshes its claim well within the window, so the work may be taken over."""
    return (now or timezone.now()) - dt.timedelta(seconds=settings.PIPELINE_STUCK_AFTER_SECONDS)


class ApplicantQuerySet(models.QuerySet["Applicant"]):
    def stuck(self, *, cutoff: dt.datetime) -> ApplicantQuerySet:
        """In ``PROCESSING`` since before ``cutoff``: the one definition the sweep, ops and admin use.

        Only lead tenants: a household's pipeline runs under its lead, the other
        members follow the lead's state.
        """
        return self.filter(status=ApplicantStatus.PROCESSING, role=Role.TENANT).filter(
            Q(processing_started_at__lt=cutoff) | Q(processing_started_at__isnull=True, created_at__lt=cutoff)
        )

    def household_of(self, applicant_id: uuid.UUID | str) -> ApplicantQuerySet:
        """Everyone in this applicant's application (just the applicant when there is none).

        Written as two index lookups (the applicant by id, the members by the
        applicant's ``application_id``): the join through ``application__members``
        that it replaces made SQLite scan every applicant of every agency, on
        each submission's extraction plan.
        """
        # A scalar subquery, not ``__in``: PostgreSQL then ORs two index scans; with ``IN`` it scanned the table.
        # No application: the subquery is NULL, which equals nothing.
        own_application = Subquery(self.model.objects.filter(id=applicant_id).values("application_id")[:1])
        return self.filter(Q(id=applicant_id) | Q(application_id=own_application))

    def with_latest_decision_value(self) -> ApplicantQuerySet:
        """Annotate ``latest_decision_value`` (the newest decision's outcome, or NULL) for filtering."""
        latest = Decision.objects.filter(applicant=OuterRef("pk")).order_by("-decided_at").values("decision")[:1]
        return self.annotate(latest_decision_value=Subquery(latest))


class Applicant(models.Model):
    """A person who answered an intake form. Personal data is encrypted at rest."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="applicants"
    )
    form_request = models.ForeignKey(
        IntakeFormRequest, verbose_name=_("intake form request"), on_delete=models.CASCADE, related_name="applicants"
    )
    # NULL only for rows written before households existed (the data migration fills them).
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="members",
    )
    role = models.CharField(verbose_name=_("role"), max_length=10, choices=Role.choices, default=Role.TENANT)
    # What the applicant says applies to them; the rules say which documents prove it.
    income_profile = models.CharField(
        verbose_name=_("income profile"), max_length=12, choices=IncomeProfile.choices, blank=True, default=""
    )
    nif = EncryptedCharField(verbose_name=_("NIF"), max_length=9)
    nif_index = models.CharField(verbose_name=_("NIF index"), max_length=64, db_index=True, editable=False)
    name = EncryptedCharField(verbose_name=_("name"), max_length=200)
    date_of_birth = EncryptedDateField(verbose_name=_("date of birth"))
    email = EncryptedEmailField(verbose_name=_("email"), max_length=254)
    phone = EncryptedCharField(verbose_name=_("phone"), max_length=32, blank=True)
    status = models.CharField(
        verbose_name=_("status"), max_length=12, choices=ApplicantStatus.choices, default=ApplicantStatus.PROCESSING
    )
    failure_reason = models.TextField(verbose_name=_("failure reason"), blank=True)
    # Denormalized from the latest report so lists can filter without a join.
    risk_level = models.CharField(verbose_name=_("risk level"), max_length=6, blank=True, default="")
    # Consent record (GDPR art. 7): which text, when, from where.
    consent_text_version = models.CharField(verbose_name=_("consent text version"), max_length=40)
    consent_given_at = models.DateTimeField(verbose_name=_("consent given at"))
    consent_ip = EncryptedCharField(verbose_name=_("consent IP address"), max_length=45, blank=True)
    # The exact notice accepted (blind probe r64b, F11): null for those who consented before it was kept.
    consent_notice = models.ForeignKey(
        "ConsentNotice",
        verbose_name=_("informação aceite"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    processing_started_at = models.DateTimeField(verbose_name=_("processing started at"), null=True, blank=True)
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(verbose_name=_("updated at"), auto_now=True)

    objects = ApplicantQuerySet.as_manager()

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        ordering = ["-created_at"]
        permissions = [
            ("view_pii", "Can view decrypted personal data"),
            ("rerun_applicant", "Can re-run an applicant's extraction and screening"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["form_request", "nif_index"], name="applicant_unique_nif_per_form"),
            models.CheckConstraint(
                condition=Q(risk_level__in=["", "LOW", "MEDIUM", "HIGH"]), name="applicant_risk_level_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "-created_at"]),
            # The recovery sweep (every PIPELINE_SWEEP_INTERVAL_SECONDS) and the metrics read the few
            # applicants in flight across every agency: without it each was a scan of every applicant.
            models.Index(fields=["status", "processing_started_at"], name="applicant_status_started_idx"),
        ]

    def __str__(self) -> str:
        return f"Candidato {str(self.id)[:8]}"

    @property
    def latest_decision(self) -> Decision | None:
        """The current decision; ``decisions`` are newest first, so a prefetch serves it without a query."""
        decisions = list(self.decisions.all())
        return decisions[0] if decisions else None


class NameWord(models.Model):
    """One word of a person's name as a keyed hash, so staff find a person by name while names stay encrypted at
    rest (``applicants.crypto.name_word_digests``; ADR 046). Rewritten whenever the name is (``name_index_refresh``)
    and under a new ``BLIND_INDEX_KEY`` (``rotate_encryption_keys``); deleted with the person."""

    applicant = models.ForeignKey(Applicant, on_delete=models.CASCADE, related_name="name_words")
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["digest", "applicant"], name="name_word_unique_per_applicant")]

    def __str__(self) -> str:
        return self.digest[:12]


class InvitationStatus(models.TextChoices):
    SENT = "SENT", _("Enviado")
    SUBMITTED = "SUBMITTED", _("Submetido")
    EXPIRED = "EXPIRED", _("Expirado")


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def outstanding(self, *, now: dt.datetime) -> InvitationQuerySet:
        """Sent, not answered, not expired and not left out of a run: the ones an application waits for."""
        return self.filter(status=InvitationStatus.SENT, expires_at__gt=now, left_out_at__isnull=True)


class Invitation(models.Model):
    """A co-tenant or guarantor asked to join an application: their own link, consent and documents.

    The token is stored hashed like a form's; the name and e-mail are the
    inviter's words about another person, so they are encrypted too.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=10, choices=Role.choices)
    name = EncryptedCharField(max_length=200)
    email = EncryptedEmailField(max_length=254)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.SENT)
    applicant = models.OneToOneField(
        Applicant, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitation"
    )
    invited_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    # When a screening started without this person (forced): they stay out of that application from then on, even
    # once it waits again for someone invited later. The application's status alone said so until it was reopened,
    # and then this link came back to life and held the application (probe C28).
    left_out_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(role="TENANT"), name="invitation_role_not_lead"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {str(self.id)[:8]}"

    def superseded_in(self, invitations: list[Invitation]) -> bool:
        """Re-sent to the same person (same role and e-mail) later: only the newest link counts."""
        return any(
            other.created_at > self.created_at and other.role == self.role and other.email.lower() == self.email.lower()
            for other in invitations
        )

    @property
    def effective_status(self) -> str:
        if self.status == InvitationStatus.SENT and self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return self.status


class DecisionOutcome(models.TextChoices):
    APPROVED = "APPROVED", _("Aprovado")
    REJECTED = "REJECTED", _("Rejeitado")
    MORE_INFO = "MORE_INFO", _("Pedir mais documentos")


# A decision as something that happened to the applicant, on a day.
DECISION_TAKEN_ON = {
    DecisionOutcome.APPROVED: _("Aprovado em %(day)s"),
    DecisionOutcome.REJECTED: _("Rejeitado em %(day)s"),
    DecisionOutcome.MORE_INFO: _("Mais documentos pedidos em %(day)s"),
}


class Decision(models.Model):
    """A person's decision on an applicant (GDPR art. 22): the report only advises."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+")
    applicant = models.ForeignKey(
        Applicant, verbose_name=_("applicant"), on_delete=models.CASCADE, related_name="decisions"
    )
    decision = models.CharField(verbose_name=_("decision"), max_length=10, choices=DecisionOutcome.choices)
    # Internal: staff only. The applicant sees ``message_to_applicant`` (MORE_INFO), never this. Free text about
    # a person (a name, a phone number), so encrypted as the messages are (blind probe r64b, F4); ciphertext is
    # never blank, so "a reason is required" is the service's and the serializers' rule, not a check constraint.
    reason = EncryptedTextField(verbose_name=_("reason"))
    message_to_applicant = EncryptedTextField(verbose_name=_("message to the applicant"), blank=True, default="")
    # The report current when the decision was taken (a household's, filed under its lead), kept when a re-run
    # adds a newer one: which assessment the decision rested on (blind probe r64b, F6). ``None``: decided with
    # no report, which a person may do (the property let, the applicant gone).
    report = models.ForeignKey(
        "screening.ScreeningReport",
        verbose_name=_("screening report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("decided by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(verbose_name=_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        # The title of its admin page and of each row of an applicant's history: an event in words, dated as the
        # agency writes dates ("Aprovado (2026-12-07)" before: blind probe r69a, I-8).
        day = date_format(timezone.localtime(self.decided_at), "d/m/Y")
        return str(DECISION_TAKEN_ON[self.decision]) % {"day": day}  # type: ignore[index]


class InfoRequestStatus(models.TextChoices):
    OPEN = "OPEN", _("Aguarda documentos")
    OVERDUE = "OVERDUE", _("Prazo ultrapassado")
    ANSWERED = "ANSWERED", _("Respondido")
    CLOSED = "CLOSED", _("Fechado")


class InfoRequestQuerySet(models.QuerySet["InfoRequest"]):
    def unanswered(self) -> InfoRequestQuerySet:
        """Waiting for the person's documents (overdue ones included): their link takes uploads."""
        return self.filter(answered_at__isnull=True, closed_at__isnull=True)

    def overdue(self, *, now: dt.datetime) -> InfoRequestQuerySet:
        return self.unanswered().filter(due_at__lte=now)


class InfoRequest(models.Model):
    """Staff ask one person for more documents (a ``MORE_INFO`` decision).

    The person's link reopens for these uploads only (their personal data
    stays locked). The request carries its own token (stored hashed) for the
    link in the e-mail; it opens the same page as the person's first link. A
    request past ``due_at`` still takes the documents, and shows as overdue.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    applicant = models.ForeignKey("Applicant", on_delete=models.CASCADE, related_name="info_requests")
    decision = models.ForeignKey("Decision", on_delete=models.CASCADE, related_name="info_requests")
    # What the applicant reads (the decision's internal reason is never shown to them).
    message = EncryptedTextField(blank=True, default="")
    # [{"document_type": "PROOF_OF_INCOME", "note": "o recibo de outubro"}]
    requested_documents = EncryptedJSONField(default=list)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    due_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    # A later decision (or a new request) closes one still unanswered.
    closed_at = models.DateTimeField(null=True, blank=True)
    mailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = InfoRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request for documents")
        verbose_name_plural = _("requests for documents")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "answered_at", "closed_at", "due_at"])]

    def __str__(self) -> str:
        return f"Pedido {str(self.id)[:8]}"

    @property
    def effective_status(self) -> str:
        if self.answered_at is not None:
            return InfoRequestStatus.ANSWERED
        if self.closed_at is not None:
            return InfoRequestStatus.CLOSED
        if self.due_at <= timezone.now():
            return InfoRequestStatus.OVERDUE
        return InfoRequestStatus.OPEN

    @property
    def document_types(self) -> set[str]:
        return {item["document_type"] for item in self.requested_documents}


class ErasedLink(models.Model):
    """A used link whose rows went with its person's erasure: only the hash of its token, and the form it was of.

    An invited person's link (and a request's) is found through rows the erasure deletes with the application,
    so it answered 404 where the lead's link, found through the form, answered 410 ``data_erased`` (probe C28).
    Holds no personal data: the token is stored hashed, as everywhere, and the form is the agency's.
    """

    id = models.BigAutoField(primary_key=True)
    form_request = models.ForeignKey(IntakeFormRequest, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    erased_at = models.DateTimeField(default=timezone.now, editable=False)
    # False for an invitation nobody answered: its holder sent nothing, so "what you sent was erased" would be
    # untrue (the lead alone erased takes the whole application, and every pending invitation with it).
    data_sent = models.BooleanField(default=True, editable=False)

    def __str__(self) -> str:
        return f"Link apagado {self.id}"


class ReplacedFormLink(models.Model):
    """A form's earlier link, replaced by staff with a new one (``form_request_link_renew``): only its token's hash.

    It answers ``410 form_expired`` saying a newer link exists, as a re-sent invitation's earlier link does, rather
    than 404 "check the link": the person holding it learns only that the agency replaced it.
    """

    id = models.BigAutoField(primary_key=True)
    form_request = models.ForeignKey(IntakeFormRequest, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    replaced_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return f"Ligação substituída {self.id}"


class ContestStatus(models.TextChoices):
    OPEN = "OPEN", _("Em aberto")
    ANSWERED = "ANSWERED", _("Respondida")


class Contest(models.Model):
    """The applicant's view on the result, or their contest of it (GDPR art. 22(3)); staff answer by e-mail."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    applicant = models.ForeignKey("Applicant", on_delete=models.CASCADE, related_name="contests")
    message = EncryptedTextField()
    status = models.CharField(max_length=10, choices=ContestStatus.choices, default=ContestStatus.OPEN)
    answer = EncryptedTextField(blank=True, default="")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_mailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("applicant comment")
        verbose_name_plural = _("applicant comments")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "status", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="OPEN") | Q(answered_at__isnull=False), name="contest_answered_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"Contestação {str(self.id)[:8]}"


class ConsentNotice(models.Model):
    """One wording of the information notice an applicant accepted, kept once per distinct text.

    The notice names the agency, its contacts, its retention periods and the processors the deployment uses,
    so its text changes with them: the version alone could not show what a person read (blind probe r64b,
    F11). It holds the agency's details and the product's wording only, never a person's data.
    """

    id = models.BigAutoField(primary_key=True)
    sha256 = models.CharField(verbose_name=_("SHA-256 do texto"), max_length=64, unique=True)
    version = models.CharField(verbose_name=_("versão do texto"), max_length=40)
    language = models.CharField(verbose_name=_("língua"), max_length=8)
    text = models.TextField(verbose_name=_("texto"))
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("informação ao candidato")
        verbose_name_plural = _("informações ao candidato")

    def __str__(self) -> str:
        return f"{self.version} ({self.language}) {self.sha256[:12]}"


class AuditAction(models.TextChoices):
    PII_VIEWED = "PII_VIEWED", _("Dados pessoais consultados")
    DECISION_RECORDED = "DECISION_RECORDED", _("Decisão registada")
    RERUN_REQUESTED = "RERUN_REQUESTED", _("Reprocessamento pedido")
    INVITATION_SENT = "INVITATION_SENT", _("Convite enviado")
    FORCED_SCREENING = "FORCED_SCREENING", _("Análise forçada com os candidatos presentes")
    EXPORTED = "EXPORTED", _("Exportação de dados")
    PURGED = "PURGED", _("Dados apagados")
    DOCUMENT_DOWNLOADED = "DOCUMENT_DOWNLOADED", _("Documento descarregado")
    KEYS_ROTATED = "KEYS_ROTATED", _("Chaves rodadas")
    DOCUMENTS_REQUESTED = "DOCUMENTS_REQUESTED", _("Documentos pedidos ao candidato")
    DOCUMENTS_RESUBMITTED = "DOCUMENTS_RESUBMITTED", _("Documentos adicionais recebidos")
    CONTEST_RECEIVED = "CONTEST_RECEIVED", _("Contestação recebida")
    CONTEST_ANSWERED = "CONTEST_ANSWERED", _("Contestação respondida")
    REPORT_DOWNLOADED = "REPORT_DOWNLOADED", _("Relatório descarregado (PDF)")
    FORM_CLOSED = "FORM_CLOSED", _("Formulário fechado antes de expirar")
    FORM_LINK_RENEWED = "FORM_LINK_RENEWED", _("Nova ligação do formulário (a anterior deixou de funcionar)")
    RECTIFIED = "RECTIFIED", _("Dados pessoais retificados")
    STAFF_ACCESS_CHANGED = "STAFF_ACCESS_CHANGED", _("Acesso de colega alterado")
    STAFF_DEACTIVATED = "STAFF_DEACTIVATED", _("Colega desativado")
    STAFF_TOKEN_REVOKED = "STAFF_TOKEN_REVOKED", _("Token de API de colega revogado")


class AuditEvent(models.Model):
    """Who saw or changed what, when. Holds ids only, never personal data."""

    id = models.BigAutoField(primary_key=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("agency"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(verbose_name=_("action"), max_length=24, choices=AuditAction.choices)
    target_type = models.CharField(verbose_name=_("target type"), max_length=40)
    target_id = models.CharField(verbose_name=_("target ID"), max_length=64)
    details = models.JSONField(verbose_name=_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(verbose_name=_("created at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        # The action's label, not its code, as the admin page's title (blind probe r64b, F11).
        return f"{self.get_action_display()} · {self.target_type} {self.target_id}"
