"""Households through the whole pipeline (eager Celery): co-tenants and guarantors, each with their own
link, consent and documents, screened together; figures checked against hand computation."""

from __future__ import annotations

import datetime as dt
import email
import json
import random
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from applicants.models import Applicant, Application, Invitation
from samples.synthetic import Person, id_card_png, make_person, payslip_pdf, recent_months
from screening.models import OutboxEvent, ScreeningReport
from tests.helpers import form_request_create, upload

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]


@pytest.fixture(autouse=True)
def _mail_to_eml_files(settings: Any) -> None:
    """The embedded default, not the test runner's in-memory outbox: mail is read from DATA_DIR/mail/."""
    settings.EMAIL_BACKEND = "applicants.mail.EmlFileBackend"
    settings.EMAIL_FILE_PATH = str(Path(settings.DATA_DIR) / "mail")


RENT = Decimal("700")
TODAY = dt.date.today()


class Member:
    """A synthetic person, their three payslips and the net they prove (the hand computation's input)."""

    def __init__(self, seed: int, base: str, *, submitted_name: str | None = None) -> None:
        rng = random.Random(seed)
        self.person: Person = make_person(rng, TODAY)
        self.submitted_name = submitted_name or self.person.full_name
        self.documents = [id_card_png(self.person, variant=seed % 3)]
        for offset, period in enumerate(recent_months(TODAY, 3)):
            self.documents.append(
                payslip_pdf(
                    self.person, period, base=Decimal(base), variant=offset, rng=random.Random(seed * 10 + offset)
                )
            )
        nets = [Decimal(str(d.expected["net_pay"])) for d in self.documents[1:]]
        # Monthly income: the three nets annualised over 14 payments (no duodécimos on these payslips),
        # (n1 + n2 + n3) x 14 / (12 x 3).
        self.average_net = (sum(nets, Decimal(0)) * 14 / 36).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def submission(self, token: str, **extra: Any) -> dict[str, Any]:
        documents = [
            {
                "key": upload(token, d),
                "original_filename": d.name,
                "content_type": d.content_type,
                "document_type": d.document_type,
            }
            for d in self.documents
        ]
        return {
            "nif": self.person.nif,
            "name": self.submitted_name,
            "date_of_birth": self.person.date_of_birth.isoformat(),
            "email": f"{self.person.nif}@example.com",
            "terms_accepted": True,
            "documents": documents,
            **extra,
        }


def ratio(cost: Decimal, income: Decimal) -> Decimal:
    return (cost / income).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def invitation_token_from_mail(recipient: str) -> str:
    """The link in the newest .eml file under DATA_DIR/mail/ addressed to ``recipient``."""
    for path in sorted(Path(django_settings.EMAIL_FILE_PATH).glob("*.eml"), reverse=True):
        message = email.message_from_bytes(path.read_bytes())
        if recipient in message["To"]:
            body = message.get_payload(decode=True).decode()
            assert recipient.split("@")[0] not in message["Subject"]
            match = re.search(r"http://testserver/intake/([A-Za-z0-9_-]+)/", body)
            assert match, body
            return match.group(1)
    raise AssertionError(f"no mail to {recipient}")


