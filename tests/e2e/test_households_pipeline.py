"""A household through the real stack on the embedded defaults: web server, a worker, invitation
e-mails read from the ``.eml`` files under ``DATA_DIR/mail/``, hand-computed figures."""

from __future__ import annotations

import datetime as dt
import email
import random
import re
import uuid
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from samples.synthetic import Synthetic, id_card_png, make_person, payslip_pdf, recent_months
from tests.e2e.stack import Stack, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.ocr]

RENT = Decimal("700")


def person_with_documents(seed: int, base: str) -> tuple[Any, list[Synthetic], Decimal]:
    today = dt.date.today()
    person = make_person(random.Random(seed), today)
    documents = [id_card_png(person, variant=seed % 3)]
    for offset, period in enumerate(recent_months(today, 3)):
        documents.append(
            payslip_pdf(person, period, base=Decimal(base), variant=offset, rng=random.Random(seed + offset))
        )
    nets = [Decimal(str(d.expected["net_pay"])) for d in documents[1:]]
    # Annualised over 14 payments (no duodécimos on these payslips): (n1 + n2 + n3) x 14 / (12 x 3).
    return person, documents, (sum(nets, Decimal(0)) * 14 / 36).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def upload_all(stack: Stack, token: str, documents: list[Synthetic]) -> list[dict[str, Any]]:
    uploaded = []
    for document in documents:
        status, slot = stack.http("POST", f"/api/v1/intake/{token}/uploads",
                                  {"filename": document.name, "content_type": document.content_type,
                                   "size": len(document.data), "document_type": document.document_type})  # fmt: skip
        assert status == 201, slot
        posted = stack.post_file(
            slot["upload"]["url"], slot["upload"]["fields"], document.name, document.data, document.content_type
        )
        assert posted in {200, 204}
        uploaded.append({"key": slot["key"], "original_filename": document.name,
                         "content_type": document.content_type, "document_type": document.document_type})  # fmt: skip
    return uploaded


def link_from_mail(mail_dir: Path, recipient: str) -> str:
    """The invitation link in the .eml file addressed to ``recipient``."""
    for path in sorted(mail_dir.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes())
        if recipient in message["To"]:
            body = message.get_payload(decode=True).decode()
            match = re.search(r"/intake/([A-Za-z0-9_-]+)/", body)
            assert match, body
            return match.group(1)
    raise AssertionError(f"no mail to {recipient} in {mail_dir}")


def test_a_couple_is_screened_together_after_both_submit(embedded_stack: Stack) -> None:
    stack = embedded_stack
    staff = stack.create_agency()
    lead, lead_documents, lead_net = person_with_documents(701, "1700")
    partner, partner_documents, partner_net = person_with_documents(702, "1800")
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                               "property_title": "T2 E2E casal", "property_price": float(RENT)}, staff)  # fmt: skip
    assert status == 201, form
    body = {"nif": lead.nif, "name": lead.full_name, "date_of_birth": lead.date_of_birth.isoformat(),
            "email": "lead@example.test", "terms_accepted": True,
            "documents": upload_all(stack, form["token"], lead_documents),
            "household": [{"role": "CO_TENANT", "name": partner.full_name, "email": "partner@example.test"}]}  # fmt: skip
    status, created = stack.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
    assert status == 201, created
    assert created["invitations"] == [{"role": "CO_TENANT", "email": "partner@example.test", "status": "SENT"}]

    token = wait_until(lambda: link_from_mail(stack.mail_dir, "partner@example.test"), timeout=20, what="mail")
    body = {"nif": partner.nif, "name": partner.full_name, "date_of_birth": partner.date_of_birth.isoformat(),
            "email": "partner@example.test", "terms_accepted": True,
            "documents": upload_all(stack, token, partner_documents)}  # fmt: skip
    status, joined = stack.http("POST", f"/api/v1/intake/{token}/submissions", body)
    assert status == 201, joined

    detail = stack.wait_for_status(staff, created["applicant_id"], "COMPLETED", timeout=120)
    total = lead_net + partner_net
    assert detail["report"]["risk_level"] == "LOW", detail["report"]["justification"]
    assert Decimal(str(detail["report"]["dti_ratio"])) == (RENT / total).quantize(Decimal("0.0001"), ROUND_HALF_UP)
    # One report for the household (the stack is shared: count the reports of this form's applicants).
    household_reports = stack.query(
        "SELECT count(*) FROM screening_screeningreport WHERE applicant_id IN (SELECT id FROM applicants_applicant"
        " WHERE form_request_id = ?)",
        uuid.UUID(form["id"]).hex,
    )
    assert household_reports[0][0] == 1
    _, lead_page = stack.http("GET", f"/api/v1/intake/{form['token']}/status")
    assert lead_page["household"][0]["invitation_status"] == "SUBMITTED"
