"""The second round through the API (eager Celery, mail read from DATA_DIR/mail/): staff ask for more
documents, the person's link reopens for those only, the upload screens again by itself, the old report
stays in the history; the applicant's comment or contest reaches staff and their answer reaches the mailbox."""

from __future__ import annotations

import datetime as dt
import email
import json
import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditEvent, Contest, InfoRequest, Membership
from applicants.services import AgencyCredentials
from samples.synthetic import Person, Synthetic, id_card_png, make_person, payslip_pdf, recent_months
from screening.models import ScreeningReport
from tests.helpers import form_request_create, upload

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]

RENT = 700
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _mail_to_eml_files(settings: Any) -> None:
    settings.EMAIL_BACKEND = "applicants.mail.EmlFileBackend"
    settings.EMAIL_FILE_PATH = str(Path(settings.DATA_DIR) / "mail")


def mails() -> list[email.message.Message]:
    paths = sorted(Path(django_settings.EMAIL_FILE_PATH).glob("*.eml"))
    return [email.message_from_bytes(p.read_bytes()) for p in paths]


def body_of(message: email.message.Message) -> str:
    return str(message.get_payload(decode=True).decode())


def mail_to(recipient: str) -> list[email.message.Message]:
    return [m for m in mails() if recipient in m["To"]]


class Person3:
    """A person with an ID and three monthly payslips; the oldest is held back for the second round."""

    def __init__(self, seed: int, base: str = "3500") -> None:
        rng = random.Random(seed)
        self.person: Person = make_person(rng, TODAY)
        self.email = f"{self.person.nif}@example.com"
        self.id_card = id_card_png(self.person, variant=seed % 3)
        self.payslips = [
            payslip_pdf(self.person, period, base=Decimal(base), variant=i, rng=random.Random(seed * 10 + i))
            for i, period in enumerate(recent_months(TODAY, 3))
        ]

    def documents(self, token: str, items: list[Synthetic]) -> list[dict[str, Any]]:
        return [
            {"key": upload(token, d), "original_filename": d.name, "content_type": d.content_type,
             "document_type": d.document_type}
            for d in items
        ]  # fmt: skip

    def submit(self, token: str, items: list[Synthetic]) -> dict[str, Any]:
        body = {
            "nif": self.person.nif,
            "name": self.person.full_name,
            "date_of_birth": self.person.date_of_birth.isoformat(),
            "email": self.email,
            "terms_accepted": True,
            "documents": self.documents(token, items),
        }
        response = APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")
        assert response.status_code == 201, response.content
        return dict(response.json())


def notify_alice(alice: AgencyCredentials) -> None:
    Membership.objects.filter(organization_id=alice.organization.id).update(notify_by_email=True)


def token_in(message: email.message.Message) -> str:
    match = re.search(r"http://testserver/intake/([A-Za-z0-9_-]+)/", body_of(message))
    assert match, body_of(message)
    return match.group(1)


