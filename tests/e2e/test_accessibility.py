"""WCAG 2.1 A and AA, as axe-core checks them, on the pages applicants and staff use (round 72, accessibility).

axe-core (through ``axe-playwright-python``, which bundles it) runs in the page in
each state a person meets it: the applicant's form empty, with its errors shown,
with files uploaded, and the page after submitting; a link that no longer works;
staff's login, dashboard, applicant list, applicant page with its report and
the application's page. Any violation
fails, named by its rule and the elements it found. The pages' Content-Security-Policy
is bypassed here only: axe-core styles what it measures inline, which the policy
refuses (every other browser test keeps it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.browser import browser_page
from tests.e2e.stack import Stack
from tests.e2e.test_intake_page import GOOD, new_form, write_files
from tests.helpers import prepared_case

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.ocr]

STRETCHED = prepared_case("stretched")
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def wcag_violations(page: Any) -> list[str]:
    """Each violation axe-core finds on the page as it is now: its rule, impact and the elements' selectors."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


def test_the_applicants_page_meets_wcag_21_aa_in_each_state(embedded_stack: Stack, tmp_path: Path) -> None:
    stack = embedded_stack
    token = stack.create_agency()
    form = new_form(stack, token)
    id_file, payslips = write_files(tmp_path)
    found: dict[str, list[str]] = {}
    for width in (1280, 320):  # a desktop, and reflow at 320 CSS px (WCAG 1.4.10)
        with browser_page(width=width, height=900, bypass_csp=True) as page:
            page.goto(form["intake_url"])
            page.wait_for_selector("#intake:not([hidden])")
            found[f"empty@{width}"] = wcag_violations(page)
            page.click("#submit")
            page.wait_for_selector("#name-error:not(:empty)")
            found[f"errors@{width}"] = wcag_violations(page)
            if width == 320:
                page.fill("#name", GOOD.submitted_name)
                page.fill("#nif", GOOD.person.nif)
                page.fill("#date_of_birth", GOOD.person.date_of_birth.isoformat())
                page.fill("#email", "candidata@example.com")
                page.set_input_files("#id_document", str(id_file))
                page.set_input_files("#income_documents", [str(p) for p in payslips])
                page.check("#terms_accepted")
                found["filled@320"] = wcag_violations(page)
                page.click("#submit")
                page.wait_for_selector("#progress:not([hidden])")
                found["sending@320"] = wcag_violations(page)
                page.wait_for_selector("#progress[data-status=COMPLETED]", timeout=90_000)
                found["completed@320"] = wcag_violations(page)
    with browser_page(bypass_csp=True) as page:
        page.goto(form["intake_url"].rstrip("/").rsplit("/", 1)[0] + "/not-a-real-token/")
        page.wait_for_selector("#unavailable:not([hidden])")
        found["unknown link"] = wcag_violations(page)
    assert {state: issues for state, issues in found.items() if issues} == {}


def test_staffs_admin_pages_meet_wcag_21_aa(embedded_stack: Stack) -> None:
    stack = embedded_stack
    token, email, password = stack.create_staff_agency()
    applicant_id = stack.submit_case(token, STRETCHED)
    stack.wait_for_status(token, applicant_id, "COMPLETED")
    found: dict[str, list[str]] = {}
    with browser_page(bypass_csp=True) as page:
        page.goto(f"{stack.url}/admin/login/")
        found["login"] = wcag_violations(page)
        page.fill("#id_username", email)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_selector("#content")
        found["dashboard"] = wcag_violations(page)
        page.goto(f"{stack.url}/admin/applicants/applicant/")
        found["applicant list"] = wcag_violations(page)
        page.click("#result_list tbody tr th a")
        page.wait_for_selector("[data-testid=risk-level]")
        found["applicant page"] = wcag_violations(page)
        page.click("[data-testid=application-link] a")
        page.wait_for_selector("#content")
        found["application page"] = wcag_violations(page)
    assert {state: issues for state, issues in found.items() if issues} == {}
