"""Blind probe r77a, F3: an answer or a submission racing the person's erasure answered ``500`` one race in 3.

The person's rows went between the link's lookup and the write: the request for documents under the lock
(``DoesNotExist``), the invitation of an application erased whole. Each now answers ``410 data_erased``, as the link
does from then on, and keeps nothing of what was sent. Here the erasure commits while the storage copies the uploads
(the boundary the request waits on), deterministically on SQLite; ``tests/integration/test_concurrency.py`` races
them for real on PostgreSQL.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    InfoRequest,
    Role,
)
from applicants.services import AgencyCredentials
from applicants.tokens import intake_token_hash
from documents.models import Document
from documents.storage import LocalDocumentStore, document_store
from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_households_staff import household_of, invitation_of
from workspace.retention import applicant_erase, application_erase
from workspace.second_round import RequestedDocument, decision_take

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def document(key: str, document_type: str) -> dict[str, str]:
    return {"key": key, "original_filename": "p.pdf", "content_type": "application/pdf", "document_type": document_type}


def erased_during_the_copy(erase: Any) -> Any:
    """The storage's copy, with the erasure committing just before it: after the request read the link."""
    copy = LocalDocumentStore.copy

    def copy_after_the_erasure(store: LocalDocumentStore, **kwargs: Any) -> Any:
        erase()
        return copy(store, **kwargs)

    return mock.patch.object(LocalDocumentStore, "copy", copy_after_the_erasure)


def asked_for_a_payslip(alice: AgencyCredentials, alice_api: APIClient) -> tuple[str, Applicant, str]:
    """A person who submitted and was asked for a payslip, with one uploaded: their token, them, its key."""
    form = form_request_create(alice_api)
    first = upload(form["token"], ("id.pdf", PDF, "application/pdf", "ID_DOCUMENT"))
    body = submission_body("245718931", [document(first, "ID_DOCUMENT")])
    assert APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json").status_code == 201
    person = Applicant.objects.get()
    decision_take(applicant=person, decided_by=alice.user, decision="MORE_INFO", reason="r",
                  requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME")])  # fmt: skip
    Applicant.objects.filter(pk=person.pk).update(status=ApplicantStatus.COMPLETED)
    payslip = upload(form["token"], ("p.pdf", PDF + b"% payslip\n", "application/pdf", "PROOF_OF_INCOME"))
    return form["token"], person, payslip


def answer(token: str, key: str) -> Any:
    return APIClient().post(
        f"/api/v1/intake/{token}/additional-documents", {"documents": [document(key, "PROOF_OF_INCOME")]}, format="json"
    )


def stored_documents() -> list[str]:
    root = document_store()
    assert isinstance(root, LocalDocumentStore)
    return sorted(str(path) for path in root.root.rglob("*") if path.is_file() and "documents" in path.parts)


def test_an_answer_whose_person_is_erased_while_it_is_read_answers_data_erased_and_keeps_nothing(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    token, person, payslip = asked_for_a_payslip(alice, alice_api)
    before = stored_documents()

    with erased_during_the_copy(lambda: applicant_erase(applicant=person)):
        refused = answer(token, payslip)

    assert (refused.status_code, refused.json()["code"]) == (410, "data_erased")
    assert not Applicant.objects.exists() and not Document.objects.exists() and not InfoRequest.objects.exists()
    assert stored_documents() == before  # the answer's copy deleted, nothing new kept


def test_an_answer_whose_person_is_erased_as_soon_as_it_commits_answers_data_erased(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    from intake import second_round

    token, person, payslip = asked_for_a_payslip(alice, alice_api)
    receive = second_round.additional_documents_receive

    def answered_then_erased(**kwargs: Any) -> InfoRequest:
        info_request = receive(**kwargs)
        Applicant.objects.filter(pk=person.pk).update(status=ApplicantStatus.COMPLETED)
        applicant_erase(applicant=Applicant.objects.get(pk=person.pk))
        return info_request

    with mock.patch.object(second_round, "additional_documents_receive", answered_then_erased):
        refused = answer(token, payslip)

    assert (refused.status_code, refused.json()["code"]) == (410, "data_erased")


def test_an_answer_still_goes_through_when_nobody_is_erased(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    token, _, payslip = asked_for_a_payslip(alice, alice_api)

    accepted = answer(token, payslip)

    assert accepted.status_code == 201 and Document.objects.filter(info_request__isnull=False).count() == 1


def test_an_invited_person_s_submission_racing_the_application_s_erasure_answers_data_erased(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    application, _, _ = household_of(alice, status=ApplicationStatus.WAITING)
    Applicant.objects.filter(application=application).update(status=ApplicantStatus.COMPLETED)
    invitation_of(application, role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com",
                  token_hash=intake_token_hash("r77a-guarantor"))  # fmt: skip
    key = upload("r77a-guarantor", ("cc.pdf", PDF, "application/pdf", "ID_DOCUMENT"))
    body = submission_body("123456789", [document(key, "ID_DOCUMENT")], name="Rui Lopes", email="rui@example.com")
    before = stored_documents()

    with erased_during_the_copy(lambda: application_erase(application=Application.objects.get(pk=application.pk))):
        refused = APIClient().post("/api/v1/intake/r77a-guarantor/submissions", body, format="json")

    assert (refused.status_code, refused.json()["code"]) == (410, "data_erased")
    assert not Applicant.objects.exists() and not Application.objects.exists()
    assert stored_documents() == before
