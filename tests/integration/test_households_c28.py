"""Households and the second round as blind probe C28 found them: a forced screening's left-out invitee, erased
links, a retried answer's race, the report's resubmission flag, a message with nothing asked, short names."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from typing import Any
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    Decision,
    FormStatus,
    InfoRequest,
    IntakeFormRequest,
    Invitation,
    Role,
)
from applicants.services import AgencyCredentials
from applicants.tokens import intake_token_hash
from documents.models import Document
from intake import second_round
from tests.helpers import form_request_create, submission_body, upload
from tests.integration.test_households_staff import household_of, invitation_of, report_of
from workspace.second_round import RequestedDocument, decision_take

pytestmark = pytest.mark.django_db


def left_out_guarantor(alice: AgencyCredentials, alice_api: APIClient, capture: Any) -> tuple[Application, str]:
    """A household that invited a guarantor who never submitted, screened without them (forced) and screened."""
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING)
    token = "c28-left-out-guarantor"
    invitation_of(
        application, role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com", token_hash=intake_token_hash(token)
    )
    with capture(execute=True):
        forced = alice_api.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json")
    assert forced.status_code == 202, forced.content
    # The run ends as the pipeline ends it.
    Application.objects.filter(id=application.id).update(status=ApplicationStatus.COMPLETED)
    Applicant.objects.filter(application=application).update(status=ApplicantStatus.COMPLETED)
    return application, token


def test_someone_invited_after_a_forced_screening_is_screened_once_they_submit_and_the_left_out_stay_out(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Probe C28: the newcomer's submission left the application WAITING for ever, held by the left-out guarantor,
    whose link read 200 PENDING again once the application waited for the newcomer."""
    application, left_out = left_out_guarantor(alice, alice_api, django_capture_on_commit_callbacks)
    invited = alice_api.post(
        f"/api/v1/applications/{application.id}/invitations",
        {"role": "CO_TENANT", "name": "Ana Costa", "email": "ana@example.com"},
        format="json",
    )
    assert invited.status_code == 201, invited.content
    assert Application.objects.get(id=application.id).status == ApplicationStatus.WAITING
    # Waiting again for the newcomer does not reopen the left-out person's link.
    for path in ("", "/status"):
        read = APIClient().get(f"/api/v1/intake/{left_out}{path}")
        assert (read.status_code, read.json()["code"]) == (410, "form_already_submitted")
    invitations = alice_api.get(f"/api/v1/applications/{application.id}").json()["invitations"]
    assert [(i["role"], i["status"], i["left_out_at"] is not None) for i in invitations] == [
        ("CO_TENANT", "SUBMITTED", False),
        ("GUARANTOR", "SENT", True),
        ("CO_TENANT", "SENT", False),
    ]
    queued.reset_mock()

    with django_capture_on_commit_callbacks(execute=True):
        submitted = APIClient().post(
            f"/api/v1/intake/{invited.json()['token']}/submissions",
            submission_body("245718931", [], name="Ana Costa", email="ana@example.com"),
            format="json",
        )

    assert submitted.status_code == 201, submitted.content
    assert Application.objects.get(id=application.id).status == ApplicationStatus.PROCESSING
    assert set(Applicant.objects.filter(application=application).values_list("status", flat=True)) == {"PROCESSING"}
    lead = Applicant.objects.get(application=application, role=Role.TENANT)
    queued.assert_called_once()
    assert queued.call_args.kwargs["applicant_id"] == lead.id
    late = APIClient().post(
        f"/api/v1/intake/{left_out}/submissions", submission_body("123456789", [], name="Rui Lopes"), format="json"
    )
    assert (late.status_code, late.json()["code"]) == (410, "form_already_submitted")


