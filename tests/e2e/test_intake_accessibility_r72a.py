"""Blind probe r72a: the applicant's intake page with a keyboard and a screen reader, where axe-core cannot see.

What the audit found (WCAG 2.1 AA): fields' borders at 2.45:1; a file the server refused named by no row or
field; after "Enviar candidatura" the focus fell to the page's top, every state had one title and the page
reloaded itself once the documents were read; "Remover" named nobody and dropped the focus; the whole page was
one live region and an empty submit fired eight alerts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.browser import browser_page
from tests.e2e.stack import Stack
from tests.e2e.test_intake_page import GOOD, new_form, write_files

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]

CONTRAST = """el => {
  const lum = c => { const m = c.match(/[\\d.]+/g).map(Number).slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]; };
  const border = lum(getComputedStyle(el).borderTopColor), white = 1;
  return (white + 0.05) / (border + 0.05);
}"""


@pytest.fixture
def stack(embedded_stack: Stack) -> Stack:
    return embedded_stack


def open_form(page: Any, stack: Stack) -> None:
    page.goto(new_form(stack, stack.create_agency())["intake_url"])
    page.wait_for_selector("#intake:not([hidden])")


def fill_details(page: Any) -> None:
    page.fill("#name", GOOD.submitted_name)
    page.fill("#nif", GOOD.person.nif)
    page.fill("#date_of_birth", GOOD.person.date_of_birth.isoformat())
    page.fill("#email", "candidata@example.com")
    page.check("#terms_accepted")


def active(page: Any) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.tagName"))


def test_fields_borders_and_language_links_can_be_seen_and_hit(stack: Stack) -> None:
    """WCAG 1.4.11: a field's border at least 3:1 on white (it was 2.45:1); 2.5.8: links at least 24 px high."""
    with browser_page() as page:
        open_form(page, stack)
        for field in ("#name", "#nif", "#email", "#income_profile"):
            assert page.eval_on_selector(field, CONTRAST) >= 3, field
        sizes = page.eval_on_selector_all(".languages a", "els => els.map(e => e.getBoundingClientRect().height)")
        assert sizes and min(sizes) >= 24, sizes


def test_an_empty_submit_is_announced_once_by_the_summary(stack: Stack) -> None:
    """One announcement, the summary: the field messages are linked to their fields, not alerts of their own,
    and no live region wraps the page. An empty e-mail is "required", as the other empty fields."""
    with browser_page() as page:
        open_form(page, stack)
        assert page.get_attribute("#app", "aria-live") is None
        page.click("#submit")
        page.wait_for_selector("#form-error:not(:empty)")
        alerts = page.eval_on_selector_all(
            "[role=alert], [aria-live=assertive]", "els => els.filter(e => e.textContent.trim()).map(e => e.id)"
        )
        assert alerts == ["form-error"]
        linked = page.eval_on_selector_all(
            "#intake-form .field .error",
            """els => els.filter(e => e.textContent.trim()).map(e => {
                 const field = document.querySelector(`[aria-describedby~="${e.id}"]`);
                 return [e.id, !!field && field.getAttribute('aria-invalid') === 'true'];
               })""",
        )
        assert len(linked) >= 6 and all(ok for _, ok in linked), linked
        assert page.inner_text("#email-error") == page.inner_text("#name-error") == "Campo obrigatório."
        assert active(page) == "name"


def test_remove_names_whom_it_removes_and_keeps_the_focus(stack: Stack) -> None:
    """WCAG 2.4.6 and 2.4.3: each "Remover" names its person (by name, else number); Enter on it moves the
    focus to the next person's "Remover", else to "Adicionar pessoa", never to the page's top."""
    with browser_page() as page:
        open_form(page, stack)
        page.click("#add-person")
        page.keyboard.type("Rui Fiador Lopes")
        page.click("#add-person")
        page.click("#add-person")
        names = page.eval_on_selector_all("#household-list button.remove", "els => els.map(e => e.ariaLabel)")
        assert names == ["Remover Rui Fiador Lopes", "Remover a pessoa 2", "Remover a pessoa 3"]
        page.locator("#household-list button.remove").first.focus()
        page.keyboard.press("Enter")
        assert page.locator("#household-list li").count() == 2
        assert page.evaluate("document.activeElement.ariaLabel") == "Remover a pessoa 1"
        page.locator("#household-list button.remove").last.focus()
        page.keyboard.press("Enter")
        assert active(page) == "add-person"


