"""The intake page in the language the person chose, whatever the browser sends (blind probe r72c, F13), and a person
a forced screening left out said so on the lead's page (U2), in headless Chromium against the real stack."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas

from tests.e2e.browser import browser_page
from tests.e2e.stack import Stack

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
