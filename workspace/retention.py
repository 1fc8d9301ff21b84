"""GDPR retention and subject access: purge expired applicants, export one person's data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import structlog
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from applicants import errors
from applicants.models import Applicant, ApplicantStatus, Application, AuditAction, Organization, Role
from applicants.services import audit_record, erased_links_record
from documents.models import Document
from screening.models import ScreeningReport

logger = structlog.get_logger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    applicants: int
    files: int
    # Agencies whose purge raised: logged, skipped, tried again on the next run.
    failed_organizations: int = 0


def applicants_past_retention(*, organization: Organization, now: dt.datetime) -> Any:
    """Decided applicants past ``retention_days_after_decision`` after their last
    decision; undecided ones past ``retention_days_undecided`` after their form expired."""
    decided_before = now - dt.timedelta(days=organization.retention_days_after_decision)
    expired_before = now - dt.timedelta(days=organization.retention_days_undecided)
    return (
        Applicant.objects.filter(organization=organization)
        .annotate(last_decision=Max("decisions__decided_at"))
        .filter(
            Q(last_decision__lt=decided_before)
            | Q(last_decision__isnull=True, form_request__expires_at__lt=expired_before)
        )
    )


def purge_expired(*, now: dt.datetime | None = None, dry_run: bool = False) -> PurgeResult:
    """Delete expired applicants with their documents, stored files, reports and decisions.

    Each agency is purged on its own: one that fails is logged (ids and the
    error's class only) and skipped, and the others are still purged. The
    stored files go with their document rows: deleting a ``Document`` schedules
    its file for deletion after commit, retried until it succeeds
    (``documents.storage.cleanup``), so a failed transaction never leaves rows
    pointing at missing files. Each purge is audited with counts only.
    """
    now = now or timezone.now()
    total_applicants = total_files = failed = 0
    for organization in Organization.objects.all():
        try:
            purged = _purge_organization(organization, now=now, dry_run=dry_run)
        except Exception as exc:
            failed += 1
            logger.error("retention.purge_failed", organization_id=str(organization.id), error=exc.__class__.__name__)
            continue
        total_applicants += purged.applicants
        total_files += purged.files
    return PurgeResult(applicants=total_applicants, files=total_files, failed_organizations=failed)


def _purge_organization(organization: Organization, *, now: dt.datetime, dry_run: bool) -> PurgeResult:
    expired = list(applicants_past_retention(organization=organization, now=now).prefetch_related("documents"))
    keys = [document.storage_key for applicant in expired for document in applicant.documents.all()]
    if not expired or dry_run:
        return PurgeResult(applicants=len(expired), files=len(keys))
    with transaction.atomic():
        erased_links_record(applicant_ids=[applicant.id for applicant in expired])
        Applicant.objects.filter(id__in=[applicant.id for applicant in expired]).delete()
        # An application whose every member is gone goes too, and its invitations with it: they hold the invited
        # people's names and e-mails, which outlived the purge (probe C28's fixer saw them left behind). An
        # application always has its lead from its first write, so one without members is only ever left by this.
        Application.objects.filter(organization=organization, members__isnull=True).delete()
        audit_record(
            action=AuditAction.PURGED,
            target_type="applicant_batch",
            target_id="-",
            organization=organization,
            details={"applicants": len(expired), "files": len(keys), "applicant_ids": [str(a.id) for a in expired]},
        )
    logger.info("retention.purged", organization_id=str(organization.id), applicants=len(expired), files=len(keys))
    return PurgeResult(applicants=len(expired), files=len(keys))


def applicant_erase(*, applicant: Applicant, actor: Any = None) -> PurgeResult:
    """Erase one person on request (GDPR art. 17): their rows, documents, stored files and reports.

    A person who applies with others shares the application's report with them, so one member alone is
    refused (``application_has_others``): the agency erases the whole application, or goes on without them.
    """
    application = applicant.application
    if application is not None and Applicant.objects.filter(application=application).exclude(id=applicant.id).exists():
        raise errors.ApplicationHasOthers()
    return _erase([applicant], application=application, actor=actor)


def application_erase(*, application: Application, actor: Any = None) -> PurgeResult:
    """Erase an application on request: every member, as ``applicant_erase`` erases one."""
    return _erase(list(application.members.all()), application=application, actor=actor)


def _erase(members: list[Applicant], *, application: Application | None, actor: Any) -> PurgeResult:
    """Delete the members (documents, reports, decisions and requests cascade; stored files go after commit, as
    in the retention purge) and their application; audited with ids and counts only. Not while a worker reads
    their documents (``applicant_processing``): its writes would race the deletion."""
    if any(member.status == ApplicantStatus.PROCESSING for member in members):
        raise errors.ApplicantProcessing()
    files = Document.objects.filter(applicant__in=members).count()
    organization = members[0].organization if members else getattr(application, "organization", None)
    target = (
        ("applicant", members[0].id) if len(members) == 1 or application is None else ("application", application.id)
    )
    with transaction.atomic():
        erased_links_record(applicant_ids=[member.id for member in members])
        Applicant.objects.filter(id__in=[member.id for member in members]).delete()
        if application is not None:
            Application.objects.filter(id=application.id).delete()
        audit_record(
            action=AuditAction.PURGED,
            target_type=target[0],
            target_id=target[1],
            organization=organization,
            actor=actor,
            details={"reason": "erasure_request", "applicant_ids": [str(m.id) for m in members], "files": files},
        )
    logger.info("retention.erased", applicants=len(members), files=files)
    return PurgeResult(applicants=len(members), files=files)


def applicant_export(*, applicant: Applicant, actor: Any = None) -> dict[str, Any]:
    """Everything held about one person (GDPR art. 15), and an audit entry that it was exported."""
    export = {
        "exported_at": timezone.now().isoformat(),
        "agency": applicant.organization.name,
        "applicant": _export_person(applicant),
        "property": {
            "title": applicant.form_request.property_title,
            "listing_type": applicant.form_request.listing_type,
        },
        "documents": [
            _export_document(document)
            for document in applicant.documents.select_related("extracted").order_by("created_at")
        ],
        "reports": [_export_report(report, person=applicant) for report in _reports_about(applicant)],
        "decisions": [
            {
                "decision": d.decision,
                "reason": d.reason,
                "decided_at": d.decided_at.isoformat(),
                "decided_by": d.decided_by.get_username() if d.decided_by else None,
            }
            for d in applicant.decisions.select_related("decided_by").order_by("decided_at")
        ],
    }
    audit_record(
        action=AuditAction.EXPORTED,
        target_type="applicant",
        target_id=applicant.id,
        organization=applicant.organization,
        actor=actor,
    )
    return export


def _export_person(applicant: Applicant) -> dict[str, Any]:
    return {
        "id": str(applicant.id),
        "nif": applicant.nif,
        "name": applicant.name,
        "date_of_birth": applicant.date_of_birth.isoformat(),
        "email": applicant.email,
        "phone": applicant.phone,
        "status": applicant.status,
        "submitted_at": applicant.created_at.isoformat(),
        "consent": {
            "text_version": applicant.consent_text_version,
            "given_at": applicant.consent_given_at.isoformat(),
            "ip": applicant.consent_ip,
        },
    }


def _export_document(document: Document) -> dict[str, Any]:
    extracted = getattr(document, "extracted", None)
    return {
        "id": str(document.id),
        "document_type": document.document_type,
        "original_filename": document.original_filename,
        "content_type": document.content_type,
        "size": document.size,
        "status": document.status,
        "error": document.error,
        "uploaded_at": document.created_at.isoformat(),
        "extracted": None
        if extracted is None
        else {
            "kind": extracted.kind,
            "fields": extracted.fields,
            "confidence": extracted.confidence,
            "warnings": extracted.warnings,
            "parts": extracted.parts,
        },
    }


def _reports_about(applicant: Applicant) -> Any:
    """Every report that screened this person, oldest first: their own, and their household's, which is filed
    under the lead tenant (probe C27: a guarantor's export had ``reports: []``)."""
    about = Q(applicant_id=applicant.id)
    if applicant.application_id is not None:
        about |= Q(application_id=applicant.application_id)
    return ScreeningReport.objects.filter(about, organization_id=applicant.organization_id).order_by("created_at")


def _export_report(report: ScreeningReport, *, person: Applicant) -> dict[str, Any]:
    if not report.household:
        # A one-person report is all about its applicant.
        return _export_report_whole(report)
    return _export_household_report(report, person=person)


def _export_report_whole(report: ScreeningReport) -> dict[str, Any]:
    return {
        "created_at": report.created_at.isoformat(),
        "risk_level": report.risk_level,
        "identity_verified": report.identity_verified,
        "income_verified": report.income_verified,
        "dti_ratio": float(report.dti_ratio) if report.dti_ratio is not None else None,
        "average_monthly_income": float(report.average_monthly_income)
        if report.average_monthly_income is not None
        else None,
        "justification": report.justification,
        "checks": report.checks,
        "authenticity": _export_authenticity(report, person_id=None),
        "produced_by": _produced_by(report),
    }


def _export_household_report(report: ScreeningReport, *, person: Applicant) -> dict[str, Any]:
    """What a household's report says about one of its members, and nothing about the others (probe C27: the
    lead's export held the guarantor's checks, NIF included, which the agency would have handed to the lead).

    Kept: the application's risk level (the outcome the agency's decision about this person rests on; one word
    that quotes nobody), this person's own figures and checks, and, for the guarantor the verdict is about,
    that verdict and its check (their ratio, the income needed against the public monthly cost, their
    shortfall). The household's combined income, its ratio and the ``affordability.dti`` check are kept only
    for the one tenant whose income they are alone: with two tenants, the combined figure less one's own
    income is the other's (and the ratio gives the combined figure back through the public monthly cost).
    The justification is left out: it is one text about everyone (whose identity was not confirmed, the
    combined income, the guarantor's shortfall).
    """
    person_id = str(person.id)
    household = report.household or {}
    members = household.get("members") or []
    own = next((m for m in members if m.get("applicant_id") == person_id), None)
    tenants = [m for m in members if m.get("role") in (Role.TENANT, Role.CO_TENANT)]
    sole_tenant = own is not None and tenants == [own]
    guarantor = household.get("guarantor") or None
    their_verdict = guarantor is not None and guarantor.get("applicant_id") == person_id

    def about_person(check: dict[str, Any]) -> bool:
        if check.get("applicant_id") is not None:
            return bool(check["applicant_id"] == person_id)
        if check.get("name") == "household.guarantor_covers":
            return their_verdict
        return sole_tenant and check.get("name") == "affordability.dti"

    income = own.get("average_monthly_income") if own else None
    return {
        "created_at": report.created_at.isoformat(),
        "risk_level": report.risk_level,
        "role": own.get("role") if own else person.role,
        "identity_verified": own.get("identity_verified") if own else None,
        "income_verified": own.get("income_verified") if own else None,
        "average_monthly_income": float(income) if income is not None else None,
        "dti_ratio": float(report.dti_ratio) if sole_tenant and report.dti_ratio is not None else None,
        "monthly_cost": float(household["monthly_cost"]) if household.get("monthly_cost") is not None else None,
        "guarantor": _guarantor_in_numbers(guarantor) if guarantor is not None and their_verdict else None,
        "justification": None,
        "checks": [check for check in report.checks if about_person(check)],
        "authenticity": _export_authenticity(report, person_id=person_id),
        "produced_by": _produced_by(report),
    }


# The guarantor verdict's figures, stored as decimal strings ("0.4085"): JSON numbers in the export, as the API
# gives them (docs/api.md: money and ratios are never strings; blind probe r64b, F10).
GUARANTOR_FIGURES = ("dti_ratio", "threshold", "income_needed", "shortfall")


def _guarantor_in_numbers(guarantor: dict[str, Any]) -> dict[str, Any]:
    return {key: _number(value) if key in GUARANTOR_FIGURES else value for key, value in guarantor.items()}


def _number(value: Any) -> float | None:
    return None if value is None or value == "" else float(Decimal(str(value)))


def _export_authenticity(report: ScreeningReport, *, person_id: str | None) -> list[dict[str, Any]]:
    """The report's signals about the person's own documents (all of a one-person report's, ``person_id`` None).

    What the screening found in a person's files is data about them (art. 15), and was missing from the export
    (probe C27). Kept out: the ids of the other applicants a reused document was also sent by, which are theirs;
    the signal says how many there were.
    """
    entries = []
    for entry in report.authenticity or []:
        if person_id is not None and entry.get("applicant_id") != person_id:
            continue
        signals = []
        for signal in entry.get("signals") or []:
            evidence = dict(signal.get("evidence") or {})
            others = evidence.pop("other_applicant_ids", None)
            if others is not None:
                evidence["other_applicants"] = len(others)
            signals.append({**signal, "evidence": evidence})
        entries.append({**entry, "signals": signals})
    return entries


def _produced_by(report: ScreeningReport) -> dict[str, Any]:
    return {"backend": report.backend, "model": report.model_name, "rules_version": report.rules_version}