def test_a_file_the_server_refuses_is_named_at_its_row_and_its_field(stack: Stack, tmp_path: Path) -> None:
    """WCAG 3.3.1: a text file named .pdf passes the page's checks and the server refuses it at submission; the
    summary names it, its row says refused (not "Carregado"), its field is invalid with the message, focused."""
    id_file, payslips = write_files(tmp_path)
    fake = tmp_path / "falso.pdf"
    fake.write_bytes(b"this is a text file, not a PDF")
    with browser_page() as page:
        open_form(page, stack)
        fill_details(page)
        page.set_input_files("#id_document", str(id_file))
        page.set_input_files("#income_documents", [str(payslips[0]), str(fake)])
        page.click("#submit")
        page.wait_for_selector("#form-error:not(:empty)", timeout=30_000)
        assert "falso.pdf" in page.inner_text("#form-error")
        row = page.locator("#uploads li", has_text="falso.pdf")
        assert row.get_attribute("class") == "failed"
        assert "Carregado" not in row.inner_text() and "PDF" in row.inner_text()
        assert page.locator("#uploads li", has_text=payslips[0].name).inner_text().endswith("Carregado")
        assert page.get_attribute("#income_documents", "aria-invalid") == "true"
        assert "falso.pdf" in page.inner_text("#income_documents-error")
        assert page.get_attribute("#id_document", "aria-invalid") == "false"
        assert active(page) == "income_documents"
        assert page.is_hidden("#progress")


def test_an_upload_slot_refused_marks_its_field(stack: Stack, tmp_path: Path) -> None:
    """A file refused when its upload slot is asked for: its field is marked and says why, and is focused."""
    id_file, payslips = write_files(tmp_path)
    refusal = {"detail": "Ficheiro demasiado grande (simulado).", "code": "file_too_large"}
    with browser_page() as page:
        open_form(page, stack)
        fill_details(page)
        page.set_input_files("#id_document", str(id_file))
        page.set_input_files("#income_documents", [str(p) for p in payslips])
        page.route(
            re.compile(r"/uploads(\?|$)"),  # the page names its language in "?lang" on every API call
            lambda route: route.fulfill(status=400, content_type="application/json", body=json.dumps(refusal)),
        )
        page.click("#submit")
        page.wait_for_selector("#form-error:not(:empty)")
        assert page.get_attribute("#id_document", "aria-invalid") == "true"
        assert id_file.name in page.inner_text("#id_document-error")
        assert "demasiado grande" in page.inner_text("#id_document-error")
        assert active(page) == "id_document"


def test_a_failed_upload_is_said_by_the_summary_which_takes_the_focus(stack: Stack, tmp_path: Path) -> None:
    """No connection to the storage: no file's fault, so no field is marked; the summary says it and has the
    focus the disabled button lost (it fell to the page's top)."""
    id_file, payslips = write_files(tmp_path)
    with browser_page() as page:
        open_form(page, stack)
        fill_details(page)
        page.set_input_files("#id_document", str(id_file))
        page.set_input_files("#income_documents", [str(p) for p in payslips])
        page.route("**/storage/**", lambda route: route.abort())
        page.click("#submit")
        page.wait_for_selector("#form-error:not(:empty)")
        assert page.inner_text("#form-error") == "O carregamento falhou. Tente novamente."
        assert active(page) == "form-error"
        assert page.get_attribute("#id_document", "aria-invalid") == "false"


def test_after_submitting_the_heading_has_the_focus_and_the_page_updates_in_place(stack: Stack, tmp_path: Path) -> None:
    """WCAG 2.4.3: the focus goes to "Candidatura recebida", which titles the page; the status speaks for itself
    (role=status); when the documents are read the explanation appears in place, without a reload that took a
    screen reader back to the top."""
    id_file, payslips = write_files(tmp_path)
    with browser_page() as page:
        open_form(page, stack)
        assert page.title() == "T2 em Alvalade · Candidatura a imóvel"
        fill_details(page)
        page.set_input_files("#id_document", str(id_file))
        page.set_input_files("#income_documents", [str(p) for p in payslips])
        page.evaluate("window.notReloaded = true")
        page.click("#submit")
        page.wait_for_selector("#progress:not([hidden])", timeout=30_000)
        assert active(page) == "progress-title"
        assert page.title() == "Candidatura recebida · Candidatura a imóvel"
        assert page.get_attribute("#progress-status", "role") == "status"
        page.wait_for_selector("#explanation", timeout=120_000)
        assert page.evaluate("window.notReloaded") is True
        assert active(page) == "progress-title"
        assert page.get_attribute("#progress", "data-status") == "COMPLETED"
        # The explanation's form, put in place, works as the one the server rendered.
        page.click("#contest-submit")
        assert page.inner_text("#contest-error") == "Campo obrigatório."


def test_a_dead_link_is_titled_by_what_happened(stack: Stack) -> None:
    with browser_page() as page:
        page.goto(f"{stack.url}/intake/not-a-real-token/")
        page.wait_for_selector("#unavailable:not([hidden])")
        assert page.title() == "Ligação não encontrada · Candidatura a imóvel"
