"""The intake page in the language the person chose, whatever the browser sends (blind probe r72c, F13), and a person
a forced screening left out said so on the lead's page (U2), in headless Chromium against the real stack."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from tests.e2e.browser import browser_page
from tests.e2e.stack import Stack
from tests.e2e.test_intake_accessibility_r72a import fill_details
from tests.e2e.test_intake_page import new_form, write_files

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]


def blank_pdf() -> bytes:
    """A page with nothing on it: read, and refused with a reason the page shows."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_portuguese_page_in_an_english_browser_says_everything_in_portuguese(embedded_stack: Stack) -> None:
    stack = embedded_stack
    token = stack.create_agency()
    status, form = stack.http("POST", "/api/v1/applicants/intake-form-requests",
                              {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO",
                               "property_title": "T1 em Campanhã", "property_price": 600}, token)  # fmt: skip
    assert status == 201, form
    data = blank_pdf()
    status, slot = stack.http("POST", f"/api/v1/intake/{form['token']}/uploads",
                              {"filename": "recibo.pdf", "content_type": "application/pdf", "size": len(data),
                               "document_type": "PROOF_OF_INCOME"})  # fmt: skip
    assert status == 201, slot
    assert stack.post_file(slot["upload"]["url"], slot["upload"]["fields"], "recibo.pdf", data, "application/pdf") in {
        200,
        204,
    }
    body = {"nif": "245718931", "name": "Maria Santos", "date_of_birth": "1990-06-15", "email": "maria@example.test",
            "terms_accepted": True,
            "documents": [{"key": slot["key"], "original_filename": "recibo.pdf", "content_type": "application/pdf",
                           "document_type": "PROOF_OF_INCOME"}],
            "household": [{"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.test"}]}  # fmt: skip
    status, created = stack.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
    assert status == 201, created
    _, detail = stack.http("GET", f"/api/v1/applicants/{created['applicant_id']}", token=token)
    status, _ = stack.http("POST", f"/api/v1/applications/{detail['application_id']}/screen", {"force": True}, token)
    assert status == 202
    stack.wait_for_status(token, created["applicant_id"], "COMPLETED")

    # An English browser; the person chose Portuguese. Every call the page makes to the API names the page's language
    # in "?lang", which the API puts before any Accept-Language a browser, a proxy or an extension may send.
    with browser_page(locale="en-GB") as page:
        api_calls: list[str] = []
        page.on("request", lambda request: api_calls.append(request.url) if "/api/v1/intake/" in request.url else None)
        page.goto(form["intake_url"] + "?lang=pt-pt")
        page.wait_for_selector("#progress[data-status=COMPLETED]")
        page.wait_for_selector("#progress-documents li")
        refused = page.inner_text("#progress-documents li")
        household = page.inner_text("#household-status li")
    assert api_calls and all("lang=pt-pt" in url for url in api_calls), api_calls
    assert refused.startswith("recibo.pdf: não aceite (") and "The document" not in refused, refused
    assert household == "Rui Lopes · Fiador(a): ficou fora desta análise", household


def test_the_files_chosen_are_listed_and_one_can_be_taken_away_before_sending(
    embedded_stack: Stack, tmp_path: Path
) -> None:
    """Blind probes C29 and r72a: the browser's field said "3 ficheiros" and took one away only by choosing them all
    again. Each file chosen is listed under its field with its size and a "Remover <name>"; removing one keeps the
    others in the field and the focus on the next "Remover", then on the field; the application is sent as listed."""
    stack = embedded_stack
    form = new_form(stack, stack.create_agency())
    id_file, payslips = write_files(tmp_path)
    stray = tmp_path / "fotografia-do-cao.png"
    stray.write_bytes(id_file.read_bytes())
    with browser_page(width=390, height=844) as page:
        page.goto(form["intake_url"])
        page.wait_for_selector("#intake:not([hidden])")
        fill_details(page)
        page.set_input_files("#id_document", str(id_file))
        page.set_input_files("#income_documents", [str(payslips[0]), str(stray), *(str(p) for p in payslips[1:])])
        listed = page.locator("#income_documents-chosen li").all_inner_texts()
        assert [line.split(" (")[0] for line in listed] == [
            payslips[0].name,
            stray.name,
            *(p.name for p in payslips[1:]),
        ]
        assert all(re.search(r"\(\d+ KB\)|\(\d+,\d MB\)", line) for line in listed), listed

        page.click(f"#income_documents-chosen button[aria-label='Remover {stray.name}']")
        names = page.eval_on_selector("#income_documents", "input => Array.from(input.files).map(f => f.name)")
        assert names == [p.name for p in payslips]
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Remover {payslips[1].name}"
        page.click(f"#id_document-chosen button[aria-label='Remover {id_file.name}']")
        assert page.evaluate("document.activeElement.id") == "id_document"
        assert page.locator("#id_document-chosen").is_hidden()

        page.set_input_files("#id_document", str(id_file))
        page.click("#submit")
        page.wait_for_selector("#progress:not([hidden])")
        page.wait_for_selector("#progress-documents li")
        sent = [line.split(":")[0] for line in page.locator("#progress-documents li").all_inner_texts()]
    assert sorted(sent) == sorted([id_file.name, *(p.name for p in payslips)])
