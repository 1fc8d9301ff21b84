"""The second round in headless Chromium on the real stack: the applicant reads the explanation of their
result and contests it; staff, in an admin that speaks pt-PT, see it open and answer; the answer reaches
the applicant's mail file under ``DATA_DIR/mail/``."""

from __future__ import annotations

import datetime as dt
import email
import random
from decimal import Decimal
from pathlib import Path

import pytest

from samples.synthetic import id_card_png, make_person, payslip_pdf, recent_months
from tests.e2e.browser import browser_page, screenshot
from tests.e2e.stack import Stack, wait_until
from tests.e2e.test_households_pipeline import upload_all

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]

APPLICANT_EMAIL = "contesta@example.test"


def answer_in_mail(mail_dir: Path, answer: str) -> str:
    for path in sorted(mail_dir.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes())
        body = message.get_payload(decode=True).decode()
        if APPLICANT_EMAIL in message["To"] and answer in body:
            return body
    raise AssertionError("no answer in the applicant's mail yet")


def test_the_applicant_contests_and_staff_answer_in_a_portuguese_admin(embedded_stack: Stack) -> None:
    stack = embedded_stack
    staff, staff_email, password = stack.create_staff_agency()
    today = dt.date.today()
    person = make_person(random.Random(9901), today)
    payslips = [
        payslip_pdf(person, period, base=Decimal("3500"), variant=i, rng=random.Random(9901 + i))
        for i, period in enumerate(recent_months(today, 2))
    ]
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                               "property_title": "T1 contestação", "property_price": 700.0}, staff)  # fmt: skip
    assert status == 201, form
    body = {"nif": person.nif, "name": person.full_name, "date_of_birth": person.date_of_birth.isoformat(),
            "email": APPLICANT_EMAIL, "terms_accepted": True,
            "documents": upload_all(stack, form["token"], [id_card_png(person), *payslips])}  # fmt: skip
    status, created = stack.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
    assert status == 201, created
    stack.wait_for_status(staff, created["applicant_id"], "COMPLETED", timeout=120)

    with browser_page() as page:
        # The applicant's page: what was checked about them and what would change the outcome.
        page.goto(f"{stack.url}/intake/{form['token']}/")
        page.wait_for_selector("[data-testid=explanation]")
        explanation = page.inner_text("[data-testid=explanation]")
        assert "O que mudaria o resultado" in explanation
        assert page.locator("#what-would-change li").count() >= 1
        assert person.nif not in page.content()
        screenshot(page, "intake-explanation")
        page.fill("#contest-message", "Tenho também o recibo do mês anterior; posso enviá-lo.")
        page.click("#contest-submit")
        page.wait_for_selector("#contest-done:not(:empty)")
        assert page.locator("#contests li[data-status=OPEN]").count() == 1

        # Staff, in an admin that speaks pt-PT whatever the browser, see it open and answer it.
        page.goto(f"{stack.url}/admin/login/")
        page.fill("#id_username", staff_email)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_selector("[data-testid=open-items]")
        assert page.inner_text("[data-testid=contests-open]").strip() == "1"
        assert "Administração do site" in page.content() and "Sair" in page.content()
        page.click("[data-testid=open-items] a >> nth=0")
        page.wait_for_selector("#result_list")
        listing = page.content()
        assert "Selecione candidato para ver" in listing or "Selecione candidato para alterar" in listing
        assert "pendentes" in listing.lower() and "nível de risco" in listing.lower()
        assert page.locator("#result_list tbody tr").count() == 1
        screenshot(page, "admin-open-contests")
        page.click("#result_list tbody tr th a")
        page.wait_for_selector("[data-testid=contests]")
        detail = page.content()
        assert "Comentários e contestações do candidato" in detail and "Relatório de análise" in detail
        assert "Tenho também o recibo do mês anterior" in page.inner_text("[data-testid=contests]")
        page.fill("[data-testid=contest-answer-form] textarea", "Envie-o, por favor, pelo mesmo link.")
        page.click("[data-testid=contest-answer-form] button")
        page.wait_for_selector(".messagelist")
        assert "Resposta enviada" in page.inner_text(".messagelist")
        screenshot(page, "admin-contest-answered")

    mail = wait_until(
        lambda: answer_in_mail(stack.mail_dir, "Envie-o, por favor, pelo mesmo link."), timeout=20, what="mail"
    )
    assert "respondeu ao comentário" in mail
    _, detail = stack.http("GET", f"/api/v1/applicants/{created['applicant_id']}", token=staff)
    assert detail["contests"][0]["status"] == "ANSWERED"
