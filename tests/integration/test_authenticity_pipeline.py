"""Authenticity through the whole pipeline (eager Celery, real extraction): an edited payslip makes a LOW
applicant MEDIUM with the reason and a proposal to ask for the original; the same file under someone else
is flagged with a link in the same agency and without any detail in another one. Nothing is rejected."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Organization
from applicants.services import AgencyCredentials
from samples.synthetic import Person, Synthetic, id_card_png, make_person, payslip_pdf, recent_months
from samples.tampered import incremental_edit
from tests.helpers import form_request_create, upload

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]

RENT = 700
TODAY = dt.date.today()


class Applicant:
    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        self.person: Person = make_person(rng, TODAY)
        self.id_card = id_card_png(self.person, variant=seed % 3)
        self.payslips = [
            payslip_pdf(self.person, period, base=Decimal("3500"), variant=i, rng=random.Random(seed * 10 + i))
            for i, period in enumerate(recent_months(TODAY, 3))
        ]

    def submit(self, api: APIClient, documents: list[Synthetic]) -> dict[str, Any]:
        form = form_request_create(api, property_price=RENT)
        token = form["token"]
        body = {
            "nif": self.person.nif,
            "name": self.person.full_name,
            "date_of_birth": self.person.date_of_birth.isoformat(),
            "email": f"{self.person.nif}@example.com",
            "terms_accepted": True,
            "documents": [
                {"key": upload(token, d), "original_filename": d.name, "content_type": d.content_type,
                 "document_type": d.document_type}
                for d in documents
            ],
        }  # fmt: skip
        response = APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")
        assert response.status_code == 201, response.content
        report = api.get(f"/api/v1/applicants/{response.json()['applicant_id']}").json()
        assert report["status"] == "COMPLETED", report
        return dict(report)


def signals_of(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [(s["code"], s["severity"]) for section in report["authenticity"] for s in section["signals"]]


def concerns_of(report: dict[str, Any]) -> list[tuple[str, str]]:
    """The MEDIUM and HIGH signals (this generator's payslips name a new employer each month: a LOW note)."""
    return [(code, severity) for code, severity in signals_of(report) if severity != "LOW"]


def reuse_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for section in report["authenticity"] for s in section["signals"] if s["source"] == "reuse"]