def test_a_left_out_person_invited_again_gets_a_link_that_works(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, left_out = left_out_guarantor(alice, alice_api, django_capture_on_commit_callbacks)
    again = alice_api.post(
        f"/api/v1/applications/{application.id}/invitations",
        {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"},
        format="json",
    )
    assert again.status_code == 201, again.content
    assert APIClient().get(f"/api/v1/intake/{again.json()['token']}").json()["status"] == "PENDING"
    assert APIClient().get(f"/api/v1/intake/{left_out}").status_code == 410


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def asked_for_proof_of_income(alice: AgencyCredentials, alice_api: APIClient) -> tuple[str, Applicant]:
    """A single applicant who submitted and was asked (MORE_INFO) for a proof of income."""
    form = form_request_create(alice_api)
    key = upload(form["token"], ("id.pdf", PDF, "application/pdf", "ID_DOCUMENT"))
    document = {"key": key, "original_filename": "id.pdf", "content_type": "application/pdf",
                "document_type": "ID_DOCUMENT"}  # fmt: skip
    submitted = APIClient().post(
        f"/api/v1/intake/{form['token']}/submissions", submission_body("245718931", [document]), format="json"
    )
    assert submitted.status_code == 201, submitted.content
    applicant = Applicant.objects.get(id=submitted.json()["applicant_id"])
    decision_take(
        applicant=applicant,
        decided_by=alice.user,
        decision="MORE_INFO",
        reason="Falta um recibo.",
        requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME")],
    )
    return form["token"], applicant


def test_an_answer_sent_twice_at_once_is_409_for_the_one_that_finds_its_upload_moved(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Probe C28 (1 pair in 12): the second of two identical POSTs read 400 file_not_found, because the first one's
    commit had moved its upload while it copied it. Forced here: the first answer commits in between the second's
    check of the request and its copy of the file."""
    token, applicant = asked_for_proof_of_income(alice, alice_api)
    # Other bytes than the ID's: a file the person already sent is refused in a second round (probe C29).
    key = upload(token, ("p.pdf", PDF + b"% the payslip\n", "application/pdf", "PROOF_OF_INCOME"))
    body = {"documents": [{"key": key, "original_filename": "p.pdf", "content_type": "application/pdf",
                           "document_type": "PROOF_OF_INCOME"}]}  # fmt: skip
    real_copy = second_round.submitted_documents_copy
    first: list[Any] = []

    def copy_after_a_concurrent_answer(**kwargs: Any) -> Any:
        if not first:
            first.append("running")
            with django_capture_on_commit_callbacks(execute=True):
                first[0] = APIClient().post(f"/api/v1/intake/{token}/additional-documents", body, format="json")
        return real_copy(**kwargs)

    with mock.patch.object(second_round, "submitted_documents_copy", side_effect=copy_after_a_concurrent_answer):
        second = APIClient().post(f"/api/v1/intake/{token}/additional-documents", body, format="json")

    assert first[0].status_code == 201, first[0].content
    assert (second.status_code, second.json()["code"]) == (409, "no_documents_requested"), second.content
    assert Document.objects.filter(applicant=applicant, info_request__isnull=False).count() == 1


def test_the_applications_report_says_whether_it_is_a_resubmission_as_the_applicants_does(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """docs/api.md: the report "also carries its id and resubmission"; probe C28 found the key only in /applicants."""
    application, lead, co_tenant = household_of(alice)
    report_of(application, lead, co_tenant, resubmission=True)

    body = alice_api.get(f"/api/v1/applications/{application.id}").json()
    listed = alice_api.get("/api/v1/applications").json()["results"][0]
    member = alice_api.get(f"/api/v1/applicants/{co_tenant.id}").json()

    assert (
        body["report"]["resubmission"] is listed["report"]["resubmission"] is member["report"]["resubmission"] is True
    )


def test_a_request_to_a_member_shows_on_the_application_until_a_later_decision_closes_it(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Probe C28: after the lead's APPROVED, staff asked the co-tenant for a payslip, and the application still read
    "decision": "APPROVED" with nothing to tell that a member owed documents."""
    application, lead, co_tenant = household_of(alice)
    approved = alice_api.post(
        f"/api/v1/applicants/{lead.id}/decision", {"decision": "APPROVED", "reason": "ok"}, format="json"
    )
    assert approved.status_code == 201, approved.content
    asked = alice_api.post(
        f"/api/v1/applicants/{co_tenant.id}/decision",
        {
            "decision": "MORE_INFO",
            "reason": "falta um recibo",
            "message_to_applicant": "Envie o recibo de outubro.",
            "requested_documents": [{"document_type": "PROOF_OF_INCOME", "note": "outubro"}],
        },
        format="json",
    )
    assert asked.status_code == 201, asked.content

    body = alice_api.get(f"/api/v1/applications/{application.id}").json()
    listed = alice_api.get("/api/v1/applications").json()["results"][0]
    for read in (body, listed):
        assert (read["decision"]["decision"], read["decision"]["applicant_id"], read["decision"]["role"]) == (
            "MORE_INFO",
            str(co_tenant.id),
            "CO_TENANT",
        )
        assert [(m["role"], m["info_request"]) for m in read["members"]] == [("TENANT", None), ("CO_TENANT", "OPEN")]
    client = Client()
    client.force_login(alice.user)
    page = client.get(f"/admin/applicants/application/{application.id}/change/").content.decode()
    assert "Documentos pedidos" in page and "Aguarda documentos" in page

    InfoRequest.objects.filter(applicant=co_tenant).update(due_at=timezone.now() - dt.timedelta(hours=1))
    overdue = alice_api.get(f"/api/v1/applications/{application.id}").json()
    assert [m["info_request"] for m in overdue["members"]] == [None, "OVERDUE"]

    # A later decision on the lead closes the member's request, and is the application's decision again.
    rejected = alice_api.post(
        f"/api/v1/applicants/{lead.id}/decision", {"decision": "REJECTED", "reason": "sem resposta"}, format="json"
    )
    assert rejected.status_code == 201, rejected.content
    after = alice_api.get(f"/api/v1/applications/{application.id}").json()
    assert (after["decision"]["decision"], after["decision"]["applicant_id"]) == ("REJECTED", str(lead.id))
    assert [m["info_request"] for m in after["members"]] == [None, None]


def test_a_link_ended_by_a_re_sent_invitation_says_a_newer_one_went_by_e_mail(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    """Probe C28: a retried invitation sends two e-mails, and the first one's link read "Este formulário expirou.",
    as if the person had to ask the agency again."""
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=False)
    body = {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}
    with django_capture_on_commit_callbacks(execute=True):
        first = alice_api.post(f"/api/v1/applications/{application.id}/invitations", body, format="json").json()
    with django_capture_on_commit_callbacks(execute=True):
        second = alice_api.post(f"/api/v1/applications/{application.id}/invitations", body, format="json").json()

    ended = APIClient().get(f"/api/v1/intake/{first['token']}")
    assert (ended.status_code, ended.json()["code"]) == (410, "form_expired")
    assert "substituída por uma mais recente" in ended.json()["detail"]
    english = APIClient().get(f"/api/v1/intake/{first['token']}?lang=en")
    assert "replaced by a newer one" in english.json()["detail"], english.json()
    page = Client().get(f"/intake/{first['token']}/")
    assert page.status_code == 410 and "Esta ligação foi substituída" in page.content.decode()
    assert APIClient().get(f"/api/v1/intake/{second['token']}").status_code == 200

    # A link that simply ran out still reads "expired".
    Invitation.objects.filter(application=application).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    lapsed = APIClient().get(f"/api/v1/intake/{second['token']}").json()
    assert lapsed["detail"].startswith("Este formulário já não aceita candidaturas: expirou")
    assert "Esta ligação expirou" in Client().get(f"/intake/{second['token']}/").content.decode()


def test_a_more_info_message_with_no_documents_asked_is_refused_by_the_api_and_the_admin(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Probe C28: 201 and the message reached nobody (no request, no e-mail). The admin's form dropped it too."""
    _, lead, _ = household_of(alice)
    body = {"decision": "MORE_INFO", "reason": "interno", "message_to_applicant": "Vamos analisar"}

    refused = alice_api.post(f"/api/v1/applicants/{lead.id}/decision", body, format="json")
    client = Client()
    client.force_login(alice.user)
    admin = client.post(f"/admin/applicants/applicant/{lead.id}/decide/", body, follow=True)

    assert refused.status_code == 400
    assert refused.json()["message_to_applicant"] == [
        "A mensagem só chega ao candidato com um pedido de documentos: indique os documentos a pedir."
    ], refused.json()
    assert "A mensagem só chega ao candidato com documentos pedidos" in admin.content.decode()
    assert not Decision.objects.filter(applicant=lead).exists()
    assert not InfoRequest.objects.exists() and not mail.outbox


def test_after_an_application_is_erased_an_invited_persons_links_answer_410_data_erased_as_the_leads_does(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """docs/api.md: reading a used link whose person was erased is 410 data_erased; probe C28 got 404 for an invitee
    (their invitation went with the application) while the lead's link, found through the form, answered 410."""
    application, lead, co_tenant = household_of(alice)
    invitation_link, request_link = "c28-erased-co-tenant", "c28-erased-request"
    Invitation.objects.filter(applicant=co_tenant).update(token_hash=intake_token_hash(invitation_link))
    decision_take(
        applicant=lead,
        decided_by=alice.user,
        decision="MORE_INFO",
        reason="Falta um recibo.",
        requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME", applicant_id=co_tenant.id)],
    )
    InfoRequest.objects.filter(applicant=co_tenant).update(token_hash=intake_token_hash(request_link))
    lead_link = "c28-erased-lead"
    IntakeFormRequest.objects.filter(id=application.form_request_id).update(
        token_hash=intake_token_hash(lead_link), status=FormStatus.COMPLETED
    )

    assert alice_api.delete(f"/api/v1/applications/{application.id}").status_code == 204

    for token in (lead_link, invitation_link, request_link):
        for path in ("", "/status"):
            read = APIClient().get(f"/api/v1/intake/{token}{path}")
            assert (read.status_code, read.json().get("code")) == (410, "data_erased"), (token, path, read.content)
            assert "Os dados enviados com esta ligação foram apagados" in read.json()["detail"], read.content
        page = Client().get(f"/intake/{token}/")
        assert page.status_code == 410
        assert "Os seus dados foram apagados" in page.content.decode()
    assert APIClient().get("/api/v1/intake/c28-never-issued").status_code == 404


def test_after_an_application_is_erased_the_link_of_a_person_invited_who_never_submitted_answers_410_too(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Blind probe r73a, F2: a guarantor invited by mail who had not submitted yet got 404 (an unknown link) after
    the agency erased the application, where everyone else's link says the data was erased."""
    application, _lead, _co_tenant = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    unused_link = "r73a-erased-guarantor"
    Invitation.objects.filter(application=application, applicant__isnull=True).update(
        token_hash=intake_token_hash(unused_link)
    )

    assert alice_api.delete(f"/api/v1/applications/{application.id}").status_code == 204

    read = APIClient().get(f"/api/v1/intake/{unused_link}")
    assert (read.status_code, read.json().get("code")) == (410, "data_erased"), read.content
    # They sent nothing: the link says the application went, not "what you sent was erased" (round 77, left alone).
    assert "não tinha enviado dados com ela" in read.json()["detail"], read.content
    page = Client().get(f"/intake/{unused_link}/")
    assert page.status_code == 410
    section = re.search(r'<section id="unavailable">(.*?)</section>', page.content.decode(), re.S)
    assert section, page.content
    text = " ".join(re.sub(r"<[^>]+>", " ", section.group(1)).split())
    # The page names the property and the agency the link was of, as the lead's does.
    title = application.form_request.property_title
    assert text.startswith(f"Esta candidatura foi apagada {title} · {alice.organization.name}."), text
    assert "não tinha enviado dados com ela" in text and "O que enviou" not in text, text


def test_the_admin_authenticity_block_reads_labels_and_the_reports_words_not_codes(alice: AgencyCredentials) -> None:
    """Probe C28: the pt-PT applicant page printed "CO_TENANT · RECIBO_VENCIMENTO", "MEDIUM",
    "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD" and "same_as_document_id: <uuid>"."""
    application, lead, co_tenant = household_of(alice)
    twin = "5b1e7c2d-0000-4000-8000-000000000001"
    authenticity = [
        {"document_id": "0f3c2a9e-0000-4000-8000-000000000002", "document_type": "PROOF_OF_INCOME",
         "kind": "RECIBO_VENCIMENTO", "highest": "MEDIUM", "raises": True, "applicant_id": str(co_tenant.id),
         "role": "CO_TENANT", "description": "o recibo de vencimento de 10/2026",
         "signals": [{"code": "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD", "severity": "MEDIUM", "source": "content",
                      "explanation": "Os valores são iguais aos de outro mês.",
                      "evidence": {"same_as_document_id": twin}}]},
    ]  # fmt: skip
    report_of(application, lead, co_tenant, authenticity=authenticity)
    client = Client()
    client.force_login(alice.user)

    page = client.get(f"/admin/applicants/applicant/{co_tenant.id}/change/").content.decode()

    table = re.search(r'<table data-testid="authenticity">.*?</table>', page, re.S)
    assert table, page
    text = " ".join(re.sub(r"<[^>]+>", " ", table.group(0)).split())
    for code in (
        "CO_TENANT",
        "RECIBO_VENCIMENTO",
        "MEDIUM",
        "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD",
        "same_as_document_id",
    ):
        assert code not in text, text
    assert "Coarrendatário · O recibo de vencimento de 10/2026 (0f3c2a9e)" in text
    assert "Médio" in text and "Os valores são iguais aos de outro mês." in text
    assert "igual ao doc. 5b1e7c2d" in text and "o mesmo que o documento" not in text
    assert twin not in text
    proposal = re.search(r'data-testid="authenticity-proposal">(.*?)</p>', page, re.S)
    assert proposal and "PROOF_OF_INCOME" not in proposal.group(1)


def test_the_migration_marks_invitations_left_out_before_it_from_the_forced_screenings_audit(
    alice: AgencyCredentials,
) -> None:
    """An application forced and then reopened before the fix waits again (the status no longer tells): the
    audit entry of the forced screening names the invitation, so it is marked and no longer holds the application."""
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING)
    left_out = invitation_of(application, role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com")
    awaited = invitation_of(application, role=Role.CO_TENANT, name="Ana Costa", email="ana@example.com")
    Invitation.objects.filter(id=awaited.id).update(created_at=timezone.now() + dt.timedelta(minutes=5))
    AuditEvent.objects.create(
        organization=alice.organization,
        action=AuditAction.FORCED_SCREENING,
        target_type="application",
        target_id=str(application.id),
        details={"force": True, "invitations_not_submitted": [str(left_out.id)]},
        created_at=timezone.now() + dt.timedelta(minutes=1),
    )
    migration = importlib.import_module("applicants.migrations.0017_invitation_left_out")

    migration.left_out_mark(django_apps, None)

    assert Invitation.objects.get(id=left_out.id).left_out_at is not None
    assert Invitation.objects.get(id=awaited.id).left_out_at is None
    assert list(application.invitations.outstanding(now=timezone.now())) == [Invitation.objects.get(id=awaited.id)]
