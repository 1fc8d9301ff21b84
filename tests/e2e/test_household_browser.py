"""A two-person household through the intake pages in headless Chromium, on the real stack.

The lead tenant fills the form, adds a co-tenant and submits; the co-tenant's
link is read from the newest ``.eml`` under the stack's ``DATA_DIR/mail/``;
the co-tenant opens it, uploads and submits; the lead's page then shows them
as submitted.
"""

from __future__ import annotations

import datetime as dt
import email
import random
import re
from decimal import Decimal
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from samples.synthetic import Synthetic, id_card_png, make_person, payslip_pdf, recent_months
from tests.e2e.browser import browser_page, screenshot
from tests.e2e.stack import Stack, wait_until
from tests.helpers import prepared_case

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]

LEAD = prepared_case("good")
CO_TENANT_EMAIL = "co-arrendataria@example.test"


def co_tenant_with_documents(seed: int = 4242) -> tuple[Any, list[Synthetic]]:
    today = dt.date.today()
    person = make_person(random.Random(seed), today)
    documents = [id_card_png(person, variant=1)]
    for offset, period in enumerate(recent_months(today, 3)):
        documents.append(
            payslip_pdf(person, period, base=Decimal("1500"), variant=offset, rng=random.Random(seed + offset))
        )
    return person, documents


def written(tmp_path: Path, folder: str, documents: list[Synthetic]) -> tuple[Path, list[Path]]:
    """The documents as files a person picks in the browser: the ID first, then the payslips."""
    directory = tmp_path / folder
    directory.mkdir()
    paths = []
    for document in documents:
        path = directory / document.name
        path.write_bytes(document.data)
        paths.append(path)
    return paths[0], paths[1:]


def newest_mail_to(mail_dir: Path, recipient: str) -> Message | None:
    """The newest ``.eml`` addressed to ``recipient`` (one file per message, named by time)."""
    for path in sorted(mail_dir.glob("*.eml"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True):
        message = email.message_from_bytes(path.read_bytes())
        if recipient in str(message.get("To", "")):
            return message
    return None


def invitation_link(message: Message, base_url: str) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    body = payload.decode(part.get_content_charset() or "utf-8")
    match = re.search(re.escape(base_url) + r"/intake/[A-Za-z0-9_-]+/", body)
    assert match, body
    return match.group(0)


def fill_person(page: Any, *, name: str, nif: str, date_of_birth: dt.date, email_address: str,
                id_file: Path, income_files: list[Path]) -> None:  # fmt: skip
    page.fill("#name", name)
    page.fill("#nif", nif)
    page.fill("#date_of_birth", date_of_birth.isoformat())
    page.fill("#email", email_address)
    page.set_input_files("#id_document", str(id_file))
    page.set_input_files("#income_documents", [str(p) for p in income_files])
    page.check("#terms_accepted")


def test_lead_adds_a_co_tenant_who_submits_from_the_mailed_link_and_the_lead_sees_it(
    embedded_stack: Stack, tmp_path: Path
) -> None:
    stack = embedded_stack
    staff = stack.create_agency()
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                               "property_title": "T2 em Campo de Ourique", "property_price": float(LEAD.price)}, staff)  # fmt: skip
    assert status == 201, form
    co_tenant, co_tenant_documents = co_tenant_with_documents()
    lead_id, lead_payslips = written(tmp_path, "lead-files", LEAD.documents)
    co_id, co_payslips = written(tmp_path, "co-tenant-files", co_tenant_documents)

    with browser_page(width=390, height=844) as lead_page:
        lead_page.set_default_timeout(30_000)
        lead_page.goto(form["intake_url"])
        lead_page.wait_for_selector("#intake:not([hidden])")
        assert lead_page.is_visible("#household-fieldset")
        assert lead_page.is_hidden("#invited-by")
        fill_person(lead_page, name=LEAD.submitted_name, nif=LEAD.person.nif, date_of_birth=LEAD.person.date_of_birth,
                    email_address="lead@example.test", id_file=lead_id, income_files=lead_payslips)  # fmt: skip
        lead_page.click("#add-person")
        row = lead_page.locator("#household-list li").first
        row.locator("select").select_option("CO_TENANT")
        row.locator("input:not([type=email])").fill(co_tenant.full_name)
        row.locator("input[type=email]").fill(CO_TENANT_EMAIL)
        screenshot(lead_page, "household-lead-filled")
        lead_page.click("#submit")
        lead_page.wait_for_selector("#progress[data-status=WAITING]", timeout=60_000)
        lead_page.wait_for_selector("#household-status li[data-status=SENT]")
        assert co_tenant.full_name in lead_page.inner_text("#household-status")
        assert "Coarrendatário" in lead_page.inner_text("#household-status")
        assert "à espera" in lead_page.inner_text("#progress-status")

        message = wait_until(
            lambda: newest_mail_to(stack.mail_dir, CO_TENANT_EMAIL), timeout=30, what="the invitation e-mail"
        )
        link = invitation_link(message, stack.url)
        assert form["token"] not in link

        # The co-tenant is another person, in their own browser context (no shared cookies or storage).
        other_context = lead_page.context.browser.new_context(viewport={"width": 1280, "height": 900}, locale="pt-PT")
        co_page = other_context.new_page()
        co_page.set_default_timeout(30_000)
        co_page.goto(link)
        co_page.wait_for_selector("#intake:not([hidden])")
        lead_first_name = LEAD.submitted_name.split()[0]
        invited_by = co_page.inner_text("#invited-by")
        assert lead_first_name in invited_by and "coarrendatário" in invited_by
        assert co_page.is_hidden("#household-fieldset")
        assert co_page.inner_text("#property-title") == "T2 em Campo de Ourique"
        fill_person(co_page, name=co_tenant.full_name, nif=co_tenant.nif, date_of_birth=co_tenant.date_of_birth,
                    email_address=CO_TENANT_EMAIL, id_file=co_id, income_files=co_payslips)  # fmt: skip
        screenshot(co_page, "household-co-tenant-filled")
        co_page.click("#submit")
        co_page.wait_for_selector("#progress:not([hidden])", timeout=60_000)
        co_page.wait_for_selector("#progress[data-status]", timeout=60_000)
        assert co_page.is_hidden("#household-progress")  # the co-tenant sees only their own progress
        assert co_page.locator("#progress-documents li").count() == 4
        other_context.close()

        lead_page.wait_for_selector("#household-status li[data-status=SUBMITTED]", timeout=90_000)
        assert "submeteu" in lead_page.inner_text("#household-status")
        # Everyone is in: the application leaves WAITING and is screened.
        lead_page.wait_for_selector("#progress:not([data-status=WAITING])", timeout=90_000)
        assert lead_page.is_hidden("#invite-more")
        screenshot(lead_page, "household-lead-sees-co-tenant-submitted")

    status, listed = stack.http("GET", "/api/v1/applications", token=staff)
    assert status == 200, listed
    members = listed["results"][0]["members"]
    assert [(m["role"], m["invitation_status"]) for m in members] == [("TENANT", None), ("CO_TENANT", "SUBMITTED")]
