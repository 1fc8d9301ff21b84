"""GDPR through the staff API: a person's data handed to them (art. 15) and erased on request (art. 17).

Cases probe 4: an agency asked to erase an applicant found only the retention purge, and the export only as a
shell command.
"""

from __future__ import annotations

from typing import Any, cast

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, AuditAction, AuditEvent, MembershipRole, Role
from applicants.services import AgencyCredentials, staff_member_add
from documents.models import Document
from documents.storage import document_store
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db


def applicant_with_a_file(credentials: AgencyCredentials, **fields: Any) -> tuple[Applicant, str]:
    fields.setdefault("status", ApplicantStatus.COMPLETED)
    form = fields.pop("form_request", None) or IntakeFormRequestFactory(organization=credentials.organization)
    applicant = cast(Applicant, ApplicantFactory(form_request=form, **fields))
    key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-000000000009/r.pdf"
    document_store().put(key, b"%PDF-1.4", "application/pdf")
    Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                            storage_key=key, original_filename="r.pdf", content_type="application/pdf", size=8)  # fmt: skip
    return applicant, key


def colleague_api(credentials: AgencyCredentials, role: str = MembershipRole.STAFF) -> APIClient:
    colleague = staff_member_add(organization=credentials.organization, email=f"{role.lower()}@x.test", role=role)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {colleague.token}")
    return client


def test_the_agency_admin_erases_a_person_with_their_files_and_the_trail_keeps_ids_only(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    applicant, key = applicant_with_a_file(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.delete(f"/api/v1/applicants/{applicant.id}")
    assert response.status_code == 204
    assert not Applicant.objects.filter(id=applicant.id).exists() and not Document.objects.exists()
    assert document_store().stat(key) is None
    assert alice_api.get(f"/api/v1/applicants/{applicant.id}").status_code == 404
    event = AuditEvent.objects.get(action=AuditAction.PURGED)
    assert event.details == {"reason": "erasure_request", "applicant_ids": [str(applicant.id)], "files": 1}
    assert event.actor == alice.user and "Maria" not in str(event.details)


def test_erasing_is_the_admins_and_another_agencys_person_is_not_found(
    alice: AgencyCredentials, bob: AgencyCredentials, bob_api: APIClient
) -> None:
    applicant, _ = applicant_with_a_file(alice)
    assert colleague_api(alice).delete(f"/api/v1/applicants/{applicant.id}").status_code == 403
    assert bob_api.delete(f"/api/v1/applicants/{applicant.id}").status_code == 404
    assert Applicant.objects.filter(id=applicant.id).exists()


def test_a_lead_who_would_leave_only_a_guarantor_is_refused_and_the_application_is_erased_whole(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """A co-tenant or a guarantor is erased alone (blind probe r76a, F2: tests/integration/test_erasure_member_r76a.py);
    the lead tenant is not while only guarantors would be left."""
    lead, _ = applicant_with_a_file(alice)
    application = Application.objects.create(organization=alice.organization, form_request=lead.form_request)
    guarantor = cast(
        Applicant,
        ApplicantFactory(
            form_request=lead.form_request,
            role=Role.GUARANTOR,
            application=application,
            status=ApplicantStatus.COMPLETED,
        ),
    )
    Applicant.objects.filter(id=lead.id).update(application=application)
    refused = alice_api.delete(f"/api/v1/applicants/{lead.id}")
    assert refused.status_code == 409 and refused.json()["code"] == "application_has_others"
    assert alice_api.delete(f"/api/v1/applications/{application.id}").status_code == 204
    assert not Applicant.objects.filter(id__in=[lead.id, guarantor.id]).exists()
    assert not Application.objects.filter(id=application.id).exists()


def test_a_person_whose_documents_are_being_read_is_erased_after(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant, _ = applicant_with_a_file(alice, status=ApplicantStatus.PROCESSING)
    response = alice_api.delete(f"/api/v1/applicants/{applicant.id}")
    assert response.status_code == 409 and response.json()["code"] == "applicant_processing"
    assert Applicant.objects.filter(id=applicant.id).exists()


def test_the_export_is_the_persons_data_for_staff_who_may_see_it_and_is_audited(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant, _ = applicant_with_a_file(alice)
    export = alice_api.get(f"/api/v1/applicants/{applicant.id}/export")
    assert export.status_code == 200
    assert export.json()["applicant"]["nif"] == applicant.nif
    assert export.json()["documents"][0]["original_filename"] == "r.pdf"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, target_id=str(applicant.id)).exists()
    trainee = staff_member_add(organization=alice.organization, email="eva@x.test", view_pii=False)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {trainee.token}")
    assert client.get(f"/api/v1/applicants/{applicant.id}/export").status_code == 403


def test_the_erased_person_s_link_says_their_data_is_gone(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    """End-to-end probe 17: after the erasure the link still read "COMPLETED", with nothing in it."""
    from applicants.models import FormStatus
    from applicants.tokens import intake_token_hash

    form = IntakeFormRequestFactory(
        organization=alice.organization, token_hash=intake_token_hash("erased-link"), status=FormStatus.COMPLETED
    )
    applicant, _ = applicant_with_a_file(alice, form_request=form)
    anonymous = APIClient()
    assert anonymous.get("/api/v1/intake/erased-link").json()["status"] == "COMPLETED"
    assert anonymous.get("/api/v1/intake/erased-link/status").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.delete(f"/api/v1/applicants/{applicant.id}").status_code == 204
    for path in ("/api/v1/intake/erased-link", "/api/v1/intake/erased-link/status"):
        response = anonymous.get(path)
        assert (response.status_code, response.json()["code"]) == (410, "data_erased"), path
    # A comment sent after the erasure: "not screened yet" told the person their file awaited analysis (blind
    # probe r63b).
    contest = anonymous.post("/api/v1/intake/erased-link/contest", {"message": "Porquê?"}, format="json")
    assert (contest.status_code, contest.json()["code"]) == (410, "data_erased")
    page = anonymous.get("/intake/erased-link/")
    assert page.status_code == 410
    assert "Os seus dados foram apagados" in page.content.decode()
    english = APIClient().get("/api/v1/intake/erased-link", HTTP_ACCEPT_LANGUAGE="en").json()["detail"]  # no cookie
    assert english.startswith("The data sent with this link was erased")