def apply(api: APIClient, lead: Member, others: list[tuple[str, Member]]) -> tuple[str, dict[str, Any]]:
    """The lead submits and invites; each invited person opens the link from their e-mail and submits."""
    form = form_request_create(api, property_price=float(RENT))
    household = [
        {"role": role, "name": m.person.full_name, "email": f"{m.person.nif}@example.com"} for role, m in others
    ]
    response = APIClient().post(
        f"/api/v1/intake/{form['token']}/submissions",
        lead.submission(form["token"], household=household),
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert [i["status"] for i in body["invitations"]] == ["SENT"] * len(others)
    for _, member in others:
        token = invitation_token_from_mail(f"{member.person.nif}@example.com")
        info = APIClient().get(f"/api/v1/intake/{token}").json()
        assert info["invited_by_name"] == lead.submitted_name.split()[0]
        submitted = APIClient().post(f"/api/v1/intake/{token}/submissions", member.submission(token), format="json")
        assert submitted.status_code == 201, submitted.content
    return form["token"], body


def report_of(body: dict[str, Any]) -> ScreeningReport:
    return ScreeningReport.objects.get(application_id=body["application_id"])


def test_a_couple_each_too_poor_alone_is_low_together(alice_api: APIClient, celery_eager: None) -> None:
    lead, partner = Member(101, "1700"), Member(102, "1800")
    assert ratio(RENT, lead.average_net) > Decimal("0.40") and ratio(RENT, partner.average_net) > Decimal("0.40")
    token, body = apply(alice_api, lead, [("CO_TENANT", partner)])
    report = report_of(body)
    total = lead.average_net + partner.average_net
    assert report.average_monthly_income == total
    assert report.dti_ratio == ratio(RENT, total)
    assert report.risk_level == "LOW", report.justification
    shares = {m["role"]: Decimal(m["income_share"]) for m in report.household["members"]}
    assert shares["TENANT"] == (lead.average_net / total).quantize(Decimal("0.0001"))
    assert set(Applicant.objects.filter(application_id=body["application_id"]).values_list("status", flat=True)) == {
        "COMPLETED"
    }
    assert Application.objects.get(id=body["application_id"]).status == "COMPLETED"
    # The lead's page shows the co-tenant as submitted, not their data.
    status = APIClient().get(f"/api/v1/intake/{token}/status").json()
    assert status["household"] == [
        {"role": "CO_TENANT", "name": partner.person.full_name, "invitation_status": "SUBMITTED", "left_out_at": None}
    ]
    assert partner.person.nif not in json.dumps(status)
    # The invitation names only its recipient: nothing of the lead who sent it.
    mails = " ".join(
        email.message_from_bytes(p.read_bytes()).get_payload(decode=True).decode()
        for p in Path(django_settings.EMAIL_FILE_PATH).glob("*.eml")
    )
    assert partner.person.full_name in mails
    assert lead.person.full_name not in mails and lead.person.nif not in mails
    event = OutboxEvent.objects.get()
    assert event.payload["application_id"] == body["application_id"]
    assert set(event.payload["member_ids"]) == set(
        map(str, Applicant.objects.filter(application_id=body["application_id"]).values_list("id", flat=True))
    )
    assert lead.person.nif not in json.dumps(event.payload)


def test_a_tenant_alone_high_with_a_covering_guarantor_is_medium_with_the_reason(
    alice_api: APIClient, celery_eager: None
) -> None:
    tenant, guarantor = Member(201, "1300"), Member(202, "4500")
    assert ratio(RENT, tenant.average_net) > Decimal("0.40")
    assert ratio(RENT, guarantor.average_net) <= Decimal("0.30")
    _, body = apply(alice_api, tenant, [("GUARANTOR", guarantor)])
    report = report_of(body)
    assert report.dti_ratio == ratio(RENT, tenant.average_net)
    assert report.risk_level == "MEDIUM", report.justification
    assert report.household["guarantor"]["covers"] is True
    assert report.household["guarantor"]["dti_ratio"] == str(ratio(RENT, guarantor.average_net))
    assert "fiador" in report.justification.lower()


def test_a_guarantor_who_does_not_cover_leaves_high_and_shows_the_shortfall(
    alice_api: APIClient, celery_eager: None
) -> None:
    tenant, guarantor = Member(301, "1300"), Member(302, "2300")
    assert ratio(RENT, guarantor.average_net) > Decimal("0.30")
    _, body = apply(alice_api, tenant, [("GUARANTOR", guarantor)])
    report = report_of(body)
    assert report.risk_level == "HIGH", report.justification
    verdict = report.household["guarantor"]
    # The income needed is the least, to the cent, whose ratio as the verdict reads it (four places) is within 0.30.
    needed = Decimal(verdict["income_needed"])
    assert ratio(RENT, needed) <= Decimal("0.30") < ratio(RENT, needed - Decimal("0.01"))
    assert verdict["covers"] is False
    assert Decimal(verdict["shortfall"]) == needed - guarantor.average_net


def test_an_unverified_tenant_identity_is_high_whatever_the_guarantor(alice_api: APIClient, celery_eager: None) -> None:
    lead = Member(401, "3000")
    impostor = Member(402, "3000", submitted_name="Fernando Pessoa Nogueira")
    rich = Member(403, "6000")
    _, body = apply(alice_api, lead, [("CO_TENANT", impostor), ("GUARANTOR", rich)])
    report = report_of(body)
    assert report.risk_level == "HIGH", report.justification
    assert report.identity_verified is False
    assert report.household["guarantor"]["covers"] is True


def test_the_application_waits_for_every_invited_person(alice_api: APIClient, celery_eager: None) -> None:
    lead, partner = Member(501, "2000"), Member(502, "2000")
    form = form_request_create(alice_api, property_price=float(RENT))
    household = [{"role": "CO_TENANT", "name": "Alguém", "email": "alguem@example.com"}]
    body = (
        APIClient()
        .post(
            f"/api/v1/intake/{form['token']}/submissions",
            lead.submission(form["token"], household=household),
            format="json",
        )
        .json()
    )
    application = Application.objects.get(id=body["application_id"])
    assert application.status == "WAITING"
    assert not ScreeningReport.objects.exists()
    assert Applicant.objects.get(id=body["applicant_id"]).status == "WAITING"
    # To a client of the contract the waiting is the application's: the person is PROCESSING everywhere.
    assert body["status"] == "PROCESSING"
    assert alice_api.get(f"/api/v1/applicants/{body['applicant_id']}/status").json()["status"] == "PROCESSING"
    listed = alice_api.get("/api/v1/applicants", {"status": "PROCESSING"}).json()["results"]
    assert [(row["id"], row["status"]) for row in listed] == [(body["applicant_id"], "PROCESSING")]
    assert alice_api.get(f"/api/v1/applications/{application.id}").json()["status"] == "WAITING"
    assert alice_api.get("/api/v1/applicants", {"status": "WAITING"}).status_code == 400
    token = invitation_token_from_mail("alguem@example.com")
    APIClient().post(f"/api/v1/intake/{token}/submissions", partner.submission(token), format="json")
    assert ScreeningReport.objects.filter(application_id=application.id).count() == 1
    # Screened: the lead can no longer add people from their link (the agency can, with its own invitation).
    late = APIClient().post(
        f"/api/v1/intake/{form['token']}/invitations",
        {"role": "GUARANTOR", "name": "Tardio Silva", "email": "tardio@example.com"},
        format="json",
    )
    assert (late.status_code, late.json()["code"]) == (409, "application_not_waiting")
    assert Application.objects.get(id=application.id).status == "COMPLETED"
    assert application.invitations.count() == 1


def test_a_household_member_s_role_not_to_be_invited_is_invalid_role(alice_api: APIClient) -> None:
    lead = Member(503, "2000")
    form = form_request_create(alice_api, property_price=float(RENT))
    household = [{"role": "TENANT", "name": "Alguém", "email": "alguem@example.com"}]
    refused = APIClient().post(
        f"/api/v1/intake/{form['token']}/submissions",
        lead.submission(form["token"], household=household),
        format="json",
    )
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid_role", refused.content
    assert not Application.objects.exists()


def test_an_invited_link_opens_only_its_own_person(alice_api: APIClient, celery_eager: None) -> None:
    lead, partner = Member(601, "2500"), Member(602, "2500")
    form = form_request_create(alice_api, property_price=float(RENT))
    household = [{"role": "CO_TENANT", "name": "Co Arrendatária", "email": "co@example.com"}]
    APIClient().post(
        f"/api/v1/intake/{form['token']}/submissions",
        lead.submission(form["token"], household=household),
        format="json",
    )
    token = invitation_token_from_mail("co@example.com")
    # Before submitting, the co-tenant's status shows nothing of the lead's.
    before = APIClient().get(f"/api/v1/intake/{token}/status").json()
    assert before == {"status": "PENDING", "documents": [], "household": []}
    # The co-tenant's link cannot write with the lead's upload keys.
    lead_key = Applicant.objects.get(role="TENANT").documents.first().storage_key
    body = partner.submission(token)
    body["documents"][0]["key"] = lead_key
    assert APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json").json()["code"] in {
        "invalid_storage_key"
    }
    # Nor invite others.
    refused = APIClient().post(
        f"/api/v1/intake/{token}/invitations",
        {"role": "GUARANTOR", "name": "X Y", "email": "x@example.com"},
        format="json",
    )
    assert refused.status_code == 403
    # After submitting it shows only the co-tenant's own documents.
    APIClient().post(f"/api/v1/intake/{token}/submissions", partner.submission(token), format="json")
    after = APIClient().get(f"/api/v1/intake/{token}/status").json()
    assert len(after["documents"]) == len(partner.documents)
    assert lead.person.full_name not in json.dumps(after)
    assert Invitation.objects.get().status == "SUBMITTED"
