"""Blind probe r62b through the API: a payslip photo that could not be read, then the month sent again in answer
to the agency's request. The new report passes the unread file as replaced, and the applicant is no longer told the
agency may ask for it again."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from PIL import Image
from rest_framework.test import APIClient

from applicants.services import AgencyCredentials
from samples.synthetic import Synthetic
from tests.helpers import form_request_create
from tests.integration.test_second_round import RENT, Person3

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]


def blank_photo() -> Synthetic:
    buffer = io.BytesIO()
    Image.new("L", (900, 1200), 250).save(buffer, format="PNG")
    return Synthetic("recibo-novembro.png", buffer.getvalue(), "image/png", "PROOF_OF_INCOME", "", {})


def document_read(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in report["checks"] if c["name"] == "income.document_read"]


def test_an_unread_photo_answered_in_the_second_round_is_replaced_not_asked_for_again(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    applicant = Person3(7301)
    form = form_request_create(alice_api, property_price=RENT)
    submitted = applicant.submit(form["token"], [applicant.id_card, *applicant.payslips[:2], blank_photo()])
    first = alice_api.get(f"/api/v1/applicants/{submitted['applicant_id']}").json()
    [unread] = document_read(first["report"])
    assert not unread["passed"]
    told = json.dumps(APIClient().get(f"/api/v1/intake/{form['token']}/status").json(), ensure_ascii=False)
    assert "a agência pode pedir-lhe que o envie de novo" in told

    asked = alice_api.post(
        f"/api/v1/applicants/{submitted['applicant_id']}/decision",
        {"decision": "MORE_INFO", "reason": "A fotografia não se lê.",
         "requested_documents": [{"document_type": "PROOF_OF_INCOME", "note": "o recibo de novembro"}]},
        format="json",
    )  # fmt: skip
    assert asked.status_code == 201, asked.content
    sent = APIClient().post(
        f"/api/v1/intake/{form['token']}/additional-documents",
        {"documents": applicant.documents(form["token"], [applicant.payslips[2]])},
        format="json",
    )
    assert sent.status_code == 201, sent.content

    after = alice_api.get(f"/api/v1/applicants/{submitted['applicant_id']}").json()
    assert after["report"]["resubmission"] is True
    assert after["report"]["risk_level"] == "LOW", after["report"]["justification"]
    [replaced] = document_read(after["report"])
    assert replaced["passed"] and replaced["document_id"] == unread["document_id"]
    assert "substituído pelos documentos enviados depois" in replaced["evidence"]
    assert "a pedir de novo" not in after["report"]["justification"]
    told_after = json.dumps(APIClient().get(f"/api/v1/intake/{form['token']}/status").json(), ensure_ascii=False)
    assert "pode pedir-lhe que o envie de novo" not in told_after
