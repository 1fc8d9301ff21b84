"""Blind probe C29: the applicant's intake page on a phone (390 x 844, mobile, touch) in headless Chromium.

What stuck or misled applicants there: a field error only the server found was shown far above where they
were; back then forward after submitting showed the form again; the identity field took one side of the
card; "Failed to fetch" offline; errors on fields not reached yet; the second round's messages.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.browser import browser_page, screenshot
from tests.e2e.stack import Stack
from tests.e2e.test_intake_page import GOOD, new_form, write_files

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "pt-PT"}


@pytest.fixture
def stack(embedded_stack: Stack) -> Stack:
    return embedded_stack


@contextmanager
def phone(**context: Any) -> Iterator[Any]:
    """A phone's page (``browser_page``'s CSP check kept); ``context`` overrides the phone's settings."""
    with browser_page(**{**PHONE, **context}) as page:
        yield page


def png(tmp_path: Path, name: str) -> Path:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (600, 380), (210, 220, 230)).save(buffer, format="PNG")
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def fill(page: Any, *, name: str, email: str) -> None:
    page.fill("#name", name)
    page.fill("#nif", GOOD.person.nif)
    page.fill("#date_of_birth", GOOD.person.date_of_birth.isoformat())
    page.fill("#email", email)


def errors(page: Any) -> dict[str, str]:
    shown = page.eval_on_selector_all(".error", "els => els.map(e => [e.id, e.textContent.trim()])")
    return {id_: text for id_, text in shown if text}


def test_a_server_error_is_shown_where_the_applicant_is_and_both_sides_of_the_id_go_as_id(
    stack: Stack, tmp_path: Path
) -> None:
    """#1, #3, #2: the server's field error is named by the submit button and its field focused in view; a
    name with a comma passes; the card's front and back are both ID_DOCUMENT; back then forward after
    submitting shows the submitted state, not the form."""
    token = stack.create_agency()
    form = new_form(stack, token)
    id_front, payslips = write_files(tmp_path)
    id_back = png(tmp_path, "cc_verso.png")
    with phone() as page:
        # From the e-mail: a page before this one, for back and forward.
        page.goto(f"{stack.url}/health/live")
        page.evaluate(f"window.location.href = {form['intake_url']!r}")
        page.wait_for_selector("#intake:not([hidden])")
        assert "2 ficheiros" in page.inner_text("#id_document-hint")
        # An address the page's own check lets through and the server's refuses: only the server says so.
        fill(page, name="Almeida, Ana", email="ana@example..com")
        page.set_input_files("#id_document", [str(id_front), str(id_back)])
        page.set_input_files("#income_documents", [str(p) for p in payslips])
        page.check("#terms_accepted")
        page.click("#submit")
        page.wait_for_selector("#form-error:not(:empty)")
        assert page.inner_text("#form-error") == "Corrija o campo assinalado: E-mail"
        assert page.evaluate("document.activeElement.id") == "email"
        box = page.locator("#email").bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, box
        screenshot(page, "c29-server-error")
        page.fill("#email", "ana.almeida@example.com")
        page.click("#submit")
        page.wait_for_selector("#progress:not([hidden])")

        page.go_back()
        page.wait_for_url("**/health/live")
        page.go_forward()
        page.wait_for_selector("#progress:not([hidden])")
        assert page.is_hidden("#intake")
        # Reopened, the page says it is the applicant's own application, and what they can do (probe C29 #11).
        assert page.inner_text("#progress h1") == "Já enviou a sua candidatura"
        assert page.inner_text("#progress-reopened") == "Pode acompanhar o progresso abaixo."
    rows = stack.query(
        "SELECT d.document_type, count(*) FROM documents_document d JOIN applicants_applicant a ON d.applicant_id = a.id "
        "WHERE a.form_request_id = ? GROUP BY d.document_type",
        uuid.UUID(form["id"]).hex,
    )
    assert dict(rows) == {"ID_DOCUMENT": 2, "PROOF_OF_INCOME": len(payslips)}
    # "Almeida, Ana" was taken: the one applicant is the one submitted (the name itself is stored encrypted).
    applicants = stack.query(
        "SELECT count(*) FROM applicants_applicant WHERE form_request_id = ?", uuid.UUID(form["id"]).hex
    )
    assert applicants == [(1,)]


