"""The second round in the admin workspace: ask for documents from the decision form, answer a contest,
the open items on the index and in the list filter, and the e-mail opt-in."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from applicants.models import Applicant, Contest, InfoRequest, Membership
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db(transaction=True)


def logged_in(credentials: AgencyCredentials) -> Client:
    client = Client()
    client.force_login(credentials.user)
    return client


def applicant_of(credentials: AgencyCredentials, **kwargs: Any) -> Applicant:
    applicant: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=credentials.organization), status="COMPLETED", **kwargs
    )
    return applicant


def test_the_decision_form_asks_for_documents_and_mails_the_applicant(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice, email="pessoa@example.com")
    client = logged_in(alice)
    page = client.get(f"/admin/applicants/applicant/{applicant.id}/change/").content.decode()
    assert 'name="request_PROOF_OF_INCOME"' in page and 'name="message_to_applicant"' in page
    response = client.post(
        f"/admin/applicants/applicant/{applicant.id}/decide/",
        {
            "decision": "MORE_INFO",
            "reason": "interno",
            "message_to_applicant": "Falta o recibo de outubro.",
            "request_PROOF_OF_INCOME": "1",
            "note_PROOF_OF_INCOME": "outubro",
            "request_person": str(applicant.id),
        },
    )
    assert response.status_code == 302
    info_request = InfoRequest.objects.get()
    assert info_request.requested_documents == [{"document_type": "PROOF_OF_INCOME", "note": "outubro"}]
    [message] = mail.outbox
    assert message.to == ["pessoa@example.com"] and "Falta o recibo de outubro." in message.body
    assert "interno" not in message.body
    page = client.get(f"/admin/applicants/applicant/{applicant.id}/change/").content.decode()
    assert 'data-testid="info-requests"' in page and "Aguarda documentos" in page


def test_staff_answer_a_contest_from_the_detail_page(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    applicant = applicant_of(alice, email="pessoa@example.com")
    contest = Contest.objects.create(organization=alice.organization, applicant=applicant, message="Não concordo.")
    client = logged_in(alice)
    index = client.get("/admin/").content.decode()
    assert 'data-testid="contests-open">1<' in index
    listed = client.get("/admin/applicants/applicant/?open_item=CONTEST").content.decode()
    assert str(applicant.id)[:8] in listed
    page = client.get(f"/admin/applicants/applicant/{applicant.id}/change/").content.decode()
    assert "Não concordo." in page and 'data-testid="contest-answer-form"' in page
    url = f"/admin/applicants/applicant/{applicant.id}/contests/{contest.id}/answer/"
    assert logged_in(bob).post(url, {"answer": "x"}).status_code == 404
    assert client.post(url, {"answer": "Obrigado, vamos rever."}).status_code == 302
    contest.refresh_from_db()
    assert contest.status == "ANSWERED" and contest.answered_by == alice.user
    assert [m.to for m in mail.outbox] == [["pessoa@example.com"]]
    assert "Obrigado, vamos rever." in mail.outbox[0].body
    assert 'data-testid="contests-open">0<' in client.get("/admin/").content.decode()


def test_overdue_requests_are_counted_on_the_index(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice)
    client = logged_in(alice)
    client.post(
        f"/admin/applicants/applicant/{applicant.id}/decide/",
        {"decision": "MORE_INFO", "reason": "r", "request_ID_DOCUMENT": "1"},
    )
    assert 'data-testid="info-requests-overdue">0<' in client.get("/admin/").content.decode()
    InfoRequest.objects.update(due_at=timezone.now() - dt.timedelta(days=1))
    assert 'data-testid="info-requests-overdue">1<' in client.get("/admin/").content.decode()
    listed = client.get("/admin/applicants/applicant/?open_item=INFO_OVERDUE").content.decode()
    assert str(applicant.id)[:8] in listed


def test_staff_switch_their_own_email_notifications(alice: AgencyCredentials) -> None:
    client = logged_in(alice)
    assert "Notificações por e-mail: desligadas" in client.get("/admin/").content.decode()
    client.post("/admin/notifications/", {"notify_by_email": "1", "next": "/admin/"})
    assert Membership.objects.get(user=alice.user).notify_by_email is True
    assert "Notificações por e-mail: ligadas" in client.get("/admin/").content.decode()
    assert client.get("/admin/notifications/").status_code == 403


def test_a_message_typed_with_an_approval_is_not_kept_as_one_for_the_applicant(alice: AgencyCredentials) -> None:
    """As in the API (end-to-end probe 17): only a MORE_INFO decision reaches the applicant."""
    from applicants.models import Decision

    applicant = applicant_of(alice, email="pessoa@example.com")
    response = logged_in(alice).post(
        f"/admin/applicants/applicant/{applicant.id}/decide/",
        {"decision": "APPROVED", "reason": "interno", "message_to_applicant": "Parabéns!"},
    )
    assert response.status_code == 302
    decision = Decision.objects.get(applicant=applicant)
    assert (decision.decision, decision.message_to_applicant) == ("APPROVED", "")
    assert mail.outbox == []