def test_staff_ask_for_one_more_payslip_and_the_upload_screens_again_by_itself(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    notify_alice(alice)
    applicant = Person3(7101)
    form = form_request_create(alice_api, property_price=RENT)
    submitted = applicant.submit(form["token"], [applicant.id_card, *applicant.payslips[:2]])
    first = alice_api.get(f"/api/v1/applicants/{submitted['applicant_id']}").json()
    # Two months of payslips: income only partly shown, so MEDIUM for that reason (rules: partial_income_months).
    assert first["report"]["risk_level"] == "MEDIUM", first["report"]["justification"]
    assert first["report"]["income_verified"] is False
    assert first["report"]["resubmission"] is False

    # Staff ask for the missing month, with a message for the applicant and an internal reason.
    asked = alice_api.post(
        f"/api/v1/applicants/{submitted['applicant_id']}/decision",
        {
            "decision": "MORE_INFO",
            "reason": "Falta um mês de recibos (nota interna).",
            "message_to_applicant": "Precisamos do recibo de vencimento do terceiro mês.",
            "requested_documents": [{"document_type": "PROOF_OF_INCOME", "note": "o recibo mais antigo"}],
        },
        format="json",
    )
    assert asked.status_code == 201, asked.content
    [request_mail] = mail_to(applicant.email)
    request_body = body_of(request_mail)
    assert "Precisamos do recibo de vencimento do terceiro mês." in request_body
    assert "o recibo mais antigo" in request_body
    assert "nota interna" not in request_body
    new_token = token_in(request_mail)
    assert new_token != form["token"]

    # Both the first link and the one in the e-mail show what is asked; the internal reason never.
    for token in (form["token"], new_token):
        status = APIClient().get(f"/api/v1/intake/{token}/status").json()
        assert status["requested_documents"] == [{"document_type": "PROOF_OF_INCOME", "note": "o recibo mais antigo"}]
        assert status["message"] == "Precisamos do recibo de vencimento do terceiro mês."
        assert "nota interna" not in json.dumps(status)
    page = APIClient().get(f"/intake/{new_token}/")
    assert "Precisamos do recibo de vencimento do terceiro mês." in page.content.decode()
    assert 'data-document-type="PROOF_OF_INCOME"' in page.content.decode()
    assert 'data-more-info="requested"' in page.content.decode()

    # Only the requested kind, from the upload slot on (cases probe 16: an ID slot was granted, and the file
    # refused only at the submission); personal data stays locked (a new submission is still refused).
    card = applicant.id_card
    slot = APIClient().post(
        f"/api/v1/intake/{new_token}/uploads",
        {"filename": card.name, "content_type": card.content_type, "size": len(card.data),
         "document_type": "ID_DOCUMENT"},
        format="json",
    )  # fmt: skip
    assert slot.status_code == 400 and slot.json()["code"] == "document_type_not_requested"
    # A file uploaded as the type asked for and submitted as another is refused at the submission.
    declared_otherwise = [
        {**document, "document_type": "ID_DOCUMENT"}
        for document in applicant.documents(new_token, [applicant.payslips[2]])
    ]
    refused = APIClient().post(
        f"/api/v1/intake/{new_token}/additional-documents", {"documents": declared_otherwise}, format="json"
    )
    assert refused.status_code == 400 and refused.json()["code"] == "document_type_not_requested"
    # Nothing sent is the requested document missing, with its code (cases probe 3 got a bare field error).
    empty = APIClient().post(f"/api/v1/intake/{new_token}/additional-documents", {"documents": []}, format="json")
    assert empty.status_code == 400 and empty.json()["code"] == "requested_document_missing"
    # A payslip sent in the first round, sent again for the missing month (blind probe C29): refused, said so.
    resent = APIClient().post(
        f"/api/v1/intake/{new_token}/additional-documents",
        {"documents": applicant.documents(new_token, [applicant.payslips[0]])},
        format="json",
    )
    assert resent.status_code == 400 and resent.json()["code"] == "document_already_sent", resent.content
    assert "já tinha sido enviado" in resent.json()["detail"]
    assert resent.json()["document"] == 0  # which of the files sent (docs/api.md, Errors; blind probe r72a)
    again = APIClient().post(f"/api/v1/intake/{new_token}/submissions", {}, format="json")
    assert again.status_code in {400, 410}
    reports_before = ScreeningReport.objects.count()

    sent = APIClient().post(
        f"/api/v1/intake/{new_token}/additional-documents",
        {"documents": applicant.documents(new_token, [applicant.payslips[2]])},
        format="json",
    )
    assert sent.status_code == 201, sent.content
    assert sent.json()["documents_uploaded"] == 1

    # Screened again without anyone pressing a button: the new report replaces the old, flagged.
    assert ScreeningReport.objects.count() == reports_before + 1
    after = alice_api.get(f"/api/v1/applicants/{submitted['applicant_id']}").json()
    assert after["report"]["id"] != first["report"]["id"]
    assert after["report"]["risk_level"] == "LOW", after["report"]["justification"]
    assert after["report"]["income_verified"] is True
    assert after["report"]["resubmission"] is True
    # What the new documents changed, said in the report (cases probe 15, K04): the risk, and the month that was missing.
    assert "Desde o relatório anterior (" in after["report"]["justification"]
    assert "risco médio → baixo" in after["report"]["justification"]
    [history] = after["report_history"]
    assert history["id"] == first["report"]["id"] and history["risk_level"] == "MEDIUM"
    assert history["superseded_at"] == after["report"]["created_at"]
    [info_request] = after["info_requests"]
    assert info_request["status"] == "ANSWERED"
    assert len(after["documents"]) == 4 and all(d["status"] == "EXTRACTED" for d in after["documents"])
    assert AuditEvent.objects.filter(action="DOCUMENTS_RESUBMITTED", target_id=submitted["applicant_id"]).exists()

    # The link closes again once answered.
    closed = APIClient().post(
        f"/api/v1/intake/{new_token}/uploads",
        {"filename": "x.pdf", "content_type": "application/pdf", "size": 10, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert closed.status_code == 410
    twice = APIClient().post(
        f"/api/v1/intake/{new_token}/additional-documents", {"documents": declared_otherwise}, format="json"
    )
    assert twice.status_code == 409 and twice.json()["code"] == "no_documents_requested"

    # Staff who opted in were told of both reports, without personal data.
    staff_mail = mail_to("alice@alice.test")
    subjects = [m["Subject"] for m in staff_mail]
    assert any("pronto" in s for s in subjects) and any("adicionais" in s for s in subjects), subjects
    for message in staff_mail:
        text = body_of(message)
        assert applicant.person.nif not in text and applicant.person.full_name not in text
        assert submitted["applicant_id"] in text


def test_overdue_requests_show_in_the_staff_lists(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    applicant = Person3(7201)
    form = form_request_create(alice_api, property_price=RENT)
    submitted = applicant.submit(form["token"], [applicant.id_card, *applicant.payslips])
    alice_api.post(
        f"/api/v1/applicants/{submitted['applicant_id']}/decision",
        {"decision": "MORE_INFO", "reason": "r", "requested_documents": [{"document_type": "ID_DOCUMENT"}]},
        format="json",
    )
    open_ids = [a["id"] for a in alice_api.get("/api/v1/applicants?info_request=OPEN").json()["results"]]
    assert open_ids == [submitted["applicant_id"]]
    assert alice_api.get("/api/v1/applicants?info_request=OVERDUE").json()["results"] == []
    InfoRequest.objects.update(due_at=timezone.now() - dt.timedelta(minutes=1))
    overdue = alice_api.get("/api/v1/applicants?info_request=OVERDUE").json()["results"]
    assert [a["id"] for a in overdue] == [submitted["applicant_id"]]
    detail = alice_api.get(f"/api/v1/applicants/{submitted['applicant_id']}").json()
    assert detail["info_requests"][0]["status"] == "OVERDUE"
    # A later decision closes the request, and the link with it.
    alice_api.post(
        f"/api/v1/applicants/{submitted['applicant_id']}/decision",
        {"decision": "APPROVED", "reason": "Documentos suficientes."},
        format="json",
    )
    assert alice_api.get("/api/v1/applicants?info_request=OPEN").json()["results"] == []
    closed = APIClient().get(f"/api/v1/intake/{form['token']}/status").json()
    assert "requested_documents" not in closed


def test_documents_are_requested_only_of_people_in_the_application(
    alice_api: APIClient, bob_api: APIClient, celery_eager: None
) -> None:
    mine, theirs = Person3(7301), Person3(7302)
    my_form = form_request_create(alice_api, property_price=RENT)
    their_form = form_request_create(bob_api, property_price=RENT)
    me = mine.submit(my_form["token"], [mine.id_card, *mine.payslips])
    them = theirs.submit(their_form["token"], [theirs.id_card, *theirs.payslips])
    refused = alice_api.post(
        f"/api/v1/applicants/{me['applicant_id']}/decision",
        {
            "decision": "MORE_INFO",
            "reason": "r",
            "requested_documents": [{"document_type": "ID_DOCUMENT", "applicant_id": them["applicant_id"]}],
        },
        format="json",
    )
    assert refused.status_code == 400 and refused.json()["code"] == "person_not_in_application"
    assert not InfoRequest.objects.exists()
    wrong_decision = alice_api.post(
        f"/api/v1/applicants/{me['applicant_id']}/decision",
        {"decision": "APPROVED", "reason": "r", "requested_documents": [{"document_type": "ID_DOCUMENT"}]},
        format="json",
    )
    assert wrong_decision.status_code == 400
    # Nothing asked: the used link takes no uploads.
    nothing = APIClient().post(
        f"/api/v1/intake/{my_form['token']}/additional-documents", {"documents": []}, format="json"
    )
    assert nothing.status_code == 409 and nothing.json()["code"] == "no_documents_requested"
    stray = {"key": "uploads/x", "original_filename": "a.pdf", "content_type": "application/pdf",
             "document_type": "ID_DOCUMENT"}  # fmt: skip
    unasked = APIClient().post(
        f"/api/v1/intake/{my_form['token']}/additional-documents", {"documents": [stray]}, format="json"
    )
    assert unasked.status_code == 409 and unasked.json()["code"] == "no_documents_requested"


def test_the_applicant_contests_and_the_staff_answer_reaches_their_mailbox(
    alice: AgencyCredentials, alice_api: APIClient, bob_api: APIClient, celery_eager: None
) -> None:
    notify_alice(alice)
    applicant = Person3(7401, base="1400")
    form = form_request_create(alice_api, property_price=RENT)
    submitted = applicant.submit(form["token"], [applicant.id_card, *applicant.payslips])
    contest_url = f"/api/v1/intake/{form['token']}/contest"
    sent = APIClient().post(contest_url, {"message": "Recebo também uma pensão de alimentos."}, format="json")
    assert sent.status_code == 201 and sent.json() == {"status": "OPEN"}
    detail = alice_api.get(f"/api/v1/applicants/{submitted['applicant_id']}").json()
    [contest] = detail["contests"]
    assert contest["message"] == "Recebo também uma pensão de alimentos." and contest["status"] == "OPEN"
    assert [a["id"] for a in alice_api.get("/api/v1/applicants?contest=OPEN").json()["results"]] == [
        submitted["applicant_id"]
    ]
    assert AuditEvent.objects.filter(action="CONTEST_RECEIVED", target_id=submitted["applicant_id"]).exists()
    assert any("contestou" in m["Subject"] for m in mail_to("alice@alice.test"))
    answer_url = f"/api/v1/applicants/{submitted['applicant_id']}/contests/{contest['id']}/answer"
    # Another agency cannot see or answer it.
    assert bob_api.post(answer_url, {"answer": "x"}, format="json").status_code == 404
    answered = alice_api.post(answer_url, {"answer": "Envie o comprovativo, por favor."}, format="json")
    assert answered.status_code == 200 and answered.json()["status"] == "ANSWERED"
    [answer_mail] = [m for m in mail_to(applicant.email) if "resposta" in m["Subject"].lower()]
    assert "Envie o comprovativo, por favor." in body_of(answer_mail)
    assert Contest.objects.get().answer_mailed_at is not None
    assert alice_api.post(answer_url, {"answer": "de novo"}, format="json").status_code == 409
    assert alice_api.get("/api/v1/applicants?contest=OPEN").json()["results"] == []
    # The applicant's page lists the answer.
    status = APIClient().get(f"/api/v1/intake/{form['token']}/status").json()
    assert status["contests"][0]["answer"] == "Envie o comprovativo, por favor."


def test_a_contest_before_screening_is_refused_and_open_ones_are_bounded(
    alice_api: APIClient, celery_eager: None
) -> None:
    applicant = Person3(7501)
    form = form_request_create(alice_api, property_price=RENT)
    early = APIClient().post(f"/api/v1/intake/{form['token']}/contest", {"message": "olá"}, format="json")
    assert early.status_code == 409 and early.json()["code"] == "not_screened_yet"
    applicant.submit(form["token"], [applicant.id_card, *applicant.payslips])
    codes = [
        APIClient().post(f"/api/v1/intake/{form['token']}/contest", {"message": f"n.º {i}"}, format="json").status_code
        for i in range(4)
    ]
    assert codes == [201, 201, 201, 409]
    assert Applicant.objects.get().contests.count() == 3


def test_the_applicants_page_explains_their_result_and_shows_the_risk_only_if_the_agency_says_so(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    applicant = Person3(7601)
    form = form_request_create(alice_api, property_price=RENT)
    applicant.submit(form["token"], [applicant.id_card, *applicant.payslips[:2]])
    status = APIClient().get(f"/api/v1/intake/{form['token']}/status").json()
    explanation = status["explanation"]
    assert {c["name"] for c in explanation["checks"]} >= {"identity", "income"}
    assert explanation["dti_limit"] == pytest.approx(0.35) or explanation["dti_limit"] == pytest.approx(0.40)
    # Two months of payslips: one more would change the outcome, and the page says so.
    assert explanation["what_would_change"], explanation
    assert "risk_level" not in explanation
    page = APIClient().get(f"/intake/{form['token']}/").content.decode()
    assert 'data-testid="explanation"' in page and explanation["what_would_change"][0] in page
    english = APIClient().get(f"/api/v1/intake/{form['token']}/status?lang=en").json()["explanation"]
    assert english["what_would_change"] != explanation["what_would_change"]
    # The page asks in its own language with Accept-Language, as its errors do (end-to-end probe c23); ?lang wins.
    asked = APIClient().get(f"/api/v1/intake/{form['token']}/status", HTTP_ACCEPT_LANGUAGE="en").json()["explanation"]
    assert asked["what_would_change"] == english["what_would_change"]
    chosen = APIClient().get(f"/api/v1/intake/{form['token']}/status?lang=pt-pt", HTTP_ACCEPT_LANGUAGE="en").json()
    assert chosen["explanation"]["what_would_change"] == explanation["what_would_change"]
    alice.organization.show_risk_to_applicant = True
    alice.organization.save(update_fields=["show_risk_to_applicant"])
    shown = APIClient().get(f"/api/v1/intake/{form['token']}/status").json()["explanation"]
    assert shown["risk_level"] == "MEDIUM"
    assert "risco médio" in APIClient().get(f"/intake/{form['token']}/").content.decode()