def test_fields_are_checked_when_left_with_the_servers_words_and_offline_is_said(stack: Stack, tmp_path: Path) -> None:
    """#5, #1's page check, #10, #4, #11: one field checked as it is left; a name the server refuses, an empty
    file and an iPhone photo each said so before any upload; the common phone forms taken; offline and a cut
    upload in the page's own words, the failed row readable."""
    token = stack.create_agency()
    form = new_form(stack, token)
    id_front, payslips = write_files(tmp_path)
    empty = tmp_path / "recibo.pdf"
    empty.write_bytes(b"")
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    with phone() as page:
        page.goto(form["intake_url"])
        page.wait_for_selector("#intake:not([hidden])")
        page.fill("#name", "Ana Almeida, 2ª titular")
        page.press("#name", "Tab")
        assert set(errors(page)) == {"name-error"}
        assert "vírgulas" in errors(page)["name-error"]
        page.fill("#name", "Ana Almeida")
        page.fill("#nif", "12345678")
        page.press("#nif", "Tab")
        assert errors(page) == {"nif-error": "O NIF deve ter 9 algarismos."}
        page.fill("#nif", "")
        page.press("#nif", "Tab")
        assert errors(page) == {"nif-error": "Campo obrigatório."}
        page.fill("#nif", GOOD.person.nif)
        page.fill("#phone", "(+351) 912 345 678")
        page.press("#phone", "Tab")
        page.fill("#phone", "+351.912.345.678")
        page.press("#phone", "Tab")
        assert errors(page) == {}
        page.set_input_files("#income_documents", str(empty))
        assert "está vazio" in errors(page)["income_documents-error"]
        page.set_input_files("#id_document", str(heic))
        assert "Mais compatível" in errors(page)["id_document-error"]

        page.fill("#date_of_birth", GOOD.person.date_of_birth.isoformat())
        page.fill("#email", "ana@example.com")
        page.set_input_files("#id_document", str(id_front))
        page.set_input_files("#income_documents", [str(p) for p in payslips])
        page.check("#terms_accepted")
        assert errors(page) == {}
        page.context.set_offline(True)
        page.click("#submit")
        page.wait_for_selector("#form-error:not(:empty)")
        assert "Verifique a ligação à Internet" in page.inner_text("#form-error")
        assert "Failed to fetch" not in page.inner_text("#form-error")
        page.context.set_offline(False)

        # A cut upload: the row says so on a line of its own, the file's name still readable beside its bar.
        page.route("**/storage/upload**", lambda route: route.abort())
        page.click("#submit")
        page.wait_for_selector("#uploads li.failed")
        name_box = page.locator("#uploads li.failed span").first.bounding_box()
        assert name_box and name_box["width"] > 120, name_box
        screenshot(page, "c29-failed-upload")


def test_at_200_percent_zoom_nothing_scrolls_sideways_and_without_javascript_it_says_so(stack: Stack) -> None:
    """#13 and #14."""
    form = new_form(stack, stack.create_agency())
    with phone(viewport={"width": 195, "height": 422}) as page:
        for language in ("pt-pt", "en"):
            page.goto(form["intake_url"] + "?lang=" + language)
            page.wait_for_selector("#intake:not([hidden])")
            assert page.evaluate("document.documentElement.scrollWidth") <= 195, language
    with phone(java_script_enabled=False) as page:
        page.goto(form["intake_url"] + "?lang=en")
        assert "This page needs JavaScript" in page.inner_text("body")


def test_the_second_round_leads_with_what_is_asked_and_says_what_is_wrong_with_a_file(
    stack: Stack, tmp_path: Path
) -> None:
    """#7 and #6: the request comes before "Done ... the agency will contact you"; a HEIC file gets the
    first form's file message, not "required"."""
    token = stack.create_agency()
    form = new_form(stack, token)
    body = {"nif": GOOD.person.nif, "name": "Ana Almeida", "date_of_birth": GOOD.person.date_of_birth.isoformat(),
            "email": "ronda29@example.test", "terms_accepted": True, "documents": []}  # fmt: skip
    status, created = stack.http("POST", f"/api/v1/intake/{form['token']}/submissions", body)
    assert status == 201, created
    stack.wait_for_status(token, created["applicant_id"], "COMPLETED", timeout=120)
    status, decided = stack.http("POST", f"/api/v1/applicants/{created['applicant_id']}/decision",
                                 {"decision": "MORE_INFO", "reason": "Sem recibos.",
                                  "requested_documents": [{"document_type": "PROOF_OF_INCOME", "note": "um recibo"}]},
                                 token)  # fmt: skip
    assert status == 201, decided
    heic = tmp_path / "IMG_0002.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64)
    with phone() as page:
        page.goto(form["intake_url"])
        page.wait_for_selector("#progress:not([hidden])")
        asked = page.locator("#more-info").bounding_box()
        status_line = page.locator("#progress").bounding_box()
        assert asked and status_line and asked["y"] < status_line["y"]
        page.set_input_files("#more-info-file-1", str(heic))
        page.click("#more-info-submit")
        page.wait_for_selector("#more-info-error:not(:empty)")
        assert "HEIC" in page.inner_text("#more-info-error")
        assert page.locator("#more-info-uploads li").count() == 0