def test_an_edited_payslip_makes_a_low_applicant_medium_with_the_reason_and_a_proposal(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    honest = Applicant(8101)
    clean = honest.submit(alice_api, [honest.id_card, *honest.payslips])["report"]
    assert clean["risk_level"] == "LOW", clean["justification"]
    assert concerns_of(clean) == [] and clean["proposed_request"] is None

    forger = Applicant(8102)
    # Gross and net raised together: the payslip still adds up, only the file's history tells.
    edited = incremental_edit(forger.payslips[-1], fields=("gross_pay", "net_pay"), delta=Decimal("400"))
    submitted = forger.submit(alice_api, [forger.id_card, *forger.payslips[:-1], edited])
    report = submitted["report"]
    assert report["risk_level"] == "MEDIUM", report["justification"]
    assert "sinais de possível adulteração" in report["justification"]
    assert ("PDF_INCREMENTAL_PAGE_EDIT", "HIGH") in signals_of(report)
    [section] = [section for section in report["authenticity"] if section["raises"]]
    assert section["highest"] == "HIGH" and section["document_id"] in {d["id"] for d in submitted["documents"]}
    failed = [c for c in report["checks"] if c["name"] == "authenticity.document" and not c["passed"]]
    assert [(c["document_id"], c["value"]) for c in failed] == [(section["document_id"], "HIGH")]
    assert report["proposed_request"]["decision"] == "MORE_INFO"
    [asked] = report["proposed_request"]["requested_documents"]
    assert asked["applicant_id"] == submitted["id"] and asked["document_type"] == "PROOF_OF_INCOME"
    # Gross and net still differ by the deductions, but the earning rows no longer make the raised gross: the edited
    # slip, and only it, fails its arithmetic too (payslips round 27).
    arithmetic = [c for c in report["checks"] if c["name"] == "income.payslip_arithmetic"]
    assert [c["document_id"] for c in arithmetic if not c["passed"]] == [section["document_id"]]
    assert sum(c["passed"] for c in arithmetic) == 2

    # The workspace shows the section and the proposal; the proposal is what staff may send, not sent.
    staff = Client()
    staff.force_login(alice.user)
    page = staff.get(f"/admin/applicants/applicant/{submitted['id']}/change/").content.decode()
    assert 'data-testid="authenticity"' in page and "PDF_INCREMENTAL_PAGE_EDIT" in page
    assert 'data-testid="authenticity-proposal"' in page
    # The decision form comes filled in as proposed (the documents, the note), the decision left to staff.
    assert 'name="request_PROOF_OF_INCOME" value="1" checked' in page
    assert 'name="request_ID_DOCUMENT" value="1">' in page and "Pedimos o original do recibo de vencimento de " in page
    assert 'type="radio" name="decision" value="MORE_INFO" required>' in page
    assert alice_api.get(f"/api/v1/applicants/{submitted['id']}").json()["decision"] is None

    # An agency that lets MEDIUM signals count too still never rejects: the level is per agency.
    Organization.objects.filter(id=alice.organization.id).update(authenticity_raise_severity="MEDIUM")
    again = alice_api.post(f"/api/v1/applicants/{submitted['id']}/rescreen", {}, format="json")
    assert again.status_code in (200, 202), again.content
    assert alice_api.get(f"/api/v1/applicants/{submitted['id']}").json()["report"]["risk_level"] == "MEDIUM"


def test_the_same_file_under_someone_else_is_flagged_with_a_link_here_and_no_detail_elsewhere(
    alice: AgencyCredentials, alice_api: APIClient, bob_api: APIClient, celery_eager: None
) -> None:
    owner = Applicant(8201)
    first = owner.submit(alice_api, [owner.id_card, *owner.payslips])
    assert concerns_of(first["report"]) == []

    borrower = Applicant(8202)
    borrowed = owner.payslips[0]
    second = borrower.submit(alice_api, [borrower.id_card, borrowed, *borrower.payslips[1:]])
    reuse = reuse_of(second["report"])
    assert [(s["code"], s["severity"]) for s in reuse] == [("DOCUMENT_REUSED", "HIGH")]
    assert reuse[0]["evidence"]["other_applicant_ids"] == [first["id"]]
    assert second["report"]["risk_level"] != "LOW"
    staff = Client()
    staff.force_login(alice.user)
    page = staff.get(f"/admin/applicants/applicant/{second['id']}/change/").content.decode()
    assert f"/admin/applicants/applicant/{first['id']}/change/" in page

    elsewhere = Applicant(8203)
    third = elsewhere.submit(bob_api, [elsewhere.id_card, borrowed, *elsewhere.payslips[1:]])
    reuse = reuse_of(third["report"])
    assert [(s["code"], s["severity"]) for s in reuse] == [("DOCUMENT_SEEN_IN_OTHER_AGENCY", "HIGH")]
    assert reuse[0]["evidence"] == {"match": "file"}  # no id, no agency, nothing about the other application
    assert first["id"] not in str(third) and str(alice.organization.id) not in str(third)

    # The owner applying again for another flat in the same agency: a LOW note, never a concern.
    again = owner.submit(alice_api, [owner.id_card, *owner.payslips])
    assert {(s["code"], s["severity"]) for s in reuse_of(again["report"])} == {("DOCUMENT_SENT_BEFORE", "LOW")}
    assert concerns_of(again["report"]) == []
    assert again["report"]["risk_level"] == "LOW"


def test_a_colleague_on_the_same_pay_is_stated_at_medium_and_does_not_raise_the_risk(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    """Two people at one employer on the same pay send payslips with the same employer, months and amounts
    under their own names: the fingerprint matches, but that is no borrowed document (the cases probe's
    pensioners on the same pension were flagged HIGH, "O mesmo documento", and kept MEDIUM)."""
    owner = Applicant(8301)
    owner.submit(alice_api, [owner.id_card, *owner.payslips])
    colleague = Applicant(8302)
    same_pay = [
        payslip_pdf(colleague.person, period, base=Decimal("3500"), variant=i, rng=random.Random(8301 * 10 + i))
        for i, period in enumerate(recent_months(TODAY, 3))
    ]
    second = colleague.submit(alice_api, [colleague.id_card, *same_pay])

    reuse = reuse_of(second["report"])
    assert [(s["code"], s["severity"], s["evidence"]["match"]) for s in reuse] == [
        ("DOCUMENT_REUSED", "MEDIUM", "content")
    ] * 3
    assert "mesmos valores" in reuse[0]["explanation"] and "O mesmo documento" not in reuse[0]["explanation"]
    assert concerns_of(second["report"]) == [("DOCUMENT_REUSED", "MEDIUM")] * 3
    assert second["report"]["risk_level"] == "LOW"
    # The same file, though, is still the HIGH signal it was (the test above), and an agency that lets
    # MEDIUM signals count sees these raise.
    Organization.objects.filter(id=alice.organization.id).update(authenticity_raise_severity="MEDIUM")
    again = alice_api.post(f"/api/v1/applicants/{second['id']}/rescreen", {"force": True}, format="json")
    assert again.status_code == 202, again.content
    assert alice_api.get(f"/api/v1/applicants/{second['id']}").json()["report"]["risk_level"] == "MEDIUM"
