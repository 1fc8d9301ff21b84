"""The PDF's household table said "Rendimentos: Sim" of a co-tenant whose own payslips raised the risk (blind probe
r68b, F5: a contract that ended, the latest payslip months old). "Sim" is an income proven for the months required,
not one with nothing to weigh: the table now says which proven incomes carry a reason of the risk, and its caption
what "comprovados" means."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from workspace.report_pdf import PROVEN_WITH_REASONS, TEMPLATE, people_sections, person_view

LEAD, CO = "11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"


def member(applicant_id: str, role: str, *, proven: bool = True) -> dict[str, Any]:
    return {"applicant_id": applicant_id, "role": role, "identity_verified": True, "income_verified": proven,
            "average_monthly_income": "900.00", "income_share": "0.5"}  # fmt: skip


def tagged(name: str, passed: bool, applicant_id: str) -> dict[str, Any]:
    return {"name": name, "passed": passed, "evidence": "...", "applicant_id": applicant_id}


CHECKS = [
    tagged("income.payslip_recent", True, LEAD),
    tagged("income.payslip_recent", True, CO),
    tagged("income.payslip_contract_ongoing", False, CO),
    tagged("income.payslip_latest", False, CO),
]


def view(figures: dict[str, Any], checks: list[dict[str, Any]] = CHECKS) -> dict[str, Any]:
    return person_view(
        figures, applicant=None, checks=checks, household=True, can_view_pii=False, listing_type="ARRENDAMENTO"
    )


def test_a_proven_income_whose_own_payslips_raised_the_risk_says_so() -> None:
    assert view(member(CO, "CO_TENANT"))["income_verified"] == PROVEN_WITH_REASONS


def test_the_other_members_proven_income_reads_yes_and_an_unproven_one_no() -> None:
    """Guards: the reason is the co-tenant's only; an income not proven stays "Não"."""
    assert view(member(LEAD, "TENANT"))["income_verified"] == "Sim"
    assert view(member(CO, "CO_TENANT", proven=False))["income_verified"] == "Não"


def test_a_document_to_check_with_its_issuer_is_a_reason_too() -> None:
    checks = [tagged("authenticity.document", False, LEAD)]
    assert view(member(LEAD, "TENANT"), checks)["income_verified"] == PROVEN_WITH_REASONS


def test_the_table_and_the_sections_say_proven_and_the_caption_what_it_means() -> None:
    people = [view(member(LEAD, "TENANT")), view(member(CO, "CO_TENANT"))]
    sections = people_sections(people)
    assert ("Rendimentos comprovados", PROVEN_WITH_REASONS) in sections[1]["facts"]
    html = render_to_string(
        TEMPLATE,
        {"household": {"monthly_cost": "650,00 €"}, "people": people, "sections": sections, "decisions": []},
    )
    assert "<th>Rendimentos comprovados</th>" in html
    assert f"<td>{PROVEN_WITH_REASONS}</td>" in html
    assert "não quer dizer que nada nesses documentos pese no risco" in html
