"""The applicant's intake page in headless Chromium, against the real stack on the embedded defaults."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

from tests.e2e.browser import browser_page, screenshot
from tests.e2e.stack import Stack
from tests.helpers import prepared_case

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]

GOOD = prepared_case("good")


@pytest.fixture
def stack(embedded_stack: Stack) -> Stack:
    return embedded_stack


def new_form(stack: Stack, token: str) -> dict[str, str]:
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T2 em Alvalade",
                               "property_price": float(GOOD.price)}, token)  # fmt: skip
    assert status == 201
    return dict(form)


def write_files(tmp_path: Path) -> tuple[Path, list[Path]]:
    files = []
    for document in GOOD.documents:
        path = tmp_path / document.name
        path.write_bytes(document.data)
        files.append(path)
    return files[0], files[1:]


def test_applicant_fills_uploads_submits_and_sees_completion(stack: Stack, tmp_path: Path) -> None:
    token = stack.create_agency()
    form = new_form(stack, token)
    id_file, payslips = write_files(tmp_path)
    with browser_page(width=390, height=844) as page:  # a phone screen
        page.goto(form["intake_url"])
        page.wait_for_selector("#intake:not([hidden])")
        assert page.inner_text("#property-title") == "T2 em Alvalade"
        assert "Documento de identificação" in page.content()
        assert "a decisão é sempre tomada por uma pessoa" in page.inner_text("#consent-text")
        page.fill("#name", GOOD.submitted_name)
        page.fill("#nif", GOOD.person.nif)
        page.fill("#date_of_birth", GOOD.person.date_of_birth.isoformat())
        page.fill("#email", "candidata@example.com")
        page.set_input_files("#id_document", str(id_file))
        page.set_input_files("#income_documents", [str(p) for p in payslips])
        page.check("#terms_accepted")
        screenshot(page, "intake-filled")
        page.click("#submit")
        page.wait_for_selector("#progress:not([hidden])")
        assert page.locator("#uploads progress").count() == 4
        page.wait_for_selector("#progress[data-status=COMPLETED]", timeout=90_000)
        assert "Concluído" in page.inner_text("#progress-status")
        assert page.locator("#progress-documents li[data-status=EXTRACTED]").count() == 4
        screenshot(page, "intake-completed")
    _, listed = stack.http("GET", "/api/v1/applicants", token=token)
    assert listed["results"][0]["status"] == "COMPLETED"
    consent = stack.query(
        "SELECT consent_text_version FROM applicants_applicant WHERE id = ?", uuid.UUID(listed["results"][0]["id"]).hex
    )
    assert consent[0][0]


def test_field_errors_for_invalid_nif_and_refused_file_type(stack: Stack, tmp_path: Path) -> None:
    token = stack.create_agency()
    form = new_form(stack, token)
    bad_file = tmp_path / "documento.docx"
    bad_file.write_bytes(b"PK\x03\x04 not allowed")
    with browser_page() as page:
        page.goto(form["intake_url"])
        page.wait_for_selector("#intake:not([hidden])")
        page.fill("#name", "Maria Santos")
        page.fill("#nif", "245718932")  # wrong check digit
        page.fill("#date_of_birth", "1990-06-15")
        page.fill("#email", "maria@example.com")
        page.set_input_files("#id_document", str(bad_file))
        page.check("#terms_accepted")
        page.click("#submit")
        assert "não é válido" in page.inner_text("#nif-error")
        assert page.get_attribute("#nif", "aria-invalid") == "true"
        assert "Tipo de ficheiro não permitido" in page.inner_text("#id_document-error")
        assert page.locator("#uploads li").count() == 0  # refused before any upload
        screenshot(page, "intake-field-errors")
    applicants = stack.query(
        "SELECT count(*) FROM applicants_applicant WHERE form_request_id = ?", uuid.UUID(form["id"]).hex
    )
    assert applicants[0][0] == 0


def test_expired_link_shows_its_message_and_english_is_available(stack: Stack) -> None:
    token = stack.create_agency()
    form = new_form(stack, token)
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S")
    stack.manage(
        "shell",
        "-c",
        f"from applicants.models import IntakeFormRequest; IntakeFormRequest.objects.filter(id='{form['id']}').update(expires_at='{past}+00:00')",
    )
    with browser_page() as page:
        page.goto(form["intake_url"])
        page.wait_for_selector("#unavailable:not([hidden])")
        assert page.inner_text("#unavailable-title") == "Esta ligação expirou"
        screenshot(page, "intake-expired")
        page.goto(form["intake_url"] + "?lang=en")
        page.wait_for_selector("#unavailable:not([hidden])")
        assert page.inner_text("#unavailable-title") == "This link has expired"
    assert json.loads(json.dumps(form))["token"] not in stack.log_tail()
