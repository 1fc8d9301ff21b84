"""Subject access from the admin (blind probe r69a, U-10): office staff could export a person's data only through the
API or the shell. The person's page offers the API's export, with the API's permissions and its audit entry."""

from __future__ import annotations

import json
from typing import Any, cast

import pytest
from django.test import Client

from applicants.models import Applicant, AuditAction, AuditEvent, MembershipRole
from applicants.services import AgencyCredentials, staff_member_add
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db


def logged_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def applicant_of(credentials: AgencyCredentials) -> Applicant:
    form = IntakeFormRequestFactory(organization=credentials.organization)
    return cast(Applicant, ApplicantFactory(form_request=form))


def export_url(applicant: Applicant) -> str:
    return f"/admin/applicants/applicant/{applicant.pk}/export.json"


def test_the_persons_page_exports_their_data_as_the_api_does_and_audits_it(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice)
    client = logged_in(alice.user)

    page = client.get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    assert export_url(applicant) in page and "Exportar os dados da pessoa" in page
    response = client.get(export_url(applicant))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="dados-')
    assert "no-store" in response["Cache-Control"]  # the admin's own: a person's data kept in no cache
    exported = json.loads(response.content)
    assert exported["applicant"]["name"] == applicant.name
    assert exported["applicant"]["nif"] == applicant.nif
    audit = AuditEvent.objects.filter(action=AuditAction.EXPORTED, target_id=str(applicant.pk))
    assert audit.count() == 1 and audit.get().details.get("via") == "admin"


def test_a_colleague_without_personal_data_gets_no_export(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice)
    masked = staff_member_add(
        organization=alice.organization, email="eva@alice.test", role=MembershipRole.STAFF, view_pii=False,
        password="eva-Pa55word!",
    )  # fmt: skip
    client = logged_in(masked.user)

    assert (
        export_url(applicant) not in client.get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    )
    assert client.get(export_url(applicant)).status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()


def test_another_agency_cannot_export_the_person(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    applicant = applicant_of(alice)

    assert logged_in(bob.user).get(export_url(applicant)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()
