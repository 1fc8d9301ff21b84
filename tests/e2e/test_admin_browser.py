"""Agency staff in Django admin, in headless Chromium: list, report with evidence, decision."""

from __future__ import annotations

import pytest

from tests.e2e.browser import browser_page, screenshot
from tests.e2e.stack import Stack
from tests.helpers import prepared_case

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]

STRETCHED = prepared_case("stretched")


def test_staff_reviews_a_report_and_records_a_decision(embedded_stack: Stack) -> None:
    stack = embedded_stack
    token, email, password = stack.create_staff_agency()
    applicant_id = stack.submit_case(token, STRETCHED)
    stack.wait_for_status(token, applicant_id, "COMPLETED")
    with browser_page() as page:
        page.goto(f"{stack.url}/admin/login/")
        page.fill("#id_username", email)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.goto(f"{stack.url}/admin/applicants/applicant/")
        row = page.locator("#result_list tbody tr").first
        assert "COMPLETED" in row.inner_text() or "Concluído" in row.inner_text()
        # The risk as the report words it, not the stored value (cases probe 11).
        assert "Médio" in row.inner_text()
        masked = STRETCHED.person.nif[-3:]
        assert f"***{masked}" in row.inner_text()
        assert STRETCHED.person.nif not in page.content()
        screenshot(page, "admin-applicant-list")
        page.click("#result_list tbody tr th a")
        page.wait_for_selector("[data-testid=risk-level]")
        assert "Médio" in page.inner_text("[data-testid=risk-level]")
        assert "Taxa de esforço" in page.inner_text("[data-testid=justification]")
        checks = page.inner_text("[data-testid=checks]")
        # The checks in words, not their codes (blind probe C31).
        assert "Taxa de esforço" in checks and "Nome do documento igual ao indicado" in checks
        assert "affordability.dti" not in checks
        assert page.locator("[data-testid=documents] tbody tr").count() >= 4
        screenshot(page, "admin-applicant-detail")
        page.check("input[name=decision][value=MORE_INFO]")
        page.fill("#decision-reason", "Pedir declaração de IRS para confirmar rendimentos.")
        page.click("[data-testid=decision-form] button[type=submit]")
        page.wait_for_selector(".messagelist")
        assert "Decisão registada" in page.inner_text(".messagelist")
        assert "Pedir declaração de IRS" in page.content()
        screenshot(page, "admin-decision-recorded")
    _, detail = stack.http("GET", f"/api/v1/applicants/{applicant_id}", token=token)
    assert detail["decision"]["decision"] == "MORE_INFO"
    assert detail["decision"]["decided_by"] == email


def test_a_rent_typed_with_a_comma_is_saved_as_typed_and_its_link_copied_under_the_policy(
    embedded_stack: Stack,
) -> None:
    """Blind probe r73c: Chromium's number field dropped the comma of "850,00" (saved 85 000 €, F1); the link shown
    once had no copy button (F9). The button's script is a file: the policy blocks nothing (``browser_page``)."""
    stack = embedded_stack
    _, email, password = stack.create_staff_agency()
    permissions = ["clipboard-read", "clipboard-write"]
    with browser_page(permissions=permissions) as page:
        page.goto(f"{stack.url}/admin/login/")
        page.fill("#id_username", email)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.goto(f"{stack.url}/admin/applicants/intakeformrequest/add/")
        page.select_option("#id_listing_type", "ARRENDAMENTO")
        page.select_option("#id_property_type", "APARTAMENTO")
        page.fill("#id_property_title", "T1 remodelado na Penha de França")
        page.locator("#id_property_price").press_sequentially("850,00")
        page.click("input[name=_save]")
        page.wait_for_selector(".messagelist")
        assert "850,00 €" in page.inner_text("#result_list") and "85 000" not in page.inner_text("#result_list")
        button = page.locator(".messagelist button.copy-link")
        assert button.is_visible() and button.inner_text() == "Copiar a ligação"
        link = page.inner_text(".messagelist code.copy-source")
        button.click()
        # A locator's text filter, not wait_for_function: that evaluates a string, which the policy forbids.
        page.locator(".messagelist button.copy-link", has_text="Ligação copiada").wait_for()
        assert button.inner_text() == "Ligação copiada"
        assert page.evaluate("navigator.clipboard.readText()") == link
        screenshot(page, "admin-form-link-copied")


def test_swagger_ui_renders_the_api_under_the_content_security_policy(embedded_stack: Stack) -> None:
    """Its init script is a file (SpectacularSwaggerSplitView): the strict policy blocks nothing on the page."""
    with browser_page() as page:
        page.goto(f"{embedded_stack.url}/api/v1/docs")
        page.wait_for_selector(".swagger-ui .opblock-tag")
        assert "Applicant screening API" in page.inner_text(".swagger-ui .info")
        assert page.locator(".swagger-ui .opblock").count() > 10
        screenshot(page, "swagger-ui")


def test_a_page_whose_inline_script_the_policy_blocks_fails_the_browser_check() -> None:
    """The guard of every browser test above: an inline script (or style) the policy refuses is a failure."""
    with pytest.raises(AssertionError, match="Content-Security-Policy violations"):
        open_page_with_a_blocked_inline_script()


def open_page_with_a_blocked_inline_script() -> None:
    html = "<!DOCTYPE html><p>x</p><script>document.title = 'ran'</script>"
    headers = {"Content-Security-Policy": "script-src 'self'"}
    with browser_page() as page:
        page.route(
            "http://csp.test/",
            lambda route: route.fulfill(status=200, headers=headers, body=html, content_type="text/html"),
        )
        page.goto("http://csp.test/")
        assert page.title() == ""
