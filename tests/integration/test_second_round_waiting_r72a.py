"""A second round asked of someone whose application still waits for a person it invited (blind probe r72a).

Staff may decide before any report (docs/api.md, the decision). A lead who submitted and invited a guarantor was
asked for a payslip while the application waited for the guarantor; the lead's answer screened the application
at once, as a forced screening does: the guarantor was left out for good and their link said the application went
ahead without them. An answer now screens only an application that waits for nobody; one still waiting keeps
waiting, and the guarantor's submission screens everyone, the answer's documents included.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from rest_framework.test import APIClient

from applicants.models import Applicant, Application, ApplicationStatus, Invitation, Role
from applicants.services import AgencyCredentials
from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_households_c28 import PDF
from workspace.second_round import RequestedDocument, decision_take

pytestmark = pytest.mark.django_db


def pdf_document(token: str, name: str, document_type: str, marker: bytes) -> dict[str, Any]:
    key = upload(token, (name, PDF + marker, "application/pdf", document_type))
    return {"key": key, "original_filename": name, "content_type": "application/pdf", "document_type": document_type}


def lead_submits_inviting_a_guarantor(alice_api: APIClient, capture: Any) -> tuple[str, Applicant, str]:
    """The lead's form token, the lead, and the guarantor's link token from the invitation's e-mail."""
    token = form_request_create(alice_api)["token"]
    body = submission_body("245718931", [pdf_document(token, "cc.pdf", "ID_DOCUMENT", b"% cc\n")],
                           household=[{"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}])  # fmt: skip
    with capture(execute=True):
        submitted = APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")
    assert submitted.status_code == 201, submitted.content
    guarantor_token = next(
        line.rsplit("/intake/", 1)[1].strip("/ ")
        for message in mail.outbox if "rui@example.com" in message.to
        for line in message.body.splitlines() if "/intake/" in line
    )  # fmt: skip
    return token, Applicant.objects.get(id=submitted.json()["applicant_id"]), guarantor_token


def guarantor_joins(guarantor_token: str, capture: Any) -> None:
    with capture(execute=True):
        joined = APIClient().post(
            f"/api/v1/intake/{guarantor_token}/submissions",
            submission_body("123456789", [pdf_document(guarantor_token, "cc-rui.pdf", "ID_DOCUMENT", b"% rui\n")],
                            name="Rui Lopes", email="rui@example.com"),
            format="json",
        )  # fmt: skip
    assert joined.status_code == 201, joined.content


def test_an_answer_while_the_application_waits_for_its_guarantor_leaves_it_waiting_for_them(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    token, lead, guarantor_token = lead_submits_inviting_a_guarantor(alice_api, django_capture_on_commit_callbacks)
    application = Application.objects.get(id=lead.application_id)
    assert application.status == ApplicationStatus.WAITING
    queued.assert_not_called()

    with django_capture_on_commit_callbacks(execute=True):
        decision_take(applicant=lead, decided_by=alice.user, decision="MORE_INFO", reason="Falta um recibo.",
                      requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME")])  # fmt: skip
        answer = {"documents": [pdf_document(token, "recibo.pdf", "PROOF_OF_INCOME", b"% recibo\n")]}
        answered = APIClient().post(f"/api/v1/intake/{token}/additional-documents", answer, format="json")
    assert answered.status_code == 201, answered.content

    # Still waiting for the guarantor, who was not left out: their link still takes a submission.
    assert Application.objects.get(id=application.id).status == ApplicationStatus.WAITING
    invitation = Invitation.objects.get(application=application, role=Role.GUARANTOR)
    assert invitation.left_out_at is None
    assert APIClient().get(f"/api/v1/intake/{guarantor_token}").status_code == 200
    queued.assert_not_called()

    guarantor_joins(guarantor_token, django_capture_on_commit_callbacks)
    assert Application.objects.get(id=application.id).status == ApplicationStatus.PROCESSING
    queued.assert_called_once()
    assert queued.call_args.kwargs["applicant_id"] == lead.id


def test_the_guarantor_joining_while_the_lead_owes_a_document_waits_for_the_lead_s_answer(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The other order: the guarantor submits while the lead still owes the payslip staff asked for. Their
    submission screened the household at once, without the payslip, and the lead's answer then screened it again.
    Now the application waits for the answer too, and the answer screens everyone once."""
    token, lead, guarantor_token = lead_submits_inviting_a_guarantor(alice_api, django_capture_on_commit_callbacks)
    application = Application.objects.get(id=lead.application_id)
    with django_capture_on_commit_callbacks(execute=True):
        decision_take(applicant=lead, decided_by=alice.user, decision="MORE_INFO", reason="Falta um recibo.",
                      requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME")])  # fmt: skip

    guarantor_joins(guarantor_token, django_capture_on_commit_callbacks)
    assert Application.objects.get(id=application.id).status == ApplicationStatus.WAITING
    queued.assert_not_called()
    # Staff's screening without force leaves it waiting too; with force it would go ahead.
    assert alice_api.post(f"/api/v1/applications/{application.id}/screen", {}, format="json").json() == {
        "status": "WAITING"
    }
    queued.assert_not_called()

    with django_capture_on_commit_callbacks(execute=True):
        answer = {"documents": [pdf_document(token, "recibo.pdf", "PROOF_OF_INCOME", b"% recibo\n")]}
        answered = APIClient().post(f"/api/v1/intake/{token}/additional-documents", answer, format="json")
    assert answered.status_code == 201, answered.content
    assert Application.objects.get(id=application.id).status == ApplicationStatus.PROCESSING
    queued.assert_called_once()
    assert queued.call_args.kwargs["applicant_id"] == lead.id
