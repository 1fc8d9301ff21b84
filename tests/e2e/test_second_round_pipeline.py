"""The second round through the real stack on the embedded defaults (web server, a worker, mail read from
``DATA_DIR/mail/``): staff ask for one more payslip, the applicant's page shows it, the upload screens
again without anyone pressing a button, the new report replaces the old one, which stays in the history."""

from __future__ import annotations

import datetime as dt
import email
import random
import re
import urllib.request
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from samples.synthetic import id_card_png, make_person, payslip_pdf, recent_months
from tests.e2e.stack import Stack, wait_until
from tests.e2e.test_households_pipeline import upload_all

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]

RENT = Decimal("700")


def mail_link(mail_dir: Path, recipient: str, subject_word: str) -> str:
    for path in sorted(mail_dir.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes())
        if recipient in message["To"] and subject_word in message["Subject"]:
            match = re.search(r"/intake/([A-Za-z0-9_-]+)/", message.get_payload(decode=True).decode())
            assert match
            return match.group(1)
    raise AssertionError(f"no mail to {recipient} about {subject_word}")


def test_one_more_payslip_screens_again_by_itself(embedded_stack: Stack) -> None:
    stack = embedded_stack
    staff = stack.create_agency()
    today = dt.date.today()
    person = make_person(random.Random(8801), today)
    payslips = [
        payslip_pdf(person, period, base=Decimal("3500"), variant=i, rng=random.Random(8801 + i))
        for i, period in enumerate(recent_months(today, 3))
    ]
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                               "property_title": "T2 segunda ronda", "property_price": float(RENT)}, staff)  # fmt: skip
    assert status == 201, form
    body = {"nif": person.nif, "name": person.full_name, "date_of_birth": person.date_of_birth.isoformat(),
            "email": "ronda@example.test", "terms_accepted": True,
            "documents": upload_all(stack, form["token"], [id_card_png(person), *payslips[:2]])}  # fmt: skip
    status, created = stack.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
    assert status == 201, created
    applicant_id = created["applicant_id"]
    first = stack.wait_for_status(staff, applicant_id, "COMPLETED", timeout=120)
    # Two months out of the three the rules want: MEDIUM, income not verified.
    assert first["report"]["risk_level"] == "MEDIUM", first["report"]["justification"]

    status, decided = stack.http("POST", f"/api/v1/applicants/{applicant_id}/decision",
                                 {"decision": "MORE_INFO", "reason": "Falta um mês.",
                                  "message_to_applicant": "Envie o recibo do terceiro mês, por favor.",
                                  "requested_documents": [{"document_type": "PROOF_OF_INCOME",
                                                           "note": "terceiro mês"}]}, staff)  # fmt: skip
    assert status == 201, decided
    token = wait_until(
        lambda: mail_link(stack.mail_dir, "ronda@example.test", "documentos"), timeout=20, what="request mail"
    )
    with urllib.request.urlopen(f"{stack.url}/intake/{token}/", timeout=30) as response:
        page = response.read().decode()
    assert "Envie o recibo do terceiro mês, por favor." in page and "terceiro mês" in page

    documents = upload_all(stack, token, [payslips[2]])
    status, sent = stack.http("POST", f"/api/v1/intake/{token}/additional-documents", {"documents": documents})
    assert status == 201, sent

    def rescreened() -> dict[str, Any] | None:
        detail = stack.applicant_status(staff, applicant_id)
        report = detail["report"]
        return detail if detail["status"] == "COMPLETED" and report["id"] != first["report"]["id"] else None

    after = wait_until(rescreened, timeout=120, interval=0.5, what="the new report")
    assert after["report"]["risk_level"] == "LOW", after["report"]["justification"]
    assert after["report"]["resubmission"] is True
    assert [item["id"] for item in after["report_history"]] == [first["report"]["id"]]
    assert stack.report_count(applicant_id) == 2
    # The documents of the first round were read once: the re-run reused them and read only the new one.
    assert all(d["status"] == "EXTRACTED" for d in after["documents"]) and len(after["documents"]) == 4
    attempts = stack.query(
        "SELECT info_request_id IS NULL, attempts FROM documents_document WHERE applicant_id = ?",
        applicant_id.replace("-", ""),
    )
    assert sorted(attempts) == [(0, 1), (1, 1), (1, 1), (1, 1)], attempts
