"""Reads, always inside one agency: every selector takes ``organization``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from applicants.crypto import nif_index_for
from applicants.models import Applicant, Decision, IntakeFormRequest, Organization
from applicants.tokens import intake_token_hash, intake_token_matches


def organization_for_user(user: Any) -> Organization | None:
    membership = getattr(user, "membership", None) if getattr(user, "is_authenticated", False) else None
    return membership.organization if membership else None


def form_request_list(*, organization: Organization) -> QuerySet[IntakeFormRequest]:
    return (
        IntakeFormRequest.objects.filter(organization=organization)
        .prefetch_related(
            Prefetch("applicants", queryset=Applicant.objects.only("id", "status", "created_at", "form_request_id"))
        )
        .order_by("-created_at")
    )


def form_request_get(*, organization: Organization, form_request_id: uuid.UUID | str) -> IntakeFormRequest:
    try:
        return form_request_list(organization=organization).get(id=form_request_id)
    except (IntakeFormRequest.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def form_request_by_token(*, token: str) -> IntakeFormRequest:
    """The applicant's credential: unknown token is a 404 (expiry is the caller's call)."""
    if not token or len(token) > 128:
        raise Http404
    form_request = (
        IntakeFormRequest.objects.select_related("organization").filter(token_hash=intake_token_hash(token)).first()
    )
    if form_request is None or not intake_token_matches(token, form_request.token_hash):
        raise Http404
    return form_request


@dataclass(frozen=True)
class ApplicantFilters:
    status: str | None = None
    risk_level: str | None = None
    form_request: str | None = None
    nif: str | None = None


def applicant_list(*, organization: Organization, filters: ApplicantFilters | None = None) -> QuerySet[Applicant]:
    queryset = Applicant.objects.filter(organization=organization).prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.select_related("decided_by").order_by("-decided_at"))
    )
    filters = filters or ApplicantFilters()
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.risk_level:
        queryset = queryset.filter(risk_level=filters.risk_level)
    if filters.form_request:
        queryset = queryset.filter(form_request_id=uuid.UUID(str(filters.form_request)))
    if filters.nif:
        queryset = queryset.filter(nif_index=nif_index_for(filters.nif))
    return queryset.order_by("-created_at", "id")


def applicant_get(*, organization: Organization, applicant_id: uuid.UUID | str) -> Applicant:
    try:
        return applicant_list(organization=organization).prefetch_related("documents").get(id=applicant_id)
    except (Applicant.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def applicant_status_get(*, organization: Organization, applicant_id: uuid.UUID | str) -> Applicant:
    """Just enough of an applicant for the status endpoint (no prefetches)."""
    try:
        return Applicant.objects.only("id", "status", "organization_id").get(organization=organization, id=applicant_id)
    except (Applicant.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
